// What the storage notice above the screen says while sessions are held in memory only, and what its
// button saves: the last session alone is its own file, as ever; any other is what a backup holds, and
// the notice says how many, where "this session" read as if only the last one were at risk. One held
// that is not the last (the last ended with no set done, and is not kept) has no file of its own to
// offer there: a backup saves it.

import type { StoreError } from '../store/errors.ts';

export interface HeldInMemoryNotice {
  readonly message: string;
  /** Its button saves every session in a backup, not the last session's file alone. */
  readonly savesAll: boolean;
}

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
  // The other kinds say already that sessions stay in memory (storage off), or that Backbeat is to be
  // reloaded, which a backup beforehand covers as well.
  if (problem.kind !== 'quota' || held === 0 || (held === 1 && lastAmongThem))
    return { message: problem.message, savesAll: false };
  if (held === 1) {
    return {
      message:
        'Storage is full, so an earlier session is no longer being saved. It is still here: back it up before you close the app.',
      savesAll: true,
    };
  }
  return {
    message: `Storage is full, so ${held} sessions are no longer being saved. They are still here: back them up before you close the app.`,
    savesAll: true,
  };
}
