// A Bangle.js on the wrist, emulated over the DevTools protocol and reached through Chromium's own Web
// Bluetooth stack: the app uploads the documented streaming code over the Nordic UART, and the watch
// prints one `A,x,y,z` line (hundredths of g) per accelerometer event at 12.5 Hz [ESP], and one
// `H,bpm,confidence` line per reading of its heart sensor. The person taps their way in on a phone,
// does a superman set the watch counts, and the watch goes out of reach in the middle of it and comes
// back.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANGLE_RESET_COMMAND } from '../../src/protocol/bangle.ts';
import { openApp } from './app-page.ts';
import { type EmulatedBangle, emulateBangle } from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { installCueSpy } from './cue-spy.ts';
import { devicesLine, noteReconnecting, openDeviceMenu, openDevicesLine } from './devices-line.ts';
import { dropToldWhole } from './drop-said.ts';
import { simulatedSet, streamSet, type Xyz } from './simulated-wearer.ts';

/** Espruino's default accelerometer poll: 80 ms [ESP Data Streaming]. */
const BANGLE_RATE_HZ = 12.5;

describe('a Bangle.js over Web Bluetooth: the streaming code, a counted set and a dropped connection', () => {
  let browser: Browser;
  let page: Page;
  let watch: EmulatedBangle;
  const line = ([x, y, z]: Xyz) =>
    watch.print(`A,${Math.round(x * 100)},${Math.round(y * 100)},${Math.round(z * 100)}\n`);

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openApp(browser, {
      viewport: { width: 360, height: 640 },
      touch: true,
      initScript: installCueSpy,
    });
    watch = await emulateBangle(browser, page, {
      address: 'E1:BA:00:00:00:01',
      name: 'Bangle.js 1a2b',
      batteryPercent: 72,
    });
  });

  afterAll(async () => {
    await watch?.dispose();
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

  it('is picked from the device menu with a tap, resets the watch, uploads the streaming code and shows the battery', async () => {
    await openDeviceMenu(page, tap);
    await page.getByRole('button', { name: 'Bangle.js watch', exact: true }).tap();
    await expect
      .poll(() => devicesLine(page).textContent(), { timeout: 10_000 })
      .toBe('Bangle.js 1a2b connected');
    // Its battery, under the line a tap opens.
    await openDevicesLine(page, tap);
    expect(await panel('.battery').textContent()).toBe('battery 72 %');
    // Alone, what it counts: before the session, not set by set.
    expect(await panel('.role').textContent()).toBe(
      'heart rate; counts the superman, drawing-in and wide-grip lat pulldown; the rest by hand',
    );
    // The emulation reports each write to this process as an event of its own: waited for, not raced.
    await expect.poll(() => watch.written().slice(1).join('').includes("Bangle.on('HRM'")).toBe(true);
    await expect.poll(() => watch.written().slice(1).join('').endsWith('}\n')).toBe(true);
    const writes = watch.written();
    expect(writes[0]).toBe(BANGLE_RESET_COMMAND);
    // The rest is the upload, in writes of at most 20 bytes: no echo, one statement each, the accel
    // handler and then the heart sensor's.
    expect(writes.every((w) => w.length <= 20)).toBe(true);
    const upload = writes.slice(1).join('');
    expect(upload.startsWith('\x03\x10if(1){')).toBe(true);
    expect(upload.indexOf("Bangle.on('accel'")).toBeLessThan(upload.indexOf("Bangle.on('HRM'"));
    expect(upload.endsWith('}\n')).toBe(true);
    // Until the watch has found the pulse, and while it is unsure of it, the header shows no number
    // and says the watch is finding it, on one line of the smallest phone too.
    const bpm = page.locator('bb-heart-rate .bpm');
    const finding = page.locator('bb-heart-rate .finding');
    expect(await bpm.textContent()).toBe('--');
    await watch.print('H,0,10\r\nH,88,30\r\n');
    await expect.poll(() => finding.textContent(), { timeout: 3000 }).toBe('finding pulse…');
    expect(await bpm.count()).toBe(0);
    for (const [width, height] of [
      [180, 320],
      [360, 640],
    ]) {
      await page.setViewportSize({ width, height });
      const words = await finding.boundingBox();
      const heart = await page.locator('bb-heart-rate .heart').boundingBox();
      expect(words && heart && words.x + words.width <= width && words.y < heart.y + heart.height).toBe(true);
      // Between sessions, the smallest phone's menu of History and Settings beside them, whole.
      const menu = page.getByRole('button', { name: 'History and Settings' });
      if (width === 180) {
        const button = await menu.boundingBox();
        expect([button?.width, button?.height]).toEqual([44, 44]);
        expect(words && button && words.x + words.width <= button.x).toBe(true);
      }
    }
    const findingHeight = (await page.locator('bb-heart-rate').boundingBox())?.height;
    // Then its reading, as a strap's would be, the header no taller nor shorter for it.
    await watch.print('H,76,85\r\n');
    await expect.poll(() => bpm.textContent(), { timeout: 3000 }).toContain('76');
    expect(await finding.count()).toBe(0);
    expect((await page.locator('bb-heart-rate').boundingBox())?.height).toBe(findingHeight);
    // A reading a second the watch is unsure of, as a wrist that moves gives for several in a row: the
    // last sure one stays, where a strap's is gone after 5 s.
    for (let i = 0; i < 7; i++) {
      await page.waitForTimeout(1000);
      await watch.print(`H,${80 + i},${15 + 5 * i}\r\n`);
    }
    expect(await bpm.textContent()).toBe('76');
  });

  it('counts a superman set from the watch, across a drop, without losing a rep', async () => {
    const set = simulatedSet('superman', 6, BANGLE_RATE_HZ);
    // Lying face down, still, before the set: the watch already streams.
    for (let i = 0; i < BANGLE_RATE_HZ; i++) await line(set.samples[0]);
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    await expect.poll(() => page.locator('bb-set-view h2').textContent()).toBe('Superman');

    let countBeforeDrop = 0;
    let writesBeforeDrop = 0;
    await streamSet(set, line, {
      dropAfterS: set.repTimesS[2] + 0.4,
      drop: async () => {
        await expect.poll(count, { timeout: 3000 }).toBe(3);
        countBeforeDrop = await count();
        writesBeforeDrop = watch.written().length;
        const saidBeforeDrop = (await said()).length;
        const reconnectingSeen = await noteReconnecting(page);
        await watch.disconnect();
        await expect.poll(reconnectingSeen, { timeout: 2000 }).toEqual(['reconnecting…']);
        // The set pauses and says why, for someone who sees the screen from the mat.
        await expect
          .poll(() => page.locator('bb-set-view .pause-reason').textContent())
          .toBe('connection lost');
        await expect
          .poll(() => panel('.state').getAttribute('data-connection'), { timeout: 20_000, interval: 50 })
          .toBe('connected');
        // The watch may have been reset meanwhile: the app resets it and uploads the code again.
        await expect
          .poll(() => watch.written().slice(writesBeforeDrop))
          .toEqual(watch.written().slice(0, writesBeforeDrop));
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

  it('drops a garbled line, counts it as a bad packet, and reads the lines around it', async () => {
    const before = await count();
    await watch.print('A,12,x4,98\n');
    // A line split across two notifications is one line.
    await watch.print('A,6,14,');
    await watch.print('-99\n');
    await expect.poll(() => panel('.malformed').textContent()).toBe('1 bad packet dropped');
    expect(await count()).toBe(before);
    expect(await panel('.state').textContent()).toBe('connected');
  });
});
