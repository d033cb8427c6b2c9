// A set counted by hand in the whole app (a strap that gives heart rate only), on a phone, a laptop
// and a phone with its text at twice its size: +1 is the button tapped after every rep, and is there
// under the count as the set begins, with no scroll to find it; in a hold timed by hand (a plank a
// watch cannot see), Start hold and End hold are, as +1 is.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { SessionStore } from '../../src/store/session-store.ts';
import { type ExerciseId, PROGRAM } from '../../src/workout/program.ts';
import { type AppShell, mountApp } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

/** What the devices tell the session: a strap that gives heart rate alone, seeing no exercise. */
type Sensing = (session: AppShell['app']['session']) => void;
const heartRateOnly: Sensing = (session) => session.senseDevices(false, []);
/** A watch alone, on the wrist: it counts the superman, the drawing-in and the lat pulldown, not a plank. */
const onAWatchAlone: Sensing = (session) =>
  session.senseDevices(true, ['superman', 'drawing-in', 'lat-pulldown'], { 'elbow-plank': 'wrist' });

/** The app with `exercise` alone in its program, its first set under way and its "Go" heard. */
async function setUnderWay(
  exercise: ExerciseId,
  storeName: string,
  sensing = heartRateOnly,
): Promise<AppShell> {
  const mounted = await mountApp({
    start: true,
    openStore: () => SessionStore.open({ name: storeName }),
    settings: { exercises: PROGRAM.map(({ id }) => ({ id, included: id === exercise })) },
  });
  sensing(mounted.app.session);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  mounted.app.session.goHeard();
  return mounted;
}

/**
 * Puts the page's timers and clock in the test's hands before the app is mounted: a set that waits
 * for the person's position (the watch that sees them still counted the exercise as the set came due)
 * begins once the virtual person has lain down and been still, some 7 s of the session's time, which
 * `untilShown` lets pass as fast as the page runs, where the test waited them out in real time.
 */
function onTheTestsClock(): void {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'],
  });
}

/** Runs the session's clock from one timer to the next until `shown` passes, then holds it still. */
async function untilShown(shown: () => Promise<unknown>): Promise<void> {
  vi.setTimerTickMode('nextTimerAsync');
  try {
    await shown();
  } finally {
    vi.setTimerTickMode('manual');
  }
}

const SCREENS = [
  { screen: 'a phone', width: 360, height: 640 },
  { screen: 'a laptop', width: 1366, height: 768 },
  { screen: 'a phone with text at twice its size', width: 180, height: 320 },
] as const;

describe.each(SCREENS)('a set counted by hand on $screen', ({ width, height }) => {
  let mounted: AppShell;
  let restore: () => Promise<void>;
  let stores = 0;

  beforeEach(async () => {
    restore = await layOutAsTheApp(width, height);
    // A store that opens, as a phone's does: no notice that the app cannot save takes a line.
    const name = `counted-by-hand-${width}-${stores++}`;
    mounted = await mountApp({ start: true, openStore: () => SessionStore.open({ name }) });
    // What the app tells the session once the strap turns out to count nothing (see Backbeat.start).
    mounted.app.session.senseDevices(false, []);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    mounted.app.session.goHeard();
    await expect.element(page.getByRole('progressbar', { name: 'Reps' })).toBeInTheDocument();
  });

  afterEach(async () => {
    mounted.remove();
    await restore();
  });

  it('shows +1 under the count without a scroll, filled, the largest button of the set', async () => {
    const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!.shadowRoot!;
    const plusOne = page.getByRole('button', { name: '+1 rep' }).element();
    const box = plusOne.getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(innerHeight);
    expect(scrollY).toBe(0);
    // The count it adds to stays in sight with it: above it on a phone, beside it on a laptop.
    expect(set.querySelector('.face .count')!.getBoundingClientRect().bottom).toBeLessThanOrEqual(
      innerHeight,
    );
    expect(plusOne.classList).toContain('primary');
    const area = (element: Element) =>
      element.getBoundingClientRect().width * element.getBoundingClientRect().height;
    for (const other of set.querySelectorAll('button')) {
      if (other !== plusOne) expect(area(plusOne), other.textContent!).toBeGreaterThan(area(other));
    }
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
  });
});

describe.each(SCREENS)('a hold timed by hand on $screen', ({ width, height }) => {
  let mounted: AppShell;
  let restore: () => Promise<void>;
  let stores = 0;

  beforeEach(async () => {
    restore = await layOutAsTheApp(width, height);
    const name = `timed-by-hand-${width}-${stores++}`;
    // A watch alone, as the app tells the session (see Backbeat.start): it cannot see a plank.
    mounted = await setUnderWay('elbow-plank', name, onAWatchAlone);
    await expect.element(page.getByRole('progressbar', { name: 'Hold time' })).toBeInTheDocument();
  });

  afterEach(async () => {
    mounted.remove();
    await restore();
  });

  it('shows Start hold, then End hold, under the time without a scroll, filled, the largest button of the set', async () => {
    const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!.shadowRoot!;
    // Start hold and End hold were the size of Pause, beside Skip set, where +1 of a count is the set's own.
    for (const name of ['Start hold', 'End hold']) {
      await expect.element(page.getByRole('button', { name })).toBeInTheDocument();
      const tapped = page.getByRole('button', { name }).element() as HTMLButtonElement;
      const box = tapped.getBoundingClientRect();
      expect(box.top, name).toBeGreaterThanOrEqual(0);
      expect(box.bottom, name).toBeLessThanOrEqual(innerHeight);
      expect(scrollY).toBe(0);
      expect(set.querySelector('.face .count')!.getBoundingClientRect().bottom).toBeLessThanOrEqual(
        innerHeight,
      );
      expect(tapped.classList, name).toContain('primary');
      const area = (element: Element) =>
        element.getBoundingClientRect().width * element.getBoundingClientRect().height;
      for (const other of set.querySelectorAll('button')) {
        if (other !== tapped)
          expect(area(tapped), `${name} / ${other.textContent}`).toBeGreaterThan(area(other));
      }
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      tapped.click();
    }
  });
});

/**
 * A set counted with +1 on a phone on its side (640×360), by hand (a heart-rate-only strap) or as the
 * watch that counts it stopped sending motion: the line that says so under the set's number, and a bird
 * dog's next arm, take the column beside the ring its height.
 */
describe.each([
  { exercise: 'superman', stopped: false },
  { exercise: 'superman', stopped: true },
  { exercise: 'bird-dog', stopped: true },
] as const)(
  'a set of $exercise counted with +1 on a phone on its side, watch motion stopped: $stopped',
  ({ exercise, stopped }) => {
    let mounted: AppShell;
    let restore: () => Promise<void>;
    let stores = 0;

    beforeEach(async () => {
      restore = await layOutAsTheApp(640, 360);
      const name = `on-its-side-${exercise}-${stopped}-${stores++}`;
      onTheTestsClock();
      mounted = await mountApp({
        start: true,
        openStore: () => SessionStore.open({ name }),
        settings: { exercises: PROGRAM.map(({ id }) => ({ id, included: id === exercise })) },
      });
      if (stopped) {
        mounted.app.session.senseDevices(true, [exercise], { [exercise]: 'wrist' });
      } else {
        mounted.app.session.senseDevices(false, []);
      }
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      mounted.app.session.goHeard();
      if (stopped) mounted.app.session.senseMotionAway([exercise], true, [exercise]);
      await untilShown(async () => {
        await expect.element(page.getByRole('progressbar', { name: 'Reps' })).toBeInTheDocument();
        await expect.element(page.getByRole('button', { name: '+1 rep' })).toHaveClass(/tap-by-hand/);
      });
    });

    afterEach(async () => {
      mounted.remove();
      vi.useRealTimers();
      await restore();
    });

    it('keeps +1 and Pause side by side under the count, and every button of the set, on the screen', async () => {
      const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!.shadowRoot!;
      const box = (name: string) =>
        page.getByRole('button', { name, exact: true }).element().getBoundingClientRect();
      const plusOne = box('+1 rep');
      const pause = box('Pause');
      expect(scrollY).toBe(0);
      // One row: from the mat, the tap after each rep and the one that stops all are found together.
      expect(Math.abs(pause.top - plusOne.top)).toBeLessThan(plusOne.height);
      // The others on one row under them.
      for (const name of ['−1 rep', 'Skip set', 'Mute', 'Finish']) {
        expect(box(name).top, name).toBeGreaterThanOrEqual(plusOne.bottom);
      }
      for (const button of set.querySelectorAll('button')) {
        const { top, bottom } = button.getBoundingClientRect();
        expect(top, button.textContent!).toBeGreaterThanOrEqual(0);
        expect(bottom, button.textContent!).toBeLessThanOrEqual(innerHeight);
      }
      expect(set.querySelector('.face .count')!.getBoundingClientRect().bottom).toBeLessThanOrEqual(
        innerHeight,
      );
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(640);
    });

    it('takes the keyboard through its buttons in the order the screen shows them, +1 then Pause', async () => {
      // A rep counted: −1 is no longer disabled, a stop of the keyboard.
      await page.getByRole('button', { name: '+1 rep' }).click();
      await expect.element(page.getByRole('button', { name: '−1 rep' })).toBeEnabled();
      const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!.shadowRoot!;
      const buttons = [...set.querySelectorAll<HTMLButtonElement>('.controls button')];
      const name = (button: Element | null) =>
        button?.getAttribute('aria-label') ?? button?.textContent?.trim();
      const box = (button: Element) => button.getBoundingClientRect();
      // Row by row, each from the left: +1 and Pause, then −1, Skip set, Mute and Finish.
      const shown = [...buttons]
        .sort((a, b) => box(a).top - box(b).top || box(a).left - box(b).left)
        .map(name);
      expect(shown.slice(0, 2)).toEqual(['+1 rep', 'Pause']);
      buttons[0]!.focus();
      const reached = [name(set.activeElement)];
      for (let i = 1; i < buttons.length; i += 1) {
        await userEvent.keyboard('{Tab}');
        reached.push(name(set.activeElement));
      }
      // It went +1, −1, Pause, the −1 of the row under the one it came from.
      expect(reached).toEqual(shown);
    });

    // Only a device's line asks for the tap in words (a set counted by hand from its start says it in the ring).
    if (stopped)
      it('keeps "+1" on the line of the words that ask for it', async () => {
        const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!.shadowRoot!;
        const line = set.querySelector('.meta .away')!;
        expect(line.textContent).toBe('Watch motion stopped: count with +1');
        expect(linesOf(line, 'count with +1')).toBe(1);
      });
  },
);

/** On how many lines of the screen `words` lie, within `element`'s text. */
function linesOf(element: Element, words: string): number {
  const range = document.createRange();
  const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let at = 0;
  const whole = element.textContent!;
  const start = whole.indexOf(words);
  const end = start + words.length;
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    const length = text.textContent!.length;
    if (at <= start && start <= at + length) range.setStart(text, start - at);
    if (at <= end && end <= at + length) range.setEnd(text, end - at);
    at += length;
  }
  return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size;
}

describe('a hold timed by hand on a phone on its side, watch motion stopped', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeEach(async () => {
    restore = await layOutAsTheApp(640, 360);
    onTheTestsClock();
    mounted = await mountApp({
      start: true,
      openStore: () => SessionStore.open({ name: 'on-its-side-hold' }),
      settings: { exercises: PROGRAM.map(({ id }) => ({ id, included: id === 'elbow-plank' })) },
    });
    mounted.app.session.senseDevices(true, ['elbow-plank'], { 'elbow-plank': 'wrist' });
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    mounted.app.session.goHeard();
    mounted.app.session.senseMotionAway(['elbow-plank'], true, ['elbow-plank']);
    await untilShown(() =>
      expect.element(page.getByRole('button', { name: 'Start hold' })).toHaveClass(/tap-by-hand/),
    );
  });

  afterEach(async () => {
    mounted.remove();
    vi.useRealTimers();
    await restore();
  });

  it('keeps "Start hold" on the line of the word that asks for it', async () => {
    const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!.shadowRoot!;
    const line = set.querySelector('.meta .away')!;
    expect(line.textContent).toBe('Watch motion stopped: tap Start hold');
    expect(linesOf(line, 'tap Start hold')).toBe(1);
  });
});

/**
 * The ring of a set counted by hand on a 360×640 phone asks for +1 until the first rep, on two lines
 * where a bird dog's next arm, a lat pulldown's weight or a bat hang's longer word leave it a ring of
 * 140–175 px: the line breaks between the tap and when, not before the last word.
 */
describe.each([
  { exercise: 'bird-dog', when: 'after each rep', count: 59 },
  { exercise: 'lat-pulldown', when: 'after each rep', count: 58 },
  { exercise: 'bat-hang', when: 'after each breath', count: 71 },
] as const)(
  'the tap asked for in the ring of a $exercise set counted by hand on a phone',
  ({ exercise, when, count }) => {
    let mounted: AppShell;
    let restore: () => Promise<void>;

    beforeEach(async () => {
      restore = await layOutAsTheApp(360, 640);
      mounted = await setUnderWay(exercise, `tap-hint-${exercise}`);
      await expect.element(page.getByRole('button', { name: /^\+1 / })).toHaveClass(/tap-by-hand/);
    });

    afterEach(async () => {
      mounted.remove();
      await restore();
    });

    it(`keeps "tap +1" and "${when}" each on one line, the count as large as before`, async () => {
      const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!.shadowRoot!;
      const hint = set.querySelector('.tap-hint')!;
      expect(hint.textContent).toBe(`tap +1 ${when}`);
      // "tap +1 after each" over "rep" alone, on a ring of 146 px.
      expect(linesOf(hint, 'tap +1')).toBe(1);
      expect(linesOf(hint, when)).toBe(1);
      expect(set.querySelector('.face .count')!.getBoundingClientRect().height).toBeGreaterThanOrEqual(count);
    });
  },
);

/**
 * The words the ring asks a tap with stand inside its inner edge, on a phone, a laptop and a phone on
 * its side: "tap +1" over "after each rep" under the target ran over a laptop's band (corners 182–199
 * px from the centre, the inner edge at 175) and under a phone's (91–99 px, at 74), and a plank's "tap Start hold" over a phone's (56–64 px, at
 * 55). With text at twice its size (180×320), see the smallest ring below.
 */
const RING_SCREENS = [
  { screen: 'a phone', width: 360, height: 640 },
  { screen: 'a laptop', width: 1366, height: 768 },
  { screen: 'a phone on its side', width: 640, height: 360 },
] as const;

describe.each(
  RING_SCREENS.flatMap((screen) =>
    (['superman', 'bat-hang'] as const).map((exercise) => ({ ...screen, exercise })),
  ),
)(
  'the tap asked for in the ring of a $exercise set counted by hand on $screen',
  ({ width, height, exercise }) => {
    let mounted: AppShell;
    let restore: () => Promise<void>;

    beforeEach(async () => {
      restore = await layOutAsTheApp(width, height);
      mounted = await setUnderWay(exercise, `in-ring-${exercise}-${width}`);
      await expect.element(page.getByRole('button', { name: /^\+1 / })).toHaveClass(/tap-by-hand/);
    });

    afterEach(async () => {
      mounted.remove();
      await restore();
    });

    it('keeps its words inside the ring, clear of its band', async () => {
      const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!.shadowRoot!;
      const hint = set.querySelector('.tap-hint')!;
      expect(hint.textContent).toMatch(/^tap \+1 after each (rep|breath)$/);
      for (const [line, corners] of Object.entries(outsideRing(set, hint))) expect(corners, line).toEqual([]);
    });

    it('sets its words as large as the ring holds them, or 2rem', async () => {
      const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!.shadowRoot!;
      expect(await roomToGrow(set, set.querySelector('.tap-hint')!)).toBe(false);
    });
  },
);

/**
 * On a phone with its text at twice its size (180×320) the ring of a set counted by hand is 84 px: the
 * count and "tap +1 / after each / rep" ("breath") in 12 px took its height, their last lines 2–10 px
 * over its band. It keeps the count as large and asks for the tap alone, right over the +1 it names.
 */
describe.each(['superman', 'bat-hang'] as const)(
  'the tap asked for in the smallest ring, of a %s set counted by hand on a phone with text at twice its size',
  (exercise) => {
    let mounted: AppShell;
    let restore: () => Promise<void>;

    beforeEach(async () => {
      restore = await layOutAsTheApp(180, 320);
      mounted = await setUnderWay(exercise, `in-smallest-ring-${exercise}`);
      await expect.element(page.getByRole('button', { name: /^\+1 / })).toHaveClass(/tap-by-hand/);
    });

    afterEach(async () => {
      mounted.remove();
      await restore();
    });

    it('keeps "tap +1" inside the ring, clear of its band, as large as it holds it, the count as large as before', async () => {
      const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!.shadowRoot!;
      const hint = set.querySelector<HTMLElement>('.tap-hint')!;
      for (const [line, corners] of Object.entries(outsideRing(set, hint))) expect(corners, line).toEqual([]);
      expect(hint.innerText).toBe('tap +1');
      expect(await roomToGrow(set, hint)).toBe(false);
      expect(
        Number.parseFloat(getComputedStyle(set.querySelector('.face')!).fontSize),
      ).toBeGreaterThanOrEqual(29);
    });
  },
);

describe.each(RING_SCREENS)(
  'the Start hold asked for in the ring of a plank on $screen',
  ({ width, height }) => {
    let mounted: AppShell;
    let restore: () => Promise<void>;

    beforeEach(async () => {
      restore = await layOutAsTheApp(width, height);
      // A watch alone, which cannot see a plank.
      mounted = await setUnderWay('elbow-plank', `in-ring-plank-${width}`, onAWatchAlone);
      await expect.element(page.getByRole('button', { name: 'Start hold' })).toBeInTheDocument();
    });

    afterEach(async () => {
      mounted.remove();
      await restore();
    });

    it('keeps "tap Start hold" inside the ring, clear of its band', async () => {
      const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!.shadowRoot!;
      const words = [...set.querySelectorAll('bb-progress-ring .unit')].find(
        (unit) => unit.textContent === 'tap Start hold',
      )!;
      expect(words).toBeDefined();
      for (const [line, corners] of Object.entries(outsideRing(set, words)))
        expect(corners, line).toEqual([]);
    });

    it('sets "tap Start hold" as large as the ring holds it, or 2rem', async () => {
      const set = mounted.shell.shadowRoot!.querySelector('bb-set-view')!.shadowRoot!;
      const words = [...set.querySelectorAll('bb-progress-ring .unit')].find(
        (unit) => unit.textContent === 'tap Start hold',
      )!;
      expect(await roomToGrow(set, words)).toBe(false);
    });
  },
);

/**
 * Whether `words`, below 2rem, would still stand clear of the ring's band a tenth larger: type left
 * smaller than the ring has room for, read from the mat.
 */
async function roomToGrow(set: ShadowRoot, words: Element): Promise<string | false> {
  const element = words as HTMLElement;
  const size = Number.parseFloat(getComputedStyle(element).fontSize);
  if (size >= 32) return false;
  element.style.fontSize = `${size * 1.1}px`;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const clear = Object.values(outsideRing(set, element)).every((corners) => corners.length === 0);
  element.style.fontSize = '';
  return clear ? `${size} px, clear of the band at ${(size * 1.1).toFixed(1)}` : false;
}

/**
 * The corners of each line of `words`' text (its letters' boxes) that lie outside the ring's inner
 * edge, keyed by the line's place and size: over the band or past it, where a letter runs into the
 * ring.
 */
function outsideRing(set: ShadowRoot, words: Element): Record<string, string[]> {
  const ring = set.querySelector('bb-progress-ring')!.shadowRoot!.querySelector('circle')!;
  const box = ring.getBoundingClientRect();
  const svg = ring.ownerSVGElement!.getBoundingClientRect();
  const scale = svg.width / ring.ownerSVGElement!.viewBox.baseVal.width;
  const innerRadius = box.width / 2 - (Number(ring.getAttribute('stroke-width')) / 2) * scale;
  const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  const range = document.createRange();
  range.selectNodeContents(words);
  const outside: Record<string, string[]> = {};
  for (const line of range.getClientRects()) {
    if (line.width === 0) continue;
    const corners = [
      [line.left, line.top],
      [line.right, line.top],
      [line.left, line.bottom],
      [line.right, line.bottom],
    ] as const;
    const size = getComputedStyle(words).fontSize;
    outside[
      `${Math.round(line.left)}–${Math.round(line.right)} × ${Math.round(line.top)}–${Math.round(line.bottom)} at ${size}`
    ] = corners
      .filter(([x, y]) => Math.hypot(x - centre.x, y - centre.y) > innerRadius)
      .map(
        ([x, y]) =>
          `${Math.round(x)},${Math.round(y)}: ${Math.round(Math.hypot(x - centre.x, y - centre.y))} px from the centre, inner edge ${Math.round(innerRadius)}`,
      );
  }
  return outside;
}
