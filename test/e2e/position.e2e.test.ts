// A set starts when the person is in position, in the built app on a phone-sized screen with the
// virtual strap: its simulated person, picked in the device menu, lies the wrong way first (the app
// says so, on screen and aloud, and starts the set once they have turned over) or stays on their feet
// (no floor set ever starts). Playwright's clock stands in for the passing minutes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../shared.ts';
import { openAppOnPausedClock } from './app-page.ts';
import { launchChromium } from './chromium.ts';
import { installCueSpy } from './cue-spy.ts';
import { devicesLine, openDeviceMenu } from './devices-line.ts';

const SCREENSHOTS = join(PROJECT_DIR, 'test-results');
const PHONE = { width: 360, height: 640 };

/**
 * The app on a phone on a clock paused before it loads (time moves only by `page.clock.runFor`), with
 * the virtual person's habit picked from the device menu by pointer.
 */
async function openWithHabit(browser: Browser, habit: string): Promise<Page> {
  const page = await openAppOnPausedClock(browser, { viewport: PHONE, initScript: installCueSpy });
  await runUntil(page, async () => (await devicesLine(page).textContent()) === 'Virtual strap connected', 5);
  await openDeviceMenu(page, (target) => tap(page, target));
  await page.getByLabel('Virtual person').selectOption(habit);
  // The choice puts the menu away.
  await expect.poll(() => page.locator('bb-device-panel details[open]').count()).toBe(0);
  // The first visit's "works offline" note, acknowledged as a newcomer would, so it hides nothing. The
  // service worker caches the app in real time: the page's time stands still while it does.
  const offline = page.locator('bb-update-prompt').getByRole('button', { name: 'OK' });
  await expect.poll(() => offline.count(), { timeout: 10_000 }).toBe(1);
  await tap(page, offline);
  await page.clock.runFor(500);
  // The menu closed, the screen back at its top, as the person would leave it before tapping Start.
  await page.evaluate(() => window.scrollTo(0, 0));
  return page;
}

const said = async (page: Page): Promise<{ text: string; atMs: number }[]> =>
  (await page.evaluate(() => window.backbeatCueLog ?? []))
    .filter((cue) => cue.kind === 'say')
    .map((cue) => ({ text: cue.detail, atMs: cue.atMs }));

async function shown(page: Page, selector: string): Promise<string | null> {
  // count() first: a text read on a missing element would wait for it, and time must not pass unasked.
  const locator = page.locator(selector);
  return (await locator.count()) > 0 ? locator.first().textContent() : null;
}

/** A real pointer click, then a fifth of a second of the page's time for what it starts. */
async function tap(page: Page, target: Locator): Promise<void> {
  await target.click();
  await page.clock.runFor(200);
}

/** Lets simulated time pass a second at a time until `done`; returns the seconds it took. */
async function runUntil(page: Page, done: () => Promise<boolean>, maxSeconds: number): Promise<number> {
  for (let second = 1; second <= maxSeconds; second++) {
    await page.clock.runFor(1000);
    if (await done()) return second;
  }
  throw new Error(`not done after ${maxSeconds} s; heard ${JSON.stringify((await said(page)).slice(-3))}`);
}

describe('a set that starts when the person is in position', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('says a wrong position on screen and aloud, and starts the set once the person turns over', async () => {
    const page = await openWithHabit(browser, 'wrong-way');
    await tap(page, page.getByRole('button', { name: 'Start', exact: true }));
    await page.clock.runFor(1000);
    // Waiting: what to do, in big letters, and that the set starts by itself.
    expect(await shown(page, 'bb-set-view .prompt')).toBe('Lie face down to start');
    expect(await shown(page, 'bb-set-view .waiting')).toMatch(/starts by itself/);
    expect(await shown(page, 'bb-set-view .count')).toBeNull();
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'position-waiting-360.png') });

    await runUntil(page, async () => (await shown(page, 'bb-set-view .wrong')) !== null, 30);
    const warning = 'You seem to be on your back. Lie face down.';
    expect(await shown(page, 'bb-set-view .wrong')).toBe(warning);
    expect(await page.locator('bb-set-view').getByText(warning).count()).toBe(1);
    expect(await shown(page, 'bb-device-panel .person')).toBe('Virtual person: lying the wrong way');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'position-wrong-360.png') });
    // Said a sentence at a time, as lines of where to be are: the last two are the warning.
    expect(
      (await said(page))
        .slice(-2)
        .map((h) => h.text)
        .join(' '),
    ).toBe(warning);

    // The person rolls over; the set starts by itself, and the reps count.
    await runUntil(page, async () => (await shown(page, 'bb-set-view .count')) !== null, 30);
    const heard = await said(page);
    const go = heard.findIndex((h) => h.text === 'In position. Go.');
    const warned = heard.findIndex((h) => h.text === 'You seem to be on your back.');
    expect(warned).toBeGreaterThan(0);
    expect(go).toBeGreaterThan(warned);
    expect(await shown(page, 'bb-set-view .wrong')).toBeNull();
    await runUntil(page, async () => (await shown(page, 'bb-set-view .count')) === '2', 30);
    expect((await said(page)).map((h) => h.text).slice(go + 1)).toEqual(['one', 'two']);
    await page.close();
  });

  it('never starts a floor set for a person who stays on their feet, and says so every 20 s, three times', async () => {
    const page = await openWithHabit(browser, 'stays-up');
    await tap(page, page.getByRole('button', { name: 'Start', exact: true }));
    const from = (await said(page)).length;
    for (let second = 0; second < 90; second++) {
      await page.clock.runFor(1000);
      expect(await shown(page, 'bb-set-view .count')).toBeNull();
    }
    expect(await shown(page, 'bb-set-view .prompt')).toBe('Lie face down to start');
    expect(await shown(page, 'bb-device-panel .person')).toBe('Virtual person: staying on their feet');
    const heard = (await said(page)).slice(from);
    expect(heard.some((h) => h.text === 'In position. Go.')).toBe(false);
    const warnings = heard.filter((h) => h.text === 'You seem to be upright.');
    // Standing is where everyone starts from: said after ten still seconds, then every 20 s, three
    // times in all (the screen shows it on).
    expect(warnings).toHaveLength(3);
    expect(await shown(page, 'bb-set-view .wrong')).toMatch(/^You seem to be upright/);
    for (let i = 1; i < warnings.length; i++)
      expect(warnings[i].atMs - warnings[i - 1].atMs).toBeGreaterThanOrEqual(20_000);
    // Said again, with the way on: the sensor may be the one that is wrong. Lines of where to be are
    // said a sentence at a time, so a warning is the sentences from its first to the next warning's.
    const warningSaid = (w: (typeof warnings)[number]) => {
      const start = heard.indexOf(w);
      const next = heard.findIndex((h, j) => j > start && warnings.includes(h));
      return heard
        .slice(start, next === -1 ? undefined : next)
        .map((h) => h.text)
        .join(' ');
    };
    expect(
      warnings.slice(1).every((w) => warningSaid(w).endsWith('Already in position? Tap Start the set.')),
    ).toBe(true);
    // A tap starts it all the same, and it stays started whatever the sensor sees.
    await tap(page, page.getByRole('button', { name: 'Start the set' }));
    await page.clock.runFor(500);
    expect(await shown(page, 'bb-set-view .count')).toBe('0');
    await page.clock.runFor(5000);
    expect(await shown(page, 'bb-set-view .count')).toBe('0');
    expect((await said(page)).some((h) => h.text === 'Go.')).toBe(true);
    await page.close();
  });
});
