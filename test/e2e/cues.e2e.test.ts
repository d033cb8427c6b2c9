// What the person hears and feels on the mat, in the built app with the virtual strap: every word
// handed to speechSynthesis, every tone's oscillator and every wake-lock request is recorded by an init
// script (headless Chromium has no voices, so speech is observed, not heard), with the page's clock
// time, and checked against what the screen showed at that moment.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPOKEN_MS_PER_CHAR } from '../../src/cues/spoken-words.ts';
import { toJson } from '../../src/export/json.ts';
import { type ExerciseId, PROGRAM } from '../../src/workout/program.ts';
import type { SetRecord } from '../../src/workout/session.ts';
import { SETTINGS_KEY } from '../../src/workout/settings.ts';
import { finishedSession, supermanSet } from '../set-record.ts';
import { FIVE_TO_ONE } from '../spoken-countdown.ts';
import { openAppOnPausedClock } from './app-page.ts';
import { launchChromium } from './chromium.ts';
import { type CueRecord, installCueSpy } from './cue-spy.ts';
import { devicesLine } from './devices-line.ts';

interface Heard {
  readonly text: string;
  readonly atMs: number;
}

const PHONE = { width: 360, height: 640 };
const TALL_PHONE = { width: 412, height: 915 };
/** A first visit's short session: the first set of each exercise, with the rest the program gives it. */
const SHORT_SESSION = { length: 'short', autoProgress: false };

/**
 * The built app on the paused clock with the cue spy: on a phone held in the hand (tapped) or a tall
 * one on the floor, a voice of `msPerChar` where one is given, and `settings` stored where given.
 */
function openWithCueSpy(
  browser: Browser,
  { phone = false, msPerChar, settings }: { phone?: boolean; msPerChar?: number; settings?: object } = {},
): Promise<Page> {
  return openAppOnPausedClock(browser, {
    viewport: phone ? PHONE : TALL_PHONE,
    ...(phone ? { touch: true } : {}),
    initScript: installCueSpy,
    ...(msPerChar === undefined ? {} : { voiceMsPerChar: msPerChar }),
    ...(settings ? { storage: { [SETTINGS_KEY]: JSON.stringify(settings) } } : {}),
  });
}

/** Runs the session on, a second at a time, until its summary shows (20 minutes at most). */
async function playToSummary(page: Page): Promise<void> {
  for (let second = 0; second < 1200 && (await page.locator('bb-summary').count()) === 0; second++)
    await page.clock.runFor(1000);
}

const cueLog = (page: Page) => page.evaluate(() => window.backbeatCueLog ?? []);
const heard = async (page: Page): Promise<Heard[]> =>
  (await cueLog(page))
    .filter((cue) => cue.kind === 'say')
    .map((cue) => ({ text: cue.detail, atMs: cue.atMs }));
const toneTimes = async (page: Page) =>
  (await cueLog(page)).filter((cue) => cue.kind === 'tone').map((cue) => cue.atMs);
const wakeLockRequests = async (page: Page) =>
  (await cueLog(page)).filter((cue) => cue.kind === 'wake-lock').length;
const texts = async (page: Page) => (await heard(page)).map((h) => h.text);

async function screenCount(page: Page): Promise<string | null> {
  const count = page.locator('bb-set-view .count');
  return (await count.count()) > 0 ? count.first().textContent() : null;
}

async function resting(page: Page): Promise<boolean> {
  return (await page.locator('bb-rest-view').count()) > 0;
}

/** Lets simulated time pass a second at a time until `done`. */
async function runUntil(
  page: Page,
  done: () => Promise<boolean>,
  maxSeconds: number,
  each?: () => Promise<void>,
) {
  for (let second = 0; second < maxSeconds; second++) {
    await page.clock.runFor(1000);
    await each?.();
    if (await done()) return;
  }
  throw new Error(`not done after ${maxSeconds} s; heard ${JSON.stringify((await texts(page)).slice(-5))}`);
}

const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

describe('cues in a hands-free session', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openWithCueSpy(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('announces the first exercise with its position and keeps the screen awake', async () => {
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.clock.runFor(300);
    // What the set is; its one point, said every session, which no count or "Go" drops; where to lie
    // and, to a person new to it, how it is done, a sentence at a time (a rep counted ends it at the
    // one under way); then the prompt, a line of its own, that "In position. Go." takes the place of.
    expect((await texts(page)).slice(0, 9)).toEqual([
      'Superman, set one of three. Ten reps',
      'Do not over-arch your lower back',
      'Lie face down.',
      'Stretch your arms out past your head.',
      'Lift arms, legs, head and chest.',
      'Only as high as is comfortable.',
      'Stay up a second.',
      'Then lower slowly',
      'Lie face down to start',
    ]);
    expect(await wakeLockRequests(page)).toBe(1);
  });

  it('says every rep as the screen shows it, with a tone each', async () => {
    const mismatches: string[] = [];
    await runUntil(
      page,
      () => resting(page),
      150,
      async () => {
        // The last number said is the count on screen.
        const shown = await screenCount(page);
        const numbers = (await texts(page)).filter((t) => WORDS.includes(t));
        const said = numbers.at(-1) ?? null;
        if (shown !== null && shown !== '0' && said !== WORDS[Number(shown) - 1])
          mismatches.push(`${shown}/${said}`);
      },
    );
    expect(mismatches).toEqual([]);
    const all = await texts(page);
    expect(all.filter((t) => WORDS.includes(t))).toEqual(WORDS);
    expect(all.at(-1)).toBe('Rest, forty-five seconds. Next: Superman, set two of three');
    // A tone as the set began ("In position. Go."), then one per rep: a single oscillator each.
    const go = (await heard(page)).find((h) => h.text === 'In position. Go.')!;
    const tones = await toneTimes(page);
    expect(tones.filter((t) => Math.abs(t - go.atMs) < 50)).toHaveLength(1);
    expect(tones.filter((t) => t > go.atMs + 50)).toHaveLength(10);
    expect(tones).toHaveLength(11);
  });

  it('counts the rest down in the last five seconds, a second apart, then starts the set', async () => {
    const restStart = (await heard(page)).at(-1)!.atMs;
    await runUntil(page, () => resting(page).then((r) => !r), 60);
    const after = (await heard(page)).filter((h) => h.atMs > restStart);
    const countdown = after.filter((h) => FIVE_TO_ONE.includes(h.text));
    expect(countdown.map((h) => h.text)).toEqual(FIVE_TO_ONE);
    for (let i = 1; i < countdown.length; i++) {
      expect(Math.abs(countdown[i].atMs - countdown[i - 1].atMs - 1000)).toBeLessThanOrEqual(250);
    }
    const begin = after.find((h) => h.text.startsWith('Superman, set two'))!;
    expect(begin.text).toBe('Superman, set two of three. Ten reps');
    expect(after[after.indexOf(begin) + 1]?.text).toBe('Lie face down to start');
    expect(Math.abs(begin.atMs - countdown[4].atMs - 1000)).toBeLessThanOrEqual(250);
    // Then, once the person is back in position and still: "In position. Go.", before any count.
    await runUntil(page, async () => (await texts(page)).at(-1) === 'In position. Go.', 30);
    expect(await screenCount(page)).toBe('0');
    // The rest-end tone (three notes) sounded with it.
    const tones = await toneTimes(page);
    expect(tones.filter((t) => Math.abs(t - begin.atMs) < 50)).toHaveLength(3);
    // Resting did not drop the wake lock.
    expect(await wakeLockRequests(page)).toBe(1);
  });

  it('times the drawing-in hold out loud: start, every 15 s, the last five seconds, done', async () => {
    for (let presses = 0; presses < 40; presses++) {
      if (
        (await page.locator('bb-set-view h2').count()) > 0 &&
        (await page.locator('bb-set-view h2').textContent()) === 'Drawing-in'
      )
        break;
      await page.getByRole('button', { name: /^(Skip set|Start now)$/ }).click();
      await page.clock.runFor(200);
    }
    const from = (await heard(page)).length;
    await runUntil(page, () => resting(page), 120);
    const said = (await texts(page)).slice(from);
    // With what was held by the time the stillness was confirmed ("Two seconds in").
    const hold = said.findIndex((line) => line === 'Hold' || line.startsWith('Hold. '));
    expect(hold).toBeGreaterThanOrEqual(0);
    expect(said.slice(hold + 1, hold + 10)).toEqual([
      'fifteen seconds',
      'thirty seconds',
      ...FIVE_TO_ONE,
      'Done: forty-five seconds',
      expect.stringMatching(/^Rest, thirty seconds\. Next: Bird dog, one set\. Start with your right arm\b/),
    ]);
  });

  it('pauses the rest with a word, stays quiet through the pause, and goes on with the rest left', async () => {
    expect(await resting(page)).toBe(true);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.clock.runFor(200);
    expect((await texts(page)).at(-1)).toBe('Paused');
    const before = (await heard(page)).length;
    const left = await page.locator('bb-rest-view .count').textContent();
    await page.clock.runFor(60_000);
    // A minute later: still resting, the timer where it stopped, not a word said.
    expect(await resting(page)).toBe(true);
    expect(await page.locator('bb-rest-view .count').textContent()).toBe(left);
    expect((await heard(page)).length).toBe(before);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.clock.runFor(200);
    // The rest left is said in words ("thirty seconds"), as much as the screen showed when paused.
    expect(Number(left)).toBeGreaterThan(25);
    expect((await texts(page)).at(-1)).toMatch(/^Rest goes on: (thirty|twenty-\w+) seconds left$/);
    await runUntil(page, () => resting(page).then((r) => !r), 40);
    expect((await texts(page)).find((t) => t.startsWith('Bird dog, one set'))).toMatch(
      /^Bird dog, one set\. Ten each side/,
    );
  });
});

describe('muted from the mat', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openWithCueSpy(browser, { phone: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const cuesOf = async (kind: string) => (await cueLog(page)).filter((cue) => cue.kind === kind).length;
  const shownCount = async () => Number((await screenCount(page)) ?? 0);

  it('says and sounds nothing more once Mute is tapped mid-set, still buzzes, and speaks again after a second tap', async () => {
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    await runUntil(page, async () => (await shownCount()) >= 2, 60);
    const mute = page.getByRole('button', { name: 'Mute' });
    await mute.tap();
    expect(await mute.getAttribute('aria-pressed')).toBe('true');
    const said = await cuesOf('say');
    const tones = await cuesOf('tone');
    const buzzes = await cuesOf('vibrate');
    const countAtMute = await shownCount();
    await runUntil(page, async () => (await shownCount()) >= countAtMute + 3, 30);
    // Three reps counted on screen, not a word nor a tone: the reps still buzz (vibration is not muted).
    expect(await cuesOf('say')).toBe(said);
    expect(await cuesOf('tone')).toBe(tones);
    expect(await cuesOf('vibrate')).toBeGreaterThanOrEqual(buzzes + 3);
    // Kept as the setting, as Settings keeps it.
    expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).muted, SETTINGS_KEY)).toBe(
      true,
    );

    await mute.tap();
    expect(await mute.getAttribute('aria-pressed')).toBe('false');
    const countAtUnmute = await shownCount();
    await runUntil(page, async () => (await shownCount()) > countAtUnmute, 30);
    // The next rep is said and sounded again.
    expect((await texts(page)).at(-1)).toBe(WORDS[(await shownCount()) - 1]);
    expect(await cuesOf('tone')).toBeGreaterThan(tones);
  });
});

describe('heart rate in a hands-free session', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openWithCueSpy(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('ends a rest early once the heart has recovered, when turned on in the settings', async () => {
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: /^Settings/ }).click();
    await page.getByRole('spinbutton', { name: 'Age' }).fill('40');
    await page.getByRole('spinbutton', { name: 'Age' }).blur();
    await page.getByRole('checkbox', { name: /End a rest early/ }).check();
    await page.getByRole('button', { name: 'Done' }).click();
    // A minute of heart rate before the start, for RMSSD at rest.
    await page.clock.runFor(60_000);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await runUntil(page, () => resting(page), 150);
    let restS = 0;
    await runUntil(
      page,
      () => resting(page).then((r) => !r),
      60,
      async () => {
        restS++;
      },
    );
    // The planned rest is 45 s; the heart of the simulated person is back under 60 % of 180 at once,
    // so the rest ends at its earliest: half the planned time.
    expect(restS).toBeGreaterThanOrEqual(22);
    expect(restS).toBeLessThan(30);
    // Said, and shown on the next set's screen: why it comes before its rest was over.
    expect((await texts(page)).find((t) => t.includes('Superman, set two of three. Ten'))).toBe(
      'Heart rate recovered: next set. Superman, set two of three. Ten reps',
    );
    await expect
      .poll(() => page.locator('bb-set-view').getByText('Heart rate recovered: next set').count())
      .toBe(1);
  });

  it('shows heart rate per set, the recovery after it and RMSSD in the summary', async () => {
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('button', { name: 'End session' }).click();
    await page.clock.runFor(1000);
    await expect.poll(() => page.locator('bb-summary').count()).toBe(1);
    const heart = page.locator('bb-summary .heart');
    const first = await heart.locator('li').first().textContent();
    const [, avg, max, drop] =
      first?.match(/^Superman 1: (\d+) bpm average, (\d+) at most, −(\d+) bpm in the rest$/) ?? [];
    expect(Number(max)).toBeGreaterThanOrEqual(Number(avg));
    expect(Number(drop)).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/bbshot/summary-heart.png', fullPage: true });
    expect(await heart.locator('p').first().textContent()).toMatch(
      /^Heart-rate variability \(RMSSD\) at rest: \d+ ms before/,
    );
  });
});

/**
 * A set of each of the seven exercises, short of its target (so that no target moves): a session done
 * before, three of which make a person who knows the exercises, told no longer how they are done.
 */
function everyExerciseOnce(): SetRecord[] {
  const holdS: Partial<Record<ExerciseId, number>> = { 'drawing-in': 30, 'elbow-plank': 20 };
  return PROGRAM.map(({ id }, i) => {
    const held = holdS[id];
    return supermanSet({
      exerciseId: id,
      target: held ?? 10,
      count: held === undefined ? 5 : 0,
      holdMs: held === undefined ? null : held * 1000,
      startedMs: i * 60_000,
      endedMs: i * 60_000 + 40_000,
      endedBy: 'stopped',
    });
  });
}

describe('the voice before each first set, to a person who knows the program', () => {
  // A voice at rate 1 says some fourteen characters a second: "Rest, three seconds. Next: Wide-grip
  // lat pulldown" took 3.4 s.
  const MS_PER_CHAR = 70;
  let browser: Browser;
  let page: Page;
  let log: CueRecord[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openWithCueSpy(browser, { msPerChar: MS_PER_CHAR, settings: SHORT_SESSION });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('runs a short session after three sessions of every exercise', async () => {
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const dayMs = 86_400_000;
    const past = [3, 2, 1].map((days) =>
      finishedSession(`before-${days}`, Date.now() - days * dayMs, everyExerciseOnce()),
    );
    await page.locator('bb-history input[type=file]').setInputFiles({
      name: 'back.json',
      mimeType: 'application/json',
      buffer: Buffer.from(toJson(past)),
    });
    await expect.poll(() => page.locator('bb-history .notice').textContent()).toMatch(/Imported 3 sessions/);
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await playToSummary(page);
    await page.clock.runFor(5000);
    log = await cueLog(page);
    expect(await page.locator('bb-summary').count()).toBe(1);
    // Told how none is done: the person knows them all.
    expect(log.some((cue) => cue.kind === 'say' && cue.detail.startsWith('Lift arms'))).toBe(false);
  });

  // After the set's line came its one point, and "In position. Go." waited for both: 4.8 s for a person
  // on hands and knees from the drawing-in as the bird dog began. The rest before it says the point.
  it('says "In position. Go." after no one point, but the first exercise\'s, which has no rest before it', () => {
    const firstSets = PROGRAM.map(({ name, keyPoint }) => {
      const begins = log.findIndex((cue) => cue.kind === 'say' && cue.detail.startsWith(`${name}, `));
      // The buzz of the set's start, as the person is seen in position.
      const inPosition = log.findIndex(
        (cue, i) => i > begins && cue.kind === 'vibrate' && cue.detail === '[200]',
      );
      const go = log.findIndex(
        (cue, i) => i > inPosition && cue.kind === 'say' && cue.detail === 'In position. Go.',
      );
      expect(go, name).toBeGreaterThan(0);
      const before = log.slice(begins, go).filter((cue) => cue.kind === 'say');
      return {
        name,
        pointBefore: before.some((cue) => cue.detail.includes(keyPoint.slice(0, -1))),
        waitS: (log[go].atMs - log[inPosition].atMs) / 1000,
      };
    });
    console.log(
      `in position to "In position. Go.": ${firstSets.map(({ name, waitS }) => `${name} ${waitS.toFixed(1)} s`).join(', ')}`,
    );
    expect(firstSets.map(({ pointBefore }) => pointBefore)).toEqual(PROGRAM.map((_, i) => i === 0));
    // In position as the set began: "Go" waits for the set's line alone ("Bird dog, one set. Ten each side").
    expect(firstSets.find(({ name }) => name === 'Bird dog')?.waitS).toBeLessThan(2.5);
    const said = log.filter((cue) => cue.kind === 'said').map((cue) => cue.detail);
    for (const { name, keyPoint } of PROGRAM)
      expect(
        said.filter((line) => line.includes(keyPoint.slice(0, -1))),
        name,
      ).toHaveLength(1);
    // Nothing said was cut short, and every rest was counted down to its end.
    expect(log.filter((cue) => cue.kind === 'cut')).toEqual([]);
    const rests = said.flatMap((line, i) => (line.startsWith('Rest,') ? [i] : []));
    expect(rests).toHaveLength(PROGRAM.length - 1);
    for (const rest of rests) {
      const setAfter = said.findIndex(
        (line, i) => i > rest && PROGRAM.some((e) => line.startsWith(`${e.name}, `)),
      );
      expect(said.slice(rest + 1, setAfter).slice(-5), said[rest]).toEqual(FIVE_TO_ONE);
    }
  });
});

describe('+1 tapped faster than the one point is said', () => {
  const point = PROGRAM[0].keyPoint.slice(0, -1);
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    // A voice at rate 1 (see above).
    page = await openWithCueSpy(browser, { phone: true, msPerChar: 70 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  // Three taps 0.7 s apart began the superman's "Do not over-arch your lower back" four times, cut off
  // after each count but the last.
  it('says each count with its tap, and the point once the taps stop, whole', async () => {
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    await page.clock.runFor(300);
    await page.getByRole('button', { name: 'Start the set', exact: true }).tap();
    await runUntil(page, async () => (await texts(page)).includes(point), 10);
    await page.clock.runFor(400);
    for (let tap = 0; tap < 3; tap++) {
      await page.getByRole('button', { name: /^\+1/ }).tap();
      await page.clock.runFor(700);
    }
    await page.clock.runFor(5000);
    const log = await cueLog(page);
    const ofThePoint = log.filter((cue) => cue.detail === point && cue.kind !== 'say').map((cue) => cue.kind);
    // Cut off by the first tap as it was said; then once, after the last, to its end.
    expect(ofThePoint).toEqual(['cut', 'said']);
    const said = (await texts(page)).slice((await texts(page)).indexOf(point));
    expect(said.slice(0, 5)).toEqual([point, 'one', 'two', 'three', point]);
  });
});

describe('a voice slower than the rests are reckoned for', () => {
  // Some ten characters a second: the lines of a rest are made for twelve (SPOKEN_MS_PER_CHAR).
  const MS_PER_CHAR = 95;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    // A first visit's short session: each rest tells how the next exercise is done.
    page = await openWithCueSpy(browser, { msPerChar: MS_PER_CHAR, settings: SHORT_SESSION });
  });

  afterAll(async () => {
    await browser?.close();
  });

  // The rest before the bird dog said only "one", the one before the lat pulldown began at "three":
  // "five" and "four" went stale behind a line that ran past them.
  it('counts every rest down from "five", a second apart, the line giving way to it', async () => {
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await playToSummary(page);
    const said = await heard(page);
    const rests = said.flatMap((line, i) => (line.text.startsWith('Rest,') ? [i] : []));
    expect(rests).toHaveLength(PROGRAM.length - 1);
    for (const rest of rests) {
      const setAfter = said.findIndex(
        (line, i) => i > rest && PROGRAM.some((e) => line.text.startsWith(`${e.name}, `)),
      );
      const countdown = said.slice(rest + 1, setAfter).filter((line) => FIVE_TO_ONE.includes(line.text));
      expect(
        countdown.map((line) => line.text),
        said[rest].text,
      ).toEqual(FIVE_TO_ONE);
      for (let i = 1; i < countdown.length; i++)
        expect(Math.abs(countdown[i].atMs - countdown[i - 1].atMs - 1000)).toBeLessThanOrEqual(250);
    }
  });

  // "Five" cut the rest before the bird dog off at "Both level with the floor", the one before the
  // lat pulldown at "Hold a second or two": the end of the movement was never said.
  it('says where to lie and how each exercise is done to its end once before its "Go", what the countdown cut off after the set\'s line', async () => {
    const log = await cueLog(page);
    const cut = log.filter((cue) => cue.kind === 'cut').map((cue) => cue.detail);
    console.log(`cut by the countdown: ${cut.map((line) => `"${line}"`).join(', ')}`);
    expect(cut.length).toBeGreaterThan(0);
    for (const exercise of PROGRAM.slice(1)) {
      const rest = log.findIndex(
        (cue) =>
          cue.kind === 'say' &&
          cue.detail.startsWith('Rest,') &&
          cue.detail.includes(`Next: ${exercise.name}`),
      );
      const go = log.findIndex(
        (cue, i) => i > rest && cue.kind === 'say' && cue.detail === 'In position. Go.',
      );
      // What was said to its end in between, however it was cut into lines.
      const heardWhole = log
        .slice(rest, go)
        .filter((cue) => cue.kind === 'said')
        .map((cue) => cue.detail)
        .join(' ');
      const sentences = `${exercise.position} ${exercise.spokenHow}`.split(/(?<=[.;!?])\s+/);
      for (const sentence of sentences.map((words) => words.replace(/[.;]$/, '')))
        expect(heardWhole.split(sentence).length - 1, `${exercise.name}: "${sentence}"`).toBe(1);
    }
  });
});

describe('rests of three seconds, the shortest but none', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    const exercises = PROGRAM.map(({ id, dosage }) => ({
      id,
      included: true,
      dosage: { ...dosage, restS: 3 },
    }));
    // A voice at rate 1 (see above).
    page = await openWithCueSpy(browser, { msPerChar: 70, settings: { length: 'short', exercises } });
  });

  afterAll(async () => {
    await browser?.close();
  });

  // "Rest, three seconds. Next: Wide-grip lat pulldown" took 3.4 s: the set's line cut it off 2.8 s in.
  it('says each rest a line heard to its end before the next set', async () => {
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await playToSummary(page);
    const log = await cueLog(page);
    const restLines = log.filter((cue) => cue.kind === 'say' && /^(Rest|Next)\b/.test(cue.detail));
    expect(restLines).toHaveLength(PROGRAM.length - 1);
    const cut = log.filter((cue) => cue.kind === 'cut' && /^(Rest|Next)\b/.test(cue.detail));
    expect(cut.map((cue) => cue.detail)).toEqual([]);
    console.log(
      `rests of 3 s: ${restLines.map((cue) => `"${cue.detail}" ${((cue.detail.length * 70) / 1000).toFixed(1)} s`).join(', ')}`,
    );
  });
});

// A walk of the whole session read "Listen for Go." under "In position" from 7 s, while the voice
// said how the superman is done until its "Go" at 15 s: what the screen says must be true as it is read.
describe("the screen while the voice says how a new person's first set is done", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openWithCueSpy(browser, { phone: true, msPerChar: 65 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('waits for the voice\'s "Go" under "In position", and shows the count from the moment "Go" is said', async () => {
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    const goSaid = async () =>
      (await cueLog(page)).find((cue) => cue.kind === 'said' && cue.detail === 'In position. Go.');
    const shownText = async (selector: string) => {
      const locator = page.locator(selector);
      return (await locator.count()) > 0 ? locator.first().textContent() : null;
    };
    let waitedInPositionS = 0;
    for (let halfSecond = 0; halfSecond < 60 && !(await goSaid()); halfSecond++) {
      await page.clock.runFor(500);
      // The voice's end of "In position. Go." may come within this half second: the screen follows it.
      if (await goSaid()) break;
      expect(await screenCount(page)).toBeNull();
      if ((await shownText('bb-set-view .prompt')) !== 'In position') continue;
      expect(await shownText('bb-set-view .waiting')).toBe('Stay there until the voice says “Go”.');
      waitedInPositionS += 0.5;
    }
    // In position while how it is done was still said: the line was read for seconds, not a moment.
    expect(waitedInPositionS).toBeGreaterThanOrEqual(5);
    expect(await goSaid()).toBeDefined();
    await expect.poll(() => screenCount(page)).toBe('0');
    expect(await page.locator('bb-set-view .waiting').count()).toBe(0);
  });
});

// Headless Chromium lists no voices. A phone can too and still speak (the spy's voice): its screen
// reader's region was read "In position. Go." at 7 s, while the voice said how the superman is done
// until its own "Go" at 15 s, the screen saying to wait for it, and was read every line the voice said.
describe('what a screen reader is read of a first set where the browser lists no voices', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const region = (page: Page) => page.locator('bb-app main > [role=status]').textContent();
  const waitingLine = async (page: Page) => {
    const waiting = page.locator('bb-set-view .waiting');
    return (await waiting.count()) > 0 ? waiting.first().textContent() : null;
  };

  /** What the region and the screen held each half second from Start until the count shows. */
  async function readUntilCounting(page: Page) {
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    const moments: { region: string; waiting: string | null; count: string | null }[] = [];
    for (let halfSecond = 0; halfSecond < 60; halfSecond++) {
      await page.clock.runFor(500);
      const count = await screenCount(page);
      moments.push({ region: (await region(page)) ?? '', waiting: await waitingLine(page), count });
      if (count !== null) break;
    }
    return moments;
  }

  it('reads none of the lines a voice says, though the browser lists it not', async () => {
    const page = await openWithCueSpy(browser, { phone: true, msPerChar: 65 });
    const moments = await readUntilCounting(page);
    expect(moments.at(-1)?.count).toBe('0');
    const said = (await cueLog(page)).filter((cue) => cue.kind === 'said').map((cue) => cue.detail);
    expect(said).toContain('In position. Go.');
    for (const { region: read } of moments) expect(read.trim()).toBe('');
    await page.close();
  });

  it('reads "Go" where no voice says it, once the screen counts, never under the line that waits for it', async () => {
    // No spy: headless Chromium's own speechSynthesis, which fails each line it is given.
    const page = await openAppOnPausedClock(browser, { viewport: PHONE, touch: true });
    const moments = await readUntilCounting(page);
    expect(moments.at(-1)?.count).toBe('0');
    expect(moments.some((moment) => /Lie face down/.test(moment.region))).toBe(true);
    for (const moment of moments)
      if (moment.region.includes('Go.')) expect(moment.waiting, moment.region).toBeNull();
    await expect.poll(() => region(page)).toMatch(/In position\. Go\./);
    await page.close();
  });
});

describe("a pause in a new person's first set", () => {
  const superman = PROGRAM.find((e) => e.id === 'superman')!;
  const bridge = PROGRAM.find((e) => e.id === 'glute-bridge')!;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A first visit's short session on a phone, begun, the voice at rate 1 (see above). */
  async function begun(voiceMsPerChar = 70): Promise<void> {
    await page?.close();
    page = await openWithCueSpy(browser, { phone: true, msPerChar: voiceMsPerChar, settings: SHORT_SESSION });
    await expect.poll(() => devicesLine(page).textContent()).toBe('Virtual strap connected');
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
  }

  /** What was begun from the line the session went on with. */
  const fromGoingOn = async () => {
    const said = await texts(page);
    return said.slice(said.findIndex((line) => line.startsWith('Go on: ')));
  };

  // Paused 3 s in, the superman went on with its set's line, its point and "In position. Go.": how it
  // is done, 14 s of it, never said.
  it('says how the exercise is done after Resume, after its one point', async () => {
    await begun();
    await page.clock.runFor(3000);
    await page.getByRole('button', { name: 'Pause', exact: true }).tap();
    await page.clock.runFor(2000);
    await page.getByRole('button', { name: 'Resume', exact: true }).tap();
    await runUntil(page, async () => (await texts(page)).includes('In position. Go.'), 40);
    const said = await fromGoingOn();
    expect(said.slice(0, 3)).toEqual([
      'Go on: Superman, one set. Ten reps. Lie face down to start',
      superman.keyPoint.slice(0, -1),
      'Lie face down.',
    ]);
    expect(said.slice(2, said.indexOf('In position. Go.')).join(' ')).toBe(
      `${superman.position} ${superman.spokenHow.slice(0, -1)}`,
    );
  });

  // Skipped to in a pause, the bridge went on with "Go on: Glute bridge, one set. Fifteen reps. Lie on
  // your back to start" alone: neither its point nor how it is done.
  it('names the next exercise with its one point and how it is done after Resume, where it was skipped to in the pause', async () => {
    await begun();
    await page.clock.runFor(1000);
    await page.getByRole('button', { name: 'Pause', exact: true }).tap();
    await page.clock.runFor(1000);
    // Nothing done in it: straight on to the next exercise, with no rest.
    await page.getByRole('button', { name: 'Skip set', exact: true }).tap();
    await page.clock.runFor(1000);
    expect(await page.locator('bb-set-view h2').textContent()).toBe('Glute bridge');
    await page.getByRole('button', { name: 'Resume', exact: true }).tap();
    await runUntil(page, async () => (await texts(page)).includes('In position. Go.'), 60);
    const said = await fromGoingOn();
    expect(said.slice(0, 2)).toEqual([
      'Go on: Glute bridge, one set. Fifteen reps',
      bridge.keyPoint.slice(0, -1),
    ]);
    expect(said.slice(2, said.indexOf('In position. Go.')).join(' ')).toBe(
      `${bridge.position} ${bridge.spokenHow.slice(0, -1)}`,
    );
  });

  // Paused as the rest before the bridge began where to lie, a voice of some ten characters a second:
  // it went on with "Rest goes on: thirty-six seconds left" alone, 31 s to "five", and said where to
  // lie and how after the set's line, holding up its start some 20 s.
  it('says where to lie and how the next exercise is done in the rest after Resume, where a pause cut them off', async () => {
    const how = `${bridge.position} ${bridge.spokenHow.slice(0, -1)}`;
    await begun(95);
    await runUntil(page, () => resting(page), 90);
    const first = bridge.position.split(/(?<=\.) /)[0];
    await runUntil(page, async () => (await texts(page)).includes(first), 30);
    await page.getByRole('button', { name: 'Pause', exact: true }).tap();
    await page.clock.runFor(10_000);
    await page.getByRole('button', { name: 'Resume', exact: true }).tap();
    await runUntil(page, () => resting(page).then((r) => !r), 90);
    await page.clock.runFor(5000);
    const said = await texts(page);
    const after = said.slice(said.indexOf('Paused') + 1);
    const times = (await heard(page)).slice(said.indexOf('Paused'));
    console.log(`from Paused: ${times.map((h) => `${(h.atMs / 1000).toFixed(1)} s "${h.text}"`).join(', ')}`);
    expect(after[0]).toMatch(/^Rest goes on: [a-z-]+ seconds left$/);
    const five = after.indexOf('five');
    // Then the time left, due with 15 s of the rest left, once they are over.
    expect(after.slice(1, five).join(' ')).toBe(`${how} fifteen seconds left`);
    expect(after.slice(five, five + 5)).toEqual(FIVE_TO_ONE);
    // Nothing of it said again after the countdown.
    expect(after.slice(five + 5).some((line) => how.includes(line))).toBe(false);
  });

  // Paused a second into the rest before the bird dog, a voice of some ten characters a second: the
  // rest went on with where to lie and the first of how it is done, all it had room for, and the
  // whole line the pause cut off after them, "Hands under shoulders" said a second time after "Reach
  // one arm forward" and cut off by "five".
  it('says each sentence of where to lie and how the next exercise is done once, paused early in the rest before it', async () => {
    const birdDog = PROGRAM.find((e) => e.id === 'bird-dog')!;
    const sentences = `${birdDog.position} ${birdDog.spokenHow.slice(0, -1)}`.split(/(?<=\.) /);
    await begun(95);
    const restLine = (line: string) => line.startsWith('Rest, ') && line.includes('Next: Bird dog');
    await runUntil(page, async () => (await texts(page)).some(restLine), 600);
    await page.clock.runFor(1000);
    await page.getByRole('button', { name: 'Pause', exact: true }).tap();
    await page.clock.runFor(3000);
    const saidBefore = (await texts(page)).length;
    await page.getByRole('button', { name: 'Resume', exact: true }).tap();
    await runUntil(page, async () => (await texts(page)).slice(saidBefore).includes('In position. Go.'), 90);
    const log = await cueLog(page);
    const fromPaused = log.slice(log.findIndex((cue) => cue.kind === 'say' && cue.detail === 'Paused'));
    const begunAfter = fromPaused.filter((cue) => cue.kind === 'say').map((cue) => cue.detail);
    expect(begunAfter.filter((line) => sentences.includes(line))).toEqual(sentences);
    expect(fromPaused.filter((cue) => cue.kind === 'cut')).toEqual([]);
  });

  // Reloaded 2 s after the rest before the bridge had said where to lie and how to their end, at the
  // pace the app reckons a voice by, the new page went on with "Rest goes on: twenty-four seconds
  // left. Next: Glute bridge, one set", the bridge's point and where to lie, all heard before the
  // reload, and the set said how it is done again after its line.
  it('picks a rest up after a reload with where it is and the time left, not what was heard before', async () => {
    const how = `${bridge.position} ${bridge.spokenHow.slice(0, -1)}`;
    await begun(SPOKEN_MS_PER_CHAR);
    await runUntil(page, () => resting(page), 90);
    const last = how.split(/(?<=\.) /).at(-1) ?? '';
    await runUntil(
      page,
      async () => (await cueLog(page)).some((cue) => cue.kind === 'said' && cue.detail === last),
      40,
    );
    // A write of the session after it, as every second.
    await page.clock.runFor(2000);
    await page.reload();
    await page.getByRole('button', { name: 'Resume where I was' }).tap();
    // The rest is back on screen before its end is waited for: restored from the store, it takes a
    // moment of real time that a loaded machine stretches past the first simulated second.
    await expect.poll(() => resting(page)).toBe(true);
    await runUntil(page, () => resting(page).then((r) => !r), 60);
    await page.clock.runFor(5000);
    const said = await texts(page);
    console.log(`after the reload: ${said.join(' / ')}`);
    expect(said[0]).toMatch(/^Rest goes on: [a-z-]+ seconds left\. Next: Glute bridge, one set$/);
    const howSentences = how.split(/(?<=\.) /);
    expect(said.filter((line) => howSentences.includes(line) || line.includes(bridge.position))).toEqual([]);
    expect(said).not.toContain(bridge.keyPoint.slice(0, -1));
    const five = said.indexOf('five');
    expect(said.slice(five, five + 6)).toEqual([...FIVE_TO_ONE, 'Glute bridge, one set. Fifteen reps']);
  });
});
