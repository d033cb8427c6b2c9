// The JSON writer and reader are fetched on the first export, backup or import, not before the start
// screen shows: a phone's first visit offers Start sooner. Where they cannot be fetched (offline before
// the app was cached) the export says so, the session is kept, and a tap later makes the file.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { fromJson } from '../../src/export/json.ts';
import { chromiumForTheFile, PHONE } from './chromium.ts';

const browser = chromiumForTheFile();
/** The build names the JSON code's chunks after its module, json.ts, and a hash of 8. */
const JSON_CODE = /\/json-[\w-]{8}\.js$/;

/** A set of one rep, counted by hand, and the session ended: its summary. */
async function oneSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  await page.getByRole('button', { name: 'Start the set' }).tap();
  await page.getByRole('button', { name: '+1' }).tap();
  await page.getByRole('button', { name: 'Finish' }).tap();
  await page.getByRole('button', { name: 'End session' }).tap();
  await page.locator('bb-summary').getByRole('heading', { name: 'Ended early' }).waitFor();
}

/** The sets' counts of the JSON file a tap downloads. */
async function countsOfJsonFrom(page: Page, tap: () => Promise<void>): Promise<number[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), tap()]);
  expect(download.suggestedFilename()).toMatch(/^backbeat-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  const [bundle] = fromJson(readFileSync(await download.path(), 'utf8'), Date.now());
  return bundle!.sets.map((set) => set.count);
}

describe("The JSON export's code", () => {
  it('is not loaded to show the start screen, and makes the file on the first JSON tap', async () => {
    // No service worker: it would answer the page's fetches from its cache, past the page's routes.
    const context = await browser().newContext({ ...PHONE, serviceWorkers: 'block', acceptDownloads: true });
    try {
      const page = await context.newPage();
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(request.url()));
      const jsonCodeFetched = () => fetched.filter((url) => JSON_CODE.test(url));
      await page.goto(inject('baseUrl'));
      await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
      expect(jsonCodeFetched()).toEqual([]);
      await oneSession(page);
      expect(jsonCodeFetched()).toEqual([]);

      // The network gone before the JSON code was fetched, as offline on a first visit.
      await context.setOffline(true);
      const summary = page.locator('bb-summary');
      await summary.getByRole('button', { name: 'JSON' }).tap();
      const problem = summary.getByRole('alert');
      await problem.waitFor();
      expect(await problem.textContent()).toBe(
        'The JSON file could not be made: its writer could not be loaded (is the device offline?). ' +
          'Nothing is lost: try again once online, or save it as CSV now.',
      );

      await context.setOffline(false);
      const counts = await countsOfJsonFrom(page, () => summary.getByRole('button', { name: 'JSON' }).tap());
      expect(counts).toEqual([1]);
      expect(await problem.count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('out of reach, is said by the storage notice whose button needs it, and the session saved once it is', async () => {
    const context = await browser().newContext({ ...PHONE, serviceWorkers: 'block', acceptDownloads: true });
    try {
      const page = await context.newPage();
      // A browser that never lets Backbeat open its store (a private window): the storage notice's
      // buttons are the way to keep the session.
      await page.addInitScript(() => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        };
      });
      await page.goto(inject('baseUrl'));
      await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
      await context.setOffline(true);
      await oneSession(page);
      await page.getByRole('button', { name: 'New session' }).tap();
      const notice = page.locator('bb-storage-notice').getByRole('alert');
      const save = notice.getByRole('button', { name: 'Save this session (JSON)' });
      await save.tap();
      const problem = notice.getByText(/^The JSON file could not be made/);
      await problem.waitFor();
      expect(await problem.textContent()).toBe(
        'The JSON file could not be made: its writer could not be loaded (is the device offline?). ' +
          'Nothing is lost: try again once online, or save it as CSV now.',
      );

      await context.setOffline(false);
      expect(await countsOfJsonFrom(page, () => save.tap())).toEqual([1]);
      expect(await problem.count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("out of reach, is said by History's export, which makes the file once it is", async () => {
    const context = await browser().newContext({ ...PHONE, serviceWorkers: 'block', acceptDownloads: true });
    try {
      const page = await context.newPage();
      await page.goto(inject('baseUrl'));
      await oneSession(page);
      await page.getByRole('button', { name: 'See all your sessions' }).tap();
      const history = page.locator('bb-history');
      await history.locator('li').first().waitFor();
      await context.setOffline(true);
      const exportJson = history.getByRole('button', { name: /^Export .* as JSON$/ });
      await exportJson.tap();
      const problem = history.getByRole('alert');
      await problem.waitFor();
      expect(await problem.textContent()).toBe(
        'The JSON file could not be made: its writer could not be loaded (is the device offline?). ' +
          'Nothing is lost: try again once online, or save it as CSV now.',
      );

      await context.setOffline(false);
      expect(await countsOfJsonFrom(page, () => exportJson.tap())).toEqual([1]);
      expect(await problem.count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
