// The summary and Settings on a 360 × 640 phone with its text at twice its size (the app laid out at
// 180 × 320), under the header that takes a third of it: what a person looks for there is on the first
// screen, or as near it as what is said before it allows; and on a phone and a laptop as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { SessionStore } from '../../src/store/session-store.ts';
import { type AppShell, mountApp } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

/** How far down the page `element` ends: within the window, it is seen with the page at its top. */
const endFromTop = (element: Element) => element.getBoundingClientRect().bottom + scrollY;

describe.each([
  { size: 'a phone with its text at twice its size', width: 180, height: 320 },
  { size: 'a 360 × 640 phone', width: 360, height: 640 },
  { size: 'a laptop', width: 1366, height: 768 },
])('the summary of a session ended early on $size', ({ width, height }) => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeEach(async () => {
    restore = await layOutAsTheApp(width, height);
    // A store that opens, as a phone's does: no notice that the app cannot save takes a line.
    mounted = await mountApp({
      start: true,
      openStore: () => SessionStore.open({ name: `summary-${width}` }),
    });
  });

  afterEach(async () => {
    mounted.remove();
    await restore();
  });

  it('shows its heading, its totals and New session on the first screen, the exercises not reached kept', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    mounted.app.session.beginSet();
    mounted.app.session.adjustCount(4);
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByRole('button', { name: 'End session', exact: true }).click();
    const summary = page.elementLocator(mounted.shell.shadowRoot!.querySelector('bb-summary')!);
    const newSession = summary.getByRole('button', { name: 'New session' });
    await expect.element(newSession).toBeVisible();
    await expect.poll(() => scrollY).toBe(0);
    const root = summary.element().shadowRoot!;
    const heading = root.querySelector('h2')!;
    const totals = root.querySelector('.totals')!;
    expect(totals.textContent).toMatch(/1 set cut short · 4 reps/);
    // Under the heading and the totals read from the mat: at 180 × 320 it was at 482–550 px, under the
    // six exercises not reached.
    expect(newSession.element().getBoundingClientRect().top).toBeGreaterThanOrEqual(
      totals.getBoundingClientRect().bottom,
    );
    expect(endFromTop(newSession.element())).toBeLessThanOrEqual(innerHeight);
    expect(endFromTop(heading)).toBeLessThanOrEqual(innerHeight);
    // Still said, whole, under it there.
    const early = summary.getByText(
      'Not reached: Glute bridge, Drawing-in, Bird dog, Bat hang, Wide-grip lat pulldown, Elbow plank.',
    );
    await expect.element(early).toBeVisible();
    // Where they fit above it, on a phone and a laptop, they stay between the totals and New session.
    const earlyAbove =
      early.element().getBoundingClientRect().bottom <= newSession.element().getBoundingClientRect().top;
    expect(earlyAbove).toBe(width > 180);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
  });
});
