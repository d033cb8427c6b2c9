// The summary of a session in a browser that does not let Backbeat save (storage off, a private
// window): its files are offered once, with why they are needed, under "Ended early" and what the
// person did, on a 360×640 phone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { type AppShell, mountAppWithStorageOff } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

describe('the summary of a session that is not being saved', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeEach(async () => {
    restore = await layOutAsTheApp(360, 640);
    mounted = await mountAppWithStorageOff();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Start the set' }).click();
    mounted.app.session.adjustCount(3);
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByRole('button', { name: 'End session', exact: true }).click();
    await expect.element(page.getByRole('heading', { name: 'Ended early' })).toBeVisible();
  });

  afterEach(async () => {
    mounted.remove();
    await restore();
  });

  it('offers the session’s files once, as FIT, CSV and JSON, and says beside them why', async () => {
    const saving = page.getByRole('button', { name: /save|FIT|CSV|JSON/i });
    expect(
      saving.elements().map((button) => button.getAttribute('aria-label') ?? button.textContent?.trim()),
    ).toEqual(['Save this session as FIT', 'Save this session as CSV', 'Save this session as JSON']);
    const files = page.getByRole('group', { name: 'Save this session:' });
    await expect.element(files).toHaveAccessibleDescription('This browser does not let Backbeat save.');
    // Said once: not again, at length, above the summary.
    expect(page.getByText(/does not let Backbeat save/).elements()).toHaveLength(1);
  });

  it('shows "Ended early" and what was done on the first screen, above why it is not saved', async () => {
    const heading = page.getByRole('heading', { name: 'Ended early' }).element();
    const totals = page.getByText(/1 set cut short · 3 reps/).element();
    const why = page.getByText('This browser does not let Backbeat save.').element();
    await expect.poll(() => totals.getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight);
    expect(heading.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
    expect(why.getBoundingClientRect().top).toBeGreaterThan(totals.getBoundingClientRect().bottom);
  });
});
