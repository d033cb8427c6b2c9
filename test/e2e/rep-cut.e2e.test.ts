// The built app with the virtual strap: a lat pulldown that Finish ends in the middle of a rep, that
// rep put right with +1 on the summary. The rep was cut off by the end of the set, not too small to
// count: what the app learned of how the person moves stays as it was.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppOnPausedClock } from './app-page.ts';
import { launchChromium } from './chromium.ts';
import { devicesLine } from './devices-line.ts';
import { onlyExercise, savedAndLearned } from './learned.ts';

const count = async (page: Page) => {
  const shown = page.locator('bb-set-view .count');
  return (await shown.count()) > 0 ? Number(await shown.first().textContent()) : Number.NaN;
};

/** The sets saved, as [count, corrections], and what was learned of the person. */
const stored = async (page: Page) => {
  const { sets, tunings } = await savedAndLearned(page);
  return { sets: sets.map((s) => [s.count, s.corrections ?? 0]), tunings };
};

describe('a lat pulldown finished mid-rep', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openAppOnPausedClock(browser, {
      viewport: { width: 360, height: 640 },
      touch: true,
      storage: { 'backbeat.settings.v1': onlyExercise('lat-pulldown', 1, 12) },
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('teaches nothing from the +1 for the rep under way when Finish came', async () => {
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    // Five reps counted, then halfway to the next: the person is pulling the sixth.
    let seconds = 0;
    while ((await count(page)) !== 5) {
      await page.clock.runFor(250);
      if (++seconds > 480) throw new Error(`five reps never counted: ${await count(page)}`);
    }
    await page.clock.runFor(2500);
    expect(await count(page)).toBe(5);
    await page.getByRole('button', { name: 'Finish' }).tap();
    await page.getByRole('button', { name: 'End session' }).tap();
    await page.getByRole('button', { name: /^\+1 rep on/ }).tap();
    await page.clock.runFor(1500);
    await expect.poll(() => stored(page)).toEqual({ sets: [[6, 1]], tunings: {} });
  });
});
