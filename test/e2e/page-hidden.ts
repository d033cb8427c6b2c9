// The page hidden (the phone's screen off, another app in front) and shown again, as the app sees it.
import type { Page } from 'playwright-core';

/**
 * Headless Chromium keeps every tab visible (another page brought to front leaves it 'visible'):
 * the page is hidden and shown as the browser tells it, its visibilityState and the event.
 */
export function setPageHidden(page: Page, hidden: boolean): Promise<void> {
  return page.evaluate((hide) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hide ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hide });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}
