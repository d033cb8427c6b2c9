// Chromium as Firefox and Safari behave: without Web Bluetooth (Linux without the flag has none,
// PROTOCOLS.md §6). Asking for a device says which browsers work, and the virtual strap stays.
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

  it('says which browsers work when a device is asked for, and keeps the virtual strap', async () => {
    expect(await page.evaluate(() => 'bluetooth' in navigator)).toBe(false);
    await page.locator('bb-device-panel summary').click();
    await page.getByRole('button', { name: 'Polar H10 / Verity Sense' }).click();
    const alert = page.locator('bb-device-panel [role="alert"]');
    await expect.poll(() => alert.textContent()).toMatch(/Chrome or Edge .*Bluefy.*virtual strap/s);
    expect(await page.locator('bb-device-panel .name').textContent()).toBe('Virtual strap');
    await alert.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => alert.count()).toBe(0);
  });
});
