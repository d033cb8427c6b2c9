// Chromium as Firefox and Safari behave: without Web Bluetooth (Linux without the flag has none,
// PROTOCOLS.md §6). The device line says so before anything is tapped, its menu why, and the virtual
// strap stays.
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';

describe('a browser without Web Bluetooth', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS.filter((arg) => !arg.includes('WebBluetooth')),
    });
    page = await browser.newPage();
    await page.goto(inject('baseUrl'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('says which browsers work before a device is asked for, and keeps the virtual strap', async () => {
    expect(await page.evaluate(() => 'bluetooth' in navigator)).toBe(false);
    const note = page.locator('bb-device-panel .no-bluetooth');
    // Chromium with Web Bluetooth off, as on Linux: the person is in Chrome already, not sent there.
    await expect.poll(() => note.textContent()).toBe('No Bluetooth in this browser');
    expect(await page.getByRole('button', { name: 'Connect a Bluetooth strap' }).count()).toBe(0);
    await page.locator('bb-device-panel summary').click();
    expect(await page.locator('bb-device-panel .why-no-bluetooth').textContent()).toMatch(
      /not available to this browser on this device/,
    );
    expect(await page.getByRole('button', { name: 'Polar H10 / Verity Sense' }).isDisabled()).toBe(true);
    expect(await page.locator('bb-device-panel .in-use').textContent()).toMatch(/Virtual strap\s+in use/);
    expect(await page.getByRole('button', { name: 'Phone motion' }).isEnabled()).toBe(true);
    expect(await page.locator('bb-device-panel .name').textContent()).toBe('Virtual strap');
  });
});
