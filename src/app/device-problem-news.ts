// What a Bluetooth device has to say, and when it is over by itself. Some of it is true only until the
// device shows otherwise: out of reach until it reconnects, silent until it sends, its motion stream
// stopped or its frames cut short until motion comes again (left up, each would offer a switch away
// from a working strap). Any other problem stays until it is dismissed.

import { concat, EMPTY, filter, map, merge, type Observable, of, switchMap, take } from 'rxjs';
import type { GattSession } from '../sensors/ble/gatt-session.ts';
import type { DeviceProblemKind } from '../sensors/ble/profile.ts';

/** A problem to show, or one shown that is over by itself (to take down if it is still the one shown). */
export type DeviceProblemNews = { readonly shown: string } | { readonly over: string };

/** The streams of a device's session that tell its problems and when they are over. */
export type ProblemStreams = Pick<GattSession, 'problem$' | 'connection$' | 'heartRate$' | 'accel$'>;

/** Each problem `session` tells, and then, for one that goes by itself, that it is over. */
export function problemNewsOf(session: ProblemStreams): Observable<DeviceProblemNews> {
  const over: Partial<Record<DeviceProblemKind, Observable<unknown>>> = {
    'connection-lost': session.connection$.pipe(filter((c) => c === 'connected')),
    'no-data': merge(session.heartRate$, session.accel$),
    'stream-stopped': session.accel$,
    // Whole frames again: the cut ones were a radio's bad patch, not a packet size too small.
    'truncated-frames': session.accel$,
  };
  // A newer problem takes the place of the one shown: only it can go by itself.
  return session.problem$.pipe(
    switchMap((p) =>
      concat(
        of({ shown: p.message }),
        over[p.kind]?.pipe(
          take(1),
          map(() => ({ over: p.message })),
        ) ?? EMPTY,
      ),
    ),
  );
}
