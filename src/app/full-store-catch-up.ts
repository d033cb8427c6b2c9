// While storage is full, the sessions that ended meanwhile wait in memory for room (EndedInMemory):
// the store is asked again when it may have some (a write taken, the page back, sessions deleted) and,
// with nothing else to ask it, by a timer once the wait is over; all written, History says it saves.

import { type StoreError, toStoreError } from '../store/errors.ts';
import { FULL_STORE_RETRY_MS, type SessionRecorder } from '../store/recorder.ts';
import type { SessionStore } from '../store/session-store.ts';
import type { EndedInMemory } from './ended-in-memory.ts';

/** How a person makes room for the sessions waiting here, as the screens that tell of them say it. */
export { MAKE_ROOM_IN_HISTORY } from '../store/errors.ts';

/** What of Persistence the catch-up reads and tells. */
export interface CatchUpHost {
  store(): SessionStore | null;
  /** Storage is full: the history's problem is 'quota'. */
  full(): boolean;
  /** The session recorded in this tab now, or null. */
  recording(): SessionRecorder | null;
  readonly endedInMemory: EndedInMemory;
  readonly wallNow: () => number;
  /** The page is being closed: no timer is set from then on. */
  readonly stopped: AbortSignal;
  /** Storage failed for another reason than room. */
  fail(problem: StoreError): void;
  /** All of it written: History says that storage saves again, reads it afresh, and other tabs follow. */
  saving(): Promise<void>;
  /** After each try, written or not: what memory alone holds may have changed. */
  tried(): void;
}

/** Why the full store is asked again (see catchUp). */
export type CatchUpCause = 'room shown' | 'end saved' | 'page back' | 'space freed' | 'retry due';

export class FullStoreCatchUp {
  /** The catch-up under way: one at a time, so that nothing is written twice or out of order. */
  private catchingUp: Promise<void> = Promise.resolve();
  /**
   * Asks the full store again for the sessions waiting for room once the first one's wait is over: no
   * other write may come (the person leaves the summary on screen, or closes the tab).
   */
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * When the full store is next asked with a write of its own, nothing of a session waiting: a
   * FULL_STORE_RETRY_MS after it last refused one (see storeTakesAWrite).
   */
  private askForRoomAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly host: CatchUpHost) {}

  /**
   * The store took a write after it had filled up, or may have room again: the sessions that ended
   * while it was full are written, in the order they ended, each with all it refused of them (their
   * end and a correction on their summary among it), and then what it refused of the session under
   * way. Once all of it is saved, the history says so again; while any of it is refused, it waits for
   * the next try. Each try offers an ended session's hundreds of kilobytes of motion, so a write of
   * the running session ('room shown'), every second and each rep, asks each one only once its own
   * wait is over (see SessionRecorder.catchUp), and so does the timer that asks when that wait is over
   * ('retry due'), whatever else is written or not. A session's own end or a correction on its summary
   * taken ('end saved'), and the page back, perhaps from freeing space in the phone's settings ('page
   * back'), or by deleting sessions in History, here or in another tab ('space freed'), ask at once:
   * rare, and a session ending soon after another is the common case. Back, freed or due, with nothing
   * written, storage is not known to have room.
   */
  catchUp(cause: CatchUpCause): Promise<void> {
    const when = cause === 'retry due' || cause === 'room shown' ? 'when due' : 'now';
    let roomShown = cause === 'room shown' || cause === 'end saved';
    this.catchingUp = this.catchingUp
      .then(async () => {
        const store = this.host.store();
        if (!store || !this.host.full()) return;
        // Nothing of a session waits (the store refused something else, a setting or a merge): a
        // write of its own asks it, on the page back and when due, as a session waiting would.
        const endedInMemory = this.host.endedInMemory;
        if (!roomShown && !endedInMemory.firstWaiting() && !this.host.recording()) {
          if (!(await this.storeTakesAWrite(store))) return;
          roomShown = true;
        }
        while (endedInMemory.firstWaiting()) {
          const ended = endedInMemory.firstWaiting()!;
          const saved = await ended.catchUp(when);
          // Deleted while it was being written: in History here (SessionDeletes.forgetEnded has taken
          // it out of the line already, so the line's first is another session now), or in another
          // tab, whose message is on its way. Nothing of it is written again, nor kept for a file.
          if (endedInMemory.isDeleted(ended) || ended.letGo) {
            endedInMemory.leaveLine(ended);
            continue;
          }
          // Still full: it waits for the next try, first in line.
          if (ended.failure?.kind === 'quota') return;
          endedInMemory.leaveLine(ended);
          // Resumed in another tab meanwhile, from what was saved of it: that tab records it now.
          if (ended.failure?.kind === 'moved') continue;
          if (!saved) {
            // Failed for good, as a session failed while it runs: said as such, and kept in memory,
            // with those waiting after it (see CatchUpHost.fail).
            endedInMemory.failedToCatchUp(ended);
            if (ended.failure) this.host.fail(ended.failure);
            return;
          }
          roomShown = true;
          // Its one-second chunks merged, as a session that ended with room is; room to spare only.
          await store.compact(ended.sessionId).catch(() => undefined);
        }
        const recorder = this.host.recording();
        if (recorder && !(await recorder.catchUp(when))) return;
        // Read again: the session under way may have ended while its catch-up was written.
        if (!roomShown && !this.host.recording()) return;
        await this.host.saving();
      })
      .finally(() => {
        this.host.tried();
        this.retryWhenDue();
      });
    return this.catchingUp;
  }

  /**
   * Whether the full store takes a write of its own now; refused for want of room, it is asked again
   * once FULL_STORE_RETRY_MS is over, as a session waiting for room is. Refused for another reason, it
   * has failed, and says so.
   */
  private async storeTakesAWrite(store: SessionStore): Promise<boolean> {
    try {
      await store.takesAWrite();
      return true;
    } catch (error) {
      const problem = toStoreError(error);
      if (problem.kind === 'quota') this.askForRoomAt = this.host.wallNow() + FULL_STORE_RETRY_MS;
      else this.host.fail(problem);
      return false;
    }
  }

  /**
   * While storage is full, one timer asks it again once the wait is over: for the first session that
   * ended while it was full and waits for room, or with nothing of a session waiting, with a write of
   * its own (the store refused a setting, a merge). None while a session is under way and nothing
   * waits (its own writes ask the store, when due), once storage has room or has failed for another
   * reason, or once the page is being closed (stop).
   */
  retryWhenDue(): void {
    if (this.retryTimer !== null || this.host.stopped.aborted) return;
    if (!this.host.full()) return;
    const first = this.host.endedInMemory.firstWaiting();
    if (!first && this.host.recording()) return;
    const dueAt = first ? first.retryAt : this.askForRoomAt;
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        void this.catchUp('retry due');
      },
      Math.max(0, dueAt - this.host.wallNow()),
    );
  }
  /**
   * The store refused a write for want of room: asked again once the wait is over, whatever it
   * refused, so that "Storage is full" goes once there is room though nothing of a session waits and
   * the person does nothing.
   */
  refused(): void {
    this.askForRoomAt = this.host.wallNow() + FULL_STORE_RETRY_MS;
    this.retryWhenDue();
  }

  /** The catch-up under way, if any, is over. */
  settled(): Promise<void> {
    return this.catchingUp;
  }

  /** The page is being closed: the timer asks no more. */
  stop(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
