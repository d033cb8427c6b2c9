// The store failing in a rest between sets (the browser closed its database): a line says the session
// is no longer being saved, in the room the rest keeps under its countdown.
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { SessionStore } from '../../src/store/session-store.ts';
import { exerciseById } from '../../src/workout/program.ts';
import { type AppShell, mountApp } from './app-shell.ts';
import { layOutAsTheApp, PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT } from './mount.ts';

describe('a rest on screen as the store fails', () => {
  let mounted: AppShell | null = null;
  let restore: (() => Promise<void>) | null = null;
  const name = `storage-line-in-rest-${crypto.randomUUID()}`;

  afterEach(async () => {
    mounted?.remove();
    mounted = null;
    indexedDB.deleteDatabase(name);
    await restore?.();
    restore = null;
  });

  // The line over the rest, in the app's notices, took its heading, countdown and every button down
  // as it came.
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    "says at %i × %i that the session is not being saved, in the room kept under the rest's countdown, the heading, the countdown and every button where they were",
    async (width, height) => {
      restore = await layOutAsTheApp(width, height);
      let opened: SessionStore | null = null;
      mounted = await mountApp({
        start: true,
        openStore: async (asks) => {
          opened = await SessionStore.open({ name, ...asks });
          return opened;
        },
      });
      const { app, shell } = mounted;
      await expect.poll(() => app.persistence.history.state.storage).toBe('saving');
      app.session.reset([
        { exercise: exerciseById('superman'), dosage: { sets: 2, target: 10, restS: 600 } },
      ]);
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.getByRole('button', { name: 'Start the set' }).click();
      app.session.adjustCount(3);
      app.session.skip(); // into the rest after the set
      await expect.element(page.getByRole('heading', { name: 'Rest' })).toBeVisible();
      const view = shell.shadowRoot!.querySelector('bb-rest-view')!;
      // Boxes, not words: the countdown's digits change each second.
      const screen = () =>
        [...view.shadowRoot!.querySelectorAll('button, h2, bb-progress-ring')].map((e) => {
          const b = e.getBoundingClientRect();
          return `${e.localName} ${e.getAttribute('aria-label') ?? e.textContent?.trim()}: ${[b.left, b.top + scrollY, b.width, b.height].map((v) => v.toFixed(1)).join(' ')}`;
        });
      await new Promise(requestAnimationFrame);
      const before = screen();
      // What the browser does to an open database it clears or cannot keep: every transaction on it
      // is refused from then on, the session's next write among them.
      opened!.close();
      app.session.adjustCount(1); // a write the store refuses
      await expect.poll(() => app.persistence.history.state.problem).not.toBeNull();
      const brief = app.persistence.history.state.problem!.brief;
      const line = page.elementLocator(view).getByText(brief);
      await expect.element(line).toBeVisible();
      await expect.poll(screen).toEqual(before);
      const room = view.shadowRoot!.querySelector('.away-lines')!.getBoundingClientRect();
      const words = line.element().getBoundingClientRect();
      expect(words.top).toBeGreaterThanOrEqual(room.top - 0.5);
      expect(words.bottom).toBeLessThanOrEqual(room.bottom + 0.5);
      // A screen reader is told it, as it is of any store problem.
      await expect.element(page.getByRole('alert')).toHaveTextContent(brief);
    },
  );
});
