// A screen opened on a 360×640 phone with its text at twice its size (a 180×320 window), under a header
// (the heart rate, History, Settings, a line of the devices) that takes most of the screen: the screen
// asked for comes into view with its heading whole, not under the header, out of sight; the page opens
// showing Start; and a device chosen in the header that cannot be used says why where the person is
// looking.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { SessionStore } from '../../src/store/session-store.ts';
import { type AppShell, mountApp, openScreenFromHeader } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

/** The heading is whole on screen (it may have scrolled there a moment after it opened). */
async function expectOnScreen(heading: Element): Promise<void> {
  await expect.poll(() => heading.getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight);
  expect(heading.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
}

describe('a screen opened with text at twice its size on a phone', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeEach(async () => {
    restore = await layOutAsTheApp(180, 320);
    // A browser that keeps the sessions, as a first visit's does: no notice above the screen.
    mounted = await mountApp({
      start: true,
      openStore: () => SessionStore.open({ name: 'screen-opened-with-large-text' }),
    });
  });

  afterEach(async () => {
    mounted.remove();
    await restore();
  });

  const headingOf = (tag: 'bb-history' | 'bb-settings' | 'bb-summary') =>
    mounted.shell.shadowRoot!.querySelector(tag)!.shadowRoot!.querySelector('h2')!;

  it('the header leaves room on the first screen for the screen under it', () => {
    const header = mounted.shell.shadowRoot!.querySelector('header')!;
    expect(header.getBoundingClientRect().height).toBeLessThan(innerHeight * 0.7);
  });

  for (const screen of ['History', 'Settings'] as const) {
    it(`shows ${screen} from its heading, tapped in the header`, async () => {
      await openScreenFromHeader(screen);
      const heading = page.getByRole('heading', { name: screen, exact: true });
      await expect.element(heading).toBeInTheDocument();
      await expectOnScreen(heading.element());
    });
  }

  it('shows the summary from its heading when the session ends', async () => {
    mounted.app.startSession();
    await expect.poll(() => mounted.app.session.state.phase).toBe('set');
    mounted.app.session.finish();
    await expect.poll(() => mounted.app.session.state.phase).toBe('summary');
    await expect.poll(() => mounted.shell.shadowRoot!.querySelector('bb-summary')).toBeTruthy();
    const summary = mounted.shell.shadowRoot!.querySelector('bb-summary')!;
    await summary.updateComplete;
    expect(headingOf('bb-summary').textContent).toContain('Ended early');
    await expectOnScreen(headingOf('bb-summary'));
  });

  it('shows the summary from its heading when Finish is tapped, the page scrolled down to reach it', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Start the set' }).click();
    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByRole('button', { name: 'End session', exact: true }).click();
    await expectOnScreen(await waitFor(() => headingOf('bb-summary')));
    expect(headingOf('bb-summary').textContent).toContain('Ended early');
  });

  it('shows Start as the page opens, under its heading, the end of the devices above them', async () => {
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect.element(start).toBeInTheDocument();
    const heading = page.getByRole('heading', { name: "Today's back-care session" }).element();
    await expect.poll(() => start.element().getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight);
    expect(heading.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
    // The least scroll that shows them: what is above them, the devices' menu, is the next thing up.
    const header = mounted.shell.shadowRoot!.querySelector('header')!;
    expect(header.getBoundingClientRect().bottom).toBeGreaterThan(0);
  });

  it('shows the start screen from its heading, History closed, Start under it', async () => {
    await openScreenFromHeader('History');
    // Its ways out, Back and Go to sessions, come above its heading (two lines at this size): the
    // screen opens with Back on screen, the heading whole under it.
    const heading = await waitFor(() => headingOf('bb-history'));
    const back = page.getByRole('button', { name: 'Back', exact: true }).element();
    await expect.poll(() => back.getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight);
    expect(back.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
    expect(heading.getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight);
    await openScreenFromHeader('History');
    await expectOnScreen(page.getByRole('heading', { name: "Today's back-care session" }).element());
  });
});

async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
  await expect.poll(find).toBeTruthy();
  return find()!;
}

describe('a device chosen in the header with text at twice its size on a phone', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeEach(async () => {
    restore = await layOutAsTheApp(180, 320);
    mounted = await mountApp({ start: true });
  });

  afterEach(async () => {
    mounted.remove();
    await restore();
  });

  // The problem is the devices' line, shut again as the choice was made.
  const problemShown = () =>
    mounted.shell
      .shadowRoot!.querySelector('bb-device-panel')!
      .shadowRoot!.querySelector('summary.problem-line');
  const openMenu = async () => {
    await page.getByText('Virtual strap connected').click();
    await page.getByText('More devices').click();
  };

  /** The problem's box is whole on screen, where the page was scrolled to reach the menu's choice. */
  async function expectInView(): Promise<void> {
    await expect.poll(problemShown).toBeTruthy();
    await expect.poll(() => problemShown()!.getBoundingClientRect().top).toBeGreaterThanOrEqual(0);
    expect(problemShown()!.getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight);
  }

  it('shows why phone motion cannot be used, where the page had drifted past it', async () => {
    await openMenu();
    await page.getByRole('button', { name: 'Phone motion', exact: true }).click();
    // Chromium here has no motion sensor: the problem comes when no motion came for a moment.
    await expect.poll(problemShown, { timeout: 6000 }).toBeTruthy();
    expect(problemShown()!.textContent).toContain('No motion sensor');
    await expectInView();
  });

  it('shows why a file cannot be replayed', async () => {
    await openMenu();
    const notARecording = new File(['{"hello": 1}'], 'notes.json', { type: 'application/json' });
    await userEvent.upload(page.getByLabelText('Replay a recording…'), notARecording);
    await expect.poll(() => problemShown()?.textContent).toContain('Not a recording');
    await expectInView();
  });

  it('shows why a file cannot be replayed again when the same file is chosen a second time', async () => {
    const notARecording = new File(['{"hello": 1}'], 'notes.json', { type: 'application/json' });
    await openMenu();
    await userEvent.upload(page.getByLabelText('Replay a recording…'), notARecording);
    await expectInView();
    // The person reads on below, then tries the same file again from the menu.
    window.scrollBy({ top: problemShown()!.getBoundingClientRect().bottom + 1 });
    await page.elementLocator(problemShown()!).click();
    await page.getByText('More devices').click();
    const replay = page.getByLabelText('Replay a recording…');
    await expect.element(replay).toBeInTheDocument();
    (replay.element() as HTMLElement).scrollIntoView({ block: 'end' });
    expect(problemShown()!.getBoundingClientRect().bottom).toBeLessThan(0);
    await userEvent.upload(replay, notARecording);
    await expectInView();
  });
});

describe('a page reloaded on a screen with text at twice its size on a phone', () => {
  let mounted: AppShell | null = null;
  let restore: () => Promise<void>;

  beforeEach(async () => {
    restore = await layOutAsTheApp(180, 320);
  });

  afterEach(async () => {
    mounted?.remove();
    mounted = null;
    await restore();
  });

  for (const [view, tag, name] of [
    ['history', 'bb-history', 'History'],
    ['settings', 'bb-settings', 'Settings'],
  ] as const) {
    it(`comes back on ${name} showing its heading, not the header over it`, async () => {
      // The entry the app pushed for the screen is the current one, as after a reload on it.
      window.history.pushState({ backbeatView: view }, '');
      mounted = await mountApp({
        start: true,
        openStore: () => SessionStore.open({ name: `reloaded-on-${view}-with-large-text` }),
      });
      const shell = mounted.shell;
      const heading = await waitFor(() =>
        shell.shadowRoot!.querySelector(tag)?.shadowRoot?.querySelector('h2'),
      );
      expect(heading.textContent).toContain(name);
      await expectOnScreen(heading);
    });
  }
});
