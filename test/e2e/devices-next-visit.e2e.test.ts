// The strap picked on one visit is the strap of the next: the browser keeps the permission
// (navigator.bluetooth.getDevices() lists it), so the app connects to it again by itself, with no
// tap and no chooser. A new tab in the same browser profile is the next visit here; the emulation
// is set up before the app loads, since a navigation after Bluetooth was used ends it.
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HEART_RATE_MEASUREMENT, HEART_RATE_SERVICE } from '../../src/protocol/uuids.ts';
import {
  type EmulatedPeripheral,
  emulatePeripheral,
  heartRateStrap,
  type PeripheralSpec,
  pineTime,
} from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';

const STRAP = heartRateStrap('0C:8C:DC:00:00:20', 'HRM-Pro 12345');

describe('a heart-rate strap picked on an earlier visit', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let strap: EmulatedPeripheral;

  /** A visit: a fresh tab with the strap in reach (or left at home), then the app. */
  async function visit(
    leftAtHome = false,
    viewport?: { width: number; height: number },
    connectionDelayMs = 0,
  ): Promise<void> {
    page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    strap = await emulatePeripheral(browser, page, STRAP, { connectionDelayMs });
    if (leftAtHome) await strap.goOutOfReach();
    await page.goto(inject('baseUrl'));
  }

  async function leave(): Promise<void> {
    await page.close();
    await strap.dispose();
  }

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext();
  });

  afterAll(async () => {
    await strap?.dispose();
    await browser?.close();
  });

  const panel = (selector: string) => page.locator(`bb-device-panel ${selector}`);

  it('is picked once from the chooser', async () => {
    await visit();
    await page.getByRole('button', { name: 'Connect a Bluetooth strap' }).click();
    await expect.poll(() => panel('.state').textContent()).toBe('connected');
    expect(await panel('.name').textContent()).toBe('HRM-Pro 12345');
    await leave();
  });

  it('is connected again on the next visit with no tap, and its heart rate shows', async () => {
    await visit();
    await expect.poll(() => panel('.name').textContent(), { timeout: 10_000 }).toBe('HRM-Pro 12345');
    await expect.poll(() => panel('.state').textContent(), { timeout: 10_000 }).toBe('connected');
    expect(strap.operations).toEqual(['connection', 'discovery', 'subscribe-to-notifications']);
    await strap.notify(HEART_RATE_SERVICE, HEART_RATE_MEASUREMENT, [0x00, 0x55]);
    await expect.poll(() => page.locator('bb-heart-rate .bpm').textContent()).toBe('85');
    await leave();
  });

  it('is named as being connected while it takes seconds to answer, the virtual strap standing in meanwhile', async () => {
    await visit(false, undefined, 3000);
    // Not "No strap is connected … Connect a strap": the person would pick the strap being connected.
    await expect.poll(() => panel('.awaited .state').textContent(), { timeout: 3000 }).toBe('connecting…');
    expect(await panel('.awaited .name').textContent()).toBe('HRM-Pro 12345');
    expect(await page.locator('.ready .virtual').textContent()).toMatch(
      /^HRM-Pro 12345 is being connected, /,
    );
    await expect
      .poll(() => panel('.device').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^\s*HRM-Pro 12345\s+connected/)]);
    await leave();
  });

  it('is not connected again once the person went back to the virtual strap', async () => {
    await visit();
    await expect.poll(() => panel('.name').textContent(), { timeout: 10_000 }).toBe('HRM-Pro 12345');
    await expect.poll(() => panel('.state').textContent(), { timeout: 10_000 }).toBe('connected');
    await page.getByRole('button', { name: 'Use the virtual strap' }).click();
    await expect.poll(() => panel('.name').textContent()).toBe('Virtual strap');
    await leave();
    await visit();
    // Give a reconnection the time it took above, then make sure none came.
    await page.waitForTimeout(1500);
    expect(await panel('.name').textContent()).toBe('Virtual strap');
    expect(strap.operations).toEqual([]);
    await leave();
  });

  it('is said to be reconnected in the line of the devices on a phone, where Reconnect is a tap away', async () => {
    await visit();
    await page.getByRole('button', { name: 'Connect a Bluetooth strap' }).click();
    await expect.poll(() => panel('.state').textContent()).toBe('connected');
    await leave();
    await visit(true, { width: 360, height: 640 });
    const words = page.locator('.ready .virtual');
    await expect.poll(() => words.textContent(), { timeout: 10_000 }).toMatch(/not found/);
    // "at Reconnect above" sent the person to a button inside the line, shut: nowhere on the screen.
    expect(await words.textContent()).toContain('or at Reconnect in the line above, opened with a tap,');
    const reconnect = page.getByRole('button', { name: 'Reconnect HRM-Pro 12345' });
    expect(await reconnect.isVisible()).toBe(false);
    await page.locator('bb-device-panel details.glance > summary').click();
    await expect.poll(() => reconnect.isVisible()).toBe(true);
    // Forget beside it, as the words say.
    await page.getByRole('button', { name: 'Forget HRM-Pro 12345' }).click();
    await expect.poll(() => panel('.awaited').count()).toBe(0);
    await leave();
  });

  it('is tried no more once the person, who left it at home, forgets it where it is said not found', async () => {
    await visit();
    await page.getByRole('button', { name: 'Connect a Bluetooth strap' }).click();
    await expect.poll(() => panel('.state').textContent()).toBe('connected');
    await leave();
    await visit(true);
    await expect.poll(() => panel('.awaited .state').textContent(), { timeout: 10_000 }).toBe('not found');
    // The virtual strap stands in, shown in use: no button of it to tap to stop the strap being tried.
    const granted = () =>
      page.evaluate(async () => (await navigator.bluetooth.getDevices()).map((d) => d.name));
    expect(await granted()).toEqual(['HRM-Pro 12345']);
    await page.getByRole('button', { name: 'Forget HRM-Pro 12345' }).click();
    await expect.poll(() => panel('.awaited').count()).toBe(0);
    // The browser's permission goes with it: no page of the origin connects to it without the chooser.
    await expect.poll(granted).toEqual([]);
    await leave();
    await visit();
    await page.waitForTimeout(1500);
    expect(await panel('.name').textContent()).toBe('Virtual strap');
    expect(strap.operations).toEqual([]);
  });
});

/**
 * Visits to the app in one browser profile opened as `profile` says, for the describe it is called
 * in: each a fresh tab with some devices in reach; `page` is the tab of the visit under way.
 */
function visitsInOneProfile(profile: BrowserContextOptions) {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let emulated: EmulatedPeripheral[] = [];
  // A finger taps where a pointer clicks.
  const press = (target: Locator) => (profile.hasTouch ? target.tap() : target.click());

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext(profile);
  });

  afterAll(async () => {
    for (const peripheral of emulated) await peripheral.dispose();
    await browser?.close();
  });

  return {
    get page(): Page {
      return page;
    },

    /** A visit with `specs` in reach, each taking `connectionDelayMs` to answer. */
    async visit(specs: PeripheralSpec[], connectionDelayMs = 0): Promise<void> {
      page = await context.newPage();
      emulated = [];
      for (const spec of specs)
        emulated.push(await emulatePeripheral(browser, page, spec, { connectionDelayMs }));
      await page.goto(inject('baseUrl'));
    },

    async leave(): Promise<void> {
      await page.close();
      for (const peripheral of emulated) await peripheral.dispose();
      emulated = [];
    },

    /** Picks `choice` among the kinds of device to connect, and the device from the chooser. */
    async pick(choice: string): Promise<void> {
      // On a phone the line of the devices stays shut until tapped open.
      if (profile.hasTouch) await press(page.locator('bb-device-panel details.glance > summary'));
      await press(page.locator('bb-device-panel details.more > summary'));
      await press(page.getByRole('button', { name: choice, exact: true }));
    },
  };
}

describe('a strap and a watch picked on an earlier visit', () => {
  const WATCH = pineTime('C7:00:00:00:00:21', [0, 0, 0, 0, 0, 4]);
  // On a phone held upright.
  const visits = visitsInOneProfile({
    viewport: { width: 360, height: 640 },
    hasTouch: true,
    isMobile: true,
  });
  const { visit, leave, pick } = visits;

  const line = () => visits.page.locator('bb-device-panel details.glance > summary');

  it('are picked one after the other', async () => {
    // One at a time in reach, so that the chooser lists the one picked.
    await visit([WATCH]);
    await pick('PineTime watch');
    await expect.poll(() => line().textContent()).toBe('InfiniTime connected');
    await leave();
    // The watch, not emulated on this visit, is not listed by the browser: the virtual strap stands in.
    await visit([STRAP]);
    await expect.poll(() => line().textContent(), { timeout: 10_000 }).toBe('Virtual strap connected');
    await pick('Heart-rate strap');
    await expect.poll(() => line().textContent()).toBe('HRM-Pro 12345 connected');
    await leave();
  });

  it('are both named as on their way on the next visit, the one waiting its turn too, with nothing to tap beside them', async () => {
    await visit([WATCH, STRAP], 3000);
    await expect
      .poll(() => line().textContent(), { timeout: 3000 })
      .toBe('Connecting InfiniTime, then HRM-Pro 12345');
    const gist = visits.page.locator('bb-device-panel details.glance .gist');
    // Whole on the line's two rows, the header no taller than the line.
    expect(await gist.evaluate((g) => g.scrollHeight <= g.clientHeight)).toBe(true);
    await line().tap();
    const onTheirWay = visits.page.locator('bb-device-panel .awaited');
    expect(
      await onTheirWay.evaluateAll((all) => all.map((a) => a.textContent?.replace(/\s+/g, ' ').trim())),
    ).toEqual(['InfiniTime connecting…', 'HRM-Pro 12345 waiting']);
    expect(await visits.page.locator('bb-device-panel .awaited button').count()).toBe(0);
    expect(await visits.page.getByRole('button', { name: 'Connect a Bluetooth strap' }).count()).toBe(0);
    const start = visits.page.getByRole('button', { name: 'Start', exact: true });
    const startBox = await start.boundingBox();
    expect(startBox!.y + startBox!.height).toBeLessThanOrEqual(640);
    await expect
      .poll(() => visits.page.locator('bb-device-panel .device:not(.awaited) .name').allTextContents(), {
        timeout: 15_000,
      })
      .toEqual(['InfiniTime', 'HRM-Pro 12345']);
    await leave();
  });
});

describe('a strap and a watch picked on an earlier visit, on a laptop', () => {
  const WATCH = pineTime('C7:00:00:00:00:22', [0, 0, 0, 0, 0, 4]);
  const LAPTOP_STRAP = heartRateStrap('0C:8C:DC:00:00:23', 'HRM-Pro 12345');
  const visits = visitsInOneProfile({ viewport: { width: 1366, height: 768 } });
  const { visit, leave, pick } = visits;

  const names = () => visits.page.locator('bb-device-panel .device:not(.awaited) .name').allTextContents();

  // Each connected named its part and offered its ×, on a second row of the header: Start came down
  // 48 px under the pointer as the second answered.
  it('keep Start where it was as both are connected on the next visit, their parts and × on a second row', async () => {
    await visit([WATCH]);
    await pick('PineTime watch');
    await expect.poll(names).toEqual(['InfiniTime']);
    await leave();
    await visit([LAPTOP_STRAP]);
    await expect.poll(names, { timeout: 10_000 }).toEqual(['Virtual strap']);
    await pick('Heart-rate strap');
    await expect.poll(names).toEqual(['HRM-Pro 12345']);
    await leave();

    await visit([WATCH, LAPTOP_STRAP], 3000);
    await expect
      .poll(() => visits.page.locator('bb-device-panel .awaited .name').allTextContents(), { timeout: 3000 })
      .toEqual(['InfiniTime', 'HRM-Pro 12345']);
    const start = visits.page.getByRole('button', { name: 'Start', exact: true });
    const before = await start.boundingBox();
    await expect.poll(names, { timeout: 15_000 }).toEqual(['InfiniTime', 'HRM-Pro 12345']);
    await expect.poll(() => visits.page.locator('bb-device-panel .role').count()).toBe(2);
    expect(await start.boundingBox()).toEqual(before);
    await leave();
  });
});
