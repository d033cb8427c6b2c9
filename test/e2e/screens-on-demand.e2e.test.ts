// History (with its charts) and Settings are fetched when first opened, not before the start screen
// shows: a phone's first visit offers Start sooner. Opened before their code arrives they say they are
// loading, and where it cannot be fetched (offline before the app was cached) they say so.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true } as const;

describe('History and Settings', () => {
  it('are not loaded to show the start screen, and open on the first tap', async () => {
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      // The build names each screen's chunk after its module.
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(request.url()));
      const screensFetched = () => fetched.filter((url) => /\/bb-(history|settings)-[^/]*\.js$/.test(url));
      await page.goto(inject('baseUrl'));
      await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
      expect(screensFetched()).toEqual([]);
      const defined = () =>
        page.evaluate(() =>
          ['bb-history', 'bb-settings'].map((tag) => customElements.get(tag) !== undefined),
        );
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
    const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
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
});
