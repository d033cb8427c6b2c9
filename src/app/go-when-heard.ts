// When "Go" is heard: once the voice has said it, as one listening would. The virtual strap's simulated
// person sets off then (goWhenHeard), and the session is told it (voiceDone drives session.goHeard()):
// a hold's start and the plank's lift wait for the person to have heard "Go", not for the screen.

import {
  asyncScheduler,
  EMPTY,
  first,
  type MonoTypeOperatorFunction,
  map,
  type Observable,
  of,
  pairwise,
  race,
  startWith,
  subscribeOn,
  switchMap,
  timer,
} from 'rxjs';
import type { Activity } from '../sensors/virtual/choreography.ts';

/**
 * At most this long a person waits for the voice to say "Go" before they go by the screen: past the
 * longest line said before it, a first set's with where to lie and how the exercise is done (the bat
 * hang's, some 280 characters, 23 s at the voice's rate, twice that at its slowest). At 15 s the
 * person set off before "Go" and breathed through the end of that line. A line whose end the voice
 * never tells is ended by Speech itself; this is for a voice that goes on talking.
 */
export const MAX_WAIT_FOR_GO_MS = 60_000;

/**
 * A person told to go once in position (the voice may queue "In position. Go." behind the
 * set's instructions) sets off once the voice has said it, as one listening would, not when the
 * screen changed; with no voice, at once.
 */
export function goWhenHeard(talking$: Observable<boolean> | null): MonoTypeOperatorFunction<Activity> {
  return (activities) =>
    activities.pipe(
      startWith(null),
      pairwise(),
      switchMap(([before, activity]) => {
        if (!activity) return EMPTY;
        if (!talking$ || before?.kind !== 'position' || activity.kind !== 'exercise') return of(activity);
        return voiceDone(talking$).pipe(map(() => activity));
      }),
    );
}

/**
 * Once the voice has said what it was handed as the session changed (at most MAX_WAIT_FOR_GO_MS on).
 * The session's change reaches the voice through a subscriber that may come after this one: the
 * voice is asked once that change has gone round.
 */
export function voiceDone(talking$: Observable<boolean>): Observable<unknown> {
  return race(
    talking$.pipe(
      subscribeOn(asyncScheduler),
      first((talking) => !talking),
    ),
    timer(MAX_WAIT_FOR_GO_MS),
  );
}
