// A plain heart-rate strap and a Bangle.js on the wrist through Chromium's own Web Bluetooth stack, both
// giving the heart rate: the strap's is shown while it reads, the watch's while the strap is silent or
// out of reach, and the strap's again from its next reading.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEART_RATE_MEASUREMENT, HEART_RATE_SERVICE } from '../../src/protocol/uuids.ts';
import { openApp } from './app-page.ts';
import {
  type EmulatedBangle,
  type EmulatedPeripheral,
  emulateBangle,
  emulatePeripheral,
  heartRateStrap,
} from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { devicesLine, openDeviceMenu, openDevicesLine } from './devices-line.ts';

describe('a heart-rate strap beside a Bangle.js', () => {
  let browser: Browser;
  let page: Page;
  let strap: EmulatedPeripheral;
  let watch: EmulatedBangle;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openApp(browser, { viewport: { width: 360, height: 640 }, touch: true });
    strap = await emulatePeripheral(browser, page, heartRateStrap('0C:8C:DC:00:00:42', 'HRM-Dual 4242'));
    watch = await emulateBangle(browser, page, { address: 'E1:BA:00:00:00:02', name: 'Bangle.js 5e6f' });
  });

  afterAll(async () => {
    await watch?.dispose();
    await strap?.dispose();
    await browser?.close();
  });

  const tap = (target: Locator) => target.tap();
  const bpm = () => page.locator('bb-heart-rate .bpm').textContent();
  const fromStrap = (beats: number) =>
    strap.notify(HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT, [0x00, beats]);
  const fromWatch = (beats: number) => watch.print(`H,${beats},90\r\n`);
  /** The part the device panel gives each device, by name. */
  const roles = () =>
    page
      .locator('bb-device-panel .device')
      .evaluateAll((devices) =>
        devices.map(
          (d) => `${d.querySelector('.name')?.textContent}: ${d.querySelector('.role')?.textContent}`,
        ),
      );

  it("shows the watch's heart rate while the strap gives none, and the strap's once it reads again", async () => {
    await openDeviceMenu(page, tap);
    await page.getByRole('button', { name: 'Heart-rate strap', exact: true }).tap();
    await expect
      .poll(() => devicesLine(page).textContent(), { timeout: 10_000 })
      .toBe('HRM-Dual 4242 connected');
    await openDeviceMenu(page, tap);
    await page.getByRole('button', { name: 'Bangle.js watch', exact: true }).tap();
    // Streaming once the watch's code is uploaded: the reset's wait is 1.5 s.
    await expect.poll(() => watch.written().length, { timeout: 10_000 }).toBeGreaterThan(5);
    await openDevicesLine(page, tap);

    await fromStrap(90);
    await fromWatch(94);
    await expect.poll(bpm, { timeout: 3000 }).toBe('90');
    expect((await roles()).some((r) => r.startsWith('HRM-Dual 4242: heart rate'))).toBe(true);
    // The strap goes quiet; the watch reads on, a sure reading a second. Its readings are the heart
    // rate 5 s after the strap's last.
    const quietAt = Date.now();
    for (let beats = 95; Date.now() - quietAt < 6500; beats++) {
      await fromWatch(beats);
      await page.waitForTimeout(1000);
    }
    await expect.poll(bpm, { timeout: 3000 }).toMatch(/^(9[5-9]|10\d)$/);
    expect((await roles()).some((r) => r.startsWith('Bangle.js 5e6f: heart rate'))).toBe(true);
    // The strap reads again: its reading at once.
    await fromStrap(88);
    await expect.poll(bpm, { timeout: 3000 }).toBe('88');
    // Out of reach: the watch's current reading at once, not "--".
    await fromWatch(101);
    await strap.goOutOfReach();
    await expect.poll(bpm, { timeout: 3000 }).toBe('101');
  });
});
