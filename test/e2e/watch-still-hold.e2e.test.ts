// A PineTime on InfiniTime alone on the wrist times a drawing-in hold, emulated over the DevTools
// protocol and reached through Chromium's own Web Bluetooth stack. Its firmware notifies motion only
// when x, y or z changed (PROTOCOLS.md §3 [IT]): a wrist held still on the mat sends one reading and
// then nothing, its connection kept. The hold is the person keeping still, not a watch that stopped.
// On Playwright's clock, paused and moved on a reading at a time, so the app's timers keep their times.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INFINITIME_MOTION as MOTION,
  INFINITIME_MOTION_SERVICE as MOTION_SERVICE,
} from '../../src/protocol/uuids.ts';
import { PROGRAM } from '../../src/workout/program.ts';
import { SETTINGS_KEY } from '../../src/workout/settings.ts';
import { openAppOnPausedClock } from './app-page.ts';
import { type EmulatedPeripheral, emulatePeripheral, pineTime } from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { installCueSpy } from './cue-spy.ts';
import { devicesLine, openDeviceMenu } from './devices-line.ts';

/** The firmware polls its accelerometer every 100 ms [IT SystemTask.cpp]. */
const POLL_MS = 100;
/** A short hold, so that the test runs it whole. */
const HOLD_S = 20;
const STOPPED_LINE = 'The watch has stopped sending motion. Count with plus one until the watch is back';

interface Heard {
  readonly text: string;
  readonly atMs: number;
}

describe('an InfiniTime watch held still through a drawing-in hold, sending no unchanged reading', () => {
  let browser: Browser;
  let page: Page;
  let watch: EmulatedPeripheral;

  beforeAll(async () => {
    browser = await launchChromium();
    const exercises = PROGRAM.map(({ id, dosage }) => ({
      id,
      included: id === 'drawing-in',
      dosage: id === 'drawing-in' ? { ...dosage, target: HOLD_S } : dosage,
    }));
    page = await openAppOnPausedClock(browser, {
      viewport: { width: 360, height: 640 },
      touch: true,
      initScript: installCueSpy,
      storage: { [SETTINGS_KEY]: JSON.stringify({ length: 'short', autoProgress: false, exercises }) },
    });
    // 1 g on z, the watch flat.
    watch = await emulatePeripheral(browser, page, pineTime('C7:00:00:00:00:02', [0, 0, 0, 0, 0, 4]));
  });

  afterAll(async () => {
    await watch?.dispose();
    await browser?.close();
  });

  const tap = (target: Locator) => target.tap();
  const heard = (): Promise<Heard[]> =>
    page.evaluate(() =>
      (window.backbeatCueLog ?? [])
        .filter((c) => c.kind === 'say')
        .map((c) => ({ text: c.detail, atMs: c.atMs })),
    );

  async function runClockUntil(done: () => Promise<boolean>, maxMs: number, stepMs = 100): Promise<void> {
    for (let ranMs = 0; ranMs < maxMs; ranMs += stepMs) {
      if (await done()) return;
      await page.clock.runFor(stepMs);
    }
    if (await done()) return;
    throw new Error(`not done after ${maxMs} ms of page time; heard ${JSON.stringify(await heard())}`);
  }

  /** One reading of the wrist, in the firmware's binary milli-g (1 g = 1024), x, y, z as int16 LE. */
  const reading = (x: number, y: number, z: number) =>
    watch.notify(
      MOTION_SERVICE,
      MOTION,
      [x, y, z].flatMap((v) => {
        const u = v & 0xffff;
        return [u & 0xff, u >> 8];
      }),
    );

  /** The hand moving on the mat for `seconds`: every poll's reading differs, so each is sent. */
  async function moving(seconds: number): Promise<void> {
    for (let i = 0; i < (seconds * 1000) / POLL_MS; i++) {
      await page.clock.runFor(POLL_MS);
      await reading(Math.round(200 * Math.sin(i / 3)), Math.round(150 * Math.cos(i / 4)), 980);
    }
  }

  it('starts the hold with the wrist still, as a watch alone does', async () => {
    await openDeviceMenu(page, tap);
    await page.getByRole('button', { name: 'PineTime watch', exact: true }).tap();
    await runClockUntil(
      async () => (await devicesLine(page).textContent()) === 'InfiniTime connected',
      10_000,
    );
    await moving(2);
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    await runClockUntil(async () => (await page.locator('bb-set-view h2').count()) > 0, 5000);
    expect(await page.locator('bb-set-view h2').textContent()).toBe('Drawing-in');
    await moving(2);
    // On hands and knees, the wrist still: one reading, and none after while nothing changes.
    await reading(0, 0, 1024);
    await runClockUntil(async () => (await heard()).some((h) => /\bGo\b/.test(h.text)), 15_000);
  });

  it('says nothing of a stopped watch through the still hold, and ends it at its target', async () => {
    const before = (await heard()).length;
    await runClockUntil(
      async () => (await page.locator('bb-set-view').count()) === 0,
      (HOLD_S + 10) * 1000,
      250,
    );
    const said = (await heard()).slice(before).map((h) => h.text);
    console.log(`through the hold: ${JSON.stringify(said)}`);
    expect(said).not.toContain(STOPPED_LINE);
    expect(said).toContain('Done: twenty seconds');
  });
});
