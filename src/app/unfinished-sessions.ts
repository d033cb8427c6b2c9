// The sessions the store holds unfinished, told apart by where they are: recorded in another tab
// now, held whole in another tab's memory (the store's copy cut short), or left by a tab that went
// and offered to resume here.

import type { SessionRow } from '../store/records.ts';
import type { SessionStore } from '../store/session-store.ts';
import { setsKeptOf } from '../workout/sets-kept.ts';
import type { HistoryState } from './history-model.ts';
import { resumable } from './resume-policy.ts';

/**
 * The lock a tab holds, beside its sessions' own (see Tabs.hold), on each ended session that memory
 * alone holds whole (SessionsInMemory.all): the store has it unfinished, cut short where it
 * filled up or failed, and another tab must not offer it to resume from there. Resumed there, it was
 * claimed from this tab, whose whole copy (its last sets and its end) was then dropped as moved. The
 * lock goes with the tab, and the session is offered then, as the store has it.
 */
export function heldInMemoryLock(sessionId: string): string {
  return `held:${sessionId}`;
}

/**
 * The lock a tab holds, beside its session's own, once the store has refused the first write of the
 * session it records (storage full from its start, or none open): another tab knows that session from
 * its locks alone (HistoryState.unsavedElsewhere). A session's own lock with neither a row nor this
 * one is a session whose first write is still under way: there is nothing to say of it yet, and the
 * word its tab sends once that write is tried ('recording') has it looked at again.
 */
export function unsavedSessionLock(sessionId: string): string {
  return `unsaved:${sessionId}`;
}

export interface UnfinishedByTab {
  /** Left by a tab that went: offered to resume here. */
  readonly unfinished: SessionRow | null;
  /** Recorded in another tab now: offered only to move here. */
  readonly elsewhere: SessionRow | null;
  /** Held whole in another tab's memory: offered once that tab has gone. */
  readonly inMemoryElsewhere: readonly SessionRow[];
}

/**
 * The store's unfinished sessions (`active`) by where they are, from the locks the tabs hold now
 * (`live`); the one this tab records (`recordingHere`) is none of them.
 */
export function unfinishedByTab(
  active: readonly SessionRow[],
  live: ReadonlySet<string>,
  recordingHere: string | undefined,
): UnfinishedByTab {
  const inMemoryElsewhere = active.filter((s) => live.has(heldInMemoryLock(s.id)));
  const others = active.filter((s) => s.id !== recordingHere && !live.has(heldInMemoryLock(s.id)));
  return {
    unfinished: others.find((s) => !live.has(s.id)) ?? null,
    elsewhere: others.find((s) => live.has(s.id)) ?? null,
    inMemoryElsewhere,
  };
}

/**
 * The sessions whose lock another tab holds now (`live`, see Tabs.hold) that the store may have no
 * row of: not this tab's (`recordingHere`), nor one of the store's unfinished ones (`active`). The
 * other locks are named with a prefix (a heldInMemoryLock, an import's journal); a session's is its
 * id alone.
 */
export function liveSessionsNotActive(
  live: ReadonlySet<string>,
  active: readonly SessionRow[],
  recordingHere: string | undefined,
): string[] {
  const activeIds = new Set(active.map((s) => s.id));
  return [...live].filter((id) => !id.includes(':') && id !== recordingHere && !activeIds.has(id));
}

/**
 * Of the sessions locked live with no unfinished row (`notActive`, see liveSessionsNotActive), those
 * whose tab holds an unsavedSessionLock: the store refused their first write.
 */
export function refusedFromTheFirstWrite(notActive: readonly string[], live: ReadonlySet<string>): string[] {
  return notActive.filter((id) => live.has(unsavedSessionLock(id)));
}

/** What the history says of the session offered to resume and of the one recorded elsewhere, their sets read. */
export async function unfinishedOffer(
  store: SessionStore,
  { unfinished, elsewhere }: UnfinishedByTab,
  wallNow: () => number,
): Promise<
  Pick<HistoryState, 'unfinished' | 'unfinishedSets' | 'unfinishedResumable' | 'elsewhere' | 'elsewhereSets'>
> {
  const setsOf = async (session: SessionRow | null) => (session ? await store.setsOf(session.id) : []);
  const [unfinishedRows, elsewhereRows] = await Promise.all([setsOf(unfinished), setsOf(elsewhere)]);
  return {
    unfinished,
    unfinishedSets: setsKeptOf(unfinishedRows),
    unfinishedResumable: unfinished !== null && resumable(unfinished, wallNow()),
    elsewhere,
    elsewhereSets: setsKeptOf(elsewhereRows),
  };
}
