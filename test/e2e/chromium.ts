import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';

/** A phone of 360×640 held upright, used by touch. */
export const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true } as const;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * One Chromium for all of a test file's tests, launched before the first and closed after the last.
 * Gives the browser once it is launched.
 */
export function chromiumForTheFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is launched before the first test of the file');
    return browser;
  };
}
