// The built app with the virtual strap on a phone, tapped: a quick double tap on Start the set of an
// elbow plank. Start hold comes where Start the set was, under the same finger; the second tap was
// meant for Start the set, not to say the person is holding a plank they are still getting down to.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppOnPausedClock } from './app-page.ts';
import { launchChromium } from './chromium.ts';
import { devicesLine } from './devices-line.ts';
import { onlyExercise } from './learned.ts';

describe('a double tap on Start the set of a plank on a phone', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Taps the middle of `box` twice, `apartMs` of the page's time apart, as one finger does. */
  async function doubleTap(
    page: Page,
    box: { x: number; y: number; width: number; height: number },
    apartMs: number,
  ) {
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.touchscreen.tap(x, y);
    await page.clock.runFor(apartMs);
    await page.touchscreen.tap(x, y);
  }

  it('begins the set and leaves the hold to be started, its second tap starting nothing', async () => {
    const page = await openAppOnPausedClock(browser, {
      viewport: { width: 360, height: 640 },
      touch: true,
      storage: { 'backbeat.settings.v1': onlyExercise('elbow-plank', 1, 30) },
    });
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    const startTheSet = page.getByRole('button', { name: 'Start the set' });
    const startHold = page.getByRole('button', { name: 'Start hold' });
    // The screen as the person sees it, a moment after Start: what to lie down to, and the buttons.
    await page.clock.runFor(500);
    const box = await startTheSet.boundingBox();
    if (!box) throw new Error('Start the set is not on screen');
    // Where the second tap lands: Start hold takes Start the set's place as the set begins.
    await doubleTap(page, box, 200);
    await page.clock.runFor(300);
    expect(await startHold.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'End hold' }).count()).toBe(0);
    // Start hold, tapped once the person is down on their elbows, starts the hold.
    await page.clock.runFor(1000);
    await startHold.tap();
    await expect.poll(() => page.getByRole('button', { name: 'End hold' }).count()).toBe(1);
    await page.close();
  });
});
