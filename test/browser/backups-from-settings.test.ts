// Settings points to where backups are made and restored: a person moving to a new phone looks there
// first, and its button opens the history with its heading and the backup buttons on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Locator, page } from 'vitest/browser';
import { SessionStore } from '../../src/store/session-store.ts';
import { recordSession } from '../unit/export/recorded-session.ts';
import { type AppShell, mountApp, openScreenFromHeader } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

/** Opens the history from Settings' Backups section, as the person taps it. */
async function openBackupsFromSettings(): Promise<void> {
  await openScreenFromHeader('Settings');
  const backups = page.getByRole('group', { name: 'Backups' });
  // True with no session saved as with many: a backup always holds the settings, and its button in
  // History is named for what it holds ("Back up your settings", "Back up everything").
  await expect
    .element(backups)
    .toHaveTextContent(/To move them to a new phone, make a backup in History, then import it in History/);
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

describe('backups from Settings on a phone set up with care, its text at twice its size, no session saved yet', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(180, 320);
    const name = `backups-from-settings-settings-only-${Date.now()}`;
    mounted = await mountApp({ settings: { muted: true }, openStore: () => SessionStore.open({ name }) });
    await mounted.app.persistence.start();
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('opens the history with its heading on screen, and the backup of the settings under it, focused', async () => {
    await openBackupsFromSettings();
    await expectWhollyOnScreen(page.getByRole('heading', { name: 'History', exact: true }));
    // What Settings sent the person for: the settings go to the new phone in a backup, sessions or not.
    const backUp = page.getByRole('button', { name: 'Back up your settings' });
    await expectWhollyOnScreen(backUp);
    const history = mounted.shell.shadowRoot!.querySelector('bb-history')!;
    expect(history.shadowRoot!.activeElement).toBe(backUp.element());
    await expect.element(page.getByLabelText('Import a file')).toBeEnabled();
  });
});
