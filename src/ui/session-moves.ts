// What changed in the session between two renders of the app shell, for the screens that follow it: a
// new phase or set is a new screen (the history opened in a rest gives way to it), and a set that
// begins is one too, its count where the position to take was. Pure: the shell keeps what it showed.

import type { SessionState } from '../workout/session.ts';
import { showsSetUnderWay } from '../workout/set-shown.ts';
import { setKey } from '../workout/sets-and-rests.ts';

/** What a render showed of the session. */
export interface ShownSession {
  readonly phase: SessionState['phase'];
  /** Which set (see setKey): a set skipped before it began gives way to the next in the same phase. */
  readonly set: string | null;
  /** The set was under way (see showsSetUnderWay), not waiting for the person. */
  readonly underWay: boolean;
}

export function shownSessionOf(state: Pick<SessionState, 'phase' | 'exerciseIndex' | 'set'>): ShownSession {
  const underWay = state.phase === 'set' && state.set !== null && showsSetUnderWay(state.set);
  return { phase: state.phase, set: setKey(state), underWay };
}

/** The session moved on to another phase or another set since `last` was shown (none on the first render). */
export function sessionMovedOn(last: ShownSession | null, now: ShownSession): boolean {
  return last !== null && (now.phase !== last.phase || now.set !== last.set);
}

/** The set shown in `last` began since (its "Go", or Start the set): it is under way now and was not. */
export function setBegan(last: ShownSession | null, now: ShownSession): boolean {
  return last !== null && now.set !== null && now.set === last.set && now.underWay && !last.underWay;
}
