// What the storage notice above the screen says while sessions are held in memory only, and what its
// button saves: the last session alone is its own file, as ever; any other is what a backup holds, and
// the notice says how many, where "this session" read as if only the last one were at risk. One held
// that is not the last (the last ended with no set done, and is not kept) has no file of its own to
// offer there: a backup saves it. So whatever stopped the saving, room or another failure.

import type { StoreError, StoreErrorKind } from '../store/errors.ts';

export interface HeldInMemoryNotice {
  readonly message: string;
  /** Its button saves every session held in a backup, not the last session's file alone. */
  readonly savesAll: boolean;
  /** The words of that button, which say what the backup holds. */
  readonly button?: string;
}

/** Why the sessions are not saved, and what the person is to do once they have backed them up. */
const HELD_BECAUSE: Record<StoreErrorKind, { readonly cause: string; readonly before: string }> = {
  quota: { cause: 'Storage is full', before: 'close the app' },
  blocked: {
    cause: 'An older Backbeat open in another tab stops saving',
    before: 'close that tab and reload this one',
  },
  version: { cause: 'The data on this device is from a newer Backbeat', before: 'reload' },
  upgraded: { cause: 'Backbeat was updated in another tab', before: 'reload' },
  moved: { cause: 'This tab stopped saving when its session moved to another tab', before: 'reload' },
  unavailable: { cause: 'This browser does not let Backbeat save data here', before: 'close the app' },
  unknown: { cause: 'Saving failed', before: 'reload or close the app' },
};

/**
 * `held`: how many sessions memory alone holds whole. `lastAmongThem`: the session under way or last
 * ended, which the notice's "Save this session" saves, is one of them (kept, while storage does not
 * save, memory holds it).
 */
export function heldInMemoryNotice(
  problem: StoreError,
  held: number,
  { lastAmongThem }: { readonly lastAmongThem: boolean },
): HeldInMemoryNotice {
  if (held === 0 || (held === 1 && lastAmongThem)) return { message: problem.message, savesAll: false };
  const { cause, before } = HELD_BECAUSE[problem.kind];
  // A full store still reads, and its backup holds every session; a failed one is not read, and the
  // file holds those memory keeps, which the store never had whole: the button says which.
  const button =
    problem.kind === 'quota'
      ? 'Back up all sessions (JSON)'
      : held === 1
        ? 'Save that session (JSON)'
        : `Save these ${held} sessions (JSON)`;
  const message =
    held === 1
      ? `${cause}, so an earlier session is no longer being saved. It is still here: back it up before you ${before}.`
      : `${cause}, so ${held} sessions are no longer being saved. They are still here: back them up before you ${before}.`;
  return { message, savesAll: true, button };
}
