import { EMPTY } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { TabLocks } from '../../../src/app/tab-locks.ts';
import type { HeldSession, Tabs } from '../../../src/app/tabs.ts';
import type { SessionRecorder } from '../../../src/store/recorder.ts';

/** Tabs whose locks are each freed by hand (free), and whose holds are listed with their release. */
function fakeTabs() {
  const frees = new Map<string, () => void>();
  const held: { name: string; released: boolean }[] = [];
  const tabs: Tabs = {
    messages$: EMPTY,
    post: () => undefined,
    hold: async (name): Promise<HeldSession> => {
      const lock = { name, released: false };
      held.push(lock);
      return { release: () => (lock.released = true), lost: new Promise(() => undefined) };
    },
    liveSessions: async () => new Set(),
    whenFree: vi.fn((name: string) => new Promise<void>((resolve) => frees.set(name, resolve))),
    close: () => undefined,
  };
  const free = (name: string) => frees.get(name)!();
  return { tabs, held, free };
}

const recorderOf = (sessionId: string) => ({ sessionId }) as SessionRecorder;

describe("the locks a tab holds or waits on for other tabs' sessions", () => {
  it('waits once at a time for each lock, and runs what follows once it is free', async () => {
    const { tabs, free } = fakeTabs();
    const locks = new TabLocks(tabs, new AbortController().signal);
    const then = vi.fn(async () => undefined);
    locks.whenFree('live', then);
    locks.whenFree('live', then);
    expect(tabs.whenFree).toHaveBeenCalledTimes(1);
    free('live');
    await vi.waitFor(() => expect(then).toHaveBeenCalledTimes(1));
    // Free again, the lock is waited for again when asked.
    locks.whenFree('live', then);
    expect(tabs.whenFree).toHaveBeenCalledTimes(2);
  });

  it('holds a lock for each session memory holds, lets go of those it no longer does, and of all as the page goes', async () => {
    const { tabs, held } = fakeTabs();
    const locks = new TabLocks(tabs, new AbortController().signal);
    const first = recorderOf('first');
    const second = recorderOf('second');
    locks.holdInMemory(new Set([first, second]));
    locks.holdInMemory(new Set([first, second]));
    expect(held.map((lock) => lock.name)).toEqual(['held:first', 'held:second']);
    locks.holdInMemory(new Set([second]));
    await vi.waitFor(() =>
      expect(held.filter((lock) => lock.released).map((lock) => lock.name)).toEqual(['held:first']),
    );
    locks.releaseAll();
    await vi.waitFor(() => expect(held.every((lock) => lock.released)).toBe(true));
  });
});
