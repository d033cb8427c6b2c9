// The store filled up while the session goes on: the screen shows it under the count, but the person
// on the mat does not look, and would learn it only at the summary. Said once, where a line does not
// cut the count's rhythm: in a rest, or as the set under way ends.

import type { SessionState } from '../workout/session.ts';
import { type Cue, say } from './cue.ts';
import { isPaused } from './pause-lines.ts';

/** What the person can do about it, said short: the summary then shows the files to save. */
export const FULL_STORE_TEXT =
  'Storage is full: this session is kept until you close the app; save it as a file at the end';

/** How things stand as a change of the session comes: the store full or not, the voice off or not. */
export interface FullStoreNow {
  readonly full: boolean;
  readonly muted: boolean;
}

/**
 * The line to say of a full store at the change from `prev` to `next`, if any, and whether it has been
 * told by then. `told`: it was told since the store last filled up in this session. Said once; said
 * again only once the store has saved again and filled up again, or in a later session. Not said while
 * the voice is off: it is told at the next such moment the voice is on.
 */
export function fullStoreNews(
  told: boolean,
  prev: SessionState,
  next: SessionState,
  now: FullStoreNow,
): { readonly told: boolean; readonly line: Cue | null } {
  if (!now.full) return { told: false, line: null };
  if (!told && !now.muted && isTheMoment(prev, next)) return { told: true, line: say(FULL_STORE_TEXT) };
  return { told: told && inSession(next), line: null };
}

/**
 * A rest going on (its opening lines first, as this waits behind them), or the set under way ended:
 * into the summary, or straight into the next set where there is no rest. Not in a set, where the
 * count is the person's rhythm, nor in a pause, where what is said is how the session goes on.
 */
function isTheMoment(prev: SessionState, next: SessionState): boolean {
  if (isPaused(next)) return false;
  if (next.phase === 'rest') return true;
  const setEnded =
    prev.phase === 'set' &&
    (next.phase === 'summary' ||
      (next.phase === 'set' &&
        (next.exerciseIndex !== prev.exerciseIndex || next.set?.setNumber !== prev.set?.setNumber)));
  return setEnded;
}

/** A session is under way: a later one, begun with the store still full, is told it again. */
function inSession(state: SessionState): boolean {
  return state.phase === 'set' || state.phase === 'rest';
}
