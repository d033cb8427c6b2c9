// The one IndexedDB schema and its history. Each version's migration runs once, in order, inside the
// upgrade transaction, so a database at any older version is brought forward step by step and data
// written by an older app is kept. Never change what a published step leaves behind: add the next one.
// (A step may only give up work a later one redoes: v4 no longer fills the week rows v5 rebuilds.)

import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { localUtcOffsetMin, type Week } from '../workout/calendar.ts';
import { StoreError, toStoreError } from './errors.ts';
import { type WeekRow, weeksOf } from './progress.ts';
import {
  type EventRow,
  type HeartRateChunkRow,
  type MotionChunkRow,
  type SessionRow,
  type SessionStatus,
  type SetRow,
  type SnapshotRow,
  setsBySession,
} from './records.ts';
import { summaryHoldMs, withSetsRecounted } from './summary.ts';

export const DB_NAME = 'backbeat';

export interface BackbeatDB extends DBSchema {
  sessions: {
    key: string;
    value: SessionRow;
    indexes: { 'by-started': number; 'by-status': SessionStatus };
  };
  sets: {
    key: [string, number];
    value: SetRow;
    indexes: { 'by-exercise': string };
  };
  snapshots: { key: string; value: SnapshotRow };
  events: { key: [string, number]; value: EventRow };
  heartRate: { key: [string, number]; value: HeartRateChunkRow };
  motion: { key: [string, number]; value: MotionChunkRow };
  weeks: { key: Week; value: WeekRow };
  /** Small facts about the store itself, such as how long raw motion is kept. */
  meta: { key: string; value: unknown };
}

export type BackbeatDatabase = IDBPDatabase<BackbeatDB>;
type UpgradeTransaction = IDBPTransaction<BackbeatDB, StoreNames<BackbeatDB>[], 'versionchange'>;
/** `fromVersion` is the version the upgrade began at: a step may find an earlier one did its work. */
type Migration = (db: BackbeatDatabase, tx: UpgradeTransaction, fromVersion: number) => Promise<void> | void;

/** MIGRATIONS[n] brings a database from version n to n + 1. */
const MIGRATIONS: readonly Migration[] = [
  // v1: sessions and their finished sets.
  (db) => {
    const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
    sessions.createIndex('by-started', 'startedAt');
    const sets = db.createObjectStore('sets', { keyPath: ['sessionId', 'index'] });
    sets.createIndex('by-exercise', 'exerciseId');
  },
  // v2: the session as it runs (events, heart rate, raw motion), resumable sessions, and the sources
  // and timeline gaps a session now records. v1 rows were only ever written once finished.
  async (db, tx) => {
    db.createObjectStore('events', { keyPath: ['sessionId', 'seq'] });
    db.createObjectStore('heartRate', { keyPath: ['sessionId', 'seq'] });
    db.createObjectStore('motion', { keyPath: ['sessionId', 'seq'] });
    const sessions = tx.objectStore('sessions');
    sessions.createIndex('by-status', 'status');
    let cursor = await sessions.openCursor();
    while (cursor) {
      const old = cursor.value as Partial<SessionRow> & Pick<SessionRow, 'id' | 'startedAt'>;
      await cursor.update({
        ...old,
        status: old.status ?? 'finished',
        endedAt: old.endedAt ?? old.startedAt + (old.summary?.durationMs ?? 0),
        updatedAt: old.updatedAt ?? old.startedAt,
        snapshot: old.snapshot ?? null,
        sources: old.sources ?? [],
        gaps: old.gaps ?? [],
      } as SessionRow);
      cursor = await cursor.continue();
    }
  },
  // v3: the resume snapshot moves out of the session row into a store of its own (see SnapshotRow);
  // session rows keep `snapshot: null`, and the repository puts the two back together when read.
  async (db, tx) => {
    db.createObjectStore('snapshots', { keyPath: 'sessionId' });
    const snapshots = tx.objectStore('snapshots');
    let cursor = await tx.objectStore('sessions').openCursor();
    while (cursor) {
      const row = cursor.value;
      if (row.snapshot) {
        await snapshots.put({ sessionId: row.id, snapshot: row.snapshot });
        await cursor.update({ ...row, snapshot: null });
      }
      cursor = await cursor.continue();
    }
  },
  // v4: a row per week of what the progress charts draw, kept up to date as sessions change, so the
  // history opens in the same time after five years as after one; and a store of settings of the store.
  // Its rows, keyed by the local time of the Monday, are built by v5, which replaces them.
  (db) => {
    db.createObjectStore('weeks', { keyPath: 'weekStart' });
    db.createObjectStore('meta');
  },
  // v5: weeks by the calendar. v4 keyed a week by its Monday's midnight in the zone the app ran in
  // when the row was written, so after a change of zone the charts found none of the weeks written
  // before, and a session deleted there stayed counted in the row it had gone into. Each session now
  // keeps the offset from UTC it began at (for those already here, the zone they are upgraded in is
  // the best that can be said), and the week rows are built again from the sessions and their sets.
  async (db, tx) => {
    db.deleteObjectStore('weeks');
    db.createObjectStore('weeks', { keyPath: 'week' });
    const sessions: SessionRow[] = [];
    let cursor = await tx.objectStore('sessions').openCursor();
    while (cursor) {
      const old = cursor.value as Omit<SessionRow, 'utcOffsetMin'> & Partial<SessionRow>;
      const row = { ...old, utcOffsetMin: old.utcOffsetMin ?? localUtcOffsetMin(old.startedAt) };
      if (old.utcOffsetMin === undefined) await cursor.update(row);
      sessions.push(row);
      cursor = await cursor.continue();
    }
    await rebuildWeeks(tx, sessions);
  },
  // v6: progression reads the reps and breath cycles of the exercises the program gives a range for,
  // and how each set ended; the week rows kept only the holds' sets, without it. Built again.
  async (_db, tx) => {
    await rebuildWeeks(tx, await tx.objectStore('sessions').getAll());
  },
  // v7: a session's time held is the sum of its holds in whole seconds, as each set's row shows them.
  // Sessions saved before kept the sum of the milliseconds, so History said a second or two more
  // than the summary and the rows add up to (47.6, 47.7 and 44.9 s held: 2 min 20 s, not 2 min 18 s).
  async (_db, tx) => {
    const holdsOf = setsBySession((await setRowsOf(tx)).filter((set) => set.holdMs !== null));
    let cursor = await tx.objectStore('sessions').openCursor();
    while (cursor) {
      const row = cursor.value;
      const holdMs = summaryHoldMs(holdsOf.get(row.id) ?? []);
      if (row.summary.holdMs !== holdMs) await cursor.update({ ...row, summary: { ...row.summary, holdMs } });
      cursor = await cursor.continue();
    }
  },
  // v8: the charts draw each week's best set against its target, and the lat pulldown's weight, where
  // they drew the week's reps summed, which rose and fell with how many sessions a week had. Built again.
  async (_db, tx) => {
    await rebuildWeeks(tx, await tx.objectStore('sessions').getAll());
  },
  // v9: a session keeps how many of its sets a tap ended short of their target (Skip set, Finish).
  // Sessions saved before said them all done, though their sets' rows say which a tap ended: counted
  // again from the rows. Sets saved before the rows kept that (no skippedUnderWay) read as ended by
  // themselves, as they always did: nothing tells them apart.
  async (_db, tx) => {
    await recountSets(tx);
  },
  // v10: the voice explains an exercise's movement in the first sessions that did it, where it did
  // in a person's first sessions, whatever they did; the week rows kept the sets of the exercises
  // progression follows alone, so not which sessions did the bird dog or the glute bridge. Built again.
  // And History tells a bird dog per side ("Bird dog 10 each side"), as its set, the voice and the
  // summary do, where it told the session's reps in one total: each session with a bird dog counted
  // gets its reps per side from its sets' rows. The others, years of them, are not rewritten. The
  // sets, the most rows there are, are read once for both. The rows built again also give a week's
  // target of reps as the highest its sessions set, where it was the last session's: a short session
  // of easy goals after a full one made the full one's best set read as far above target.
  async (_db, tx) => {
    const sets = await setRowsOf(tx);
    const setsOf = setsBySession(sets);
    const sessions: SessionRow[] = [];
    let cursor = await tx.objectStore('sessions').openCursor();
    while (cursor) {
      const row = cursor.value;
      const { perSide } = withSetsRecounted(row.summary, setsOf.get(row.id) ?? []);
      const told = perSide && JSON.stringify(perSide) !== JSON.stringify(row.summary.perSide);
      const upgraded = told ? { ...row, summary: { ...row.summary, perSide } } : row;
      if (told) await cursor.update(upgraded);
      sessions.push(upgraded);
      cursor = await cursor.continue();
    }
    await rebuildWeeks(tx, sessions);
  },
  // v11: progression reads the glute bridge's sets too, to offer a set more once its set is done in
  // sessions in a row (program.md: "offer more sets"); the week rows kept only the sets it read.
  // Built again, unless v10 built them in this upgrade already, as this version keeps them: the sets'
  // rows are read once.
  (_db, tx) => weeksBuiltAgainOnce(tx),
  // v12: a hold ended with End hold short of its target is cut short, as Skip set's and Finish's are,
  // where it was counted done: counted again from the rows, which say which End hold ended. Unless v9
  // counted them in this upgrade already, by today's rule.
  async (_db, tx, fromVersion) => {
    if (fromVersion < 9) return;
    await recountSets(tx);
  },
  // v13: a week's longest hold leaves out a hold broken by a pause (pausedInHold), as the next day's
  // plan does, where the chart drew it: a drawing-in paused at 13 s and run on to 45 s stood as the
  // week's 45 s. Built again, unless v10 or v11 built them in this upgrade already, by today's rule.
  // Sets saved before pausedInHold was kept carry no mark, and are charted as they were: their
  // pauses cannot tell a pause that broke the hold from Finish's question answered "keep going" or a
  // strap's drop the person never heard of, which did not (see breaksHold).
  (_db, tx) => weeksBuiltAgainOnce(tx),
  // v14: the plan keeps a plank's goal through a first hold the person's tap ended short of it (see
  // progressPlan), where it lowered the goal to a step above that hold; the week rows kept no word of
  // how a set ended but endedBy. Built again, unless an earlier step built them in this upgrade.
  (_db, tx) => weeksBuiltAgainOnce(tx),
  // v15: History tells the time of holds broken by a pause with the pause ("45 s held, with a pause"),
  // as the rest and the voice told each, where it said "45 s held" as of one hold kept whole; the
  // summary kept no word of it. Counted from the sets' rows, which have kept pausedInHold since v13,
  // unless v9 or v12 counted them in this upgrade already, by today's rule.
  async (_db, tx, fromVersion) => {
    if (fromVersion < 12) return;
    await recountSets(tx);
  },
];

/**
 * The sets' rows, read once an upgrade however many of its steps read them: they are the most rows
 * there are, and no step writes them.
 */
const setRowsRead = new WeakMap<UpgradeTransaction, Promise<SetRow[]>>();

function setRowsOf(tx: UpgradeTransaction): Promise<SetRow[]> {
  let rows = setRowsRead.get(tx);
  if (!rows) {
    rows = tx.objectStore('sets').getAll();
    setRowsRead.set(tx, rows);
  }
  return rows;
}

/**
 * Counts every session's sets skipped and cut short, and its time held in holds broken by a pause,
 * again from its sets' rows, by today's rule (see withSetsRecounted). Written only where the count
 * changed: years of sessions with nothing cut short or broken stay as they are.
 */
async function recountSets(tx: UpgradeTransaction): Promise<void> {
  const setsOf = setsBySession(await setRowsOf(tx));
  let cursor = await tx.objectStore('sessions').openCursor();
  while (cursor) {
    const row = cursor.value;
    const summary = withSetsRecounted(row.summary, setsOf.get(row.id) ?? []);
    const changed =
      summary.skipped !== (row.summary.skipped ?? 0) ||
      summary.cutShort !== row.summary.cutShort ||
      summary.pausedHoldMs !== row.summary.pausedHoldMs;
    if (changed) await cursor.update({ ...row, summary });
    cursor = await cursor.continue();
  }
}

/** The upgrades whose week rows a step has built again already. */
const weeksBuilt = new WeakSet<UpgradeTransaction>();

/**
 * Puts the week rows of every session and its sets in place of those there were, the sets read once
 * an upgrade (see setRowsOf).
 */
async function rebuildWeeks(tx: UpgradeTransaction, sessions: readonly SessionRow[]): Promise<void> {
  const sets = await setRowsOf(tx);
  const weeks = tx.objectStore('weeks');
  await weeks.clear();
  await Promise.all(weeksOf(sessions, sets).map((week) => weeks.put(week)));
  weeksBuilt.add(tx);
}

/**
 * The week rows built again from every session, by today's rule, unless an earlier step of this
 * upgrade built them: years of sessions and their sets are gone through once, however many of the
 * steps change what the rows keep.
 */
async function weeksBuiltAgainOnce(tx: UpgradeTransaction): Promise<void> {
  if (weeksBuilt.has(tx)) return;
  await rebuildWeeks(tx, await tx.objectStore('sessions').getAll());
}

export const DB_VERSION = MIGRATIONS.length;

export interface OpenOptions {
  readonly name?: string;
  /** Opens at an older version: for migration tests only. */
  readonly version?: number;
  /** Another tab wants to upgrade the database: this connection has been closed for it. */
  readonly onVersionChange?: () => void;
  /**
   * A tab with an older version keeps the database open: told so, the open goes on waiting, and
   * settles once that tab lets go of it (closed, or reloaded to this version). Without it, the open
   * rejects with 'blocked' at once.
   */
  readonly onBlocked?: () => void;
}

/**
 * Opens (creating or upgrading) the database. Rejects with a StoreError: 'blocked' when a tab with an
 * older version keeps it open (unless `onBlocked` waits for it), 'version' when a newer app already
 * upgraded it, 'unavailable' when the browser offers no IndexedDB.
 */
export function openBackbeatDB(options: OpenOptions = {}): Promise<BackbeatDatabase> {
  const version = options.version ?? DB_VERSION;
  if (typeof indexedDB === 'undefined') return Promise.reject(new StoreError('unavailable'));
  return new Promise((resolve, reject) => {
    let blocked = false;
    const opening = openDB<BackbeatDB>(options.name ?? DB_NAME, version, {
      async upgrade(db, oldVersion, newVersion, tx) {
        for (let v = oldVersion; v < (newVersion ?? version); v++) await MIGRATIONS[v]!(db, tx, oldVersion);
      },
      blocked() {
        if (options.onBlocked) return options.onBlocked();
        blocked = true;
        reject(new StoreError('blocked'));
      },
      blocking() {
        // Let the newer tab upgrade rather than hold it up; this tab learns it must reload.
        db?.close();
        options.onVersionChange?.();
      },
    });
    let db: BackbeatDatabase | undefined;
    opening.then(
      (opened) => {
        db = opened;
        // Opened after all once the other tab let go, but the caller has moved on without it.
        if (blocked) opened.close();
        else resolve(opened);
      },
      (error: unknown) => reject(toStoreError(error)),
    );
  });
}
