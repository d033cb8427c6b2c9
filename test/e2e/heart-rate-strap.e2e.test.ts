// A standard heart-rate strap, emulated over the DevTools protocol, picked and streamed through
// Chromium's own Web Bluetooth stack with real bytes captured from a Polar H10.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEART_RATE_MEASUREMENT, HEART_RATE_SERVICE } from '../../src/protocol/uuids.ts';
import { describeWithShared, readSharedJson } from '../shared.ts';
import { openApp } from './app-page.ts';
import { type EmulatedPeripheral, emulatePeripheral, heartRateStrap } from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { installCueSpy } from './cue-spy.ts';
import { hexBytes } from './emulated-polar-h10.ts';

interface Vector {
  protocol: string;
  source: string;
  hex: string;
  expected: { hr?: number; rrMs?: number[] };
}

describeWithShared('a standard heart-rate strap over Web Bluetooth', () => {
  let browser: Browser;
  let page: Page;
  let strap: EmulatedPeripheral;

  beforeAll(async () => {
    browser = await launchChromium();
    // Playwright's own page size, a laptop's.
    page = await openApp(browser, { viewport: { width: 1280, height: 720 }, initScript: installCueSpy });
    // Emulation is set up after the last navigation: a reload silently ends it.
    strap = await emulatePeripheral(browser, page, heartRateStrap('0C:8C:DC:00:00:10', 'Polar H10 0000E2E0'));
  });

  afterAll(async () => {
    await strap?.dispose();
    await browser?.close();
  });

  it('connects from the device panel and shows every real H10 reading as it arrives', async () => {
    await page.getByRole('button', { name: 'Connect a Bluetooth strap' }).click();
    await expect.poll(() => page.locator('bb-device-panel .name').textContent()).toBe('Polar H10 0000E2E0');
    await expect.poll(() => page.locator('bb-device-panel .state').textContent()).toBe('connected');
    expect(strap.operations).toEqual(['connection', 'discovery', 'subscribe-to-notifications']);

    const captures = readSharedJson<Vector[]>('vectors/vectors.json').filter(
      (v) =>
        v.protocol === 'hrs' && v.source.startsWith('fstanis/polar-h10-web') && v.expected.hr !== undefined,
    );
    expect(captures.length).toBeGreaterThanOrEqual(12);
    for (const capture of captures) {
      await strap.notify(HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT, hexBytes(capture.hex));
      await expect
        .poll(() => page.locator('bb-heart-rate .bpm').textContent())
        .toBe(String(capture.expected.hr));
    }
  });

  it('counts and drops a malformed packet without losing the stream', async () => {
    // Flags say a 16-bit heart rate follows, but only one byte does.
    await strap.notify(HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT, [0x01, 0x48]);
    await expect
      .poll(() => page.locator('bb-device-panel .malformed').textContent())
      .toBe('1 bad packet dropped');
    await strap.notify(HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT, [0x00, 0x63]);
    await expect.poll(() => page.locator('bb-heart-rate .bpm').textContent()).toBe('99');
  });

  it('shows no heart rate while the strap says its electrodes have lost the skin, though it still sends one', async () => {
    const bpm = page.locator('bb-heart-rate .bpm');
    // Contact supported and detected (flags 0x16), with an RR interval.
    await strap.notify(HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT, [0x16, 98, 0x00, 0x04]);
    await expect.poll(() => bpm.textContent()).toBe('98');
    // Supported, not detected (0x14): a strap taken off that keeps sending, once a second, a number
    // that is no heart rate. The header lets the last true reading go, as with a strap gone quiet.
    const offSkin = [0x14, 88, 0x00, 0x04];
    const shown: string[] = [];
    for (let second = 0; second < 12 && shown.at(-1) !== '--'; second++) {
      await strap.notify(HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT, offSkin);
      // The strap's own pace, not a wait for the page.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      shown.push((await bpm.textContent()) ?? '');
    }
    expect(shown).not.toContain('88');
    expect(shown.at(-1)).toBe('--');
    await strap.notify(HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT, [0x16, 96, 0x00, 0x04]);
    await expect.poll(() => bpm.textContent()).toBe('96');
  });

  it('times a hold from a tap on Start hold: the strap cannot see the person hold still', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    // Skip set in a set, Start now in a rest, to the drawing-in.
    const heading = page.locator('bb-set-view h2');
    const exercise = async () => ((await heading.count()) ? heading.textContent() : null);
    for (let i = 0; i < 20 && (await exercise()) !== 'Drawing-in'; i++) {
      const skip = page.getByRole('button', { name: 'Skip set' });
      await ((await skip.count()) ? skip : page.getByRole('button', { name: 'Start now' })).click();
    }
    expect(await exercise()).toBe('Drawing-in');
    const unit = page.locator('bb-set-view .unit').first();
    expect(await unit.textContent()).toBe('tap Start hold');
    // The voice says so too: the person on the mat does not wait for a stillness nothing sees. To a
    // person new to it, after how it is done, a line of its own.
    const said = () =>
      page.evaluate(() => (window.backbeatCueLog ?? []).filter((c) => c.kind === 'say').map((c) => c.detail));
    const sinceTheSet = (lines: string[]) =>
      lines.slice(lines.findLastIndex((line) => line.startsWith('Drawing-in, '))).join(' ');
    await expect
      .poll(async () => sinceTheSet(await said()))
      .toMatch(/^Drawing-in, .*Tap Start hold when you are in position$/);
    await page.getByRole('button', { name: 'Start hold' }).click();
    await expect.poll(() => unit.textContent()).toBe('of 45 s');
    await expect.poll(() => page.locator('bb-set-view .count').textContent(), { timeout: 5000 }).toBe('2');
  });

  it('lets the hold run on while the strap is out of reach: it sees nothing of it, and the voice says to keep going', async () => {
    const said = () =>
      page.evaluate(() => (window.backbeatCueLog ?? []).filter((c) => c.kind === 'say').map((c) => c.detail));
    const before = (await said()).length;
    const held = async () => Number(await page.locator('bb-set-view .count').textContent());
    await strap.goOutOfReach();
    await expect.poll(() => page.locator('bb-heart-rate .bpm').textContent()).toBe('--');
    await expect
      .poll(async () => (await said()).slice(before), { timeout: 5000 })
      .toEqual(['Heart rate out of reach: keep going']);
    // The hold's time runs on, and the screen says why there is no heart rate, not "Paused".
    const heldAtTheLine = await held();
    await expect.poll(held, { timeout: 5000 }).toBeGreaterThanOrEqual(heldAtTheLine + 2);
    expect(await page.locator('bb-set-view .paused').count()).toBe(0);
    expect(await page.locator('bb-set-view .away').textContent()).toBe(
      'Heart-rate strap reconnecting: keep going',
    );
    expect((await said()).slice(before).join(' ')).not.toMatch(/Paused|reconnecting|Go on/);

    await page.getByRole('button', { name: 'End hold' }).click();
    strap.comeBackInReach();
    await expect
      .poll(() => page.locator('bb-device-panel .state').getAttribute('data-connection'), { timeout: 30_000 })
      .toBe('connected');
    expect(await page.locator('bb-rest-view .away').count()).toBe(0);
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('heading', { name: 'Ended early' }).waitFor();
  }, 60_000);

  it('shows a dropped connection', async () => {
    await strap.disconnect();
    await expect.poll(() => page.locator('bb-device-panel .state').textContent()).toBe('connection lost');
  });

  it('shows no heart rate while the strap is away, and says why', async () => {
    await expect.poll(() => page.locator('bb-heart-rate .bpm').textContent()).toBe('--');
    await expect
      .poll(() => page.locator('bb-heart-rate .visually-hidden').textContent())
      .toBe('Heart rate: no reading, Polar H10 0000E2E0 is out of reach, reconnecting');
  });
});
