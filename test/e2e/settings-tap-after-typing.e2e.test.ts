// A tap on the settings right after typing a number: the field keeps its value as it loses the focus,
// which is at the press of that tap, and the note under it ("Pick a weight…") goes, moving everything
// below it up. The tap must still reach what the person pressed, by touch on a phone and by mouse.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function settingsWithWeightTyped(touch: boolean): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 360, height: 640 },
    hasTouch: touch,
    isMobile: touch,
  });
  await page.goto(inject('baseUrl'));
  const settings = page.getByRole('button', { name: 'Settings', exact: true });
  await (touch ? settings.tap() : settings.click());
  const weight = page.locator('bb-settings').getByLabel('Wide-grip lat pulldown weight, kg');
  await weight.fill('25');
  // The note under the weight is shown before the page is measured: it is the note whose going moves
  // the page under the tap, and a page measured before it rendered would have nothing to move.
  await page.locator('bb-settings').getByText('Pick a weight that keeps good form').waitFor();
  // Mute on screen under the weight, a few lines below its note, as a person scrolls to it.
  await mute(page).evaluate((box) => box.scrollIntoView({ block: 'end' }));
  return page;
}

const mute = (page: Page) =>
  page.locator('bb-settings').getByRole('checkbox', { name: 'Mute the voice and tones' });
const tones = (page: Page) => page.locator('bb-settings').getByRole('checkbox', { name: /^Tones for reps/ });

describe('a tap in the settings just after a number was typed', () => {
  for (const touch of [true, false]) {
    it(`reaches the box pressed, with the page moved under it, by ${touch ? 'touch' : 'mouse'}`, async () => {
      const page = await settingsWithWeightTyped(touch);
      const before = await mute(page).boundingBox();
      if (touch) await mute(page).tap();
      else {
        // A finger on a mouse holds its button down a moment before letting go.
        await page.mouse.move(before!.x + before!.width / 2, before!.y + before!.height / 2);
        await page.mouse.down();
        await page.waitForTimeout(150);
        await page.mouse.up();
      }
      await expect.poll(() => mute(page).isChecked()).toBe(true);
      expect(await tones(page).isChecked()).toBe(true);
      // The weight was kept, and its note gone from above the box: the page did move.
      const after = await mute(page).boundingBox();
      expect(before!.y - after!.y).toBeGreaterThan(40);
      expect(await page.locator('bb-settings').getByText('Pick a weight that keeps good form').count()).toBe(
        0,
      );
      await page.close();
    });
  }
});
