// A Bangle.js alone on the wrist counts a lat pulldown set, emulated over the DevTools protocol and
// reached through Chromium's own Web Bluetooth stack; in the middle of the set its motion stream
// stops while its connection stays (its streaming code stopped on the watch). The person, pulling on
// at the machine, is told within seconds that the watch no longer counts and how to go on, counts a
// rep with +1, and the watch's motion comes back and counts on from there. On Playwright's clock,
// paused and moved on a sample at a time, so that the app's timers and the voice keep their times.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPhoneHearingCues, resizeAndSettle } from './app-page.ts';
import { type EmulatedBangle, emulateBangle, letGoAndClose } from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { devicesLine, openDeviceMenu } from './devices-line.ts';
import { LAT_PULLDOWN_ALONE, PULL_S, wristAtThePulldown } from './simulated-wearer.ts';

/** A few seconds: long enough that a watch's pause between readings is not news, short enough to act on. */
const TOLD_WITHIN_MS = 6000;
const STOPPED_LINE = 'The watch has stopped sending motion. Count with plus one until the watch is back';

interface Heard {
  readonly text: string;
  readonly atMs: number;
}

describe('a watch whose motion stops in the middle of a lat pulldown set, its connection kept', () => {
  let browser: Browser;
  let page: Page;
  let watch: EmulatedBangle;
  /** The wrist's readings for `seconds`, pulling (or still) as it goes (see wristAtThePulldown). */
  let stream: ReturnType<typeof wristAtThePulldown>;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openPhoneHearingCues(browser, LAT_PULLDOWN_ALONE);
    watch = await emulateBangle(browser, page, { address: 'E1:BA:00:00:00:02', name: 'Bangle.js 3c4d' });
    stream = wristAtThePulldown(page, watch);
  });

  afterAll(() => letGoAndClose(browser, watch));

  const tap = (target: Locator) => target.tap();
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

  /** Moves the page's clock on `stepMs` at a time until `done`, giving up after `maxMs` of page time. */
  async function runClockUntil(done: () => Promise<boolean>, maxMs: number, stepMs = 100): Promise<void> {
    for (let ranMs = 0; ranMs < maxMs; ranMs += stepMs) {
      if (await done()) return;
      await page.clock.runFor(stepMs);
    }
    if (await done()) return;
    throw new Error(`not done after ${maxMs} ms of page time; heard ${JSON.stringify(await heard())}`);
  }

  /** A phone, a laptop and the smallest phone. */
  const SIZES = [
    [360, 640],
    [1366, 768],
    [180, 320],
  ] as const;
  /** The header's height in each of SIZES, with `look` run there; back to the phone after. */
  async function inEachSize(look: (size: string) => Promise<void> = async () => {}): Promise<number[]> {
    const heights: number[] = [];
    for (const [width, height] of SIZES) {
      await resizeAndSettle(page, { width, height });
      heights.push((await page.locator('header').first().boundingBox())?.height ?? 0);
      await look(`${width}×${height}`);
    }
    await resizeAndSettle(page, { width: 360, height: 640 });
    return heights;
  }
  let streamingHeaders: number[] = [];

  it('counts the set from the watch until its motion stops', async () => {
    await openDeviceMenu(page, tap);
    await page.getByRole('button', { name: 'Bangle.js watch', exact: true }).tap();
    await runClockUntil(
      async () => (await devicesLine(page).textContent()) === 'Bangle.js 3c4d connected',
      10_000,
    );
    // Its streaming code uploaded: the watch streams, the person sits still at the machine.
    await runClockUntil(async () => watch.written().length > 2, 5000);
    await stream(2, false);
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    await runClockUntil(async () => (await page.locator('bb-set-view h2').count()) > 0, 5000);
    expect(await page.locator('bb-set-view h2').textContent()).toBe('Wide-grip lat pulldown');
    // Still at the machine: being still is enough to begin the set, as with any watch alone.
    await stream(3, false);
    await runClockUntil(async () => (await heard()).some((h) => h.text.includes('Go')), 10_000);
    await stream(4 * PULL_S, true);
    await runClockUntil(async () => (await count()) >= 3, 3000);
    streamingHeaders = await inEachSize();
  });

  it('says within seconds that the watch has stopped, the set going on counted with +1', async () => {
    const countAtStop = await count();
    const before = (await heard()).length;
    const stoppedAtMs = await pageNowMs();
    // Nothing from the watch, still connected: the person pulls on.
    await runClockUntil(
      async () => (await heard()).slice(before).some((h) => h.text === STOPPED_LINE),
      TOLD_WITHIN_MS + 2000,
      250,
    );
    const said = (await heard()).slice(before);
    const toldAfterS = (said.find((h) => h.text === STOPPED_LINE)!.atMs - stoppedAtMs) / 1000;
    console.log(`told ${toldAfterS.toFixed(1)} s after the watch's last reading: ${JSON.stringify(said)}`);
    expect(toldAfterS).toBeLessThanOrEqual(TOLD_WITHIN_MS / 1000);
    expect(await page.locator('bb-set-view .paused').count()).toBe(0);
    // Still connected: nothing to reconnect, and the device panel says so.
    expect(await page.locator('bb-device-panel .state').first().getAttribute('data-connection')).toBe(
      'connected',
    );
    // The set's line says the same, as the header says the watch connected.
    expect(await page.locator('bb-set-view .away').textContent()).toBe('Watch motion stopped: count with +1');
    // So does the device panel, the header no taller than while the watch streamed: beside the
    // watch's name where the devices are laid out whole, under the devices' line once it is opened.
    const stoppedHeaders = await inEachSize(async (size) => {
      const line = devicesLine(page);
      const opened = (await line.count()) > 0;
      if (opened) await tap(line);
      const state = page.locator('bb-device-panel .device[data-kind="bangle"] .state');
      expect(await state.textContent(), size).toBe(opened ? 'connected, motion stopped' : 'motion stopped');
      if (opened) await tap(line);
    });
    console.log(`header while streaming ${streamingHeaders}, stopped ${stoppedHeaders} px`);
    expect(stoppedHeaders).toEqual(streamingHeaders);

    // The person does as told: a rep with +1.
    await page.locator('bb-set-view').getByRole('button', { name: /^\+1/ }).tap();
    await runClockUntil(async () => (await count()) === countAtStop + 1, 1000);
  });

  it('says the watch counts again once its motion comes back, and counts on from the rep tapped', async () => {
    const countBefore = await count();
    const before = (await heard()).length;
    await stream(4 * PULL_S, true);
    await runClockUntil(async () => (await count()) >= countBefore + 3, 3000);
    const said = (await heard()).slice(before).map((h) => h.text);
    console.log(`after the watch's motion came back: ${JSON.stringify(said)}, count ${await count()}`);
    expect(said[0]).toBe('The watch is back: it counts again');
  });
});
