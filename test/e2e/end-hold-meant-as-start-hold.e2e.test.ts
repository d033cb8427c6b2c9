// The built app with the virtual strap on a phone, tapped: the strap sees the plank held and begins
// the hold as the person reaches for Start hold, and the finger lands on the End hold that took its
// place. The hold goes on, the screen says so (and a screen reader hears it), and End hold tapped later
// ends it with what was held.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppOnPausedClock } from './app-page.ts';
import { launchChromium } from './chromium.ts';
import { devicesLine } from './devices-line.ts';
import { onlyExercise, savedAndLearned } from './learned.ts';

describe('End hold tapped just after the strap began a plank', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Lets a tenth of a second pass at a time until `done`, at most `maxSeconds`. */
  async function runUntil(page: Page, done: () => Promise<boolean>, maxSeconds: number, what: string) {
    for (let tenths = 0; !(await done()); tenths++) {
      if (tenths >= maxSeconds * 10) throw new Error(`${what} never came`);
      await page.clock.runFor(100);
    }
  }

  it('is taken as the Start hold meant: the hold goes on, and the next End hold ends it', async () => {
    const page = await openAppOnPausedClock(browser, {
      viewport: { width: 360, height: 640 },
      touch: true,
      storage: { 'backbeat.settings.v1': onlyExercise('elbow-plank', 1, 60) },
    });
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    const endHold = page.getByRole('button', { name: 'End hold' });
    await runUntil(page, async () => (await endHold.count()) > 0, 120, 'the hold');
    // The finger that reached for Start hold lands 1.5 s after End hold took its place.
    await page.clock.runFor(1500);
    await endHold.tap();
    await page.clock.runFor(100);
    expect(await page.locator('bb-set-view .notice').textContent()).toBe(
      'Hold started: tap End hold when you come down',
    );
    // Heard by a screen reader too, in the app's line for it: no voice says it.
    expect(await page.locator('bb-app main > [role=status] > span').last().textContent()).toBe(
      'Hold started: tap End hold when you come down.',
    );
    const held = async () => Number(await page.locator('bb-set-view .count').textContent());
    const heldAtTheTap = await held();
    await page.clock.runFor(10_000);
    expect(await endHold.count()).toBe(1);
    expect(await held()).toBeGreaterThanOrEqual(heldAtTheTap + 10);
    await endHold.tap();
    await page.clock.runFor(1500);
    const { sets } = await savedAndLearned(page);
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ endedByHand: true });
    expect(sets[0]?.holdMs).toBeGreaterThanOrEqual(10_000);
    await page.close();
  });
});
