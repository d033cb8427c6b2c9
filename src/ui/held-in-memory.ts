// What the storage notice above the screen says while sessions are held in memory only, and what its
// button saves: one session is the session's own file, as ever; several are what a backup holds, and
// the notice says how many, where "this session" read as if only the last one were at risk.

import type { StoreError } from '../store/errors.ts';

export interface HeldInMemoryNotice {
  readonly message: string;
  /** Its button saves every session in a backup, not the last session's file alone. */
  readonly savesAll: boolean;
}

export function heldInMemoryNotice(problem: StoreError, held: number): HeldInMemoryNotice {
  // The other kinds say already that sessions stay in memory (storage off), or that Backbeat is to be
  // reloaded, which a backup beforehand covers as well.
  if (held <= 1 || problem.kind !== 'quota') return { message: problem.message, savesAll: false };
  return {
    message: `Storage is full, so ${held} sessions are no longer being saved. They are still here: back them up before you close the app.`,
    savesAll: true,
  };
}
