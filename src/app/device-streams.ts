// What a device's streams say beyond their readings, watched as they run: a watch finding the pulse,
// motion that stopped while the device stays connected, and the reading of a watch that sends one
// only when it changed, held while it does not.

import {
  combineLatest,
  defer,
  distinctUntilChanged,
  EMPTY,
  interval,
  map,
  merge,
  type Observable,
  of,
  share,
  startWith,
  switchMap,
  takeUntil,
  tap,
  timer,
} from 'rxjs';
import type { AccelFrame } from '../sensors/samples.ts';
import type { ConnectionState } from './device-status.ts';

/**
 * How long a reading the watch is unsure of says it is finding the pulse: it prints one about every
 * second, so one 5 s old is from a sensor that has stopped or a watch that says nothing more.
 */
export const FINDING_PULSE_MS = 5000;

/**
 * Whether a device is finding the pulse: connected, it gave a reading it is unsure of (`sought$`) in
 * the last FINDING_PULSE_MS, and none it is sure of (`sure$`) since.
 */
export function findingPulseOf(
  sought$: Observable<unknown>,
  sure$: Observable<unknown>,
  connection$: Observable<ConnectionState>,
): Observable<boolean> {
  return connection$.pipe(
    map((c) => c === 'connected'),
    distinctUntilChanged(),
    switchMap((connected) =>
      connected
        ? merge(sought$.pipe(map(() => true)), sure$.pipe(map(() => false))).pipe(
            switchMap((sought) =>
              sought
                ? timer(FINDING_PULSE_MS).pipe(
                    map(() => false),
                    startWith(true),
                  )
                : of(false),
            ),
            startWith(false),
          )
        : of(false),
    ),
    distinctUntilChanged(),
  );
}

/**
 * How long a device may be reconnecting before what it counts is handed to another worn beside it that
 * sees it (a watch counting the strap's superman), rather than waiting out the reconnection window
 * (RECONNECT_WINDOW_MS, 71.5 s) with the set paused. A loose contact is back at one of the first three
 * tries, 0.5, 1.5 and 3.5 s after the drop (see RECONNECT_DELAYS_MS), each connected and streaming
 * again within about a second (an emulated Polar H10 is back 0.66 s after its drop): by 5 s it costs
 * no handover. A device still away then waits for its fourth try, not before 7.5 s, and the set for it.
 */
export const HANDED_OVER_AFTER_MS = 5000;

/**
 * Whether what a device counts goes to another that sees it: it has been reconnecting for
 * HANDED_OVER_AFTER_MS, or it is given up for lost, until it is connected again. Tried again after it
 * was handed over (Reconnect, reconnecting once more), it is not back yet, and keeps it handed over.
 */
export function handedOverOf(connection$: Observable<ConnectionState>): Observable<boolean> {
  return defer(() => {
    let handedOver = false;
    return connection$.pipe(
      map((c) => (c === 'reconnecting' || c === 'lost' ? c : 'there')),
      distinctUntilChanged(),
      switchMap((away) => {
        if (away === 'there') return of(false);
        if (away === 'lost' || handedOver) return of(true);
        return timer(HANDED_OVER_AFTER_MS).pipe(
          map(() => true),
          startWith(false),
        );
      }),
      tap((now) => {
        handedOver = now;
      }),
      distinctUntilChanged(),
    );
  });
}

/**
 * How long a Bluetooth device that streamed motion may send none, still connected, before what it
 * counts is taken for unseen: a Bangle.js sends 12.5 readings a second, an H10 a frame every 0.7 s,
 * and an H10 that restarts its stream by itself is back within a second. An InfiniTime watch's
 * silence is its reading unchanged (see heldWhileUnchanged), a stop only once it is found holding a
 * reading it did not send.
 */
export const MOTION_STOPPED_AFTER_MS = 3000;

/**
 * Whether a device's motion has stopped while it stays connected: MOTION_STOPPED_AFTER_MS after its
 * last frame, until the next, or, once it has sent one, after its stream is watched again (reconnected,
 * the page shown again) with none since: a stream that does not come back is as stopped as one that
 * goes quiet. Not before a first frame (a stream that never starts is told as a refusal, see
 * MOTION_REFUSALS), nor while it is not connected (its connection says why), nor while its streams are
 * suspended on purpose (`suspended$`). A device whose silence is a still wrist (`silentWhenStill`, see
 * heldWhileUnchanged) is not timed from a restart: only its readings held say it streams again.
 */
export function motionStoppedOf(
  accel$: Observable<unknown>,
  connection$: Observable<ConnectionState>,
  suspended$: Observable<boolean>,
  { silentWhenStill = false }: { readonly silentWhenStill?: boolean } = {},
): Observable<boolean> {
  return defer(() => {
    let sentOnce = false;
    const frames$ = accel$.pipe(
      tap(() => {
        sentOnce = true;
      }),
    );
    return streamWatched(connection$, suspended$).pipe(
      switchMap((watched) =>
        watched
          ? (sentOnce && !silentWhenStill ? frames$.pipe(startWith(null)) : frames$).pipe(
              switchMap(() =>
                timer(MOTION_STOPPED_AFTER_MS).pipe(
                  map(() => true),
                  startWith(false),
                ),
              ),
              startWith(false),
            )
          : of(false),
      ),
      distinctUntilChanged(),
    );
  });
}

/** Whether a device's stream is expected to run: connected, its streams not suspended on purpose. */
function streamWatched(
  connection$: Observable<ConnectionState>,
  suspended$: Observable<boolean>,
): Observable<boolean> {
  return combineLatest([connection$, suspended$]).pipe(
    map(([connection, suspended]) => connection === 'connected' && !suspended),
    distinctUntilChanged(),
  );
}

/**
 * The motion of a device that sends a reading only when it changed, looking every `pollMs`: each
 * look that sent nothing is its last reading again, timed then, while its stream is expected to run
 * (see streamWatched). Without it a still wrist is no samples at all: never seen still, so no set
 * starts by it and no hold is timed, and taken for a stopped stream (see motionStoppedOf). The last
 * reading may be one given before the stream was watched again, as its connection was set up (the
 * InfiniTime profile reads one as it subscribes): a wrist still from the start notifies nothing
 * after it. None from before a drop is held: the wrist may have moved since. Nor is one held once
 * the watch is found holding a reading it never sent (`unsent$`, see ProfileOutput.motionUnsent):
 * its silence is a stream stopped, no still wrist, until it sends again. Subscribed as the device is
 * set up, so that a reading given then is there to hold.
 */
export function heldWhileUnchanged(
  accel$: Observable<AccelFrame>,
  connection$: Observable<ConnectionState>,
  suspended$: Observable<boolean>,
  now: () => number,
  pollMs: number,
  unsent$: Observable<unknown> = EMPTY,
): Observable<AccelFrame> {
  return defer(() => {
    let sinceUnwatched: Float32Array | null = null;
    const heldFrom = (xyz: Float32Array) =>
      interval(pollMs).pipe(map((): AccelFrame => ({ t0Ms: now(), dtMs: 0, xyz })));
    return streamWatched(connection$, suspended$).pipe(
      switchMap((watched) => {
        if (!watched) {
          sinceUnwatched = null;
          return accel$.pipe(
            tap((frame) => {
              sinceUnwatched = frame.xyz.slice(-3);
            }),
          );
        }
        const carried = sinceUnwatched;
        sinceUnwatched = null;
        return merge(
          carried ? heldFrom(carried).pipe(takeUntil(merge(accel$, unsent$))) : EMPTY,
          accel$.pipe(
            switchMap((frame) => heldFrom(frame.xyz.slice(-3)).pipe(takeUntil(unsent$), startWith(frame))),
          ),
        );
      }),
    );
  }).pipe(share());
}
