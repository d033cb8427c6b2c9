// Several tabs of the app at once: which one records a session, and word between them. A session is
// recorded by the one tab holding its Web Lock (named after the session); other tabs see the lock
// held and offer to move the session rather than to resume it. The lock goes when its tab closes,
// crashes or hands the session over, so a lock that is free means nobody is recording it.
// BroadcastChannel carries the news (a session recorded, stopped, asked for, deleted, or the history
// changed).

import { EMPTY, fromEvent, map, type Observable } from 'rxjs';

export type TabMessage =
  /** A tab began recording the session (started, resumed or moved it). */
  | { readonly type: 'recording'; readonly sessionId: string }
  /** A tab stopped recording the session (it ended, or it moved to another tab). */
  | { readonly type: 'stopped'; readonly sessionId: string }
  /** A tab asks the one recording the session to hand it over. */
  | { readonly type: 'move'; readonly sessionId: string }
  /** Sessions were saved or imported: the history should be read again. */
  | { readonly type: 'changed' }
  /**
   * The session was deleted: the history should be read again, and a tab that recorded it lets go
   * of it in memory too.
   */
  | { readonly type: 'deleted'; readonly sessionId: string }
  /** Every session was deleted (see 'deleted'). */
  | { readonly type: 'deleted-all' };

/** A session's lock, held by this tab. */
export interface HeldSession {
  release(): void;
  /** Settles if another tab takes the lock by force (it waited for this one in vain). */
  readonly lost: Promise<void>;
}

export interface HoldOptions {
  /** Take it only if no other tab holds it or waits for it. */
  readonly ifAvailable?: boolean;
  /** Take it from the tab that holds it. */
  readonly steal?: boolean;
  readonly signal?: AbortSignal;
}

export interface Tabs {
  readonly messages$: Observable<TabMessage>;
  post(message: TabMessage): void;
  /** The session's lock; null when `ifAvailable` and another tab has it. Rejects when aborted. */
  hold(sessionId: string, options?: HoldOptions): Promise<HeldSession | null>;
  /** The sessions whose lock some tab (this one included) holds now. */
  liveSessions(): Promise<Set<string>>;
  /** Settles once no tab holds the session's lock: its tab ended it, handed it over or went away. */
  whenFree(sessionId: string, signal?: AbortSignal): Promise<void>;
  close(): void;
}

const LOCK_PREFIX = 'backbeat-session:';
const CHANNEL = 'backbeat';

/** Tabs through the browser's Web Locks and BroadcastChannel; null where either is missing. */
export function browserTabs(): Tabs | null {
  if (typeof navigator === 'undefined' || !navigator.locks || typeof BroadcastChannel === 'undefined') {
    return null;
  }
  const locks = navigator.locks;
  const channel = new BroadcastChannel(CHANNEL);
  return {
    messages$: fromEvent<MessageEvent<TabMessage>>(channel, 'message').pipe(map((event) => event.data)),
    post: (message) => {
      try {
        channel.postMessage(message);
      } catch {
        // Closed as this page goes away: there is no tab left to tell from here.
      }
    },
    hold: (sessionId, options = {}) =>
      new Promise((resolve, reject) => {
        let release!: () => void;
        const released = new Promise<void>((r) => (release = r));
        let lose!: () => void;
        const lost = new Promise<void>((r) => (lose = r));
        let granted = false;
        const { ifAvailable, steal, signal } = options;
        locks
          .request(
            LOCK_PREFIX + sessionId,
            {
              mode: 'exclusive',
              ...(ifAvailable ? { ifAvailable } : {}),
              ...(steal ? { steal } : {}),
              signal,
            },
            async (lock) => {
              if (!lock) return resolve(null);
              granted = true;
              resolve({ release, lost });
              await released;
            },
          )
          // Once granted, the request only fails when another tab steals the lock.
          .catch((error: unknown) => (granted ? lose() : reject(error)));
      }),
    liveSessions: async () => {
      const { held = [] } = await locks.query();
      return new Set(
        held.flatMap((lock) =>
          lock.name?.startsWith(LOCK_PREFIX) ? [lock.name.slice(LOCK_PREFIX.length)] : [],
        ),
      );
    },
    whenFree: async (sessionId, signal) => {
      await locks.request(LOCK_PREFIX + sessionId, { mode: 'exclusive', signal }, () => undefined);
    },
    close: () => channel.close(),
  };
}

/** One tab alone (no Web Locks here): it records whatever it resumes. */
export const SINGLE_TAB: Tabs = {
  messages$: EMPTY,
  post: () => undefined,
  hold: async () => ({ release: () => undefined, lost: new Promise(() => undefined) }),
  liveSessions: async () => new Set(),
  whenFree: () => new Promise(() => undefined),
  close: () => undefined,
};
