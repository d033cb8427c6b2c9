// The app as a person meets it: a first visit, the virtual person made to lie the wrong way first,
// Start, the set waiting for them to get into position and saying that they lie the wrong way, the
// set begun by itself once they turn over, a pause, a rest, the history opened in the rest, a hold,
// Finish asked and taken back, then the summary, its export and the history; on a
// phone and a small phone by touch and on a laptop by mouse, every step a real tap or click on the
// button's centre. At each screen it checks what a person relies on: the primary actions inside the
// window and receiving the tap (the element at their centre is the button), nothing scrolling sideways,
// the count, timer and next step on screen, and no serious accessibility violation. The end-to-end
// test and `npm run screenshots` both walk it, so the screenshots in docs/ are of the tested journey.
//
// Time is Playwright's clock, paused and moved on a second at a time, so the session's minutes pass in
// seconds and every run sees the same screens. Taps need no running clock: Playwright's checks before
// a tap wait for the page's animation frames only while something covers the button.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { deviceMenuButton, devicesNamed, openDevicesLine } from './devices-line.ts';

export interface JourneySize {
  /** Added to the screenshot names: '' for the phone the README shows. */
  readonly suffix: string;
  readonly viewport: { readonly width: number; readonly height: number };
  /** A touch screen (taps) or a mouse (clicks). */
  readonly touch: boolean;
  readonly colorScheme: 'dark' | 'light';
}

// The first visit's notice that the app works offline, once the service worker has cached it.
const OFFLINE_NOTICE = 'bb-update-prompt [role="status"]';

export const JOURNEY_SIZES: Readonly<Record<'phone' | 'small-phone' | 'laptop', JourneySize>> = {
  phone: { suffix: '', viewport: { width: 412, height: 915 }, touch: true, colorScheme: 'dark' },
  'small-phone': {
    suffix: '-small',
    viewport: { width: 360, height: 640 },
    touch: true,
    colorScheme: 'light',
  },
  laptop: { suffix: '-laptop', viewport: { width: 1366, height: 768 }, touch: false, colorScheme: 'light' },
};

/**
 * Phones on their side, taken through every set (skipThroughSession) but not the journey, whose
 * screenshots are of phones held upright and of the laptop.
 */
export const SIDEWAYS_PHONE_SIZES: Readonly<Record<string, JourneySize>> = {
  'phone on its side': {
    suffix: '-sideways',
    viewport: { width: 640, height: 360 },
    touch: true,
    colorScheme: 'dark',
  },
  'longer phone on its side': {
    suffix: '-sideways-long',
    viewport: { width: 740, height: 360 },
    touch: true,
    colorScheme: 'light',
  },
  'large phone on its side': {
    suffix: '-sideways-large',
    viewport: { width: 844, height: 390 },
    touch: true,
    colorScheme: 'dark',
  },
};

/** The screens walked, in order, each saved as docs/screenshot-<screen><suffix>.png. */
export const JOURNEY_SCREENS = [
  'ready',
  'waiting',
  'wrong-position',
  'set',
  'paused',
  'rest',
  'history-in-rest',
  'hold',
  'finish',
  'summary',
  'history',
] as const;
export type JourneyScreen = (typeof JOURNEY_SCREENS)[number];

export interface JourneyOptions {
  readonly baseUrl: string;
  readonly size: JourneySize;
  /** Where each screen's screenshot goes, once it has been checked: screenshot-<screen><suffix>.png. */
  readonly screenshots: string;
}

/** What the journey saw, for the test to report and hold against the simulated person. */
export interface JourneyRecord {
  readonly screens: JourneyScreen[];
  /** What the first set's screen said of the position the person lay in first. */
  readonly wrongPosition: string;
  /** The first set as the rest screen told it, and what the virtual person says they did. */
  readonly firstSet: { readonly shown: string; readonly performed: string };
  /** The virtual person's line and the count on screen as the pause began and as it ended. */
  readonly pause: { readonly before: PauseView; readonly after: PauseView };
  readonly finishQuestion: string;
  readonly summary: string;
  readonly downloads: string[];
}

interface PauseView {
  readonly count: string | null;
  readonly unit: string | null;
  readonly person: string | null;
}

/** A check of the journey failed: the message says which screen and what a person would meet. */
export class JourneyError extends Error {}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new JourneyError(message);
}

const AXE_SOURCE = readFileSync(
  join(createRequire(import.meta.url).resolve('axe-core'), '..', 'axe.min.js'),
  'utf8',
);

export async function openJourneyPage(browser: Browser, options: JourneyOptions): Promise<Page> {
  const { size } = options;
  // A new context is a first visit: no service worker, no storage, nothing remembered.
  const context: BrowserContext = await browser.newContext({
    viewport: size.viewport,
    hasTouch: size.touch,
    isMobile: size.touch,
    colorScheme: size.colorScheme,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  // Paused before the page loads: however long loading takes, the app starts at the same moment of
  // its own time, and every run of the journey sees the same screens. By pauseAt alone, as in
  // openAppOnPausedClock: after an install the page's clock ran for the real milliseconds between the
  // two calls before it stopped.
  await page.clock.pauseAt(new Date('2026-11-23T08:00:01Z'));
  await page.goto(options.baseUrl);
  return page;
}

export async function walkJourney(page: Page, options: JourneyOptions): Promise<JourneyRecord> {
  const { size } = options;
  const screens: JourneyScreen[] = [];
  const downloads: string[] = [];
  const at = async (screen: JourneyScreen, checks: () => Promise<void>) => {
    await page.clock.runFor(300);
    await checking(screen, size, async () => {
      await checks();
      await checkPage(page);
    });
    await page.mouse.move(0, 0);
    // The ring's fill glides in real time, which the paused clock does not hold: shown at its end.
    await page.screenshot({ path: screenshotPath(options, screen), animations: 'disabled' });
    screens.push(screen);
  };
  const tap = tapper(page, size);
  const button = (name: string | RegExp) =>
    page.getByRole('button', { name, exact: typeof name === 'string' });

  // A first visit: the start screen, and the notice that the app now works offline once the
  // service worker has cached it (in real time: the worker's clock is not the page's).
  await devicesNamed(page).waitFor();
  const notice = page.locator(OFFLINE_NOTICE);
  await notice.waitFor({ timeout: 30_000 });
  // The strap's first heart rate, a second or two in.
  await page.clock.runFor(2000);
  await at('ready', async () => {
    await checkOnScreen(page, notice, 'the offline notice');
    await checkOnScreen(page, page.locator('#ready-title'), 'the title');
  });
  await pickHabit(page, tap, 'wrong-way');
  await tap(button('Start'), 'Start');

  // The set waits for the person to get into position: what to take, in letters to read from the
  // mat, and the buttons to start it by hand, pause, skip or finish.
  await at('waiting', async () => {
    check(await hidden(page, 'bb-set-view .count'), 'the first set began before the person was in position');
    await checkWaitingScreen(page);
    await checkOnScreen(page, page.locator('bb-set-view .waiting'), 'that the set starts by itself');
  });
  // Still on their back after a moment: said on screen, in place of that line.
  await runUntil(page, () => visible(page, 'bb-set-view .wrong'), 30, 'the wrong position was never shown');
  const wrongPosition = ((await text(page, 'bb-set-view .wrong')) ?? '').trim();
  await at('wrong-position', async () => {
    await checkWaitingScreen(page);
    await checkReadable(page, page.locator('bb-set-view .wrong'), 'what is wrong with the position', 18);
  });
  // They turn over, and the set begins by itself.
  await runUntil(page, () => visible(page, 'bb-set-view .count'), 60, 'the first set never began');
  check(await hidden(page, OFFLINE_NOTICE), 'the offline notice stayed during the set');
  // A correction by hand along the way: one more, then two fewer.
  await runUntil(page, async () => Number(await text(page, 'bb-set-view .count')) >= 4, 120, 'no fourth rep');
  for (const name of ['+1 rep', '−1 rep', '−1 rep']) await tap(button(name), name);
  await runUntil(page, async () => Number(await text(page, 'bb-set-view .count')) >= 6, 120, 'no sixth rep');
  await at('set', async () => {
    await checkSetScreen(page);
    check((await text(page, 'bb-set-view h2')) === 'Superman', 'the first set is not the superman');
  });

  // Pause: the count keeps its "of 10", the simulated person stands still, and the count goes on
  // after Resume without losing the rep under way.
  await tap(button('Pause'), 'Pause');
  const before = await pauseView(page);
  await page.clock.runFor(6000);
  const after = await pauseView(page);
  await at('paused', async () => {
    await checkOnScreen(page, page.locator('bb-set-view .paused'), 'the word Paused');
    await checkReachable(page, button('Resume'), 'Resume');
  });
  await tap(button('Resume'), 'Resume');

  // The rest after the set: its timer, what comes next, and its controls.
  await runUntil(page, () => visible(page, 'bb-rest-view'), 120, 'the first set never ended');
  // The strap reports what its person did with its next packet, a tenth of a second on.
  await page.clock.runFor(200);
  const firstSet = {
    shown: (await text(page, 'bb-rest-view .last')) ?? '',
    performed: (await text(page, 'bb-device-panel .person')) ?? '',
  };
  await at('rest', async () => {
    await checkOnScreen(page, page.locator('bb-rest-view .count'), 'the rest timer');
    await checkOnScreen(page, page.locator('bb-rest-view .next'), 'what comes next');
    for (const name of ['Start now', 'Pause', 'Finish']) await checkReachable(page, button(name), name);
  });

  // The history opened in the rest says the session goes on, and gives way to the next set.
  await tap(button('History'), 'History');
  // Its code comes when first opened (in real time, from the service worker's cache).
  await page.getByRole('heading', { name: 'History' }).waitFor();
  await at('history-in-rest', async () => {
    await checkOnScreen(page, page.getByRole('heading', { name: 'History' }), 'the history');
    await checkReachable(page, button('Back to the rest'), 'Back to the rest');
    check(await hidden(page, 'bb-history button.danger'), 'Delete offered in the middle of a session');
  });
  await runUntil(page, () => visible(page, 'bb-set-view'), 120, 'the next set never replaced the history');
  await tap(button('Skip set'), 'Skip set');
  // A rest, or the set after it when the skipped one never began: the session's screen, not the history.
  check(
    !(await visible(page, 'bb-history')) &&
      ((await visible(page, 'bb-rest-view')) || (await visible(page, 'bb-set-view'))),
    'the history, not the session, came back after the next set',
  );

  // On to the drawing-in hold, begun by itself once the person is in position, and its timer.
  await skipTo(page, 'Drawing-in', tap);
  await runUntil(page, () => visible(page, 'bb-set-view .count'), 60, 'the drawing-in set never began');
  await runUntil(
    page,
    async () => Number(await text(page, 'bb-set-view .count')) >= 15,
    120,
    'the drawing-in hold never reached 15 s',
  );
  await at('hold', async () => {
    await checkOnScreen(page, page.locator('bb-set-view .face'), 'the hold timer');
    await checkOnScreen(page, page.locator('bb-set-view .unit').first(), 'the hold target');
    for (const name of ['End hold', 'Pause', 'Skip set', 'Finish'])
      await checkReachable(page, button(name), name);
  });

  // Finish asks once, and the question can be taken back.
  await tap(button('Finish'), 'Finish');
  const question = (await text(page, 'bb-set-view .finish-question p')) ?? '';
  await at('finish', async () => {
    check(
      /^End the session\? \d+ sets? done(, \d+ cut short)?(, \d+ skipped)?$/.test(question.trim()),
      `Finish asked "${question}"`,
    );
    for (const name of ['End session', 'Keep going']) await checkReachable(page, button(name), name);
  });
  await tap(button('Keep going'), 'Keep going');
  check(await visible(page, 'bb-set-view .count'), 'Keep going did not keep the set');
  await tap(button('Finish'), 'Finish');
  await tap(button('End session'), 'End session');

  // The summary: what was done, the files, the way to the history and to a new session.
  await page.getByRole('heading', { name: 'Ended early' }).waitFor();
  const summary = ((await text(page, 'bb-summary .totals')) ?? '').replace(/\s+/g, ' ').trim();
  await at('summary', async () => {
    await checkOnScreen(page, page.locator('bb-summary .totals'), 'the totals');
    for (const name of ['New session', 'See all your sessions', 'FIT', 'CSV', 'JSON']) {
      await checkReachable(page, page.locator('bb-summary').getByRole('button', { name }), name);
    }
  });
  for (const format of ['FIT', 'CSV', 'JSON']) {
    const download = page.waitForEvent('download');
    await tap(page.locator('bb-summary').getByRole('button', { name: format }), format);
    downloads.push((await download).suggestedFilename());
  }

  // The history, with its charts' numbers open: still no sideways scrolling.
  await tap(button('See all your sessions'), 'See all your sessions');
  await page.locator('bb-history li').first().waitFor();
  const numbers = page.locator('bb-progress-chart summary').first();
  await numbers.scrollIntoViewIfNeeded();
  if (size.touch) await numbers.tap();
  else await numbers.click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await at('history', async () => {
    await checkOnScreen(page, page.getByRole('heading', { name: 'History' }), 'the history');
    check(
      (await page.locator('bb-progress-chart details[open]').count()) === 1,
      'the numbers under a chart did not open',
    );
  });
  return {
    screens,
    wrongPosition,
    firstSet,
    pause: { before, after },
    finishQuestion: question.trim(),
    summary,
    downloads,
  };
}

/** What a due set showed on the way through a session (see skipThroughSession). */
export interface DueSet {
  /** "Superman, set 2 of 3". */
  readonly set: string;
  /** The set waited while the person lay the wrong way, and said so. */
  readonly wrongPositionShown: boolean;
}

/**
 * From Start to the summary by skipping every set, the virtual person lying the wrong way first
 * whenever they have to get down or turn over: every exercise's screens with their longest words (its position to take, what is wrong with
 * the present one, a rest naming a long exercise twice) fit the window, with no scrolling, and keep
 * their buttons in reach and tappable. A first visit, like the journey; no screenshots.
 */
export async function skipThroughSession(page: Page, size: JourneySize): Promise<DueSet[]> {
  const tap = tapper(page, size);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const sets: DueSet[] = [];
  const where = (screen: string, checks: () => Promise<void>) =>
    checking(screen, size, async () => {
      await checks();
      await checkNoScroll(page);
    });
  // Finish's question takes the place of a screen's controls: it fits as they do, and the session
  // holds still under it (a rest does not run out, a set does not begin). Asked on the first set due
  // and the first rest, and taken back.
  let askedInRest = false;
  const askFinishQuestion = async (view: string, screen: string) => {
    await tap(button('Finish'), 'Finish');
    const asked = `${screen}, asked whether to end the session`;
    await where(asked, async () => {
      await checkOnScreen(page, page.locator(`${view} .finish-question p`), 'the question');
      for (const name of ['End session', 'Keep going']) await checkReachable(page, button(name), name);
    });
    const timer = await text(page, `${view} .count`);
    await page.clock.runFor(60_000);
    await checking(asked, size, async () => {
      check(await visible(page, `${view} .finish-question`), 'the question went away unanswered');
      check((await text(page, `${view} .count`)) === timer, 'the session went on under the question');
    });
    await tap(button('Keep going'), 'Keep going');
  };
  await devicesNamed(page).waitFor();
  // The offline notice comes once the service worker has cached the app, in real time: taps wait
  // for it, so that it cannot move the page under a finger.
  await page.locator(OFFLINE_NOTICE).waitFor({ timeout: 30_000 });
  await page.clock.runFor(2000);
  await pickHabit(page, tap, 'wrong-way');
  await tap(button('Start'), 'Start');
  for (let step = 0; step < 100; step++) {
    if (await visible(page, 'bb-summary')) return sets;
    if (await visible(page, 'bb-rest-view')) {
      const last = (await text(page, 'bb-rest-view .last')) ?? '';
      const rest = `the rest after ${last}`;
      await where(rest, async () => {
        await checkOnScreen(page, page.locator('bb-rest-view .count'), 'the rest timer');
        await checkOnScreen(page, page.locator('bb-rest-view .last'), 'the set just done');
        await checkOnScreen(page, page.locator('bb-rest-view .next'), 'what comes next');
        for (const name of ['Pause', 'Finish']) await checkReachable(page, button(name), name);
      });
      if (!askedInRest) await askFinishQuestion('bb-rest-view', rest);
      askedInRest = true;
      await tap(button('Start now'), 'Start now');
      continue;
    }
    const exercise = await text(page, 'bb-set-view h2');
    if (exercise === null) {
      await page.clock.runFor(1000);
      continue;
    }
    const set = `${exercise}, ${((await text(page, 'bb-set-view .meta')) ?? '').trim().toLowerCase()}`;
    // Waiting for the person, unless they were in position already.
    if (await visible(page, 'bb-set-view .prompt')) {
      await where(`${set}, due`, () => checkWaitingScreen(page));
      if (sets.length === 0) await askFinishQuestion('bb-set-view', `${set}, due`);
    }
    // The person lies the wrong way for a while; one who is in position already (on their back from
    // the last set, or sitting down at a machine) begins the set instead.
    await runUntil(
      page,
      async () => (await visible(page, 'bb-set-view .wrong')) || (await visible(page, 'bb-set-view .count')),
      30,
      `${set}: neither begun nor said to be in the wrong position`,
    );
    const wrongPositionShown = await visible(page, 'bb-set-view .wrong');
    await where(`${set}, ${wrongPositionShown ? 'in the wrong position' : 'begun'}`, async () => {
      if (wrongPositionShown) {
        await checkWaitingScreen(page);
        await checkReadable(page, page.locator('bb-set-view .wrong'), 'what is wrong with the position', 18);
      } else {
        await checkOnScreen(page, page.locator('bb-set-view .face'), 'the count');
        for (const name of ['Pause', 'Skip set', 'Finish']) await checkReachable(page, button(name), name);
      }
    });
    sets.push({ set, wrongPositionShown });
    // Skipped once begun, so that a rest follows and the person gets into the next position afresh
    // (a set skipped while still waiting goes straight to the next one).
    if (wrongPositionShown)
      await runUntil(page, () => visible(page, 'bb-set-view .count'), 60, `${set}: never begun`);
    await tap(button('Skip set'), 'Skip set');
  }
  throw new JourneyError(`never reached the summary; sets due: ${sets.map((s) => s.set).join('; ')}`);
}

export function screenshotPath(options: JourneyOptions, screen: JourneyScreen): string {
  return join(options.screenshots, `screenshot-${screen}${options.size.suffix}.png`);
}

/** Runs a screen's checks; a failure names the screen and the window. */
async function checking(screen: string, size: JourneySize, checks: () => Promise<void>): Promise<void> {
  try {
    await checks();
  } catch (error) {
    if (error instanceof JourneyError)
      error.message = `${screen} at ${size.viewport.width}×${size.viewport.height}: ${error.message}`;
    throw error;
  }
}

async function text(page: Page, selector: string): Promise<string | null> {
  // count() first: a read of a missing element would wait for it while the clock stands still.
  const locator = page.locator(selector);
  return (await locator.count()) > 0 ? locator.first().textContent() : null;
}

async function visible(page: Page, selector: string): Promise<boolean> {
  const locator = page.locator(selector);
  return (await locator.count()) > 0 && locator.first().isVisible();
}

async function hidden(page: Page, selector: string): Promise<boolean> {
  return !(await visible(page, selector));
}

async function pauseView(page: Page): Promise<PauseView> {
  return {
    count: await text(page, 'bb-set-view .count'),
    unit: await text(page, 'bb-set-view .unit'),
    person: await text(page, 'bb-device-panel .person'),
  };
}

type Tap = (locator: Locator, what: string) => Promise<void>;

/** A real tap (or a click, with a mouse) on the centre of what was checked to be in reach. */
function tapper(page: Page, size: JourneySize): Tap {
  return async (locator, what) => {
    await checkReachable(page, locator, what);
    if (size.touch) await locator.tap();
    else await locator.click();
    await page.clock.runFor(200);
  };
}

/** How the virtual person follows the screen, picked in the device menu as one tries the app. */
async function pickHabit(page: Page, tap: Tap, habit: string): Promise<void> {
  await openDevicesLine(page, (line) => tap(line, 'the devices'));
  await tap(deviceMenuButton(page), 'More devices');
  await page.getByLabel('Virtual person').selectOption(habit);
  // The choice puts the menu away.
  if ((await page.locator('bb-device-panel details[open]').count()) > 0)
    throw new JourneyError("The device menu stayed open once the virtual person's habit was chosen");
}

/** Lets simulated time pass a second at a time until `done`. */
async function runUntil(page: Page, done: () => Promise<boolean>, maxSeconds: number, failure: string) {
  for (let second = 0; second < maxSeconds; second++) {
    if (await done()) return;
    await page.clock.runFor(1000);
  }
  throw new JourneyError(`${failure} (after ${maxSeconds} s)`);
}

/** Taps Skip set or Start now until the named exercise's set is due (begun, or waiting for position). */
async function skipTo(page: Page, exercise: string, tap: Tap) {
  for (let step = 0; step < 60; step++) {
    if ((await text(page, 'bb-set-view h2')) === exercise) return;
    const next = page.getByRole('button', { name: /^(Skip set|Start now)$/ });
    if ((await next.count()) > 0) await tap(next.first(), 'Skip set or Start now');
    else await page.clock.runFor(1000);
  }
  throw new JourneyError(`never reached ${exercise}`);
}

async function checkSetScreen(page: Page): Promise<void> {
  await checkOnScreen(page, page.locator('bb-set-view .face'), 'the count');
  await checkOnScreen(page, page.locator('bb-set-view .unit').first(), "the count's target");
  await checkOnScreen(page, page.locator('bb-set-view .meta'), 'the set number');
  for (const name of ['−1 rep', '+1 rep', 'Pause', 'Skip set', 'Finish']) {
    await checkReachable(page, page.getByRole('button', { name, exact: true }), name);
  }
}

/** A set waiting for the person: the exercise, what position to take, and every way on in reach. */
async function checkWaitingScreen(page: Page): Promise<void> {
  await checkOnScreen(page, page.locator('bb-set-view h2'), 'the exercise');
  await checkOnScreen(page, page.locator('bb-set-view .meta'), 'the set number');
  // Read from the mat, two metres away: as big as the set's own title.
  await checkReadable(page, page.locator('bb-set-view .prompt'), 'the position to take', 28);
  for (const name of ['Start the set', 'Pause', 'Skip set', 'Finish']) {
    await checkReachable(page, page.getByRole('button', { name, exact: true }), name);
  }
}

/** On screen, in letters of at least `minPx`. */
async function checkReadable(page: Page, locator: Locator, what: string, minPx: number): Promise<void> {
  await checkOnScreen(page, locator, what);
  const px = await locator
    .first()
    .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  check(px >= minPx, `${what} is in ${px} px letters, too small to read from the mat`);
}

/** Wholly inside the window as it is, without scrolling. */
async function checkOnScreen(page: Page, locator: Locator, what: string): Promise<void> {
  check((await locator.count()) > 0, `${what} is missing`);
  const box = await locator.first().boundingBox();
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  check(box !== null, `${what} is not shown`);
  const inside =
    box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5;
  check(inside, `${what} is not inside the ${width}×${height} window (${JSON.stringify(box)})`);
}

/** On screen, and a tap at its centre lands on it, not on something over it. */
async function checkReachable(page: Page, locator: Locator, what: string): Promise<void> {
  await checkOnScreen(page, locator, what);
  const hit = await locator.first().evaluate((target) => {
    const box = target.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    // Through the shadow roots down to the element a finger at that point would touch.
    let found = document.elementFromPoint(x, y);
    while (found?.shadowRoot) {
      const inner = found.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === found) break;
      found = inner;
    }
    return {
      ok: found !== null && (found === target || target.contains(found)),
      found: found
        ? `<${found.localName} class="${found.className}"> ${found.textContent?.trim().slice(0, 40)}`
        : 'nothing',
    };
  });
  check(hit.ok, `a tap on ${what} lands on ${hit.found}`);
}

/** Nothing scrolls sideways, and axe finds no serious or critical violation. */
async function checkPage(page: Page): Promise<void> {
  await checkNoSidewaysScroll(page);
  const violations = await auditAccessibility(page);
  check(violations.length === 0, `accessibility: ${violations.join('; ')}`);
}

/** Nothing scrolls, sideways or down: the screen fits the window whole. */
async function checkNoScroll(page: Page): Promise<void> {
  await checkNoSidewaysScroll(page);
  const { height, clientHeight } = await scrollSize(page);
  check(height <= clientHeight, `the page scrolls down (${height} px in ${clientHeight})`);
}

async function checkNoSidewaysScroll(page: Page): Promise<void> {
  const { width, clientWidth } = await scrollSize(page);
  check(width <= clientWidth, `the page scrolls sideways (${width} px in ${clientWidth})`);
}

/** The page's size, which scrolls, and its window's. */
function scrollSize(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    return {
      width: root.scrollWidth,
      height: root.scrollHeight,
      clientWidth: root.clientWidth,
      clientHeight: root.clientHeight,
    };
  });
}

// Runs in the page. axe yields to the page with setTimeout(…, 0), which the paused clock would hold
// for ever: for the length of the audit those yields go through a message channel (which the clock
// leaves alone); its longer timeouts only guard against frames that never answer, and there are none.
// Plain JavaScript in a string, so that no build step adds helpers the page does not have.
const AUDIT = `(async () => {
  const paused = { setTimeout: window.setTimeout, clearTimeout: window.clearTimeout };
  window.setTimeout = (callback, ms = 0) => {
    if (ms <= 1) {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback();
      channel.port2.postMessage(null);
    }
    return 0;
  };
  window.clearTimeout = () => {};
  try {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
  } finally {
    Object.assign(window, paused);
  }
})()`;

async function auditAccessibility(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(AUDIT);
}
