// Whether an interrupted session is offered to go on with. A session left for hours (closed in a
// rest last night, and the app opened again this morning) is not one session any more: the body has
// cooled down, the rest it was in is long over, and going on with it put the morning's sets into
// last night's session, listed as last night's, a minute long. Such a session is kept as it was left,
// and the person starts afresh.

import { wallTimeOf } from '../store/codec.ts';
import type { SessionRow, StateSnapshot } from '../store/records.ts';

/** What of a session says when it was left. */
export interface LeftSession extends Pick<SessionRow, 'startedAt' | 'gaps'> {
  readonly snapshot: Pick<StateSnapshot, 'nowMs'> | null;
  readonly summary: Pick<SessionRow['summary'], 'durationMs'>;
}

/**
 * How long a session can be left and still be gone on with: a call, a knock at the door, a phone
 * that ran out of battery and charged a while. Longer, and the warm-up the session began with is lost.
 */
export const RESUMABLE_FOR_MS = 2 * 60 * 60 * 1000;

/** When the session was left, on the wall clock: the moment of its last saved state. */
export function leftAtWall(session: LeftSession): number {
  return wallTimeOf(session, session.snapshot?.nowMs ?? session.summary.durationMs);
}

/** Whether the session, left at its last saved state, can still be gone on with at `wallNowMs`. */
export function resumable(session: LeftSession, wallNowMs: number): boolean {
  return wallNowMs - leftAtWall(session) <= RESUMABLE_FOR_MS;
}
