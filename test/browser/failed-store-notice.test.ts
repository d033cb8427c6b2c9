// The notice of sessions ended after a store that had opened stopped working (the browser closed its
// database), on a 360×640 phone: memory keeps every session ended from then on until the tab closes,
// not only the last, and the notice, History and one backup hold them all; on a phone with its text at
// twice its size, its few words and More.
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

  // At 180 × 320, over Start, it put Start's top at 333 px of the 320 px window: under Start, as the
  // update prompt is, it leaves Start where it was.
  it.each([
    [360, 640],
    [180, 320],
  ])(
    'at %i × %i, leaves Start whole in the window on the start screen, the notice under it',
    async (width, height) => {
      await page.viewport(width, height);
      opened.close();
      await oneSessionCutShort(mounted.app);
      await expect.poll(() => mounted.app.persistence.history.state.storage).toBe('memory');
      const notice = page.getByRole('alert');
      await expect.element(notice).toBeVisible();
      const start = page.getByRole('button', { name: 'Start', exact: true });
      await expect.element(start).toBeVisible();
      const startEdges = start.element().getBoundingClientRect();
      expect(startEdges.top).toBeGreaterThanOrEqual(0);
      expect(startEdges.bottom).toBeLessThanOrEqual(innerHeight);
      expect(notice.element().getBoundingClientRect().top).toBeGreaterThanOrEqual(startEdges.bottom);
    },
  );

  // The whole of it took 117–604 px of the 320 px window, Start under it at 742–822 px.
  it('on a phone with its text at twice its size (180 × 320), takes a quarter of the window at most, and opens to its message and its save with More', async () => {
    // A phone with its text at twice its size, the app's layout the same but for its width.
    await page.viewport(180, 320);
    opened.close();
    await oneSessionCutShort(mounted.app);
    await expect.poll(() => mounted.app.persistence.history.state.storage).toBe('memory');
    const notice = page.getByRole('alert');
    await expect.element(notice).toHaveTextContent('This browser does not let Backbeat save. More');
    expect(notice.element().getBoundingClientRect().height).toBeLessThanOrEqual(innerHeight / 4);

    await notice.getByText('More').click();
    await expect
      .element(notice)
      .toHaveTextContent(
        'This browser does not let Backbeat save data here (storage is off or private). Sessions stay in memory only: export them to keep them.',
      );
    await expect.element(notice.getByRole('button', { name: 'Save this session (JSON)' })).toBeVisible();
  });
});
