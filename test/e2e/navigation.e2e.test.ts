// The browser's Back button on a phone: it closes the history or the settings opened over the start
// screen or a rest, and leaves the app only from the session itself.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.ts';

/** The app on a phone, opened from a page visited before it: Back from the app's own screen goes there. */
async function phoneAfterBlank(browser: Browser): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 360, height: 640 },
    isMobile: true,
    hasTouch: true,
  });
  await page.goto('about:blank');
  await page.goto(inject('baseUrl'));
  return page;
}

let browser: Browser;
// Each suite's own page: the first leaves the app where the second's reloads would find it.
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const start = () => page.getByRole('button', { name: 'Start', exact: true });
const heading = (name: string) => page.getByRole('heading', { name, exact: true });

describe("the browser's Back button", () => {
  beforeAll(async () => {
    page = await phoneAfterBlank(browser);
  });

  it('closes the history and the settings, back to the start screen', async () => {
    await start().waitFor();
    await page.getByRole('button', { name: 'History', exact: true }).tap();
    await heading('History').waitFor();
    await page.goBack();
    await start().waitFor();
    expect(await heading('History').count()).toBe(0);

    // History, then Settings from there: one Back returns to the start screen.
    await page.getByRole('button', { name: 'History', exact: true }).tap();
    await heading('History').waitFor();
    await page.getByRole('button', { name: 'Settings', exact: true }).tap();
    await heading('Settings').waitFor();
    await page.goBack();
    await start().waitFor();
    expect(page.url()).toBe(inject('baseUrl'));
  });

  it('takes no step of its own when a screen is closed by its button', async () => {
    await page.getByRole('button', { name: 'Settings', exact: true }).tap();
    await heading('Settings').waitFor();
    await page.getByRole('button', { name: 'Settings', exact: true }).tap();
    await start().waitFor();
    // The next Back leaves the app, as it would have before the settings were opened.
    await page.goBack();
    await expect.poll(() => page.url()).toBe('about:blank');
  });

  it('closes the history by its own Back button at the top, as one step of the browser history', async () => {
    await page.goto(inject('baseUrl'));
    await page.getByRole('button', { name: 'History', exact: true }).tap();
    await heading('History').waitFor();
    await page.getByRole('button', { name: 'Back', exact: true }).tap();
    await start().waitFor();
    expect(await heading('History').count()).toBe(0);
    // The history's entry went with it: the next Back leaves the app.
    await page.goBack();
    await expect.poll(() => page.url()).toBe('about:blank');
  });
});

describe('a page reloaded on a screen over the start screen', () => {
  beforeAll(async () => {
    await page.close();
    page = await phoneAfterBlank(browser);
  });

  for (const [screen, close] of [
    ['Settings', 'Done'],
    ['History', 'Back'],
  ] as const) {
    it(`comes back on the ${screen.toLowerCase()} at its top, and one tap on ${close} shows Start whole`, async () => {
      await page.getByRole('button', { name: screen, exact: true }).tap();
      await heading(screen).waitFor();
      // Read well down the screen before the reload.
      await page.evaluate(() => window.scrollTo({ top: 600 }));
      await page.reload();
      await heading(screen).waitFor();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);

      await page.getByRole('button', { name: close, exact: true }).tap();
      await start().waitFor();
      await page.waitForTimeout(300);
      expect(await heading(screen).count()).toBe(0);
      const box = await start().boundingBox();
      expect(box?.y).toBeGreaterThanOrEqual(0);
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(640);
    });
  }

  it("takes the browser's Back out of the app from the start screen, with no screen's entry left behind", async () => {
    await page.goBack();
    await expect.poll(() => page.url()).toBe('about:blank');
  });
});
