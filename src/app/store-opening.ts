// Opening the store, which an older tab may hold: the open then waits for that tab to let go, memory
// keeping the sessions meanwhile, and writing them into the store once it opens. And asking the
// browser to keep the store when space runs low.

import { StoreError } from '../store/errors.ts';
import type { SessionRecorder } from '../store/recorder.ts';
import type { OpenOptions } from '../store/schema.ts';
import { SessionStore } from '../store/session-store.ts';
import type { EndedInMemory } from './ended-in-memory.ts';

/** What Persistence asks of the store it opens (see OpenOptions). */
export type StoreAsks = Required<Pick<OpenOptions, 'onVersionChange' | 'onBlocked'>>;

/** Opens the store: IndexedDB by default (see PersistenceOptions.openStore). */
export type OpenStore = (asks: StoreAsks) => Promise<SessionStore>;

/**
 * Starts opening the store with `open`; `onVersionChange` is told when a newer version opened in
 * another tab closes it. `first` is the store, or 'blocked' where an older tab holds it first;
 * `opening` is the store once it has opened, blocked first or not.
 */
export function startOpening(
  open: OpenStore | undefined,
  onVersionChange: () => void,
): { readonly opening: Promise<SessionStore>; readonly first: Promise<SessionStore | 'blocked'> } {
  let blocked!: () => void;
  const blockedNow = new Promise<'blocked'>((resolve) => (blocked = () => resolve('blocked')));
  const opening = (open ?? ((asks: StoreAsks) => SessionStore.open(asks)))({
    onVersionChange,
    onBlocked: blocked,
  });
  return { opening, first: Promise.race([opening, blockedNow]) };
}

/**
 * Writes each of `held`, the sessions memory kept while an older tab held the store, whole into it,
 * in the order they were recorded. Refused for want of room, each waits for room as one that ended
 * while it was full does; refused for another reason, the rest are not offered, and that failure is
 * the store's. Saved or waiting, none is memory's to hold as never offered any more.
 */
export async function saveHeldOnOpen(
  store: SessionStore,
  held: readonly SessionRecorder[],
  endedInMemory: EndedInMemory,
): Promise<{ readonly failed: StoreError } | { readonly refused: SessionRecorder[] }> {
  const refused: SessionRecorder[] = [];
  for (const recorder of held) {
    const saved = await recorder.saveTo(store);
    if (!saved && recorder.failure?.kind !== 'quota')
      return { failed: recorder.failure ?? new StoreError('unknown') };
    if (!saved) refused.push(recorder);
    endedInMemory.offered(recorder);
  }
  return { refused };
}

/**
 * Asks the browser to keep the data even when space runs low; without this a browser may evict the
 * site's storage. Chromium decides by itself (an installed app or a bookmarked site is granted).
 */
export async function askToPersist(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}
