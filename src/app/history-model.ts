// The history's state as History, the start screen and the storage notice read it: the sessions
// listed, the store's condition, the session on offer to resume or recorded in another tab, and the
// outcome of the last import, delete or export. Persistence keeps it (see Persistence.history).

import type { Preferences } from '../export/json.ts';
import type { StoreError } from '../store/errors.ts';
import type { Progress } from '../store/progress.ts';
import type { SessionRow } from '../store/records.ts';
import type { MotionRetention } from '../store/retention.ts';
import type { SessionHeart } from '../workout/heart.ts';
import { Model } from '../workout/model.ts';
import type { PlannedExercise, SetRecord } from '../workout/session.ts';
import type { SetsKept } from '../workout/sets-kept.ts';

/** A session's sets, as its summary showed them, the plan they were done to, and their heart rate. */
export interface SessionSets {
  readonly records: readonly SetRecord[];
  readonly plan: readonly PlannedExercise[];
  /** Heart rate per set and recovery after it, RMSSD before and after; null without a heart-rate device. */
  readonly heart: SessionHeart | null;
}

export interface HistoryState {
  /** 'memory': nothing is being saved (no IndexedDB, or it failed); see `problem`. */
  readonly storage: 'opening' | 'saving' | 'memory';
  readonly problem: StoreError | null;
  /**
   * The store opened in this visit: a problem since stopped a saving that had begun. False where the
   * browser never let it open (a private window, storage off): nothing of this visit was ever saved.
   */
  readonly storeOpened: boolean;
  /**
   * The sessions shown so far, newest first: a page at a time (showMoreSessions). While storage is
   * full, those memory holds whole are listed so, in place of the store's cut-short copies or beside.
   */
  readonly sessions: readonly SessionRow[];
  /**
   * The sessions after the last listed that began in its minute, on the page not yet shown: its name
   * tells it apart from them from the start, rather than changing as they are listed (see sessionTimes).
   */
  readonly unlistedOfLastMinute: readonly SessionRow[];
  /**
   * How many sessions the store holds; while storage is full, with those memory alone holds: as many
   * as a backup would.
   */
  readonly sessionCount: number;
  /**
   * The sessions progression reads are read from the store, or there is no store to read them from:
   * today's plan can be made now, where before it would be the settings' alone. An unfinished session
   * to offer is known by then (`unfinished`).
   */
  readonly pastRead: boolean;
  readonly progress: Progress | null;
  /** Raw motion kept and the setting that thins it; null until asked for (loadMotion). */
  readonly motion: MotionState | null;
  /** A session the app was closed in the middle of, to offer to resume. */
  readonly unfinished: SessionRow | null;
  /** The unfinished session's sets so far: done, cut short and skipped. */
  readonly unfinishedSets: SetsKept;
  /**
   * The unfinished session was left recently enough to go on with (see resumable): one left hours
   * ago is only offered to keep as it is.
   */
  readonly unfinishedResumable: boolean;
  /** A session another tab is recording now: never offered to resume, only to move here. */
  readonly elsewhere: SessionRow | null;
  /** That session's sets so far: done, cut short and skipped. */
  readonly elsewhereSets: SetsKept;
  /**
   * Another tab records a session of which the store holds nothing: storage was full from its first
   * write. It cannot be moved here (this tab would find none of it), but a session started here
   * would run beside it.
   */
  readonly unsavedElsewhere: boolean;
  /** Asked the other tab for its session and waiting for it. */
  readonly moving: boolean;
  /** The session this tab was recording moved to another tab. */
  readonly movedAway: boolean;
  /** The session this tab is recording now, or null. */
  readonly recordingId: string | null;
  /** A session was recorded since the app opened: it can be exported from memory, storage or not. */
  readonly hasCurrent: boolean;
  /**
   * The session that ended last in this tab was deleted since, here or in another tab: its summary,
   * still on screen, says so, and nothing of it is offered or written again.
   */
  readonly endedSessionDeleted: boolean;
  /** The outcome of the last import, delete or export, to show once. */
  readonly notice: string | null;
  /**
   * A backup or an import under way: kept here, not by the screen that began it, so that History left
   * and opened again shows it still going, with its Cancel.
   */
  readonly task: LongTask | null;
  /**
   * The settings and what was learned of the person that the backup just restored holds, when they
   * differ from this device's: offered, never taken unasked (an old backup would undo newer ones).
   */
  readonly offeredPreferences: Preferences | null;
  /**
   * A backup whose sessions could be read but for some damaged ones, nothing of it imported: why, and
   * the button that imports the others without them, which only a tap does (restore's leaveOutDamaged).
   */
  readonly partlyDamaged: PartlyDamaged | null;
  /** The browser promised not to clear the data when space runs low (null: not asked or unknown). */
  readonly persisted: boolean | null;
}

export interface PartlyDamaged {
  readonly file: Blob;
  readonly notice: string;
  readonly button: string;
  /** The notice once storage had no room for the others: the choice stays for a tap after freeing some. */
  readonly whenFull: string;
}

export interface LongTask {
  readonly label: string;
  readonly done: number;
  readonly total: number;
  /** Cancel was pressed: what the task did is being undone, which can take a while. */
  readonly cancelling: boolean;
}

export interface MotionState {
  readonly retention: MotionRetention;
  /** Raw motion kept now, over how many sessions. */
  readonly bytes: number;
  readonly sessions: number;
}

/** Another tab records a session, and this one none: a session started here would run beside it. */
export function recordedInAnotherTab(h: HistoryState): boolean {
  return (h.elsewhere !== null || h.unsavedElsewhere) && h.recordingId === null;
}

/** A session is being recorded now, in this tab or another: deleting would be written back over. */
export function anyBeingRecorded(h: HistoryState): boolean {
  return h.recordingId !== null || h.elsewhere !== null || h.unsavedElsewhere;
}

/**
 * The session that ended last in this visit is kept, and in memory alone: the browser does not let
 * Backbeat save, so a backup takes it from there. One deleted, or not kept for having no set done, is
 * gone from memory's offer too.
 */
export function keptInMemoryOnly(h: HistoryState): boolean {
  return h.storage === 'memory' && h.hasCurrent;
}

/** Sessions the history shows at a time. */
export const HISTORY_PAGE = 20;

export class HistoryModel extends Model<HistoryState> {
  constructor() {
    super({
      storage: 'opening',
      problem: null,
      storeOpened: false,
      sessions: [],
      unlistedOfLastMinute: [],
      sessionCount: 0,
      pastRead: false,
      progress: null,
      motion: null,
      unfinished: null,
      unfinishedSets: { done: 0, cutShort: 0, skipped: 0 },
      unfinishedResumable: false,
      elsewhere: null,
      elsewhereSets: { done: 0, cutShort: 0, skipped: 0 },
      unsavedElsewhere: false,
      moving: false,
      movedAway: false,
      task: null,
      recordingId: null,
      hasCurrent: false,
      endedSessionDeleted: false,
      notice: null,
      offeredPreferences: null,
      partlyDamaged: null,
      persisted: null,
    });
  }

  /**
   * A patch that changes nothing is no new state: one would render everything that shows the history
   * again (a notice dismissed when there is none, an offer withdrawn when none was made).
   */
  update(patch: Partial<HistoryState>): void {
    const changes = (Object.keys(patch) as (keyof HistoryState)[]).some(
      (key) => patch[key] !== this.state[key],
    );
    if (changes) this.setState({ ...this.state, ...patch });
  }
}
