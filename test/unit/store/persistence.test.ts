import { openDB } from 'idb';
import { NEVER, of, Subject } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionState, DeviceStatus } from '../../../src/app/device-status.ts';
import { HISTORY_PAGE } from '../../../src/app/history-model.ts';
import { Persistence, type RecordableApp } from '../../../src/app/persistence.ts';
import type { TabMessage, Tabs } from '../../../src/app/tabs.ts';
import type { Cue } from '../../../src/cues/cue-planner.ts';
import { type CueHosts, CuePlayer } from '../../../src/cues/cue-player.ts';
import { CSV_COLUMNS } from '../../../src/export/csv.ts';
import { ImportError } from '../../../src/export/json.ts';
import type { MotionEvent } from '../../../src/motion/events.ts';
import type { AccelFrame, HeartRateSample, SourceInfo } from '../../../src/sensors/samples.ts';
import { FULL_STORE_RETRY_MS } from '../../../src/store/recorder.ts';
import type { SessionBundle } from '../../../src/store/records.ts';
import { SessionStore, type WriteBatch } from '../../../src/store/session-store.ts';
import { staysPausedAfterInterruption } from '../../../src/workout/interruption.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import type { PastSession } from '../../../src/workout/progression.ts';
import { SessionModel } from '../../../src/workout/session-model.ts';
import { chestStrapStatus } from '../../device-status.ts';
import { EVERY_EXERCISE } from '../../devices-sensed.ts';
import { StandInUtterance } from '../../utterance.ts';
import { VoiceOnTheMat } from '../../voice-on-the-mat.ts';

const STRAP: SourceInfo = { id: 'strap', name: 'Strap', kind: 'virtual', placement: 'chest' };
let dbCounter = 0;

/** The strap as a new page finds it: it counts every exercise. */
function strapAs(connection: ConnectionState): DeviceStatus {
  return chestStrapStatus({ id: 'strap', name: 'Strap', connection });
}

/** The parts of Backbeat the store listens to, driven by hand on a page clock. */
class Page {
  clockMs = 300;
  readonly session = new SessionModel(() => this.clockMs);
  readonly devices = {
    state: {
      source: STRAP as SourceInfo | null,
      devices: [] as DeviceStatus[],
      rejoining: false,
      awaiting: [],
    },
  };
  readonly accel = new Subject<{ source: SourceInfo; frame: AccelFrame }>();
  readonly beats = new Subject<HeartRateSample | null>();
  readonly motion = new Subject<MotionEvent>();
  readonly cues = new Subject<Cue>();
  readonly handed = new Subject<Cue>();
  /** The coach speaking through `voice`, where one is given; else the cues are played by hand. */
  readonly player = this.voice
    ? CuePlayer.forBrowser(
        this.session.state$,
        of({ muted: false, tones: false, vibration: false, voiceUri: null, speechRate: 1 }),
        {
          window: { speechSynthesis: this.voice.speechSynthesis, SpeechSynthesisUtterance: StandInUtterance },
          navigator: {},
          document: { visibilityState: 'visible', addEventListener() {}, removeEventListener() {} },
        } as unknown as CueHosts,
      )
    : null;
  readonly app: RecordableApp = {
    session: this.session,
    devices: this.devices,
    accel$: this.accel,
    heartRate$: this.beats,
    motion$: this.motion,
    cues: this.player ?? { played$: this.cues, handed$: this.handed },
  };
  store: SessionStore | null = null;
  /** The document, hidden and shown again as the person goes to another app and back. */
  readonly document = Object.assign(new EventTarget(), {
    visibilityState: 'visible' as DocumentVisibilityState,
  });
  readonly persistence: Persistence;

  constructor(
    readonly dbName: string,
    openStore?: () => Promise<SessionStore>,
    tabs?: Tabs,
    readonly window = new EventTarget(),
    readonly voice?: VoiceOnTheMat,
    heldMotionBytes?: number,
  ) {
    this.persistence = new Persistence(this.app, {
      heldMotionBytes,
      openStore:
        openStore ??
        (async () => {
          this.store = await SessionStore.open({ name: dbName });
          return this.store;
        }),
      now: () => this.clockMs,
      wallNow: () => Date.UTC(2026, 10, 23, 7) + this.clockMs,
      flushMs: 60_000,
      page: this.document,
      window: this.window,
      tabs,
    });
  }

  /** Whether the page, about to close, asks the person first. */
  asksBeforeClosing(): boolean {
    const event = new Event('beforeunload', { cancelable: true });
    this.window.dispatchEvent(event);
    return event.defaultPrevented;
  }

  /** The person goes to another app (the phone's settings, to free space) and comes back. */
  leaveAndComeBack(): void {
    for (const state of ['hidden', 'visible'] as const) {
      this.document.visibilityState = state;
      this.document.dispatchEvent(new Event('visibilitychange'));
    }
  }

  run(ms: number): void {
    for (let t = 0; t < ms; t += 100) {
      const xyz = new Float32Array(60).fill(0.5);
      this.accel.next({ source: STRAP, frame: { t0Ms: this.clockMs, dtMs: 5, xyz } });
      this.clockMs += 100;
      if (this.clockMs % 1000 === 0) {
        this.beats.next({ tMs: this.clockMs, bpm: 95, rrMs: [630] });
        this.session.tick();
      }
    }
  }

  rep(): void {
    const c = this.clockMs;
    this.motion.next({ type: 'rep', tMs: c, emittedMs: c, startMs: c - 1000, peakDeg: 20 });
    this.session.handleMotion({ type: 'rep', tMs: c, emittedMs: c, startMs: c - 1000, peakDeg: 20 });
  }

  /** Sessions of two reps each, finished and written, with a second between them. */
  async finishedSessions(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      this.session.start();
      this.reps(2);
      this.session.finish();
      await this.persistence.flush();
      this.session.reset();
      this.run(1000);
    }
  }

  /** Reps a second and a half apart. */
  reps(n: number): void {
    for (let r = 0; r < n; r++) {
      this.run(1500);
      this.rep();
    }
  }
}

/** A page recording to a database of its own, started. */
async function startedPage(): Promise<Page> {
  const page = new Page(`persistence-${++dbCounter}`);
  await page.persistence.start();
  return page;
}

/** A page that started a session, counted two reps of it and wrote them. */
async function twoRepsWritten(): Promise<Page> {
  const page = await startedPage();
  page.session.start();
  page.reps(2);
  await page.persistence.flush();
  return page;
}

/**
 * The app opened again, its clock at `clockMs` unless left as a new page's, on the database of a tab
 * that went away: what the next start finds.
 */
async function reopen(gone: Page, clockMs?: number): Promise<Page> {
  gone.store!.close();
  const next = new Page(gone.dbName);
  if (clockMs !== undefined) next.clockMs = clockMs;
  await next.persistence.start();
  return next;
}

/** The first set's 10 reps done and its rest run out, and 3 reps of the second set counted. */
function threeRepsIntoTheSecondSet(page: Page): void {
  page.session.start();
  page.reps(10);
  while (page.session.state.phase === 'rest') page.run(1000);
  page.reps(3);
}

/**
 * A session started and recorded for three seconds, its first set waiting for the person: the strap
 * sees posture, and the person never gets into position.
 */
async function waitingForTheFirstSet(dbName: string): Promise<Page> {
  const page = new Page(dbName);
  await page.persistence.start();
  page.session.senseDevices(true, EVERY_EXERCISE);
  page.session.start();
  page.run(3000);
  await page.persistence.flush();
  return page;
}

/** A backup of one short session (one rep), recorded in a database of its own. */
async function backupOfOneSession(): Promise<string> {
  const source = await startedPage();
  source.session.start();
  source.run(3000);
  source.rep();
  source.session.finish();
  await source.persistence.flush();
  return (await source.persistence.backup()).blob.text();
}

/**
 * A backup read as far as its first `sessions` sessions, the rest never coming: a tab closed while
 * reading it.
 */
function readUntilCutOff(backup: string, sessions: number): Blob {
  const bytes = new TextEncoder().encode(
    backup
      .split('\n')
      .slice(0, sessions + 1)
      .map((line) => `${line}\n`)
      .join(''),
  );
  return {
    size: backup.length,
    stream: () => new ReadableStream<Uint8Array>({ start: (reading) => reading.enqueue(bytes) }),
  } as unknown as Blob;
}

/** The ids of the sessions a backup made now holds. */
async function sessionsBackedUp(page: Page): Promise<string[]> {
  const file = JSON.parse(await (await page.persistence.backup()).blob.text());
  return file.sessions.map((s: { session: { id: string } }) => s.session.id);
}

/**
 * A backup of two sessions restored where the first is a cut-short copy (unfinished, no set), left
 * by a tab that could no longer save: the import replaces it, then `meanwhile` runs in another tab,
 * and then the file turns out broken at its second session, which undoes the import.
 */
async function importFailingAfterReplacing(
  meanwhile: (otherTab: SessionStore, id: string, target: Page) => Promise<void>,
): Promise<{ target: Page; id: string; stale: SessionBundle }> {
  const source = await startedPage();
  await source.finishedSessions(2);
  const text = await (await source.persistence.backup()).blob.text();
  // The first in the file: a backup walks the sessions oldest first.
  const [id] = await source.store!.sessionIds();
  const first = (await source.store!.loadBundle(id!))!;
  await source.persistence.dispose();
  const stale: SessionBundle = {
    ...first,
    session: { ...first.session, status: 'active', endedAt: null },
    sets: [],
  };
  const name = `persistence-${++dbCounter}`;
  const otherTab = await SessionStore.open({ name });
  await otherTab.importBundles([stale]);
  const target = new Page(name);
  await target.persistence.start();

  // The rest of the file is read only once the other tab is done.
  const [header, firstLine, secondLine, ...rest] = text.split('\n');
  const broken = [secondLine!.replace('"status":"finished"', '"status":"broken"'), ...rest].join('\n');
  let done = () => {};
  const otherTabDone = new Promise<void>((resolve) => {
    done = resolve;
  });
  const file = new (class extends Blob {
    override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
      const bytes = (part: string) => new TextEncoder().encode(part);
      return new ReadableStream({
        async start(controller) {
          controller.enqueue(bytes(`${header}\n${firstLine}\n`));
          await otherTabDone;
          controller.enqueue(bytes(broken));
          controller.close();
        },
      });
    }
  })([text]);
  const restoring = target.persistence.restore(file, {
    onProgress: () => void meanwhile(otherTab, id!, target).then(done),
  });
  await expect(restoring).rejects.toThrow(/damaged/);
  otherTab.close();
  return { target, id: id!, stale };
}

/**
 * Holds back every read of the store's week rows (the history's charts, read again after each change)
 * until the function returned is called: a history of years, slow to read.
 */
function chartsReadOnlyWhenLetGo(store: SessionStore): () => void {
  let letGo = () => {};
  const held = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  const weeks = store.weeks.bind(store);
  vi.spyOn(store, 'weeks').mockImplementation(async () => {
    await held;
    return weeks();
  });
  return letGo;
}

/** Whether a batch the store is asked to write holds rows of the session `id`. */
function writesOf(batch: WriteBatch, id: string): boolean {
  const rows: readonly { readonly sessionId: string }[] = [
    ...(batch.sets ?? []),
    ...(batch.events ?? []),
    ...(batch.heartRate ?? []),
    ...(batch.motion ?? []),
  ];
  return batch.session?.id === id || batch.snapshot?.sessionId === id || rows.some((r) => r.sessionId === id);
}

/** Refuses, as a full store does, every row the test names: the rest are written. */
function fullFor(refused: (row: unknown) => boolean) {
  const put = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args
  ) {
    if (refused(args[0])) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

/**
 * Two reps written, then storage full: the session's last reps and its end are refused, and it is
 * held in memory alone. `full` keeps refusing every write until restored.
 */
async function firstEndedWhileFull(): Promise<{
  page: Page;
  first: string;
  full: ReturnType<typeof fullFor>;
}> {
  const page = await twoRepsWritten();
  const first = page.persistence.history.state.recordingId!;
  const full = fullFor(() => true);
  try {
    page.reps(3);
    await page.persistence.flush();
    page.session.finish();
    await page.persistence.flush();
  } catch (error) {
    full.mockRestore();
    throw error;
  }
  return { page, first, full };
}

/**
 * A store full until a delete is taken: every write is refused, as a full one refuses it, until a
 * transaction that deletes or clears something commits, which frees room. Undone by the function returned.
 */
function fullUntilADelete(): () => void {
  let full = true;
  const refused = fullFor(() => full);
  const { delete: remove, clear } = IDBObjectStore.prototype;
  const frees = (store: IDBObjectStore) =>
    store.transaction.addEventListener('complete', () => (full = false));
  const freedByDelete = vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (
    this: IDBObjectStore,
    ...args
  ) {
    frees(this);
    return remove.apply(this, args);
  });
  const freedByClear = vi.spyOn(IDBObjectStore.prototype, 'clear').mockImplementation(function (
    this: IDBObjectStore,
  ) {
    frees(this);
    return clear.apply(this);
  });
  return () => {
    refused.mockRestore();
    freedByDelete.mockRestore();
    freedByClear.mockRestore();
  };
}

/**
 * A page with `before` sessions saved, and then one that began with room and ended once storage had
 * filled up: that one waits for room in memory (its id is `waiting`), and storage is said to be full.
 */
async function oneWaitingForRoom(
  before: number,
): Promise<{ page: Page; waiting: string; restore: () => void }> {
  const page = await startedPage();
  await page.finishedSessions(before);
  page.session.start();
  page.reps(2);
  await page.persistence.flush();
  const waiting = page.persistence.history.state.recordingId!;
  const restore = fullUntilADelete();
  page.reps(3);
  await page.persistence.flush();
  page.session.finish();
  await page.persistence.flush();
  expect(page.persistence.history.state).toMatchObject({ storage: 'memory', problem: { kind: 'quota' } });
  return { page, waiting, restore };
}

/**
 * Two sessions that ended while storage was full, the first begun with room (the store has its start),
 * the second begun and ended full: both wait for room in memory, oldest first. The store has room
 * again once this returns, unasked so far.
 */
async function twoWaitingForRoom(): Promise<{ page: Page; first: string; second: string }> {
  const { page, first, full } = await firstEndedWhileFull();
  try {
    page.session.reset();
    page.session.start();
    const second = page.persistence.history.state.recordingId!;
    page.reps(2);
    page.session.finish();
    await page.persistence.flush();
    page.session.reset();
    expect(page.persistence.history.state.problem?.kind).toBe('quota');
    return { page, first, second };
  } finally {
    full.mockRestore();
  }
}

/**
 * The person comes back from freeing space, and deletes the session `id` in History while the store
 * is writing what it had refused of it: the write is then `taken`, or `failed` for another reason
 * than room.
 */
async function deletedWhileItsCatchUpIsWritten(page: Page, id: string, write: 'taken' | 'failed') {
  const storeWrite = page.store!.write.bind(page.store!);
  let asked = () => {};
  const writeAsked = new Promise<void>((resolve) => (asked = resolve));
  let letGo = () => {};
  const writeLetGo = new Promise<void>((resolve) => (letGo = resolve));
  vi.spyOn(page.store!, 'write').mockImplementation(async (batch, writer) => {
    if (writesOf(batch, id)) {
      asked();
      await writeLetGo;
      if (write === 'failed')
        throw new DOMException('The operation failed for reasons unrelated to the database.', 'UnknownError');
    }
    return storeWrite(batch, writer);
  });
  page.leaveAndComeBack();
  await writeAsked;
  await page.persistence.deleteSession(id);
  letGo();
  await page.persistence.flush();
}

/** Runs `work` while the store refuses every write for want of room, as a full one does. */
async function refusedForWantOfRoom(page: Page, work: () => Promise<void>): Promise<void> {
  const refused = fullFor(() => true);
  try {
    await work();
    await page.persistence.flush();
  } finally {
    refused.mockRestore();
  }
}

/** Whether a row the store is asked to keep is, or belongs to, the session `id`. */
function rowOf(row: unknown, id: string): boolean {
  const { sessionId, id: rowId } = row as { sessionId?: string; id?: string };
  return sessionId === id || rowId === id;
}

/**
 * Tabs of one browser profile, as BroadcastChannel and Web Locks join them: a message posted by one
 * reaches every other (not itself) a moment later, and a session's lock is held by one tab at a time.
 */
function tabsOfOneBrowser(count: number): Tabs[] {
  const inboxes = Array.from({ length: count }, () => new Subject<TabMessage>());
  const held = new Set<string>();
  return inboxes.map((inbox) => ({
    messages$: inbox,
    post: (message) => {
      for (const other of inboxes) if (other !== inbox) setTimeout(() => other.next(message));
    },
    hold: async (id) => {
      held.add(id);
      return { release: () => held.delete(id), lost: new Promise(() => undefined) };
    },
    liveSessions: async () => new Set(held),
    whenFree: () => new Promise(() => undefined),
    close: () => inbox.complete(),
  }));
}

describe("one listed session's sets, read when History asks for them", () => {
  it('reads a saved session from the store, with the plan its sets were done to', async () => {
    const page = await startedPage();
    await page.finishedSessions(2);
    const [latest, earlier] = page.persistence.history.state.sessions;
    const sets = await page.persistence.setsOfSession(earlier!.id);
    expect(sets?.records.map((r) => [r.exerciseId, r.setNumber, r.count])).toEqual([['superman', 1, 2]]);
    expect(sets?.plan.map((p) => p.exercise.id)).toEqual(latest!.plan.map((p) => p.exerciseId));
    expect(await page.persistence.setsOfSession('gone')).toBeNull();
  });

  it('reads a session held in memory while storage is full whole, where the store has none of its sets', async () => {
    const { page, waiting, restore } = await oneWaitingForRoom(1);
    try {
      expect(await page.store!.setsOf(waiting)).toEqual([]);
      const sets = await page.persistence.setsOfSession(waiting);
      expect(sets?.records.map((r) => [r.exerciseId, r.setNumber, r.count])).toEqual([['superman', 1, 5]]);
    } finally {
      restore();
    }
  });
});

describe('Persistence', () => {
  it('offers the session a closed tab left behind, resumes it where it was, and keeps it in the history', async () => {
    const first = await startedPage();
    first.session.start();
    first.reps(10);
    first.run(3000);
    expect(first.session.state.phase).toBe('rest');
    await first.persistence.flush();
    const before = first.session.state;
    // The tab is gone.
    const second = await reopen(first, 50);
    const offered = second.persistence.history.state.unfinished;
    expect(offered?.summary.sets).toBe(1);
    expect(second.persistence.history.state.unfinishedResumable).toBe(true);
    await second.persistence.resume();
    const resumed = second.session.state;
    expect(resumed.phase).toBe('rest');
    expect(resumed.completed).toHaveLength(1);
    expect(resumed.restEndsMs! - resumed.nowMs).toBe(before.restEndsMs! - before.nowMs);
    expect(second.persistence.history.state.unfinished).toBeNull();
    // The heart rate heard before the tab closed is there for the summary, on the new page's clock.
    const set = resumed.completed[0]!;
    const duringSet = second.persistence
      .heartRateOfSession()
      .filter((s) => s.tMs >= set.startedMs && s.tMs <= set.endedMs);
    expect(duringSet.length).toBeGreaterThan(10);
    expect(duringSet.every((s) => s.bpm === 95)).toBe(true);

    second.run(1000);
    second.session.finish();
    await second.persistence.flush();
    const { sessions, progress } = second.persistence.history.state;
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ status: 'finished', summary: { sets: 1, reps: 10 } });
    expect(progress?.supermanRange.lines[0]?.values).toEqual([20]);
    const csv = await second.persistence.exportSession(sessions[0]!.id, 'csv');
    expect(csv.filename).toMatch(/^backbeat-2026-11-23-\d{4}\.csv$/);
    expect((await csv.blob.text()).split('\r\n')[1]).toContain(',Superman,1,,10,');
    await second.persistence.dispose();
  });

  it('does not delete the session it is recording, and deletes it once it has ended', async () => {
    const first = await startedPage();
    first.session.start();
    first.reps(10);
    await first.persistence.flush();
    // The tab is gone; resumed in a new tab, the session is in the history list and being recorded.
    const second = await reopen(first);
    await second.persistence.resume();
    second.run(2000);
    await second.persistence.flush();
    const id = second.persistence.history.state.recordingId;
    expect(second.persistence.history.state.sessions.map((s) => s.id)).toContain(id);
    expect(second.persistence.isBeingRecorded(id!)).toBe(true);
    await second.persistence.deleteSession(id!);
    expect(second.persistence.history.state.notice).toMatch(/being recorded/);
    await second.persistence.deleteAll();
    // "Delete all sessions" deletes sessions: the settings stay, which "everything" had not said.
    expect(second.persistence.history.state.notice).toBe(
      'A session is being recorded: all sessions can be deleted once it has ended.',
    );
    second.reps(2);
    await second.persistence.flush();
    expect((await second.store!.loadBundle(id!))?.sets.length).toBeGreaterThan(0);

    second.session.finish();
    await second.persistence.flush();
    expect(second.persistence.isBeingRecorded(id!)).toBe(false);
    await second.persistence.deleteSession(id!);
    expect(second.persistence.history.state.sessions).toHaveLength(0);
    await second.persistence.dispose();
  });

  it('tells other tabs of a new session once they can find it: written, and held by this tab', async () => {
    const name = `persistence-${++dbCounter}`;
    const otherTab = await SessionStore.open({ name });
    const held = new Set<string>();
    // What another tab finds when the message reaches it: its History lists the session, and the
    // session's lock says it is live here (not interrupted, to be offered for resuming).
    const found: Promise<{ listed: boolean; live: boolean }>[] = [];
    const tabs: Tabs = {
      messages$: NEVER,
      post: (message) => {
        if (message.type !== 'recording') return;
        const live = held.has(message.sessionId);
        found.push(
          otherTab
            .listSessions()
            .then((rows) => ({ listed: rows.some((r) => r.id === message.sessionId), live })),
        );
      },
      hold: async (id) => {
        held.add(id);
        return { release: () => held.delete(id), lost: new Promise(() => undefined) };
      },
      liveSessions: async () => new Set(held),
      whenFree: () => new Promise(() => undefined),
      close: () => undefined,
    };
    const page = new Page(name, undefined, tabs);
    await page.persistence.start();
    page.session.start();
    page.run(2000);
    await page.persistence.flush();
    await vi.waitFor(() => expect(found).toHaveLength(1));
    expect(await found[0]).toEqual({ listed: true, live: true });
    await page.persistence.dispose();
    otherTab.close();
  });

  it('lists the session being recorded with the sets done so far, not as it was at its start', async () => {
    const page = await startedPage();
    page.session.start();
    page.reps(3);
    page.session.skip(); // ends the set with its three reps
    await vi.waitFor(() => expect(page.persistence.history.state.sessions[0]?.summary.sets).toBe(1));
    expect(page.persistence.history.state.sessions[0]?.summary.reps).toBe(3);
    await page.persistence.dispose();
  });

  it("saves the session's last set put right on the summary, in the history and its CSV", async () => {
    const page = await startedPage();
    page.session.start();
    page.reps(4);
    page.session.finish();
    expect(page.session.state.phase).toBe('summary');
    page.session.adjustCount(1);
    page.session.adjustCount(1);
    await page.persistence.flush();
    const [session] = page.persistence.history.state.sessions;
    expect(session!.summary.reps).toBe(6);
    const [set] = await page.store!.setsOf(session!.id);
    expect(set).toMatchObject({ count: 6, corrections: 2 });
    const csv = await (await page.persistence.exportSession(session!.id, 'csv')).blob.text();
    expect(csv.split('\r\n')[1]).toContain(',Superman,1,,6,');
    await page.persistence.dispose();
  });

  it('keeps no session that ended before any set was done', async () => {
    const page = await waitingForTheFirstSet(`persistence-${++dbCounter}`);
    // Recorded while it ran, as every session is, in case the tab goes away.
    expect(await page.store!.listSessions()).toHaveLength(1);

    page.session.finish();
    await page.persistence.flush();
    expect(page.session.state.completed).toHaveLength(0);
    expect(await page.store!.listSessions()).toHaveLength(0);
    expect(page.persistence.history.state.sessions).toHaveLength(0);
    expect(page.persistence.history.state.sessionCount).toBe(0);
    await page.persistence.dispose();
  });

  it('backs up no session the person deleted, nor one ended before any set was done: what was removed stays out of the file', async () => {
    const page = await startedPage();
    await page.finishedSessions(1);
    const [deleted] = page.persistence.history.state.sessions;
    await page.persistence.deleteSession(deleted!.id);
    expect(await sessionsBackedUp(page)).toEqual([]);
    await page.finishedSessions(2);
    await page.persistence.deleteAll();
    expect(await sessionsBackedUp(page)).toEqual([]);
    page.session.start();
    page.run(3000);
    page.session.finish();
    await page.persistence.flush();
    // Not kept: History does not list it.
    expect(page.persistence.history.state.sessionCount).toBe(0);
    expect(await sessionsBackedUp(page)).toEqual([]);
    // A session under way is in the file, as far as it has gone.
    page.session.reset();
    page.session.start();
    page.reps(1);
    expect(await sessionsBackedUp(page)).toEqual([page.persistence.history.state.recordingId]);
    await page.persistence.dispose();
  });

  it('keeps a session deleted out of every file even when storage fails afterwards, and closes without asking for it', async () => {
    const deletions: ((page: Page) => Promise<void>)[] = [
      async (page) => page.persistence.deleteSession(page.persistence.history.state.sessions[0]!.id),
      async (page) => page.persistence.deleteAll(),
    ];
    for (const deletion of deletions) {
      const page = await startedPage();
      await page.finishedSessions(1);
      await deletion(page);
      // Another tab upgraded the database, or the browser took the storage away: nothing saves now.
      const closed = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(() => {
        throw new DOMException('The database connection is closing.', 'InvalidStateError');
      });
      try {
        await page.persistence.loadMotion();
        expect(page.persistence.history.state.storage).toBe('memory');
        expect(await sessionsBackedUp(page)).toEqual([]);
        expect(page.asksBeforeClosing()).toBe(false);
      } finally {
        closed.mockRestore();
        await page.persistence.dispose();
      }
    }
  });

  it('keeps no session whose every set was skipped before it counted anything, finished or interrupted', async () => {
    const skippingTwoSets = async (name: string) => {
      const page = new Page(name);
      await page.persistence.start();
      page.session.start();
      page.run(3000);
      page.session.skip(); // the first set, never run: the second follows at once, with no rest
      page.run(3000);
      page.session.skip();
      await page.persistence.flush();
      expect(page.session.state.completed.map((set) => set.endedBy)).toEqual(['skipped', 'skipped']);
      return page;
    };
    const finished = await skippingTwoSets(`persistence-${++dbCounter}`);
    finished.session.finish();
    await finished.persistence.flush();
    expect(await finished.store!.listSessions()).toHaveLength(0);
    expect(finished.persistence.history.state.sessionCount).toBe(0);
    await finished.persistence.dispose();

    const interrupted = await skippingTwoSets(`persistence-${++dbCounter}`);
    const next = await reopen(interrupted);
    expect(next.persistence.history.state.unfinishedSets).toEqual({ done: 0, cutShort: 0, skipped: 2 });
    await next.persistence.discardUnfinished();
    expect(await next.store!.listSessions()).toHaveLength(0);
    await next.persistence.dispose();
  });

  it('gives a session the time its timer ran, in the summary and the CSV: a Finish question left open is no workout', async () => {
    const page = await startedPage();
    page.session.start();
    page.reps(10);
    page.run(2000);
    const ranMs = page.clockMs - page.session.state.startedMs!;
    // Finish asked in the rest, and left on screen five minutes before End session.
    page.session.pause();
    page.run(300_000);
    page.session.finish();
    await page.persistence.flush();
    const [session] = page.persistence.history.state.sessions;
    expect(session!.summary.durationMs).toBe(ranMs);
    const csv = await (await page.persistence.exportSession(session!.id, 'csv')).blob.text();
    expect(csv.split('\r\n')[1]).toContain(`,${Math.round(ranMs / 1000)}s,`);
    await page.persistence.dispose();
  });

  it("resumes going on from a reload during Finish's question, as its offer says; a pause the person made comes back paused", async () => {
    for (const pause of ['to ask', 'by the person'] as const) {
      const first = await twoRepsWritten();
      if (pause === 'to ask') first.session.pauseToAsk();
      else first.session.pause();
      first.run(3000);
      await first.persistence.flush();

      const second = await reopen(first);
      const offered = second.persistence.history.state.unfinished!.snapshot!;
      await second.persistence.resume();
      const resumed = second.session.state;
      expect(staysPausedAfterInterruption(offered)).toBe(resumed.pausedAtMs !== null);
      expect(resumed.pausedAtMs !== null).toBe(pause === 'by the person');
      if (pause === 'to ask') {
        // The set goes on where it was: the next rep is counted.
        second.reps(1);
        expect(second.session.state.set?.count).toBe(3);
      }
      await second.persistence.dispose();
    }
  });

  it('picks up a pause made for a device as the new page finds it: still being connected, it waits for it', async () => {
    const expected: Array<[ConnectionState, string | undefined]> = [
      ['connecting', 'connection'],
      ['reconnecting', 'connection'],
      ['lost', 'lost'],
      ['connected', undefined],
    ];
    for (const [connection, pausedFor] of expected) {
      const first = await twoRepsWritten();
      first.session.pause('connection');
      first.run(3000);
      await first.persistence.flush();

      const second = await reopen(first);
      second.devices.state.devices = [strapAs(connection)];
      await second.persistence.resume();
      expect(second.session.state.pausedAtMs).not.toBeNull();
      expect([connection, second.session.state.pausedFor]).toEqual([connection, pausedFor]);
      await second.persistence.dispose();
    }
  });

  it('counts the sets of an interrupted session as its summary will: a set Skip set ended short is cut short', async () => {
    const first = await startedPage();
    threeRepsIntoTheSecondSet(first);
    first.session.skip(); // the second set at 3 of 10 reps: the app goes away in the rest after it
    first.run(1000);
    await first.persistence.flush();

    const second = await reopen(first);
    expect(second.persistence.history.state.unfinishedSets).toEqual({ done: 1, cutShort: 1, skipped: 0 });
    await second.persistence.dispose();
  });

  it('keeps the reps of the set under way when an interrupted session is kept as it is', async () => {
    const first = await startedPage();
    threeRepsIntoTheSecondSet(first);
    first.run(1000);
    await first.persistence.flush();
    const stoppedMs = first.session.state.nowMs - first.session.state.startedMs!;

    const second = await reopen(first);
    await second.persistence.discardUnfinished();
    const [kept] = second.persistence.history.state.sessions;
    expect(kept).toMatchObject({ status: 'finished', summary: { sets: 2, reps: 13 } });
    expect(kept!.summary.durationMs).toBe(stoppedMs);
    const csv = await (await second.persistence.exportSession(kept!.id, 'csv')).blob.text();
    // Ended where it stopped, as Finish ends a set: cut short, as History counts it.
    expect(csv.split('\r\n')[2]).toContain(',Superman,2,,3,0,0,range 20 deg; cut short at 3 of 10 reps,,');
    await second.persistence.dispose();
  });

  it('keeps a hold under way as held up to a pause when an interrupted session is kept as it is', async () => {
    const first = await startedPage();
    first.session.reset([
      { exercise: exerciseById('elbow-plank'), dosage: { sets: 2, target: 60, restS: 60 } },
    ]);
    first.session.start();
    first.session.goHeard();
    first.run(1000);
    const c = first.clockMs;
    first.session.handleMotion({ type: 'hold-start', tMs: c, emittedMs: c });
    first.run(20_000);
    first.session.pause();
    // Paused half a minute, and the tab closes before the person comes back.
    first.run(30_000);
    await first.persistence.flush();

    const second = await reopen(first);
    await second.persistence.discardUnfinished();
    const [kept] = second.persistence.history.state.sessions;
    // Its length leaves the pause out, as Finish during a pause does.
    expect(kept).toMatchObject({
      status: 'finished',
      summary: { sets: 1, holdMs: 20_000, durationMs: 21_000 },
    });
    await second.persistence.dispose();
  });

  // A superman set done, then still at "Go" of a drawing-in, drawing in 2 s on and not seen still again
  // when the page went 4 s later: Keep saved that set cut short, and the summary counted it among the
  // sets done ("2 sets", none skipped), where Finish keeps it skipped, with no hold; with no set before
  // it, Keep kept the session, which the notice and Finish say is not kept with no set done.
  it('keeps a drawing-in set ended while the person settled after "Go" as Finish keeps it, skipped with no hold', async () => {
    const drawingIn = { exercise: exerciseById('drawing-in'), dosage: { sets: 1, target: 45, restS: 30 } };
    const settlingAfterGo = async (supermanFirst = true): Promise<Page> => {
      const page = await startedPage();
      page.session.reset([
        ...(supermanFirst
          ? [{ exercise: exerciseById('superman'), dosage: { sets: 1, target: 2, restS: 5 } }]
          : []),
        drawingIn,
      ]);
      page.session.start();
      if (supermanFirst) page.reps(2);
      while (page.session.state.phase === 'rest') page.run(1000);
      const still = page.clockMs;
      page.session.handleMotion({ type: 'hold-start', tMs: still, emittedMs: still });
      page.run(1000);
      page.session.goHeard();
      page.run(2000);
      const moved = page.clockMs;
      page.session.handleMotion({ type: 'hold-end', tMs: moved, emittedMs: moved, reason: 'left-pose' });
      page.run(4000);
      expect(page.session.state.set?.settlingInMs).toBe(moved);
      await page.persistence.flush();
      return page;
    };
    const setsOf = async (page: Page) => {
      const [session] = page.persistence.history.state.sessions;
      const bundle = await page.store!.loadBundle(session!.id);
      return {
        summary: {
          sets: session!.summary.sets,
          skipped: session!.summary.skipped,
          holdMs: session!.summary.holdMs,
        },
        sets: bundle!.sets.map(({ exerciseId, endedBy, holdMs }) => ({ exerciseId, endedBy, holdMs })),
      };
    };

    const finished = await settlingAfterGo();
    finished.session.finish();
    await finished.persistence.flush();
    const byFinish = await setsOf(finished);
    await finished.persistence.dispose();

    const interrupted = await reopen(await settlingAfterGo());
    await interrupted.persistence.discardUnfinished();
    const byKeep = await setsOf(interrupted);
    await interrupted.persistence.dispose();

    expect(byFinish.sets.at(-1)).toEqual({ exerciseId: 'drawing-in', endedBy: 'skipped', holdMs: 0 });
    expect(byFinish.summary).toMatchObject({ sets: 2, skipped: 1, holdMs: 0 });
    expect(byKeep).toEqual(byFinish);

    // That set alone: no set done, so Keep, as Finish, keeps no session, as the notice said it would.
    const alone = await reopen(await settlingAfterGo(false));
    await alone.persistence.discardUnfinished();
    expect(await alone.store!.listSessions()).toHaveLength(0);
    await alone.persistence.dispose();
  });

  // A superman set done, then 8 s into the next after its "Go" with nothing counted when the page
  // went: Keep ("Ends the session there") left that set out, History saying "1 set" of a session the
  // offer said was interrupted in the middle of its second, where Finish then keeps it skipped ("1
  // done, 1 skipped"), as its summary lists it.
  it('keeps a set under way that counted nothing as Finish keeps it, skipped, when an interrupted session is kept as it is', async () => {
    const nothingCountedAfterGo = async (): Promise<Page> => {
      const page = await startedPage();
      page.session.reset([{ exercise: exerciseById('superman'), dosage: { sets: 2, target: 2, restS: 5 } }]);
      page.session.start();
      page.reps(2);
      while (page.session.state.phase === 'rest') page.run(1000);
      page.session.goHeard();
      page.run(8000);
      expect(page.session.state.set).toMatchObject({ setNumber: 2, count: 0 });
      await page.persistence.flush();
      return page;
    };
    const keptOf = async (page: Page) => {
      const [session] = page.persistence.history.state.sessions;
      const bundle = await page.store!.loadBundle(session!.id);
      return {
        summary: {
          sets: session!.summary.sets,
          skipped: session!.summary.skipped,
          reps: session!.summary.reps,
        },
        // Not its end: Keep ends it at the last state written, a moment before the page went.
        sets: bundle!.sets.map(({ setNumber, count, endedBy, startedMs }) => ({
          setNumber,
          count,
          endedBy,
          startedMs,
        })),
      };
    };

    const finished = await nothingCountedAfterGo();
    finished.session.finish();
    await finished.persistence.flush();
    const byFinish = await keptOf(finished);
    await finished.persistence.dispose();

    const interrupted = await reopen(await nothingCountedAfterGo());
    expect(interrupted.persistence.history.state.unfinishedSets).toEqual({
      done: 1,
      cutShort: 0,
      skipped: 0,
    });
    await interrupted.persistence.discardUnfinished();
    const byKeep = await keptOf(interrupted);
    await interrupted.persistence.dispose();

    expect(byFinish).toMatchObject({
      summary: { sets: 2, skipped: 1, reps: 2 },
      sets: [
        { setNumber: 1, count: 2, endedBy: 'target' },
        { setNumber: 2, count: 0, endedBy: 'skipped' },
      ],
    });
    expect(byKeep).toEqual(byFinish);
  });

  // The same session resumed after the reload, and Finish tapped before the set's "Go" is said again
  // there: the set was left out, History saying "1 set", where Finish before the reload kept it.
  it('keeps a set under way that counted nothing, skipped, when a resumed session is finished before its "Go" is heard again', async () => {
    const page = await startedPage();
    page.session.reset([{ exercise: exerciseById('superman'), dosage: { sets: 2, target: 2, restS: 5 } }]);
    page.session.start();
    page.reps(2);
    while (page.session.state.phase === 'rest') page.run(1000);
    page.session.goHeard();
    page.run(8000);
    await page.persistence.flush();
    const resumed = await reopen(page);
    await resumed.persistence.resume();
    expect(resumed.session.state.set).toMatchObject({ setNumber: 2, count: 0 });
    expect(resumed.session.state.set?.goHeardMs).toBeUndefined();
    resumed.session.finish();
    await resumed.persistence.flush();
    const [session] = resumed.persistence.history.state.sessions;
    expect(session?.summary).toMatchObject({ sets: 2, skipped: 1, reps: 2 });
    const bundle = await resumed.store!.loadBundle(session!.id);
    expect(bundle!.sets.map(({ setNumber, count, endedBy }) => ({ setNumber, count, endedBy }))).toEqual([
      { setNumber: 1, count: 2, endedBy: 'target' },
      { setNumber: 2, count: 0, endedBy: 'skipped' },
    ]);
    await resumed.persistence.dispose();
  });

  it('writes back no interrupted session kept as it is that another tab deleted while it was being ended', async () => {
    const first = await startedPage();
    threeRepsIntoTheSecondSet(first);
    first.run(1000);
    await first.persistence.flush();
    const id = first.persistence.history.state.recordingId!;
    const second = await reopen(first);
    expect(second.persistence.history.state.unfinished?.id).toBe(id);
    // Another tab: History there deletes it between this tab's read of it and its write.
    const other = await SessionStore.open({ name: second.dbName });
    const loadBundle = second.store!.loadBundle.bind(second.store!);
    vi.spyOn(second.store!, 'loadBundle').mockImplementationOnce(async (sessionId) => {
      const bundle = await loadBundle(sessionId);
      await other.deleteSession(sessionId);
      return bundle;
    });
    await second.persistence.discardUnfinished();
    expect(await second.store!.listSessions()).toHaveLength(0);
    expect(await second.store!.weeks()).toEqual([]);
    expect(second.persistence.history.state.sessions).toHaveLength(0);
    expect(await second.persistence.pastSessions()).toEqual([]);
    other.close();
    await second.persistence.dispose();
  });

  it('keeps no interrupted session kept as it is that had no set done', async () => {
    const first = await waitingForTheFirstSet(`persistence-${++dbCounter}`);
    // The tab is gone while the first set waited for the person.
    const second = await reopen(first);
    expect(second.persistence.history.state.unfinished).not.toBeNull();
    await second.persistence.discardUnfinished();
    expect(second.persistence.history.state.unfinished).toBeNull();
    expect(second.persistence.history.state.sessions).toHaveLength(0);
    expect(await second.store!.listSessions()).toHaveLength(0);
    await second.persistence.dispose();
  });

  it('records in memory and says why when there is no storage, and still exports the session', async () => {
    const page = new Page('unused', () => Promise.reject(new DOMException('denied', 'SecurityError')));
    await page.persistence.start();
    expect(page.persistence.history.state).toMatchObject({
      storage: 'memory',
      problem: { kind: 'unavailable' },
    });
    page.session.start();
    page.run(2000);
    page.rep();
    const json = await page.persistence.exportCurrent('json');
    const file = JSON.parse(await json!.blob.text());
    expect(file.sessions[0].motion).toHaveLength(1);
    expect(file.sessions[0].events).toHaveLength(1);
    await expect(page.persistence.importJson(await json!.blob.text())).rejects.toMatchObject({
      kind: 'unavailable',
      message:
        'Nothing was imported: this browser does not let Backbeat save data here (storage is off or private).',
    });
  });

  it('tells a store the browser never let open from one that saved and then filled up', async () => {
    const refused = new Page('unused', () => Promise.reject(new DOMException('denied', 'SecurityError')));
    await refused.persistence.start();
    expect(refused.persistence.history.state).toMatchObject({ storage: 'memory', storeOpened: false });
    await refused.persistence.dispose();
    const page = await startedPage();
    expect(page.persistence.history.state).toMatchObject({ storage: 'saving', storeOpened: true });
    page.session.start();
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      page.reps(1);
      await page.persistence.flush();
      expect(page.persistence.history.state).toMatchObject({
        storage: 'memory',
        storeOpened: true,
        problem: { kind: 'quota' },
      });
    } finally {
      full.mockRestore();
      await page.persistence.dispose();
    }
  });

  it('takes out what an import had added when its tab went in the middle of it, unless it is still running', async () => {
    const source = await startedPage();
    await source.finishedSessions(3);
    const backup = await (await source.persistence.backup()).blob.text();
    await source.persistence.dispose();
    const cut = readUntilCutOff(backup, 2);
    const name = `persistence-${++dbCounter}`;
    const importing = new Page(name);
    await importing.persistence.start();
    void importing.persistence.restore(cut).catch(() => undefined);
    await vi.waitFor(async () => expect(await importing.store!.countSessions()).toBe(2));

    // Another tab opened meanwhile finds the import's lock held: the import is that tab's to finish.
    const busy: Tabs = {
      messages$: NEVER,
      post: () => undefined,
      hold: async (_, options) =>
        options?.ifAvailable ? null : { release: () => undefined, lost: new Promise(() => undefined) },
      liveSessions: async () => new Set(),
      whenFree: () => new Promise(() => undefined),
      close: () => undefined,
    };
    const other = new Page(name, undefined, busy);
    await other.persistence.start();
    expect(other.persistence.history.state.sessionCount).toBe(2);
    expect(other.persistence.history.state.notice).toBeNull();
    await other.persistence.dispose();

    // The tab is gone.
    const reopened = await reopen(importing);
    expect(reopened.persistence.history.state.sessionCount).toBe(0);
    expect(await reopened.store!.importJournals()).toEqual([]);
    expect(reopened.persistence.history.state.notice).toBe(
      'An import was cut off when Backbeat closed: the 2 sessions it had added were taken out again. Import the file again to bring in all of it.',
    );
    await reopened.persistence.importJson(backup);
    expect(reopened.persistence.history.state.sessionCount).toBe(3);
    expect(await reopened.store!.importJournals()).toEqual([]);
    await reopened.persistence.dispose();
  });

  it('takes out what an import had added when its tab went in the middle of it, though storage is full by the next start', async () => {
    const source = await startedPage();
    await source.finishedSessions(3);
    const backup = await (await source.persistence.backup()).blob.text();
    await source.persistence.dispose();
    const cut = readUntilCutOff(backup, 2);
    const importing = await startedPage();
    void importing.persistence.restore(cut).catch(() => undefined);
    await vi.waitFor(async () => expect(await importing.store!.countSessions()).toBe(2));

    // The tab is gone, and the store refuses every write: deletes alone go.
    const full = fullFor(() => true);
    try {
      const reopened = await reopen(importing);
      expect(await reopened.store!.countSessions()).toBe(0);
      expect(await reopened.store!.weeks()).toEqual([]);
      expect(await reopened.store!.importJournals()).toEqual([]);
      expect(reopened.persistence.history.state.notice).toBe(
        'An import was cut off when Backbeat closed: the 2 sessions it had added were taken out again. Import the file again to bring in all of it.',
      );
      await reopened.persistence.dispose();
    } finally {
      full.mockRestore();
    }
  });

  it("counts in its week the whole session an import put in place of its cut-short copy when the import's tab went in the middle of it", async () => {
    const source = await startedPage();
    await source.finishedSessions(2);
    const backup = await (await source.persistence.backup()).blob.text();
    // The first in the file: a backup walks the sessions oldest first.
    const whole = await source.store!.loadBundle((await source.store!.sessionIds())[0]!);
    await source.persistence.dispose();
    // Here the first session's row stayed as it was when storage filled up: unfinished, no set.
    const stale: SessionBundle = {
      ...whole!,
      session: { ...whole!.session, status: 'active', endedAt: null },
      sets: [],
    };
    const name = `persistence-${++dbCounter}`;
    const earlier = await SessionStore.open({ name });
    await earlier.importBundles([stale]);
    earlier.close();
    const cut = readUntilCutOff(backup, 1);
    const importing = new Page(name);
    await importing.persistence.start();
    void importing.persistence.restore(cut).catch(() => undefined);
    const id = whole!.session.id;
    await vi.waitFor(async () => expect((await importing.store!.getSession(id))?.status).toBe('finished'));

    // The tab is gone: the whole copy is kept, as the one here is in it, and its week counts it.
    const reopened = await reopen(importing);
    expect(await reopened.store!.loadBundle(id)).toEqual(whole);
    expect(
      (await reopened.store!.weeks()).map((w) => [w.sessions, w.past.map((p) => [p.id, p.sets.length])]),
    ).toEqual([[1, [[id, whole!.sets.length]]]]);
    await reopened.persistence.dispose();
  });

  it('says an import asked after storage filled up was not tried, in words about the import', async () => {
    const backup = await backupOfOneSession();
    const page = await startedPage();
    page.session.start();
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(full);
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(full);
    try {
      page.reps(1);
      await page.persistence.flush();
      expect(page.persistence.history.state.problem?.kind).toBe('quota');
      page.session.finish();
      await expect(page.persistence.importJson(backup)).rejects.toMatchObject({
        kind: 'quota',
        message:
          'Storage is full, so nothing was imported. Free some space on the device, and import once Backbeat is saving again.',
      });
    } finally {
      put.mockRestore();
      add.mockRestore();
      await page.persistence.dispose();
    }
  });

  it('says an import storage had no room for imported nothing, in words about the import, and keeps saving', async () => {
    const backup = await backupOfOneSession();
    const page = await startedPage();
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(full);
    try {
      await expect(page.persistence.importJson(backup)).rejects.toMatchObject({
        kind: 'quota',
        message:
          'Storage is full, so nothing was imported: the file did not fit, and the sessions here are as they were. Free some space on the device, then import it again.',
      });
    } finally {
      put.mockRestore();
    }
    expect(page.persistence.history.state).toMatchObject({ sessions: [], problem: null });
    await page.persistence.importJson(backup);
    expect(page.persistence.history.state.sessions).toHaveLength(1);
    await page.persistence.dispose();
  });

  it('takes out a restore the store filled up in the middle of, leaving the sessions and weeks saved before as they were, and says what to do', async () => {
    const source = await startedPage();
    await source.finishedSessions(2);
    const [fitted, refusedId] = await source.store!.sessionIds();
    const backup = await (await source.persistence.backup()).blob.text();
    await source.persistence.dispose();
    const page = await startedPage();
    await page.finishedSessions(2);
    const before = await page.store!.allBundles();
    const weeksBefore = await page.store!.weeks();
    // Room for the backup's first session, and none from the second on, whatever is deleted.
    let full = false;
    const refused = fullFor((row) => (full ||= rowOf(row, refusedId!)));
    try {
      await expect(page.persistence.importJson(backup)).rejects.toMatchObject({
        kind: 'quota',
        message:
          'Storage is full, so nothing was imported: the file did not fit, and the sessions here are as they were. Free some space on the device, then import it again.',
      });
    } finally {
      refused.mockRestore();
    }
    expect(full).toBe(true);
    expect(await page.store!.getSession(fitted!)).toBeUndefined();
    expect(await page.store!.allBundles()).toEqual(before);
    expect(await page.store!.weeks()).toEqual(weeksBefore);
    expect(await page.store!.importJournals()).toEqual([]);
    await page.persistence.dispose();
  });

  it('writes a session that ended while storage was full, with its correction, once the next session shows there is room, and says so', async () => {
    const name = `persistence-${++dbCounter}`;
    const page = new Page(name);
    await page.persistence.start();
    page.session.start();
    page.reps(2);
    await page.persistence.flush();
    const first = page.persistence.history.state.recordingId!;
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      page.reps(3);
      await page.persistence.flush();
      page.session.finish();
      await page.persistence.flush();
      // Put right on the summary, the store still full.
      page.session.adjustCount(1);
      await page.persistence.flush();
    } finally {
      full.mockRestore();
    }
    expect(page.persistence.history.state).toMatchObject({ storage: 'memory', problem: { kind: 'quota' } });

    // The person freed some space, and does another session: the ended one is offered again once the
    // store has been left alone for a while.
    page.session.reset();
    page.session.start();
    page.run(FULL_STORE_RETRY_MS);
    page.reps(1);
    await page.persistence.flush();
    await vi.waitFor(() =>
      expect(page.persistence.history.state).toMatchObject({ storage: 'saving', problem: null }),
    );
    const saved = (await page.store!.loadBundle(first))!;
    expect(saved.session).toMatchObject({ status: 'finished', summary: { sets: 1, reps: 6 } });
    expect(saved.sets).toEqual([expect.objectContaining({ count: 6, corrections: 1 })]);
    expect(saved.events.filter((e) => e.data.kind === 'motion')).toHaveLength(5);
    expect(page.persistence.history.state.sessions.map((s) => s.id)).toContain(first);
    expect(page.asksBeforeClosing()).toBe(false);
    page.session.finish();
    await page.persistence.flush();
    await page.persistence.dispose();

    const next = await reopen(page);
    expect(next.persistence.history.state.unfinished).toBeNull();
    expect(next.persistence.history.state.sessions.map((s) => s.status)).toEqual(['finished', 'finished']);
    await next.persistence.dispose();
  });

  it('offers a session that ended while storage was full again once its half minute is over, not with every write of the next session', async () => {
    const page = await twoRepsWritten();
    const first = page.persistence.history.state.recordingId!;
    // The store takes the next session's second of data, never the hundreds of kilobytes of the first
    // that are kept in memory.
    let fullForAll = true;
    const full = fullFor((row) => fullForAll || rowOf(row, first));
    try {
      page.reps(3);
      await page.persistence.flush();
      page.session.finish();
      await page.persistence.flush();
      expect(page.persistence.history.state.problem?.kind).toBe('quota');
      fullForAll = false;
      const asked = vi.spyOn(page.store!, 'write');
      const offersOfFirst = () => asked.mock.calls.filter(([batch]) => writesOf(batch, first)).length;
      page.session.reset();
      page.session.start();
      // Nine seconds of the next session: a rep every 1.5 s, each written at once.
      for (let rep = 0; rep < 6; rep++) {
        page.reps(1);
        await page.persistence.flush();
      }
      expect(offersOfFirst()).toBe(0);
      page.run(FULL_STORE_RETRY_MS);
      for (let rep = 0; rep < 3; rep++) {
        page.reps(1);
        await page.persistence.flush();
      }
      expect(offersOfFirst()).toBe(1);
      expect(page.persistence.history.state.problem?.kind).toBe('quota');
    } finally {
      full.mockRestore();
    }
    await page.persistence.dispose();
  });

  it('writes a session that ended while storage was full when the next one ends within its half minute, not only when the page is shown again', async () => {
    const { page, first, full } = await firstEndedWhileFull();
    full.mockRestore();
    expect(page.persistence.history.state.problem?.kind).toBe('quota');
    // Room again: the next session, eight reps in twelve seconds, ends well inside the half minute.
    page.session.reset();
    page.session.start();
    page.reps(8);
    page.session.finish();
    await page.persistence.flush();
    expect((await page.store!.getSession(first))?.status).toBe('finished');
    expect(await page.store!.setsOf(first)).toHaveLength(1);
    expect(page.persistence.history.state).toMatchObject({ storage: 'saving', problem: null });
    expect(await sessionsBackedUp(page)).toContain(first);
    await page.persistence.dispose();
  });

  it('writes a session that ended while storage was full once its half minute is over, with nothing else written meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { page, first, full } = await firstEndedWhileFull();
      full.mockRestore();
      expect(page.persistence.history.state.problem?.kind).toBe('quota');
      // The person frees space and leaves the summary on screen: no other write, no page hidden.
      page.clockMs += FULL_STORE_RETRY_MS - 1000;
      await vi.advanceTimersByTimeAsync(FULL_STORE_RETRY_MS - 1000);
      await page.persistence.flush();
      expect((await page.store!.getSession(first))?.status).toBe('active');
      page.clockMs += 1000;
      await vi.advanceTimersByTimeAsync(1000);
      await page.persistence.flush();
      expect((await page.store!.getSession(first))?.status).toBe('finished');
      expect(page.persistence.history.state).toMatchObject({ storage: 'saving', problem: null });
      await page.persistence.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes the sessions that ended while storage was full, History left open, within half a minute of room being freed in another app, and then stops asking', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const page = await twoRepsWritten();
      const first = page.persistence.history.state.recordingId!;
      let full = true;
      const refused = fullFor(() => full);
      let second = '';
      try {
        page.reps(3);
        await page.persistence.flush();
        page.session.finish();
        await page.persistence.flush();
        page.session.reset();
        page.clockMs += 10_000;
        page.session.start();
        second = page.persistence.history.state.recordingId!;
        page.reps(2);
        page.session.finish();
        await page.persistence.flush();
        page.session.reset();
        expect(page.persistence.history.state.problem?.kind).toBe('quota');
        // Off to the phone's settings, found nothing to free yet, and back: still full.
        page.clockMs += 5000;
        await vi.advanceTimersByTimeAsync(5000);
        page.leaveAndComeBack();
        await page.persistence.flush();
        expect(page.persistence.history.state.problem?.kind).toBe('quota');
        // Room freed in another app, the tab still in view with History on screen: no other write.
        full = false;
        page.clockMs += FULL_STORE_RETRY_MS;
        await vi.advanceTimersByTimeAsync(FULL_STORE_RETRY_MS);
        await page.persistence.flush();
      } finally {
        refused.mockRestore();
      }
      expect((await page.store!.getSession(first))?.status).toBe('finished');
      expect((await page.store!.getSession(second))?.status).toBe('finished');
      expect(page.persistence.history.state).toMatchObject({ storage: 'saving', problem: null });
      expect(page.persistence.history.state.sessions.map((s) => s.id)).toEqual([second, first]);
      expect(page.asksBeforeClosing()).toBe(false);
      // Nothing waits: no timer is left to ask the store again.
      expect(vi.getTimerCount()).toBe(0);
      await page.persistence.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says storage is full when the store first refuses a session at its end, and writes it once its half minute is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const page = await twoRepsWritten();
      const first = page.persistence.history.state.recordingId!;
      const full = fullFor(() => true);
      try {
        // Its last reps and its end come before the store has answered any write of them.
        page.reps(3);
        page.session.finish();
        await page.persistence.flush();
      } finally {
        full.mockRestore();
      }
      expect(page.persistence.history.state).toMatchObject({ storage: 'memory', problem: { kind: 'quota' } });
      page.clockMs += FULL_STORE_RETRY_MS;
      await vi.advanceTimersByTimeAsync(FULL_STORE_RETRY_MS);
      await page.persistence.flush();
      expect((await page.store!.getSession(first))?.status).toBe('finished');
      expect(page.persistence.history.state).toMatchObject({ storage: 'saving', problem: null });
      await page.persistence.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says saving again, with nothing waiting and nothing done, once the store takes a write after refusing one for want of room, and then stops asking', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const page = await startedPage();
      await page.finishedSessions(1);
      // The raw-motion setting, changed between sessions, is refused: the store is full.
      await refusedForWantOfRoom(page, () => page.persistence.setRetention({ keep: 'months', months: 3 }));
      expect(page.persistence.history.state).toMatchObject({ storage: 'memory', problem: { kind: 'quota' } });
      // Still full when the page is next due to ask: the notice stays, and it asks again later.
      const refused = fullFor(() => true);
      try {
        page.clockMs += FULL_STORE_RETRY_MS;
        await vi.advanceTimersByTimeAsync(FULL_STORE_RETRY_MS);
        await page.persistence.flush();
        expect(page.persistence.history.state.problem?.kind).toBe('quota');
      } finally {
        refused.mockRestore();
      }
      // Room freed in another app, History left on screen: no write of the person's, no page hidden.
      page.clockMs += FULL_STORE_RETRY_MS;
      await vi.advanceTimersByTimeAsync(FULL_STORE_RETRY_MS);
      await page.persistence.flush();
      expect(page.persistence.history.state).toMatchObject({ storage: 'saving', problem: null });
      expect(vi.getTimerCount()).toBe(0);
      // And the store is used again: the setting is taken now.
      await page.persistence.setRetention({ keep: 'months', months: 3 });
      expect(page.persistence.history.state.notice).toBe('Saved. No raw motion had to go.');
      await page.persistence.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says saving again once there is room after a session storage filled up during was ended before any set was done', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const page = await startedPage();
      await refusedForWantOfRoom(page, async () => {
        page.session.start();
        page.run(3000);
        await page.persistence.flush();
        // Not kept: nothing of it waits for room.
        page.session.reset();
        await page.persistence.flush();
      });
      expect(page.persistence.history.state).toMatchObject({
        storage: 'memory',
        problem: { kind: 'quota' },
        hasCurrent: false,
      });
      page.clockMs += FULL_STORE_RETRY_MS;
      await vi.advanceTimersByTimeAsync(FULL_STORE_RETRY_MS);
      await page.persistence.flush();
      expect(page.persistence.history.state).toMatchObject({ storage: 'saving', problem: null });
      expect(vi.getTimerCount()).toBe(0);
      await page.persistence.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says saving again as soon as the page is shown again with room, after a refusal for want of room with nothing waiting', async () => {
    const page = await startedPage();
    await page.finishedSessions(1);
    await refusedForWantOfRoom(page, () => page.persistence.setRetention({ keep: 'none' }));
    expect(page.persistence.history.state.problem?.kind).toBe('quota');
    page.leaveAndComeBack();
    await page.persistence.flush();
    expect(page.persistence.history.state).toMatchObject({ storage: 'saving', problem: null });
    await page.persistence.dispose();
  });

  it('says why the store failed a session that ended while storage was full, when it fails for another reason than room, and keeps it in memory for a backup', async () => {
    const page = await twoRepsWritten();
    const first = page.persistence.history.state.recordingId!;
    let failing: 'for want of room' | 'once, for another reason' | 'no more' = 'for want of room';
    const put = IDBObjectStore.prototype.put;
    const refused = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (failing === 'for want of room')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (failing === 'once, for another reason' && rowOf(args[0], first)) {
        failing = 'no more';
        throw new DOMException('The operation failed for reasons unrelated to the database.', 'UnknownError');
      }
      return put.apply(this, args);
    });
    try {
      page.reps(3);
      await page.persistence.flush();
      page.session.finish();
      await page.persistence.flush();
      expect(page.persistence.history.state.problem?.kind).toBe('quota');
      failing = 'once, for another reason';
      page.session.reset();
      page.session.start();
      page.run(FULL_STORE_RETRY_MS);
      page.reps(1);
      await page.persistence.flush();
      expect(failing).toBe('no more');
      page.reps(1);
      await page.persistence.flush();
    } finally {
      refused.mockRestore();
    }
    // Not "storage is full" for good: the failure it met, as for a session failed while it runs.
    expect(page.persistence.history.state).toMatchObject({ storage: 'memory', problem: { kind: 'unknown' } });
    const second = page.persistence.history.state.recordingId!;
    expect((await page.store!.loadBundle(second))?.events).toHaveLength(2);
    // What the store had of the first is not all of it: memory has the whole, and a backup takes it.
    expect(await sessionsBackedUp(page)).toEqual([second, first]);
    await page.persistence.dispose();
  });

  it('keeps every session that waited for room in memory for a backup and the CSV once the store fails the first of them for another reason', async () => {
    const page = await twoRepsWritten();
    const first = page.persistence.history.state.recordingId!;
    let failing: 'for want of room' | 'once, for another reason' | 'no more' = 'for want of room';
    const put = IDBObjectStore.prototype.put;
    const refused = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (failing === 'for want of room')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (failing === 'once, for another reason' && rowOf(args[0], first)) {
        failing = 'no more';
        throw new DOMException('The operation failed for reasons unrelated to the database.', 'UnknownError');
      }
      return put.apply(this, args);
    });
    let second = '';
    try {
      page.reps(3);
      await page.persistence.flush();
      page.session.finish();
      await page.persistence.flush();
      // A second session, begun and ended with the store still full: its first write was refused too.
      page.session.reset();
      page.session.start();
      second = page.persistence.history.state.recordingId!;
      page.reps(2);
      await page.persistence.flush();
      page.session.finish();
      await page.persistence.flush();
      expect(page.persistence.history.state.problem?.kind).toBe('quota');
      failing = 'once, for another reason';
      page.session.reset();
      page.session.start();
      page.run(FULL_STORE_RETRY_MS);
      page.reps(1);
      await page.persistence.flush();
      expect(failing).toBe('no more');
    } finally {
      refused.mockRestore();
    }
    expect(page.persistence.history.state.problem?.kind).toBe('unknown');
    const third = page.persistence.history.state.recordingId!;
    expect(await sessionsBackedUp(page)).toEqual([third, first, second]);
    const csv = await (await page.persistence.historyCsv()).blob.text();
    // The set of each that ended; the one under way has none done yet.
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 2);
    await page.persistence.dispose();
  });

  it('backs up a session that ended while storage was full and still waits for room, beside the one under way', async () => {
    const { page, first, full } = await firstEndedWhileFull();
    try {
      page.session.reset();
      page.session.start();
      page.reps(1);
      await page.persistence.flush();
      const second = page.persistence.history.state.recordingId!;
      expect(page.persistence.history.state.problem?.kind).toBe('quota');
      // The store has the first's start and two reps: memory has the whole of it, end included.
      const file = JSON.parse(await (await page.persistence.backup()).blob.text());
      const backedUp = file.sessions.map((s: SessionBundle) => s.session);
      // The store's first, oldest first, then the one it holds nothing of.
      expect(backedUp.map((s: { id: string }) => s.id)).toEqual([first, second]);
      expect(backedUp[0]).toMatchObject({ status: 'finished', summary: { reps: 5 } });
    } finally {
      full.mockRestore();
    }
    await page.persistence.dispose();
  });

  it('exports one session that waits for room whole from memory, though another ended after it', async () => {
    const { page, first, full } = await firstEndedWhileFull();
    try {
      page.session.reset();
      page.session.start();
      page.reps(1);
      page.session.finish();
      await page.persistence.flush();
      expect(page.persistence.history.state.problem?.kind).toBe('quota');
      // The store has the first's start and two reps: memory has all five, and its end.
      expect((await page.store!.getSession(first))?.status).toBe('active');
      const file = JSON.parse(await (await page.persistence.exportSession(first, 'json')).blob.text());
      expect(file.sessions).toHaveLength(1);
      expect(file.sessions[0].session).toMatchObject({ id: first, status: 'finished', summary: { reps: 5 } });
      const csv = await (await page.persistence.exportSession(first, 'csv')).blob.text();
      const reps = CSV_COLUMNS.indexOf('Reps');
      expect(
        csv
          .trimEnd()
          .split('\r\n')
          .slice(1)
          .map((line) => line.split(',')[reps]),
      ).toEqual(['5']);
    } finally {
      full.mockRestore();
    }
    await page.persistence.dispose();
  });

  it('backs up, while storage is full, every session: those saved before it filled, each waiting for room, and the one under way, each once', async () => {
    const page = await startedPage();
    await page.finishedSessions(2);
    const savedBefore = page.persistence.history.state.sessions.map((s) => s.id);
    page.session.start();
    page.reps(2);
    await page.persistence.flush();
    const cutShort = page.persistence.history.state.recordingId!;
    const full = fullFor(() => true);
    try {
      page.reps(3);
      await page.persistence.flush();
      page.session.finish();
      await page.persistence.flush();
      // Begun and ended with the store full: it holds nothing of this one.
      page.session.reset();
      page.session.start();
      const neverStored = page.persistence.history.state.recordingId!;
      page.reps(2);
      page.session.finish();
      await page.persistence.flush();
      page.session.reset();
      page.session.start();
      page.reps(1);
      await page.persistence.flush();
      const running = page.persistence.history.state.recordingId!;
      expect(page.persistence.history.state).toMatchObject({ storage: 'memory', problem: { kind: 'quota' } });
      expect(await page.store!.getSession(neverStored)).toBeUndefined();

      const file = JSON.parse(await (await page.persistence.backup()).blob.text());
      const backedUp: SessionBundle['session'][] = file.sessions.map((s: SessionBundle) => s.session);
      expect(backedUp.map((s) => s.id).sort()).toEqual(
        [...savedBefore, cutShort, neverStored, running].sort(),
      );
      // The one the store has a part of goes in whole, from memory.
      expect(backedUp.find((s) => s.id === cutShort)).toMatchObject({
        status: 'finished',
        summary: { reps: 5 },
      });
    } finally {
      full.mockRestore();
    }
    await page.persistence.dispose();
  });

  it('lists and counts in History, while storage is full, what a backup holds: the sessions saved before it filled and each held whole in memory', async () => {
    const page = await startedPage();
    await page.finishedSessions(1);
    const [savedBefore] = page.persistence.history.state.sessions.map((s) => s.id);
    page.session.start();
    page.reps(2);
    await page.persistence.flush();
    const cutShort = page.persistence.history.state.recordingId!;
    const full = fullFor(() => true);
    try {
      page.reps(3);
      await page.persistence.flush();
      page.session.finish();
      await page.persistence.flush();
      page.session.reset();
      page.session.start();
      const neverStored = page.persistence.history.state.recordingId!;
      page.reps(2);
      page.session.finish();
      await page.persistence.flush();
      expect(page.persistence.history.state).toMatchObject({ storage: 'memory', problem: { kind: 'quota' } });
      const { sessions, sessionCount } = page.persistence.history.state;
      expect(sessions.map((s) => s.id)).toEqual([neverStored, cutShort, savedBefore]);
      expect(sessions[1]).toMatchObject({ status: 'finished', summary: { reps: 5 } });
      expect(sessionCount).toBe(3);
      expect(await sessionsBackedUp(page)).toHaveLength(sessionCount);
    } finally {
      full.mockRestore();
    }
    await page.persistence.dispose();
  });

  it('charts in History, while storage is full, the sessions held whole in memory beside those saved before it filled', async () => {
    const page = await startedPage();
    await page.finishedSessions(1);
    page.session.start();
    page.reps(1);
    await page.persistence.flush();
    const full = fullFor(() => true);
    try {
      // The second session's set goes on to 5 reps and ends with it, all refused: the store keeps
      // its first rep's copy, with no set done.
      page.reps(4);
      await page.persistence.flush();
      page.session.finish();
      await page.persistence.flush();
      expect(page.persistence.history.state).toMatchObject({ storage: 'memory', problem: { kind: 'quota' } });
      const { sessions, progress } = page.persistence.history.state;
      expect(sessions.map((s) => s.summary.reps)).toEqual([5, 2]);
      // The week's best superman set is the 5 listed beside it, not the 2 saved before, nor nothing.
      const superman = progress?.bestSetReps.lines.find((line) => line.label === 'Superman' && !line.target);
      expect(superman?.values).toEqual([5]);
      expect(progress?.supermanRange.lines[0]?.values).toEqual([20]);
    } finally {
      full.mockRestore();
    }
    await page.persistence.dispose();
  });

  it('deletes an old session while storage is full, and in the room that frees saves the session waiting for it and says saving again', async () => {
    const { page, waiting, restore } = await oneWaitingForRoom(2);
    const [, oldest] = page.persistence.history.state.sessions.filter((s) => s.id !== waiting);
    try {
      await page.persistence.deleteSession(oldest!.id);
      await page.persistence.flush();
    } finally {
      restore();
    }
    expect(await page.store!.getSession(oldest!.id)).toBeUndefined();
    expect(await page.store!.getSession(waiting)).toMatchObject({ status: 'finished', summary: { reps: 5 } });
    const h = page.persistence.history.state;
    expect(h).toMatchObject({
      storage: 'saving',
      problem: null,
      sessionCount: 2,
      notice: 'Session deleted.',
    });
    expect(h.sessions.map((s) => s.id)).not.toContain(oldest!.id);
    expect(h.sessions[0]).toMatchObject({ id: waiting, status: 'finished' });
    expect(page.asksBeforeClosing()).toBe(false);
    await page.persistence.dispose();
  });

  it('frees raw motion while storage is full, and in the room that frees saves the session waiting for it and says saving again', async () => {
    const { page, waiting, restore } = await oneWaitingForRoom(2);
    try {
      await page.persistence.loadMotion();
      expect(page.persistence.history.state.motion?.sessions).toBe(3);
      await page.persistence.setRetention({ keep: 'none' });
      await page.persistence.flush();
    } finally {
      restore();
    }
    expect(await page.store!.getSession(waiting)).toMatchObject({ status: 'finished', summary: { reps: 5 } });
    expect(page.persistence.history.state).toMatchObject({
      storage: 'saving',
      problem: null,
      motion: { retention: { keep: 'none' } },
    });
    expect(page.persistence.history.state.notice).toMatch(
      /^Removed the raw motion of 2 sessions: .* freed\./,
    );
    expect(page.asksBeforeClosing()).toBe(false);
    await page.persistence.dispose();
  });

  it('deletes while storage is full the session waiting for room itself: gone from memory too, and never written back', async () => {
    const { page, waiting, restore } = await oneWaitingForRoom(1);
    try {
      await page.persistence.deleteSession(waiting);
      await page.persistence.flush();
    } finally {
      restore();
    }
    expect(await page.store!.getSession(waiting)).toBeUndefined();
    const h = page.persistence.history.state;
    expect(h).toMatchObject({ storage: 'saving', problem: null, sessionCount: 1, endedSessionDeleted: true });
    expect(h.sessions.map((s) => s.id)).not.toContain(waiting);
    expect(page.asksBeforeClosing()).toBe(false);
    expect(await sessionsBackedUp(page)).not.toContain(waiting);
    expect(await page.persistence.exportCurrent('json')).toBeNull();
    await page.persistence.dispose();
  });

  it('deletes a session waiting for room while its catch-up is being written, and still saves the one that waited behind it', async () => {
    const { page, first, second } = await twoWaitingForRoom();
    await deletedWhileItsCatchUpIsWritten(page, first, 'taken');

    expect(await page.store!.getSession(first)).toBeUndefined();
    expect((await page.store!.getSession(second))?.status).toBe('finished');
    expect(page.persistence.history.state).toMatchObject({ storage: 'saving', problem: null });
    expect(page.persistence.history.state.sessions.map((s) => s.id)).toEqual([second]);
    expect(page.asksBeforeClosing()).toBe(false);
    expect(await sessionsBackedUp(page)).toEqual([second]);
    await page.persistence.dispose();
  });

  it('keeps out of every file a session waiting for room that was deleted while the store failed its catch-up', async () => {
    const { page, first, second } = await twoWaitingForRoom();
    await deletedWhileItsCatchUpIsWritten(page, first, 'failed');

    expect((await page.store!.getSession(second))?.status).toBe('finished');
    expect(page.asksBeforeClosing()).toBe(false);
    expect(await sessionsBackedUp(page)).toEqual([second]);
    await page.persistence.dispose();
  });

  it('deletes all sessions while storage is full, those waiting for room in memory with them, and says saving again', async () => {
    const { page, waiting, restore } = await oneWaitingForRoom(2);
    try {
      await page.persistence.deleteAll();
      await page.persistence.flush();
    } finally {
      restore();
    }
    expect(await page.store!.listSessions()).toEqual([]);
    expect(page.persistence.history.state).toMatchObject({
      storage: 'saving',
      problem: null,
      sessions: [],
      sessionCount: 0,
      notice: 'All sessions deleted.',
    });
    expect(await sessionsBackedUp(page)).not.toContain(waiting);
    await page.persistence.dispose();
  });

  it('says in words that a session was not deleted when the store refuses the delete, and keeps it listed', async () => {
    const { page, restore } = await oneWaitingForRoom(1);
    const oldest = page.persistence.history.state.sessions.at(-1)!;
    const refused = vi
      .spyOn(page.store!, 'deleteSession')
      .mockRejectedValue(new DOMException('I/O', 'UnknownError'));
    try {
      await expect(page.persistence.deleteSession(oldest.id)).rejects.toThrow(
        'The session was not deleted: saving failed. Reload Backbeat and try again.',
      );
    } finally {
      refused.mockRestore();
      restore();
    }
    expect(await page.store!.getSession(oldest.id)).toBeDefined();
    expect(page.persistence.history.state.sessions.map((s) => s.id)).toContain(oldest.id);
    await page.persistence.dispose();
  });

  it('keeps a session listed and charted when a full store refuses its week rewritten without it, and says so', async () => {
    const page = await startedPage();
    await page.finishedSessions(2);
    const [newest, oldest] = page.persistence.history.state.sessions.map((s) => s.id);
    // Full for good: the room its raw motion frees is not enough for its week's row.
    const full = fullFor(() => true);
    try {
      await expect(page.persistence.deleteSession(oldest!)).rejects.toThrow(
        "The session was not deleted: storage is so full that its week's chart could not be rewritten without it, and the two go together. Its raw motion was removed to make room; free some space on the device, then delete it again.",
      );
    } finally {
      full.mockRestore();
    }
    expect(page.persistence.history.state.sessions.map((s) => s.id)).toEqual([newest, oldest]);
    expect((await page.store!.weeks()).map((week) => week.past.map((past) => past.id))).toEqual([
      [oldest, newest],
    ]);
    expect((await page.store!.loadBundle(oldest!))?.sets).toHaveLength(1);
    await page.persistence.dispose();
  });

  it("reads for today's plan the sessions saved before storage filled up, and the one that ended since, while it is full", async () => {
    const page = await startedPage();
    await page.finishedSessions(2);
    expect(await page.persistence.pastSessions()).toHaveLength(2);
    const full = fullFor(() => true);
    try {
      page.session.start();
      page.reps(3);
      page.session.finish();
      await page.persistence.flush();
      expect(page.persistence.history.state.problem?.kind).toBe('quota');
      const past = await page.persistence.pastSessions();
      expect(past.map((session) => session.sets.map((set) => set.exerciseId))).toEqual([
        ['superman'],
        ['superman'],
        ['superman'],
      ]);
    } finally {
      full.mockRestore();
    }
    await page.persistence.dispose();
  });

  it('counts no session held in memory alone while storage saves the one under way', async () => {
    const page = await twoRepsWritten();
    expect(page.persistence.sessionsHeldInMemory()).toBe(0);
    await page.persistence.dispose();
  });

  it('counts the sessions held in memory only while storage is full, as many as a backup takes from there', async () => {
    const { page, restore } = await oneWaitingForRoom(1);
    try {
      expect(page.persistence.sessionsHeldInMemory()).toBe(1);
      page.session.reset();
      page.session.start();
      page.reps(2);
      page.session.finish();
      await page.persistence.flush();
      expect(page.persistence.sessionsHeldInMemory()).toBe(2);
    } finally {
      restore();
    }
    await page.persistence.dispose();
  });

  it('shows older sessions while storage is full, each once, to as many as it counts', async () => {
    const page = await startedPage();
    await page.finishedSessions(HISTORY_PAGE);
    const full = fullFor(() => true);
    try {
      page.session.start();
      const neverStored = page.persistence.history.state.recordingId!;
      page.reps(2);
      page.session.finish();
      await page.persistence.flush();
      expect(page.persistence.history.state.problem?.kind).toBe('quota');
      expect(page.persistence.history.state.sessions[0]?.id).toBe(neverStored);
      expect(page.persistence.history.state.sessionCount).toBe(HISTORY_PAGE + 1);
      await page.persistence.showMoreSessions();
      const listed = page.persistence.history.state.sessions.map((s) => s.id);
      expect(new Set(listed).size).toBe(HISTORY_PAGE + 1);
      expect(listed).toHaveLength(HISTORY_PAGE + 1);
    } finally {
      full.mockRestore();
    }
    await page.persistence.dispose();
  });

  it('says storage is full still when a correction on a session deleted in another tab wrote nothing: no sign of room', async () => {
    const { page, first, full } = await firstEndedWhileFull();
    full.mockRestore();
    // Deleted in another tab, whose message has not come yet; then put right on the summary here,
    // once the full store is to be asked again.
    await page.store!.deleteSession(first);
    page.clockMs += FULL_STORE_RETRY_MS;
    page.session.adjustCount(1);
    await page.persistence.flush();
    expect(await page.store!.getSession(first)).toBeUndefined();
    expect(page.persistence.history.state).toMatchObject({ storage: 'memory', problem: { kind: 'quota' } });
    // The next session's write is the sign of room: nothing of the deleted one is written with it.
    page.session.reset();
    page.session.start();
    page.reps(1);
    await page.persistence.flush();
    expect(page.persistence.history.state).toMatchObject({ storage: 'saving', problem: null });
    expect(await page.store!.getSession(first)).toBeUndefined();
    await page.persistence.dispose();
  });

  it('saves the end and the sets of a session storage filled up during, so the next start does not offer it as interrupted', async () => {
    const name = `persistence-${++dbCounter}`;
    const page = new Page(name);
    await page.persistence.start();
    page.session.start();
    page.reps(2);
    await page.persistence.flush();
    // The store takes no more of the raw series; a row or two still fit.
    const put = IDBObjectStore.prototype.put;
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (['motion', 'heartRate', 'events'].includes(this.name))
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    try {
      page.reps(3);
      await page.persistence.flush();
      expect(page.persistence.history.state.problem?.kind).toBe('quota');
      page.session.finish();
      await page.persistence.flush();
    } finally {
      full.mockRestore();
      await page.persistence.dispose();
    }
    const next = new Page(name);
    await next.persistence.start();
    expect(next.persistence.history.state.unfinished).toBeNull();
    const [session] = next.persistence.history.state.sessions;
    expect(session).toMatchObject({ status: 'finished', summary: { sets: 1, reps: 5 } });
    expect((await next.store!.motionUsage())[0]!.bytes).toBeGreaterThan(0);
    await next.persistence.dispose();
  });

  it('offers no file of a session ended before any set was done, storage or not: it is not kept', async () => {
    const page = new Page('unused', () => Promise.reject(new DOMException('denied', 'SecurityError')));
    await page.persistence.start();
    expect(page.persistence.history.state.problem?.kind).toBe('unavailable');
    page.session.start();
    page.run(3000);
    expect(page.persistence.history.state.hasCurrent).toBe(true);
    page.session.finish();
    await page.persistence.flush();
    expect(page.persistence.history.state.hasCurrent).toBe(false);
    expect(await sessionsBackedUp(page)).toEqual([]);
    // One with a set done is offered, from memory, and backed up.
    page.session.reset();
    page.session.start();
    page.reps(1);
    const kept = page.persistence.history.state.recordingId;
    page.session.finish();
    await page.persistence.flush();
    expect(page.persistence.history.state.hasCurrent).toBe(true);
    expect(await sessionsBackedUp(page)).toEqual([kept]);
  });

  it('keeps every session that ends where the browser never let the store open, not the last alone, for a backup and the CSV', async () => {
    const page = new Page('unused', () => Promise.reject(new DOMException('denied', 'SecurityError')));
    await page.persistence.start();
    const ids: string[] = [];
    for (const reps of [2, 1]) {
      page.session.reset();
      page.session.start();
      page.reps(reps);
      ids.push(page.persistence.history.state.recordingId!);
      page.session.finish();
      await page.persistence.flush();
    }
    expect(page.persistence.sessionsHeldInMemory()).toBe(2);
    // The second one's own file leaves the first in memory alone: closing still asks, until a backup.
    await page.persistence.exportCurrent('json');
    expect(page.asksBeforeClosing()).toBe(true);
    expect((await sessionsBackedUp(page)).sort()).toEqual([...ids].sort());
    expect(page.asksBeforeClosing()).toBe(false);
    const csv = await (await page.persistence.historyCsv()).blob.text();
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 2);
    // Held while the next session runs, beside it.
    page.session.reset();
    page.session.start();
    page.reps(1);
    expect(page.persistence.sessionsHeldInMemory()).toBe(3);
  });

  it('lets the oldest session held where the store never opened go of its raw motion past what memory is given for them', async () => {
    const refused = () => Promise.reject(new DOMException('denied', 'SecurityError'));
    const twoSessions = async (page: Page) => {
      await page.persistence.start();
      for (let session = 0; session < 2; session++) {
        page.session.reset();
        page.session.start();
        page.reps(2);
        page.session.finish();
        await page.persistence.flush();
      }
      const file = JSON.parse(await (await page.persistence.backup()).blob.text());
      return (file.sessions as SessionBundle[]).sort((a, b) => a.session.startedAt - b.session.startedAt);
    };
    const unbounded = await twoSessions(new Page('unused', refused));
    const bytes = unbounded.map((bundle) => bundle.session.motionBytes ?? 0);
    expect(bytes[0]).toBeGreaterThan(0);
    expect(bytes[1]).toBe(bytes[0]);
    // Room for one session's raw motion, not for both.
    const bounded = await twoSessions(
      new Page('unused', refused, undefined, undefined, undefined, bytes[0]! * 1.5),
    );
    expect(bounded.map((bundle) => bundle.motion.length > 0)).toEqual([false, true]);
    expect(bounded[0]?.session).toMatchObject({ motionDropped: true, summary: { sets: 1, reps: 2 } });
    expect(bounded[0]?.sets.map((set) => set.count)).toEqual([2]);
  });

  it('asks before the page closes on a session kept in memory only, until it is taken as a file', async () => {
    const page = new Page('unused', () => Promise.reject(new DOMException('denied', 'SecurityError')));
    await page.persistence.start();
    expect(page.asksBeforeClosing()).toBe(false);
    page.session.start();
    page.reps(2);
    expect(page.asksBeforeClosing()).toBe(true);
    page.session.finish();
    await page.persistence.flush();
    expect(page.asksBeforeClosing()).toBe(true);
    await page.persistence.exportCurrent('json');
    expect(page.asksBeforeClosing()).toBe(false);
    // The next session is in memory only again.
    page.session.reset();
    page.session.start();
    page.reps(1);
    expect(page.asksBeforeClosing()).toBe(true);
  });

  it('asks before the page closes after a CSV or FIT of a session kept in memory only, which Backbeat cannot take back', async () => {
    const page = new Page('unused', () => Promise.reject(new DOMException('denied', 'SecurityError')));
    await page.persistence.start();
    page.session.start();
    const id = page.persistence.history.state.recordingId!;
    page.reps(2);
    page.session.finish();
    await page.persistence.flush();
    await page.persistence.historyCsv();
    expect(page.asksBeforeClosing()).toBe(true);
    await page.persistence.exportCurrent('csv');
    expect(page.asksBeforeClosing()).toBe(true);
    await page.persistence.exportSession(id, 'fit');
    expect(page.asksBeforeClosing()).toBe(true);
    await page.persistence.exportSession(id, 'json');
    expect(page.asksBeforeClosing()).toBe(false);
  });

  it('asks before the page closes while a session waits for room, whatever became of the sessions after it', async () => {
    const page = await twoRepsWritten();
    const full = fullFor(() => true);
    try {
      page.reps(3);
      await page.persistence.flush();
      page.session.finish();
      await page.persistence.flush();
      expect(page.persistence.history.state.problem?.kind).toBe('quota');
      expect(page.asksBeforeClosing()).toBe(true);
      // The next session, taken as a file from its summary: the one before still waits in memory.
      page.session.reset();
      page.session.start();
      page.reps(2);
      page.session.finish();
      await page.persistence.flush();
      await page.persistence.exportCurrent('json');
      expect(page.asksBeforeClosing()).toBe(true);
      // And one ended before a set was done, not kept: nor does that leave the first to be lost.
      page.session.reset();
      page.session.start();
      page.run(2000);
      page.session.finish();
      await page.persistence.flush();
      expect(page.persistence.history.state.hasCurrent).toBe(false);
      expect(page.asksBeforeClosing()).toBe(true);
    } finally {
      full.mockRestore();
    }
    await page.persistence.dispose();
  });

  it('closes without asking once a backup has taken every session held in memory alone', async () => {
    const page = await twoRepsWritten();
    const full = fullFor(() => true);
    try {
      page.reps(3);
      await page.persistence.flush();
      page.session.finish();
      await page.persistence.flush();
      page.session.reset();
      page.session.start();
      page.reps(2);
      page.session.finish();
      await page.persistence.flush();
      expect(page.persistence.sessionsHeldInMemory()).toBe(2);
      expect(page.asksBeforeClosing()).toBe(true);
      // The storage notice's one button with several held: Back up all sessions.
      await page.persistence.backup();
      expect(page.asksBeforeClosing()).toBe(false);
    } finally {
      full.mockRestore();
    }
    await page.persistence.dispose();
  });

  it('closes without asking once each session held in memory alone is taken as a file, one waiting for room from History', async () => {
    const { page, first, full } = await firstEndedWhileFull();
    try {
      page.session.reset();
      page.session.start();
      page.reps(2);
      page.session.finish();
      await page.persistence.flush();
      await page.persistence.exportCurrent('json');
      expect(page.asksBeforeClosing()).toBe(true);
      await page.persistence.exportSession(first, 'json');
      expect(page.asksBeforeClosing()).toBe(false);
    } finally {
      full.mockRestore();
    }
    await page.persistence.dispose();
  });

  it('asks before the page closes while a session the store failed after it waited for room is in memory alone', async () => {
    const page = await twoRepsWritten();
    const first = page.persistence.history.state.recordingId!;
    let failing: 'for want of room' | 'for another reason' = 'for want of room';
    const put = IDBObjectStore.prototype.put;
    const refused = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (failing === 'for want of room')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (rowOf(args[0], first))
        throw new DOMException('The operation failed for reasons unrelated to the database.', 'UnknownError');
      return put.apply(this, args);
    });
    try {
      page.reps(3);
      await page.persistence.flush();
      page.session.finish();
      await page.persistence.flush();
      failing = 'for another reason';
      // The next session, ended before a set was done: its end asks the store for the first at once.
      page.session.reset();
      page.session.start();
      page.run(2000);
      page.session.finish();
      await page.persistence.flush();
    } finally {
      refused.mockRestore();
    }
    expect(page.persistence.history.state.problem?.kind).toBe('unknown');
    expect(page.asksBeforeClosing()).toBe(true);
    // Memory's copy is the one a backup takes: once taken, closing loses nothing.
    expect(await sessionsBackedUp(page)).toEqual([first]);
    expect(page.asksBeforeClosing()).toBe(false);
    await page.persistence.dispose();
  });

  it('saves what it holds when the page is closed, as the window says (pagehide)', async () => {
    const page = await startedPage();
    page.session.start();
    page.reps(2);
    const id = page.persistence.history.state.recordingId!;
    // Not yet written: the next write is due a minute on.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = await page.store!.loadBundle(id);
    page.window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(async () => {
      const after = await page.store!.loadBundle(id);
      expect(after!.motion.length).toBeGreaterThan(before?.motion.length ?? 0);
      expect(after!.heartRate.length).toBeGreaterThan(before?.heartRate.length ?? 0);
    });
    await page.persistence.dispose();
  });

  // Saved with the next tick's write, a +1 tapped just before a reload was lost with it.
  it("saves the person's tap at once, not with the next write: a reload right after keeps it", async () => {
    const page = await twoRepsWritten();
    const id = page.persistence.history.state.recordingId!;
    const saved = async () => (await page.store!.loadBundle(id))!.session.snapshot!;
    // No write is due for a minute (flushMs), and none is asked for.
    page.session.adjustCount(1);
    await vi.waitFor(async () => expect((await saved()).set?.count).toBe(3));
    page.session.pause();
    await vi.waitFor(async () => expect((await saved()).pausedAtMs).not.toBeNull());
    await page.persistence.dispose();
  });

  // Written with the next second's write, reps counted in the last second before a reload were lost.
  it('saves a rep counted at once, without sealing the motion that the next write takes', async () => {
    const page = await twoRepsWritten();
    const id = page.persistence.history.state.recordingId!;
    const saved = async () => (await page.store!.loadBundle(id))!;
    const motionChunks = (await saved()).motion.length;
    // No write is due for a minute (flushMs), and none is asked for.
    page.run(500);
    page.rep();
    await vi.waitFor(async () => expect((await saved()).session.snapshot!.set?.count).toBe(3));
    // A rep every two seconds costs a small write of the session's state, not a motion chunk each.
    expect((await saved()).motion.length).toBe(motionChunks);
    await page.persistence.dispose();
  });

  it('closes without asking when the session is saved as it goes', async () => {
    const page = await twoRepsWritten();
    expect(page.asksBeforeClosing()).toBe(false);
    await page.persistence.dispose();
  });

  it('keeps what the coach said with the session, at the time it was said', async () => {
    const page = new Page('unused', () => Promise.reject(new DOMException('denied', 'SecurityError')));
    await page.persistence.start();
    page.session.start();
    page.run(2000);
    page.cues.next({ kind: 'tone', tone: 'rep' });
    page.cues.next({ kind: 'say', text: 'one', interrupt: false });
    page.run(1000);
    page.cues.next({ kind: 'say', text: 'Keep your lower back long', interrupt: true });
    const json = await page.persistence.exportCurrent('json');
    const events = JSON.parse(await json!.blob.text()).sessions[0].events;
    expect(events.map((e: { data: unknown }) => e.data)).toEqual([
      { kind: 'cue', text: 'one' },
      { kind: 'cue', text: 'Keep your lower back long' },
    ]);
    expect(events[1].tMs - events[0].tMs).toBe(1000);
  });

  it('keeps the line the coach began as the session started, in the moment before its record was made, and none said before', async () => {
    const page = new Page('unused', () => Promise.reject(new DOMException('denied', 'SecurityError')));
    await page.persistence.start();
    page.cues.next({ kind: 'say', text: 'Heard on the start screen', interrupt: false });
    page.clockMs += 2000;
    // The voice begins the set's line on the same state that starts the session, before this sees it.
    page.cues.next({ kind: 'say', text: 'Superman, set one of three. Ten reps', interrupt: false });
    page.session.start();
    page.run(1000);
    page.cues.next({ kind: 'say', text: 'Lie face down to start', interrupt: false });
    const json = await page.persistence.exportCurrent('json');
    const events = JSON.parse(await json!.blob.text()).sessions[0].events;
    expect(events.map((e: { tMs: number; data: unknown }) => [e.tMs, e.data])).toEqual([
      [0, { kind: 'cue', text: 'Superman, set one of three. Ten reps' }],
      [1000, { kind: 'cue', text: 'Lie face down to start' }],
    ]);
  });

  /**
   * A session of two supermans recorded as the coach says it, through `voice`: Finish is tapped while
   * "two" is still being said, and the voice comes to the end of it 0.6 s later, with what Finish
   * handed it (the set cut short, the session ended) still to say.
   */
  async function finishedWhileSaying(): Promise<{ page: Page; voice: VoiceOnTheMat; endMs: number }> {
    const voice = new VoiceOnTheMat();
    const page = new Page(`persistence-${++dbCounter}`, undefined, undefined, undefined, voice);
    // As in the app: the coach hears each state before the store does.
    page.player!.start();
    await page.persistence.start();
    page.session.start();
    // The set's instructions and its one point are heard before the first rep.
    voice.sayAll();
    page.reps(2);
    while (voice.saying() !== 'two') {
      if (voice.endLine() === null) throw new Error(`"two" was never said: ${voice.heard.join(' / ')}`);
    }
    page.session.finish();
    const endMs = page.session.state.endedMs! - page.session.state.startedMs!;
    page.clockMs += 600;
    return { page, voice, endMs };
  }

  it('keeps the line the voice was handed as the session ended and began after it, at the time it began', async () => {
    const { page, voice, endMs } = await finishedWhileSaying();
    voice.endLine();
    expect(voice.saying()).toBe('Set cut short: two reps done');
    page.clockMs += 1800;
    voice.endLine();
    expect(voice.saying()).toBe('Session ended: one set cut short. Well done');
    voice.sayAll();
    await page.persistence.flush();
    const [id] = await page.store!.sessionIds();
    const { events } = (await page.store!.loadBundle(id!))!;
    const said = events.flatMap((e) => (e.data.kind === 'cue' ? [[e.tMs, e.data.text]] : []));
    expect(said.slice(-3)).toEqual([
      [expect.any(Number), 'two'],
      [endMs + 600, 'Set cut short: two reps done'],
      [endMs + 2400, 'Session ended: one set cut short. Well done'],
    ]);
    // The JSON export, from memory, ends as the store does.
    const json = await page.persistence.exportCurrent('json');
    const exported = JSON.parse(await json!.blob.text()).sessions[0].events;
    expect(exported.at(-1)).toMatchObject({
      tMs: endMs + 2400,
      data: { kind: 'cue', text: 'Session ended: one set cut short. Well done' },
    });
    page.player!.dispose();
    await page.persistence.dispose();
  });

  it('writes no line begun after its session ended into it once it has been deleted', async () => {
    const { page, voice } = await finishedWhileSaying();
    await page.persistence.flush();
    const [id] = await page.store!.sessionIds();
    await page.persistence.deleteSession(id!);
    voice.sayAll();
    expect(voice.heard.slice(-2)).toEqual([
      'Set cut short: two reps done',
      'Session ended: one set cut short. Well done',
    ]);
    await page.persistence.flush();
    const raw = await openDB(page.dbName);
    const events = await raw.getAll('events', IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
    raw.close();
    expect(events).toEqual([]);
    expect(await page.store!.sessionIds()).toEqual([]);
    expect(await page.persistence.exportCurrent('json')).toBeNull();
    page.player!.dispose();
    await page.persistence.dispose();
  });

  it('imports a backup, refuses a broken file without touching the history, and deletes', async () => {
    const backup = await backupOfOneSession();
    const target = await startedPage();
    await expect(target.persistence.importJson(backup.slice(0, 200))).rejects.toBeInstanceOf(ImportError);
    expect(target.persistence.history.state.sessions).toEqual([]);
    await target.persistence.importJson(backup);
    expect(target.persistence.history.state.notice).toBe('Imported 1 session.');
    await target.persistence.importJson(backup);
    expect(target.persistence.history.state.notice).toBe(
      'Imported 0 sessions; 1 already here, kept as they were.',
    );
    const [only] = target.persistence.history.state.sessions;
    await target.persistence.deleteSession(only!.id);
    expect(target.persistence.history.state.sessions).toEqual([]);
  });

  it('imports a session whose pause cannot be read, without the pause, and says so', async () => {
    const file = JSON.parse(await backupOfOneSession());
    const snapshot = file.sessions[0].session.snapshot;
    snapshot.pauses = [{ atMs: 1000, ms: 'two seconds', deviceLost: true }];
    const target = await startedPage();
    await target.persistence.importJson(JSON.stringify(file));
    expect(target.persistence.history.state.sessions).toHaveLength(1);
    expect(target.persistence.history.state.notice).toBe(
      'Imported 1 session. Not all of it could be read: session 1, pause 1: "ms" should be a number, so the pause was left out.',
    );
  });

  it("restores a session recorded by a clock days ahead of this device's, and refuses one dated past 2100", async () => {
    const file = JSON.parse(await backupOfOneSession());
    const session = file.sessions[0].session;
    for (const key of ['startedAt', 'endedAt', 'updatedAt']) session[key] += 10 * 86_400_000;
    const target = await startedPage();
    await target.persistence.importJson(JSON.stringify(file));
    expect(target.persistence.history.state.sessions).toHaveLength(1);

    for (const key of ['startedAt', 'endedAt', 'updatedAt']) session[key] += 100 * 365 * 86_400_000;
    const other = await startedPage();
    await expect(other.persistence.importJson(JSON.stringify(file))).rejects.toThrow(
      /\(session 1\): "session\.startedAt" should be a time from 1970 to 2100/,
    );
    expect(other.persistence.history.state.sessions).toEqual([]);
  });

  it('does not go on with a session left hours ago: it is kept as it was, and the next session is a new one', async () => {
    const first = await startedPage();
    first.session.start();
    first.reps(10);
    first.run(3000);
    expect(first.session.state.phase).toBe('rest');
    await first.persistence.flush();
    const left = first.persistence.history.state.recordingId!;
    // Closed in its rest, and opened again the next morning.
    const next = await reopen(first, first.clockMs + 20 * 60 * 60 * 1000);
    expect(next.persistence.history.state).toMatchObject({
      unfinished: { id: left },
      unfinishedResumable: false,
    });
    await next.persistence.resume();
    expect(next.persistence.history.state.recordingId).toBeNull();
    expect(next.session.state.phase).toBe('ready');

    next.session.start();
    next.reps(2);
    next.session.finish();
    await next.persistence.flush();
    const sessions = await next.store!.listSessions();
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s) => s.id === left)).toMatchObject({ status: 'finished', summary: { sets: 1 } });
    await next.persistence.dispose();
  });

  it('offers to resume an unfinished session a backup brought in at once, as after a reload', async () => {
    const source = await startedPage();
    source.session.start();
    source.reps(10);
    source.run(3000);
    await source.persistence.flush();
    const backup = await (await source.persistence.backup()).blob.text();
    const [id] = await source.store!.sessionIds();

    const target = await startedPage();
    await target.persistence.importJson(backup);
    expect(target.persistence.history.state).toMatchObject({
      unfinished: { id },
      unfinishedSets: { done: 1, cutShort: 0, skipped: 0 },
    });
    await target.persistence.discardUnfinished();
    expect(target.persistence.history.state.sessions[0]).toMatchObject({ id, status: 'finished' });
  });

  it('keeps the space raw motion takes up to date once shown, as sessions come and go', async () => {
    const backup = await backupOfOneSession();
    const target = await startedPage();
    await target.persistence.loadMotion();
    expect(target.persistence.history.state.motion).toMatchObject({ sessions: 0, bytes: 0 });
    await target.persistence.importJson(backup);
    expect(target.persistence.history.state.motion?.sessions).toBe(1);
    expect(target.persistence.history.state.motion?.bytes).toBeGreaterThan(0);
    const [only] = target.persistence.history.state.sessions;
    await target.persistence.deleteSession(only!.id);
    expect(target.persistence.history.state.motion).toMatchObject({ sessions: 0, bytes: 0 });
  });

  it('says that a backup holding no sessions imported nothing, rather than "Imported 0 sessions"', async () => {
    const empty = await startedPage();
    const backup = await (await empty.persistence.backup()).blob.text();

    const target = await startedPage();
    const result = await target.persistence.importJson(backup);
    expect(result.added).toEqual([]);
    expect(target.persistence.history.state.notice).toBe(
      'This file holds no sessions: nothing was imported.',
    );
  });

  it('backs up and restores a session at a time, telling how far it is, and a cancel leaves nothing behind', async () => {
    const source = await startedPage();
    await source.finishedSessions(3);
    const steps: [number, number][] = [];
    const backup = await source.persistence.backup({
      onProgress: (done, total) => steps.push([done, total]),
    });
    expect(steps).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const text = await backup.blob.text();
    expect(text.split('\n')).toHaveLength(6);

    const target = await startedPage();
    const cancel = new AbortController();
    let sessionsIn = 0;
    const cancelled = target.persistence.restore(new Blob([text]), {
      signal: cancel.signal,
      onProgress: () => {
        // Called off once some sessions are already in.
        if (++sessionsIn === 2) cancel.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(await target.store!.sessionIds()).toEqual([]);
    expect(target.persistence.history.state.sessions).toEqual([]);

    const read: number[] = [];
    const restored = await target.persistence.restore(new Blob([text]), {
      onProgress: (bytes, total) => {
        expect(total).toBe(new Blob([text]).size);
        read.push(bytes);
      },
    });
    expect(restored.added).toHaveLength(3);
    expect(read.at(-1)).toBe(new Blob([text]).size);
    expect(target.persistence.history.state.notice).toBe('Imported 3 sessions.');
    for (const id of restored.added) {
      expect(await target.store!.loadBundle(id)).toEqual(await source.store!.loadBundle(id));
    }
  });

  it('restores a session saved from memory after storage failed, in place of its unfinished copy', async () => {
    const source = await startedPage();
    await source.finishedSessions(2);
    const text = await (await source.persistence.backup()).blob.text();
    const [first] = await source.store!.allBundles();
    // Here the first session's row stayed as it was when storage filled up: unfinished, one set short.
    const stale: SessionBundle = {
      ...first!,
      session: { ...first!.session, status: 'active', endedAt: null },
      sets: first!.sets.slice(0, 0),
    };
    const name = `persistence-${++dbCounter}`;
    const earlier = await SessionStore.open({ name });
    await earlier.importBundles([stale]);
    earlier.close();
    const target = new Page(name);
    await target.persistence.start();
    expect(target.persistence.history.state.unfinished?.id).toBe(first!.session.id);

    // A file that breaks part-way puts back what was here.
    const lines = text.split('\n');
    lines[2] = lines[2]!.replace('"status":"finished"', '"status":"broken"');
    await expect(target.persistence.restore(new Blob([lines.join('\n')]))).rejects.toThrow(/damaged/);
    expect((await target.store!.getSession(first!.session.id))?.status).toBe('active');

    await target.persistence.restore(new Blob([text]));
    expect(target.persistence.history.state.notice).toBe(
      'Imported 2 sessions, 1 of them in place of its cut-short copy here.',
    );
    expect(await target.store!.loadBundle(first!.session.id)).toEqual(first);
    expect(target.persistence.history.state.unfinished).toBeNull();
    await source.persistence.dispose();
    await target.persistence.dispose();
  });

  it('puts back the cut-short copy an import replaced when the import then fails', async () => {
    const { target, id, stale } = await importFailingAfterReplacing(async (otherTab, id) => {
      // The import's whole copy is here in its place.
      expect((await otherTab.getSession(id))?.status).toBe('finished');
    });
    expect((await target.store!.loadBundle(id))?.session).toEqual(stale.session);
    expect(target.persistence.history.state.sessions.map((s) => s.id)).toEqual([id]);
    await target.persistence.dispose();
  });

  it('leaves deleted a session another tab deleted while an import that replaced its cut-short copy was under way, when the import then fails', async () => {
    const { target, id } = await importFailingAfterReplacing((otherTab, id) => otherTab.deleteSession(id));
    expect(await target.store!.getSession(id)).toBeUndefined();
    expect(target.persistence.history.state.sessions).toEqual([]);
    await target.persistence.dispose();
  });

  it("reads for today's plan none of a failed import's copy of a session another tab deleted meanwhile, while the history is read again", async () => {
    let planReads: PastSession[] | null = null;
    const { target } = await importFailingAfterReplacing(async (otherTab, id, target) => {
      await otherTab.deleteSession(id);
      // The import undone, the history is read again, which years of sessions make slow: a plan made
      // meanwhile reads the sessions before as they are kept in memory.
      const store = target.store!;
      const endImport = store.endImport.bind(store);
      vi.spyOn(store, 'endImport').mockImplementation(async (journal) => {
        planReads = await target.persistence.pastSessions();
        return endImport(journal);
      });
    });
    expect(planReads).toEqual([]);
    await target.persistence.dispose();
  });

  it("counts in no week a session a failed import took out again, though another tab's write counted it meanwhile", async () => {
    const source = await startedPage();
    await source.finishedSessions(2);
    const [imported] = await source.store!.sessionIds();
    const text = await (await source.persistence.backup()).blob.text();
    const mine = (await source.store!.loadBundle((await source.store!.sessionIds())[1]!))!;
    await source.persistence.dispose();
    const target = await startedPage();
    const otherTab = await SessionStore.open({ name: target.dbName });
    // The file turns out broken at its second session, once the other tab has written one of its own
    // in the same week, which brings that week's row up to date with the import's first.
    const [header, firstLine, secondLine, ...rest] = text.split('\n');
    const broken = [secondLine!.replace('"status":"finished"', '"status":"broken"'), ...rest].join('\n');
    const file = new (class extends Blob {
      override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
        const bytes = (part: string) => new TextEncoder().encode(part);
        return new ReadableStream({
          async start(controller) {
            controller.enqueue(bytes(`${header}\n${firstLine}\n`));
            while (!(await otherTab.getSession(imported!))) await new Promise((r) => setTimeout(r, 5));
            await otherTab.importBundles([{ ...mine, session: { ...mine.session, id: 'other-tab' } }]);
            controller.enqueue(bytes(broken));
            controller.close();
          },
        });
      }
    })([text]);
    await expect(target.persistence.restore(file)).rejects.toThrow(/damaged/);
    otherTab.close();
    expect(await target.store!.getSession(imported!)).toBeUndefined();
    expect((await target.store!.weeks()).map((w) => [w.sessions, w.past.map((p) => p.id)])).toEqual([
      [1, ['other-tab']],
    ]);
    await target.persistence.dispose();
  });

  it('exports every saved session as one CSV and says so when there is none', async () => {
    const page = await startedPage();
    await expect(page.persistence.historyCsv()).rejects.toThrow('There are no sessions to export yet.');
    for (let i = 0; i < 2; i++) {
      page.session.start();
      page.run(3000);
      page.rep();
      page.session.finish();
      await page.persistence.flush();
      page.session.reset();
      page.run(1000);
    }
    const file = await page.persistence.historyCsv();
    expect(file.filename).toMatch(/^backbeat-history-.*\.csv$/);
    const lines = (await file.blob.text()).trimEnd().split('\r\n');
    const dates = new Set(lines.slice(1).map((line) => line.split(',')[0]));
    expect(dates.size).toBe(2);
    expect(lines.slice(1).every((line) => line.includes(',Backbeat back care,'))).toBe(true);
    // The last session, deleted with the rest, stays out of it.
    await page.persistence.deleteAll();
    await expect(page.persistence.historyCsv()).rejects.toThrow('There are no sessions to export yet.');
    await page.persistence.dispose();
  });

  it('exports as CSV, while storage is full, the sessions saved before it filled beside the one waiting for room, each once', async () => {
    const page = await startedPage();
    await page.finishedSessions(2);
    page.session.start();
    page.reps(2);
    await page.persistence.flush();
    const full = fullFor(() => true);
    try {
      page.reps(3);
      await page.persistence.flush();
      page.session.finish();
      await page.persistence.flush();
      expect(page.persistence.history.state.problem?.kind).toBe('quota');
      const lines = (await (await page.persistence.historyCsv()).blob.text()).trimEnd().split('\r\n');
      // A set each: two reps, two reps, and the five the store has only two of.
      const reps = CSV_COLUMNS.indexOf('Reps');
      expect(lines.slice(1).map((line) => line.split(',')[reps])).toEqual(['2', '2', '5']);
    } finally {
      full.mockRestore();
    }
    await page.persistence.dispose();
  });

  it('reads the sessions before while the browser still asks the person whether to keep the data', async () => {
    const first = await startedPage();
    await first.finishedSessions(1);
    first.store!.close();
    // Firefox asks the person in a prompt, and its answer can be a long time coming, or never come.
    let answer: (persisted: boolean) => void = () => {};
    vi.stubGlobal('navigator', {
      storage: {
        persisted: async () => false,
        persist: () => new Promise<boolean>((resolve) => (answer = resolve)),
      },
    });
    try {
      const next = new Page(first.dbName);
      void next.persistence.start();
      await vi.waitFor(() => expect(next.persistence.history.state.pastRead).toBe(true));
      expect(next.persistence.history.state.sessionCount).toBe(1);
      expect(await next.persistence.pastSessions()).toHaveLength(1);
      expect(next.persistence.history.state.persisted).toBeNull();
      answer(true);
      await vi.waitFor(() => expect(next.persistence.history.state.persisted).toBe(true));
      await next.persistence.dispose();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keeps the sessions before for the plan when the look for unfinished ones fails, leaving out the one on offer', async () => {
    const first = await startedPage();
    await first.finishedSessions(1);
    first.session.start();
    first.reps(2);
    await first.persistence.flush();
    const next = await reopen(first);
    const offered = next.persistence.history.state.unfinished;
    expect(offered).not.toBeNull();
    next.store!.unfinishedSessions = () => Promise.reject(new Error('The read failed'));
    const past = await next.persistence.pastSessions();
    expect(past).toHaveLength(1);
    expect(past.map((session) => session.startedAt)).not.toContain(offered!.startedAt);
    await next.persistence.dispose();
  });

  it("dismisses the history's notice, and leaves the history as it was when there is none", async () => {
    const page = await startedPage();
    page.persistence.history.update({ notice: 'Session deleted.' });
    const states: unknown[] = [];
    const subscription = page.persistence.history.state$.subscribe((state) => states.push(state));
    page.persistence.dismissNotice();
    expect(page.persistence.history.state.notice).toBeNull();
    // Every screen that shows the history renders again for a new state: none comes for no change.
    page.persistence.dismissNotice();
    subscription.unsubscribe();
    expect(states).toHaveLength(2);
  });

  it('forgets the session just ended once it is deleted: no file of it, and a correction on its summary does not write it back', async () => {
    const deletions: ((page: Page, id: string) => Promise<void>)[] = [
      (page, id) => page.persistence.deleteSession(id),
      (page) => page.persistence.deleteAll(),
    ];
    for (const deletion of deletions) {
      const page = await startedPage();
      page.session.start();
      page.reps(2);
      page.session.finish();
      await page.persistence.flush();
      const [ended] = page.persistence.history.state.sessions;
      expect(page.persistence.history.state.endedSessionDeleted).toBe(false);
      await deletion(page, ended!.id);
      // The summary is still on screen: it says the session was deleted, and offers nothing of it.
      expect(page.session.state.phase).toBe('summary');
      expect(page.persistence.history.state.endedSessionDeleted).toBe(true);
      expect(await page.persistence.exportCurrent('json')).toBeNull();
      await expect(page.persistence.exportSession(ended!.id, 'csv')).rejects.toThrow('no longer here');
      page.session.adjustCount(1);
      await page.persistence.flush();
      expect(await page.store!.listSessions()).toEqual([]);
      expect(page.persistence.history.state.sessionCount).toBe(0);
      // The next session is kept and offered as ever.
      page.session.reset();
      page.session.start();
      expect(page.persistence.history.state.endedSessionDeleted).toBe(false);
      page.reps(1);
      page.session.finish();
      await page.persistence.flush();
      expect(await page.persistence.exportCurrent('json')).not.toBeNull();
      await page.persistence.dispose();
    }
  });

  it('forgets the session a tab just ended once another tab deletes it: no file of it there, and no correction writes it back', async () => {
    const deletions: ((tab: Page, id: string) => Promise<void>)[] = [
      (tab, id) => tab.persistence.deleteSession(id),
      (tab) => tab.persistence.deleteAll(),
    ];
    for (const deletion of deletions) {
      const name = `persistence-${++dbCounter}`;
      const [recordingTabs, deletingTabs] = tabsOfOneBrowser(2);
      const recording = new Page(name, undefined, recordingTabs);
      const deleting = new Page(name, undefined, deletingTabs);
      await recording.persistence.start();
      await deleting.persistence.start();
      recording.session.start();
      recording.reps(2);
      recording.session.finish();
      await recording.persistence.flush();
      await vi.waitFor(() => expect(deleting.persistence.history.state.sessionCount).toBe(1));
      const id = deleting.persistence.history.state.sessions[0]!.id;

      await deletion(deleting, id);
      await vi.waitFor(() => expect(recording.persistence.history.state.endedSessionDeleted).toBe(true));
      expect(recording.persistence.history.state.hasCurrent).toBe(false);
      expect(await recording.persistence.exportCurrent('json')).toBeNull();
      expect(await sessionsBackedUp(recording)).toEqual([]);
      await expect(recording.persistence.historyCsv()).rejects.toThrow('no sessions');
      recording.session.adjustCount(1);
      await recording.persistence.flush();
      expect(await recording.store!.listSessions()).toEqual([]);
      await recording.persistence.dispose();
      await deleting.persistence.dispose();
    }
  });

  it('keeps the session a tab could only hold in memory when another tab deletes its partial row, or all sessions', async () => {
    const deletions: ((tab: Page, id: string) => Promise<void>)[] = [
      (tab, id) => tab.persistence.deleteSession(id),
      (tab) => tab.persistence.deleteAll(),
    ];
    for (const deletion of deletions) {
      const name = `persistence-${++dbCounter}`;
      const [recordingTabs, deletingTabs] = tabsOfOneBrowser(2);
      const recording = new Page(name, undefined, recordingTabs);
      const deleting = new Page(name, undefined, deletingTabs);
      await recording.persistence.start();
      await deleting.persistence.start();
      recording.session.start();
      recording.reps(2);
      await recording.persistence.flush();
      const id = recording.persistence.history.state.recordingId!;
      // Storage fills up: the rest of the session, and its end, are in this tab's memory alone.
      const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      try {
        recording.reps(3);
        await recording.persistence.flush();
        expect(recording.persistence.history.state.storage).toBe('memory');
        recording.session.finish();
        await recording.persistence.flush();
      } finally {
        full.mockRestore();
      }
      // Listed in the other tab's History as the store has it, and no longer as recorded here (nor
      // offered to resume: this tab holds it).
      await vi.waitFor(() => {
        const { sessions, elsewhere } = deleting.persistence.history.state;
        expect({ listed: sessions.some((s) => s.id === id), elsewhere }).toEqual({
          listed: true,
          elsewhere: null,
        });
      });

      await deletion(deleting, id);
      // The deleting tab's message has reached the recording tab.
      await new Promise((resolve) => setTimeout(resolve));
      expect(await deleting.store!.listSessions()).toEqual([]);
      const { hasCurrent, endedSessionDeleted } = recording.persistence.history.state;
      expect({ hasCurrent, endedSessionDeleted }).toEqual({ hasCurrent: true, endedSessionDeleted: false });
      expect(recording.asksBeforeClosing()).toBe(true);
      expect(await sessionsBackedUp(recording)).toEqual([id]);
      const file = await recording.persistence.exportCurrent('json');
      expect(await file!.blob.text()).toContain(id);
      await recording.persistence.dispose();
      await deleting.persistence.dispose();
    }
  });

  it('still holds the session a tab could only hold in memory once another tab deleted its partial row when storage has room again: closing asks first, a backup takes it, and its summary says so', async () => {
    const name = `persistence-${++dbCounter}`;
    const [recordingTabs, deletingTabs] = tabsOfOneBrowser(2);
    const recording = new Page(name, undefined, recordingTabs);
    const deleting = new Page(name, undefined, deletingTabs);
    await recording.persistence.start();
    await deleting.persistence.start();
    recording.session.start();
    recording.reps(2);
    await recording.persistence.flush();
    const id = recording.persistence.history.state.recordingId!;
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      recording.reps(3);
      await recording.persistence.flush();
      recording.session.finish();
      await recording.persistence.flush();
    } finally {
      full.mockRestore();
    }
    // Listed in the other tab, and no longer as recorded here: else it is not deleted there.
    await vi.waitFor(() =>
      expect(deleting.persistence.history.state).toMatchObject({
        sessions: [expect.objectContaining({ id })],
        elsewhere: null,
      }),
    );
    await deleting.persistence.deleteSession(id);
    expect(deleting.persistence.history.state.notice).toBe('Session deleted.');
    await vi.waitFor(() => expect(recording.persistence.sessionsHeldInMemory()).toBe(1));

    // Back from another app: the store takes writes again.
    recording.leaveAndComeBack();
    await recording.persistence.flush();
    await vi.waitFor(() =>
      expect(recording.persistence.history.state).toMatchObject({ storage: 'saving', problem: null }),
    );
    expect(recording.persistence.history.state).toMatchObject({
      hasCurrent: true,
      endedSessionDeleted: false,
    });
    expect(recording.asksBeforeClosing()).toBe(true);
    expect(recording.persistence.sessionsHeldInMemory()).toBe(1);
    expect(await sessionsBackedUp(recording)).toEqual([id]);
    expect(recording.persistence.storeNoteAtSummary()).toBe(
      'Deleted in another tab: this session is kept in this tab alone. Save it as a file below to keep it.',
    );
    // Still not written back: it was deleted.
    expect(await recording.store!.listSessions()).toEqual([]);
    // Taken as a file, closing loses nothing.
    await recording.persistence.backup();
    expect(recording.asksBeforeClosing()).toBe(false);
    await recording.persistence.dispose();
    await deleting.persistence.dispose();
  });

  it('says storage saves again as soon as another tab deletes a session, though nothing waits for room here', async () => {
    const name = `persistence-${++dbCounter}`;
    const [recordingTabs, deletingTabs] = tabsOfOneBrowser(2);
    const recording = new Page(name, undefined, recordingTabs);
    const deleting = new Page(name, undefined, deletingTabs);
    await recording.persistence.start();
    await deleting.persistence.start();
    recording.session.start();
    recording.reps(2);
    await recording.persistence.flush();
    const id = recording.persistence.history.state.recordingId!;
    const restore = fullUntilADelete();
    try {
      recording.reps(3);
      recording.session.finish();
      await recording.persistence.flush();
      expect(recording.persistence.history.state.problem?.kind).toBe('quota');
      // Listed in the other tab, and no longer as recorded here: else it is not deleted there.
      await vi.waitFor(() =>
        expect(deleting.persistence.history.state).toMatchObject({
          sessions: [expect.objectContaining({ id })],
          elsewhere: null,
        }),
      );

      // Its cut-short copy deleted there: nothing here waits for the room that delete made.
      await deleting.persistence.deleteSession(id);
      expect(deleting.persistence.history.state.notice).toBe('Session deleted.');
      // Within seconds (a tenth of one on an idle machine), where this tab's own wait for room
      // (FULL_STORE_RETRY_MS) is half a minute.
      await vi.waitFor(
        () => expect(recording.persistence.history.state).toMatchObject({ storage: 'saving', problem: null }),
        { timeout: 5000 },
      );
    } finally {
      restore();
    }
    expect(await recording.store!.listSessions()).toEqual([]);
    expect(recording.asksBeforeClosing()).toBe(true);
    await recording.persistence.dispose();
    await deleting.persistence.dispose();
  });

  it('says nothing of a session another tab has begun until that tab has tried its first write, then where it is', async () => {
    for (const firstWrite of ['taken', 'refused for want of room'] as const) {
      const name = `persistence-${++dbCounter}`;
      const [recordingTabs, openingTabs] = tabsOfOneBrowser(2);
      const recording = new Page(name, undefined, recordingTabs);
      await recording.persistence.start();
      // The recording tab's first write waits, as on a loaded machine: its lock is held, and the
      // store has no row of the session yet.
      const write = recording.store!.write.bind(recording.store!);
      let asked = () => {};
      const writeAsked = new Promise<void>((resolve) => (asked = resolve));
      let letGo = () => {};
      const writeLetGo = new Promise<void>((resolve) => (letGo = resolve));
      vi.spyOn(recording.store!, 'write').mockImplementation(async (batch, writer) => {
        asked();
        await writeLetGo;
        if (firstWrite === 'refused for want of room')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return write(batch, writer);
      });
      recording.session.start();
      const id = recording.persistence.history.state.recordingId!;
      await writeAsked;
      await vi.waitFor(async () => expect(await openingTabs.liveSessions()).toContain(id));

      const opening = new Page(name, undefined, openingTabs);
      await opening.persistence.start();
      // Not yet known to be refused: not said to be recorded where storage is full.
      expect(opening.persistence.history.state).toMatchObject({ elsewhere: null, unsavedElsewhere: false });

      letGo();
      if (firstWrite === 'taken') {
        await vi.waitFor(() => expect(opening.persistence.history.state.elsewhere?.id).toBe(id));
        expect(opening.persistence.history.state.unsavedElsewhere).toBe(false);
      } else {
        await vi.waitFor(() => expect(opening.persistence.history.state.unsavedElsewhere).toBe(true));
        expect(opening.persistence.history.state.elsewhere).toBeNull();
      }
      vi.restoreAllMocks();
      await recording.persistence.dispose();
      await opening.persistence.dispose();
    }
  });

  it('writes the session a full store refused here as soon as another tab deletes one, not once its own wait for room is over', async () => {
    const name = `persistence-${++dbCounter}`;
    const [recordingTabs, deletingTabs] = tabsOfOneBrowser(2);
    const recording = new Page(name, undefined, recordingTabs);
    const deleting = new Page(name, undefined, deletingTabs);
    await recording.persistence.start();
    await deleting.persistence.start();
    await deleting.finishedSessions(1);
    const older = deleting.persistence.history.state.sessions[0]!.id;
    const restore = fullUntilADelete();
    try {
      recording.session.start();
      const waiting = recording.persistence.history.state.recordingId!;
      recording.reps(2);
      recording.session.finish();
      await recording.persistence.flush();
      expect(recording.persistence.history.state.problem?.kind).toBe('quota');
      expect(await recording.store!.getSession(waiting)).toBeUndefined();

      // The older session deleted in the other tab makes the room this tab's session waits for.
      await deleting.persistence.deleteSession(older);
      // Within seconds (a tenth of one on an idle machine), where this tab's own wait for room
      // (FULL_STORE_RETRY_MS) is half a minute.
      await vi.waitFor(
        async () => {
          expect((await recording.store!.getSession(waiting))?.status).toBe('finished');
          expect(recording.persistence.history.state).toMatchObject({ storage: 'saving', problem: null });
        },
        { timeout: 5000 },
      );
      expect(recording.asksBeforeClosing()).toBe(false);
    } finally {
      restore();
    }
    await recording.persistence.dispose();
    await deleting.persistence.dispose();
  });

  it('writes nothing of the session another tab deleted the partial row of when that delete frees room for others waiting here', async () => {
    const name = `persistence-${++dbCounter}`;
    const [recordingTabs, deletingTabs] = tabsOfOneBrowser(2);
    const recording = new Page(name, undefined, recordingTabs);
    const deleting = new Page(name, undefined, deletingTabs);
    await recording.persistence.start();
    await deleting.persistence.start();
    recording.session.start();
    recording.reps(2);
    await recording.persistence.flush();
    const deleted = recording.persistence.history.state.recordingId!;
    const restore = fullUntilADelete();
    let next: string;
    try {
      // The rest of the first session, and all of the next, are refused: both wait for room here.
      recording.reps(3);
      recording.session.finish();
      await recording.persistence.flush();
      recording.session.reset();
      recording.session.start();
      next = recording.persistence.history.state.recordingId!;
      recording.reps(2);
      recording.session.finish();
      await recording.persistence.flush();
      expect(recording.persistence.history.state.problem?.kind).toBe('quota');
      // Listed in the other tab, and no longer as recorded here: else it is not deleted there.
      await vi.waitFor(() =>
        expect(deleting.persistence.history.state).toMatchObject({
          sessions: [expect.objectContaining({ id: deleted })],
          elsewhere: null,
        }),
      );

      await deleting.persistence.deleteSession(deleted);
      expect(deleting.persistence.history.state.notice).toBe('Session deleted.');
      await vi.waitFor(
        async () => expect((await recording.store!.getSession(next))?.status).toBe('finished'),
        { timeout: 5000 },
      );
    } finally {
      restore();
    }
    await recording.persistence.flush();
    expect((await recording.store!.listSessions()).map((s) => s.id)).toEqual([next]);
    // Nor at the next try, back from another app.
    recording.leaveAndComeBack();
    await recording.persistence.flush();
    expect(await recording.store!.getSession(deleted)).toBeUndefined();
    expect(await sessionsBackedUp(recording)).toEqual([next]);
    await recording.persistence.dispose();
    await deleting.persistence.dispose();
  });

  it('offers in no other tab to resume a session that ended here while storage was full, and writes it whole once there is room', async () => {
    const name = `persistence-${++dbCounter}`;
    const [recordingTabs, otherTabs] = tabsOfOneBrowser(2);
    const recording = new Page(name, undefined, recordingTabs);
    const other = new Page(name, undefined, otherTabs);
    await recording.persistence.start();
    await other.persistence.start();
    recording.session.start();
    recording.reps(2);
    await recording.persistence.flush();
    const id = recording.persistence.history.state.recordingId!;
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      recording.reps(3);
      await recording.persistence.flush();
      recording.session.finish();
      await recording.persistence.flush();
    } finally {
      full.mockRestore();
    }
    // The store has it unfinished, at two reps; this tab has all five and its end.
    expect((await other.store!.getSession(id))?.status).toBe('active');
    await vi.waitFor(() => expect(other.persistence.history.state.sessions.map((s) => s.id)).toContain(id));
    // And the other tab, told this one stopped, offers it neither as unfinished nor as recorded elsewhere.
    await vi.waitFor(() =>
      expect(other.persistence.history.state).toMatchObject({ unfinished: null, elsewhere: null }),
    );
    await other.persistence.resume();
    expect(other.persistence.history.state.recordingId).toBeNull();

    recording.session.reset();
    recording.session.start();
    recording.run(FULL_STORE_RETRY_MS);
    recording.reps(1);
    await recording.persistence.flush();
    await vi.waitFor(() =>
      expect(recording.persistence.history.state).toMatchObject({ storage: 'saving', problem: null }),
    );
    const saved = await recording.store!.loadBundle(id);
    expect(saved?.session.status).toBe('finished');
    expect(saved?.sets.map((set) => set.count)).toEqual([5]);
    await vi.waitFor(() => expect(other.persistence.history.state.unfinished).toBeNull());
    await recording.persistence.dispose();
    await other.persistence.dispose();
  });

  it('offers a session that ended here while storage was full to resume in a tab opened once this one has closed', async () => {
    const name = `persistence-${++dbCounter}`;
    const [recordingTabs, laterTabs] = tabsOfOneBrowser(2);
    const recording = new Page(name, undefined, recordingTabs);
    await recording.persistence.start();
    recording.session.start();
    recording.reps(2);
    await recording.persistence.flush();
    const id = recording.persistence.history.state.recordingId!;
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      recording.reps(3);
      await recording.persistence.flush();
      recording.session.finish();
      await recording.persistence.flush();
      // Closed without a file of it: what the store has of it is all there is now.
      await recording.persistence.dispose();
    } finally {
      full.mockRestore();
    }
    const later = new Page(name, undefined, laterTabs);
    await later.persistence.start();
    expect(later.persistence.history.state.unfinished?.id).toBe(id);
    await later.persistence.dispose();
  });

  it('writes back no session another tab deleted while it was in memory alone, when storage has room again', async () => {
    const deletions: ((tab: Page, id: string) => Promise<void>)[] = [
      (tab, id) => tab.persistence.deleteSession(id),
      (tab) => tab.persistence.deleteAll(),
    ];
    for (const deletion of deletions) {
      const name = `persistence-${++dbCounter}`;
      const [recordingTabs, deletingTabs] = tabsOfOneBrowser(2);
      const recording = new Page(name, undefined, recordingTabs);
      const deleting = new Page(name, undefined, deletingTabs);
      await recording.persistence.start();
      await deleting.persistence.start();
      recording.session.start();
      recording.reps(2);
      await recording.persistence.flush();
      const id = recording.persistence.history.state.recordingId!;
      const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      try {
        recording.reps(3);
        await recording.persistence.flush();
        recording.session.finish();
        await recording.persistence.flush();
      } finally {
        full.mockRestore();
      }
      // Listed in the other tab's History as the store has it, and no longer as recorded here (nor
      // offered to resume: this tab holds it).
      await vi.waitFor(() => {
        const { sessions, elsewhere } = deleting.persistence.history.state;
        expect({ listed: sessions.some((s) => s.id === id), elsewhere }).toEqual({
          listed: true,
          elsewhere: null,
        });
      });
      await deletion(deleting, id);
      await new Promise((resolve) => setTimeout(resolve));
      // Put right on its summary, then another session, which the store takes.
      recording.session.adjustCount(1);
      await recording.persistence.flush();
      const file = await recording.persistence.exportCurrent('json');
      expect(await file!.blob.text()).toContain('"corrections":1');
      recording.session.reset();
      recording.session.start();
      recording.reps(1);
      await recording.persistence.flush();
      await vi.waitFor(() => expect(recording.persistence.history.state.problem).toBeNull());
      const next = recording.persistence.history.state.recordingId;
      expect((await recording.store!.listSessions()).map((s) => s.id)).toEqual([next]);
      await recording.persistence.dispose();
      await deleting.persistence.dispose();
    }
  });

  it('backs up no session another tab deleted after the store failed its catch-up here: it does not come back on restore', async () => {
    const name = `persistence-${++dbCounter}`;
    const [recordingTabs, deletingTabs] = tabsOfOneBrowser(2);
    const recording = new Page(name, undefined, recordingTabs);
    const deleting = new Page(name, undefined, deletingTabs);
    await recording.persistence.start();
    await deleting.persistence.start();
    recording.session.start();
    recording.reps(2);
    await recording.persistence.flush();
    const first = recording.persistence.history.state.recordingId!;
    let failing: 'for want of room' | 'once, for another reason' | 'no more' = 'for want of room';
    const put = IDBObjectStore.prototype.put;
    const refused = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (failing === 'for want of room')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (failing === 'once, for another reason' && rowOf(args[0], first)) {
        failing = 'no more';
        throw new DOMException('The operation failed for reasons unrelated to the database.', 'UnknownError');
      }
      return put.apply(this, args);
    });
    try {
      recording.reps(3);
      await recording.persistence.flush();
      recording.session.finish();
      await recording.persistence.flush();
      failing = 'once, for another reason';
      recording.session.reset();
      recording.session.start();
      recording.run(FULL_STORE_RETRY_MS);
      recording.reps(1);
      await recording.persistence.flush();
      expect(failing).toBe('no more');
    } finally {
      refused.mockRestore();
    }
    const second = recording.persistence.history.state.recordingId!;
    expect(await sessionsBackedUp(recording)).toEqual([second, first]);

    // The other tab lists the first as the store has it, no longer as recorded here, and the person
    // deletes it.
    await vi.waitFor(() => {
      const { sessions, elsewhere } = deleting.persistence.history.state;
      expect({ listed: sessions.some((s) => s.id === first), elsewhere: elsewhere?.id }).toEqual({
        listed: true,
        elsewhere: second,
      });
    });
    await deleting.persistence.deleteSession(first);
    await new Promise((resolve) => setTimeout(resolve));
    expect(await sessionsBackedUp(recording)).toEqual([second]);
    await recording.persistence.dispose();
    await deleting.persistence.dispose();
  });

  it('tells other tabs of a deletion before its own history is read again: a correction there meanwhile does not write the session back', async () => {
    const deletions: ((tab: Page, id: string) => Promise<void>)[] = [
      (tab, id) => tab.persistence.deleteSession(id),
      (tab) => tab.persistence.deleteAll(),
    ];
    for (const deletion of deletions) {
      const name = `persistence-${++dbCounter}`;
      const [recordingTabs, deletingTabs] = tabsOfOneBrowser(2);
      const recording = new Page(name, undefined, recordingTabs);
      const deleting = new Page(name, undefined, deletingTabs);
      await recording.persistence.start();
      await deleting.persistence.start();
      recording.session.start();
      recording.reps(2);
      recording.session.finish();
      await recording.persistence.flush();
      await vi.waitFor(() => expect(deleting.persistence.history.state.sessionCount).toBe(1));
      const id = deleting.persistence.history.state.sessions[0]!.id;
      // Years of sessions: the deleting tab's charts take a while to read again.
      const readCharts = chartsReadOnlyWhenLetGo(deleting.store!);

      const deleted = deletion(deleting, id);
      await vi.waitFor(() => expect(recording.persistence.history.state.endedSessionDeleted).toBe(true));
      recording.session.adjustCount(1);
      await recording.persistence.flush();
      expect(await recording.store!.listSessions()).toEqual([]);
      readCharts();
      await deleted;
      await recording.persistence.dispose();
      await deleting.persistence.dispose();
    }
  });

  it('writes no correction a summary queued before its session was deleted in another tab', async () => {
    const deletions: ((tab: Page, id: string) => Promise<void>)[] = [
      (tab, id) => tab.persistence.deleteSession(id),
      (tab) => tab.persistence.deleteAll(),
    ];
    for (const deletion of deletions) {
      const name = `persistence-${++dbCounter}`;
      const [recordingTabs, deletingTabs] = tabsOfOneBrowser(2);
      const recording = new Page(name, undefined, recordingTabs);
      const deleting = new Page(name, undefined, deletingTabs);
      await recording.persistence.start();
      await deleting.persistence.start();
      recording.session.start();
      recording.reps(2);
      recording.session.finish();
      await recording.persistence.flush();
      await vi.waitFor(() => expect(deleting.persistence.history.state.sessionCount).toBe(1));
      const id = deleting.persistence.history.state.sessions[0]!.id;
      // The first correction is written, and the recording tab's history is slow to read again: the
      // second waits behind it.
      const readCharts = chartsReadOnlyWhenLetGo(recording.store!);
      recording.session.adjustCount(1);
      await vi.waitFor(async () => expect((await deleting.store!.setsOf(id))[0]).toMatchObject({ count: 3 }));
      recording.session.adjustCount(1);

      await deletion(deleting, id);
      await vi.waitFor(() => expect(recording.persistence.history.state.endedSessionDeleted).toBe(true));
      readCharts();
      await recording.persistence.flush();
      expect(await deleting.store!.listSessions()).toEqual([]);
      expect(await deleting.store!.setsOf(id)).toEqual([]);
      await recording.persistence.dispose();
      await deleting.persistence.dispose();
    }
  });

  it('saves a correction on the summary still waiting to be written when the next session starts', async () => {
    const page = await startedPage();
    page.session.start();
    page.reps(2);
    const readCharts = chartsReadOnlyWhenLetGo(page.store!);
    page.session.finish();
    page.session.adjustCount(1);
    page.session.reset();
    page.session.start();
    readCharts();
    await page.persistence.flush();
    const [ended] = (await page.store!.listSessions()).filter((s) => s.status === 'finished');
    expect(await page.store!.setsOf(ended!.id)).toMatchObject([{ count: 3, corrections: 1 }]);
    await page.persistence.dispose();
  });

  it('does not say a session ended before any set was done was deleted when all sessions are, here or in another tab: it was never kept', async () => {
    const deletions: ((recording: Page, deleting: Page) => Promise<void>)[] = [
      (recording) => recording.persistence.deleteAll(),
      (_recording, deleting) => deleting.persistence.deleteAll(),
    ];
    for (const deletion of deletions) {
      const name = `persistence-${++dbCounter}`;
      const [recordingTabs, deletingTabs] = tabsOfOneBrowser(2);
      const recording = new Page(name, undefined, recordingTabs);
      const deleting = new Page(name, undefined, deletingTabs);
      await recording.persistence.start();
      await deleting.persistence.start();
      await recording.finishedSessions(1);
      // The strap sees posture, and the person never gets into position.
      recording.session.senseDevices(true, EVERY_EXERCISE);
      recording.session.start();
      recording.run(3000);
      recording.session.finish();
      await recording.persistence.flush();
      expect(recording.persistence.history.state.hasCurrent).toBe(false);
      await vi.waitFor(() => expect(deleting.persistence.history.state.sessionCount).toBe(1));

      await deletion(recording, deleting);
      await vi.waitFor(() => expect(recording.persistence.history.state.sessionCount).toBe(0));
      expect(recording.persistence.history.state.endedSessionDeleted).toBe(false);
      await recording.persistence.dispose();
      await deleting.persistence.dispose();
    }
  });

  it('keeps the session a tab just ended when another tab deletes a different one', async () => {
    const name = `persistence-${++dbCounter}`;
    const [recordingTabs, deletingTabs] = tabsOfOneBrowser(2);
    const recording = new Page(name, undefined, recordingTabs);
    const deleting = new Page(name, undefined, deletingTabs);
    await recording.persistence.start();
    await deleting.persistence.start();
    await recording.finishedSessions(1);
    recording.session.start();
    recording.reps(2);
    recording.session.finish();
    await recording.persistence.flush();
    await vi.waitFor(() => expect(deleting.persistence.history.state.sessionCount).toBe(2));
    const older = deleting.persistence.history.state.sessions[1]!.id;

    await deleting.persistence.deleteSession(older);
    await vi.waitFor(() => expect(recording.persistence.history.state.sessionCount).toBe(1));
    expect(recording.persistence.history.state.endedSessionDeleted).toBe(false);
    expect(await recording.persistence.exportCurrent('json')).not.toBeNull();
    await recording.persistence.dispose();
    await deleting.persistence.dispose();
  });
});
