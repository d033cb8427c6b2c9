// The app opened on the paused clock runs the same session every time: its seeded virtual person and
// its timers start at the same moment of the page's own time however long the page took to load and
// its store to be read, so what the tests see of a session, to the millisecond, is no matter of luck.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAppOnPausedClock } from './app-page.ts';
import { launchChromium } from './chromium.ts';
import { type CueRecord, installCueSpy } from './cue-spy.ts';
import { JOURNEY_SIZES, openJourneyPage } from './journey.ts';

describe('the app opened on the paused clock', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Every cue of a first session's first minute: the first set's instructions and reps. */
  async function firstMinute(): Promise<CueRecord[]> {
    const page = await openAppOnPausedClock(browser, {
      viewport: { width: 1366, height: 800 },
      initScript: installCueSpy,
    });
    try {
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.clock.runFor(60_000);
      return await page.evaluate(() => window.backbeatCueLog ?? []);
    } finally {
      await page.context().close();
    }
  }

  it('gives every cue of a first set at the same moment, opened twice', async () => {
    const first = await firstMinute();
    const second = await firstMinute();
    // Ten reps counted, each with its tone: the minute holds the set's timeline, not its first words.
    expect(first.filter((cue) => cue.kind === 'tone').length).toBeGreaterThanOrEqual(10);
    expect(second).toEqual(first);
  });

  it('starts the journey at the first moment of the page’s time, at its date', async () => {
    const page = await openJourneyPage(browser, {
      baseUrl: inject('baseUrl'),
      size: JOURNEY_SIZES.laptop,
      screenshots: '',
    });
    try {
      const [performanceNow, dateNow] = await page.evaluate(() => [performance.now(), Date.now()]);
      expect(performanceNow).toBe(0);
      expect(new Date(dateNow).toISOString()).toBe('2026-11-23T08:00:01.000Z');
    } finally {
      await page.context().close();
    }
  });
});
