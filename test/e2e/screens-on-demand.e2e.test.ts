// History (with its charts) and Settings are fetched once the app is idle after the start screen has
// shown, or when first opened if that is sooner, never before: a phone's first visit offers Start
// sooner, and their first opening need not wait for the network. Never while a session runs. Opened
// before their code arrives they say they are loading, and where it cannot be fetched (offline before
// the app was cached) they say so.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chromiumForTheFile, PHONE } from './chromium.ts';

const browser = chromiumForTheFile();

/** The build names each screen's chunk after its module. */
const SCREEN_CODE = /\/bb-(history|settings)-[^/]*\.js$/;

/**
 * The browser's idle callbacks held until the test lets those asked for so far run: the app is not
 * idle before. Gives the call that lets them run.
 */
async function holdIdleCallbacks(page: Page): Promise<() => Promise<void>> {
  await page.addInitScript(() => {
    const held: IdleRequestCallback[] = [];
    window.requestIdleCallback = (callback) => held.push(callback);
    const runIdleCallbacks = () => {
      for (const callback of held.splice(0)) callback({ didTimeout: false, timeRemaining: () => 50 });
    };
    Object.assign(window, { runIdleCallbacks });
  });
  return () =>
    page.evaluate(() => (window as unknown as { runIdleCallbacks: () => void }).runIdleCallbacks());
}

const definedScreens = (page: Page) =>
  page.evaluate(() => ['bb-history', 'bb-settings'].map((tag) => customElements.get(tag) !== undefined));

describe('History and Settings', () => {
  it('are not loaded to show the start screen, and open on the first tap', async () => {
    const context = await browser().newContext(PHONE);
    try {
      const page = await context.newPage();
      // Tapped before the app is idle: nothing fetched ahead yet.
      await holdIdleCallbacks(page);
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(request.url()));
      const screensFetched = () => fetched.filter((url) => SCREEN_CODE.test(url));
      await page.goto(inject('baseUrl'));
      await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
      expect(screensFetched()).toEqual([]);
      const defined = () => definedScreens(page);
      expect(await defined()).toEqual([false, false]);

      await page.getByRole('button', { name: 'History', exact: true }).tap();
      await page.getByRole('heading', { name: 'History', exact: true }).waitFor();
      // History's code alone: the settings' is not fetched with it.
      expect(screensFetched()).toEqual([expect.stringMatching(/\/bb-history-/)]);
      await page.getByRole('button', { name: 'Settings', exact: true }).tap();
      await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
      expect(await defined()).toEqual([true, true]);
    } finally {
      await context.close();
    }
  });

  it('say so when their code cannot be fetched, and open once it can', async () => {
    // No service worker: it would answer the page's fetches from its cache, past the page's routes.
    const context = await browser().newContext({ ...PHONE, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      // The network gone before the app was idle, and so before the code was fetched ahead.
      await holdIdleCallbacks(page);
      await page.goto(inject('baseUrl'));
      await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
      // The network gone before History's code was fetched, as offline on a first visit.
      await context.setOffline(true);
      await page.getByRole('button', { name: 'History', exact: true }).tap();
      const problem = page.getByRole('alert').filter({ hasText: 'History could not be loaded' });
      await problem.waitFor();
      expect(await problem.textContent()).toContain(
        'History could not be loaded: it is not saved on this device yet and the network is out of reach. ' +
          'Try again once online. Your sessions are safe.',
      );
      expect(await page.getByRole('heading', { name: 'History', exact: true }).count()).toBe(0);

      await context.setOffline(false);
      await page.getByRole('button', { name: 'Try again' }).tap();
      await page.getByRole('heading', { name: 'History', exact: true }).waitFor();
      expect(await problem.count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('are fetched once the app is idle after Start is ready, and History opens on its first tap with no fetch of its own', async () => {
    const context = await browser().newContext(PHONE);
    try {
      const page = await context.newPage();
      const start = page.getByRole('button', { name: 'Start', exact: true });
      // Whether Start was on screen as each screen's code was asked for (isVisible does not wait for it).
      const startShownAtFetch: boolean[] = [];
      await page.route(SCREEN_CODE, async (route) => {
        startShownAtFetch.push(await start.isVisible());
        await route.continue();
      });
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(request.url()));
      const screensFetched = () => fetched.filter((url) => SCREEN_CODE.test(url));
      await page.goto(inject('baseUrl'));
      await start.waitFor();
      await expect.poll(() => definedScreens(page)).toEqual([true, true]);
      expect(startShownAtFetch).toEqual([true, true]);
      expect(screensFetched()).toHaveLength(2);

      await page.getByRole('button', { name: 'History', exact: true }).tap();
      await page.getByRole('heading', { name: 'History', exact: true }).waitFor();
      expect(screensFetched()).toHaveLength(2);
    } finally {
      await context.close();
    }
  });

  it('wait for the end of a session begun before the app was idle', async () => {
    const context = await browser().newContext(PHONE);
    try {
      const page = await context.newPage();
      const runIdleCallbacks = await holdIdleCallbacks(page);
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(request.url()));
      const screensFetched = () => fetched.filter((url) => SCREEN_CODE.test(url));
      await page.goto(inject('baseUrl'));
      await page.getByRole('button', { name: 'Start', exact: true }).tap();
      await page.getByRole('button', { name: 'Start the set' }).tap();
      // Idle in the middle of the set: the count, the cues and the saving keep the phone to themselves.
      await runIdleCallbacks();
      await page.getByRole('button', { name: '+1' }).tap();
      await page.getByRole('button', { name: 'Finish' }).tap();
      expect(screensFetched()).toEqual([]);
      expect(await definedScreens(page)).toEqual([false, false]);

      await page.getByRole('button', { name: 'End session' }).tap();
      await page.getByRole('heading', { name: 'Ended early' }).waitFor();
      await runIdleCallbacks();
      await expect.poll(() => definedScreens(page)).toEqual([true, true]);
      expect(screensFetched()).toHaveLength(2);
    } finally {
      await context.close();
    }
  });
});
