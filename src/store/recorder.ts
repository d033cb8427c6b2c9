// Records a session while it runs. Everything goes into an in-memory bundle at once and into the
// store in batches: the app calls flush() about once a second (and when the page is hidden), so a
// crash or a closed tab loses at most that second. When the store fails (quota, another tab's
// upgrade) the recorder says why and keeps recording in memory so the session can still be exported.
// A full store may have room again later (the person freed space): what it did not take is kept for
// it and offered again every FULL_STORE_RETRY_MS, or at once on catchUp('now'), all of it in one
// write; any other failure stops the writing for good.

import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import type { MotionEvent } from '../motion/events.ts';
import type { AccelFrame, HeartRateSample, SourceInfo } from '../sensors/samples.ts';
import { endOffsetOf, localUtcOffsetMin } from '../workout/calendar.ts';
import { timerMs } from '../workout/pauses.ts';
import type { SessionState, SetRecord } from '../workout/session.ts';
import {
  decodeHeartRateChunk,
  encodeHeartRateChunk,
  encodeMotionChunk,
  fromSnapshot,
  shiftMotionEvent,
  shiftSetRecord,
  toPlanEntries,
  toSnapshot,
  totalGapMs,
} from './codec.ts';
import { StoreError, toStoreError } from './errors.ts';
import type {
  EventRow,
  HeartRateChunkRow,
  MotionChunkRow,
  SessionBundle,
  SessionRow,
  SetRow,
  StoredEvent,
} from './records.ts';
import { motionChunkBytes } from './records.ts';
import type { SessionStore } from './session-store.ts';
import { summarize } from './summary.ts';

export interface RecorderOptions {
  /** Wall clock, epoch ms. */
  readonly wallNow?: () => number;
  readonly newId?: () => string;
  /**
   * Who records (the tab's id): its writes are refused once another has claimed the session, and
   * resuming claims it.
   */
  readonly writer?: string;
}

interface Pending {
  /** The session row changed (sets, plan, sources, status): rarely. */
  session: boolean;
  /** The resume snapshot changed: every state. */
  snapshot: boolean;
  sets: SetRow[];
  events: EventRow[];
  heartRate: HeartRateChunkRow[];
  motion: MotionChunkRow[];
}

const emptyPending = (): Pending => ({
  session: false,
  snapshot: false,
  sets: [],
  events: [],
  heartRate: [],
  motion: [],
});

/**
 * What a write the store refused held, ahead of what came in since: written together, in the order
 * they were recorded. A set written twice (its count put right meanwhile) is written as it is now.
 */
function pendingInOrder(older: Pending, newer: Pending): Pending {
  const sets = new Map<number, SetRow>();
  for (const row of [...older.sets, ...newer.sets]) sets.set(row.index, row);
  return {
    session: older.session || newer.session,
    snapshot: older.snapshot || newer.snapshot,
    sets: [...sets.values()],
    events: [...older.events, ...newer.events],
    heartRate: [...older.heartRate, ...newer.heartRate],
    motion: [...older.motion, ...newer.motion],
  };
}

/**
 * How long a full store is left before what it refused is offered to it again: each try writes all
 * that came in since it filled up, and a second's worth would be tried every second.
 */
export const FULL_STORE_RETRY_MS = 30_000;

export class SessionRecorder {
  private readonly failureSubject: BehaviorSubject<StoreError | null>;
  /** Why the store stopped taking this session's data; null while all is saved. */
  readonly failure$: Observable<StoreError | null>;
  private readonly savedSubject = new Subject<void>();
  /** A write reached the store: it takes data, whatever it refused before. */
  readonly saved$: Observable<void> = this.savedSubject.asObservable();
  private retryAtMs = Number.NEGATIVE_INFINITY;
  /**
   * The store has the session's row: a write of it was taken, or it was resumed from there. From then
   * on a write is taken only while the row is still there (WriteBatch.onlyIfStored): a session deleted
   * since it ended, in another tab, is not written back by what was kept for a full store, nor by a
   * correction or a catch-up begun before the deletion was known here. A session is never deleted
   * while it is being recorded, so for one under way this changes nothing.
   */
  private rowStored: boolean;
  /**
   * A write was dropped for the session's row being gone: deleted in another tab. Nothing of it is
   * offered to the store again; memory keeps it, for what the app still shows of it.
   */
  private dropped = false;

  private session: SessionRow;
  private readonly sets: SetRow[];
  private readonly events: EventRow[];
  private readonly heartRate: HeartRateChunkRow[];
  private readonly motion: MotionChunkRow[];
  private readonly heartRateSamples: HeartRateSample[];
  private readonly openFrames = new Map<string, AccelFrame[]>();
  private readonly openBeats = new Map<string, HeartRateSample[]>();
  private pending: Pending = emptyPending();
  private writing: Promise<void> = Promise.resolve();
  private readonly wallNow: () => number;
  private readonly writer: string | undefined;
  private lastPlan: SessionState['plan'] | null = null;
  // Where the motion already stored ends, in session time. A session picked up from another tab goes
  // on from that tab's last snapshot, and the other tab may have stored a few frames after it before
  // it stopped: motion from here that does not begin after them would overlap them.
  private readonly storedMotionEndMs: number;

  private constructor(
    /** Null while there is none to write to: memory keeps it all (see saveTo). */
    private store: SessionStore | null,
    /** Page-clock time at which the session timeline is 0. */
    private clockBaseMs: number,
    bundle: SessionBundle,
    options: RecorderOptions,
    failure: StoreError | null,
    rowStored: boolean,
  ) {
    this.wallNow = options.wallNow ?? Date.now;
    this.writer = options.writer;
    this.session = options.writer ? { ...bundle.session, writer: options.writer } : bundle.session;
    this.sets = [...bundle.sets];
    this.events = [...bundle.events];
    this.heartRate = [...bundle.heartRate];
    this.motion = [...bundle.motion];
    this.heartRateSamples = bundle.heartRate.flatMap(decodeHeartRateChunk);
    this.storedMotionEndMs = motionEndMs(bundle.motion);
    this.rowStored = rowStored;
    this.failureSubject = new BehaviorSubject(store ? failure : (failure ?? new StoreError('unavailable')));
    this.failure$ = this.failureSubject.asObservable();
  }

  /**
   * Begins recording a session that has just started. With no store (IndexedDB unavailable) the
   * recorder keeps the session in memory only and reports 'unavailable'.
   */
  static start(
    store: SessionStore | null,
    state: SessionState,
    sources: readonly SourceInfo[],
    options: RecorderOptions = {},
  ): SessionRecorder {
    const wallNow = options.wallNow ?? Date.now;
    const clockBaseMs = state.startedMs ?? state.nowMs;
    const startedAt = Math.round(wallNow() - (state.nowMs - clockBaseMs));
    const session: SessionRow = {
      id: (options.newId ?? (() => crypto.randomUUID()))(),
      startedAt,
      utcOffsetMin: localUtcOffsetMin(startedAt),
      endedAt: null,
      status: 'active',
      updatedAt: wallNow(),
      plan: toPlanEntries(state.plan),
      snapshot: toSnapshot(state, clockBaseMs),
      summary: summarize([], [], 0),
      sources: [...sources],
      gaps: [],
    };
    const bundle = { session, sets: [], events: [], heartRate: [], motion: [] };
    const recorder = new SessionRecorder(store, clockBaseMs, bundle, options, null, false);
    recorder.pending.session = true;
    recorder.update(state);
    // The first write goes on in the background; data arriving meanwhile is already being recorded.
    void recorder.flush();
    return recorder;
  }

  /**
   * Picks up an unfinished session where its last write left it. Returns the state to put back into
   * the session model, with its times moved onto this page's clock (`clockNowMs`); the time the app
   * was away is cut out of the session, so a hold or a rest goes on from where it stopped.
   */
  static async resume(
    store: SessionStore,
    sessionId: string,
    clockNowMs: number,
    options: RecorderOptions = {},
  ): Promise<{ recorder: SessionRecorder; state: SessionState }> {
    if (options.writer) await store.claim(sessionId, options.writer);
    const bundle = await store.loadBundle(sessionId);
    if (!bundle?.session.snapshot) throw new Error(`No session ${sessionId} to resume`);
    const wallNow = options.wallNow ?? Date.now;
    const { session } = bundle;
    const snapshot = session.snapshot!;
    const awayAtWall = session.startedAt + snapshot.nowMs + totalGapMs(session);
    const resumed: SessionRow = {
      ...session,
      gaps: [...session.gaps, { atMs: snapshot.nowMs, gapMs: Math.max(0, wallNow() - awayAtWall) }],
    };
    const clockBaseMs = clockNowMs - snapshot.nowMs;
    const resumedBundle = { ...bundle, session: resumed };
    const recorder = new SessionRecorder(store, clockBaseMs, resumedBundle, options, null, true);
    recorder.pending.session = true;
    const state = fromSnapshot(snapshot, session.plan, bundle.sets, clockBaseMs);
    return { recorder, state };
  }

  /** The devices the session was recorded from so far. */
  get sources(): readonly SourceInfo[] {
    return this.session.sources;
  }

  get sessionId(): string {
    return this.session.id;
  }

  get failure(): StoreError | null {
    return this.failureSubject.getValue();
  }

  /**
   * The store takes nothing more of the session: there is none to write to, or it failed for good
   * (closed by the browser, an upgrade in another tab, a write refused for another reason than room,
   * which may come back). Memory holds the only whole copy.
   */
  get savesNoMore(): boolean {
    return this.store === null || (this.failure !== null && this.failure.kind !== 'quota');
  }

  /** The store has taken a write of the session, or it was resumed from there: it holds some of it. */
  get everSaved(): boolean {
    return this.rowStored;
  }

  /** The store dropped a write of the session, its row deleted since (in another tab): let go. */
  get letGo(): boolean {
    return this.dropped;
  }

  /** Wall time before which a full store is not asked again (see FULL_STORE_RETRY_MS). */
  get retryAt(): number {
    return this.retryAtMs;
  }

  /** The session's heart-rate readings so far, those before a resume included, on this page's clock. */
  heartRateOnPageClock(): HeartRateSample[] {
    return this.heartRateSamples.map((sample) => ({ ...sample, tMs: sample.tMs + this.clockBaseMs }));
  }

  /** Session time of a page-clock time. */
  toSessionMs(clockMs: number): number {
    return clockMs - this.clockBaseMs;
  }

  /** Takes the session model's latest state: new finished sets and the snapshot to resume from. */
  update(state: SessionState): void {
    // The set just done may have had its count put right during its rest: write it again.
    const last = this.sets.length - 1;
    const recorded = this.sets[last];
    const now = state.completed[last];
    if (recorded && now && (now.count !== recorded.count || now.corrections !== recorded.corrections)) {
      this.writeSet(now, last);
    }
    for (let i = this.sets.length; i < state.completed.length; i++) this.writeSet(state.completed[i]!, i);
    // The plan moves on during a session (each plank target is set from the hold before it).
    if (state.plan !== this.lastPlan) {
      this.lastPlan = state.plan;
      this.session = { ...this.session, plan: toPlanEntries(state.plan) };
      this.pending.session = true;
    }
    this.session = { ...this.session, snapshot: toSnapshot(state, this.clockBaseMs) };
    this.pending.snapshot = true;
  }

  private writeSet(record: SetRecord, index: number): void {
    const row: SetRow = { ...shiftSetRecord(record, -this.clockBaseMs), sessionId: this.session.id, index };
    this.sets[index] = row;
    this.pending.sets.push(row);
    this.pending.session = true;
  }

  /** A device joined the session (the person switched straps). */
  addSource(source: SourceInfo): void {
    if (this.session.sources.some((s) => s.id === source.id)) return;
    this.session = { ...this.session, sources: [...this.session.sources, source] };
    this.pending.session = true;
  }

  recordAccel(sourceId: string, frame: AccelFrame): void {
    const moved = { ...frame, t0Ms: this.toSessionMs(frame.t0Ms) };
    if (moved.t0Ms <= this.storedMotionEndMs) return;
    const open = this.openFrames.get(sourceId);
    if (open) open.push(moved);
    else this.openFrames.set(sourceId, [moved]);
  }

  recordHeartRate(sourceId: string, sample: HeartRateSample): void {
    const moved = { ...sample, tMs: this.toSessionMs(sample.tMs) };
    this.heartRateSamples.push(moved);
    const open = this.openBeats.get(sourceId);
    if (open) open.push(moved);
    else this.openBeats.set(sourceId, [moved]);
  }

  recordMotionEvent(event: MotionEvent): void {
    const moved = shiftMotionEvent(event, -this.clockBaseMs);
    this.addEvent(moved.tMs, { kind: 'motion', event: moved });
  }

  recordCue(clockMs: number, text: string): void {
    this.addEvent(this.toSessionMs(clockMs), { kind: 'cue', text });
  }

  /** Seals what came in since the last flush into chunks and writes it all in one transaction. */
  flush(): Promise<void> {
    this.sealOpenChunks();
    this.writing = this.writing.then(() => this.writePending());
    return this.writing;
  }

  /**
   * Writes the session's state now, and its sets and events, leaving the motion and heart rate that
   * came in since the last flush to be sealed by the next: a rep counted every two seconds is kept at
   * once without cutting the motion into a chunk per rep.
   */
  saveState(): Promise<void> {
    this.writing = this.writing.then(() => this.writePending());
    return this.writing;
  }

  /** Ends the session: the final state is written and the session leaves the list of unfinished ones. */
  async finish(state: SessionState): Promise<void> {
    this.update(state);
    const snapshot = this.session.snapshot!;
    const endMs = snapshot.endedMs ?? snapshot.nowMs;
    const endedAt = Math.round(this.session.startedAt + endMs + totalGapMs(this.session));
    this.session = {
      ...this.session,
      status: 'finished',
      endedAt,
      ...endOffsetOf(this.session.utcOffsetMin, endedAt),
    };
    this.pending.session = true;
    // The end is worth a try at once, full store or not: the person may have freed space meanwhile.
    this.sealOpenChunks();
    await this.catchUp();
  }

  /**
   * Offers the store whatever it has not taken of this session: all of it since storage filled up, in
   * one write, in the order it was recorded. A full store is asked `now` where it may have room it has
   * not shown yet (the session's end, the page back from the phone's settings); 'when due', as a write
   * of another session shows it has room, only once its wait since it last refused this session is
   * over (FULL_STORE_RETRY_MS), as every offer carries all it refused. Whether all of the session is
   * saved now.
   */
  async catchUp(when: 'now' | 'when due' = 'now'): Promise<boolean> {
    this.writing = this.writing.then(() => this.writePending(when === 'now'));
    await this.writing;
    return this.store !== null && this.failure === null;
  }

  /**
   * A store opened after the session began with none (another tab held it at an older version until
   * it closed): all that memory holds of the session, its end too if it has ended, is written to it
   * in one write, and what comes from now on is written as it comes. Whether the store took it.
   */
  async saveTo(store: SessionStore): Promise<boolean> {
    if (this.store) return false;
    this.store = store;
    this.failureSubject.next(null);
    this.sealOpenChunks();
    this.pending = {
      session: true,
      snapshot: true,
      sets: [...this.sets],
      events: [...this.events],
      heartRate: [...this.heartRate],
      motion: [...this.motion],
    };
    return this.catchUp();
  }

  /** Bytes of raw motion the session holds, in memory, sealed into chunks so far. */
  get motionBytes(): number {
    return this.motion.reduce((n, chunk) => n + motionChunkBytes(chunk), 0);
  }

  /**
   * Lets go of the raw motion of a session that ended with no store to write it to (an older tab held
   * it, or the store failed for good), memory alone holding it: its sets, events and heart rate stay,
   * and its row says the motion was removed, as the retention setting's removal does. None of one the
   * store still takes: what it has is the store's to remove. Whether it let go.
   */
  dropMotionHeld(): boolean {
    if (!this.savesNoMore || this.session.status !== 'finished') return false;
    this.motion.splice(0);
    this.pending.motion = [];
    this.session = { ...this.session, motionBytes: 0, motionDropped: true };
    return true;
  }

  /**
   * Storage filled up during the session, and the store has taken nothing since: the finished
   * session's own row and its sets (a few hundred bytes, where the motion that filled the store runs
   * to hundreds of kilobytes) are offered to it once more, so that the next start does not offer a
   * session the person ended as one interrupted. Its motion, heart rate and cues stay as far as they
   * were saved (the row's motion size is left for the store to count). Whether the store took them.
   */
  async saveEndOnFullStorage(): Promise<boolean> {
    if (!this.store || this.failure?.kind !== 'quota' || this.session.status !== 'finished') return false;
    this.summarize();
    const { motionBytes: _counted, ...session } = this.session;
    try {
      const taken = await this.store.write(
        { session, sets: this.sets, onlyIfStored: this.rowStored },
        this.writer,
      );
      if (!taken) this.dropped = true;
      this.rowStored ||= taken;
      return taken;
    } catch {
      return false;
    }
  }

  /**
   * The session's row as all recorded so far makes it, whether or not the store took it: for the
   * history's list. Its open motion is left to the next write, where bundle() seals it for a file.
   */
  sessionRow(): SessionRow {
    this.summarize();
    return this.session;
  }

  /** The sets recorded so far, whether or not the store took them: for History's view of them. */
  setRows(): readonly SetRow[] {
    return [...this.sets];
  }

  /** Everything recorded so far, whether or not the store took it: for export. */
  bundle(): SessionBundle {
    this.sealOpenChunks();
    this.summarize();
    return {
      session: this.session,
      sets: [...this.sets],
      events: [...this.events],
      heartRate: [...this.heartRate],
      motion: [...this.motion],
    };
  }

  private addEvent(tMs: number, data: StoredEvent): void {
    const row: EventRow = { sessionId: this.session.id, seq: nextSeq(this.events), tMs, data };
    this.events.push(row);
    this.pending.events.push(row);
  }

  /** Brings the summary up to date: done per write, not per state, as it walks the heart-rate series. */
  private summarize(): void {
    const snapshot = this.session.snapshot;
    const durationMs = snapshot ? timerMs(snapshot) : 0;
    this.session = {
      ...this.session,
      summary: summarize(this.sets, this.heartRateSamples, durationMs, this.session.plan),
      motionBytes: this.motionBytes,
    };
  }

  private sealOpenChunks(): void {
    for (const [sourceId, frames] of this.openFrames) {
      const row = encodeMotionChunk(this.session.id, nextSeq(this.motion), sourceId, frames);
      this.motion.push(row);
      this.pending.motion.push(row);
    }
    this.openFrames.clear();
    for (const [sourceId, samples] of this.openBeats) {
      const row = encodeHeartRateChunk(this.session.id, nextSeq(this.heartRate), sourceId, samples);
      this.heartRate.push(row);
      this.pending.heartRate.push(row);
    }
    this.openBeats.clear();
  }

  /**
   * Writes what came in since the last write. A full store is asked again only with `now`, or once
   * FULL_STORE_RETRY_MS has passed since it last refused: meanwhile what it refused is kept for it.
   */
  private async writePending(now = false): Promise<void> {
    const failure = this.failure;
    const full = failure?.kind === 'quota';
    if (!this.store || (failure && !full) || this.dropped) {
      // The store gets no more once it has failed for good, or dropped the session for being deleted:
      // unsaved rows stay in the bundle in memory.
      this.pending = emptyPending();
      return;
    }
    if (full && !now && this.wallNow() < this.retryAtMs) return;
    const pending = this.pending;
    this.pending = emptyPending();
    if (pending.session) {
      this.summarize();
      this.session = { ...this.session, updatedAt: this.wallNow() };
    }
    try {
      const taken = await this.store.write(
        {
          session: pending.session ? this.session : undefined,
          snapshot:
            pending.snapshot && !pending.session && this.session.snapshot
              ? { sessionId: this.session.id, snapshot: this.session.snapshot }
              : undefined,
          sets: pending.sets,
          events: pending.events,
          heartRate: pending.heartRate,
          motion: pending.motion,
          onlyIfStored: this.rowStored,
        },
        this.writer,
      );
      // Dropped, the session deleted: neither saved nor failed, and no sign that a full store has room.
      if (!taken) {
        this.dropped = true;
        return;
      }
      this.rowStored = true;
      if (failure) this.failureSubject.next(null);
      this.savedSubject.next();
    } catch (error) {
      const problem = toStoreError(error);
      if (problem.kind === 'quota') {
        this.pending = pendingInOrder(pending, this.pending);
        this.retryAtMs = this.wallNow() + FULL_STORE_RETRY_MS;
      }
      // Refused again for the same reason: nothing new to say.
      if (problem.kind !== failure?.kind) this.failureSubject.next(problem);
    }
  }
}

function nextSeq(rows: readonly { readonly seq: number }[]): number {
  return rows.length ? rows[rows.length - 1]!.seq + 1 : 0;
}

/** Where the last frame of the chunks ends, in session time (−∞ with none). */
function motionEndMs(chunks: readonly MotionChunkRow[]): number {
  let end = Number.NEGATIVE_INFINITY;
  for (const chunk of chunks) {
    const last = chunk.frameT0Ms.length - 1;
    if (last < 0) continue;
    end = Math.max(end, chunk.frameT0Ms[last]! + (chunk.frameLength[last]! - 1) * chunk.frameDtMs[last]!);
  }
  return end;
}
