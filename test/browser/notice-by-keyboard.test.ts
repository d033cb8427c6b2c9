// A notice answered from the keyboard goes with its button: the focus goes on to the screen the
// notice was on, not to the page's body, from which the next Tab started again at the page's top.
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { UpdateModel } from '../../src/app/updates.ts';
import { SessionStore } from '../../src/store/session-store.ts';
import { finishedSession, supermanSet } from '../set-record.ts';
import { type AppShell, mountApp, openScreenFromHeader } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

/** The element with the keyboard's focus, inside the shadow roots it is in. */
function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** Presses Tab until `button` has the focus, as a person with a keyboard reaches it. */
async function tabTo(button: Element): Promise<void> {
  for (let presses = 0; presses < 30 && focused() !== button; presses++) await userEvent.tab();
  expect(focused()).toBe(button);
}

describe.each([
  [360, 640],
  [1366, 768],
])('at %d × %d, a notice answered from the keyboard', (width, height) => {
  let mounted: AppShell | undefined;
  let restore: (() => Promise<void>) | undefined;

  afterEach(async () => {
    mounted?.remove();
    await restore?.();
  });

  it("hands the focus from the offline news' OK to Start, the button above it", async () => {
    restore = await layOutAsTheApp(width, height);
    const updates = new UpdateModel();
    mounted = await mountApp({ updates });
    updates.update({ offlineReady: true });
    const ok = page.getByRole('button', { name: 'OK', exact: true });
    await expect.element(ok).toBeVisible();
    await tabTo(ok.element());
    await userEvent.keyboard('{Enter}');
    await expect.element(ok).not.toBeInTheDocument();
    const start = page.getByRole('button', { name: 'Start', exact: true }).element();
    await expect.poll(focused).toBe(start);
  });

  it("hands the focus from the offline news' OK, answered while Start waits for the past sessions, to the heading, Start the next Tab once it comes", async () => {
    restore = await layOutAsTheApp(width, height);
    const updates = new UpdateModel();
    let openStore!: () => void;
    const storeOpened = new Promise<void>((resolve) => (openStore = resolve));
    mounted = await mountApp({
      start: true,
      updates,
      openStore: () => storeOpened.then(() => SessionStore.open({ name: `notice-before-start-${width}` })),
    });
    updates.update({ offlineReady: true });
    const ok = page.getByRole('button', { name: 'OK', exact: true });
    await expect.element(ok).toBeVisible();
    // Start's room is kept meanwhile by a button that is no control (unseen, unnamed to a screen
    // reader, and no tap starts anything from it): it is not given the focus.
    await expect.element(page.getByText('Reading your past sessions…', { exact: true })).toBeVisible();
    expect(page.getByRole('button', { name: 'Start', exact: true }).elements()).toHaveLength(0);
    await tabTo(ok.element());
    await userEvent.keyboard('{Enter}');
    await expect.element(ok).not.toBeInTheDocument();
    const heading = page.getByRole('heading', { name: "Today's back-care session" }).element();
    await expect.poll(focused).toBe(heading);
    openStore();
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.element(start).toBeVisible();
    // Not moved under the person by the store's answer: Start is the next stop from where they are.
    expect(focused()).toBe(heading);
    await userEvent.tab();
    expect(focused()).toBe(start.element());
  });

  it.each([
    ["the resume offer's Keep it as it is", 'Keep it as it is', 600_000],
    ['the OK of a session left too long to go on with', 'OK', 14 * 3_600_000],
  ])("hands the focus from %s to the start screen's heading, under the offer", async (_, answer, agoMs) => {
    restore = await layOutAsTheApp(width, height);
    const name = `notice-keep-unfinished-${width}-${Date.now()}`;
    const begun = finishedSession('interrupted', Date.now() - agoMs, [supermanSet({ setNumber: 1 })]);
    const store = await SessionStore.open({ name });
    await store.importBundles([{ ...begun, session: { ...begun.session, status: 'active', endedAt: null } }]);
    store.close();
    mounted = await mountApp({ start: true, openStore: () => SessionStore.open({ name }) });
    const button = page.getByRole('button', { name: answer, exact: true });
    await expect.element(button).toBeVisible();
    await tabTo(button.element());
    await userEvent.keyboard('{Enter}');
    await expect.element(button).not.toBeInTheDocument();
    const heading = page.getByRole('heading', { name: "Today's back-care session" }).element();
    await expect.poll(focused).toBe(heading);
  });

  it("hands the focus from the OK of a session moved to another tab to the start screen's heading, under the notice", async () => {
    restore = await layOutAsTheApp(width, height);
    mounted = await mountApp();
    mounted.app.persistence.history.update({ movedAway: true });
    const ok = page.getByRole('button', { name: 'OK', exact: true });
    await expect.element(ok).toBeVisible();
    await tabTo(ok.element());
    await userEvent.keyboard('{Enter}');
    await expect.element(ok).not.toBeInTheDocument();
    const heading = page.getByRole('heading', { name: "Today's back-care session" }).element();
    await expect.poll(focused).toBe(heading);
  });

  it("hands the focus from an update's Later to the heading of the screen it was over", async () => {
    restore = await layOutAsTheApp(width, height);
    const updates = new UpdateModel();
    mounted = await mountApp({ updates });
    await openScreenFromHeader('Settings');
    const heading = page.getByRole('heading', { name: 'Settings', exact: true });
    await expect.element(heading).toBeVisible();
    updates.update({ updateReady: true });
    const later = page.getByRole('button', { name: 'Later', exact: true });
    await expect.element(later).toBeVisible();
    (later.element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(later).not.toBeInTheDocument();
    await expect.poll(focused).toBe(heading.element());
  });
});
