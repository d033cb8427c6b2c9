// Which copy of a session each file and History's read of its sets take: memory's whole copy where
// memory holds the session, as the store may have only the part written before it filled up, else
// the store's. A file of every session waits for the last writes of the session that just ended, and
// a file Backbeat restores from marks the sessions it took from memory as kept (see
// fileKeepsTheSession), so that closing the page no longer asks first.

import type { Preferences } from '../export/json.ts';
import { fromPlanEntries } from '../store/codec.ts';
import type { SessionStore } from '../store/session-store.ts';
import { heartOfSession } from '../store/summary.ts';
import { fileKeepsTheSession } from './close-warning.ts';
import type { SessionSets } from './history-model.ts';
import type { TaskOptions } from './long-task.ts';
import { retentionOf } from './motion-retention.ts';
import type { PreferencesPort } from './persistence.ts';
import {
  backupFile,
  type EverySession,
  type ExportedFile,
  type ExportFormat,
  exportBundle,
  historyCsvFile,
} from './session-files.ts';
import type { SessionRecording } from './session-recording.ts';
import type { SessionsInMemory } from './sessions-in-memory.ts';

/** What of Persistence the files read. */
export interface FilesHost {
  readonly recording: SessionRecording;
  readonly inMemory: SessionsInMemory;
  /** The app's settings and what it learned of the person, which a backup keeps beside the sessions. */
  preferences(): PreferencesPort | undefined;
  readonly wallNow: () => number;
  /** The store opened, failed or not; null before it opens, or where there is none. */
  store(): SessionStore | null;
  /** The store to read every session from (see Persistence.readableStore). */
  readableStore(): SessionStore | null;
}

export class FilesOfSessions {
  constructor(private readonly host: FilesHost) {}

  /**
   * One listed session's sets, its plan (the weights, a plank's goals) and its heart rate, read when
   * History asks for them, not with the list: years of sessions' sets and heart rate are not all read
   * to list a page of them. Memory's whole copy where memory holds the session (see
   * SessionsInMemory.copyOf), as its file takes it: the store may have only the sets written before it
   * filled. Null for a session no longer here.
   */
  async setsOfSession(id: string): Promise<SessionSets | null> {
    const inMemory = this.host.inMemory.copyOf(id);
    const store = this.host.readableStore();
    const [session, sets, heartRate] = inMemory
      ? [inMemory.sessionRow(), inMemory.setRows(), inMemory.bundle().heartRate]
      : store
        ? await Promise.all([store.getSession(id), store.setsOf(id), store.heartRateOf(id)])
        : [];
    if (!session || !sets || !heartRate) return null;
    return {
      records: sets,
      plan: fromPlanEntries(session.plan),
      heart: heartOfSession(session, sets, heartRate),
    };
  }

  /** A saved session, or the one being recorded now when `id` is its id or storage failed. */
  async exportSession(id: string, format: ExportFormat): Promise<ExportedFile> {
    const inMemory = this.host.inMemory.copyOf(id);
    const bundle = inMemory ? inMemory.bundle() : await this.host.store()?.loadBundle(id);
    if (!bundle) throw new Error('That session is no longer here.');
    const file = await exportBundle(bundle, format);
    if (inMemory && fileKeepsTheSession(format)) this.host.inMemory.tookAsFiles([inMemory]);
    return file;
  }

  /** The session being recorded (or the last one), straight from memory: works without storage. */
  async exportCurrent(format: ExportFormat): Promise<ExportedFile | null> {
    const recorder = this.host.recording.current ?? this.host.recording.last;
    if (!recorder) return null;
    const file = await exportBundle(recorder.bundle(), format);
    if (fileKeepsTheSession(format)) this.host.inMemory.tookAsFiles([recorder]);
    return file;
  }

  /** Every session in one file, to restore on another device or after clearing the browser. */
  async backup(options: TaskOptions = {}): Promise<ExportedFile> {
    // The session that just ended is in the store as it ended, or gone from it when it was not kept.
    await this.host.recording.finishing;
    const store = this.host.readableStore();
    const { file, fromMemory } = await backupFile(
      this.everySession(store),
      () => this.backupPreferences(store),
      this.host.wallNow,
      options,
    );
    this.host.inMemory.tookAsFiles(fromMemory);
    return file;
  }

  /** Every session's sets in one CSV (see historyCsvFile). */
  async historyCsv(): Promise<ExportedFile> {
    await this.host.recording.finishing;
    return historyCsvFile(this.everySession(this.host.readableStore()), this.host.wallNow);
  }

  /** Where a file of every session takes them from: `store`, and memory's whole copies. */
  private everySession(store: SessionStore | null): EverySession {
    return { store, fromMemory: () => this.host.inMemory.all() };
  }

  /**
   * What a backup keeps beside its sessions: the app's settings and what it learned of the person,
   * and with them how long raw motion is kept, which the store holds (see Persistence.backupHoldsSettings).
   */
  private async backupPreferences(store: SessionStore | null): Promise<Preferences | undefined> {
    const appPreferences = this.host.preferences()?.read();
    if (!appPreferences || !store) return appPreferences;
    return { ...appPreferences, motionRetention: await retentionOf(store) };
  }
}
