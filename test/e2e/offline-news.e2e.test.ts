// The start screen keeps room under Start for "Backbeat now works offline" only while that news is to
// come: on a first visit, not on a load that bypasses the service worker already installed (a hard
// reload), where room kept for it would stay an empty gap.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.ts';

/** From the bottom of Start to the top of the text under it, which the person reads. */
async function roomUnderStart(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  await page.locator('.virtual').waitFor();
  return page.evaluate(() => {
    const app = document.querySelector('bb-app')!.shadowRoot!;
    const start = app.querySelector('button.start')!.getBoundingClientRect();
    const text = app.querySelector('.virtual')!.getBoundingClientRect();
    return text.top - start.bottom;
  });
}

const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

describe('the room under Start for the offline news', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is kept on a first visit, while the app is being cached', async () => {
    await page.goto(inject('baseUrl'));
    const firstVisit = await roomUnderStart(page);
    await page.getByText('Backbeat now works offline.').waitFor();
    await expect.poll(() => controlled(page)).toBe(true);
    await page.reload();
    expect(await controlled(page)).toBe(true);
    expect(firstVisit).toBeGreaterThan((await roomUnderStart(page)) + 20);
  });

  it('is not kept on a hard reload, which bypasses the service worker installed before', async () => {
    await page.reload();
    const laterVisit = await roomUnderStart(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setBypassServiceWorker', { bypass: true });
    await page.reload();
    expect(await controlled(page)).toBe(false);
    expect(await roomUnderStart(page)).toBe(laterVisit);
  });
});
