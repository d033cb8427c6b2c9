// Devices let go with × on a laptop while they are not yet of use: a strap whose connection the
// browser is still making (emulated over the DevTools protocol, its connection answered late), and a
// Bangle.js that stops answering in the middle of its setup. Each is gone from the list, its link down
// and the browser's permission for it given back within two seconds of the tap, and nothing is said
// of what its abandoned connection ended with.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANGLE_RESET_COMMAND } from '../../src/protocol/bangle.ts';
import { openApp } from './app-page.ts';
import {
  type EmulatedBangle,
  type EmulatedPeripheral,
  emulateBangle,
  emulatePeripheral,
  heartRateStrap,
} from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { devicesListed, openDeviceMenu } from './devices-line.ts';
import { installGattSpy } from './gatt-spy.ts';

const STRAP = 'Polar H10 0000E2E0';
/** How long the strap takes to answer a connection, as one still waking up does. */
const CONNECTION_DELAY_MS = 5_000;
const WATCH = 'Bangle.js 1a2b';

describe('a device let go with × before it is of use', () => {
  let browser: Browser;
  let page: Page;
  let strap: EmulatedPeripheral;
  let watch: EmulatedBangle;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openApp(browser, { viewport: { width: 1366, height: 768 }, initScript: installGattSpy });
    // Emulation is set up after the last navigation: a reload silently ends it.
    strap = await emulatePeripheral(browser, page, heartRateStrap('0C:8C:DC:00:00:11', STRAP), {
      connectionDelayMs: CONNECTION_DELAY_MS,
    });
    watch = await emulateBangle(browser, page, { address: 'E1:BA:00:00:00:02', name: WATCH });
  });

  afterAll(async () => {
    await strap?.dispose();
    await watch?.dispose();
    await browser?.close();
  });

  const listed = () => devicesListed(page);
  const gattLog = (device: string) =>
    page.evaluate(
      (name) => (window.backbeatGattLog ?? []).filter((r) => r.device === name).map((r) => r.what),
      device,
    );
  /** Whether the browser still lets the page use the device (forget() gives that back). */
  const permitted = (device: string) =>
    page.evaluate(
      async (name) => (await navigator.bluetooth.getDevices()).some((d) => d.name === name),
      device,
    );
  const problem = () => page.locator('bb-device-panel .problem').count();

  /** Taps the device's ×, then the milliseconds until `letGo` holds, polled every 50 ms. */
  async function msUntilLetGo(device: string, letGo: () => Promise<boolean>): Promise<number> {
    await page.getByRole('button', { name: `Disconnect ${device}` }).click();
    const tappedAt = Date.now();
    await expect.poll(letGo, { timeout: 40_000, interval: 50 }).toBe(true);
    return Date.now() - tappedAt;
  }

  it('makes no link to a strap let go while the browser still connects to it, and gives it back at once', async () => {
    await page.getByRole('button', { name: 'Connect a Bluetooth strap' }).click();
    await expect.poll(listed).toEqual(['Virtual strap connected', `${STRAP} connecting…`]);
    expect(await gattLog(STRAP)).toEqual(['connect']);

    const letGoInMs = await msUntilLetGo(STRAP, async () => !(await permitted(STRAP)));
    expect(letGoInMs).toBeLessThan(1_000);
    expect(await listed()).toEqual(['Virtual strap connected']);
    // Chromium ends the connection it was making once the strap answers it, with the AbortError of a
    // connection given up (disconnect() while it was under way): no link is made, none is dropped.
    await expect
      .poll(() => gattLog(STRAP), { timeout: CONNECTION_DELAY_MS + 5_000 })
      .toEqual(['connect', 'disconnect', 'connect failed: AbortError']);
    expect(strap.operations).toEqual(['connection']);
    expect(await problem()).toBe(0);
  });

  it('disconnects a Bangle.js whose setup stops answering, without waiting for it', async () => {
    await openDeviceMenu(page, (target) => target.click());
    await page.getByRole('button', { name: 'Bangle.js watch', exact: true }).click();
    await expect.poll(() => watch.written()).toEqual([BANGLE_RESET_COMMAND]);
    // In the 1.5 s reset wait: the upload's first write is the one never answered.
    watch.stopAnswering();
    await expect.poll(() => watch.operations.at(-1), { timeout: 5_000 }).toBe('write (never answered)');
    expect(await listed()).toEqual(['Virtual strap connected', `${WATCH} connecting…`]);

    const letGoInMs = await msUntilLetGo(WATCH, async () => {
      const log = await gattLog(WATCH);
      return log.includes('link down') && !(await permitted(WATCH));
    });
    expect(letGoInMs).toBeLessThan(3_000);
    expect(await listed()).toEqual(['Virtual strap connected']);
    // No stop: the watch could not take it behind the write it never answered.
    expect(watch.written()).toEqual([BANGLE_RESET_COMMAND]);
    expect(await problem()).toBe(0);
  });
});
