// A session on a 360×640 phone with its text at twice its size (a 180×320 window): what the person on
// the mat glances at (the rest's seconds, the position to take, a hold's seconds) is on screen as the
// page opens, with no scroll, under the session's header with the virtual strap's line or a problem.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { SessionStore } from '../../src/store/session-store.ts';
import { PROGRAM } from '../../src/workout/program.ts';
import { currentPlanned } from '../../src/workout/session.ts';
import { type AppShell, mountApp } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

const DEVICES = [
  { name: 'the virtual strap', problem: null },
  {
    name: 'a device problem',
    problem:
      'Not a recording: Backbeat cannot replay that file; only a file made with Save a recording can be.',
  },
] as const;

describe.each(DEVICES)('a session with text at twice its size on a phone, with $name', ({ problem }) => {
  let mounted: AppShell;
  let restore: () => Promise<void>;
  let stores = 0;

  beforeEach(async () => {
    restore = await layOutAsTheApp(180, 320);
    // A store that opens, as a phone's does: no notice that the app cannot save takes a line.
    const name = `large-text-${problem ? 'problem' : 'virtual'}-${stores++}`;
    mounted = await mountApp({ start: true, openStore: () => SessionStore.open({ name }) });
    // A file of another kind picked to replay.
    if (problem) mounted.app.devices.replayText({ text: 'Eggs, milk, bread', fileName: 'shopping.txt' });
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.element(page.getByRole('button', { name: 'Start the set' })).toBeInTheDocument();
    const panel = page.elementLocator(mounted.shell.shadowRoot!.querySelector('bb-device-panel')!);
    if (problem) await expect.element(panel.getByRole('alert')).toHaveTextContent(problem);
    else await expect.element(panel.getByText('Virtual person:')).toBeInTheDocument();
  });

  afterEach(async () => {
    mounted.remove();
    await restore();
  });

  const screen = (tag: 'bb-set-view' | 'bb-rest-view') =>
    mounted.shell.shadowRoot!.querySelector(tag)!.shadowRoot!;
  /** How far down the page `element` ends: within the window, it is seen as the page opens. */
  const endFromTop = (element: Element) => element.getBoundingClientRect().bottom + scrollY;

  it("shows the rest's seconds left without a scroll, its heading still the screen's", async () => {
    mounted.app.session.beginSet();
    mounted.app.session.skip();
    await expect.element(page.getByRole('progressbar', { name: 'Rest remaining' })).toBeInTheDocument();
    const seconds = screen('bb-rest-view').querySelector('.face .count')!;
    expect(endFromTop(seconds)).toBeLessThanOrEqual(innerHeight);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
    // What a rest is tapped for comes right under its seconds: Start now, and Resume once paused.
    // Under the heading, the last set and what comes next, Start now was at 473–529 px.
    const main = () => screen('bb-rest-view').querySelector('.controls > .primary:not(:disabled)')!;
    expect(main().textContent).toBe('Start now');
    expect(endFromTop(main())).toBeLessThanOrEqual(innerHeight);
    // Pause beside it, whole: under Start now it showed 4 px of its 56 at the window's edge. The
    // countdown keeps its size for it.
    const pause = screen('bb-rest-view').querySelector('.controls > .pause')!;
    expect(endFromTop(pause)).toBeLessThanOrEqual(innerHeight);
    const ring = screen('bb-rest-view').querySelector('bb-progress-ring')!;
    expect(ring.offsetHeight).toBeGreaterThanOrEqual(128);
    expect(seconds.getBoundingClientRect().height).toBeGreaterThanOrEqual(53);
    mounted.app.session.pause();
    await expect.poll(() => main().textContent).toBe('Resume');
    expect(endFromTop(main())).toBeLessThanOrEqual(innerHeight);
    mounted.app.session.resume();
    // Nothing a screen reader reads first is lost: the heading, then what was done and what is next.
    const rest = page.elementLocator(screen('bb-rest-view').host);
    await expect.element(rest.getByRole('heading', { name: 'Rest' })).toBeVisible();
    await expect.element(rest.getByText('Superman, set 1: skipped')).toBeVisible();
    await expect.element(rest.getByText('Next: Superman, set 2 of 3', { exact: true })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'History' })).toBeVisible();
  });

  it("closes the devices' line opened in a set when the rest comes, its seconds left on screen", async () => {
    mounted.app.session.beginSet();
    await expect.element(page.getByRole('progressbar', { name: 'Reps' })).toBeInTheDocument();
    const panel = mounted.shell.shadowRoot!.querySelector('bb-device-panel')!;
    const line = panel.shadowRoot!.querySelector('details')!;
    await page.elementLocator(line.querySelector('summary')!).click();
    await expect.poll(() => line.open).toBe(true);
    // The set ends with nobody touching the screen (its last rep counted, or skipped by a watch).
    mounted.app.session.skip();
    await expect.element(page.getByRole('progressbar', { name: 'Rest remaining' })).toBeInTheDocument();
    await expect.poll(() => line.open).toBe(false);
    const seconds = screen('bb-rest-view').querySelector('.face .count')!;
    expect(endFromTop(seconds)).toBeLessThanOrEqual(innerHeight);
  });

  it('shows the position to take for every exercise without a scroll', async () => {
    const seen = new Set<string>();
    while (mounted.app.session.state.phase === 'set') {
      const set = screen('bb-set-view');
      await expect.poll(() => set.querySelector('.prompt')).not.toBeNull();
      const exercise = set.querySelector('h2')!.textContent!;
      if (!seen.has(exercise)) {
        seen.add(exercise);
        const prompt = set.querySelector('.prompt')!;
        expect(endFromTop(prompt), `${exercise}: ${prompt.textContent}`).toBeLessThanOrEqual(innerHeight);
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
      }
      // Skipped while waiting: the next set, with no rest between.
      mounted.app.session.skip();
      await mounted.shell.updateComplete;
      await mounted.shell.shadowRoot!.querySelector('bb-set-view')?.updateComplete;
    }
    expect(seen.size).toBe(7);
  });

  it.each([
    { counted: 'by the device', byHand: false },
    { counted: 'by hand, the device not seeing them (a watch alone)', byHand: true },
  ])("shows every exercise's count in its set without a scroll, counted $counted", async ({ byHand }) => {
    const session = mounted.app.session;
    const seen = new Set<string>();
    while (session.state.phase === 'set') {
      // Where the watch that sees none of them is worn: the set names it, as the voice does.
      if (byHand) session.senseDevices(true, [], Object.fromEntries(PROGRAM.map((e) => [e.id, 'wrist'])));
      session.beginSet();
      await mounted.shell.updateComplete;
      await mounted.shell.shadowRoot!.querySelector('bb-set-view')!.updateComplete;
      // A set that nothing sees begins at once and shows under way once its "Go" is heard, which the
      // tap stands for: the screen follows the session a turn later.
      await expect.poll(() => screen('bb-set-view').querySelector('.face .count')).not.toBeNull();
      const set = screen('bb-set-view');
      const exercise = set.querySelector('h2')!.textContent!;
      if (!seen.has(exercise)) {
        seen.add(exercise);
        const count = set.querySelector('.face .count')!;
        expect(endFromTop(count), exercise).toBeLessThanOrEqual(innerHeight);
        const side = set.querySelector('.side');
        // Pause comes under the count, on screen with it, and a bird dog's next arm under Pause (the
        // ring names the arm of the last rep); counted or timed by hand, under +1 or Start hold, the
        // first button, where the name over the ring and −1 took Pause to 388–444 px.
        const pause = set.querySelector('.pause')!;
        expect(endFromTop(pause), `${exercise}: Pause`).toBeLessThanOrEqual(innerHeight);
        if (side)
          expect(side.getBoundingClientRect().top).toBeGreaterThanOrEqual(
            pause.getBoundingClientRect().bottom,
          );
        if (byHand) {
          const tap = set.querySelector('.tap-by-hand')!.getBoundingClientRect();
          expect(tap.bottom, exercise).toBeLessThanOrEqual(pause.getBoundingClientRect().top);
          expect(tap.top, exercise).toBeGreaterThanOrEqual(count.getBoundingClientRect().bottom);
          // Its words within it: a hold's "Start hold" ran 1.6 px past its right edge, 136 px of
          // words in the 120 px inside its padding.
          const button = set.querySelector<HTMLElement>('.tap-by-hand')!;
          expect(button.scrollWidth, `${exercise}: ${button.textContent}`).toBeLessThanOrEqual(
            button.clientWidth,
          );
        }
        expect(set.querySelector('.unseen') !== null, exercise).toBe(byHand);
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
      }
      // Skipped at once, nothing done: the next set follows, with no rest where nothing saw the person
      // in position; a rest, where something did, skipped too.
      session.skip();
      const after: string = session.state.phase;
      if (after === 'rest') session.skip();
      await mounted.shell.updateComplete;
    }
    expect(seen.size).toBe(7);
  });

  it('shows the next set from its top after Skip set, scrolled down to, skips a set not yet begun', async () => {
    const skip = page.getByRole('button', { name: 'Skip set' });
    skip.element().scrollIntoView({ block: 'end' });
    await expect.poll(() => scrollY).toBeGreaterThan(0);
    await skip.click();
    await expect.element(page.getByText('Set 2 of', { exact: false })).toBeInTheDocument();
    await mounted.shell.updateComplete;
    // In the window as it is now: the page is not left where the last set's buttons were.
    const prompt = screen('bb-set-view').querySelector('.prompt')!.getBoundingClientRect();
    expect(prompt.top).toBeGreaterThanOrEqual(0);
    expect(prompt.bottom).toBeLessThanOrEqual(innerHeight);
  });

  it('shows the count and its ring under the heart rate once Start the set, scrolled down to, begins the set', async () => {
    // Under the position to take and the heading, at 400–456 px of the 320 px window: a finger
    // flicks the page down to reach it.
    const begin = page.getByRole('button', { name: 'Start the set' });
    begin.element().scrollIntoView({ block: 'end' });
    await expect.poll(() => scrollY).toBeGreaterThan(0);
    await begin.click();
    await expect.element(page.getByRole('progressbar', { name: 'Reps' })).toBeInTheDocument();
    await mounted.shell.updateComplete;
    await mounted.shell.shadowRoot!.querySelector('bb-set-view')!.updateComplete;
    // The page stayed 268 px down, where the button had been: the ring at −152 to −24 px, the count
    // and the heart rate above the window, Pause cut in half at its top edge.
    const header = mounted.shell.shadowRoot!.querySelector('header')!.getBoundingClientRect();
    expect(header.top).toBeGreaterThanOrEqual(0);
    for (const part of ['bb-progress-ring', '.face .count', '.pause']) {
      const box = screen('bb-set-view').querySelector(part)!.getBoundingClientRect();
      expect(box.top, part).toBeGreaterThanOrEqual(header.bottom);
      expect(box.bottom, part).toBeLessThanOrEqual(innerHeight);
    }
  });

  it.each([
    { screen: 'set', tag: 'bb-set-view' },
    { screen: 'rest', tag: 'bb-rest-view' },
  ] as const)(
    "asks Finish's question on the $screen screen from its first words, its answers under them",
    async ({ tag }) => {
      mounted.app.session.beginSet();
      if (tag === 'bb-rest-view') mounted.app.session.skip();
      await expect
        .element(page.getByRole('progressbar', { name: tag === 'bb-set-view' ? 'Reps' : 'Rest remaining' }))
        .toBeInTheDocument();
      // Below the count: the page scrolled to its end to reach it, as a finger flicks it.
      window.scrollTo({ top: document.documentElement.scrollHeight });
      await expect.poll(() => scrollY).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Finish' }).click();
      const keepGoing = page.getByRole('button', { name: 'Keep going' });
      await expect.poll(() => screen(tag).activeElement?.textContent).toBe('Keep going');
      const question = screen(tag).querySelector('.finish-question')!;
      const words = question.querySelector('p')!.getBoundingClientRect();
      expect(words.top).toBeGreaterThanOrEqual(0);
      expect(words.bottom).toBeLessThanOrEqual(innerHeight);
      for (const answer of [page.getByRole('button', { name: 'End session' }), keepGoing]) {
        const box = answer.element().getBoundingClientRect();
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.bottom).toBeLessThanOrEqual(innerHeight);
      }
    },
  );

  it.each([
    { screen: 'set', tag: 'bb-set-view', ring: 'Reps' },
    { screen: 'rest', tag: 'bb-rest-view', ring: 'Rest remaining' },
  ] as const)(
    "takes Finish's question back on the $screen screen with the count under the heart rate again, the focus on Finish",
    async ({ tag, ring }) => {
      mounted.app.session.beginSet();
      if (tag === 'bb-rest-view') mounted.app.session.skip();
      await expect.element(page.getByRole('progressbar', { name: ring })).toBeInTheDocument();
      window.scrollTo({ top: document.documentElement.scrollHeight });
      await expect.poll(() => scrollY).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Finish' }).click();
      await page.getByRole('button', { name: 'Keep going' }).click();
      await expect.poll(() => screen(tag).activeElement?.textContent).toBe('Finish');
      // Tapped: back on the mat, the person looks for the count. The page stayed 197 px down, where
      // the focus went to Finish, the count and the heart rate above the window.
      const header = mounted.shell.shadowRoot!.querySelector('header')!.getBoundingClientRect();
      expect(header.top).toBeGreaterThanOrEqual(0);
      const count = screen(tag).querySelector('.face .count')!.getBoundingClientRect();
      expect(count.top).toBeGreaterThanOrEqual(header.bottom);
      expect(count.bottom).toBeLessThanOrEqual(innerHeight);
      // By the keyboard or a switch, whose user follows the focus: Finish comes into view with it.
      await userEvent.keyboard('{Enter}');
      await expect.poll(() => screen(tag).activeElement?.textContent).toBe('Keep going');
      await userEvent.keyboard('{Enter}');
      await expect.poll(() => screen(tag).activeElement?.textContent).toBe('Finish');
      const finish = screen(tag).activeElement!.getBoundingClientRect();
      expect(finish.top).toBeGreaterThanOrEqual(0);
      expect(finish.bottom).toBeLessThanOrEqual(innerHeight);
    },
  );

  it('says a Pause it lets go in the window, over the header, clear of the count and the buttons, in a set and a rest', async () => {
    const { app, shell } = mounted;
    app.session.beginSet();
    for (const tag of ['bb-set-view', 'bb-rest-view'] as const) {
      if (tag === 'bb-rest-view') app.session.skip();
      await expect.poll(() => shell.shadowRoot!.querySelector(tag)).not.toBeNull();
      const view = shell.shadowRoot!.querySelector(tag)!;
      // The app resumed as the finger came down on Resume, which then tapped Pause, right under the ring.
      app.session.pause();
      await expect.poll(() => view.paused).toBe(true);
      app.session.resume();
      await expect.poll(() => view.paused).toBe(false);
      await view.updateComplete;
      screen(tag).querySelector<HTMLButtonElement>('button.pause')!.click();
      const note = () => screen(tag).querySelector('.tap-note');
      await expect.poll(() => note()?.textContent).toBe('Tap again to Pause');
      const box = note()!.getBoundingClientRect();
      // In the heading's place, under the ring and Pause, it came 306–362 px in the window, 14 px seen.
      expect([box.top, box.bottom], tag).toSatisfy(([top, bottom]) => top >= 0 && bottom <= innerHeight);
      const apart = (other: Element) => {
        const b = other.getBoundingClientRect();
        return box.bottom <= b.top || b.bottom <= box.top || box.right <= b.left || b.right <= box.left;
      };
      expect(apart(screen(tag).querySelector('bb-progress-ring')!), tag).toBe(true);
      const covered = [...screen(tag).querySelectorAll('button')].filter((button) => !apart(button));
      expect(
        covered.map((button) => button.textContent?.trim()),
        tag,
      ).toEqual([]);
    }
  });

  it("shows the plank's seconds in a hold without a scroll", async () => {
    const session = mounted.app.session;
    while (session.state.phase === 'set' && currentPlanned(session.state)?.exercise.id !== 'elbow-plank') {
      session.skip();
    }
    await expect.element(page.getByRole('heading', { name: 'Elbow plank' })).toBeInTheDocument();
    mounted.app.session.beginSet();
    mounted.app.session.startHold();
    await expect.element(page.getByRole('progressbar', { name: 'Hold time' })).toBeInTheDocument();
    const seconds = screen('bb-set-view').querySelector('.face .count')!;
    expect(endFromTop(seconds)).toBeLessThanOrEqual(innerHeight);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(180);
  });
});

describe('the first set, Start tapped, with text at twice its size on a phone', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeEach(async () => {
    restore = await layOutAsTheApp(180, 320);
    // The plank first: its name takes two lines under its position's five, below the window.
    const exercises = ['elbow-plank', 'superman'].map((id) => ({ id, included: true }));
    mounted = await mountApp({
      start: true,
      settings: { exercises, length: 'short' },
      openStore: () => SessionStore.open({ name: 'large-text-focus' }),
    });
  });

  afterEach(async () => {
    mounted.remove();
    await restore();
  });

  it('opens at its top, the focus on its heading', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const set = page.elementLocator(mounted.shell.shadowRoot!.querySelector('bb-set-view')!);
    const heading = set.getByRole('heading', { name: 'Elbow plank' });
    await expect.poll(() => set.element().shadowRoot!.activeElement).toBe(heading.element());
    expect(scrollY).toBe(0);
    const prompt = set.element().shadowRoot!.querySelector('.prompt')!.getBoundingClientRect();
    expect(prompt.bottom).toBeLessThanOrEqual(innerHeight);
  });
});

describe('the rest come from a set by the keyboard, with text at twice its size on a phone', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeEach(async () => {
    restore = await layOutAsTheApp(180, 320);
    mounted = await mountApp({
      start: true,
      openStore: () => SessionStore.open({ name: 'large-text-keyboard-rest' }),
    });
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    mounted.app.session.beginSet();
    await expect.element(page.getByRole('progressbar', { name: 'Reps' })).toBeInTheDocument();
  });

  afterEach(async () => {
    mounted.remove();
    await restore();
  });

  const rest = () => mounted.shell.shadowRoot!.querySelector('bb-rest-view')!.shadowRoot!;
  const skip = () => page.getByRole('button', { name: 'Skip set' });

  it('shows the heading it puts the focus on', async () => {
    (skip().element() as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => rest().activeElement?.tagName).toBe('H2');
    // Under the countdown, Start now and Pause, it lay at 320–352 px of the 320 px window: the focus
    // was where the keyboard's user could not see it.
    const heading = rest().querySelector('h2')!.getBoundingClientRect();
    expect(heading.top).toBeGreaterThanOrEqual(0);
    expect(heading.bottom).toBeLessThanOrEqual(innerHeight);
  });

  it('stays at its top when Skip set was tapped, the heart rate and the countdown in view', async () => {
    await skip().click();
    await expect.poll(() => rest().activeElement?.tagName).toBe('H2');
    expect(scrollY).toBe(0);
  });
});
