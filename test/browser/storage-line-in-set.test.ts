// The store failing in the middle of a set (the browser closed its database): a line says the session
// is no longer being saved, where the count is read from the mat.
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import type { AppShell } from './app-shell.ts';
import { layOutAsTheApp, PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT } from './mount.ts';
import { inASetWithItsStore, storeFailureSaidInRoom } from './store-failing-in-session.ts';

describe('a set on screen as the store fails', () => {
  let mounted: AppShell | null = null;
  let restore: (() => Promise<void>) | null = null;
  const name = `storage-line-in-set-${crypto.randomUUID()}`;

  afterEach(async () => {
    mounted?.remove();
    mounted = null;
    indexedDB.deleteDatabase(name);
    await restore?.();
    restore = null;
  });

  // The line over the set, in the app's notices, took the set's heading, count and every button down
  // 21–70 px as it came.
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    "says at %i × %i that the session is not being saved, in the room kept under the set's number, the heading, the count and every button where they were",
    async (width, height) => {
      restore = await layOutAsTheApp(width, height);
      const inSet = await inASetWithItsStore(name, 30);
      mounted = inSet.mounted;
      const view = mounted.shell.shadowRoot!.querySelector('bb-set-view')!;
      await expect
        .element(page.getByRole('progressbar', { name: 'Reps' }))
        .toHaveAttribute('aria-valuenow', '3');
      const screen = () =>
        [...view.shadowRoot!.querySelectorAll('button, h2, bb-progress-ring, .face')].map((e) => {
          const b = e.getBoundingClientRect();
          return `${e.localName} ${e.textContent?.trim()}: ${[b.left, b.top + scrollY, b.width, b.height].map((v) => v.toFixed(1)).join(' ')}`;
        });
      await storeFailureSaidInRoom(mounted, inSet.closeStore, view, screen);
    },
  );
});
