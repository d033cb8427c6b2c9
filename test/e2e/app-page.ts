import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { installCueSpy, linesSaid } from './cue-spy.ts';
import type { Press } from './devices-line.ts';

export interface AppPageOptions {
  readonly viewport: { readonly width: number; readonly height: number };
  /** Runs in the page before the app loads (a spy on the platform's objects). */
  readonly initScript?: () => void;
  /** A phone's touch screen, for taps. */
  readonly touch?: boolean;
  /** localStorage as the app finds it on its first load: settings chosen before. */
  readonly storage?: Readonly<Record<string, string>>;
  /** The cue spy's voice takes this long per character of a line (see backbeatVoiceMsPerChar). */
  readonly voiceMsPerChar?: number;
}

/**
 * Opens the built app on Playwright's clock, paused before the page loads: time moves only by
 * `page.clock.runFor`, so minutes of a session pass in seconds and every timing is exact. Clicks and
 * taps work on the paused clock, as long as nothing covers the button (see journey.ts). Returns once
 * the start screen offers Start, today's plan made from the store.
 */
export async function openAppOnPausedClock(browser: Browser, options: AppPageOptions): Promise<Page> {
  const touch = options.touch === true;
  const page = await browser.newPage({ viewport: options.viewport, hasTouch: touch, isMobile: touch });
  if (options.storage)
    await page.addInitScript((entries) => {
      // Once: what the app saves afterwards is kept across a reload.
      for (const [key, value] of entries)
        if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
    }, Object.entries(options.storage));
  if (options.voiceMsPerChar !== undefined)
    await page.addInitScript((ms) => {
      window.backbeatVoiceMsPerChar = ms;
    }, options.voiceMsPerChar);
  if (options.initScript) await page.addInitScript(options.initScript);
  // Paused before the page loads, by pauseAt alone (it installs the clock): a clock left running while
  // the page loaded gave the strap's packets, the app's tick and the tap on Start moments as far into
  // the page's time as loading took in real time, and a session's reps fell differently against them
  // from one run to the next. An install before the pause would still run each page's clock for the
  // real time between the two calls. So the page starts at 0 ms of its own time, at this date.
  await page.clock.pauseAt(new Date('2026-11-23T08:00:00Z'));
  await page.goto(inject('baseUrl'));
  // Start is offered once the past sessions are read and today's plan made from them (until then its
  // room is kept, hidden from the screen reader as from the finger). IndexedDB answers in real time:
  // waited for here, before any of the page's time passes, not at some moment of the first runFor.
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  return page;
}

/**
 * Opens the built app on the paused clock as on a phone held upright, tapped, with the cue spy
 * listening to the voice; `storage` as the app finds it on its first load.
 */
export function openPhoneHearingCues(
  browser: Browser,
  storage?: Readonly<Record<string, string>>,
): Promise<Page> {
  return openAppOnPausedClock(browser, {
    viewport: { width: 360, height: 640 },
    touch: true,
    initScript: installCueSpy,
    storage,
  });
}

/**
 * Resizes the page and waits for its layout to follow. The media queries' change events, and the
 * components rendered again for them, come with the browser's next frames, not with the resize, and
 * the installed clock holds no frame back: the header's and the main view's boxes are read, in real
 * time, until they have stayed the same for a fifth of a second.
 */
export async function resizeAndSettle(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  const layout = () =>
    page.evaluate(() => {
      const root = document.querySelector('bb-app')?.shadowRoot;
      return ['header', 'main']
        .map((part) => root?.querySelector(part)?.getBoundingClientRect())
        .map((box) => (box ? `${box.width}×${box.height}` : '-'))
        .join(' ');
    });
  let last = await layout();
  for (let unchangedReads = 0, reads = 0; unchangedReads < 4 && reads < 40; reads++) {
    await page.waitForTimeout(50);
    const now = await layout();
    unchangedReads = now === last ? unchangedReads + 1 : 0;
    last = now;
  }
}

/**
 * Opens the built app on a page of its own, on the browser's own clock, for what runs in real time
 * (an emulated device's streams and reconnections).
 */
export async function openApp(
  browser: Browser,
  options: Pick<AppPageOptions, 'viewport' | 'initScript' | 'touch'>,
): Promise<Page> {
  const touch = options.touch === true;
  const page = await browser.newPage({ viewport: options.viewport, hasTouch: touch, isMobile: touch });
  if (options.initScript) await page.addInitScript(options.initScript);
  await page.goto(inject('baseUrl'));
  return page;
}

/**
 * Moves the paused page's clock (see openAppOnPausedClock) on `stepMs` at a time until `done`, giving
 * up after `maxMs` of page time with what the voice said meanwhile (see installCueSpy).
 */
export async function runClockUntil(
  page: Page,
  done: () => Promise<boolean>,
  maxMs: number,
  stepMs = 500,
): Promise<void> {
  for (let ranMs = 0; ranMs < maxMs; ranMs += stepMs) {
    if (await done()) return;
    await page.clock.runFor(stepMs);
  }
  if (await done()) return;
  throw new Error(`not done after ${maxMs} ms of page time; heard ${JSON.stringify(await linesSaid(page))}`);
}

/** The text of the first element `selector` finds, its white space made single spaces; null where none is. */
export async function textShown(page: Page, selector: string): Promise<string | null> {
  const found = page.locator(selector);
  return (await found.count()) > 0 ? (await found.first().textContent())!.replace(/\s+/g, ' ').trim() : null;
}

/** Presses Start the set once it can be pressed, and runs the page's clock until the voice says "Go". */
export async function startTheSet(page: Page, press: Press): Promise<void> {
  const start = page.getByRole('button', { name: 'Start the set' });
  await runClockUntil(page, () => start.isEnabled(), 30_000, 250);
  const before = (await linesSaid(page)).length;
  await press(start);
  await runClockUntil(
    page,
    async () => (await linesSaid(page)).slice(before).some((line) => /\bGo\b/.test(line)),
    30_000,
    250,
  );
}
