// Deleting sessions, one or all, here or in another tab: the store deletes them while it takes
// deletes (saving, or full, where deleting frees the room a person wants), and memory lets go of what
// it held of them, so that neither a file, a backup nor a correction on a summary brings them back.

import { deleteFailed, StoreError, toStoreError } from '../store/errors.ts';
import type { SessionStore } from '../store/session-store.ts';
import type { EndedInMemory } from './ended-in-memory.ts';
import type { FullStoreCatchUp } from './full-store-catch-up.ts';
import { anyBeingRecorded, type HistoryModel, keptInMemoryOnly } from './history-model.ts';
import type { SessionRecording } from './session-recording.ts';
import type { Tabs } from './tabs.ts';

/** What of Persistence a delete reads and changes. */
export interface DeletesHost {
  readonly history: HistoryModel;
  readonly tabs: Tabs;
  readonly recording: SessionRecording;
  readonly endedInMemory: EndedInMemory;
  readonly fullStore: FullStoreCatchUp;
  /** The store to delete from (see Persistence.readableStore): a full store takes deletes. */
  readableStore(): SessionStore | null;
  /** Storage failed: the history says so, and memory keeps what the store does not. */
  fail(problem: StoreError): void;
  /** Reads the history again, as after any change to the store. */
  refresh(): Promise<void>;
  /** Progression's past sessions lose the one deleted, or all of them (id null). */
  forgetPast(id: string | null): void;
  /** Whether this tab or another is recording the session now. */
  isBeingRecorded(id: string): boolean;
  /** Holds or lets go of the locks on what memory alone holds (see SessionsInMemory.holdLocks). */
  holdWhatMemoryHolds(): void;
}

/**
 * The summary of a session another tab deleted while memory alone held it whole here, once storage
 * has room again: the store has none of it, and this tab's copy goes when the tab closes.
 */
export const HELD_THOUGH_DELETED_AT_SUMMARY =
  'Deleted in another tab: this session is kept in this tab alone. Save it as a file below to keep it.';

/** What becomes of the session that ended last here when sessions are deleted (see forgetEnded). */
export type EndedOnDelete = 'kept' | 'not written back' | 'let go';

/**
 * The session that ended last here, `deleted` or not, still `recorded` or not, and `unsaved` where
 * the store never had it whole; its summary `shown` or not, and kept `inMemoryOnly` while storage
 * does not save. One deleted in another tab that this tab holds whole in memory alone was not what
 * that tab deleted (its store had at most a part of it): its summary and its file stay. Nor is a
 * summary that says the session was not kept (no set done) told otherwise. Deleted here, memory's
 * whole copy was what History listed: it goes.
 */
export function endedOnDelete(
  ended: { readonly deleted: boolean; readonly recorded: boolean; readonly unsaved: boolean },
  summary: { readonly shown: boolean; readonly inMemoryOnly: boolean },
  deletedHere: boolean,
): EndedOnDelete {
  if (!ended.deleted || ended.recorded || ended.unsaved) return 'kept';
  if (!summary.shown || (!deletedHere && summary.inMemoryOnly)) return 'not written back';
  return 'let go';
}

export class SessionDeletes {
  constructor(private readonly host: DeletesHost) {}

  async deleteSession(id: string): Promise<void> {
    const { history, tabs } = this.host;
    if (this.host.isBeingRecorded(id)) {
      history.update({ notice: 'That session is being recorded: it can be deleted once it has ended.' });
      return;
    }
    await this.deleteFromStore('session', (store) => store.deleteSession(id));
    this.host.forgetPast(id);
    this.forgetEnded((ended) => ended === id, { deletedHere: true });
    // Told before the history is read again, which years of sessions make slow: a correction on
    // the session's summary in another tab meanwhile would write it back.
    tabs.post({ type: 'deleted', sessionId: id });
    await this.host.refresh();
    history.update({ notice: 'Session deleted.' });
    // Deleting old sessions is how a person makes room: the sessions waiting for it are written now.
    void this.host.fullStore.catchUp('space freed');
  }

  async deleteAll(): Promise<void> {
    const { history, tabs } = this.host;
    if (anyBeingRecorded(history.state)) {
      history.update({
        notice: 'A session is being recorded: all sessions can be deleted once it has ended.',
      });
      return;
    }
    await this.deleteFromStore('all', (store) => store.deleteAll());
    this.host.forgetPast(null);
    this.forgetEnded(() => true, { deletedHere: true });
    // Told at once, as for one session deleted.
    tabs.post({ type: 'deleted-all' });
    await this.host.refresh();
    history.update({ notice: 'All sessions deleted.', unfinished: null });
    void this.host.fullStore.catchUp('space freed');
  }

  /**
   * Sessions deleted in another tab: this tab lets go of what it held of them (forgetEnded), and asks
   * a full store again at once, as a delete here does: the sessions still waiting for room here are
   * written now, where they waited up to FULL_STORE_RETRY_MS for their own retry, and with none
   * waiting, storage is said to save again. Those deleted have left the line for room first, so that
   * nothing of them is written back; and the word comes once the delete is committed (deleteSession),
   * so that the room is there.
   */
  deletedElsewhere(deleted: (sessionId: string) => boolean): void {
    this.forgetEnded(deleted);
    void this.host.fullStore.catchUp('space freed');
  }

  /**
   * The session that ended last in this tab, deleted (here or in another tab), is let go from memory
   * too: kept there, it was still offered as a file from its summary and, storage failing later, in a
   * backup, and a correction on its summary wrote it back into the history. One still being recorded
   * is never deleted (deleteSession refuses it), so only one that has ended is let go. One this tab
   * holds in memory alone, storage having failed, is not what another tab deleted: the store had at
   * most a part of it, and memory has the only copy, still offered as a file and asked for before
   * closing. Deleted here (deletedHere), it is: this History listed memory's whole copy of it.
   * Nor is one that was never kept, having no set done: its summary already says so, not that it
   * was deleted. Neither is written back, though, when storage has room again: it was deleted. The
   * first is still held in memory alone then, and its summary says so (HELD_THOUGH_DELETED_AT_SUMMARY).
   * Sessions that ended before it and wait in memory alone, for room or after storage failed
   * (EndedInMemory.letGoOfDeleted), are let go: no summary of theirs is on screen, and a backup taking them would bring
   * them back on restore. Not those that ended with no store to save them: no other tab
   * ever had them whole, and its Delete all did not mean them.
   */
  forgetEnded(
    deleted: (sessionId: string) => boolean,
    options: { readonly deletedHere: boolean } = { deletedHere: false },
  ): void {
    this.letGoOfEnded(deleted, options);
    this.host.holdWhatMemoryHolds();
  }

  /** See forgetEnded. */
  private letGoOfEnded(
    deleted: (sessionId: string) => boolean,
    { deletedHere }: { readonly deletedHere: boolean },
  ): void {
    const { endedInMemory, recording, history } = this.host;
    endedInMemory.letGoOfDeleted(deleted);
    const ended = recording.last;
    if (!ended) return;
    const outcome = endedOnDelete(
      {
        deleted: deleted(ended.sessionId),
        recorded: ended === recording.current,
        unsaved: endedInMemory.isUnsaved(ended),
      },
      { shown: history.state.hasCurrent, inMemoryOnly: keptInMemoryOnly(history.state) },
      deletedHere,
    );
    if (outcome === 'kept') return;
    // Kept in memory or not, it is never written back, storage full or not.
    endedInMemory.markDeleted(ended);
    if (outcome === 'not written back') {
      // Its summary on screen, memory holds its only whole copy, and goes on holding it once storage
      // has room again: it is still asked for before closing, and a backup takes it.
      if (history.state.hasCurrent) endedInMemory.holdThoughDeleted(ended);
      return;
    }
    recording.forgetLast();
    history.update({ hasCurrent: false, endedSessionDeleted: true });
  }

  /**
   * Deletes from the store while it takes deletes: saving, or full, where deleting frees the room a
   * person wants. Refused (storage off, failed) or failed now, the person is told in words that
   * nothing was deleted, and a store that failed is said to have failed.
   */
  private async deleteFromStore(
    what: 'session' | 'all',
    work: (store: SessionStore) => Promise<void>,
  ): Promise<void> {
    const store = this.host.readableStore();
    if (!store) throw deleteFailed(this.host.history.state.problem ?? new StoreError('unavailable'), what);
    try {
      await work(store);
    } catch (error) {
      const problem = toStoreError(error);
      this.host.fail(problem);
      throw deleteFailed(problem, what);
    }
  }
}
