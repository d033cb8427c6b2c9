// A Polar H10, emulated over the DevTools protocol and reached through Chromium's own Web Bluetooth
// stack: heart rate plus the PMD accelerometer stream. The control point answers with the real
// responses from ../shared/vectors/vectors.json; the data characteristic first carries real H10
// ACC frames, then frames of a simulated superman set encoded in the H10's raw type-1 layout, so the
// set counts reps. Midway the strap drops; the app reconnects by itself, restarts the stream (the
// strap answers ALREADY_IN_STATE once, as after a short drop) and no rep already counted is lost.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEART_RATE_MEASUREMENT, PMD_CONTROL_POINT as PMD_CP, PMD_DATA } from '../../src/protocol/uuids.ts';
import { describeWithShared, PROJECT_DIR, readSharedJson } from '../shared.ts';
import { openApp } from './app-page.ts';
import { launchChromium } from './chromium.ts';
import { installCueSpy } from './cue-spy.ts';
import { devicesLine, noteReconnecting, openDeviceMenu, openDevicesLine } from './devices-line.ts';
import { dropToldWhole } from './drop-said.ts';
import {
  type EmulatedH10,
  emulateH10,
  hexBytes,
  supermanFrames,
  toHex,
  type Vector,
  vectorBytes as vector,
} from './emulated-polar-h10.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithShared('a Polar H10 over Web Bluetooth: heart rate, ACC stream and a dropped connection', () => {
  let browser: Browser;
  let page: Page;
  let strap: EmulatedH10;
  let vectors: Vector[];
  /** Set while the strap should answer the next start with ALREADY_IN_STATE. */
  let streamStillRunning = false;

  beforeAll(async () => {
    vectors = readSharedJson<Vector[]>('vectors/vectors.json');
    mkdirSync(join(PROJECT_DIR, 'test-results'), { recursive: true });
    browser = await launchChromium();
    page = await openApp(browser, { viewport: { width: 412, height: 915 }, initScript: installCueSpy });
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`page error: ${message.text()}`);
    });
    strap = await emulateH10(browser, page, vectors, {
      battery: true,
      streamRunning: () => streamStillRunning,
      commanded: (hex) => {
        if (hex === '0302') streamStillRunning = false;
      },
    });
  });

  afterAll(async () => {
    await strap?.dispose();
    await browser?.close();
  });

  const panel = (selector: string) => page.locator(`bb-device-panel ${selector}`);
  const click = (target: Locator) => target.click();
  const said = () =>
    page.evaluate(() => (window.backbeatCueLog ?? []).filter((c) => c.kind === 'say').map((c) => c.detail));

  it('picks the H10 from the device menu, starts ACC with the bytes chosen from its offer, and shows the stream', async () => {
    await openDeviceMenu(page, click);
    await page.getByRole('button', { name: 'Polar H10 / Verity Sense' }).click();
    await expect.poll(() => devicesLine(page).textContent()).toBe('Polar H10 0000E2E0 connected');
    // Its stream and battery, under the line a tap opens.
    await openDevicesLine(page, click);
    await expect.poll(() => panel('.rate').textContent()).toBe('motion 50 Hz');
    await expect.poll(() => panel('.battery').textContent()).toContain('100 %');
    // GET_MEASUREMENT_SETTINGS(ACC), then 50 Hz / 16 bit / 8 G from `…04 19 00 32 00 64 00 C8 00…`.
    // Each write reaches this process as an event of its own: waited for, not raced.
    await expect
      .poll(() => strap.writes.get(PMD_CP)?.map(toHex))
      .toEqual(['0102', '0202000132000101100002010800']);
    expect(strap.operations.filter((op) => op === 'subscribe-to-notifications')).toHaveLength(3);

    // Real H10 frames go through without a complaint, and heart rate shows.
    for (const v of vectors.filter((x) => x.protocol === 'pmd-acc' && x.stream === 'ACC_50HZ_2G')) {
      await strap.send(PMD_DATA, hexBytes(v.hex));
    }
    await strap.send(
      HEART_RATE_MEASUREMENT,
      vector(vectors, 'Real Polar H10 (fw 5.0.0/sw 3.3.1) HR notification #1'),
    );
    await expect.poll(() => page.locator('bb-heart-rate .bpm').textContent()).toBe('75');
    expect(await panel('.malformed').count()).toBe(0);
    await page.screenshot({ path: join(PROJECT_DIR, 'test-results', 'devices-h10.png') });
  });

  it('counts a superman set from the ACC stream, across a dropped connection, without losing a rep', async () => {
    const { frames, repTimesS } = supermanFrames(6);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => page.locator('bb-set-view h2').textContent()).toBe('Superman');
    // Until the strap sees the person lying still face down, the set waits and shows no count.
    const count = async () => {
      const shown = page.locator('bb-set-view .count');
      return (await shown.count()) > 0 ? Number(await shown.textContent()) : 0;
    };

    // Stream at the pace of the simulated person; drop the link once the third rep is on screen
    // and the person is between reps.
    const dropAfterS = repTimesS[2] + 0.4;
    let startedAt = Date.now();
    let dropped = false;
    let countBeforeDrop = 0;
    let reconnectMs = 0;
    const countsSeen: number[] = [];
    for (const frame of frames) {
      const dueMs = startedAt + frame.atS * 1000;
      const waitMs = dueMs - Date.now();
      if (waitMs > 0) await sleep(waitMs);
      if (!dropped && frame.atS > dropAfterS) {
        await expect.poll(count, { timeout: 3000 }).toBe(3);
        countBeforeDrop = await count();
        dropped = true;
        streamStillRunning = true;
        const writesBefore = strap.writes.get(PMD_CP)?.length ?? 0;
        const t0 = Date.now();
        const saidBeforeDrop = (await said()).length;
        const reconnectingSeen = await noteReconnecting(page);
        await strap.disconnect();
        await expect.poll(reconnectingSeen, { timeout: 2000 }).toEqual(['reconnecting…']);
        await expect
          .poll(() => panel('.state').getAttribute('data-connection'), { timeout: 20_000, interval: 20 })
          .toBe('connected');
        // Settings, start (status 6), stop, start again: the link is shown connected as the strap
        // answers, a moment before the stream is asked for again.
        await expect
          .poll(() => strap.writes.get(PMD_CP)?.slice(writesBefore).map(toHex), {
            timeout: 5000,
            interval: 20,
          })
          .toEqual(['0102', '0202000132000101100002010800', '0302', '0202000132000101100002010800']);
        reconnectMs = Date.now() - t0;
        console.log(
          `H10 reconnect: ${reconnectMs} ms from the drop to the ACC stream running again ` +
            '(0.5 s backoff, rediscovery, 3 subscriptions, settings, start answered ALREADY_IN_STATE, stop, start)',
        );
        expect(await count()).toBe(countBeforeDrop);
        // The person on the mat hears why the set stopped, not just that it did, and that it goes on.
        // Told whole or not at all, as the reconnection took more or less than a moment.
        await expect
          .poll(() => said().then((lines) => lines.slice(saidBeforeDrop)))
          .toBeOneOf(dropToldWhole(countBeforeDrop));
        // The person waited for the strap; the stream resumes where it stopped.
        startedAt = Date.now() - frame.atS * 1000;
      }
      await strap.send(PMD_DATA, frame.bytes);
      countsSeen.push(await count());
    }
    await expect.poll(count, { timeout: 5000 }).toBe(6);
    // Never a step back: no rep counted before the drop was lost.
    for (let i = 1; i < countsSeen.length; i++)
      expect(countsSeen[i]).toBeGreaterThanOrEqual(countsSeen[i - 1]);
    expect(countBeforeDrop).toBe(3);
    expect(reconnectMs).toBeGreaterThan(0);
    expect(await panel('.malformed').count()).toBe(0);
  });
});
