// Settings points to where backups are made and restored: a person moving to a new phone looks there
// first, and its button opens the history with its heading and the backup buttons on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Locator, page } from 'vitest/browser';
import { SessionStore } from '../../src/store/session-store.ts';
import { recordSession } from '../unit/export/recorded-session.ts';
import { type AppShell, mountApp } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

/** Opens the history from Settings' Backups section, as the person taps it. */
async function openBackupsFromSettings(): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const backups = page.getByRole('group', { name: 'Backups' });
  await expect.element(backups).toHaveTextContent(/back up everything in History and import the file/);
  await backups.getByRole('button', { name: 'Back up or import in History' }).click();
}

/**
 * The element is whole inside the window, read from its box: an IntersectionObserver's ratio (what
 * toBeInViewport reads) came out a hair under 1 for a button whole on a laptop's screen.
 */
async function expectWhollyOnScreen(locator: Locator): Promise<void> {
  await expect.element(locator).toBeVisible();
  await expect
    .poll(() => {
      const { top, bottom, left, right } = locator.element().getBoundingClientRect();
      return top >= 0 && left >= 0 && bottom <= innerHeight && right <= innerWidth;
    })
    .toBe(true);
}

/** The app on a store named after `name` (fresh on each run) that holds one saved session: one to back up. */
async function mountWithASession(name: string): Promise<AppShell> {
  const unique = `${name}-${Date.now()}`;
  const seed = await SessionStore.open({ name: unique });
  await seed.importBundles([await recordSession()]);
  seed.close();
  const mounted = await mountApp({ openStore: () => SessionStore.open({ name: unique }) });
  // The history counts the sessions kept once the store is open, as the app's start opens it.
  await mounted.app.persistence.start();
  return mounted;
}

describe('backups from Settings on a phone with its text at twice its size', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(180, 320);
    mounted = await mountWithASession('backups-from-settings');
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('opens the history with its heading on screen, and the backup button under it, focused', async () => {
    await openBackupsFromSettings();
    // The person sees where the tap took them, not a column of buttons with no name over it.
    await expectWhollyOnScreen(page.getByRole('heading', { name: 'History', exact: true }));
    const backUp = page.getByRole('button', { name: 'Back up everything' });
    await expectWhollyOnScreen(backUp);
    const history = mounted.shell.shadowRoot!.querySelector('bb-history')!;
    expect(history.shadowRoot!.activeElement).toBe(backUp.element());
  });
});

describe.each([
  ['a phone', 360, 640],
  ['a laptop', 1366, 768],
])('backups from Settings on %s', (_name, width, height) => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(width, height, '1rem');
    mounted = await mountWithASession(`backups-from-settings-${width}`);
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('opens the history with its heading, Back up everything and Import a file on screen', async () => {
    await openBackupsFromSettings();
    await expectWhollyOnScreen(page.getByRole('heading', { name: 'History', exact: true }));
    await expectWhollyOnScreen(page.getByRole('button', { name: 'Back up everything' }));
    await expectWhollyOnScreen(page.getByText('Import a file'));
  });
});

describe('backups from Settings on a new phone with its text at twice its size, nothing saved yet', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(180, 320);
    mounted = await mountApp({
      openStore: () => SessionStore.open({ name: `backups-from-settings-empty-${Date.now()}` }),
    });
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('opens the history with its heading on screen, and Import a file under it, focused', async () => {
    await openBackupsFromSettings();
    await expectWhollyOnScreen(page.getByRole('heading', { name: 'History', exact: true }));
    // Nothing to back up: what the person came for is the import of a backup made elsewhere.
    await expectWhollyOnScreen(page.getByText('Import a file'));
    const importFile = page.getByLabelText('Import a file');
    const history = mounted.shell.shadowRoot!.querySelector('bb-history')!;
    expect(history.shadowRoot!.activeElement).toBe(importFile.element());
  });
});
