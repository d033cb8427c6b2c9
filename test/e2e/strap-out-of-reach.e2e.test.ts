// A Polar H10 carried out of reach in the middle of a set, emulated over the DevTools protocol and
// reached through Chromium's own Web Bluetooth stack, as the person on the mat lives it: the set
// pauses and the voice says why, says now and then that the app is still at it, then, once the app
// gives the strap up, what to do; the screen says the same at each step. The strap then comes back in
// reach, and the app finds it by itself, with no tap: the set goes on where it stopped and counts.
// Given up on a second time, the person taps Resume and counts with +1 as the voice said; the strap
// back, the voice says it counts again, and it does, on from the rep counted by hand. The summary
// says how long the set stood still for the strap.
//
// The strap refuses every connection while it is away. A minute and a half of that passes in seconds:
// the page runs on Playwright's clock, paused and moved on a step at a time, so the app's own timers
// (its backoff, its give-up, its tries of the strap given up on, the voice's calls) fire as they would.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REJOIN_EARLY_DELAY_MS } from '../../src/app/rejoin-policy.ts';
import { CONNECTION_LOST_SAID_AFTER_MS, spokenNumber } from '../../src/cues/cue-planner.ts';
import { RECONNECTING_CALL_EVERY_S } from '../../src/cues/pause-lines.ts';
import { HEART_RATE_MEASUREMENT, PMD_DATA } from '../../src/protocol/uuids.ts';
import { RECONNECT_WINDOW_MS } from '../../src/sensors/ble/gatt-session.ts';
import { describeWithShared, readSharedJson } from '../shared.ts';
import { openAppOnPausedClock } from './app-page.ts';
import { launchChromium } from './chromium.ts';
import { installCueSpy } from './cue-spy.ts';
import { openDeviceMenu, openDevicesLine } from './devices-line.ts';
import {
  type EmulatedH10,
  type EncodedFrame,
  emulateH10,
  supermanFrames,
  type Vector,
  vectorBytes,
} from './emulated-polar-h10.ts';

const STRAP = 'Polar H10 0000E2E0';
const OUT_OF_REACH_LINE =
  'The device is out of reach. Tap Reconnect, or Resume and count with plus one until the device is back';

interface Heard {
  readonly text: string;
  readonly atMs: number;
}

describeWithShared('a strap carried out of reach in a set, given up on, and found again by itself', () => {
  let browser: Browser;
  let page: Page;
  let strap: EmulatedH10;
  let vectors: Vector[];

  beforeAll(async () => {
    vectors = readSharedJson<Vector[]>('vectors/vectors.json');
    browser = await launchChromium();
    page = await openAppOnPausedClock(browser, {
      viewport: { width: 412, height: 915 },
      initScript: installCueSpy,
    });
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`page error: ${message.text()}`);
    });
    // Long out of reach, the strap has stopped its stream by itself: a start is simply started.
    strap = await emulateH10(browser, page, vectors, { battery: false });
  });

  afterAll(async () => {
    await strap?.dispose();
    await browser?.close();
  });

  const panel = (selector: string) => page.locator(`bb-device-panel ${selector}`);
  const click = (target: Locator) => target.click();
  const heard = (): Promise<Heard[]> =>
    page.evaluate(() =>
      (window.backbeatCueLog ?? [])
        .filter((c) => c.kind === 'say')
        .map((c) => ({ text: c.detail, atMs: c.atMs })),
    );
  const pageNowMs = () => page.evaluate(() => performance.now());
  const count = async () => {
    const shown = page.locator('bb-set-view .count');
    return (await shown.count()) > 0 ? Number(await shown.textContent()) : 0;
  };
  /** What the device panel says, problem line included, its spaces as one. */
  const panelText = () =>
    page
      .locator('bb-device-panel')
      .evaluate((host) => (host.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
  const textOf = async (selector: string) => {
    const found = page.locator(selector);
    return (await found.count()) > 0 ? found.first().textContent() : null;
  };

  /** Moves the page's clock on `stepMs` at a time until `done`, giving up after `maxMs` of page time. */
  async function runClockUntil(done: () => Promise<boolean>, maxMs: number, stepMs = 100): Promise<void> {
    for (let ranMs = 0; ranMs < maxMs; ranMs += stepMs) {
      if (await done()) return;
      await page.clock.runFor(stepMs);
    }
    if (await done()) return;
    throw new Error(`not done after ${maxMs} ms of page time; heard ${JSON.stringify(await heard())}`);
  }

  // The simulated person's set, streamed as the strap would: each frame once the page's clock has
  // reached the time of its last sample.
  const { frames, repTimesS } = supermanFrames(6);
  let nextFrame = 0;
  let streamedS = 0;
  async function streamUntil(isDone: (frame: EncodedFrame) => boolean): Promise<void> {
    for (; nextFrame < frames.length; nextFrame++) {
      const frame = frames[nextFrame];
      if (isDone(frame)) return;
      await page.clock.runFor(Math.round((frame.atS - streamedS) * 1000));
      streamedS = frame.atS;
      await strap.send(PMD_DATA, frame.bytes);
    }
  }

  let droppedAtMs = 0;

  it('counts a superman set from the strap until the strap goes out of reach', async () => {
    await openDeviceMenu(page, click);
    await page.getByRole('button', { name: 'Polar H10 / Verity Sense' }).click();
    // Its stream, under the devices' line a tap opens.
    await openDevicesLine(page, click);
    await runClockUntil(async () => (await panel('.rate').textContent()) === 'motion 50 Hz', 5000);
    await strap.send(
      HEART_RATE_MEASUREMENT,
      vectorBytes(vectors, 'Real Polar H10 (fw 5.0.0/sw 3.3.1) HR notification #1'),
    );
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await runClockUntil(async () => (await textOf('bb-set-view h2')) === 'Superman', 2000);

    // Out of reach between the third rep and the fourth.
    await streamUntil((frame) => frame.atS > repTimesS[2] + 0.4);
    await expect.poll(count).toBe(3);
    await strap.goOutOfReach();
    droppedAtMs = await pageNowMs();

    // Said once the strap has stayed away a moment: one back within it is not spoken of.
    await runClockUntil(
      async () => (await heard()).at(-1)?.text === 'Paused: connection lost',
      CONNECTION_LOST_SAID_AFTER_MS + 1000,
    );
    expect((await heard()).at(-1)!.atMs - droppedAtMs).toBeGreaterThanOrEqual(CONNECTION_LOST_SAID_AFTER_MS);
    expect(await textOf('bb-set-view .paused')).toBe('Paused');
    expect(await textOf('bb-set-view .pause-reason')).toBe('connection lost');
    expect(await panel('.state').textContent()).toBe('connection lost');
    expect(await panel('.retry').textContent()).toBe('reconnecting…');
  });

  it('says it is still reconnecting, then, once it gives the strap up, what to do: as the screen does', async () => {
    const before = (await heard()).length - 1;
    await runClockUntil(
      async () => (await heard()).some((h) => h.text === OUT_OF_REACH_LINE),
      RECONNECT_WINDOW_MS + 2000,
      1000,
    );
    const lines = (await heard()).slice(before);
    expect(lines.map((h) => h.text)).toEqual([
      'Paused: connection lost',
      'Still reconnecting',
      'Still reconnecting',
      OUT_OF_REACH_LINE,
    ]);
    // Every 25 s from the drop, and the strap given up on 71.5 s after it (to the clock's step of 1 s).
    const afterDropS = lines.map((h) => (h.atMs - droppedAtMs) / 1000);
    expect(afterDropS[1]).toBeGreaterThanOrEqual(RECONNECTING_CALL_EVERY_S);
    expect(afterDropS[1]).toBeLessThan(RECONNECTING_CALL_EVERY_S + 1.5);
    expect(afterDropS[2]).toBeGreaterThanOrEqual(2 * RECONNECTING_CALL_EVERY_S);
    expect(afterDropS[2]).toBeLessThan(2 * RECONNECTING_CALL_EVERY_S + 1.5);
    expect(afterDropS[3]).toBeGreaterThanOrEqual(RECONNECT_WINDOW_MS / 1000);
    expect(afterDropS[3]).toBeLessThan(RECONNECT_WINDOW_MS / 1000 + 1.5);
    // Tried again and again meanwhile, with backoff, every try refused: not once and left.
    expect(strap.operations.filter((op) => op === 'connection (out of reach)').length).toBeGreaterThanOrEqual(
      10,
    );

    // The screen says the same, for a person who looks up or has the voice off.
    expect(await textOf('bb-set-view .pause-reason')).toBe('out of reach');
    expect(await panel('.state').textContent()).toBe('out of reach');
    expect(await panel('.retry').count()).toBe(0);
    expect(await page.locator('bb-device-panel').getByRole('button', { name: 'Reconnect' }).count()).toBe(1);
    expect(await panelText()).toContain(`Out of reach: ${STRAP} did not come back.`);
    expect(await count()).toBe(3);
  });

  it('finds the strap again by itself once it is back in reach: the set goes on where it stopped, and counts', async () => {
    // Still away at the app's first try of its own after the give-up: refused, and tried again later.
    const refusedBefore = strap.operations.filter((op) => op === 'connection (out of reach)').length;
    await runClockUntil(
      async () => strap.operations.filter((op) => op === 'connection (out of reach)').length > refusedBefore,
      REJOIN_EARLY_DELAY_MS + 1000,
      1000,
    );
    const before = (await heard()).length;
    const answered = () => strap.operations.filter((op) => op === 'connection').length;
    const answeredBefore = answered();
    strap.comeBackInReach();
    const backAtMs = await pageNowMs();
    await runClockUntil(async () => answered() > answeredBefore, REJOIN_EARLY_DELAY_MS + 1000, 500);
    // No tap: the app's next try of its own, at most one early delay later, reached it.
    expect((await pageNowMs()) - backAtMs).toBeLessThanOrEqual(REJOIN_EARLY_DELAY_MS + 500);
    // Setting the strap up again takes round trips, no page time.
    await expect.poll(() => panel('.state').getAttribute('data-connection')).toBe('connected');
    await runClockUntil(async () => (await heard()).length > before, 1000);
    expect((await heard()).slice(before).map((h) => h.text)).toEqual([
      'Go on: Superman, set one of three. Ten reps. Three done',
    ]);
    expect(await page.locator('bb-set-view .paused').count()).toBe(0);
    expect(await panelText()).not.toContain('Out of reach');
    expect(await count()).toBe(3);

    // The person went on where they stopped; the strap streams again, and the reps are counted.
    streamedS = frames[nextFrame].atS - 0.72;
    await streamUntil(() => false);
    await runClockUntil(async () => (await count()) === 6, 5000);
    expect(await panel('.malformed').count()).toBe(0);
  });

  it('given up on again, goes on counted with +1 after Resume, and says so when the strap is back and counts again', async () => {
    await strap.goOutOfReach();
    const before = (await heard()).length;
    await runClockUntil(
      async () => (await heard()).slice(before).some((h) => h.text === OUT_OF_REACH_LINE),
      RECONNECT_WINDOW_MS + 2000,
      1000,
    );
    // The person does what the voice said: Resume, and a rep counted by hand.
    const setView = page.locator('bb-set-view');
    await setView.getByRole('button', { name: 'Resume' }).click();
    await setView.getByRole('button', { name: /^\+1/ }).click();
    await runClockUntil(async () => (await count()) === 7, 1000);
    expect(await page.locator('bb-set-view .paused').count()).toBe(0);

    const answeredBefore = strap.operations.filter((op) => op === 'connection').length;
    strap.comeBackInReach();
    await runClockUntil(
      async () => strap.operations.filter((op) => op === 'connection').length > answeredBefore,
      REJOIN_EARLY_DELAY_MS + 1000,
      500,
    );
    await expect.poll(() => panel('.state').getAttribute('data-connection')).toBe('connected');
    await runClockUntil(
      async () => (await heard()).at(-1)?.text === 'The strap is back: it counts again',
      1000,
    );
    expect(await count()).toBe(7);

    // The strap sees the next reps again: the set counts on from the one counted by hand, to its target.
    const more = supermanFrames(3);
    for (const frame of more.frames) {
      await page.clock.runFor(720);
      await strap.send(PMD_DATA, frame.bytes);
    }
    await runClockUntil(async () => (await heard()).some((h) => h.text === spokenNumber(10)), 5000);
    expect(
      (await heard())
        .slice(before)
        .map((h) => h.text)
        .filter((text) => [8, 9, 10].map(spokenNumber).includes(text)),
    ).toEqual(['eight', 'nine', 'ten']);
  });

  it("says in the summary how long the set stood still for the strap, and where it was the strap's", async () => {
    await runClockUntil(async () => (await page.locator('bb-rest-view').count()) > 0, 5000);
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('button', { name: 'End session' }).click();
    await page.locator('bb-summary h2').waitFor();
    const summary = page.locator('bb-summary');
    // Given up on twice, 102 s and 72 s to the clock's step: the set counted nothing meanwhile.
    const totals = (await summary.locator('.totals').textContent())!.replace(/\s+/g, ' ').trim();
    expect(totals).toMatch(/^1 set · 10 reps · 1 min · strap out of reach 2 min 5\d s$/);
    const note = (await summary.locator('bb-sets-table tr.dropped').textContent())!
      .replace(/\s+/g, ' ')
      .trim();
    expect(note).toBe(`Strap out of reach twice: ${totals.split('reach ')[1]} not counted`);
  });
});
