// A Bangle.js connected before a session, emulated over the DevTools protocol and reached through
// Chromium's own Web Bluetooth stack, while the page is hidden (the phone's screen off, another app in
// front) and shown again. The emulated watch runs what the app wrote to it over the Nordic UART, as
// Espruino would: it prints `A,x,y,z` lines at 12.5 Hz while the accelerometer handler is uploaded,
// and `H,bpm,confidence` lines once a second while its heart sensor is on with the HRM handler
// uploaded; `reset()` drops both handlers.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANGLE_RESET_COMMAND } from '../../src/protocol/bangle.ts';
import { openApp } from './app-page.ts';
import { type EmulatedBangle, emulateBangle } from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { devicesLine, openDeviceMenu } from './devices-line.ts';
import { setPageHidden } from './page-hidden.ts';

/** Espruino's default accelerometer poll: 80 ms [ESP Data Streaming]. */
const SAMPLE_MS = 80;
/** Face down and still on the mat, in g. */
const FACE_DOWN = [0.02, -0.05, -0.99] as const;

interface WatchRuns {
  readonly accel: boolean;
  readonly heart: boolean;
}

/** What the watch runs after the text written to it, in order: handlers uploaded, the sensor's power, reset(). */
function watchRuns(written: string): WatchRuns {
  let accel = false;
  let hrmHandler = false;
  let hrmPower = false;
  for (const [command, power] of written.matchAll(
    /reset\(\);|Bangle\.on\('accel'|Bangle\.on\('HRM'|Bangle\.setHRMPower\(([01])/g,
  )) {
    if (command === 'reset();') [accel, hrmHandler, hrmPower] = [false, false, false];
    else if (command.endsWith("'accel'")) accel = true;
    else if (command.endsWith("'HRM'")) hrmHandler = true;
    else hrmPower = power === '1';
  }
  return { accel, heart: hrmHandler && hrmPower };
}

describe('a Bangle.js before a session, the page hidden and shown again', () => {
  let browser: Browser;
  let page: Page;
  let watch: EmulatedBangle;
  let pumping = true;
  let pump: Promise<void> = Promise.resolve();
  /** The pulse the watch's heart sensor reads now. */
  let bpm = 70;

  const runs = () => watchRuns(watch.written().join(''));
  const shownBpm = () => page.locator('bb-heart-rate .bpm').textContent();
  /** The devices' line: "No watch motion" once the app takes the watch's silence for a stream stopped. */
  const line = () => devicesLine(page).textContent();
  const tap = (target: Locator) => target.tap();

  /** The watch, printing what its uploaded code prints, one notification at a time. */
  async function runWatch(): Promise<void> {
    for (let tick = 0; pumping; tick++) {
      const now = runs();
      const lines = [
        now.accel ? `A,${FACE_DOWN.map((g) => Math.round(g * 100)).join(',')}\n` : '',
        now.heart && tick % Math.round(1000 / SAMPLE_MS) === 0 ? `H,${bpm},95\r\n` : '',
      ].join('');
      if (lines) await watch.print(lines).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  }

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openApp(browser, { viewport: { width: 360, height: 640 }, touch: true });
    watch = await emulateBangle(browser, page, { address: 'E1:BA:00:00:00:05', name: 'Bangle.js 5e6f' });
    pump = runWatch();
  });

  afterAll(async () => {
    pumping = false;
    await pump;
    await watch?.dispose();
    await browser?.close();
  });

  it('is connected with a tap and streams its heart rate and motion', async () => {
    await openDeviceMenu(page, tap);
    await page.getByRole('button', { name: 'Bangle.js watch', exact: true }).tap();
    await expect.poll(line, { timeout: 10_000 }).toBe('Bangle.js 5e6f connected');
    await expect.poll(runs, { timeout: 5000 }).toEqual({ accel: true, heart: true });
    await expect.poll(shownBpm, { timeout: 5000 }).toBe('70');
    expect(await line()).toBe('Bangle.js 5e6f connected');
  });

  it('stops the watch, its heart sensor off, while the page is hidden with no session', async () => {
    const writesBefore = watch.written().length;
    await setPageHidden(page, true);
    await expect.poll(runs, { timeout: 5000 }).toEqual({ accel: false, heart: false });
    expect(watch.written().slice(writesBefore).join('')).toContain(
      'Bangle.setHRMPower(0,"backbeat");reset();',
    );
    // Hidden, a silent watch is no stream stopped: it was stopped on purpose.
    await page.waitForTimeout(4000);
    expect(await line()).toBe('Bangle.js 5e6f connected');
  });

  it('streams its heart rate and motion again once the page is shown, on the same connection', async () => {
    const writesBefore = watch.written().length;
    const connections = watch.operations.filter((o) => o === 'connection').length;
    bpm = 74;
    await setPageHidden(page, false);
    // Longer than the 3 s of silence the app takes for a stream stopped (MOTION_STOPPED_AFTER_MS); the
    // pulse the watch reads now, not the one from before the page was hidden.
    await page.waitForTimeout(4000);
    await expect
      .poll(async () => ({ line: await line(), bpm: await shownBpm(), watch: runs() }), { timeout: 10_000 })
      .toEqual({ line: 'Bangle.js 5e6f connected', bpm: '74', watch: { accel: true, heart: true } });
    // Reset first, as on a connection, then the upload: the watch runs nothing else of before.
    expect(watch.written()[writesBefore]).toBe(BANGLE_RESET_COMMAND);
    expect(watch.operations.filter((o) => o === 'connection').length).toBe(connections);
  });
});
