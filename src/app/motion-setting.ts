// The raw-motion setting as History reads and changes it: how much raw motion each session keeps,
// what a setting would free, and a new setting stored, with what it no longer keeps removed at once.
// The setting and its sizes themselves are motion-retention.ts's.

import type { MotionRetention } from '../store/retention.ts';
import type { MotionUsage, SessionStore } from '../store/session-store.ts';
import type { HistoryModel } from './history-model.ts';
import {
  type FreedMotion,
  motionFreedBy,
  motionRemovedWords,
  readMotionState,
  storeRetention,
} from './motion-retention.ts';
import type { Tabs } from './tabs.ts';

/** What of Persistence the raw-motion setting reads and tells. */
export interface MotionSettingHost {
  readonly history: HistoryModel;
  readonly tabs: Tabs;
  readonly wallNow: () => number;
  /** Works on the usable store, nothing where there is none; a failure is the store's problem. */
  guard(work: (store: SessionStore) => Promise<void>): Promise<void>;
  /**
   * Reads the store where it still answers, a full one too: on a full store the raw motion counted
   * is what the person can free to make room.
   */
  read(work: (store: SessionStore) => Promise<void>): Promise<void>;
  /** Reads the history again, as after any change to the store. */
  refresh(): Promise<void>;
  /** Raw motion was removed: a full store may have room now for what waits to be written. */
  spaceFreed(): void;
}

export class MotionSetting {
  /** Raw motion per session, as last read for the history (load). */
  private usage: readonly MotionUsage[] | null = null;

  constructor(private readonly host: MotionSettingHost) {}

  /** Reads how much raw motion is kept, and the setting, for the history to show. */
  async load(): Promise<void> {
    await this.host.read(async (store) => {
      const { motion, usage } = await readMotionState(store);
      this.usage = usage;
      this.host.history.update({ motion });
    });
  }

  /** What a retention setting would free now (after load). */
  preview(retention: MotionRetention): FreedMotion {
    return motionFreedBy(this.usage ?? [], retention, this.host.wallNow());
  }

  /**
   * Stores the retention setting and removes the raw motion it no longer keeps; the notice is
   * `noticeOf` the words of what was removed (null where nothing was).
   */
  async keepAs(retention: MotionRetention, noticeOf: (removed: string | null) => string): Promise<void> {
    const { history, tabs, wallNow } = this.host;
    // On a full store too: removing raw motion is how History frees room in bulk.
    await this.host.read(async (store) => {
      const freed = await storeRetention(store, retention, wallNow);
      if (freed.sessions > 0) this.host.spaceFreed();
      history.update({ notice: noticeOf(motionRemovedWords(freed)) });
      await this.host.refresh();
      tabs.post({ type: 'changed' });
      await this.load();
    });
  }
}
