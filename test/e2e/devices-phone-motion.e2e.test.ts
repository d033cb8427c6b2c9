// Phone motion picked on a computer with no motion sensor (headless Chromium has the event but fires
// none): the app says the device reports no motion, the header does not call it a lost connection,
// and a set begins when it is due, as with no motion device, instead of waiting for a position.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.ts';

describe('phone motion on a laptop without a motion sensor', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(inject('baseUrl'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('says the device reports no motion and shows phone motion as not available', async () => {
    expect(await page.evaluate(() => 'DeviceMotionEvent' in window)).toBe(true);
    await page.locator('bb-device-panel summary').click();
    await page.getByRole('button', { name: 'Phone motion' }).click();
    const phone = page.locator('bb-device-panel .device').filter({ hasText: 'Phone motion' });
    await expect.poll(() => phone.locator('.state').textContent()).toBe('connecting…');
    const alert = page.locator('bb-device-panel [role="alert"]');
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toMatch(/reports no motion/);
    expect(await phone.locator('.state').textContent()).toBe('not available');
    expect(await page.locator('bb-device-panel').textContent()).not.toMatch(/connection lost/);
    expect(await page.locator('bb-device-panel').getByRole('button', { name: 'Reconnect' }).count()).toBe(0);
  });

  it('begins the set when it is due instead of waiting for a position no device can see', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => page.locator('bb-set-view h2').textContent()).toBe('Superman');
    expect(await page.locator('bb-set-view').getAttribute('waiting')).toBeNull();
    expect(await page.getByRole('button', { name: 'Start the set' }).count()).toBe(0);
    await page.getByRole('button', { name: '+1' }).click();
    await expect.poll(() => page.locator('bb-set-view .count').textContent()).toBe('1');
  });

  it('learns nothing of how the person moves from a set counted with +1 alone', async () => {
    await page.getByRole('button', { name: 'Skip set' }).click();
    await expect
      .poll(() => page.locator('bb-rest-view .last').textContent())
      .toBe('Superman, set 1: cut short at 1 of 10 reps');
    await page.getByRole('button', { name: '+1 rep' }).click();
    await expect
      .poll(() => page.locator('bb-rest-view .last').textContent())
      .toBe('Superman, set 1: cut short at 2 of 10 reps');
    expect(await page.evaluate(() => localStorage.getItem('backbeat.personal-tuning.v1'))).toBeNull();
  });

  it('still offers, in the session, the virtual strap the problem asks for, and goes on with it', async () => {
    await page.getByRole('button', { name: 'Use the virtual strap' }).click();
    await page.getByRole('button', { name: 'Switch', exact: true }).click();
    await expect
      .poll(() => page.locator('bb-device-panel .name').first().textContent())
      .toBe('Virtual strap');
    expect(await page.locator('bb-rest-view .last').textContent()).toBe(
      'Superman, set 1: cut short at 2 of 10 reps',
    );
    expect(await page.getByRole('button', { name: 'Use the virtual strap' }).count()).toBe(0);
  });
});
