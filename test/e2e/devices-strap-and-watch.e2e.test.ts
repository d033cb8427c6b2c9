// Two wearables at once through Chromium's Web Bluetooth stack: a Polar H10 (heart rate and trunk
// motion) and a PineTime on the wrist. Heart rate comes from the strap; the watch dropping and
// coming back does not disturb the strap, and the strap going, or its motion stopping, in a set the
// watch counts says so and lets the set go on.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  HEART_RATE_MEASUREMENT,
  HEART_RATE_SERVICE,
  INFINITIME_MOTION as MOTION,
  INFINITIME_MOTION_SERVICE as MOTION_SERVICE,
  PMD_DATA,
} from '../../src/protocol/uuids.ts';
import { describeWithShared, readSharedJson } from '../shared.ts';
import { openApp } from './app-page.ts';
import { type EmulatedPeripheral, emulatePeripheral, pineTime } from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { devicesLine, openDeviceMenu, openDevicesLine } from './devices-line.ts';
import { type EmulatedH10, emulateH10, hexBytes, type Vector, vectorBytes } from './emulated-polar-h10.ts';

describeWithShared('a Polar H10 and a PineTime connected at the same time', () => {
  let browser: Browser;
  let page: Page;
  let strap: EmulatedH10;
  let watch: EmulatedPeripheral;
  let vectors: Vector[];
  const vector = (description: string) => vectorBytes(vectors, description);

  beforeAll(async () => {
    vectors = readSharedJson<Vector[]>('vectors/vectors.json');
    browser = await launchChromium();
    page = await openApp(browser, { viewport: { width: 412, height: 915 } });
    strap = await emulateH10(browser, page, vectors, { battery: false });
    // 1 g on z, the watch flat.
    watch = await emulatePeripheral(browser, page, pineTime('C7:00:00:00:00:01', [0, 0, 0, 0, 0, 4]));
  });

  afterAll(async () => {
    await watch?.dispose();
    await strap?.dispose();
    await browser?.close();
  });

  const device = (name: string) => page.locator('bb-device-panel .device').filter({ hasText: name });
  const click = (target: Locator) => target.click();

  it('connects both from the device menu; heart rate comes from the strap', async () => {
    await openDeviceMenu(page, click);
    await page.getByRole('button', { name: 'Polar H10 / Verity Sense' }).click();
    await expect.poll(() => devicesLine(page).textContent()).toBe('Polar H10 0000E2E0 connected');
    // The strap alone: its stream, under the devices' line a tap opens.
    await openDevicesLine(page, click);
    await expect.poll(() => page.locator('bb-device-panel .rate').count()).toBe(1);
    await openDeviceMenu(page, click);
    await page.getByRole('button', { name: 'PineTime watch' }).click();
    await expect
      .poll(() => devicesLine(page).textContent())
      .toBe('Polar H10 0000E2E0 connected · InfiniTime connected');
    // What each is kept for, under their names in the opened line.
    await openDevicesLine(page, click);
    expect(await device('Polar H10').locator('.role').textContent()).toBe(
      'heart rate; counts all but the wide-grip lat pulldown',
    );
    expect(await device('InfiniTime').locator('.role').textContent()).toBe(
      'counts the wide-grip lat pulldown',
    );
    expect(watch.operations.filter((op) => op === 'subscribe-to-notifications')).toHaveLength(2);

    await watch.notify(HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT, [0x00, 0x50]);
    await watch.notify(MOTION_SERVICE, MOTION, [0x00, 0x00, 0x00, 0x00, 0x00, 0x04]);
    await strap.send(HEART_RATE_MEASUREMENT, vector('Real Polar H10 (fw 5.0.0/sw 3.3.1) HR notification #1'));
    await expect.poll(() => page.locator('bb-heart-rate .bpm').textContent()).toBe('75');
  });

  it('reconnects the watch after it drops, while the strap stays connected', async () => {
    await watch.disconnect();
    await expect.poll(() => device('InfiniTime').locator('.retry').count()).toBe(1);
    expect(await devicesLine(page).textContent()).toMatch(/^Polar H10 0000E2E0 connected · InfiniTime /);
    await expect
      .poll(() => devicesLine(page).textContent(), { timeout: 10_000 })
      .toBe('Polar H10 0000E2E0 connected · InfiniTime connected');
    await watch.notify(MOTION_SERVICE, MOTION, [0x00, 0x00, 0x00, 0x00, 0x00, 0x04]);
    await strap.send(HEART_RATE_MEASUREMENT, [0x00, 0x4e]);
    await expect.poll(() => page.locator('bb-heart-rate .bpm').textContent()).toBe('78');
    expect(await page.locator('bb-device-panel .malformed').count()).toBe(0);
  });

  it('says under a lat pulldown the watch counts that the strap is out of reach, and the set goes on', async () => {
    await page.setViewportSize({ width: 360, height: 640 });
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const heading = page.locator('bb-set-view h2');
    const exercise = async () => ((await heading.count()) ? heading.textContent() : null);
    for (let i = 0; i < 30 && (await exercise()) !== 'Wide-grip lat pulldown'; i++) {
      const skip = page.getByRole('button', { name: 'Skip set' });
      await ((await skip.count()) ? skip : page.getByRole('button', { name: 'Start now' })).click();
    }
    expect(await exercise()).toBe('Wide-grip lat pulldown');
    await page.getByRole('button', { name: 'Start the set' }).click();
    // Both connected, they are one line over the set, their batteries and × a tap away: laid out
    // whole, each on two rows, they took the header to 185 px and the ring down to 160 px.
    await expect
      .poll(() => devicesLine(page).textContent())
      .toBe('Polar H10 0000E2E0 connected · InfiniTime connected');
    const heightOf = async (selector: string) => (await page.locator(selector).boundingBox())?.height;
    await expect.poll(() => heightOf('bb-app header')).toBeLessThanOrEqual(100);
    await expect.poll(() => heightOf('bb-set-view bb-progress-ring')).toBeGreaterThanOrEqual(200);
    expect(await page.getByRole('button', { name: 'Disconnect Polar H10 0000E2E0' }).isVisible()).toBe(false);
    await strap.goOutOfReach();
    const away = page.locator('bb-set-view .away');
    await expect.poll(() => away.textContent(), { timeout: 10_000 }).toBe('Strap reconnecting: keep going');
    // The strap being reconnected, the two stay one line: there is nothing in their row to tap but ×.
    expect(await devicesLine(page).textContent()).toBe(
      'Polar H10 0000E2E0 reconnecting: keep going · InfiniTime connected',
    );
    expect(await page.locator('bb-set-view .paused').count()).toBe(0);
    // On a phone the count stays on the screen, under the line.
    const count = (await page.locator('bb-set-view .face .count').boundingBox())!;
    const line = (await away.boundingBox())!;
    expect(count.y).toBeGreaterThan(line.y + line.height);
    expect(count.y + count.height).toBeLessThanOrEqual(640);
    strap.comeBackInReach();
  });

  it('says under the lat pulldown that the strap, still connected, has stopped sending motion, and the set goes on', async () => {
    const away = page.locator('bb-set-view .away');
    await expect.poll(() => away.count(), { timeout: 15_000 }).toBe(0);
    const frame = vectors.find((x) => x.protocol === 'pmd-acc' && x.stream === 'ACC_50HZ_2G');
    await strap.send(PMD_DATA, hexBytes(frame!.hex));
    await expect.poll(() => away.textContent(), { timeout: 10_000 }).toBe('Strap motion stopped: keep going');
    expect(await page.locator('bb-set-view .paused').count()).toBe(0);
    await page.screenshot({ path: '/tmp/strap-motion-stopped.png' });
  });
});
