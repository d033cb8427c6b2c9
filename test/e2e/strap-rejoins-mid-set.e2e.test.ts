// A Polar H10 picked on an earlier visit, left out of reach as the page loads: the person presses
// Start on the virtual strap standing in, and the strap comes into reach in the middle of the first
// set, where the app's own try finds it with no tap. Emulated over the DevTools protocol and reached
// through Chromium's own Web Bluetooth stack, on Playwright's clock, paused and moved on a step at a
// time, so that the app's tries, the virtual person and the voice keep their times.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { REJOIN_EARLY_DELAY_MS } from '../../src/app/rejoin-policy.ts';
import { VIRTUAL_HABIT_KEY } from '../../src/app/virtual-strap-habit.ts';
import { spokenNumber } from '../../src/cues/cue-planner.ts';
import { PMD_DATA } from '../../src/protocol/uuids.ts';
import { describeWithShared, readSharedJson } from '../shared.ts';
import { launchChromium } from './chromium.ts';
import { installCueSpy } from './cue-spy.ts';
import { devicesListed } from './devices-line.ts';
import { type EmulatedH10, emulateH10, supermanFrames, type Vector } from './emulated-polar-h10.ts';

const JOINED_LINE = 'Your strap is connected: it counts from here';
const NUMBERS = Array.from({ length: 12 }, (_, i) => spokenNumber(i + 1));
/** A voice that takes its time, as a real one does, so that a line cut off by another shows. */
const VOICE_MS_PER_CHAR = 70;

interface Heard {
  readonly text: string;
  readonly atMs: number;
}

describeWithShared('a strap of an earlier visit that comes into reach in the middle of a set', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let strap: EmulatedH10;
  let vectors: Vector[];
  let visits = 0;

  /** A visit: a fresh tab of the same browser profile, the strap emulated before the app loads. */
  async function visit(options: { readonly outOfReach: boolean }): Promise<void> {
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`page error: ${message.text()}`);
    });
    await page.addInitScript((ms) => {
      window.backbeatVoiceMsPerChar = ms;
    }, VOICE_MS_PER_CHAR);
    await page.addInitScript(installCueSpy);
    // The virtual person does as asked: the set begins and counts without a wrong start.
    await page.addInitScript(
      (key) => localStorage.setItem(key, JSON.stringify('follows')),
      VIRTUAL_HABIT_KEY,
    );
    strap = await emulateH10(browser, page, vectors, { battery: false });
    if (options.outOfReach) await strap.goOutOfReach();
    // Paused before the page loads: its tries, the virtual person and the voice keep the same times
    // in every run, however long loading takes. The clock is the browser profile's: each visit an
    // hour on from the last, never back in time.
    await page.clock.pauseAt(new Date(Date.UTC(2026, 10, 23, 8 + visits++)));
    await page.goto(inject('baseUrl'));
  }

  beforeAll(async () => {
    vectors = readSharedJson<Vector[]>('vectors/vectors.json');
    browser = await launchChromium();
    // A laptop: the header lays the devices out whole.
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    // The earlier visit, on which the strap was picked from the chooser.
    await visit({ outOfReach: false });
    await page.getByRole('button', { name: 'Connect a Bluetooth strap' }).click();
    await runClockUntil(async () => (await devices()).join() === 'Polar H10 0000E2E0 connected', 5000);
    await page.close();
    await strap.dispose();
  });

  afterAll(async () => {
    await strap?.dispose();
    await browser?.close();
  });

  const panel = (selector: string) => page.locator(`bb-device-panel ${selector}`);
  const heard = (): Promise<Heard[]> =>
    page.evaluate(() =>
      (window.backbeatCueLog ?? [])
        .filter((c) => c.kind === 'say')
        .map((c) => ({ text: c.detail, atMs: c.atMs })),
    );
  /** What the voice was handed, said to its end and cut off. */
  const spoken = () =>
    page.evaluate(() =>
      (window.backbeatCueLog ?? [])
        .filter((c) => c.kind === 'say' || c.kind === 'said' || c.kind === 'cut')
        .map((c) => ({ kind: c.kind, detail: c.detail })),
    );
  const count = async () => {
    const shown = page.locator('bb-set-view .count');
    return (await shown.count()) > 0 ? Number(await shown.textContent()) : 0;
  };
  const devices = () => devicesListed(page);

  /** Moves the page's clock on `stepMs` at a time until `done`, giving up after `maxMs` of page time. */
  async function runClockUntil(done: () => Promise<boolean>, maxMs: number, stepMs = 100): Promise<void> {
    for (let ranMs = 0; ranMs < maxMs; ranMs += stepMs) {
      if (await done()) return;
      await page.clock.runFor(stepMs);
    }
    if (await done()) return;
    throw new Error(`not done after ${maxMs} ms of page time; heard ${JSON.stringify(await heard())}`);
  }

  it('keeps the count of the set under way as the strap takes the virtual strap’s place, says so between two counts, and counts on with the strap', async () => {
    await visit({ outOfReach: true });
    await runClockUntil(async () => (await panel('.awaited .state').count()) > 0, 10_000);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await runClockUntil(async () => (await count()) >= 3, 60_000, 250);

    // Back in reach: the app's next try of its own finds it, no tap.
    strap.comeBackInReach();
    const counts: number[] = [];
    await runClockUntil(
      async () => {
        counts.push(await count());
        return (await devices()).join() === 'Polar H10 0000E2E0 connected';
      },
      2 * REJOIN_EARLY_DELAY_MS + 2000,
      250,
    );
    const countAtJoin = await count();
    const joinedAtMs = await page.evaluate(() => performance.now());
    await runClockUntil(async () => (await heard()).some((h) => h.text === JOINED_LINE), 5000, 250);
    const toldAfterS = ((await heard()).find((h) => h.text === JOINED_LINE)!.atMs - joinedAtMs) / 1000;
    await runClockUntil(async () => (await panel('.rate').textContent()) === 'motion 50 Hz', 5000);

    // The strap on the person's chest streams their reps: the set counts them on from the count kept.
    const { frames } = supermanFrames(3);
    let streamedS = 0;
    for (const frame of frames) {
      await page.clock.runFor(Math.round((frame.atS - streamedS) * 1000));
      streamedS = frame.atS;
      await strap.send(PMD_DATA, frame.bytes);
      counts.push(await count());
    }
    await runClockUntil(async () => (await count()) >= countAtJoin + 3, 5000);
    counts.push(await count());
    const said = await spoken();
    console.log(
      `counted ${counts.join(' ')}; the strap joined at ${countAtJoin}, said ${toldAfterS.toFixed(1)} s on: ${JSON.stringify(said.slice(-6))}`,
    );
    expect(await count()).toBe(countAtJoin + 3);
    // Never backwards on screen, nor in the voice: each count said once, in turn.
    expect(counts.every((c, i) => i === 0 || c >= counts[i - 1])).toBe(true);
    const countsSaid = said
      .filter((c) => c.kind === 'say' && NUMBERS.includes(c.detail))
      .map((c) => c.detail);
    expect(countsSaid).toEqual(NUMBERS.slice(0, countAtJoin + 3));
    // Said once, whole, and no count cut off by it.
    expect(said.filter((c) => c.detail === JOINED_LINE).map((c) => c.kind)).toEqual(['say', 'said']);
    const cut = said.filter((c) => c.kind === 'cut').map((c) => c.detail);
    expect(cut.filter((line) => line === JOINED_LINE || NUMBERS.includes(line))).toEqual([]);
    expect(toldAfterS).toBeLessThan(3);
  });
});
