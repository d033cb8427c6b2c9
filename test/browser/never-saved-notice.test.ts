// The notice on the start screen of a browser that never let Backbeat open its store (a private
// window, storage blocked), on a 360×640 phone: nothing was ever saved, and memory holds each session
// ended until the tab closes, so it says that, and how to keep them, before the first and after each.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import {
  type AppShell,
  mountAppWithStorageOff,
  oneSessionCutShort,
  openScreenFromHeader,
} from './app-shell.ts';
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

  it('says before any session, and after each, that they are kept only until the tab closes, and backs up every one of them', async () => {
    const notice = page.getByRole('alert');
    await expect
      .element(notice)
      .toHaveTextContent(
        'This browser does not let Backbeat save data here (storage is off or private): each session is kept only until this tab closes. Save it as a file at its end.',
      );
    await oneSessionCutShort(mounted.app);
    await expect
      .element(notice)
      .toHaveTextContent(
        'This browser does not let Backbeat save data here (storage is off or private): this session is kept only until this tab closes. Save it as a file to keep it.',
      );
    await expect.element(notice.getByRole('button', { name: 'Save this session (JSON)' })).toBeVisible();
    await oneSessionCutShort(mounted.app);
    // The first stays in memory as the second begins, beside it, and one file holds both.
    await expect.poll(() => mounted.app.persistence.sessionsHeldInMemory()).toBe(2);
    await expect
      .element(notice)
      .toHaveTextContent(
        'This browser does not let Backbeat save data here (storage is off or private), so 2 sessions are kept only until this tab closes: back them up in one file to keep them.',
      );
    await expect
      .element(notice.getByRole('button', { name: 'Back up these 2 sessions (JSON)' }))
      .toBeVisible();
    const file = await mounted.app.persistence.backup();
    expect(JSON.parse(await file.blob.text()).sessions).toHaveLength(2);
  });

  it('says in History what memory keeps of the sessions ended here, and names them in its backup button', async () => {
    await oneSessionCutShort(mounted.app);
    await oneSessionCutShort(mounted.app);
    await openScreenFromHeader('History');
    await expect
      .element(page.getByText(/kept only until this tab closes/).last())
      .toHaveTextContent(
        'Not saved in this browser: the 2 sessions ended here are kept only until this tab closes. Back them up to keep them.',
      );
    expect(page.getByText('No sessions saved yet.').elements()).toHaveLength(0);
    await expect
      .element(page.getByRole('button', { name: 'Back up these 2 sessions and settings' }))
      .toBeEnabled();
  });
});
