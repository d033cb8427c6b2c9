// The notice of a browser that never let Backbeat open its store, on a phone with its text at twice its
// size (180×320): the whole of it took 364 px of the 320 px window, and Start went under it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { type AppShell, mountAppWithStorageOff } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

describe('the notice of a store that never opened, on a phone with text at twice its size', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeEach(async () => {
    restore = await layOutAsTheApp(180, 320);
    mounted = await mountAppWithStorageOff();
  });

  afterEach(async () => {
    mounted.remove();
    await restore();
  });

  it('takes a small part of the window, Start in view with it, and opens to the rest with More', async () => {
    const notice = page.getByRole('alert');
    await expect.element(notice).toBeVisible();
    const box = notice.element().getBoundingClientRect();
    expect(box.height).toBeLessThanOrEqual(innerHeight / 4);
    // Where the app leaves the page for a person to tap Start: the notice whole above it.
    const start = page.getByRole('button', { name: 'Start', exact: true }).element().getBoundingClientRect();
    expect(start.top).toBeGreaterThanOrEqual(0);
    expect(start.bottom).toBeLessThanOrEqual(innerHeight);
    expect(box.top).toBeGreaterThanOrEqual(0);
    await expect.element(notice).toHaveTextContent('Not saved in this browser. More');

    await notice.getByText('More').click();
    await expect
      .element(notice)
      .toHaveTextContent(
        'This browser does not let Backbeat save data here (storage is off or private): each session is kept only until this tab closes. Save it as a file at its end.',
      );
  });
});
