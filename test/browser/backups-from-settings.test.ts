// Settings points to where backups are made and restored: a person moving to a new phone looks there
// first, and its button opens the history with its heading and the backup buttons on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { SessionStore } from '../../src/store/session-store.ts';
import { type AppShell, mountApp } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

/** Opens the history from Settings' Backups section, as the person taps it. */
async function openBackupsFromSettings(): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const backups = page.getByRole('group', { name: 'Backups' });
  await expect.element(backups).toHaveTextContent(/back up everything in History and import the file/);
  await backups.getByRole('button', { name: 'Back up or import in History' }).click();
}

const WHOLLY = { ratio: 1 };

describe('backups from Settings on a phone with its text at twice its size', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(180, 320);
    mounted = await mountApp({ openStore: () => SessionStore.open({ name: 'backups-from-settings' }) });
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('opens the history with its heading on screen, and the backup button under it, focused', async () => {
    await openBackupsFromSettings();
    // The person sees where the tap took them, not a column of buttons with no name over it.
    await expect.element(page.getByRole('heading', { name: 'History', exact: true })).toBeInViewport(WHOLLY);
    const backUp = page.getByRole('button', { name: 'Back up everything' });
    await expect.element(backUp).toBeInViewport(WHOLLY);
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
    mounted = await mountApp({
      openStore: () => SessionStore.open({ name: `backups-from-settings-${width}` }),
    });
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('opens the history with its heading, Back up everything and Import a file on screen', async () => {
    await openBackupsFromSettings();
    await expect.element(page.getByRole('heading', { name: 'History', exact: true })).toBeInViewport(WHOLLY);
    await expect.element(page.getByRole('button', { name: 'Back up everything' })).toBeInViewport(WHOLLY);
    await expect.element(page.getByText('Import a file')).toBeInViewport(WHOLLY);
  });
});
