// The repository over the database: sessions with everything recorded in them, read for the history
// and the exports, written by the recorder, deleted and restored whole. Every method turns what
// IndexedDB throws into a StoreError.

import type { IDBPTransaction, StoreNames } from 'idb';
import { sessionWeek, type Week, weekStarts } from '../workout/calendar.ts';
import { compactHeartRate, compactMotion, workoutMs } from './codec.ts';
import { StoreError, toStoreError } from './errors.ts';
import { type SessionsOfWeek, summarizeWeek, type WeekRow } from './progress.ts';
import type {
  EventRow,
  HeartRateChunkRow,
  MotionChunkRow,
  SessionBundle,
  SessionRow,
  SetRow,
  SnapshotRow,
} from './records.ts';
import { motionChunkBytes } from './records.ts';
import { type BackbeatDatabase, type BackbeatDB, type OpenOptions, openBackbeatDB } from './schema.ts';

/** Rows to write together: one transaction, so a crash leaves all of them or none. */
export interface WriteBatch {
  /** Kept apart from its snapshot (see SnapshotRow); a snapshot it carries is written too. */
  readonly session?: SessionRow;
  readonly snapshot?: SnapshotRow;
  readonly sets?: readonly SetRow[];
  readonly events?: readonly EventRow[];
  readonly heartRate?: readonly HeartRateChunkRow[];
  readonly motion?: readonly MotionChunkRow[];
  /**
   * Written only if the session's row is still in the store, as found in the same transaction: a
   * session deleted (in another tab, while this write waited) is not written back; nothing of the
   * batch is written then. Not for the write that creates the session.
   */
  readonly onlyIfStored?: boolean;
}

export interface ImportResult {
  readonly added: readonly string[];
  /** Sessions already in the store under the same id: kept as they were, not overwritten. */
  readonly skipped: readonly string[];
  /**
   * Of `added`, those that took the place of a cut-short copy of themselves (left by a tab that
   * could no longer save): what was here before, to put back if the import is undone.
   */
  readonly replaced?: readonly SessionBundle[];
  /** Fields of the file that this version does not know, by path: kept with the rows. */
  readonly unknownFields?: readonly string[];
  /**
   * Of an import with a journal, the weeks whose chart rows it left as they were, for refreshWeeks
   * once the whole file is in: until then no row counts what it added, so taking that out again
   * (takeOutImported) writes nothing, and a store that filled up in the middle of it still takes it.
   */
  readonly weeks?: readonly Week[];
}

/**
 * An import under way, kept in `meta` under a key with this prefix: the sessions it has added so far,
 * written in the transaction that adds them. A tab closed in the middle of an import leaves it
 * behind, and the next start takes those sessions out again (an import is all or nothing).
 */
export const IMPORT_JOURNAL_PREFIX = 'import:';

/** The meta row takesAWrite writes: when the store last took one after refusing writes. */
const ROOM_SHOWN_KEY = 'room-shown-at';

export interface ImportJournal {
  readonly key: string;
  readonly added: readonly string[];
  /**
   * The weeks of what it wrote, their rows left for the import's end (see ImportResult.weeks): a tab
   * gone before then leaves them as they were, though a session put in place of its cut-short copy
   * stays. Absent in journals of versions that brought each week up to date as they went.
   */
  readonly weeks?: readonly Week[];
}

const CHUNK_STORES = ['events', 'heartRate', 'motion'] as const;
/** Every store of sessions and what is derived from them (not `meta`, which is about the store). */
const ALL_STORES: StoreNames<BackbeatDB>[] = ['sessions', 'snapshots', 'sets', ...CHUNK_STORES, 'weeks'];
type WriteTransaction = IDBPTransaction<BackbeatDB, StoreNames<BackbeatDB>[], 'readwrite'>;
type AnyTransaction = IDBPTransaction<BackbeatDB, StoreNames<BackbeatDB>[], 'readonly' | 'readwrite'>;

function sessionRange(id: string): IDBKeyRange {
  return IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
}

/** A session as the history lists it: its row, and how much raw motion it keeps. */
export interface MotionUsage {
  readonly id: string;
  readonly startedAt: number;
  readonly status: SessionRow['status'];
  readonly bytes: number;
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(error);
  }
}

export class SessionStore {
  private constructor(private readonly db: BackbeatDatabase) {}

  static async open(options?: OpenOptions): Promise<SessionStore> {
    return new SessionStore(await openBackbeatDB(options));
  }

  close(): void {
    this.db.close();
  }

  /** All sessions, newest first. */
  listSessions(): Promise<SessionRow[]> {
    return guard(async () => {
      const tx = this.db.transaction(['sessions', 'snapshots'], 'readonly');
      const [rows, snapshots] = await Promise.all([
        tx.objectStore('sessions').index('by-started').getAll(),
        tx.objectStore('snapshots').getAll(),
      ]);
      const byId = new Map(snapshots.map((s) => [s.sessionId, s.snapshot]));
      return rows.reverse().map((row) => ({ ...row, snapshot: byId.get(row.id) ?? row.snapshot }));
    });
  }

  /**
   * A page of sessions, newest first, that come after `after` (the last of the page before; from the
   * newest when absent): what the history shows, so that its cost does not grow with the years kept.
   */
  pageOfSessions(limit: number, after?: Pick<SessionRow, 'startedAt' | 'id'>): Promise<SessionRow[]> {
    return guard(async () => {
      const tx = this.db.transaction(['sessions', 'snapshots'], 'readonly');
      const rows: SessionRow[] = [];
      const range = after ? IDBKeyRange.upperBound(after.startedAt) : null;
      let cursor = await tx.objectStore('sessions').index('by-started').openCursor(range, 'prev');
      // Sessions that began at the same moment (one imported twice under two ids) come in the order
      // of their ids, the greatest first: those up to `after` were on the pages before. Paging by the
      // start alone skipped the rest of them.
      while (
        cursor &&
        after &&
        cursor.key === after.startedAt &&
        indexedDB.cmp(cursor.primaryKey, after.id) >= 0
      ) {
        cursor = await cursor.continue();
      }
      while (cursor && rows.length < limit) {
        rows.push(cursor.value);
        cursor = await cursor.continue();
      }
      const snapshots = await Promise.all(rows.map((row) => tx.objectStore('snapshots').get(row.id)));
      return rows.map((row, i) => ({ ...row, snapshot: snapshots[i]?.snapshot ?? row.snapshot }));
    });
  }

  countSessions(): Promise<number> {
    return guard(() => this.db.count('sessions'));
  }

  /** What the progress charts draw: a row per week, oldest first. */
  weeks(): Promise<WeekRow[]> {
    return guard(() => this.db.getAll('weeks'));
  }

  /** The sessions of a week and their sets, as its chart row is made of them (see refreshWeek). */
  sessionsOfWeek(week: Week): Promise<SessionsOfWeek> {
    return guard(() => readWeek(this.db.transaction(ALL_STORES, 'readonly'), week));
  }

  getSession(id: string): Promise<SessionRow | undefined> {
    return guard(async () => {
      const tx = this.db.transaction(['sessions', 'snapshots'], 'readonly');
      const [row, snapshot] = await Promise.all([
        tx.objectStore('sessions').get(id),
        tx.objectStore('snapshots').get(id),
      ]);
      return row && { ...row, snapshot: snapshot?.snapshot ?? row.snapshot };
    });
  }

  /** Every finished set of every session: what the progress charts draw. */
  allSets(): Promise<SetRow[]> {
    return guard(() => this.db.getAll('sets'));
  }

  /** The sets of one session, without its events, heart rate or motion. */
  setsOf(id: string): Promise<SetRow[]> {
    return guard(() => this.db.getAll('sets', sessionRange(id)));
  }

  /** The heart rate of one session, without its sets, events or motion. */
  heartRateOf(id: string): Promise<HeartRateChunkRow[]> {
    return guard(() => this.db.getAll('heartRate', sessionRange(id)));
  }

  /** The most recent session that was neither finished nor given up: the one to offer to resume. */
  async findUnfinishedSession(): Promise<SessionRow | null> {
    return (await this.unfinishedSessions())[0] ?? null;
  }

  /** Every session neither finished nor given up, the most recently written first. */
  unfinishedSessions(): Promise<SessionRow[]> {
    return guard(async () => {
      const active = await this.db.getAllFromIndex('sessions', 'by-status', 'active');
      active.sort((a, b) => b.updatedAt - a.updatedAt);
      const rows = await Promise.all(active.map((row) => this.getSession(row.id)));
      return rows.filter((row): row is SessionRow => row !== undefined);
    });
  }

  /**
   * Makes `writer` the only one whose writes to the session are taken (see SessionRow.writer): from
   * now on the tab that recorded it before is refused, even a write it had already begun.
   */
  claim(id: string, writer: string): Promise<void> {
    return guard(async () => {
      const tx = this.db.transaction('sessions', 'readwrite');
      const row = await tx.store.get(id);
      if (row) await tx.store.put({ ...row, writer });
      await tx.done;
    });
  }

  loadBundle(id: string): Promise<SessionBundle | null> {
    return guard(async () => {
      const tx = this.db.transaction(ALL_STORES, 'readonly');
      const row = await tx.objectStore('sessions').get(id);
      return row ? readBundle(tx, row) : null;
    });
  }

  /** The ids of every session, oldest first: a backup walks them one at a time. */
  sessionIds(): Promise<string[]> {
    return guard(() => this.db.getAllKeysFromIndex('sessions', 'by-started'));
  }

  /** Everything at once: for tests and small stores; a backup reads a session at a time. */
  async allBundles(): Promise<SessionBundle[]> {
    const sessions = await this.listSessions();
    const bundles: SessionBundle[] = [];
    for (const s of sessions) {
      const bundle = await this.loadBundle(s.id);
      if (bundle) bundles.push(bundle);
    }
    return bundles;
  }

  /**
   * Writes the batch in one transaction. With a `writer`, the batch is refused with StoreError
   * 'moved' when the session has been claimed by another (it moved to another tab). Whether it was
   * written: a batch `onlyIfStored` whose session is gone is dropped, which says nothing of room.
   */
  write(batch: WriteBatch, writer?: string): Promise<boolean> {
    return guard(async () => {
      const tx = this.db.transaction(ALL_STORES, 'readwrite');
      const sessionId = batch.session?.id ?? batch.snapshot?.sessionId ?? firstSessionId(batch);
      const stored = sessionId === undefined ? undefined : await tx.objectStore('sessions').get(sessionId);
      if (writer !== undefined) {
        const claimedBy = stored?.writer;
        if (claimedBy !== undefined && claimedBy !== writer) {
          tx.done.catch(() => undefined);
          tx.abort();
          throw new StoreError('moved');
        }
      }
      if (batch.onlyIfStored && sessionId !== undefined && !stored) {
        tx.done.catch(() => undefined);
        tx.abort();
        return false;
      }
      const puts: Promise<unknown>[] = [];
      if (batch.session) puts.push(...putSession(tx, batch.session));
      if (batch.snapshot) puts.push(tx.objectStore('snapshots').put(batch.snapshot));
      for (const row of batch.sets ?? []) puts.push(tx.objectStore('sets').put(row));
      for (const row of batch.events ?? []) puts.push(tx.objectStore('events').put(row));
      for (const row of batch.heartRate ?? []) puts.push(tx.objectStore('heartRate').put(row));
      for (const row of batch.motion ?? []) puts.push(tx.objectStore('motion').put(row));
      // A new set, a changed plan or the end: the week's chart row follows in the same transaction,
      // and so does the row of the week the session was in before, should a rewrite have moved it.
      if (batch.session) {
        const weeks = new Set([sessionWeek(batch.session)]);
        if (stored) weeks.add(sessionWeek(stored));
        for (const week of weeks) puts.push(refreshWeek(tx, week));
      }
      await Promise.all([...puts, tx.done]);
      return true;
    });
  }

  /**
   * Deletes a session with its week's chart row put right, in one transaction: the two go together or
   * not at all, so the charts and the plan never count a session that is gone. A full store refuses
   * that whole (Chromium weighs what a transaction writes, not what it frees), so there the session's
   * raw motion goes first, on its own (the largest part, which the delete was to take anyway, and what
   * a store keeps none of by choice), and the delete is asked again in the room that freed: deleting
   * old sessions is how a person makes room. Refused still, nothing more of it goes, and it throws;
   * its row says its motion was removed where it has room to (see dropMotion): it counted the bytes
   * gone, which Settings showed as what raw motion takes and what removing it would free.
   */
  deleteSession(id: string): Promise<void> {
    return guard(async () => {
      try {
        await this.deleteWithItsWeek(id);
      } catch (error) {
        if (toStoreError(error).kind !== 'quota') throw error;
        const tx = this.db.transaction('motion', 'readwrite');
        await Promise.all([tx.store.delete(sessionRange(id)), tx.done]);
        await this.deleteWithItsWeek(id).catch(async (refused: unknown) => {
          await this.dropMotion(id).catch(() => undefined);
          throw refused;
        });
      }
    });
  }

  /** The session's rows deleted and its week's row put right, in one transaction. */
  private async deleteWithItsWeek(id: string): Promise<void> {
    const tx = this.db.transaction(ALL_STORES, 'readwrite');
    await wholeOrNone(tx, async () => {
      const row = await tx.objectStore('sessions').get(id);
      await deleteRows(tx, id);
      // The week the session was counted in, whatever zone the app runs in now.
      if (row) await refreshWeek(tx, sessionWeek(row));
    });
  }

  deleteAll(): Promise<void> {
    return guard(async () => {
      const tx = this.db.transaction(ALL_STORES, 'readwrite');
      await Promise.all([...ALL_STORES.map((name) => tx.objectStore(name).clear()), tx.done]);
    });
  }

  /**
   * Adds imported or restored sessions in one transaction: a failure part-way adds none of them.
   * Sessions whose id is already here are left alone, so an import never loses what was recorded,
   * but for the copy here of a session the file carries further (see goesFurther): storage failed in
   * the middle of it, and the person saved the whole of it from memory to bring it back.
   */
  importBundles(bundles: readonly SessionBundle[], journal?: string): Promise<ImportResult> {
    return guard(async () => {
      const stores: StoreNames<BackbeatDB>[] = journal ? [...ALL_STORES, 'meta'] : ALL_STORES;
      const tx = this.db.transaction(stores, 'readwrite');
      const added: string[] = [];
      const skipped: string[] = [];
      const replaced: SessionBundle[] = [];
      const weeks = new Set<Week>();
      for (const bundle of bundles) {
        const id = bundle.session.id;
        const here = await tx.objectStore('sessions').get(id);
        if (added.includes(id) || (here && !(await goesFurther(tx, here, bundle)))) {
          skipped.push(id);
          continue;
        }
        if (here) {
          replaced.push(await readBundle(tx, here));
          await deleteRows(tx, id);
          weeks.add(sessionWeek(here));
        }
        added.push(id);
        await putBundle(tx, bundle);
      }
      for (const b of bundles) if (added.includes(b.session.id)) weeks.add(sessionWeek(b.session));
      if (!journal) for (const week of weeks) await refreshWeek(tx, week);
      if (journal) {
        // A session that took the place of its cut-short copy is kept if the import is cut off: the
        // copy it replaced is in it whole.
        const before = (await tx.objectStore('meta').get(journal)) as ImportJournal | undefined;
        const fresh = added.filter((id) => !replaced.some((r) => r.session.id === id));
        const entry: ImportJournal = {
          key: journal,
          added: [...(before?.added ?? []), ...fresh],
          weeks: [...new Set([...(before?.weeks ?? []), ...weeks])],
        };
        await tx.objectStore('meta').put(entry, journal);
      }
      await tx.done;
      return {
        added,
        skipped,
        ...(replaced.length ? { replaced } : {}),
        ...(journal ? { weeks: [...weeks] } : {}),
      };
    });
  }

  /**
   * Whether importBundles would add the session, read alone: none here under its id, or the copy here
   * one the bundle goes further than (see goesFurther).
   */
  wouldAdd(bundle: SessionBundle): Promise<boolean> {
    return guard(async () => {
      const tx = this.db.transaction(ALL_STORES, 'readonly');
      const here = await tx.objectStore('sessions').get(bundle.session.id);
      const adds = !here || (await goesFurther(tx, here, bundle));
      await tx.done;
      return adds;
    });
  }

  /** Brings the chart rows of the weeks up to date with their sessions, in one transaction. */
  refreshWeeks(weeks: Iterable<Week>): Promise<void> {
    return guard(async () => {
      const tx = this.db.transaction(ALL_STORES, 'readwrite');
      await wholeOrNone(tx, async () => {
        for (const week of new Set(weeks)) await refreshWeek(tx, week);
      });
    });
  }

  /**
   * Takes out a session an import added, before its weeks were brought up to date (see
   * ImportResult.weeks): its rows only, no week's row counting it. Deletes alone, which a full store
   * takes. The week it was in, for refreshWeeks where another write may have counted it; null where
   * it is gone already.
   */
  takeOutImported(id: string): Promise<Week | null> {
    return guard(async () => {
      const tx = this.db.transaction(ALL_STORES, 'readwrite');
      const row = await tx.objectStore('sessions').get(id);
      await Promise.all([deleteRows(tx, id), tx.done]);
      return row ? sessionWeek(row) : null;
    });
  }

  /**
   * Puts back the copy of a session an import replaced (ImportResult.replaced), the import being
   * undone, in place of the copy it brought: only while the session is still here. One deleted
   * meanwhile (in another tab, or all of them) was deleted on purpose, and stays deleted. Whether
   * it was put back.
   */
  putBackReplaced(before: SessionBundle): Promise<boolean> {
    return guard(async () => {
      const tx = this.db.transaction(ALL_STORES, 'readwrite');
      const id = before.session.id;
      const here = await tx.objectStore('sessions').get(id);
      if (!here) {
        await tx.done;
        return false;
      }
      await deleteRows(tx, id);
      await putBundle(tx, before);
      for (const week of new Set([sessionWeek(here), sessionWeek(before.session)]))
        await refreshWeek(tx, week);
      await tx.done;
      return true;
    });
  }

  /**
   * How much raw motion each session keeps, oldest first. Sessions saved before the store counted it
   * are counted now, once, and the figure kept in their row.
   */
  motionUsage(): Promise<MotionUsage[]> {
    return guard(async () => {
      const rows = await this.db.getAllFromIndex('sessions', 'by-started');
      const usage: MotionUsage[] = [];
      for (const row of rows) {
        let bytes = row.motionBytes;
        if (bytes === undefined) {
          const chunks = await this.db.getAll('motion', sessionRange(row.id));
          bytes = chunks.reduce((n, c) => n + motionChunkBytes(c), 0);
          await this.countMotion(row.id, bytes);
        }
        usage.push({ id: row.id, startedAt: row.startedAt, status: row.status, bytes });
      }
      return usage;
    });
  }

  /**
   * Merges a finished session's one-second chunks of motion and heart rate into chunks of about a
   * minute (see compactMotion), in one transaction. Sessions still running are left as they are.
   */
  compact(id: string): Promise<void> {
    return guard(async () => {
      const tx = this.db.transaction(['sessions', 'motion', 'heartRate'], 'readwrite');
      const range = sessionRange(id);
      const [row, motion, heartRate] = await Promise.all([
        tx.objectStore('sessions').get(id),
        tx.objectStore('motion').getAll(range),
        tx.objectStore('heartRate').getAll(range),
      ]);
      if (row?.status !== 'finished') return;
      const writes: Promise<unknown>[] = [];
      const compactMotionRows = compactMotion(motion);
      if (compactMotionRows.length < motion.length) {
        writes.push(tx.objectStore('motion').delete(range));
        writes.push(...compactMotionRows.map((r) => tx.objectStore('motion').put(r)));
      }
      const compactBeats = compactHeartRate(heartRate);
      if (compactBeats.length < heartRate.length) {
        writes.push(tx.objectStore('heartRate').delete(range));
        writes.push(...compactBeats.map((r) => tx.objectStore('heartRate').put(r)));
      }
      await Promise.all([...writes, tx.done]);
    });
  }

  /**
   * Removes a finished session's raw motion; its sets, events, heart rate and summary stay. A full
   * store refuses its row rewritten beside the delete (Chromium weighs what a transaction writes, not
   * what it frees), so there the motion goes first on its own, and the row says so in the room that
   * freed: removing raw motion is how a person makes room in bulk.
   */
  dropMotion(id: string): Promise<void> {
    return guard(async () => {
      try {
        await this.dropMotionWithItsRow(id);
      } catch (error) {
        if (toStoreError(error).kind !== 'quota') throw error;
        if ((await this.db.get('sessions', id))?.status !== 'finished') return;
        const tx = this.db.transaction('motion', 'readwrite');
        await Promise.all([tx.store.delete(sessionRange(id)), tx.done]);
        await this.dropMotionWithItsRow(id);
      }
    });
  }

  /** The session's raw motion deleted and its row saying so, in one transaction. */
  private async dropMotionWithItsRow(id: string): Promise<void> {
    const tx = this.db.transaction(['sessions', 'motion'], 'readwrite');
    const row = await tx.objectStore('sessions').get(id);
    if (row?.status !== 'finished') return;
    // A write refused at once (thrown, not failed later) still ends here as this promise's rejection,
    // with the transaction's own end awaited: neither is left rejected with no one to hear it.
    const writes = async () => {
      await tx.objectStore('motion').delete(sessionRange(id));
      await tx.objectStore('sessions').put({ ...row, motionBytes: 0, motionDropped: true });
    };
    await Promise.all([tx.done, writes()]);
  }

  /** Begins an import's journal (see IMPORT_JOURNAL_PREFIX): name it in importBundles. */
  beginImport(key: string): Promise<void> {
    return this.setMeta(key, { key, added: [] } satisfies ImportJournal);
  }

  /** Imports whose tab went before they ended or were undone, and what each had added. */
  importJournals(): Promise<ImportJournal[]> {
    const range = IDBKeyRange.bound(IMPORT_JOURNAL_PREFIX, `${IMPORT_JOURNAL_PREFIX}\uffff`);
    return guard(async () => (await this.db.getAll('meta', range)) as ImportJournal[]);
  }

  /** An import ended, or was undone: its journal goes. */
  endImport(key: string): Promise<void> {
    return guard(() => this.db.delete('meta', key));
  }

  /** A fact about the store (see BackbeatDB.meta). */
  getMeta(key: string): Promise<unknown> {
    return guard(() => this.db.get('meta', key));
  }

  /**
   * Whether a store that refused a write for want of room takes one now, asked with a small row of its
   * own (when it last did, overwritten each time): resolves once taken, and throws as any write does
   * (a StoreError of kind 'quota' while it is still full).
   */
  takesAWrite(): Promise<void> {
    return guard(async () => {
      await this.db.put('meta', Date.now(), ROOM_SHOWN_KEY);
    });
  }

  setMeta(key: string, value: unknown): Promise<void> {
    return guard(async () => {
      await this.db.put('meta', value, key);
    });
  }

  private countMotion(id: string, bytes: number): Promise<void> {
    return guard(async () => {
      const tx = this.db.transaction('sessions', 'readwrite');
      const row = await tx.store.get(id);
      // The session may have moved on (or gone) since it was read: count only where it still applies.
      if (row && row.motionBytes === undefined) await tx.store.put({ ...row, motionBytes: bytes });
      await tx.done;
    });
  }
}

/**
 * Runs `work` in `tx` and waits for its commit; a write refused as it was asked (not only at the
 * commit) aborts the whole, where the requests before it were committed on their own: a session gone
 * and its week counting it.
 */
async function wholeOrNone(tx: WriteTransaction, work: () => Promise<void>): Promise<void> {
  // Watched from the start: a refused write aborts it, and its rejection is this one's to throw.
  const done = tx.done;
  done.catch(() => undefined);
  try {
    await work();
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Aborted already, by the refusal itself.
    }
    throw error;
  }
  await done;
}

function firstSessionId(batch: WriteBatch): string | undefined {
  return (batch.sets?.[0] ?? batch.events?.[0] ?? batch.heartRate?.[0] ?? batch.motion?.[0])?.sessionId;
}

/** Brings the chart row of the week up to date with its sessions and sets. */
async function refreshWeek(tx: WriteTransaction, week: Week): Promise<void> {
  const { sessions, sets } = await readWeek(tx, week);
  if (sessions.length === 0) await tx.objectStore('weeks').delete(week);
  else await tx.objectStore('weeks').put(summarizeWeek(week, sessions, sets));
}

/** The sessions a week's chart row is made of and their sets; the index by start spans the week's possible days, which its sessions are picked from. */
async function readWeek(tx: AnyTransaction, week: Week): Promise<SessionsOfWeek> {
  const [from, to] = weekStarts(week);
  const near = await tx
    .objectStore('sessions')
    .index('by-started')
    .getAll(IDBKeyRange.bound(from, to, false, true));
  const sessions = near.filter((s) => sessionWeek(s) === week);
  const sets = await Promise.all(sessions.map((s) => tx.objectStore('sets').getAll(sessionRange(s.id))));
  return { sessions, sets: sets.flat() };
}

/** A session row goes in without its snapshot, which goes into its own store. */
/**
 * Whether the file's copy of a session goes further than the one here: it holds every set of it, and
 * it ends later on the session's timeline (or is finished where the one here is not). So the one
 * here is what was saved before storage failed, closed since or not, and nothing of it is lost.
 */
async function goesFurther(tx: AnyTransaction, here: SessionRow, bundle: SessionBundle): Promise<boolean> {
  const [snapshot, sets] = await Promise.all([
    tx.objectStore('snapshots').get(here.id),
    tx.objectStore('sets').getAll(sessionRange(here.id)),
  ]);
  const holdsEverySet = sets.every((set) =>
    bundle.sets.some((other) => other.index === set.index && other.startedMs === set.startedMs),
  );
  const hereEndsMs = workoutMs({ ...here, snapshot: snapshot?.snapshot ?? here.snapshot });
  const endsLater = workoutMs(bundle.session) > hereEndsMs;
  const finishes = here.status === 'active' && bundle.session.status === 'finished';
  return holdsEverySet && (endsLater || finishes);
}

/** A session's rows, the snapshot put back in its row, as a bundle. */
async function readBundle(tx: AnyTransaction, row: SessionRow): Promise<SessionBundle> {
  const range = sessionRange(row.id);
  const [snapshot, sets, events, heartRate, motion] = await Promise.all([
    tx.objectStore('snapshots').get(row.id),
    tx.objectStore('sets').getAll(range),
    tx.objectStore('events').getAll(range),
    tx.objectStore('heartRate').getAll(range),
    tx.objectStore('motion').getAll(range),
  ]);
  const session = { ...row, snapshot: snapshot?.snapshot ?? row.snapshot };
  return { session, sets, events, heartRate, motion };
}

/** Every row of a session (its week's row is the caller's to refresh). */
async function deleteRows(tx: WriteTransaction, id: string): Promise<void> {
  const range = sessionRange(id);
  await Promise.all([
    tx.objectStore('sessions').delete(id),
    tx.objectStore('snapshots').delete(id),
    tx.objectStore('sets').delete(range),
    ...CHUNK_STORES.map((name) => tx.objectStore(name).delete(range)),
  ]);
}

/** Every row of a session, as a backup holds it. */
async function putBundle(tx: WriteTransaction, bundle: SessionBundle): Promise<void> {
  const puts: Promise<unknown>[] = putSession(tx, bundle.session);
  for (const row of bundle.sets) puts.push(tx.objectStore('sets').put(row));
  for (const row of bundle.events) puts.push(tx.objectStore('events').put(row));
  for (const row of bundle.heartRate) puts.push(tx.objectStore('heartRate').put(row));
  for (const row of bundle.motion) puts.push(tx.objectStore('motion').put(row));
  await Promise.all(puts);
}

function putSession(tx: WriteTransaction, session: SessionRow): Promise<unknown>[] {
  const puts: Promise<unknown>[] = [tx.objectStore('sessions').put({ ...session, snapshot: null })];
  if (session.snapshot) {
    puts.push(tx.objectStore('snapshots').put({ sessionId: session.id, snapshot: session.snapshot }));
  }
  return puts;
}
