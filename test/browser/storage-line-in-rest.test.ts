// The store failing in a rest between sets (the browser closed its database): a line says the session
// is no longer being saved, in the room the rest keeps under its countdown.
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT } from './mount.ts';
import { boxesIn, inASetWithItsStoreEachTest, storeFailureSaidInRoom } from './store-failing-in-session.ts';

describe('a rest on screen as the store fails', () => {
  const inASetAt = inASetWithItsStoreEachTest('storage-line-in-rest');

  // The line over the rest, in the app's notices, took its heading, countdown and every button down
  // 21 px on a laptop, 43 px on a phone on its side, 64 px on a 360×640 phone (its ring from 191 to
  // 127 px) and 70 px at 180×320.
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    "says at %i × %i that the session is not being saved, in the room kept under the rest's countdown, the heading, the countdown and every button where they were",
    async (width, height) => {
      const { mounted, closeStore } = await inASetAt(width, height, 600);
      mounted.app.session.skip(); // into the rest after the set
      await expect.element(page.getByRole('heading', { name: 'Rest' })).toBeVisible();
      const view = mounted.shell.shadowRoot!.querySelector('bb-rest-view')!;
      // Boxes named by their labels, not their words: the countdown's digits change each second.
      const screen = boxesIn(
        view,
        'button, h2, bb-progress-ring',
        (e) => e.getAttribute('aria-label') ?? e.textContent?.trim(),
      );
      await storeFailureSaidInRoom(mounted, closeStore, view, screen);
    },
  );
});
