// The store failing in the middle of a session (the browser closed its database), for the tests of
// what the set and the rest say of it.
import { afterEach, expect } from 'vitest';
import { page } from 'vitest/browser';
import { SessionStore } from '../../src/store/session-store.ts';
import { exerciseById } from '../../src/workout/program.ts';
import { type AppShell, mountApp } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

/**
 * The app on the page with a store that opens (`name`), in the first of two sets of the superman, 3
 * reps counted, `restS` of rest after it; `closeStore` does to the store what the browser does to an
 * open database it clears or cannot keep: every transaction on it is refused from then on, the
 * session's next write among them.
 */
async function inASetWithItsStore(
  name: string,
  restS: number,
): Promise<{ mounted: AppShell; closeStore: () => void }> {
  let opened: SessionStore | null = null;
  const mounted = await mountApp({
    start: true,
    openStore: async (asks) => {
      opened = await SessionStore.open({ name, ...asks });
      return opened;
    },
  });
  const { app } = mounted;
  await expect.poll(() => app.persistence.history.state.storage).toBe('saving');
  app.session.reset([{ exercise: exerciseById('superman'), dosage: { sets: 2, target: 10, restS } }]);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Start the set' }).click();
  app.session.adjustCount(3);
  return { mounted, closeStore: () => opened!.close() };
}

/**
 * Closes the store and checks that its problem is said in the room `view` keeps under its number or
 * countdown (`.away-lines`), everything `screen` measures where it was, and told to a screen reader by
 * the notice, as any store problem is.
 */
export async function storeFailureSaidInRoom(
  mounted: AppShell,
  closeStore: () => void,
  view: Element,
  screen: () => string[],
): Promise<void> {
  const { app } = mounted;
  await new Promise(requestAnimationFrame);
  const before = screen();
  closeStore();
  await expect.poll(() => app.persistence.history.state.problem).not.toBeNull();
  const brief = app.persistence.history.state.problem!.brief;
  const line = page.elementLocator(view).getByText(brief);
  await expect.element(line).toBeVisible();
  await expect.poll(screen).toEqual(before);
  const room = view.shadowRoot!.querySelector('.away-lines')!.getBoundingClientRect();
  const words = line.element().getBoundingClientRect();
  expect(words.top).toBeGreaterThanOrEqual(room.top - 0.5);
  expect(words.bottom).toBeLessThanOrEqual(room.bottom + 0.5);
  await expect.element(page.getByRole('alert')).toHaveTextContent(brief);
}

/**
 * For each test of a file, the app laid out at `width` × `height` and in its set with its store (see
 * inASetWithItsStore); after each, the app taken off the page, its store deleted and the page's size
 * put back.
 */
export function inASetWithItsStoreEachTest(
  prefix: string,
): (width: number, height: number, restS: number) => Promise<{ mounted: AppShell; closeStore: () => void }> {
  let mounted: AppShell | null = null;
  let restore: (() => Promise<void>) | null = null;
  const name = `${prefix}-${crypto.randomUUID()}`;
  afterEach(async () => {
    mounted?.remove();
    mounted = null;
    indexedDB.deleteDatabase(name);
    await restore?.();
    restore = null;
  });
  return async (width, height, restS) => {
    restore = await layOutAsTheApp(width, height);
    const inSet = await inASetWithItsStore(name, restS);
    mounted = inSet.mounted;
    return inSet;
  };
}

/** Where each box `selector` picks in `view` is on the page, each named by `nameOf`. */
export function boxesIn(
  view: Element,
  selector: string,
  nameOf: (e: Element) => string | undefined,
): () => string[] {
  return () =>
    [...view.shadowRoot!.querySelectorAll(selector)].map((e) => {
      const b = e.getBoundingClientRect();
      return `${e.localName} ${nameOf(e)}: ${[b.left, b.top + scrollY, b.width, b.height].map((v) => v.toFixed(1)).join(' ')}`;
    });
}
