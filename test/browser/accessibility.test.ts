// An automated accessibility audit (axe-core) of every screen of the real app, running in Chromium:
// no serious or critical violation is allowed.
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { type AppShell, mountApp } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

async function seriousViolations(): Promise<string[]> {
  const results = await axe.run(document, { resultTypes: ['violations'] });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

describe('accessibility audit of the app', () => {
  let mounted: AppShell;

  beforeAll(async () => {
    document.documentElement.lang = 'en';
    document.title = 'Backbeat';
    mounted = await mountApp({ start: true });
  });

  afterAll(() => mounted.remove());

  it('start screen', async () => {
    await expect.element(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
  });

  it('settings screen', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect.element(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Settings' }).click();
  });

  it('history screen', async () => {
    await page.getByRole('button', { name: 'History' }).click();
    await expect.element(page.getByRole('heading', { name: 'History' })).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'History' }).click();
  });

  it('a set waiting for the person to be in position', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    // The prompt is on the set's screen, and as the voice's line in the region a screen reader hears.
    await expect.element(page.getByRole('button', { name: 'Start the set' })).toBeVisible();
    expect(page.getByText('Lie face down to start').elements().length).toBeGreaterThan(0);
    expect(await seriousViolations()).toEqual([]);
  });

  it('a set in progress, and paused', async () => {
    await page.getByRole('button', { name: 'Start the set' }).click();
    await expect.element(page.getByRole('progressbar', { name: 'Reps' })).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.element(page.getByRole('button', { name: 'Resume' })).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
  });

  it('rest, the history opened in it, Finish asking, and the summary', async () => {
    await page.getByRole('button', { name: 'Skip set' }).click();
    await expect.element(page.getByRole('progressbar', { name: 'Rest remaining' })).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'History' }).click();
    await expect.element(page.getByRole('button', { name: 'Back to the rest' })).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Back to the rest' }).click();
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect.element(page.getByRole('group', { name: /^End the session\?/ })).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'End session' }).click();
    await expect.element(page.getByRole('heading', { name: 'Ended early' })).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
  });
});

describe('accessibility audit of the header on a phone with its text at twice its size (180 × 320)', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    document.documentElement.lang = 'en';
    document.title = 'Backbeat';
    restore = await layOutAsTheApp(180, 320);
    mounted = await mountApp({ start: true });
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it('start screen, with History and Settings put away in their menu and opened from it', async () => {
    await expect.element(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'History and Settings' }).click();
    await expect.element(page.getByRole('button', { name: 'Settings', exact: true })).toBeVisible();
    expect(await seriousViolations()).toEqual([]);
  });
});
