// The summary, Settings and History on a 360 × 640 phone with its text at twice its size (the app laid out at
// 180 × 320), under the header that takes a third of it: what a person looks for there is on the first
// screen, or as near it as what is said before it allows; and on a phone and a laptop as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { UpdateModel } from '../../src/app/updates.ts';
import { SessionStore } from '../../src/store/session-store.ts';
import { type AppShell, mountApp, openScreenFromHeader } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

/** How far down the page `element` ends: within the window, it is seen with the page at its top. */
const endFromTop = (element: Element) => element.getBoundingClientRect().bottom + scrollY;

/** The phone with its text at twice its size, a phone and a laptop, each screen tried on all three. */
const SIZES = [
  { size: 'a phone with its text at twice its size', width: 180, height: 320 },
  { size: 'a 360 × 640 phone', width: 360, height: 640 },
  { size: 'a laptop', width: 1366, height: 768 },
];

/**
 * Before each test lays the page out at `width` × `height` and mounts the app on its start screen with
 * a store of its own that opens, as a phone's does (no notice that the app cannot save takes a line);
 * after each, removes the app and puts the page back. Returns what gives the app mounted for the test.
 */
function appOnTheStartScreenEach(
  width: number,
  height: number,
  storeName: string,
  options: Omit<Parameters<typeof mountApp>[0], 'start' | 'openStore'> = {},
): () => AppShell {
  let mounted: AppShell;
  let restore: () => Promise<void>;
  beforeEach(async () => {
    restore = await layOutAsTheApp(width, height);
    mounted = await mountApp({
      ...options,
      start: true,
      openStore: () => SessionStore.open({ name: storeName }),
    });
  });
  afterEach(async () => {
    mounted.remove();
    await restore();
  });
  return () => mounted;
}

describe.each(SIZES)('the summary of a session ended early on $size', ({ width, height }) => {
  const mounted = appOnTheStartScreenEach(width, height, `summary-${width}`);

  it('shows its heading, its totals and New session on the first screen, the exercises not reached kept', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    mounted().app.session.beginSet();
    mounted().app.session.adjustCount(4);
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByRole('button', { name: 'End session', exact: true }).click();
    const summary = page.elementLocator(mounted().shell.shadowRoot!.querySelector('bb-summary')!);
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

describe.each(SIZES)('the last set counted wrong on the summary on $size', ({ width, height }) => {
  const mounted = appOnTheStartScreenEach(width, height, `summary-fix-${width}`);

  it('offers −1 and +1 side by side, each a target a finger finds', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    mounted().app.session.beginSet();
    mounted().app.session.adjustCount(4);
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByRole('button', { name: 'End session', exact: true }).click();
    const minus = page.getByRole('button', { name: '−1 rep on Superman, set 1' });
    const plus = page.getByRole('button', { name: '+1 rep on Superman, set 1' });
    await expect.element(plus).toBeInTheDocument();
    const [less, more] = [minus.element(), plus.element()].map((b) => b.getBoundingClientRect());
    // At 180 × 320 +1 went under −1, the two 8 px too wide for one row.
    expect(more!.top).toBe(less!.top);
    expect(more!.left).toBeGreaterThanOrEqual(less!.right);
    for (const box of [less!, more!]) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    const main = mounted().shell.shadowRoot!.querySelector('main')!;
    const contentRight =
      main.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(main).paddingRight);
    expect(more!.right).toBeLessThanOrEqual(contentRight);
  });
});

describe.each(SIZES)(
  'a screen opened from the start screen as the app comes to work offline, on $size',
  ({ width, height }) => {
    const updates = new UpdateModel(async () => {}, { offlineNewsDue: true });
    const mounted = appOnTheStartScreenEach(width, height, `offline-news-${width}`, { updates });

    it.each(['Settings', 'History'] as const)(
      'keeps the Back and heading of %s on the first screen, the news kept for the start screen',
      async (name) => {
        await expect.element(page.getByText('Virtual strap connected')).toBeVisible();
        await openScreenFromHeader(name);
        const heading = page.getByRole('heading', { name, exact: true, level: 2 });
        await expect.element(heading).toBeVisible();
        updates.update({ offlineReady: true });
        await mounted().shell.updateComplete;
        // Above either at 180 × 320 its two lines and OK took the heading to 296–329 px, past the window.
        expect(page.getByText('Backbeat now works offline.').query()).toBeNull();
        const back = page.getByRole('button', { name: 'Back', exact: true });
        expect(endFromTop(back.element())).toBeLessThanOrEqual(innerHeight);
        expect(endFromTop(heading.element())).toBeLessThanOrEqual(innerHeight);
        await back.click();
        await expect
          .element(page.getByRole('status').filter({ hasText: 'Backbeat now works offline.' }))
          .toBeVisible();
      },
    );
  },
);

/** The element the keyboard is on, inside the shadow roots it is in. */
function focused(): Element | null {
  let at: Element | null = document.activeElement;
  while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
  return at;
}

describe.each(SIZES)('Settings opened from the start screen on $size', ({ width, height }) => {
  const mounted = appOnTheStartScreenEach(width, height, `settings-${width}`);

  it('gives its way back above its heading, on the first screen, as History does, and Done at its foot', async () => {
    await expect.element(page.getByText('Virtual strap connected')).toBeVisible();
    await openScreenFromHeader('Settings');
    const settings = page.elementLocator(mounted().shell.shadowRoot!.querySelector('bb-settings')!);
    const heading = settings.getByRole('heading', { name: 'Settings', exact: true });
    await expect.element(heading).toBeVisible();
    // Done alone closed it, at the foot of the page: 6,747–6,803 px at 180 × 320.
    const back = settings.getByRole('button', { name: 'Back', exact: true });
    await expect.element(back).toBeVisible();
    await expect.poll(() => scrollY).toBe(0);
    expect(endFromTop(back.element())).toBeLessThanOrEqual(innerHeight);
    expect(endFromTop(heading.element())).toBeLessThanOrEqual(innerHeight);
    expect(back.element().getBoundingClientRect().bottom).toBeLessThanOrEqual(
      heading.element().getBoundingClientRect().top,
    );
    // As large a target as History's Back.
    expect(back.element().getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
    // Inside the page's margins, as the fields under it: "Settings" was 151 px of the 148 there.
    const main = mounted().shell.shadowRoot!.querySelector('main')!;
    const contentRight =
      main.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(main).paddingRight);
    expect(heading.element().getBoundingClientRect().right).toBeLessThanOrEqual(contentRight);
    await expect.element(settings.getByRole('button', { name: 'Done', exact: true })).toBeInTheDocument();
    await back.click();
    await expect.element(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
    expect(mounted().shell.shadowRoot!.querySelector('bb-settings')).toBeNull();
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
  });

  it('takes the keyboard back from its heading to Back, and from Back to the start screen’s heading', async () => {
    await expect.element(page.getByText('Virtual strap connected')).toBeVisible();
    await openScreenFromHeader('Settings');
    const settings = mounted().shell.shadowRoot!.querySelector('bb-settings')!;
    await expect.element(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
    settings.shadowRoot!.querySelector('h2')!.focus();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(focused()?.textContent?.trim()).toBe('← Back');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => focused()?.tagName).toBe('H2');
    expect(focused()?.textContent).toBe("Today's back-care session");
  });
});
