// History's list while storage is full: what a backup would hold. The store still reads as ever and
// holds the sessions saved before it filled; memory holds whole the sessions it refused (the one under
// way, the last ended, those waiting for room), of which the store has a cut-short copy or nothing.
// Each is listed once, memory's whole copy in place of the store's, in the store's order.

import type { SessionRow } from '../store/records.ts';

export interface SessionInMemory {
  /** The session as all recorded of it makes it, whether or not the store took it. */
  readonly row: SessionRow;
  /** The store holds a copy of it (perhaps cut short): counted there already. */
  readonly stored: boolean;
}

/** Where the page before ended, and whether the store has sessions after this page. */
export interface PagePlace {
  readonly after?: Pick<SessionRow, 'startedAt' | 'id'>;
  readonly storeHasMore: boolean;
}

type Listed = Pick<SessionRow, 'startedAt' | 'id'>;

/** History's order, the store's: the latest start first; of sessions begun together, the greater id. */
export function listedBefore(a: Listed, b: Listed): number {
  if (a.startedAt !== b.startedAt) return b.startedAt - a.startedAt;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}

/**
 * A page of the store's sessions with those memory holds: each the store has on the page is memory's
 * whole copy, and each the store lacks is listed where it falls, on the page that reaches it (not past
 * the page's last while the store has more, which the next page brings with its own).
 */
export function pageWithMemory(
  storePage: readonly SessionRow[],
  inMemory: readonly SessionInMemory[],
  place: PagePlace,
): SessionRow[] {
  const whole = new Map(inMemory.map((session) => [session.row.id, session.row]));
  const page = storePage.map((row) => whole.get(row.id) ?? row);
  const last = storePage.at(-1);
  const reached = (row: SessionRow) =>
    (!place.after || listedBefore(place.after, row) < 0) &&
    (!place.storeHasMore || !last || listedBefore(row, last) <= 0);
  const unstored = inMemory.filter((session) => !session.stored && reached(session.row));
  return [...page, ...unstored.map((session) => session.row)].sort(listedBefore);
}

/** The sessions a backup would hold: the store's, and those memory alone has. */
export function countWithMemory(storeCount: number, inMemory: readonly SessionInMemory[]): number {
  return storeCount + inMemory.filter((session) => !session.stored).length;
}
