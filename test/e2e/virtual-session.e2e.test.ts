// The built app in headless Chromium with the virtual strap: the person presses Start and does the
// exercises; the counts and timers on screen must match what the strap's simulated person performed.
// Playwright's clock stands in for the passing minutes, so a full set runs in seconds.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../shared.ts';
import { openAppOnPausedClock } from './app-page.ts';
import { launchChromium } from './chromium.ts';
import { devicesLine } from './devices-line.ts';

const SCREENSHOTS = join(PROJECT_DIR, 'test-results');

interface Screen {
  heading: string | null;
  count: string | null;
  person: string | null;
  resting: boolean;
}

async function readScreen(page: Page): Promise<Screen> {
  // count() first: a text read on a missing element would wait for it, and time must not pass unasked.
  const text = async (selector: string) => {
    const locator = page.locator(selector);
    return (await locator.count()) > 0 ? locator.first().textContent() : null;
  };
  return {
    heading: await text('bb-set-view h2'),
    count: await text('bb-set-view .count'),
    person: await text('bb-device-panel .person'),
    resting: (await page.locator('bb-rest-view').count()) > 0,
  };
}

/** Lets simulated time pass one second at a time until `done` says stop; returns every screen seen. */
async function runUntil(
  page: Page,
  done: (screen: Screen) => boolean,
  maxSeconds: number,
): Promise<Screen[]> {
  const seen: Screen[] = [];
  for (let second = 0; second < maxSeconds; second++) {
    await page.clock.runFor(1000);
    const screen = await readScreen(page);
    seen.push(screen);
    if (done(screen)) {
      // The strap reports what its person did with its next packet, a tenth of a second on.
      await page.clock.runFor(200);
      return seen;
    }
  }
  throw new Error(`still not done after ${maxSeconds} s; last screen: ${JSON.stringify(seen.at(-1))}`);
}

/** Presses Skip set / Start now until the named exercise's set is on screen. */
async function skipTo(page: Page, exercise: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if ((await readScreen(page)).heading === exercise) return;
    await page.getByRole('button', { name: /^(Skip set|Start now)$/ }).click();
    await page.clock.runFor(200);
  }
  throw new Error(`never reached ${exercise}`);
}

const personNumber = (person: string | null, pattern: RegExp) =>
  Number(person?.match(pattern)?.[1] ?? Number.NaN);

/** "45 s" or "1 min 7 s" → seconds. */
function parseDuration(text: string): number {
  const match = text.match(/^(?:(\d+) min ?)?(?:(\d+) s)?$/);
  if (!match) return Number.NaN;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

describe('a hands-free session with the virtual strap', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
    page = await openAppOnPausedClock(browser, { viewport: { width: 412, height: 915 } });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('counts a whole superman set from the Start button alone, rep for rep with the simulated person', async () => {
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    let screenshotTaken = false;
    const screens = await runUntil(
      page,
      (screen) => {
        if (!screenshotTaken && screen.count === '6') {
          screenshotTaken = true;
          void page.screenshot({ path: join(SCREENSHOTS, 'set.png') });
        }
        return screen.resting;
      },
      150,
    );
    const duringSet = screens.filter((s) => s.count !== null);
    expect(duringSet[0].heading).toBe('Superman');
    for (const screen of duringSet) {
      const shown = Number(screen.count);
      const performed = personNumber(screen.person, /(\d+) reps? done/);
      // A rep shows when the detector sees the return, within a second of the person finishing it.
      expect(Math.abs(shown - performed)).toBeLessThanOrEqual(1);
    }
    expect(await page.locator('bb-rest-view .last').textContent()).toBe('Superman, set 1: 10 of 10 reps');
    expect(await page.locator('bb-device-panel .person').textContent()).toBe(
      'Virtual person: resting after 10 reps',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'rest.png') });
  });

  it('puts the count of the set just done right from the rest, in the store and in what it learns', async () => {
    const stored = () =>
      page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('backbeat');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const sets = await new Promise<{ count: number; corrections?: number }[]>((resolve) => {
          const request = db.transaction('sets').objectStore('sets').getAll();
          request.onsuccess = () => resolve(request.result);
        });
        db.close();
        const tunings = JSON.parse(localStorage.getItem('backbeat.personal-tuning.v1') ?? '{}');
        return { sets: sets.map((s) => [s.count, s.corrections ?? 0]), superman: tunings.superman ?? null };
      });
    // Two reps fewer than counted: the person stopped short. Saved within the second, as everything is.
    await page.getByRole('button', { name: '−1 rep' }).click();
    await page.getByRole('button', { name: '−1 rep' }).click();
    expect(await page.locator('bb-rest-view .last').textContent()).toBe('Superman, set 1: 8 of 10 reps');
    await page.clock.runFor(1500);
    await expect.poll(stored).toEqual({ sets: [[8, -2]], superman: { rangeScale: 1.2, holdLeaveScale: 1 } });
    // Taken back: the set is as counted, and nothing was learned from it.
    await page.getByRole('button', { name: '+1 rep' }).click();
    await page.getByRole('button', { name: '+1 rep' }).click();
    expect(await page.locator('bb-rest-view .last').textContent()).toBe('Superman, set 1: 10 of 10 reps');
    await page.clock.runFor(1500);
    await expect.poll(stored).toEqual({ sets: [[10, 0]], superman: { rangeScale: 1, holdLeaveScale: 1 } });
  });

  it('rests, then starts the next set by itself', async () => {
    const screens = await runUntil(page, (screen) => !screen.resting, 60);
    expect(screens.at(-1)?.heading).toBe('Superman');
    expect(await page.locator('bb-set-view .meta').textContent()).toContain('Set 2 of 3');
  });

  it('times a drawing-in hold to its 45 s target, the timer running with the simulated person', async () => {
    await skipTo(page, 'Drawing-in');
    const screens = await runUntil(page, (screen) => screen.resting, 90);
    for (const screen of screens.filter((s) => s.count !== null && /holding/.test(s.person ?? ''))) {
      const shown = Number(screen.count);
      const held = personNumber(screen.person, /holding (\d+) s/);
      expect(Math.abs(shown - held)).toBeLessThanOrEqual(2);
    }
    expect(await page.locator('bb-rest-view .last').textContent()).toBe('Drawing-in, set 1: held 45 s');
    const heldByPerson = personNumber(
      await page.locator('bb-device-panel .person').textContent(),
      /a hold of (\d+) s/,
    );
    expect(heldByPerson).toBeGreaterThanOrEqual(43);
    expect(heldByPerson).toBeLessThanOrEqual(46);
  });

  it('ends an elbow plank when the simulated person drops, with the time they held', async () => {
    await skipTo(page, 'Elbow plank');
    await runUntil(page, (screen) => screen.resting, 180);
    const last = await page.locator('bb-rest-view .last').textContent();
    const shownS = parseDuration(last?.match(/held (.+)$/)?.[1] ?? '');
    const heldByPerson = personNumber(
      await page.locator('bb-device-panel .person').textContent(),
      /a hold of (\d+) s/,
    );
    expect(last).toMatch(/^Elbow plank, set 1: held (\d+ min )?\d+ s$/);
    expect(Math.abs(shownS - heldByPerson)).toBeLessThanOrEqual(2);
  });
});
