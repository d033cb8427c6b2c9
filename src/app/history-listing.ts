// What History lists, read again after any change to the store (here or in another tab): as many
// sessions as it shows, the count and the charts, progression's past sessions with them; while
// storage is full, what a backup holds (see readHistoryWhileFull). And its next page when asked.

import type { SessionRow } from '../store/records.ts';
import type { SessionStore } from '../store/session-store.ts';
import { HISTORY_PAGE, type HistoryModel, type HistoryState } from './history-model.ts';
import {
  nextPageWhileFull,
  readHistory,
  readHistoryWhileFull,
  sessionsOfItsMinuteAfter,
} from './history-reading.ts';
import type { PastSessions } from './past-sessions.ts';
import type { SessionsInMemory } from './sessions-in-memory.ts';

/** What of Persistence the listing reads. */
export interface ListingHost {
  readonly history: HistoryModel;
  readonly past: PastSessions;
  readonly inMemory: SessionsInMemory;
  /** The store to read from while storage is full (see Persistence.readableStore). */
  readableStore(): SessionStore | null;
  /**
   * Works on `store`, by default the usable one, nothing where there is none; a failure is the
   * store's problem (see Persistence.guard).
   */
  guard(work: (store: SessionStore) => Promise<void>, store?: SessionStore | null): Promise<void>;
  /** Reads how much raw motion is kept, for the history to show beside the sessions. */
  loadMotion(): Promise<void>;
}

export class HistoryListing {
  constructor(private readonly host: ListingHost) {}

  /** The history's first pages (as many sessions as were shown), the count and the charts. */
  async refresh(): Promise<void> {
    const { history } = this.host;
    if (history.state.problem?.kind === 'quota') return this.listWhileFull();
    await this.host.guard(async (store) => history.update(await this.readHistory(store)));
    // Once the space raw motion takes is on screen, it follows the sessions listed beside it.
    if (history.state.motion) await this.host.loadMotion();
  }

  /** What History lists and charts, read from the store; progression's past sessions with them. */
  async readHistory(store: SessionStore): Promise<Partial<HistoryState>> {
    const { listed, past } = await readHistory(store, this.sessionsShown());
    this.host.past.readWith(past);
    return listed;
  }

  /** The next page of older sessions into the history. */
  async showMoreSessions(): Promise<void> {
    const { history, inMemory } = this.host;
    if (history.state.problem?.kind === 'quota') {
      // Listed as a backup holds them (listWhileFull): the page's sessions that memory holds whole.
      await this.host.guard(async (store) => {
        const { sessions } = history.state;
        const more = await nextPageWhileFull(store, HISTORY_PAGE, sessions.at(-1), inMemory.all());
        history.update(await withItsMinute(store, [...sessions, ...more]));
      }, this.host.readableStore());
      return;
    }
    await this.host.guard(async (store) => {
      const { sessions } = history.state;
      const more = await store.pageOfSessions(HISTORY_PAGE, sessions.at(-1));
      history.update(await withItsMinute(store, [...sessions, ...more]));
    });
  }

  /**
   * While storage is full, History lists and counts what a backup holds (see readHistoryWhileFull).
   * The charts and the plan's past sessions stay as last read, those ended since remembered
   * (PastSessions.remember): the store has not all of them to read.
   */
  private async listWhileFull(): Promise<void> {
    await this.host.guard(async (store) => {
      this.host.history.update(
        await readHistoryWhileFull(store, this.sessionsShown(), this.host.inMemory.all()),
      );
    }, this.host.readableStore());
  }

  /** As many sessions as History shows: its first page, or the pages it was asked for. */
  private sessionsShown(): number {
    return Math.max(HISTORY_PAGE, this.host.history.state.sessions.length);
  }
}

/** The sessions listed, and those of the last one's minute on the page after them (see sessionsOfItsMinuteAfter). */
async function withItsMinute(
  store: SessionStore,
  sessions: readonly SessionRow[],
): Promise<Pick<HistoryState, 'sessions' | 'unlistedOfLastMinute'>> {
  return { sessions, unlistedOfLastMinute: await sessionsOfItsMinuteAfter(store, sessions.at(-1)) };
}
