// The JSON writer and reader are fetched on the first export, backup or import, not before the start
// screen shows: a phone's first visit offers Start sooner. Where they cannot be fetched (offline before
// the app was cached) the export says so, the session is kept, and a tap later makes the file.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fromJson } from '../../src/export/json.ts';
import { launchChromium } from './chromium.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true } as const;
/** The build names the JSON code's chunks after its module, json.ts, and a hash of 8. */
const JSON_CODE = /\/json-[\w-]{8}\.js$/;

describe("The JSON export's code", () => {
  it('is not loaded to show the start screen, and makes the file on the first JSON tap', async () => {
    // No service worker: it would answer the page's fetches from its cache, past the page's routes.
    const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block', acceptDownloads: true });
    try {
      const page = await context.newPage();
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(request.url()));
      const jsonCodeFetched = () => fetched.filter((url) => JSON_CODE.test(url));
      await page.goto(inject('baseUrl'));
      const start = page.getByRole('button', { name: 'Start', exact: true });
      await start.waitFor();
      expect(jsonCodeFetched()).toEqual([]);

      // A set of one rep, counted by hand, and the session ended.
      await start.tap();
      await page.getByRole('button', { name: 'Start the set' }).tap();
      await page.getByRole('button', { name: '+1' }).tap();
      await page.getByRole('button', { name: 'Finish' }).tap();
      await page.getByRole('button', { name: 'End session' }).tap();
      const summary = page.locator('bb-summary');
      await summary.getByRole('heading', { name: 'Ended early' }).waitFor();
      expect(jsonCodeFetched()).toEqual([]);

      // The network gone before the JSON code was fetched, as offline on a first visit.
      await context.setOffline(true);
      await summary.getByRole('button', { name: 'JSON' }).tap();
      const problem = summary.getByRole('alert');
      await problem.waitFor();
      expect(await problem.textContent()).toBe(
        'The JSON file could not be made: its writer could not be loaded (is the device offline?). ' +
          'Nothing is lost: try again once online, or save it as CSV now.',
      );

      await context.setOffline(false);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        summary.getByRole('button', { name: 'JSON' }).tap(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^backbeat-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
      const [bundle] = fromJson(readFileSync(await download.path(), 'utf8'), Date.now());
      expect(bundle!.sets.map((set) => set.count)).toEqual([1]);
      expect(await problem.count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
