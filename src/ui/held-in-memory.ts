// What the storage notice above the screen says while sessions are held in memory only, and what its
// button saves: the last session alone is its own file, as ever; any other is what a backup holds, and
// the notice says how many, where "this session" read as if only the last one were at risk. Where the
// store never opened, or failed for good after it had, every session ended in the tab stays in memory
// until it closes; one a full store has taken nothing of is said to be not saved yet. One held
// that is not the last (the last ended with no set done, and is not kept) has no file of its own to
// offer there: a backup saves it. So whatever stopped the saving, room or another failure.

import { MAKE_ROOM_IN_HISTORY } from '../app/full-store-catch-up.ts';
import type { StoreError, StoreErrorKind } from '../store/errors.ts';

export interface HeldInMemoryNotice {
  readonly message: string;
  /** Its button saves every session held in a backup, not the last session's file alone. */
  readonly savesAll: boolean;
  /** The words of that button, which say what the backup holds. */
  readonly button?: string;
  /**
   * The few words that say it where the notice has room for no more (a phone with its text at twice
   * its size), the message under them for the asking: the message alone took 364 px of a 320 px
   * window there, and Start under it.
   */
  readonly headline?: string;
}

/** Why the sessions are not saved, and what the person is to do once they have backed them up. */
const HELD_BECAUSE: Record<StoreErrorKind, { readonly cause: string; readonly before: string }> = {
  quota: { cause: 'Storage is full', before: 'close the app' },
  blocked: {
    cause: 'An older Backbeat open in another tab stops saving',
    // Closing that tab is what saves them again; closing this one would lose them.
    before: 'close this tab',
  },
  version: { cause: 'The data on this device is from a newer Backbeat', before: 'reload' },
  upgraded: { cause: 'Backbeat was updated in another tab', before: 'reload' },
  moved: { cause: 'This tab stopped saving when its session moved to another tab', before: 'reload' },
  unavailable: { cause: 'This browser does not let Backbeat save data here', before: 'close the app' },
  unknown: { cause: 'Saving failed', before: 'reload or close the app' },
};

/**
 * Why nothing is saved where the store never opened: the browser refused it (a private window,
 * storage off), or it failed to open. Saving never began, and "no longer being saved", or "Saving
 * failed", would say it had. Not an older tab's block nor a newer Backbeat's data: their own words
 * say how to save again (closing the older tab, or a reload).
 */
const NEVER_OPENED_BECAUSE: Partial<Record<StoreErrorKind, string>> = {
  unavailable: 'This browser does not let Backbeat save data here (storage is off or private)',
  unknown: 'Backbeat could not open its storage in this browser',
};

/** What matters of it first: nothing done here outlasts the tab. */
const NEVER_OPENED_HEADLINE = 'Not saved in this browser';

/**
 * What the notice says of sessions a full store has taken nothing of (refused whole as it opened once
 * an older tab let go, or from their first write): "no longer being saved" said they once had been.
 * Each is offered to the store again, and saved once it has room.
 */
function notSavedYet(held: number, lastAmongThem: boolean): HeldInMemoryNotice {
  if (held === 1 && lastAmongThem) {
    return {
      message: `Storage is full, so this session has not been saved yet. It is still here: ${MAKE_ROOM_IN_HISTORY}, and it is saved; or export it before you close the app.`,
      savesAll: false,
    };
  }
  const message =
    held === 1
      ? `Storage is full, so an earlier session has not been saved yet. It is still here: ${MAKE_ROOM_IN_HISTORY}, and it is saved; or back it up before you close the app.`
      : `Storage is full, so ${held} sessions have not been saved yet. They are still here: ${MAKE_ROOM_IN_HISTORY}, and they are saved; or back them up before you close the app.`;
  return { message, savesAll: true, button: 'Back up all sessions (JSON)' };
}

/**
 * Where storage is full, the way to keep the sessions held without a file, said before the file: room
 * made in History saves them. Nothing where another problem stops the saving.
 */
function roomFirst(problem: StoreError, saved: 'it is' | 'they are'): string {
  return problem.kind === 'quota' ? `${MAKE_ROOM_IN_HISTORY}, and ${saved} saved; or ` : '';
}

/**
 * `held`: how many sessions memory alone holds whole. `lastAmongThem`: the session under way or last
 * ended, which the notice's "Save this session" saves, is one of them (kept, while storage does not
 * save, memory holds it). `storeOpened`: the store opened in this visit before the problem came.
 * `noneSaved`: the store has nothing of any of them.
 */
export function heldInMemoryNotice(
  problem: StoreError,
  held: number,
  {
    lastAmongThem,
    storeOpened,
    noneSaved = false,
  }: { readonly lastAmongThem: boolean; readonly storeOpened: boolean; readonly noneSaved?: boolean },
): HeldInMemoryNotice {
  if (problem.kind === 'quota' && noneSaved && held > 0) return notSavedYet(held, lastAmongThem);
  const neverOpened = storeOpened ? undefined : NEVER_OPENED_BECAUSE[problem.kind];
  if (neverOpened && held === 0) {
    // Each session stays in memory beside the next, the tab's closing alone losing them.
    return {
      message: `${neverOpened}: each session is kept only until this tab closes. Save it as a file at its end.`,
      savesAll: false,
      headline: NEVER_OPENED_HEADLINE,
    };
  }
  if (neverOpened && held === 1 && lastAmongThem) {
    return {
      message: `${neverOpened}: this session is kept only until this tab closes. Save it as a file to keep it.`,
      savesAll: false,
      headline: NEVER_OPENED_HEADLINE,
    };
  }
  if (held === 0 || (held === 1 && lastAmongThem)) return { message: problem.message, savesAll: false };
  const { before } = HELD_BECAUSE[problem.kind];
  const cause = neverOpened ?? HELD_BECAUSE[problem.kind].cause;
  // A full store still reads, and its backup holds every session; a failed one is not read, and the
  // file holds those memory keeps, which the store never had whole: the button says which.
  // Where the store never opened, nothing but that file will ever hold them: a backup, as History's.
  const button =
    problem.kind === 'quota'
      ? 'Back up all sessions (JSON)'
      : held === 1
        ? 'Save that session (JSON)'
        : neverOpened
          ? `Back up these ${held} sessions (JSON)`
          : `Save these ${held} sessions (JSON)`;
  const message = neverOpened
    ? held === 1
      ? `${cause}, so an earlier session is kept only until this tab closes: save it as a file to keep it.`
      : `${cause}, so ${held} sessions are kept only until this tab closes: back them up in one file to keep them.`
    : problem.kind === 'blocked'
      ? // Never saved, and saved by themselves once that tab goes: "no longer being saved" said neither.
        held === 1
        ? `${cause}, so an earlier session is kept in memory only. Close that tab, and this one saves it by itself; until then, back it up before you ${before}.`
        : `${cause}, so ${held} sessions are kept in memory only. Close that tab, and this one saves them by itself; until then, back them up before you ${before}.`
      : held === 1
        ? `${cause}, so an earlier session is no longer being saved. It is still here: ${roomFirst(problem, 'it is')}back it up before you ${before}.`
        : `${cause}, so ${held} sessions are no longer being saved. They are still here: ${roomFirst(problem, 'they are')}back them up before you ${before}.`;
  return { message, savesAll: true, button, ...(neverOpened ? { headline: NEVER_OPENED_HEADLINE } : {}) };
}
