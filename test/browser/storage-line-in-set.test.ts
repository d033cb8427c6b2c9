// The store failing in the middle of a set (the browser closed its database): a line says the session
// is no longer being saved, where the count is read from the mat.
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT } from './mount.ts';
import { boxesIn, inASetWithItsStoreEachTest, storeFailureSaidInRoom } from './store-failing-in-session.ts';

describe('a set on screen as the store fails', () => {
  const inASetAt = inASetWithItsStoreEachTest('storage-line-in-set');

  // The line over the set, in the app's notices, took the set's heading, count and every button down
  // 21–70 px as it came.
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    "says at %i × %i that the session is not being saved, in the room kept under the set's number, the heading, the count and every button where they were",
    async (width, height) => {
      const { mounted, closeStore } = await inASetAt(width, height, 30);
      const view = mounted.shell.shadowRoot!.querySelector('bb-set-view')!;
      await expect
        .element(page.getByRole('progressbar', { name: 'Reps' }))
        .toHaveAttribute('aria-valuenow', '3');
      const screen = boxesIn(view, 'button, h2, bb-progress-ring, .face', (e) => e.textContent?.trim());
      await storeFailureSaidInRoom(mounted, closeStore, view, screen);
    },
  );
});
