// Which device the heart rate is read from, reading by reading. Picked once by kind, a strap gone quiet
// beside a watch (out of reach, its battery out, taken off) left the header with no heart rate while the
// watch on the wrist went on reading it; the best-ranked device with a current reading is read instead,
// and the strap again from its next reading.

import {
  combineLatest,
  concat,
  distinctUntilChanged,
  map,
  type Observable,
  of,
  pairwise,
  startWith,
  switchMap,
  timer,
} from 'rxjs';
import type { HeartRateSample } from '../sensors/samples.ts';

/** One device that gives heart rate, as the choice reads it. */
export interface HeartRateFeed {
  readonly heartRate$: Observable<HeartRateSample>;
  /** Whether its readings can stand for the heart rate now: connected, or being connected. */
  readonly there$: Observable<boolean>;
  /** How long one of its readings stands for the heart rate now. */
  readonly freshMs: number;
}

export interface HeartRateChoice {
  /**
   * The index of the feed read: the first (best-ranked) with a current reading, else the first, whose
   * absence is the one the header explains; -1 where there is no feed.
   */
  readonly from: number;
  /** Its current reading; null where no feed has one. */
  readonly now: HeartRateSample | null;
  /**
   * `now` has just come from the feed read: a reading to keep. Not where the feed read changed to one
   * whose reading came while a better one was read, which was not the session's heart rate then.
   */
  readonly arrived: boolean;
}

/**
 * A feed's reading that stands for the heart rate now, or null: none while it is away, and each for
 * its freshMs, so that a device off the skin, silent or whose watch is unsure of the pulse gives none.
 */
export function currentReading(feed: HeartRateFeed): Observable<HeartRateSample | null> {
  return feed.there$.pipe(
    distinctUntilChanged(),
    switchMap((there) =>
      there
        ? feed.heartRate$.pipe(
            switchMap((sample) => concat(of(sample), timer(feed.freshMs).pipe(map(() => null)))),
            startWith(null),
          )
        : of(null),
    ),
  );
}

/**
 * The feed read, from each feed's current reading now (`readings`, best-ranked first) and at the
 * change before (`before`): the rule every reader of the heart rate goes by (see chooseHeartRate).
 */
export function choiceAmong(
  readings: readonly (HeartRateSample | null)[],
  before: readonly (HeartRateSample | null)[],
): HeartRateChoice {
  if (readings.length === 0) return { from: -1, now: null, arrived: false };
  const current = readings.findIndex((r) => r !== null);
  const from = Math.max(current, 0);
  const now = readings[from];
  return { from, now, arrived: now !== null && now !== before[from] };
}

/** The feed read at each change of the feeds' current readings, `feeds` best-ranked first. */
export function chooseHeartRate(feeds: readonly HeartRateFeed[]): Observable<HeartRateChoice> {
  if (feeds.length === 0) return of(choiceAmong([], []));
  return combineLatest(feeds.map(currentReading)).pipe(
    startWith(feeds.map(() => null)),
    pairwise(),
    map(([before, readings]) => choiceAmong(readings, before)),
  );
}
