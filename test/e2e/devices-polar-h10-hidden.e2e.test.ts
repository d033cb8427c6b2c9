// A Polar H10 connected before a session, emulated over the DevTools protocol and reached through
// Chromium's own Web Bluetooth stack, while the page is hidden (the phone's screen off, another app in
// front) and shown again. The emulated strap answers its PMD control point with the real responses
// from ../shared/vectors/vectors.json and sends an ACC frame (36 samples at 50 Hz) every 0.72 s while
// its stream runs, from the start the app asks for to the stop; its heart rate, once a second, runs
// whatever the app asks.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEART_RATE_MEASUREMENT, PMD_CONTROL_POINT as PMD_CP, PMD_DATA } from '../../src/protocol/uuids.ts';
import { describeWithShared, readSharedJson } from '../shared.ts';
import { openApp } from './app-page.ts';
import { launchChromium } from './chromium.ts';
import { devicesLine, openDeviceMenu, openDevicesLine } from './devices-line.ts';
import { type EmulatedH10, emulateH10, encodeAccFrame, toHex, type Vector } from './emulated-polar-h10.ts';
import { setPageHidden } from './page-hidden.ts';

const SAMPLES_PER_FRAME = 36;
const FRAME_S = SAMPLES_PER_FRAME / 50;
/** Face down and still on the mat, in g, sample after sample. */
const FACE_DOWN = Float32Array.from({ length: SAMPLES_PER_FRAME * 3 }, (_, i) => [0.02, -0.05, -0.99][i % 3]);
/** GET_MEASUREMENT_SETTINGS(ACC), then its start at 50 Hz / 16 bit / 8 G from the H10's offer. */
const ACC_START = ['0102', '0202000132000101100002010800'];

describeWithShared('a Polar H10 before a session, the page hidden and shown again', () => {
  let browser: Browser;
  let page: Page;
  let strap: EmulatedH10;
  let vectors: Vector[];
  /** Its ACC stream, started and stopped at the app's commands. */
  let accRunning = false;
  let pumping = true;
  let pump: Promise<void> = Promise.resolve();
  const commands = () => strap.writes.get(PMD_CP)?.map(toHex) ?? [];
  const line = () => devicesLine(page).textContent();
  const rate = () =>
    page
      .locator('bb-device-panel .rate')
      .textContent({ timeout: 1000 })
      .catch(() => null);
  const shownBpm = () => page.locator('bb-heart-rate .bpm').textContent();
  const click = (target: Locator) => target.click();

  /** The strap: an ACC frame every 0.72 s while its stream runs, a heart rate of 70 every second. */
  async function runStrap(): Promise<void> {
    let accS = 0;
    for (let tick = 0, nextBeatS = 0; pumping; tick++) {
      const atS = tick * FRAME_S;
      if (accRunning) {
        accS += FRAME_S;
        await strap
          .send(PMD_DATA, encodeAccFrame(accS, FACE_DOWN, 0, SAMPLES_PER_FRAME))
          .catch(() => undefined);
      }
      if (atS >= nextBeatS) {
        nextBeatS += 1;
        // Flags 0: an 8-bit heart rate, nothing else [HRS].
        await strap.send(HEART_RATE_MEASUREMENT, [0x00, 70]).catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, FRAME_S * 1000));
    }
  }

  beforeAll(async () => {
    vectors = readSharedJson<Vector[]>('vectors/vectors.json');
    browser = await launchChromium();
    page = await openApp(browser, { viewport: { width: 360, height: 640 } });
    strap = await emulateH10(browser, page, vectors, {
      battery: false,
      streamRunning: () => accRunning,
      commanded: (hex) => {
        if (hex.startsWith('0202')) accRunning = true;
        if (hex === '0302') accRunning = false;
      },
    });
    pump = runStrap();
  });

  afterAll(async () => {
    pumping = false;
    await pump;
    await strap?.dispose();
    await browser?.close();
  });

  it('is connected and streams its motion and heart rate', async () => {
    await openDeviceMenu(page, click);
    await page.getByRole('button', { name: 'Polar H10 / Verity Sense' }).click();
    await expect.poll(line, { timeout: 10_000 }).toBe('Polar H10 0000E2E0 connected');
    await openDevicesLine(page, click);
    expect(commands()).toEqual(ACC_START);
    await expect.poll(rate).toBe('motion 50 Hz');
    await expect.poll(shownBpm, { timeout: 5000 }).toBe('70');
  });

  it('stops its ACC stream while the page is hidden with no session, its heart rate kept', async () => {
    const commandsBefore = commands().length;
    await setPageHidden(page, true);
    await expect.poll(() => commands().slice(commandsBefore)).toEqual(['0302']);
    await expect.poll(() => accRunning).toBe(false);
    // Hidden, a silent stream is no stream stopped: it was stopped on purpose.
    await page.waitForTimeout(4000);
    expect(await line()).toBe('Polar H10 0000E2E0 connected');
    expect(await shownBpm()).toBe('70');
  });

  it('starts its ACC stream again once the page is shown, on the same connection', async () => {
    const commandsBefore = commands().length;
    const connections = strap.operations.filter((o) => o === 'connection').length;
    await setPageHidden(page, false);
    await expect.poll(() => commands().slice(commandsBefore)).toEqual(ACC_START);
    // Longer than the 3 s of silence the app takes for a stream stopped (MOTION_STOPPED_AFTER_MS).
    await page.waitForTimeout(4000);
    expect({ line: await line(), rate: await rate(), bpm: await shownBpm(), acc: accRunning }).toEqual({
      line: 'Polar H10 0000E2E0 connected',
      rate: 'motion 50 Hz',
      bpm: '70',
      acc: true,
    });
    expect(strap.operations.filter((o) => o === 'connection').length).toBe(connections);
  });
});
