// A session's recording, from its first state to its last writes: the session model's states start
// a recorder, change what it writes and when, and end it (kept where a set was done, in memory too
// where the store cannot take it); a session picked up again goes on with its last write. The
// recorder writes every second, says when the store failed or took a write, and holds the session's
// lock so that no other tab records it meanwhile.

import { filter, interval, Subscription } from 'rxjs';
import { type StoreError, toStoreError } from '../store/errors.ts';
import { SessionRecorder } from '../store/recorder.ts';
import type { SessionRow, SetRow } from '../store/records.ts';
import type { SessionStore } from '../store/session-store.ts';
import { withDropPlacement } from '../workout/device-drops.ts';
import { afterInterruption, countedSince, pausedAsDevicesAre, savedAtOnce } from '../workout/interruption.ts';
import type { SessionState } from '../workout/session.ts';
import { anySetDone } from '../workout/set-outcomes.ts';
import { pauseForConnectionOnRestore, restoredDropPlacement, setNeeds } from './device-needs.ts';
import type { EndedInMemory } from './ended-in-memory.ts';
import type { FullStoreCatchUp } from './full-store-catch-up.ts';
import type { Handover } from './handover.ts';
import type { HistoryModel } from './history-model.ts';
import { applyRetention } from './motion-retention.ts';
import type { RecordableApp } from './persistence.ts';
import { SpokenLines } from './spoken-lines.ts';
import type { HeldSession, Tabs } from './tabs.ts';
import { unsavedSessionLock } from './unfinished-sessions.ts';

/** What of Persistence a session's recording reads and tells. */
export interface RecordingHost {
  readonly app: RecordableApp;
  readonly history: HistoryModel;
  readonly tabs: Tabs;
  /** The session clock (the same as the app's). */
  readonly now: () => number;
  readonly wallNow: () => number;
  /** How often a running session is written: the most a crash can lose. */
  readonly flushMs: number | undefined;
  readonly handover: Handover;
  readonly fullStore: FullStoreCatchUp;
  readonly endedInMemory: EndedInMemory;
  /** The store opened, failed or not; null before it opens, or where there is none. */
  store(): SessionStore | null;
  /** The store to read from (see Persistence.readableStore). */
  readableStore(): SessionStore | null;
  /** Storage failed: the history says so, and memory keeps what the store does not. */
  fail(problem: StoreError): void;
  /** Reads the history again, as after any change to the store. */
  refresh(): Promise<void>;
  /** Works on the usable store, nothing where there is none; a failure is the store's problem. */
  guard(work: (store: SessionStore) => Promise<void>): Promise<void>;
  /** Progression's past sessions gain one that ended. */
  rememberPast(session: Pick<SessionRow, 'id' | 'startedAt' | 'plan'>, sets: readonly SetRow[]): void;
  /** Leaves the unfinished session on offer as it is, ended where it stopped. */
  discardUnfinished(): Promise<void>;
  /** Holds or lets go of the locks on what memory alone holds (see SessionsInMemory.holdLocks). */
  holdWhatMemoryHolds(): void;
}

const FLUSH_MS = 1000;

export class SessionRecording {
  private currentRecorder: SessionRecorder | null = null;
  private lastRecorder: SessionRecorder | null = null;
  private finishingWrites: Promise<void> = Promise.resolve();
  /** Sessions that have ended and whose last writes are under way: memory may be about to hold them. */
  readonly ending = new Set<SessionRecorder>();
  /** The coach's lines, each kept with the session it was said in. */
  readonly spokenLines = new SpokenLines(
    () => this.host.now(),
    (ended, text) => this.recordAfterEnd(ended, text),
  );
  /** This page's id, as the writer of the sessions it records (SessionRow.writer). */
  private readonly tabId = crypto.randomUUID();
  /** This tab's hold on the session it records: no other tab records it meanwhile. */
  private held: HeldSession | null = null;
  /** Held beside it once the store refused the session's first write (see unsavedSessionLock). */
  private unsavedHeld: HeldSession | null = null;
  private recorderSubscriptions = new Subscription();

  constructor(private readonly host: RecordingHost) {}

  /** The session recorded now, from the state that starts it to the one that ends it. */
  get current(): SessionRecorder | null {
    return this.currentRecorder;
  }

  /** The last session recorded, kept for export after it ended. */
  get last(): SessionRecorder | null {
    return this.lastRecorder;
  }

  /** The last writes of the session that ended last: its summary, compaction and the history. */
  get finishing(): Promise<void> {
    return this.finishingWrites;
  }

  /** The session that ended last is no longer kept here (it was deleted). */
  forgetLast(): void {
    this.lastRecorder = null;
  }

  /** The page is going: the session under way writes what it holds, and its lock is let go. */
  async dispose(): Promise<void> {
    this.recorderSubscriptions.unsubscribe();
    await this.current?.flush();
    this.held?.release();
    this.unsavedHeld?.release();
  }

  /** Each state of the session model: a session starts, ends, or changes as it is recorded. */
  onState(previous: SessionState | null, state: SessionState): void {
    const running = state.phase === 'set' || state.phase === 'rest';
    // Not only on the step from 'ready': a session started while the store was still opening is
    // picked up by the first state after it (a resumed one has its recorder before its state).
    const recorder = this.current;
    if (!recorder) {
      if (running) this.startRecording(state);
      else if (
        state.phase === 'summary' &&
        previous?.phase === 'summary' &&
        previous.completed !== state.completed
      )
        this.correctFinished(previous, state);
      return;
    }
    // The end, or "new session" straight from a set: what was done is kept either way.
    if (state.phase === 'summary') this.endRecording(recorder, state);
    else if (state.phase === 'ready') this.endRecording(recorder, previous ?? state);
    else this.recordChange(recorder, previous, state);
  }

  /** A new session: recorded from its first state, and told to other tabs once they can find it. */
  private startRecording(state: SessionState): void {
    // An unfinished one left untouched until now is closed where it stopped.
    const unfinished = this.host.history.state.unfinished;
    if (unfinished) void this.host.discardUnfinished();
    const source = this.host.app.devices.state.source;
    const recorder = SessionRecorder.start(this.host.store(), state, source ? [source] : [], {
      wallNow: this.host.wallNow,
      writer: this.tabId,
    });
    this.attach(recorder, null);
    this.spokenLines.started(recorder);
    // A new session's lock is free: nobody else knows its id yet. Other tabs are told of it once
    // they can find it as it is: written (else their History misses it) and held (else they take
    // it for one interrupted, and offer to resume it).
    // Refused (storage full from its start, or none open), it is known to them by its locks alone:
    // one more says so, where its own lock alone is that of a session whose first write is under way.
    void Promise.all([this.host.tabs.hold(recorder.sessionId), recorder.flush()]).then(async ([held]) => {
      if (this.current !== recorder) return held?.release();
      this.held = held;
      if (held) this.host.handover.handOverIfLost(recorder, held);
      if (!recorder.everSaved) {
        const unsaved = await this.host.tabs.hold(unsavedSessionLock(recorder.sessionId));
        if (this.current !== recorder) return unsaved?.release();
        this.unsavedHeld = unsaved;
      }
      this.host.tabs.post({ type: 'recording', sessionId: recorder.sessionId });
    });
  }

  /**
   * The session ended at `final`: its last writes, kept where a set was done (in memory too where
   * the store cannot take it), deleted where none was, and the history read again.
   */
  private endRecording(recorder: SessionRecorder, final: SessionState): void {
    // Held before its own lock goes: another tab looking now must not take it for one interrupted.
    this.ending.add(recorder);
    this.spokenLines.ended(recorder);
    this.host.holdWhatMemoryHolds();
    this.detach();
    this.finishingWrites = recorder.finish(final).then(async () => {
      const { session, sets } = recorder.bundle();
      // Ended before a set was done (none begun, or each skipped before it counted anything):
      // nothing to keep, and a line of "3 sets" in History (and a point on its charts) would say
      // otherwise.
      const kept = anySetDone(sets);
      // Its only whole copy is in memory, and stays there when the next session begins.
      if (kept && recorder.savesNoMore) this.host.endedInMemory.holdUnsaved(recorder);
      if (kept) {
        await recorder.saveEndOnFullStorage();
        this.host.rememberPast(session, sets);
        if (recorder.failure?.kind === 'quota' && !this.host.endedInMemory.isDeleted(recorder)) {
          this.host.endedInMemory.waitForRoom(recorder);
          // Refused first at its end, after it was let go of (detach), storage is said to be full
          // only now; a failure already said stands.
          if (!this.host.history.state.problem) this.host.fail(recorder.failure);
          this.host.fullStore.retryWhenDue();
        }
      } else {
        // Nor is it offered as a file when storage fails: the summary says it is not kept.
        this.host.history.update({ hasCurrent: false });
      }
      await this.host.guard(async (store) => {
        if (kept) await store.compact(session.id);
        else await store.deleteSession(session.id);
        await applyRetention(store, this.host.wallNow);
      });
      await this.host.refresh();
      this.ending.delete(recorder);
      this.host.holdWhatMemoryHolds();
      this.host.tabs.post({ type: 'stopped', sessionId: session.id });
      // Its end may have found room that the session under it did not.
      if (!recorder.failure) await this.host.fullStore.catchUp('end saved');
      // Its writes asked the full store while it ran: now, with none waiting, a timer does.
      else this.host.fullStore.retryWhenDue();
    });
  }

  /** A state of the session under way: written at once, with the next rep, or with the next second's write. */
  private recordChange(recorder: SessionRecorder, previous: SessionState | null, state: SessionState): void {
    recorder.update(state);
    // A set done or put right: History's line of this session (here, and in other tabs) says so
    // once written, rather than the "0 sets" it was listed with at its start.
    if (previous && previous.completed !== state.completed) {
      void recorder.flush().then(async () => {
        await this.host.refresh();
        this.host.tabs.post({ type: 'changed' });
      });
    } else if (previous && savedAtOnce(previous, state)) {
      // A +1, a pause or a skip is written now, not with the next second's write: a reload in
      // between lost it.
      void recorder.flush();
    } else if (previous && countedSince(previous, state)) {
      // A rep counted, too: the state alone, the motion with the next second's write.
      void recorder.saveState();
    }
  }

  /**
   * A line handed to the voice while `ended` was recorded, begun once it had ended here (see
   * SpokenLines): kept in its record at the time it began, and written by itself after the session's
   * last writes, as a correction on its summary is. Not into one deleted since, nor one not kept for
   * having no set done: the store has no session to add it to (one deleted in another tab it refuses,
   * see WriteBatch.onlyIfStored).
   */
  private recordAfterEnd(ended: SessionRecorder, text: string): void {
    if (this.host.endedInMemory.isDeleted(ended) || !anySetDone(ended.setRows())) return;
    ended.recordCue(this.host.now(), text);
    this.finishingWrites = this.finishingWrites.then(async () => {
      if (!this.host.endedInMemory.isDeleted(ended)) await ended.flush();
    });
  }

  /**
   * The session just finished, its last set put right on the summary (it had no rest to do it in):
   * written again once its last writes are done, and History, here and in other tabs, follows.
   */
  private correctFinished(before: SessionState, state: SessionState): void {
    const recorder = this.last;
    // A session ended with no set done was not kept, and a correction does not bring it back.
    if (!recorder || !anySetDone(before.completed)) return;
    this.finishingWrites = this.finishingWrites.then(async () => {
      // Deleted while it waited, here or in another tab: nothing writes it back. (A session started
      // meanwhile takes the last recorder's place, and the correction is still saved.) One kept in
      // memory alone is still offered as a file from there: the correction goes into that file.
      if (this.host.endedInMemory.isDeleted(recorder)) {
        if (recorder === this.last) recorder.update(state);
        return;
      }
      recorder.update(state);
      await recorder.flush();
      await this.host.refresh();
      this.host.tabs.post({ type: 'changed' });
      if (!recorder.failure) await this.host.fullStore.catchUp('end saved');
    });
  }

  /** Picks up a session whose lock this tab now holds, from its last write. */
  async resumeHeld(id: string, held: HeldSession): Promise<void> {
    try {
      const { recorder, state } = await SessionRecorder.resume(this.host.store()!, id, this.host.now(), {
        wallNow: this.host.wallNow,
        writer: this.tabId,
      });
      this.attach(recorder, held);
      this.host.tabs.post({ type: 'recording', sessionId: recorder.sessionId });
      this.host.history.update({ unfinished: null, elsewhere: null, movedAway: false });
      // A pause made for a device says the device as this page finds it, not as the last one left it.
      const picked = afterInterruption(state);
      const devices = this.host.app.devices.state;
      const reasonNow = pauseForConnectionOnRestore(devices, setNeeds(picked));
      // Which device it was is kept with the pause as it ends, now or when the device is back: else the
      // record says "strap out of reach" of a watch.
      const placement = picked.pausedFor
        ? restoredDropPlacement(devices, setNeeds(picked), picked.pausedForDevice)
        : undefined;
      this.host.app.session.restore(
        withDropPlacement(picked, pausedAsDevicesAre(picked, reasonNow, this.host.now()), placement),
      );
      if (reasonNow && placement) this.host.app.session.pause(reasonNow, placement);
      await recorder.flush();
    } catch (error) {
      held.release();
      this.host.fail(toStoreError(error));
    }
  }

  private attach(recorder: SessionRecorder, held: HeldSession | null): void {
    this.currentRecorder = recorder;
    this.held = held;
    if (held) this.host.handover.handOverIfLost(recorder, held);
    this.lastRecorder = recorder;
    this.recorderSubscriptions = new Subscription();
    this.recorderSubscriptions.add(
      interval(this.host.flushMs ?? FLUSH_MS).subscribe(() => void recorder.flush()),
    );
    this.recorderSubscriptions.add(
      recorder.failure$
        .pipe(
          filter((f): f is StoreError => f !== null),
          // One recorded with no store, or with one already failed (refused as closed), says only that
          // there is none, where the store's own problem says why (an older tab holds it, a newer
          // Backbeat's data, an upgrade in another tab), and what to do.
          filter(
            (f) =>
              !(
                f.kind === 'unavailable' &&
                this.host.readableStore() === null &&
                this.host.history.state.problem
              ),
          ),
        )
        // Refused because another tab claimed the session: it moved there, nothing failed.
        .subscribe((f) => (f.kind === 'moved' ? void this.host.handover.handOver() : this.host.fail(f))),
    );
    // A write taken proves a full store has room again.
    this.recorderSubscriptions.add(
      recorder.saved$
        .pipe(filter(() => this.host.history.state.problem?.kind === 'quota'))
        .subscribe(() => void this.host.fullStore.catchUp('room shown')),
    );
    this.host.history.update({
      recordingId: recorder.sessionId,
      hasCurrent: true,
      endedSessionDeleted: false,
    });
  }

  /** Stops recording here: the session's subscriptions and its lock let go (see Handover). */
  detach(): void {
    this.recorderSubscriptions.unsubscribe();
    this.held?.release();
    this.held = null;
    this.unsavedHeld?.release();
    this.unsavedHeld = null;
    this.currentRecorder = null;
    this.host.history.update({ recordingId: null });
  }
}
