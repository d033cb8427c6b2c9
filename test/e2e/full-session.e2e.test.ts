// The whole default program, hands-free: the person presses Start once and the virtual strap's
// simulated person does every set of the seven exercises; the app must reach the summary by itself
// with every set counted as performed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.ts';

describe('a full default session with no input but the Start button', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.clock.install();
    await page.goto(inject('baseUrl'));
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('walks all seven exercises to the summary, each set matching what the simulated person did', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const finishedSets: { shown: string; performed: string }[] = [];
    let lastShown = '';
    for (let second = 0; second < 3600 && (await page.locator('bb-summary').count()) === 0; second++) {
      await page.clock.runFor(1000);
      const last = page.locator('bb-rest-view .last');
      if ((await last.count()) === 0) continue;
      const shown = (await last.textContent()) ?? '';
      if (shown === lastShown) continue;
      lastShown = shown;
      // The strap reports what its person did with its next packet, a tenth of a second on.
      await page.clock.runFor(200);
      finishedSets.push({
        shown,
        performed: (await page.locator('bb-device-panel .person').textContent()) ?? '',
      });
    }
    await expect.poll(() => page.getByRole('heading', { name: 'Session done' }).count()).toBe(1);
    const rows = await page.locator('bb-summary tbody tr').allTextContents();
    const exercises = rows.map((row) => row.trim().split(/\s{2,}/)[0]);
    expect(exercises).toEqual([
      'Superman',
      'Superman',
      'Superman',
      'Glute bridge',
      'Drawing-in',
      'Bird dog',
      'Bat hang',
      'Bat hang',
      'Wide-grip lat pulldown',
      'Wide-grip lat pulldown',
      'Wide-grip lat pulldown',
      'Elbow plank',
      'Elbow plank',
      'Elbow plank',
    ]);
    expect(finishedSets.length).toBeGreaterThanOrEqual(13);
    // Every rep and breath set was counted exactly as the simulated person did it.
    for (const { shown, performed } of finishedSets) {
      const counted = shown.match(/: (\d+) of \d+ (reps|breaths)$/);
      if (counted) expect(performed, shown).toContain(`after ${counted[1]} ${counted[2]}`);
      const held = shown.match(/held (\d+) s$/);
      const heldByPerson = performed.match(/a hold of (\d+) s/);
      if (held && heldByPerson)
        expect(Math.abs(Number(held[1]) - Number(heldByPerson[1])), shown).toBeLessThanOrEqual(2);
    }
  });
});
