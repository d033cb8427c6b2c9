// A BBC micro:bit strapped to the chest, emulated over the DevTools protocol and reached through
// Chromium's own Web Bluetooth stack: the app asks its Accelerometer Service for a 20 ms period, reads
// back what the device chose, and the micro:bit notifies one reading (3 × int16 milli-g) at a time
// [MB]. The person taps their way in on a phone, does a superman set the micro:bit counts, and it
// goes out of reach in the middle of it and comes back.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MICROBIT_ACCELEROMETER_SERVICE as ACCELEROMETER,
  MICROBIT_ACCELEROMETER_DATA as DATA,
  MICROBIT_ACCELEROMETER_PERIOD as PERIOD,
} from '../../src/protocol/uuids.ts';
import { openApp } from './app-page.ts';
import { type EmulatedPeripheral, emulatePeripheral, type Notify, overOneRadio } from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { installCueSpy } from './cue-spy.ts';
import { devicesLine, noteReconnecting, openDeviceMenu, openDevicesLine } from './devices-line.ts';
import { dropToldWhole } from './drop-said.ts';
import { simulatedSet, streamSet, type Xyz } from './simulated-wearer.ts';

const MICROBIT_RATE_HZ = 50;

/** One reading as the micro:bit sends it: x, y, z as int16 LE milli-g. */
function reading([x, y, z]: Xyz): number[] {
  const bytes = Buffer.alloc(6);
  bytes.writeInt16LE(Math.round(x * 1000), 0);
  bytes.writeInt16LE(Math.round(y * 1000), 2);
  bytes.writeInt16LE(Math.round(z * 1000), 4);
  return [...bytes];
}

describe('a micro:bit on the chest over Web Bluetooth: the period, a counted set and a dropped connection', () => {
  let browser: Browser;
  let page: Page;
  let microbit: EmulatedPeripheral;
  let radio: Notify;
  const send = (bytes: number[]) => radio(ACCELEROMETER, DATA, bytes);
  const sample = (xyz: Xyz) => send(reading(xyz));

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openApp(browser, {
      viewport: { width: 360, height: 640 },
      touch: true,
      initScript: installCueSpy,
    });
    microbit = await emulatePeripheral(browser, page, {
      address: 'D0:0B:00:00:00:02',
      name: 'BBC micro:bit [zogav]',
      services: [
        {
          uuid: ACCELEROMETER,
          characteristics: [
            { uuid: DATA, properties: { notify: true } },
            // The period the firmware settled on, written back [MB codal]: 20 ms is one it supports.
            { uuid: PERIOD, properties: { read: true, write: true }, readValue: [20, 0] },
          ],
        },
      ],
    });
    radio = overOneRadio(microbit);
  });

  afterAll(async () => {
    await microbit?.dispose();
    await browser?.close();
  });

  const panel = (selector: string) => page.locator(`bb-device-panel ${selector}`);
  const tap = (target: Locator) => target.tap();
  const said = () =>
    page.evaluate(() => (window.backbeatCueLog ?? []).filter((c) => c.kind === 'say').map((c) => c.detail));
  const count = async () => {
    const shown = page.locator('bb-set-view .count');
    return (await shown.count()) > 0 ? Number(await shown.textContent()) : 0;
  };
  const periodWrites = () => microbit.writes.get(PERIOD) ?? [];

  it('is picked from the device menu with a tap, asks for a 20 ms period and shows the rate it reads back', async () => {
    await openDeviceMenu(page, tap);
    await page.getByRole('button', { name: 'micro:bit', exact: true }).tap();
    await expect
      .poll(() => devicesLine(page).textContent(), { timeout: 10_000 })
      .toBe('BBC micro:bit [zogav] connected');
    // Its rate, under the line a tap opens.
    await openDevicesLine(page, tap);
    // The emulation reports the write to this process as an event of its own: waited for, not raced.
    await expect.poll(periodWrites).toEqual([[20, 0]]);
    expect(await panel('.rate').textContent()).toBe('motion 50 Hz');
    // A micro:bit gives no heart rate: the header shows none rather than a number.
    expect(await page.locator('bb-heart-rate .bpm').textContent()).not.toMatch(/\d/);
  });

  it('counts a superman set from the micro:bit on the chest, across a drop, without losing a rep', async () => {
    const set = simulatedSet('superman', 6, MICROBIT_RATE_HZ);
    // Lying face down, still, before the set: the micro:bit already streams.
    for (let i = 0; i < MICROBIT_RATE_HZ; i++) await sample(set.samples[0]);
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    await expect.poll(() => page.locator('bb-set-view h2').textContent()).toBe('Superman');

    let countBeforeDrop = 0;

    await streamSet(set, sample, {
      dropAfterS: set.repTimesS[2] + 0.4,
      drop: async () => {
        await expect.poll(count, { timeout: 3000 }).toBe(3);
        countBeforeDrop = await count();
        const saidBeforeDrop = (await said()).length;
        const reconnectingSeen = await noteReconnecting(page);
        await microbit.disconnect();
        await expect.poll(reconnectingSeen, { timeout: 2000 }).toEqual(['reconnecting…']);
        // The set pauses and says why, for someone who sees the screen from the mat.
        await expect
          .poll(() => page.locator('bb-set-view .pause-reason').textContent())
          .toBe('connection lost');
        await expect
          .poll(() => panel('.state').getAttribute('data-connection'), { timeout: 20_000, interval: 50 })
          .toBe('connected');
        // Its period may have gone back to the default meanwhile: the app asks for 20 ms again.
        await expect.poll(periodWrites).toEqual([
          [20, 0],
          [20, 0],
        ]);
        expect(await count()).toBe(countBeforeDrop);
        // Told whole or not at all, as the reconnection took more or less than a moment.
        await expect
          .poll(() => said().then((lines) => lines.slice(saidBeforeDrop)))
          .toBeOneOf(dropToldWhole(countBeforeDrop));
      },
    });
    await expect.poll(count, { timeout: 5000 }).toBe(6);
    expect(countBeforeDrop).toBe(3);
    expect(await panel('.malformed').count()).toBe(0);
  });

  it('drops a reading of the wrong length, counts it as a bad packet, and reads the ones around it', async () => {
    const before = await count();
    await sample([0.06, 0.14, -0.99]);
    await send([0x3c, 0x00, 0x8c, 0x00, 0x21]);
    await sample([0.06, 0.14, -0.99]);
    await expect.poll(() => panel('.malformed').textContent()).toBe('1 bad packet dropped');
    expect(await count()).toBe(before);
    expect(await panel('.state').textContent()).toBe('connected');
  });
});
