// A page reloaded on the settings or the history: the browser keeps the entry the app pushed for the
// screen, so the app comes back on that screen, and one tap on Done or ← Back closes it, as does the
// browser's own Back.
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { type AppShell, mountApp } from './app-shell.ts';

/** The entry the app pushed for `view` is the current one, as after a reload on that screen. */
function reloadedOn(view: 'settings' | 'history'): void {
  window.history.pushState({ backbeatView: view }, '');
}

const start = () => page.getByRole('button', { name: 'Start', exact: true });
const heading = (name: string) => page.getByRole('heading', { name, exact: true });

describe('a page reloaded on a screen over the start screen', () => {
  let mounted: AppShell | null = null;

  afterEach(async () => {
    mounted?.remove();
    mounted = null;
  });

  it('comes back on the settings, and one tap on Done closes them', async () => {
    reloadedOn('settings');
    mounted = await mountApp();
    await expect.element(heading('Settings')).toBeVisible();
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await expect.element(start()).toBeVisible();
    expect(heading('Settings').elements()).toHaveLength(0);
    // The settings' entry went with them: nothing opens them again.
    await expect.poll(() => window.history.state?.backbeatView).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heading('Settings').elements()).toHaveLength(0);
  });

  it('comes back on the history, and one tap on ← Back closes it', async () => {
    reloadedOn('history');
    mounted = await mountApp();
    await expect.element(heading('History')).toBeVisible();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect.element(start()).toBeVisible();
    await expect.poll(() => window.history.state?.backbeatView).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heading('History').elements()).toHaveLength(0);
  });

  it("closes the settings by the browser's Back, as before the reload", async () => {
    reloadedOn('settings');
    mounted = await mountApp();
    await expect.element(heading('Settings')).toBeVisible();
    window.history.back();
    await expect.element(start()).toBeVisible();
    expect(heading('Settings').elements()).toHaveLength(0);
  });
});
