// The notice on the start screen of a browser that never let Backbeat open its store (a private
// window, storage blocked), on a 360×640 phone: nothing was ever saved, and memory holds the last
// session alone, so it says that, and how to keep a session, before the first and after each.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { type AppShell, mountAppWithStorageOff } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

describe('the notice of sessions done where the store never opened', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeEach(async () => {
    restore = await layOutAsTheApp(360, 640);
    mounted = await mountAppWithStorageOff();
  });

  afterEach(async () => {
    mounted.remove();
    await restore();
  });

  /** One session of one set cut short at 3 reps, ended, and the start screen again. */
  async function oneSession(): Promise<void> {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Start the set' }).click();
    mounted.app.session.adjustCount(3);
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByRole('button', { name: 'End session', exact: true }).click();
    await page.getByRole('button', { name: 'New session' }).click();
    await expect.element(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  }

  it('says before any session, and after each, that one is kept only while the tab is open, not that its saving stopped', async () => {
    const notice = page.getByRole('alert');
    await expect
      .element(notice)
      .toHaveTextContent(
        'This browser does not let Backbeat save data here (storage is off or private): a session is kept only until this tab closes or the next one begins. Save it as a file at its end.',
      );
    for (let session = 1; session <= 2; session++) {
      await oneSession();
      await expect
        .element(notice)
        .toHaveTextContent(
          'This browser does not let Backbeat save data here (storage is off or private): this session is kept only until this tab closes or the next one begins. Save it as a file to keep it.',
        );
      await expect.element(notice.getByRole('button', { name: 'Save this session (JSON)' })).toBeVisible();
    }
    // The first session went as the second began: memory, and its file, hold the last alone.
    expect(mounted.app.persistence.sessionsHeldInMemory()).toBe(1);
  });
});
