// The locks this tab holds or waits on beside the session it records: a heldInMemoryLock on each
// session memory alone holds whole (see unfinished-sessions.ts), so that no other tab offers the
// store's cut-short copy to resume, and the wait for a session live in another tab to be let go,
// once for each, so that what the store then holds of it is read and offered.

import type { SessionRecorder } from '../store/recorder.ts';
import type { HeldSession, Tabs } from './tabs.ts';
import { heldInMemoryLock } from './unfinished-sessions.ts';

export class TabLocks {
  /** Locks of other tabs whose letting go is being waited for. */
  private readonly watching = new Set<string>();
  /** This tab's heldInMemoryLock locks, by the session memory holds. */
  private readonly heldInMemory = new Map<SessionRecorder, Promise<HeldSession | null>>();

  constructor(
    private readonly tabs: Tabs,
    /** Aborted as the page's persistence is disposed of: no wait goes on after. */
    private readonly stopped: AbortSignal,
  ) {}

  /** Runs `then` once no tab holds the lock `name`; one wait at a time for each lock. */
  whenFree(name: string, then: () => Promise<void>): void {
    if (this.watching.has(name)) return;
    this.watching.add(name);
    void this.tabs
      .whenFree(name, this.stopped)
      .then(() => {
        this.watching.delete(name);
        return then();
      })
      .catch(() => undefined);
  }

  /** Holds a heldInMemoryLock on each of `held`, and lets go of those of the sessions not in it. */
  holdInMemory(held: ReadonlySet<SessionRecorder>): void {
    for (const recorder of held) {
      if (!this.heldInMemory.has(recorder))
        this.heldInMemory.set(recorder, this.tabs.hold(heldInMemoryLock(recorder.sessionId)));
    }
    for (const [recorder, lock] of this.heldInMemory) {
      if (held.has(recorder)) continue;
      this.heldInMemory.delete(recorder);
      void lock.then((kept) => kept?.release());
    }
  }

  /** Lets go of every heldInMemoryLock: the page is going. */
  releaseAll(): void {
    for (const lock of this.heldInMemory.values()) void lock.then((held) => held?.release());
    this.heldInMemory.clear();
  }
}
