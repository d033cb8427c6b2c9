// The built app with the virtual strap: taps that tell the detectors nothing of how the person moves.
// A +1 tapped before the simulated person has moved makes up for no rep the strap missed; End hold
// tapped while they still hold the plank, as a person does whose back hurts, for no end it missed.
// What the app learned of the person stays as it was.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppOnPausedClock } from './app-page.ts';
import { launchChromium } from './chromium.ts';
import { devicesLine } from './devices-line.ts';
import { onlyExercise, savedAndLearned } from './learned.ts';

describe('taps that teach nothing', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The app on a phone, planned `settings`, with the session started. */
  async function started(settings: string): Promise<Page> {
    const page = await openAppOnPausedClock(browser, {
      viewport: { width: 360, height: 640 },
      touch: true,
      storage: { 'backbeat.settings.v1': settings },
    });
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    return page;
  }

  /** Lets a second pass at a time until `done`, at most `maxSeconds`. */
  async function runUntil(page: Page, done: () => Promise<boolean>, maxSeconds: number, what: string) {
    for (let seconds = 0; !(await done()); seconds++) {
      if (seconds >= maxSeconds) throw new Error(`${what} never came`);
      await page.clock.runFor(1000);
    }
  }

  it('a +1 tapped 1.4 s after a superman set was begun by hand, before any movement', async () => {
    const page = await started(onlyExercise('superman', 1, 10));
    await page.getByRole('button', { name: 'Start the set' }).tap();
    await page.clock.runFor(1400);
    await page.getByRole('button', { name: '+1 rep' }).tap();
    const lastSet = page.getByRole('button', { name: /^\+1 rep on/ });
    await runUntil(page, async () => (await lastSet.count()) > 0, 240, 'the end of the set');
    await page.clock.runFor(1500);
    const { sets, tunings } = await savedAndLearned(page);
    expect(sets.map((s) => [s.count, s.corrections])).toEqual([[10, 1]]);
    expect(tunings).toEqual({});
    await page.close();
  });

  it('End hold tapped 10 s into an elbow plank the person still holds', async () => {
    const page = await started(onlyExercise('elbow-plank', 1, 60));
    const endHold = page.getByRole('button', { name: 'End hold' });
    await runUntil(page, async () => (await endHold.count()) > 0, 120, 'the hold');
    await page.clock.runFor(10_000);
    expect(await page.locator('bb-device-panel .person').textContent()).toMatch(/holding/);
    await endHold.tap();
    await page.clock.runFor(1500);
    const { sets, tunings } = await savedAndLearned(page);
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ endedByHand: true });
    expect(sets[0]?.holdMs).toBeGreaterThanOrEqual(10_000);
    expect(tunings).toEqual({});
    await page.close();
  });
});
