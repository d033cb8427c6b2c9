// The sessions memory holds whole: the one under way, the last one kept while storage does not save
// it, and those that ended here whose only whole copy is in memory (EndedInMemory: with none to save
// them, waiting for room, or failed by the store). Files of them are taken from memory, other tabs
// are kept from offering the store's cut-short copy of them, and closing the page asks first.

import type { SessionRecorder } from '../store/recorder.ts';
import { closingWouldLose } from './close-warning.ts';
import type { EndedInMemory } from './ended-in-memory.ts';
import { type HistoryModel, keptInMemoryOnly } from './history-model.ts';
import type { SessionRecording } from './session-recording.ts';
import type { TabLocks } from './tab-locks.ts';

/**
 * The sessions a file of every session takes from memory: the one `recording` (else the last one,
 * `lastKept`, where it is kept in memory alone), then those `ended` here that memory alone holds
 * whole, each once.
 */
export function takenFromMemory<T>(recording: T | null, lastKept: T | null, ended: readonly T[]): T[] {
  const current = recording ?? lastKept;
  const others = ended.filter((session) => session !== current);
  return current ? [current, ...others] : others;
}

/**
 * Those of `fromMemory` that memory alone holds: the one `recording` only while storage does not
 * save it (`saving` false), as the store may be a second behind it but has it.
 */
export function heldAlone<T>(fromMemory: readonly T[], recording: T | null, saving: boolean): T[] {
  return fromMemory.filter((session) => !saving || session !== recording);
}

/**
 * The copy of session `id` a file of it takes from memory: the one recorded now or last (`current`),
 * else one of `fromMemory`; none where memory has no whole copy of it.
 */
export function memoryCopyOf<T extends { readonly sessionId: string }>(
  id: string,
  current: T | null,
  fromMemory: readonly T[],
): T | undefined {
  return [current, ...fromMemory].find((session): session is T => session?.sessionId === id);
}

export class SessionsInMemory {
  constructor(
    private readonly recording: SessionRecording,
    private readonly endedInMemory: EndedInMemory,
    private readonly history: HistoryModel,
    private readonly locks: TabLocks,
  ) {}

  /**
   * The sessions a file of every session takes from memory: the one under way, one the store should
   * hold but cannot, and those that ended here whose only whole copy is in memory (EndedInMemory:
   * with none to save them, waiting for room, or failed by the store). One the store does not hold
   * because it was deleted, or not kept, stays out: the person removed it. Not one another tab
   * deleted the cut-short copy of while memory alone held it whole (EndedInMemory.holdThoughDeleted):
   * that tab did not remove what is held here, storage full or not.
   */
  all(): SessionRecorder[] {
    const last = this.recording.last;
    const lastKept =
      last && (keptInMemoryOnly(this.history.state) || this.endedInMemory.isHeldThoughDeleted(last))
        ? last
        : null;
    return takenFromMemory(this.recording.current, lastKept, this.endedInMemory.all());
  }

  /** See Persistence.sessionsHeldInMemory. */
  heldAlone(): SessionRecorder[] {
    return heldAlone(this.all(), this.recording.current, this.history.state.storage !== 'memory');
  }

  /**
   * A session as a file of its own takes it whole from memory when memory holds it (the one under
   * way or last ended, and those waiting for room or failed by the store), as a backup does, since
   * the store may have only the part of it written before storage filled up.
   */
  copyOf(id: string): SessionRecorder | undefined {
    return memoryCopyOf(id, this.recording.current ?? this.recording.last, this.all());
  }

  /**
   * Holds a heldInMemoryLock on each ended session memory alone holds whole, and on those ending,
   * and lets go of the rest: once written, deleted, or no longer held here.
   */
  holdLocks(): void {
    const held = new Set([
      ...this.all().filter((recorder) => recorder !== this.recording.current),
      ...this.recording.ending,
    ]);
    this.locks.holdInMemory(held);
  }

  /**
   * Storage failed (full, off, private): a session is in memory only, the one under way or one that
   * ended, and closing the page would lose it, so the browser asks first; of one that ended, only
   * until it has been taken as a file.
   */
  closingWouldLose(): boolean {
    return closingWouldLose({
      recordingUnsaved: this.recording.current !== null && this.history.state.storage === 'memory',
      ended: this.all()
        .filter((recorder) => recorder !== this.recording.current)
        .map((recorder) => ({ takenAsFile: this.endedInMemory.wasTakenAsFile(recorder) })),
    });
  }

  /**
   * Files that Backbeat restores from were made of these sessions from memory (see
   * fileKeepsTheSession): closing the page loses nothing of those that have ended. The one under way
   * is not marked, as it records more after the file. The history's CSV marks none.
   */
  tookAsFiles(recorders: readonly SessionRecorder[]): void {
    for (const recorder of recorders)
      if (recorder !== this.recording.current) this.endedInMemory.tookAsFile(recorder);
  }
}
