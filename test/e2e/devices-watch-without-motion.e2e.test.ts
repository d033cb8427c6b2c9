// A PineTime on InfiniTime older than 1.7: heart rate and battery, no motion service. It is kept for
// its heart rate, as a Polar without its motion data is, says plainly that it cannot count, and the
// session is counted by hand, not by the simulated person of the virtual strap it took the place of.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BATTERY_LEVEL,
  BATTERY_SERVICE,
  HEART_RATE_MEASUREMENT,
  HEART_RATE_SERVICE,
} from '../../src/protocol/uuids.ts';
import { openApp } from './app-page.ts';
import { type EmulatedPeripheral, emulatePeripheral, HEART_RATE_SERVICE_SPEC } from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { openDeviceMenu, openDevicesLine } from './devices-line.ts';

describe('a PineTime without the motion service', () => {
  let browser: Browser;
  let page: Page;
  let watch: EmulatedPeripheral;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openApp(browser, { viewport: { width: 360, height: 640 } });
    watch = await emulatePeripheral(browser, page, {
      address: 'C7:00:00:00:00:02',
      name: 'InfiniTime',
      services: [
        HEART_RATE_SERVICE_SPEC,
        {
          uuid: BATTERY_SERVICE,
          characteristics: [
            { uuid: BATTERY_LEVEL, properties: { read: true, notify: true }, readValue: [41] },
          ],
        },
      ],
    });
  });

  afterAll(async () => {
    await watch?.dispose();
    await browser?.close();
  });

  const panel = (selector: string) => page.locator(`bb-device-panel ${selector}`);
  const click = (target: Locator) => target.click();

  it('is kept for its heart rate and battery, and says it cannot count', async () => {
    await openDeviceMenu(page, click);
    await page.getByRole('button', { name: 'PineTime watch' }).click();
    const alert = async () => (await panel('[role="alert"]').textContent())?.trim();
    await expect.poll(alert).toMatch(/^Cannot count:/);
    // On a phone the problem is the devices' line: a tap opens it to the watch and how it is.
    await openDevicesLine(page, click);
    await expect.poll(() => panel('.state').textContent()).toBe('connected');
    expect(await panel('.name').allTextContents()).toEqual(['InfiniTime']);
    await expect.poll(alert).toContain('Update InfiniTime to 1.7 or later to count');
    await expect.poll(() => panel('.battery').textContent()).toBe('battery 41 %');
    expect(await panel('.note').allTextContents()).toContain('heart rate only: count with +1');
    await watch.notify(HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT, [0x00, 0x50]);
    await expect.poll(() => page.locator('bb-heart-rate .bpm').textContent()).toBe('80');
  });

  it('begins the set when it is due and counts it with +1, no simulated person counting', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => page.locator('bb-set-view h2').textContent()).toBe('Superman');
    expect(await page.locator('bb-set-view').getAttribute('waiting')).toBeNull();
    await page.getByRole('button', { name: '+1 rep', exact: true }).click();
    await expect.poll(() => page.locator('bb-set-view .count').textContent()).toBe('1');
    // Nothing counts by itself meanwhile, as the simulated person would have.
    await page.waitForTimeout(3000);
    expect(await page.locator('bb-set-view .count').textContent()).toBe('1');
  });
});
