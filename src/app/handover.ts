// Handing the session this tab records to another tab: asked to by that tab ('move'), refused a
// write because that tab claimed it, or its lock taken by force when this tab did not answer in
// time. The last second is saved, the lock let go, and this tab says where the session went. And
// the other side: taking here the session another tab records.

import type { SessionRecorder } from '../store/recorder.ts';
import type { HistoryModel } from './history-model.ts';
import type { HeldSession, Tabs } from './tabs.ts';

/** What of Persistence a handover needs. */
export interface HandoverHost {
  readonly tabs: Tabs;
  readonly history: HistoryModel;
  /** The session this tab records now, if any. */
  recording(): SessionRecorder | null;
  /** Stops recording here: the session's subscriptions and its lock let go. */
  detach(): void;
  /** Stops the running session on this page. */
  resetSession(): void;
}

/** How long a tab asked for its session has to save and let go before the lock is taken from it. */
const MOVE_WAIT_MS = 5000;

export class Handover {
  /** The session this tab last handed over to another (see movedAway). */
  private movedSessionId: string | null = null;

  constructor(private readonly host: HandoverHost) {}

  /** Whether the session handed over is still recorded in the tab it moved to (its lock in `live`). */
  recordedWhereItMoved(live: ReadonlySet<string>): boolean {
    return this.movedSessionId !== null && live.has(this.movedSessionId);
  }

  /**
   * Takes the session `sessionId` another tab is recording, and goes on with it here (`resume`): that
   * tab saves and lets go (or, if it does not answer in time, the lock is taken from it and its
   * writes are refused from then on).
   */
  async takeHere(sessionId: string, resume: (held: HeldSession) => Promise<void>): Promise<void> {
    this.host.history.update({ moving: true });
    try {
      this.host.tabs.post({ type: 'move', sessionId });
      const held =
        (await this.host.tabs
          .hold(sessionId, { signal: AbortSignal.timeout(MOVE_WAIT_MS) })
          .catch(() => null)) ?? (await this.host.tabs.hold(sessionId, { steal: true }));
      await resume(held!);
    } finally {
      this.host.history.update({ moving: false });
    }
  }

  /** Another tab asks for the session `sessionId`: handed over if it is the one recorded here. */
  async moveAsked(sessionId: string): Promise<void> {
    if (sessionId === this.host.recording()?.sessionId) await this.handOver();
  }

  /** Another tab takes the session: the last second is saved, the lock let go, and this tab says so. */
  async handOver(): Promise<void> {
    const recorder = this.host.recording();
    if (!recorder) return;
    this.host.detach();
    // The session model stops before the last write: a state it emitted while that write is under way
    // would find no recorder and start a new session in this tab.
    this.movedSessionId = recorder.sessionId;
    this.host.history.update({ movedAway: true });
    this.host.resetSession();
    // Refused harmlessly when the other tab has already claimed the session.
    await recorder.flush();
    this.host.tabs.post({ type: 'stopped', sessionId: recorder.sessionId });
  }

  /** The lock taken by force (the tab did not answer in time): the session is no longer ours. */
  handOverIfLost(recorder: SessionRecorder, held: HeldSession): void {
    void held.lost.then(() => {
      if (this.host.recording() === recorder) return this.handOver();
    });
  }
}
