// Wires the running session to the store: starts a recorder when a session starts, feeds it the
// state, frames, heart rate and detector events, saves every second and when the page is hidden,
// and offers the unfinished session on the next start. Also the history's commands: listing,
// deleting, files and imports. Storage failures never stop a session: the recorder keeps it in
// memory and the history model says what happened. What each concern does lives beside it:
// store-opening.ts (opening the store, which an older tab may hold), session-recording.ts (a
// session's recording from its first state to its last writes), recording-feed.ts (what it is
// recorded from), history-model.ts (the history's state), history-listing.ts and
// history-reading.ts (what History lists and charts), past-sessions.ts (the sessions before, for
// progression), motion-retention.ts and motion-setting.ts (how long raw motion is kept, as History
// sets it), files-of-sessions.ts and session-files.ts (exports and the backup), restoring.ts and
// restore.ts (imports, and a restored backup's settings), long-task.ts (a backup's or an
// import's progress and Cancel), session-deletes.ts (deleting sessions, here or in another tab),
// sessions-in-memory.ts and ended-in-memory.ts (sessions memory alone holds whole),
// full-store-catch-up.ts (writing them once a full store has room), unfinished-offer.ts and
// unfinished-sessions.ts (the unfinished sessions on offer, by the tab that holds them),
// tab-locks.ts (the locks held or waited on for other tabs' sessions), handover.ts (a session
// handed between tabs), spoken-lines.ts (the coach's lines kept with their session) and
// end-interrupted.ts (a session closed where it stopped).

import { type Observable, pairwise, Subscription, startWith } from 'rxjs';
import type { Cue } from '../cues/cue-planner.ts';
import type { Preferences } from '../export/json.ts';
import type { MotionEvent } from '../motion/events.ts';
import type { AccelFrame, HeartRateSample, SourceInfo } from '../sensors/samples.ts';
import { noteAtSummary, StoreError, toStoreError } from '../store/errors.ts';
import type { MotionRetention } from '../store/retention.ts';
import type { ImportResult, SessionStore } from '../store/session-store.ts';
import type { PastSession } from '../workout/progression.ts';
import type { SessionModel } from '../workout/session-model.ts';
import type { DeviceState } from './device-status.ts';
import { EndedInMemory } from './ended-in-memory.ts';
import { FilesOfSessions } from './files-of-sessions.ts';
import { FullStoreCatchUp } from './full-store-catch-up.ts';
import { Handover } from './handover.ts';
import { HistoryListing } from './history-listing.ts';
import { HistoryModel, type HistoryState, type SessionSets } from './history-model.ts';
import { LongTasks, type TaskOptions } from './long-task.ts';
import { applyRetention, type FreedMotion } from './motion-retention.ts';
import { MotionSetting } from './motion-setting.ts';
import { PastSessions } from './past-sessions.ts';
import { feedRecording } from './recording-feed.ts';
import type { RestoreChoice } from './restore.ts';
import { Restoring } from './restoring.ts';
import { HELD_THOUGH_DELETED_AT_SUMMARY, SessionDeletes } from './session-deletes.ts';
import type { ExportedFile, ExportFormat } from './session-files.ts';
import { SessionRecording } from './session-recording.ts';
import { SessionsInMemory } from './sessions-in-memory.ts';
import { askToPersist, type OpenStore, saveHeldOnOpen, startOpening } from './store-opening.ts';
import { TabLocks } from './tab-locks.ts';
import { SINGLE_TAB, type TabMessage, type Tabs } from './tabs.ts';
import { UnfinishedOffer } from './unfinished-offer.ts';

/** What of the app the store needs: Backbeat provides all of it. */
export interface RecordableApp {
  readonly session: SessionModel;
  readonly devices: {
    readonly state: Pick<DeviceState, 'source' | 'devices' | 'rejoining' | 'awaiting'>;
  };
  readonly heartRate$: Observable<HeartRateSample | null>;
  readonly accel$: Observable<{ readonly source: SourceInfo; readonly frame: AccelFrame }>;
  readonly motion$: Observable<MotionEvent>;
  /**
   * The coach's cues, to keep what it said with the session: each as it is given (played$, a line as
   * the voice begins it), and each line as it is handed to the voice (handed$), before it waits there.
   */
  readonly cues?: { readonly played$: Observable<Cue>; readonly handed$: Observable<Cue> } | null;
  /** The settings and what was learned of the person: a backup keeps them beside the sessions. */
  readonly preferences?: PreferencesPort;
}

export interface PreferencesPort {
  read(): Preferences;
  /** Whether a backup's preferences would change anything here, as the app reads them. */
  differ(preferences: Preferences): boolean;
  apply(preferences: Preferences): void;
}

/** A session's summary as it is kept with the session: the summary screen tells it as History does. */
export { summarize } from '../store/summary.ts';

export type { StoreAsks } from './store-opening.ts';

export interface PersistenceOptions {
  /**
   * Opens the store (IndexedDB by default); null where there is none to open: everything is kept in
   * memory only, as where the browser refuses storage, and known so at once.
   */
  readonly openStore?: OpenStore | null;
  /** The session clock (the same as the app's). */
  readonly now?: () => number;
  readonly wallNow?: () => number;
  /** How often a running session is written: the most a crash can lose. */
  readonly flushMs?: number;
  /** Where to listen for the page being hidden (visibilitychange); none in Node. */
  readonly page?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'> | null;
  /**
   * Where the page says it is about to close: pagehide, to save what is held, and beforeunload, to
   * ask first when that would lose a session kept in memory only; the global window by default,
   * none in Node.
   */
  readonly window?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  /** The other tabs of the app (Web Locks and BroadcastChannel in a browser); by default one tab alone. */
  readonly tabs?: Tabs | null;
  /**
   * The most raw motion memory keeps of the sessions that ended with no store to save them (see EndedInMemory); HELD_MOTION_BYTES by default.
   */
  readonly heldMotionBytes?: number;
}

export class Persistence {
  readonly history = new HistoryModel();
  private readonly tasks = new LongTasks(this.history);

  private store: SessionStore | null = null;
  /** Which copy of a session its files take (see FilesOfSessions). */
  private readonly files: FilesOfSessions;
  /** What History lists, read again after each change (see HistoryListing). */
  private readonly listing: HistoryListing;
  /** The sessions before, as progression reads them (see PastSessions). */
  private readonly past: PastSessions;
  /** How long raw motion is kept, as History reads and sets it (see MotionSetting). */
  private readonly motion: MotionSetting;
  /** Imports, and the settings a restored backup offers (see Restoring). */
  private readonly restoring: Restoring;
  /** The session recorded now and the last one, from the session model's states (see SessionRecording). */
  private readonly recording: SessionRecording;
  /** The unfinished sessions offered to resume or shown as recorded elsewhere (see UnfinishedOffer). */
  private readonly unfinishedOffer: UnfinishedOffer;
  /** The sessions memory holds whole (see SessionsInMemory). */
  private readonly inMemory: SessionsInMemory;
  /** Deleting sessions here, and letting go of those deleted in another tab (see SessionDeletes). */
  private readonly deletes: SessionDeletes;
  private readonly tabs: Tabs;
  /** Handing the session recorded here to another tab (see Handover). */
  private readonly handover: Handover;
  /** The locks this tab holds or waits on beside its session's (see TabLocks). */
  private readonly locks: TabLocks;
  private readonly stopWatching = new AbortController();
  /** The sessions that ended here whose only whole copy is in memory (see EndedInMemory). */
  private readonly endedInMemory: EndedInMemory;
  /** The sessions that ended while storage was full, written once it has room (see FullStoreCatchUp). */
  private readonly fullStore: FullStoreCatchUp;
  private readonly subscriptions = new Subscription();
  private readonly now: () => number;
  private readonly wallNow: () => number;
  private readonly page: PersistenceOptions['page'];
  private readonly onHidden = () => {
    if (this.page?.visibilityState === 'hidden') void this.recording.current?.flush();
    // Back, perhaps from freeing space in the phone's settings: the full store is asked again now.
    else void this.fullStore.catchUp('page back');
  };
  private readonly onPageHide = () => void this.recording.current?.flush();
  private readonly window: PersistenceOptions['window'];
  /** Closing the page would lose a session memory alone holds: the browser asks first. */
  private readonly onBeforeUnload = (event: Event) => {
    if (this.inMemory.closingWouldLose()) event.preventDefault();
  };

  constructor(
    private readonly app: RecordableApp,
    private readonly options: PersistenceOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.wallNow = options.wallNow ?? Date.now;
    this.page =
      options.page === undefined ? (typeof document === 'undefined' ? null : document) : options.page;
    this.window =
      options.window === undefined ? (typeof window === 'undefined' ? null : window) : options.window;
    this.tabs = options.tabs ?? SINGLE_TAB;
    this.locks = new TabLocks(this.tabs, this.stopWatching.signal);
    this.handover = new Handover({
      tabs: this.tabs,
      history: this.history,
      recording: () => this.recording.current,
      detach: () => this.recording.detach(),
      resetSession: () => this.app.session.reset(),
    });
    this.endedInMemory = new EndedInMemory(options.heldMotionBytes);
    this.fullStore = new FullStoreCatchUp({
      store: () => this.store,
      full: () => this.history.state.problem?.kind === 'quota',
      recording: () => this.recording.current,
      endedInMemory: this.endedInMemory,
      wallNow: this.wallNow,
      stopped: this.stopWatching.signal,
      fail: (problem) => this.fail(problem),
      saving: async () => {
        this.history.update({ storage: 'saving', problem: null });
        await this.refresh();
        this.tabs.post({ type: 'changed' });
      },
      tried: () => this.inMemory.holdLocks(),
    });
    this.recording = new SessionRecording({
      app: this.app,
      history: this.history,
      tabs: this.tabs,
      now: this.now,
      wallNow: this.wallNow,
      flushMs: options.flushMs,
      handover: this.handover,
      fullStore: this.fullStore,
      endedInMemory: this.endedInMemory,
      store: () => this.store,
      readableStore: () => this.readableStore(),
      fail: (problem) => this.fail(problem),
      refresh: () => this.refresh(),
      guard: (work) => this.guard(work),
      rememberPast: (session, sets) => this.past.remember(session, sets),
      discardUnfinished: () => this.discardUnfinished(),
      holdWhatMemoryHolds: () => this.inMemory.holdLocks(),
    });
    this.inMemory = new SessionsInMemory(this.recording, this.endedInMemory, this.history, this.locks);
    this.past = new PastSessions(this.history, this.recording, this.inMemory, () => this.readableStore());
    this.files = new FilesOfSessions({
      recording: this.recording,
      inMemory: this.inMemory,
      preferences: () => this.app.preferences,
      wallNow: this.wallNow,
      store: () => this.store,
      readableStore: () => this.readableStore(),
    });
    this.listing = new HistoryListing({
      history: this.history,
      past: this.past,
      inMemory: this.inMemory,
      readableStore: () => this.readableStore(),
      guard: (work, store) => this.guard(work, store),
      loadMotion: () => this.loadMotion(),
    });
    this.unfinishedOffer = new UnfinishedOffer({
      history: this.history,
      tabs: this.tabs,
      locks: this.locks,
      handover: this.handover,
      recording: this.recording,
      wallNow: this.wallNow,
      store: () => this.store,
      guard: (work) => this.guard(work),
      refresh: () => this.refresh(),
      rememberPast: (session, sets) => this.past.remember(session, sets),
    });
    this.deletes = new SessionDeletes({
      history: this.history,
      tabs: this.tabs,
      recording: this.recording,
      endedInMemory: this.endedInMemory,
      fullStore: this.fullStore,
      readableStore: () => this.readableStore(),
      fail: (problem) => this.fail(problem),
      refresh: () => this.refresh(),
      forgetPast: (id) => {
        if (id === null) this.past.forgetAll();
        else this.past.forget(id);
      },
      isBeingRecorded: (id) => this.isBeingRecorded(id),
      holdWhatMemoryHolds: () => this.inMemory.holdLocks(),
    });
    this.motion = new MotionSetting({
      history: this.history,
      tabs: this.tabs,
      wallNow: this.wallNow,
      guard: (work) => this.guard(work),
      read: (work) => this.guard(work, this.readableStore()),
      refresh: () => this.refresh(),
      spaceFreed: () => void this.fullStore.catchUp('space freed'),
    });
    this.restoring = new Restoring({
      history: this.history,
      tabs: this.tabs,
      motion: this.motion,
      preferences: () => this.app.preferences,
      wallNow: this.wallNow,
      usableStore: () => this.usableStore(),
      rememberPast: (session, sets) => this.past.remember(session, sets),
      forgetPast: (id) => this.past.forget(id),
      refresh: () => this.refresh(),
      lookForUnfinished: () => this.unfinishedOffer.lookForUnfinished(),
    });
  }

  /** Opens the store, loads the history and looks for an unfinished session; then records. */
  async start(): Promise<void> {
    try {
      if (this.options.openStore === null) throw new StoreError('unavailable');
      const { opening, first } = startOpening(this.options.openStore, () =>
        this.fail(new StoreError('upgraded')),
      );
      const opened = await first;
      if (opened === 'blocked') {
        // An older tab holds the database: sessions are kept in memory, and saved from where they
        // are once that tab lets go of it and the open goes on, with no reload.
        this.fail(new StoreError('blocked'));
        void opening.then(
          (store) => this.openedAfterBlock(store),
          (error: unknown) => {
            if (!this.stopWatching.signal.aborted) this.fail(toStoreError(error));
          },
        );
      } else await this.opened(opened);
    } catch (error) {
      this.fail(toStoreError(error));
    }
    this.subscriptions.add(this.tabs.messages$.subscribe((message) => void this.onTabMessage(message)));
    this.subscriptions.add(
      this.app.session.state$
        .pipe(startWith(null), pairwise())
        .subscribe(([previous, state]) => this.recording.onState(previous, state!)),
    );
    this.subscriptions.add(feedRecording(this.app, () => this.recording.current, this.recording.spokenLines));
    this.page?.addEventListener('visibilitychange', this.onHidden);
    // The page's last moment is the window's to tell (pagehide), not the document's.
    this.window?.addEventListener('pagehide', this.onPageHide);
    this.window?.addEventListener('beforeunload', this.onBeforeUnload);
  }

  /** The store opened: the history is read from it, and the sessions recorded go into it. */
  private async opened(store: SessionStore): Promise<void> {
    this.store = store;
    // Once an older tab lets go, History goes from saying its sessions cannot be shown to listing
    // them in one step: read before it says saving, it said "No sessions saved yet." in between.
    let listed: Partial<HistoryState> = {};
    if (this.history.state.problem?.kind === 'blocked') {
      try {
        listed = await this.listing.readHistory(store);
      } catch (error) {
        return this.fail(toStoreError(error));
      }
    }
    this.history.update({ ...listed, storage: 'saving', problem: null, storeOpened: true });
    // Not waited for: Firefox asks the person in a prompt, which may be answered late or never, and
    // the sessions before (and with them today's plan, and Start) must not wait on it.
    void askToPersist().then((persisted) => this.history.update({ persisted }));
    await this.guard((store) => this.restoring.undoCutImports(store));
    // Sessions that have aged past the raw-motion setting since the last visit lose their samples.
    await this.guard(async (store) => void (await applyRetention(store, this.wallNow)));
    // Looked for before the sessions are read: once they are (pastRead), the start screen shows
    // Start where it stays, under the offer to resume if one comes.
    await this.unfinishedOffer.lookForUnfinished();
    await this.refresh();
  }

  /**
   * The store opened once the older tab that held it let go: what memory holds (the sessions that
   * ended meanwhile, and the one under way) is written to it, each whole and once, in the order they
   * were recorded, and the history is read as on a first open.
   */
  private async openedAfterBlock(store: SessionStore): Promise<void> {
    if (this.stopWatching.signal.aborted) return store.close();
    await this.recording.finishing;
    // The last one ended is both memory's current session and the last of those ended meanwhile.
    const held = [...new Set([...this.endedInMemory.neverOffered(), ...this.inMemory.all()])];
    this.store = store;
    // Refused for want of room: each is offered the store, and waits for room as one that ended while
    // it was full does (waitForRoom), written by itself once there is, where it stayed in memory unasked.
    const offered = await saveHeldOnOpen(store, held, this.endedInMemory);
    if ('failed' in offered) return this.fail(offered.failed);
    const { refused } = offered;
    await this.opened(store);
    for (const recorder of held) {
      if (recorder !== this.recording.current && !refused.includes(recorder))
        await this.guard((store) => store.compact(recorder.sessionId));
    }
    const full = refused[0]?.failure;
    if (full) {
      this.endedInMemory.waitForRoom(...refused.filter((recorder) => recorder !== this.recording.current));
      // The store's first read said saving (opened): storage is full, and History lists what a
      // backup holds.
      this.fail(full);
      await this.refresh();
    }
    this.inMemory.holdLocks();
    this.tabs.post({ type: 'changed' });
  }

  async dispose(): Promise<void> {
    this.subscriptions.unsubscribe();
    this.page?.removeEventListener('visibilitychange', this.onHidden);
    this.window?.removeEventListener('pagehide', this.onPageHide);
    this.window?.removeEventListener('beforeunload', this.onBeforeUnload);
    this.stopWatching.abort();
    this.locks.releaseAll();
    this.fullStore.stop();
    await this.recording.dispose();
    this.tabs.close();
    this.store?.close();
  }

  /**
   * Writes what is pending now (the page is about to go, or a test wants it on disk), including the
   * last writes of a session that just ended.
   */
  async flush(): Promise<void> {
    await Promise.all([this.recording.current?.flush(), this.recording.finishing]);
    // And what a write taken just now found to catch up with.
    await this.fullStore.settled();
  }

  /** Goes on with the unfinished session exactly where it was. */
  resume(): Promise<void> {
    return this.unfinishedOffer.resume();
  }

  /**
   * Moves the session another tab is recording to this one: that tab saves and lets go (or, if it
   * does not answer in time, the lock is taken from it and its writes are refused from then on).
   */
  async moveHere(): Promise<void> {
    const elsewhere = this.history.state.elsewhere;
    if (!this.store || !elsewhere || this.recording.current || this.history.state.moving) return;
    await this.handover.takeHere(elsewhere.id, (held) => this.recording.resumeHeld(elsewhere.id, held));
  }

  dismissMovedAway(): void {
    this.history.update({ movedAway: false });
  }

  /** Leaves the unfinished session as it is, ended where it stopped, and starts afresh. */
  discardUnfinished(): Promise<void> {
    return this.unfinishedOffer.discardUnfinished();
  }

  /** The sessions before, for progression (see PastSessions.all). */
  pastSessions(): Promise<PastSession[]> {
    return this.past.all();
  }

  /** The next page of older sessions into the history. */
  showMoreSessions(): Promise<void> {
    return this.listing.showMoreSessions();
  }

  /** Reads how much raw motion is kept, and the setting, for the history to show. */
  loadMotion(): Promise<void> {
    return this.motion.load();
  }

  /** What a retention setting would free now (after loadMotion). */
  retentionPreview(retention: MotionRetention): FreedMotion {
    return this.motion.preview(retention);
  }

  /** Keeps raw motion as the person chose, from now on, and removes at once what it no longer keeps. */
  setRetention(retention: MotionRetention): Promise<void> {
    return this.motion.keepAs(retention, (removed) => removed ?? 'Saved. No raw motion had to go.');
  }

  /** Deletes a session from the store and from memory, unless it is being recorded (see SessionDeletes). */
  deleteSession(id: string): Promise<void> {
    return this.deletes.deleteSession(id);
  }

  /** Deletes every session, unless one is being recorded (see SessionDeletes). */
  deleteAll(): Promise<void> {
    return this.deletes.deleteAll();
  }

  /** The heart rate of the session recorded now (or last), on the page clock, from its start. */
  heartRateOfSession(): readonly HeartRateSample[] {
    return (this.recording.current ?? this.recording.last)?.heartRateOnPageClock() ?? [];
  }

  /** The devices the session recorded now (or last) was recorded from: the summary names the one that dropped. */
  sourcesOfSession(): readonly SourceInfo[] {
    return (this.recording.current ?? this.recording.last)?.sources ?? [];
  }

  /** Whether this tab or another is recording the session now: it would be written back at once. */
  isBeingRecorded(id: string): boolean {
    const { recordingId, elsewhere } = this.history.state;
    return id === recordingId || id === elsewhere?.id;
  }

  /** One listed session's sets, plan and heart rate (see FilesOfSessions.setsOfSession). */
  setsOfSession(id: string): Promise<SessionSets | null> {
    return this.files.setsOfSession(id);
  }

  /** A saved session, or the one being recorded now when `id` is its id or storage failed. */
  exportSession(id: string, format: ExportFormat): Promise<ExportedFile> {
    return this.files.exportSession(id, format);
  }

  /** The session being recorded (or the last one), straight from memory: works without storage. */
  exportCurrent(format: ExportFormat): Promise<ExportedFile | null> {
    return this.files.exportCurrent(format);
  }

  /** A backup carries the settings and what was learned of the person, as the app gives them. */
  get backupHoldsSettings(): boolean {
    return this.app.preferences !== undefined;
  }

  /** Every session in one file, to restore on another device or after clearing the browser. */
  backup(options: TaskOptions = {}): Promise<ExportedFile> {
    return this.files.backup(options);
  }

  /** Every session's sets in one CSV (see historyCsvFile). */
  historyCsv(): Promise<ExportedFile> {
    return this.files.historyCsv();
  }

  /**
   * How many sessions memory alone holds whole (the one under way while storage does not save it,
   * the last one kept so, those waiting for room or failed by the store): the storage notice says how
   * many, and saves them all in a backup when several. A backup takes the one under way from memory
   * even while storage saves it, as the store may be a second behind; it is not held there alone.
   */
  sessionsHeldInMemory(): number {
    return this.inMemory.heldAlone().length;
  }

  /**
   * The store has nothing of any session memory alone holds (see sessionsHeldInMemory): a full store
   * refused each whole, as it opened once an older tab let go, or from its first write. The notice
   * says they are not saved yet, not that saving stopped.
   */
  noneHeldInMemorySaved(): boolean {
    return this.inMemory.heldAlone().every((recorder) => !recorder.everSaved);
  }

  /** The store's problem as the summary of the session says it, null while the store saves. */
  storeNoteAtSummary(): string | null {
    const { problem } = this.history.state;
    const recorder = this.recording.current ?? this.recording.last;
    if (problem) return noteAtSummary(problem, recorder?.everSaved ?? true);
    // Storage has room, and this session is in no store: another tab deleted what it had of it.
    return recorder && this.endedInMemory.isHeldThoughDeleted(recorder)
      ? HELD_THOUGH_DELETED_AT_SUMMARY
      : null;
  }

  /** Imports a JSON export or backup given as text. */
  importJson(text: string): Promise<ImportResult> {
    return this.restoring.importJson(text);
  }

  /** Imports a JSON export or backup, all or nothing (see Restoring.restore). */
  restore(file: Blob, options: TaskOptions = {}, choice: RestoreChoice = {}): Promise<ImportResult> {
    return this.restoring.restore(file, options, choice);
  }

  /** Runs a backup or an import as the one long task the history shows (see LongTasks.run). */
  runTask<T>(
    label: string,
    cancelled: string,
    work: (options: TaskOptions) => Promise<T>,
  ): Promise<T | null> {
    return this.tasks.run(label, cancelled, work);
  }

  /** Calls off the long task; it says at once that it is cancelling, as undoing can take seconds. */
  cancelTask(): void {
    this.tasks.cancel();
  }

  /** The outcome of the last import, delete or export is told, and the choice of a damaged file goes. */
  dismissNotice(): void {
    this.history.update({ notice: null, partlyDamaged: null });
  }

  /** Imports nothing of the damaged file offered (HistoryState.partlyDamaged). */
  keepOutPartlyDamaged(): void {
    this.history.update({ partlyDamaged: null, notice: 'Nothing was imported.' });
  }

  /** Takes on the settings a restored backup offers (see Restoring.usePreferences). */
  usePreferences(): Promise<void> {
    return this.restoring.usePreferences();
  }

  /** Keeps this device's settings: the backup's are no longer offered. */
  keepPreferences(): void {
    this.restoring.keepPreferences();
  }

  private async onTabMessage(message: TabMessage): Promise<void> {
    if (message.type === 'move') return this.handover.moveAsked(message.sessionId);
    if (message.type === 'deleted') this.deletes.deletedElsewhere((ended) => ended === message.sessionId);
    if (message.type === 'deleted-all') this.deletes.deletedElsewhere(() => true);
    await this.refresh();
    await this.unfinishedOffer.lookForUnfinished();
  }

  /** The history read again (see HistoryListing.refresh). */
  private refresh(): Promise<void> {
    return this.listing.refresh();
  }

  /** The store, unless there is none or it has failed. */
  private usableStore(): SessionStore | null {
    return this.history.state.storage === 'memory' ? null : this.store;
  }

  /**
   * The store to read every session from, for a file of them all: a full store refuses writes but
   * reads as ever, and holds the sessions saved before it filled. One failed for another reason (an
   * older tab's upgrade closed it, an unknown error) is not read.
   */
  private readableStore(): SessionStore | null {
    const { storage, problem } = this.history.state;
    return storage !== 'memory' || problem?.kind === 'quota' ? this.store : null;
  }

  /**
   * Works on `store`, by default the usable one (usableStore; for reads a full store still answers,
   * readableStore), nothing where there is none; a failure is the store's problem.
   */
  private async guard(
    work: (store: SessionStore) => Promise<void>,
    store = this.usableStore(),
  ): Promise<void> {
    if (!store) return;
    try {
      await work(store);
    } catch (error) {
      this.fail(toStoreError(error));
    }
  }

  private fail(problem: StoreError): void {
    // Failed for good: the sessions waiting for room are never offered again, and memory has the only
    // whole copy of each, which a backup and the history's CSV take from there, as for those whose catch-up failed.
    if (problem.kind !== 'quota') this.endedInMemory.failAllWaiting();
    this.history.update({ storage: 'memory', problem, pastRead: true });
    this.inMemory.holdLocks();
    if (problem.kind !== 'quota') return;
    this.fullStore.refused();
  }
}
