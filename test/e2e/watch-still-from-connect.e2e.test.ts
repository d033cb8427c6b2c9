// A PineTime on InfiniTime alone on the wrist, already still as it connects, through a drawing-in hold
// in which it never moves. Its firmware notifies motion only when x, y or z changed (PROTOCOLS.md §3
// [IT]), so this watch notifies nothing at all: its reading is there only to be read. Emulated over
// the DevTools protocol and reached through Chromium's own Web Bluetooth stack, on Playwright's clock.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSENT_CHECK_MS } from '../../src/sensors/ble/infinitime.ts';
import { PROGRAM } from '../../src/workout/program.ts';
import { SETTINGS_KEY } from '../../src/workout/settings.ts';
import { openAppOnPausedClock } from './app-page.ts';
import { type EmulatedPeripheral, emulatePeripheral, pineTime } from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { installCueSpy } from './cue-spy.ts';
import { devicesLine, openDeviceMenu } from './devices-line.ts';

/** A short hold, so that the test runs it whole. */
const HOLD_S = 20;
/** The wrist flat on the mat: 1 g on z, in the firmware's binary milli-g (1024), int16 LE. */
const STILL = [0x00, 0x00, 0x00, 0x00, 0x00, 0x04];

describe('an InfiniTime watch still from the moment it connects, through a drawing-in hold', () => {
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
    watch = await emulatePeripheral(browser, page, pineTime('C7:00:00:00:00:03', STILL));
  });

  afterAll(async () => {
    await watch?.dispose();
    await browser?.close();
  });

  const said = (): Promise<string[]> =>
    page.evaluate(() => (window.backbeatCueLog ?? []).filter((c) => c.kind === 'say').map((c) => c.detail));

  async function runClockUntil(done: () => Promise<boolean>, maxMs: number, stepMs = 250): Promise<void> {
    for (let ranMs = 0; ranMs < maxMs; ranMs += stepMs) {
      if (await done()) return;
      await page.clock.runFor(stepMs);
    }
    if (await done()) return;
    throw new Error(`not done after ${maxMs} ms of page time; heard ${JSON.stringify(await said())}`);
  }

  it('starts the hold on the still wrist and times it to its target, the watch never notifying', async () => {
    await openDeviceMenu(page, (target) => target.tap());
    await page.getByRole('button', { name: 'PineTime watch', exact: true }).tap();
    await runClockUntil(
      async () => (await devicesLine(page).textContent()) === 'InfiniTime connected',
      10_000,
    );
    const connectedAtMs = await page.evaluate(() => Date.now());
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    await runClockUntil(async () => (await page.locator('bb-set-view h2').count()) > 0, 5000);
    expect(await page.locator('bb-set-view h2').textContent()).toBe('Drawing-in');
    await runClockUntil(async () => (await page.locator('bb-set-view').count()) === 0, (HOLD_S + 40) * 1000);
    const heard = await said();
    console.log(`heard: ${JSON.stringify(heard)}`);
    expect(heard.some((line) => /\bGo\b/.test(line))).toBe(true);
    expect(heard).toContain('Done: twenty seconds');
    expect(heard.filter((line) => /stopped sending motion/.test(line))).toEqual([]);
    // Read as it connects, then what it holds read once a second it sends nothing, to tell the still
    // wrist from a stream stopped: the same reading each time, so never taken for a stop.
    const reads = watch.operations.filter((op) => op === 'read').length;
    const ranMs = (await page.evaluate(() => Date.now())) - connectedAtMs;
    expect(reads).toBeGreaterThan(1);
    expect(reads).toBeLessThanOrEqual(2 + Math.floor(ranMs / UNSENT_CHECK_MS));
  });
});
