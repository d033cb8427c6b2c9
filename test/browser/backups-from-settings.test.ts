// Settings points to where backups are made and restored: a person moving to a new phone looks there
// first, and its button opens the history with the backup and import buttons on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { SessionStore } from '../../src/store/session-store.ts';
import { type AppShell, mountApp } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

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

  it('says in Settings where backups are, and opens the history at its backup and import', async () => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const backups = page.getByRole('group', { name: 'Backups' });
    await expect.element(backups).toHaveTextContent(/back up everything in History and import the file/);
    await backups.getByRole('button', { name: 'Back up or import in History' }).click();

    await expect.element(page.getByRole('heading', { name: 'History', exact: true })).toBeInTheDocument();
    const backUp = page.getByRole('button', { name: 'Back up everything' });
    const importFile = page.getByText('Import a file');
    await expect.element(backUp).toBeInViewport();
    await expect.element(importFile).toBeInViewport();
    const history = mounted.shell.shadowRoot!.querySelector('bb-history')!;
    expect(history.shadowRoot!.activeElement).toBe(backUp.element());
  });
});
