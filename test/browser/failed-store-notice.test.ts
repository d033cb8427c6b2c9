// The notice of sessions ended after a store that had opened stopped working (the browser closed its
// database), on a 360×640 phone: memory keeps every session ended from then on until the tab closes,
// not only the last, and the notice, History and one backup hold them all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { SessionStore } from '../../src/store/session-store.ts';
import { type AppShell, mountApp, oneSessionCutShort, openScreenFromHeader } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

describe('the notice of sessions ended after the store failed', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;
  let opened: SessionStore;
  const name = `failed-store-notice-${crypto.randomUUID()}`;

  beforeEach(async () => {
    restore = await layOutAsTheApp(360, 640);
    mounted = await mountApp({
      start: true,
      openStore: async (asks) => {
        opened = await SessionStore.open({ name, ...asks });
        return opened;
      },
    });
    await expect.poll(() => mounted.app.persistence.history.state.storage).toBe('saving');
  });

  afterEach(async () => {
    mounted.remove();
    indexedDB.deleteDatabase(name);
    await restore();
  });

  // What the browser does to an open database it clears or cannot keep: every transaction on it is
  // refused from then on with an InvalidStateError.
  it('keeps both sessions ended since in memory, says so, and backs up both in one file', async () => {
    opened.close();
    await oneSessionCutShort(mounted.app);
    await expect.poll(() => mounted.app.persistence.history.state.storage).toBe('memory');
    await oneSessionCutShort(mounted.app);
    const notice = page.getByRole('alert');
    await expect
      .element(notice)
      .toHaveTextContent(
        'This browser does not let Backbeat save data here, so 2 sessions are no longer being saved. They are still here: back them up before you close the app.',
      );
    await expect.element(notice.getByRole('button', { name: 'Save these 2 sessions (JSON)' })).toBeVisible();
    await openScreenFromHeader('History');
    await expect
      .element(page.getByRole('button', { name: 'Back up these 2 sessions and settings' }))
      .toBeEnabled();
    const file = await mounted.app.persistence.backup();
    expect(JSON.parse(await file.blob.text()).sessions).toHaveLength(2);
  });

  it('keeps both sessions ended after the store was deleted in another tab, and says why', async () => {
    indexedDB.deleteDatabase(name);
    await expect.poll(() => mounted.app.persistence.history.state.storage).toBe('memory');
    await oneSessionCutShort(mounted.app);
    await oneSessionCutShort(mounted.app);
    const notice = page.getByRole('alert');
    await expect
      .element(notice)
      .toHaveTextContent(
        'Backbeat was updated in another tab, so 2 sessions are no longer being saved. They are still here: back them up before you reload.',
      );
    const file = await mounted.app.persistence.backup();
    expect(JSON.parse(await file.blob.text()).sessions).toHaveLength(2);
  });
});
