// The sessions before, as progression reads them to plan today's: read from the store once, then
// kept up to date as sessions end, arrive and go, and read on through a full or failed store.

import { StoreError } from '../store/errors.ts';
import { pastSession } from '../store/progress.ts';
import type { SessionRow, SetRow } from '../store/records.ts';
import type { SessionStore } from '../store/session-store.ts';
import type { PastSession } from '../workout/progression.ts';
import type { HistoryModel } from './history-model.ts';
import { readPast } from './history-reading.ts';
import type { SessionRecording } from './session-recording.ts';
import type { SessionsInMemory } from './sessions-in-memory.ts';

export class PastSessions {
  /** The past sessions progression reads, by id: read once, then kept up to date (all). */
  private past: Map<string, PastSession> | null = null;

  constructor(
    private readonly history: HistoryModel,
    private readonly recording: SessionRecording,
    private readonly inMemory: SessionsInMemory,
    /** The store to read from (see Persistence.readableStore). */
    private readonly readableStore: () => SessionStore | null,
  ) {}

  /**
   * Every finished set of the sessions finished so far, for progression; none when nothing is stored.
   * Read from the store once, then kept up to date as sessions end, arrive and go. A session still
   * unfinished (on offer to resume, or recorded in another tab) is left out: it is running the plan it
   * began with, and is no "last time" for today's (its sets read as such raised the superman it was
   * doing 11 reps of to 12 before it was over).
   */
  async all(): Promise<PastSession[]> {
    // A full store still reads; one failed otherwise is not read again, but what was read of it
    // before, and the sessions ended since, are the plan's still: a full phone's plan made from the
    // settings alone set every goal back, as though no session had gone before.
    const store = this.readableStore();
    if (!store && !this.past) return [];
    try {
      this.past ??= await readPast(store!);
      const running = await this.runningSessions(store);
      return [...this.past].flatMap(([id, session]) => (running.has(id) ? [] : [session]));
    } catch {
      return [];
    }
  }

  /** The past sessions as read with the history (see HistoryListing.readHistory), in place of those kept. */
  readWith(past: Map<string, PastSession>): void {
    this.past = past;
  }

  /** A session that ended, or that a file added, is one of the sessions before. */
  remember(session: Pick<SessionRow, 'id' | 'startedAt' | 'plan'>, sets: readonly SetRow[]): void {
    this.past?.set(session.id, pastSession(session, sets));
  }

  /** A session deleted, or taken out again, is no longer one of them. */
  forget(id: string): void {
    this.past?.delete(id);
  }

  /** Every session deleted: none is. */
  forgetAll(): void {
    this.past = new Map();
  }

  /**
   * The ids of the sessions still unfinished; where the store fails to say (or is not read), the ones
   * the history knows of (offered to resume, recorded in another tab): the sessions before are still
   * the plan's. Not one that ended here and that memory holds whole, which the store has unfinished
   * only because it filled up or failed before its end.
   */
  private async runningSessions(store: SessionStore | null): Promise<Set<string>> {
    const ended = new Set(
      this.inMemory
        .all()
        .filter((recorder) => recorder !== this.recording.current)
        .map((recorder) => recorder.sessionId),
    );
    try {
      if (!store) throw new StoreError('unavailable');
      const unfinished = await store.unfinishedSessions();
      return new Set(unfinished.map((session) => session.id).filter((id) => !ended.has(id)));
    } catch {
      const { unfinished, elsewhere } = this.history.state;
      return new Set([unfinished?.id, elsewhere?.id].filter((id): id is string => id !== undefined));
    }
  }
}
