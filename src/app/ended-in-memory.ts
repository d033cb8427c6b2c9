// The sessions that ended in this tab and whose only whole copy is in memory: those that ended while
// storage was full and wait for room, those whose catch-up the store then failed, and those that
// ended with no store to save them. A backup, the history's CSV and History while full take them
// from here; the store is given those waiting once it has room again.

import type { SessionRecorder } from '../store/recorder.ts';
import { heldMotionToDrop } from '../store/retention.ts';

export class EndedInMemory {
  /**
   * Sessions that ended while storage was full, oldest first: what the store refused of them is in
   * memory alone, and is written once the store takes writes again (FullStoreCatchUp).
   */
  private waiting: SessionRecorder[] = [];
  /**
   * Sessions that ended while storage was full, and storage then failed for another reason (their
   * catch-up, or anything else): memory has the only whole copy, which a backup and the history's CSV
   * take from there.
   */
  private failed: SessionRecorder[] = [];
  /**
   * Sessions that ended, kept, with no store to save them, oldest first: none open (an older tab held
   * it, or the browser never let it open: a private window, storage off), or one that opened and then
   * failed for another reason than room (closed by the browser, deleted, an upgrade in another tab, a
   * write refused). Memory has the only whole copy of each, and the next session does not take its
   * place there; written to the store in this order once it opens after an older tab let go
   * (Persistence.openedAfterBlock), which a browser that refused it, or a store failed, never does.
   * Each whole but for the raw motion of the oldest once theirs and the others' runs past
   * HELD_MOTION_BYTES: their sets, holds, heart rate and what was said stay, as the retention setting
   * leaves them, where memory grown without end would have the browser close the tab, and lose them all.
   */
  private unsaved: SessionRecorder[] = [];
  /**
   * Ended sessions deleted since, here or in another tab: nothing of them is written again, neither a
   * correction queued on one before nor what the store refused of it while full.
   */
  private readonly deleted = new WeakSet<SessionRecorder>();
  /**
   * Sessions deleted in another tab while memory alone held them whole here, their summary on screen:
   * that tab deleted what its store had of them, at most a part, and this tab goes on holding them,
   * though storage has room again (see SessionDeletes.forgetEnded).
   */
  private readonly heldThoughDeleted = new WeakSet<SessionRecorder>();
  /** Sessions taken as a file after they ended: closing the page loses nothing of them. */
  private readonly takenAsFile = new WeakSet<SessionRecorder>();

  /** `heldMotionBytes`: the most raw motion kept of the sessions that ended with no store (see unsaved). */
  constructor(private readonly heldMotionBytes?: number) {}

  /** Every session held here: those that ended with no store, then those waiting for room, then those failed. */
  all(): SessionRecorder[] {
    return [...this.unsaved, ...this.waiting, ...this.failed];
  }

  /** Those that ended with no store to save them, oldest first: never offered to one. */
  neverOffered(): readonly SessionRecorder[] {
    return this.unsaved;
  }

  /** Keeps a session that ended with no store to save it, the oldest held losing their raw motion past the budget. */
  holdUnsaved(recorder: SessionRecorder): void {
    this.unsaved.push(recorder);
    const bytes = this.unsaved.map((held) => held.motionBytes);
    const drop = heldMotionToDrop(bytes, this.heldMotionBytes);
    for (const held of this.unsaved.slice(0, drop)) held.dropMotionHeld();
  }

  /** A store that opened at last was offered the session: saved, or in the line for room (waitForRoom). */
  offered(recorder: SessionRecorder): void {
    this.unsaved = this.unsaved.filter((unsaved) => unsaved !== recorder);
  }

  /** Sessions that ended while storage was full join the line for room, after those already in it. */
  waitForRoom(...recorders: SessionRecorder[]): void {
    this.waiting.push(...recorders);
  }

  /** The session first in the line for room, or none. */
  firstWaiting(): SessionRecorder | undefined {
    return this.waiting[0];
  }

  /**
   * A session leaves the line waiting for room: by itself, not by its place, as a delete meanwhile
   * takes sessions out of the line (letGoOfDeleted).
   */
  leaveLine(recorder: SessionRecorder): void {
    this.waiting = this.waiting.filter((waiting) => waiting !== recorder);
  }

  /** A session's catch-up failed for good: memory keeps the only whole copy. */
  failedToCatchUp(recorder: SessionRecorder): void {
    this.failed.push(recorder);
  }

  /** Storage failed for good: the sessions waiting for room are never offered again, and stay here whole. */
  failAllWaiting(): void {
    this.failed.push(...this.waiting.splice(0));
  }

  /**
   * Sessions deleted (here or in another tab) leave the line for room, never to be written again, and
   * those the store failed are let go; not those that ended with no store (see SessionDeletes.forgetEnded).
   */
  letGoOfDeleted(deleted: (sessionId: string) => boolean): void {
    for (const ended of this.waiting) if (deleted(ended.sessionId)) this.deleted.add(ended);
    this.waiting = this.waiting.filter((ended) => !this.deleted.has(ended));
    this.failed = this.failed.filter((ended) => !deleted(ended.sessionId));
  }

  markDeleted(recorder: SessionRecorder): void {
    this.deleted.add(recorder);
  }

  isDeleted(recorder: SessionRecorder): boolean {
    return this.deleted.has(recorder);
  }

  /** Deleted in another tab (markDeleted), its only whole copy here: held here all the same. */
  holdThoughDeleted(recorder: SessionRecorder): void {
    this.heldThoughDeleted.add(recorder);
  }

  isHeldThoughDeleted(recorder: SessionRecorder): boolean {
    return this.heldThoughDeleted.has(recorder);
  }

  /** Ended with no store to save it: no other tab ever had it whole. */
  isUnsaved(recorder: SessionRecorder): boolean {
    return this.unsaved.includes(recorder);
  }

  tookAsFile(recorder: SessionRecorder): void {
    this.takenAsFile.add(recorder);
  }

  wasTakenAsFile(recorder: SessionRecorder): boolean {
    return this.takenAsFile.has(recorder);
  }
}
