// The unfinished sessions on offer: those no tab records are offered to resume, one another tab
// records is shown as such and watched so that it is offered once that tab goes, and one resumed goes
// on exactly where it was, while one left is closed where it stopped.

import type { SessionRow, SetRow } from '../store/records.ts';
import type { SessionStore } from '../store/session-store.ts';
import { anySetDone } from '../workout/set-outcomes.ts';
import { endInterrupted } from './end-interrupted.ts';
import type { Handover } from './handover.ts';
import type { HistoryModel } from './history-model.ts';
import { resumable } from './resume-policy.ts';
import type { SessionRecording } from './session-recording.ts';
import type { TabLocks } from './tab-locks.ts';
import type { Tabs } from './tabs.ts';
import {
  heldInMemoryLock,
  liveSessionsNotActive,
  refusedFromTheFirstWrite,
  unfinishedByTab,
  unfinishedOffer,
} from './unfinished-sessions.ts';

/** What of Persistence the offer reads and changes. */
export interface UnfinishedOfferHost {
  readonly history: HistoryModel;
  readonly tabs: Tabs;
  readonly locks: TabLocks;
  readonly handover: Handover;
  readonly recording: SessionRecording;
  readonly wallNow: () => number;
  /** The store opened, failed or not; null before it opens, or where there is none. */
  store(): SessionStore | null;
  /** Works on the usable store, nothing where there is none; a failure is the store's problem. */
  guard(work: (store: SessionStore) => Promise<void>): Promise<void>;
  /** Reads the history again, as after any change to the store. */
  refresh(): Promise<void>;
  /** Progression's past sessions gain one closed where it stopped. */
  rememberPast(session: Pick<SessionRow, 'id' | 'startedAt' | 'plan'>, sets: readonly SetRow[]): void;
}

export class UnfinishedOffer {
  constructor(private readonly host: UnfinishedOfferHost) {}

  /** Goes on with the unfinished session exactly where it was. */
  async resume(): Promise<void> {
    const { history, tabs, recording } = this.host;
    const unfinished = history.state.unfinished;
    if (!this.host.store() || !unfinished || recording.current) return;
    // Left too long ago (the offer may have stood on screen for hours): it is only kept as it is.
    if (!resumable(unfinished, this.host.wallNow())) return this.lookForUnfinished();
    const held = await tabs.hold(unfinished.id, { ifAvailable: true });
    // Another tab took it up meanwhile: it is live there, not interrupted.
    if (!held) return this.lookForUnfinished();
    await recording.resumeHeld(unfinished.id, held);
  }

  /** Leaves the unfinished session as it is, ended where it stopped, and starts afresh. */
  async discardUnfinished(): Promise<void> {
    const unfinished = this.host.history.state.unfinished;
    this.host.history.update({ unfinished: null });
    if (!unfinished) return;
    await this.closeUnfinished(unfinished);
    await this.host.refresh();
    this.host.tabs.post({ type: 'changed' });
  }

  /**
   * What the store holds unfinished: the sessions no tab records are offered to resume; one that
   * another tab records is shown as such, and watched so that if that tab goes away, it is offered.
   */
  async lookForUnfinished(): Promise<void> {
    const { history, tabs, locks, handover, recording } = this.host;
    await this.host.guard(async (store) => {
      const [active, live] = await Promise.all([store.unfinishedSessions(), tabs.liveSessions()]);
      const byTab = unfinishedByTab(active, live, recording.current?.sessionId);
      const offer = await unfinishedOffer(store, byTab, this.host.wallNow);
      // "Recorded there now" holds while the tab it moved to records it: not once it has ended there,
      // nor once that tab has gone (it is interrupted then, and offered to resume).
      const movedAway = history.state.movedAway && handover.recordedWhereItMoved(live);
      // Recorded in a tab whose every write a full store refused: no row tells of it, its locks alone.
      const candidates = refusedFromTheFirstWrite(
        liveSessionsNotActive(live, active, recording.current?.sessionId),
        live,
      );
      const stored = await Promise.all(candidates.map((id) => store.getSession(id)));
      const unsaved = candidates.filter((_, i) => stored[i] === undefined);
      history.update({ ...offer, movedAway, unsavedElsewhere: unsaved.length > 0 });
      for (const id of unsaved) locks.whenFree(id, () => this.lookForUnfinished());
      const { elsewhere } = byTab;
      // Its tab gone, what the store has of it is all there is: offered then.
      for (const session of byTab.inMemoryElsewhere) {
        locks.whenFree(heldInMemoryLock(session.id), () => this.lookForUnfinished());
      }
      if (elsewhere) {
        locks.whenFree(elsewhere.id, async () => {
          // Its last write is in the store now: History lists it as it was left.
          await this.host.refresh();
          return this.lookForUnfinished();
        });
      }
    });
  }

  private async closeUnfinished(row: SessionRow): Promise<void> {
    await this.host.guard(async (store) => {
      const bundle = await store.loadBundle(row.id);
      if (!bundle) return;
      const ended = endInterrupted(bundle);
      const sets = [...bundle.sets, ...ended.sets];
      // Interrupted before a set was done: nothing to keep, as for a session finished so.
      if (!anySetDone(sets)) return store.deleteSession(row.id);
      // Deleted in another tab since it was read (History there, or Delete all): not written back,
      // nor counted among the sessions before.
      if (!(await store.write({ session: ended.session, sets: ended.sets, onlyIfStored: true }))) return;
      await store.compact(row.id);
      this.host.rememberPast(ended.session, sets);
    });
  }
}
