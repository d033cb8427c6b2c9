import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Locator, page, userEvent } from 'vitest/browser';
import { namesOfRole, rolesNamed } from './accessibility-tree.ts';
import '../../src/ui/bb-set-view.ts';
import type { BbSetView } from '../../src/ui/bb-set-view.ts';
import '../../src/ui/bb-rest-view.ts';
import { exerciseById } from '../../src/workout/program.ts';
import { currentSet, supermanSet } from '../set-record.ts';
import { finishAskedOverResumeThenKeepGoing } from './finish-question.ts';
import {
  DEVICES_GONE_ON_WITHOUT,
  inTheAppsMain,
  layOutAsTheApp,
  mount as mountComponent,
  PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT,
} from './mount.ts';

const mount = (view: Partial<BbSetView>) => mountComponent('bb-set-view', view);

/** Puts a set view on the page at the height the app's main gives a set under no header (see main.fill in bb-app). */
async function mountAtTheMainsHeight(view: Partial<BbSetView>): Promise<BbSetView> {
  const element = await mount(view);
  element.style.height = 'calc(100dvh - 1.5rem)';
  return element;
}

/**
 * Reads the boxes in the page of what `selector` matches in `view`, each after its `name`, to compare
 * before and after a change (at 180 × 320 some lie under the window's edge).
 */
function boxesOf(view: BbSetView, selector: string, name: (element: Element) => string | undefined) {
  return () =>
    [...view.shadowRoot!.querySelectorAll(selector)].map((e) => {
      const b = e.getBoundingClientRect();
      return `${name(e)}: ${[b.left, b.top + scrollY, b.width, b.height].map((v) => v.toFixed(1)).join(' ')}`;
    });
}

/**
 * A first superman set waiting for its position at the main's height, once it says that it starts by
 * itself; with what reads where its buttons, heading and position stand, as they stood at first.
 */
async function aSupermanSetWaitingForItsPosition() {
  const view = await mountAtTheMainsHeight({
    planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
    set: currentSet({ waiting: true, wrongPosture: null }),
  });
  await expect.element(page.getByText(/starts by itself/)).toBeVisible();
  const screen = boxesOf(view, 'button, h2, .prompt', (e) => e.textContent?.trim());
  const before = screen();
  return {
    view,
    screen,
    before,
    /** Gives the view `set`, waits for `line`, and then for the buttons, heading and position to stand where they were. */
    async showsInPlace(set: BbSetView['set'], line: Locator): Promise<void> {
      view.set = set;
      await expect.element(line).toBeVisible();
      await expect.poll(screen).toEqual(before);
    },
    roomUnderThePosition: () => view.shadowRoot!.querySelector('.under-position')!.getBoundingClientRect(),
  };
}

/** Has `view` pause and go on when it asks to, as the app does, then taps Finish and waits for its question. */
async function finishAskedOfAViewPausedAsTheAppDoes(view: BbSetView): Promise<void> {
  view.addEventListener('bb-pause', () => {
    view.paused = true;
  });
  view.addEventListener('bb-resume', () => {
    view.paused = false;
  });
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect.element(page.getByRole('button', { name: 'Keep going' })).toBeVisible();
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('bb-set-view', () => {
  it('shows the live rep count as a progress bar screen readers can read', async () => {
    await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ setNumber: 2, count: 7 }),
    });
    const bar = page.getByRole('progressbar', { name: 'Reps' });
    await expect.element(bar).toHaveAttribute('aria-valuenow', '7');
    await expect.element(bar).toHaveAttribute('aria-valuemax', '10');
    await expect.element(bar).toHaveAttribute('aria-valuetext', '7 of 10 reps');
    await expect.element(page.getByText('Set 2 of 3')).toBeVisible();
    // No live region of its own: the app's one region reads the coach's lines, never over its voice.
    expect(
      document
        .querySelector('bb-set-view')!
        .shadowRoot!.querySelector('[role=status], [role=alert], [aria-live]'),
    ).toBeNull();
  });

  it("rings 'How to do it' with the app's focus ring when a keyboard reaches it, as it does the buttons", async () => {
    await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 1 }),
    });
    const ring = (element: Element) => {
      const style = getComputedStyle(element);
      return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
    };
    const finish = page.getByRole('button', { name: 'Finish' }).element();
    const howTo = page.getByText('How to do it').element();
    (finish as HTMLElement).focus();
    await userEvent.tab();
    expect(finish.getRootNode()).toBe(howTo.getRootNode());
    expect((howTo.getRootNode() as ShadowRoot).activeElement).toBe(howTo);
    await userEvent.tab({ shift: true });
    const buttonRing = ring(finish);
    expect(buttonRing).toMatch(/^solid 4px/);
    await userEvent.tab();
    expect(ring(howTo)).toBe(buttonRing);
  });

  it('times a hold from its start and offers to end it', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } },
      set: currentSet({ holdStartMs: 1000 }),
      nowMs: 24_600,
    });
    await expect
      .element(page.getByRole('progressbar', { name: 'Hold time' }))
      .toHaveAttribute('aria-valuenow', '23');
    let ended = 0;
    element.addEventListener('bb-end-hold', () => ended++);
    await page.getByRole('button', { name: 'End hold' }).click();
    expect(ended).toBe(1);
  });

  it('asks to hold still, not to get into position, once in position and before the hold is timed', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } },
      set: currentSet({ holdStartMs: null }),
      nowMs: 2000,
    });
    // A plank is lifted into from lying on the elbows; a drawing-in hold is the position kept still.
    expect(element.shadowRoot!.querySelector('.unit')?.textContent).toBe('lift and hold still');
    const drawingIn = await mount({
      planned: { exercise: exerciseById('drawing-in'), dosage: { sets: 1, target: 45, restS: 30 } },
      set: currentSet({ holdStartMs: null }),
      nowMs: 2000,
    });
    expect(drawingIn.shadowRoot!.querySelector('.unit')?.textContent).toBe('hold still to start');
  });

  it('offers to start a hold by hand until it is timed, and asks for the tap where no device sees it', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('drawing-in'), dosage: { sets: 1, target: 45, restS: 30 } },
      set: currentSet({ holdStartMs: null }),
      nowMs: 2000,
    });
    let started = 0;
    element.addEventListener('bb-start-hold', () => started++);
    await page.getByRole('button', { name: 'Start hold' }).click();
    expect(started).toBe(1);
    expect(page.getByRole('button', { name: 'End hold' }).query()).toBeNull();
    element.byHand = true;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.unit')?.textContent).toBe('tap Start hold');
    element.set = currentSet({ holdStartMs: 2000 });
    element.nowMs = 5000;
    await element.updateComplete;
    expect(page.getByRole('button', { name: 'Start hold' }).query()).toBeNull();
    await expect.element(page.getByRole('button', { name: 'End hold' })).toBeEnabled();
  });

  it('asks on the ring for +1 after each rep of a set counted by hand, until the first is counted', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({}),
      byHand: true,
    });
    const ringLines = () =>
      [...element.shadowRoot!.querySelectorAll('bb-progress-ring .unit')].map((u) => u.textContent);
    expect(ringLines()).toEqual(['of 10 reps', 'tap +1 after each rep']);
    element.set = currentSet({ count: 1 });
    await element.updateComplete;
    expect(ringLines()).toEqual(['of 10 reps']);
    // Counted by the strap, +1 is a correction: nothing asks for it.
    element.set = currentSet({});
    element.byHand = false;
    await element.updateComplete;
    expect(ringLines()).toEqual(['of 10 reps']);
  });

  it("makes +1 the set's main button where the set is counted by hand, and leaves it a correction where a device counts", async () => {
    const element = await mount({
      planned: { exercise: exerciseById('bat-hang'), dosage: { sets: 2, target: 4, restS: 30 } },
      set: currentSet({}),
      byHand: true,
    });
    const plusOne = () => page.getByRole('button', { name: '+1 breath' }).element() as HTMLButtonElement;
    const area = (button: Element) =>
      button.getBoundingClientRect().width * button.getBoundingClientRect().height;
    const others = () => [...element.shadowRoot!.querySelectorAll('button')].filter((b) => b !== plusOne());
    expect(plusOne().classList).toContain('primary');
    for (const other of others()) expect(area(plusOne()), other.textContent!).toBeGreaterThan(area(other));
    element.byHand = false;
    await element.updateComplete;
    expect(plusOne().classList).not.toContain('primary');
    const minusOne = page.getByRole('button', { name: '−1 breath' }).element();
    expect(area(plusOne())).toBe(area(minusOne));
  });

  it('shows under the set why the watch that counts cannot see the exercise, and how to count it instead', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 60 } },
      set: currentSet({}),
      unseenLine: 'InfiniTime cannot see this exercise: count with +1',
    });
    const unseen = () => element.shadowRoot!.querySelector('.unseen')?.textContent;
    expect(unseen()).toBe('InfiniTime cannot see this exercise: count with +1');
    element.planned = { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } };
    element.unseenLine = 'InfiniTime cannot see this exercise: tap Start hold';
    await element.updateComplete;
    expect(unseen()).toBe('InfiniTime cannot see this exercise: tap Start hold');
    expect(element.shadowRoot!.querySelector('.unit')?.textContent).toBe('tap Start hold');
    element.unseenLine = null;
    await element.updateComplete;
    expect(unseen()).toBeUndefined();
  });

  it('says a hold in seconds against its target, or its goal for a plank', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('drawing-in'), dosage: { sets: 1, target: 45, restS: 30 } },
      set: currentSet({ holdStartMs: 0 }),
      nowMs: 15_400,
    });
    const face = () => element.shadowRoot!.querySelector('.face')?.textContent?.replace(/\s+/g, '');
    const unit = () => element.shadowRoot!.querySelector('.unit')?.textContent;
    expect(face()).toBe('15s');
    expect(unit()).toBe('of 45 s');
    element.planned = { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 60, restS: 60 } };
    element.nowMs = 67_000;
    await element.updateComplete;
    expect(face()).toBe('1:07');
    expect(unit()).toBe('goal 1 min');
  });

  // Still at "Go" at 16 s, the person draws the navel in 2 s on and is not yet seen still again: the
  // clock went on from "Go", 10 s at 26 s, seconds the set keeps only if they are still within 10 s.
  it('stands the clock of a drawing-in hold at what was held still while the person settles after "Go", and asks them to hold still', async () => {
    const settling = currentSet({ goHeardMs: 16_000, holdStartMs: 16_000, settlingInMs: 18_000 });
    const element = await mount({
      planned: { exercise: exerciseById('drawing-in'), dosage: { sets: 1, target: 45, restS: 30 } },
      set: settling,
      nowMs: 26_000,
    });
    const face = () => element.shadowRoot!.querySelector('.face')?.textContent?.replace(/\s+/g, '');
    const unit = () => element.shadowRoot!.querySelector('.unit')?.textContent;
    const ring = page.getByRole('progressbar', { name: 'Hold time' });
    expect(face()).toBe('2s');
    expect(unit()).toBe('hold still');
    await expect.element(ring).toHaveAttribute('aria-valuenow', '2');
    await expect.element(ring).toHaveAttribute('aria-valuetext', '2 of 45 seconds, hold still');
    element.nowMs = 27_500;
    await element.updateComplete;
    expect(face()).toBe('2s');
    // Seen still again: the hold goes on from "Go", as the set keeps it.
    const { settlingInMs: _settled, ...still } = settling;
    element.set = still;
    await element.updateComplete;
    expect(face()).toBe('11s');
    expect(unit()).toBe('of 45 s');
  });

  it("says under the set's number why a plank's goal moved from the one set: a step past the last hold", async () => {
    const element = await mount({
      planned: { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 53, restS: 60 } },
      set: currentSet({ setNumber: 2 }),
      goalFrom: { heldS: 48, today: true, shortHoldSince: false },
      nowMs: 1000,
    });
    const ringLines = () =>
      [...element.shadowRoot!.querySelectorAll('.unit')].map((line) => line.textContent);
    const why = () => element.shadowRoot!.querySelector('.meta .why')?.textContent ?? null;
    // Not yet holding: the ring asks for the hold; the reason is said from the set's start, as the voice does.
    expect(ringLines()).toEqual(['lift and hold still']);
    expect(why()).toBe('Goal: 5 s past your last hold');
    element.set = currentSet({ setNumber: 2, holdStartMs: 2000 });
    element.nowMs = 12_000;
    await element.updateComplete;
    expect(ringLines()).toEqual(['goal 53 s']);
    expect(why()).toBe('Goal: 5 s past your last hold');
    // The first hold of a session, its goal set from the last session's first.
    element.set = currentSet({ setNumber: 1 });
    // Set 3 after a hold of 54 s and one ended 3 s in: the goal is set from the 54 s, named as such.
    element.set = currentSet({ setNumber: 3 });
    element.planned = { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 59, restS: 60 } };
    element.goalFrom = { heldS: 54, today: true, shortHoldSince: true };
    await element.updateComplete;
    expect(why()).toBe('Goal: 5 s past your hold of 54 s');
    element.set = currentSet({ setNumber: 1 });
    element.planned = { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 53, restS: 60 } };
    element.goalFrom = { heldS: 48, today: false, shortHoldSince: false };
    await element.updateComplete;
    expect(why()).toBe('Goal: 5 s past your first plank last time');
    element.goalFrom = null;
    await element.updateComplete;
    expect(why()).toBeNull();
  });

  it("keeps the ring's lines inside it with a plank's goal moved from the last hold, on a phone", async () => {
    const restore = await layOutAsTheApp(360, 640);
    try {
      const element = await mount({
        planned: { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 53, restS: 60 } },
        set: currentSet({ setNumber: 2, holdStartMs: 2000 }),
        goalFrom: { heldS: 48, today: true, shortHoldSince: false },
        nowMs: 12_000,
      });
      expect(linesPastTheRing(element)).toEqual([]);
    } finally {
      await restore();
    }
  });

  it("sends +1 and −1 corrections and tells which side is next in the bird dog, in its voice's terms", async () => {
    const element = await mount({
      planned: { exercise: exerciseById('bird-dog'), dosage: { sets: 1, target: 20, restS: 45 } },
      set: currentSet({ count: 3 }),
    });
    await expect.element(page.getByText('Next: left arm')).toBeVisible();
    await expect.element(page.getByText('of 10 each side')).toBeVisible();
    const deltas: number[] = [];
    element.addEventListener('bb-adjust', (event) => deltas.push(event.detail.delta));
    // Named as in the rest after the set: what one more or one less is of.
    await page.getByRole('button', { name: '+1 rep', exact: true }).click();
    await page.getByRole('button', { name: '−1 rep', exact: true }).click();
    expect(deltas).toEqual([1, -1]);
  });

  it("counts a bird dog set in its ring as the voice does, the last arm's reps of so many each side", async () => {
    const element = await mount({
      planned: { exercise: exerciseById('bird-dog'), dosage: { sets: 1, target: 20, restS: 45 } },
      set: currentSet({ count: 14 }),
    });
    // The voice has just said "Left, seven": "14" read from the mat against "10 each side" looks
    // like a set gone past its end.
    const face = () =>
      element.shadowRoot!.querySelector('bb-progress-ring')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(face()).toBe('7 of 10 each side left arm');
    const bar = page.getByRole('progressbar', { name: 'Reps' });
    await expect.element(bar).toHaveAttribute('aria-valuetext', '7 of 10 each side, left arm');
    // The ring fills with the set's every rep, the right's seventh and the left's alike.
    await expect.element(bar).toHaveAttribute('aria-valuenow', '14');
    await expect.element(bar).toHaveAttribute('aria-valuemax', '20');
    element.set = { ...element.set, count: 15 };
    await expect.poll(face).toBe('8 of 10 each side right arm');
    await expect.element(page.getByText('Next: left arm')).toBeVisible();
    // Nothing counted yet: no arm has done a rep.
    element.set = { ...element.set, count: 0 };
    await expect.poll(face).toBe('0 of 10 each side');
    await expect.element(bar).toHaveAttribute('aria-valuetext', '0 of 10 each side');
  });

  it('offers no −1 before anything is counted, as the rest does', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 0 }),
    });
    await expect.element(page.getByRole('button', { name: '−1' })).toBeDisabled();
    await expect.element(page.getByRole('button', { name: '+1' })).toBeEnabled();
    element.set = { ...element.set, count: 1 };
    await expect.element(page.getByRole('button', { name: '−1' })).toBeEnabled();
  });

  it('shows an odd bird dog set as the reps on each side, not half reps', async () => {
    await mount({
      planned: { exercise: exerciseById('bird-dog'), dosage: { sets: 1, target: 15, restS: 45 } },
      set: currentSet({ count: 0 }),
    });
    await expect.element(page.getByText('Next: right arm')).toBeVisible();
    await expect.element(page.getByText('of 8 right, 7 left')).toBeVisible();
    await expect.element(page.getByText('7.5 each side')).not.toBeInTheDocument();
  });

  it('says a target of one in the singular, "of 1 rep"', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 1, target: 1, restS: 45 } },
      set: currentSet({ count: 0 }),
    });
    expect(element.shadowRoot!.querySelector('.unit')?.textContent).toBe('of 1 rep');
    await expect
      .element(page.getByRole('progressbar', { name: 'Reps' }))
      .toHaveAttribute('aria-valuetext', '0 of 1 rep');
  });

  it('offers Resume instead of Pause while paused, keeping the target in view, and says why', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 4 }),
      paused: true,
    });
    expect(element.shadowRoot!.querySelector('.unit')?.textContent).toBe('of 10 reps');
    const paused = element.shadowRoot!.querySelector('.paused')!;
    expect(paused.textContent).toBe('Paused');
    // Readable from the mat: larger than the words under the count.
    const size = (e: Element) => Number.parseFloat(getComputedStyle(e).fontSize);
    expect(size(paused)).toBeGreaterThanOrEqual(1.4 * size(element.shadowRoot!.querySelector('.unit')!));
    expect(size(paused)).toBeGreaterThanOrEqual(24);
    let resumed = 0;
    element.addEventListener('bb-resume', () => resumed++);
    await page.getByRole('button', { name: 'Resume' }).click();
    expect(resumed).toBe(1);
    expect(page.getByRole('button', { name: 'Pause' }).elements()).toHaveLength(0);
    // Paused by the app for a device: why, on screen.
    element.pauseReason = 'connection';
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.pause-reason')?.textContent).toBe('connection lost');
  });

  it('tells a screen reader its ring is paused, where "Paused" on it is the eye\'s alone', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 5 }),
      paused: true,
    });
    // Chromium gives a screen reader a progress bar's name and number, and not its aria-valuetext.
    await expect.poll(() => namesOfRole('progressbar')).toEqual(['Reps, paused']);
    element.pauseReason = 'connection';
    await expect.poll(() => namesOfRole('progressbar')).toEqual(['Reps, paused: connection lost']);
    element.paused = false;
    element.pauseReason = null;
    await expect.poll(() => namesOfRole('progressbar')).toEqual(['Reps']);
    element.planned = { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } };
    element.set = currentSet({ holdStartMs: 0 });
    element.paused = true;
    await expect.poll(() => namesOfRole('progressbar')).toEqual(['Hold time, paused']);
  });

  it('takes no tap on Pause as a pause just after it was Resume: the tap was meant for Resume', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 4 }),
      paused: true,
    });
    let paused = 0;
    element.addEventListener('bb-pause', () => paused++);
    // The strap came back and the app resumed as the finger came down on Resume.
    element.paused = false;
    await element.updateComplete;
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(paused).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 900));
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(paused).toBe(1);
  });

  it.each([
    [360, 640],
    [180, 320],
  ] as const)(
    'turns Pause into Resume in place before the set begins at %i × %i, the other buttons where they were',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        const view = await mount({
          planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
          set: currentSet({ waiting: true, wrongPosture: null }),
        });
        const root = view.shadowRoot!;
        const named = (b: HTMLButtonElement) => b.ariaLabel ?? b.textContent?.trim();
        // Boxes in the page, not the window: at 180 × 320 the buttons lie under its edge.
        const boxOf = (b: Element) => {
          const box = b.getBoundingClientRect();
          return { left: box.left, right: box.right, top: box.top + scrollY, bottom: box.bottom + scrollY };
        };
        const tappedAt = ([x, y]: readonly [number, number]) => {
          const hit = [...root.querySelectorAll('button')].find((b) => {
            const box = boxOf(b);
            return box.left <= x && x <= box.right && box.top <= y && y <= box.bottom;
          });
          return hit ? named(hit) : null;
        };
        const places = [...root.querySelectorAll('button')].map((b) => {
          const box = boxOf(b);
          return { name: named(b), at: [(box.left + box.right) / 2, (box.top + box.bottom) / 2] as const };
        });
        expect(places.map((p) => p.name)).toContain('Pause');
        view.paused = true;
        await view.updateComplete;
        // At 360 × 640 Start the set went and the big "Paused" took one line of the position's two:
        // Resume came up 38 px and to the left, and Skip set over the upper left of where Pause was.
        for (const { name, at } of places)
          expect(tappedAt(at), `${name} at ${at.map(Math.round).join(', ')}`).toBe(
            name === 'Pause' ? 'Resume' : name,
          );
      });
    },
  );

  it('before the set begins: the position to take, what is wrong with the present one, and a way to start', async () => {
    const view = await mount({
      planned: { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 45 } },
      set: currentSet({ waiting: true, wrongPosture: null }),
    });
    await expect.element(page.getByText('Lie on your back to start')).toBeVisible();
    await expect.element(page.getByText(/starts by itself/)).toBeVisible();
    expect(view.renderRoot.querySelector('[role=progressbar]')).toBeNull();
    view.set = currentSet({ waiting: true, wrongPosture: 'face-down' });
    await view.updateComplete;
    await expect.element(page.getByText('You seem to be face down. Lie on your back.')).toBeVisible();
    let begun = 0;
    view.addEventListener('bb-begin-set', () => begun++);
    await page.getByRole('button', { name: 'Start the set' }).click();
    expect(begun).toBe(1);
    view.paused = true;
    await view.updateComplete;
    expect(view.shadowRoot!.querySelector('.prompt')?.textContent).toBe('Paused');
    await expect.element(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  });

  // "You seem to be on your back. Lie face down.", framed, in the place of the line under the position
  // took Start the set, Pause and Skip set down 30 px at 360 × 640 and 33 px at 180 × 320, and the
  // heading up 22 px on a laptop and the position 15 px on a phone on its side, as the person turned.
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'says what is wrong with the position taken at %i × %i in the room kept for it, every button, the heading and the position where they were',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        const { view, screen, before, showsInPlace, roomUnderThePosition } =
          await aSupermanSetWaitingForItsPosition();
        for (const posture of ['face-up', 'upright', 'side'] as const) {
          const wrong = page.getByText(/^You seem to be .*\. Lie face down\.$/);
          await showsInPlace(currentSet({ waiting: true, wrongPosture: posture }), wrong);
          // Whole inside its room, over neither the position nor the buttons.
          const room = roomUnderThePosition();
          const box = wrong.element().getBoundingClientRect();
          expect(box.top, posture).toBeGreaterThanOrEqual(room.top);
          expect(box.bottom, posture).toBeLessThanOrEqual(room.bottom);
        }
        view.set = currentSet({ waiting: true, wrongPosture: null });
        await expect.element(page.getByText(/starts by itself/)).toBeVisible();
        expect(screen()).toEqual(before);
      });
    },
  );

  // Said again 20 s on to a person still out of position, "Already in position? Tap Start the set."
  // was the voice's alone: with the sound off, nothing on screen said that the button was the way on.
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'shows the way on the voice adds to a wrong position said again at %i × %i, in the room kept under the position, every button, the heading and the position where they were',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        const { showsInPlace, roomUnderThePosition } = await aSupermanSetWaitingForItsPosition();
        const first = page.getByText('You seem to be on your back. Lie face down.', { exact: true });
        await showsInPlace(
          currentSet({ waiting: true, wrongPosture: 'face-up', warnedMs: 0, warnedTimes: 1 }),
          first,
        );
        const firstSize = Number(getComputedStyle(first.element()).zoom);
        // Where to be, the warning's second sentence, is the position to take above it.
        const said = page.getByText('You seem to be on your back. Already in position? Tap Start the set.');
        await showsInPlace(
          currentSet({ waiting: true, wrongPosture: 'face-up', warnedMs: 20_000, warnedTimes: 2 }),
          said,
        );
        const room = roomUnderThePosition();
        const box = said.element().getBoundingClientRect();
        expect(box.top).toBeGreaterThanOrEqual(room.top - 0.5);
        expect(box.bottom).toBeLessThanOrEqual(room.bottom + 0.5);
        // No smaller than the warning said the first time, which the room was made for.
        expect(Number(getComputedStyle(said.element()).zoom)).toBeGreaterThanOrEqual(firstSize);
      });
    },
  );

  // Under the set's number a device gone on without took the heading up and every button down 11.5 px
  // on a phone on its side and 18 px on a laptop, Skip set, Mute and Finish down 69 px at 180 × 320;
  // "Heart-rate strap reconnecting: keep going", on two lines, moved the count 23 px at 360 × 640;
  // a set waiting for its position had no room for either; and two devices away at once took −1 / +1,
  // Skip set, Mute and Finish down 21 px at 180 × 320.
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    "says a device gone on without at %i × %i in the room kept under the set's number, the heading, the count and every button where they were",
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        for (const set of [currentSet({ count: 3 }), currentSet({ waiting: true, wrongPosture: null })]) {
          const view = await mountAtTheMainsHeight({
            planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
            set,
          });
          await view.updateComplete;
          const root = view.shadowRoot!;
          const screen = boxesOf(view, 'button, h2, bb-progress-ring, .face, .prompt', (e) => e.localName);
          await new Promise(requestAnimationFrame);
          const before = screen();
          for (const lines of DEVICES_GONE_ON_WITHOUT) {
            const what = `${lines.join(' + ')}, ${set.waiting ? 'waiting' : 'under way'}`;
            view.goingOnWithout = lines;
            await expect.element(page.getByText(lines[0])).toBeVisible();
            await expect.poll(screen, { message: what }).toEqual(before);
            const room = root.querySelector('.away-lines')!.getBoundingClientRect();
            for (const line of root.querySelectorAll('.meta .away')) {
              const words = line.getBoundingClientRect();
              expect(words.top, what).toBeGreaterThanOrEqual(room.top - 0.5);
              expect(words.bottom, what).toBeLessThanOrEqual(room.bottom + 0.5);
            }
            view.goingOnWithout = [];
            await expect.element(page.getByText(lines[0])).not.toBeInTheDocument();
            expect(screen(), `${what} gone`).toEqual(before);
          }
          view.remove();
        }
      });
    },
  );

  // With no rest before it, the set just done's −1 / +1 went at this set's first count: every button
  // under them came up 26 px at 360 × 640 and 212 px at 180 × 320, and beside the ring the buttons
  // came up and the heading down 69 and 39 px on a phone on its side, 59 px each on a laptop.
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    "keeps the room of the set just done's −1 / +1 at %i × %i once this set counts, the heading, the count and every button where they were",
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        const view = await mountAtTheMainsHeight({
          planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 0 } },
          set: currentSet({ setNumber: 2, noRestBefore: true }),
          lastSet: supermanSet({ count: 9, endedBy: 'stopped' }),
        });
        await expect.element(page.getByRole('group', { name: 'Last set' })).toBeVisible();
        const root = view.shadowRoot!;
        const screen = boxesOf(view, '.controls > button, h2, bb-progress-ring, .face', (e) =>
          e.matches('button, h2') ? e.textContent?.trim() : e.className,
        );
        const before = screen();
        view.set = currentSet({ setNumber: 2, noRestBefore: true, count: 1 });
        view.lastSet = null;
        await expect.element(page.getByRole('group', { name: 'Last set' })).not.toBeInTheDocument();
        // Nothing of it left to tap or to read: the set it put right is done with.
        for (const row of root.querySelectorAll<HTMLElement>('.last-set')) {
          expect(row.inert).toBe(true);
          expect(getComputedStyle(row).visibility).toBe('hidden');
        }
        await expect.poll(screen).toEqual(before);
        // The next set is a set anew: its own room, as any set without a set to put right has.
        view.set = currentSet({ setNumber: 3, noRestBefore: false });
        await view.updateComplete;
        expect(root.querySelector('.last-set')).toBeNull();
      });
    },
  );

  // End hold, 12–15 px narrower than Start hold, moved Pause beside it 6 px at 360 × 640 and 7 px on a
  // laptop as the hold began, and on a phone on its side took Skip set up onto their row, 199 px off.
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'turns Start hold into End hold in place as the hold begins at %i × %i, every other button, the heading and the ring where they were',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        for (const byHand of [false, true]) {
          const view = await mountAtTheMainsHeight({
            planned: { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } },
            set: currentSet({ holdStartMs: null }),
            nowMs: 2000,
            byHand,
          });
          await expect.element(page.getByRole('button', { name: 'Start hold' })).toBeVisible();
          const screen = boxesOf(view, 'button, h2, bb-progress-ring', (e) => e.localName);
          const before = screen();
          view.set = currentSet({ holdStartMs: 2000 });
          view.nowMs = 5000;
          await expect.element(page.getByRole('button', { name: 'End hold' })).toBeVisible();
          await expect
            .poll(screen, { message: byHand ? 'timed by hand' : 'timed by the strap' })
            .toEqual(before);
          view.remove();
        }
      });
    },
  );

  // Seen in position, the person heard the set's first line for 10.9 s under "Lie face down to start"
  // in the big letters read from the mat, as if not yet seen there, and "In position" in small ones.
  it('in position before the voice has said "Go": says so in the big letters, with the voice\'s "Go" to wait for, and the ring once it is heard', async () => {
    const view = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ waiting: false, startedMs: 5000, startSeen: 'position' }),
    });
    const prompt = () => view.shadowRoot!.querySelector('.prompt')?.textContent?.trim();
    const waitingLine = () => view.shadowRoot!.querySelector('.waiting')?.textContent?.trim();
    expect(prompt()).toBe('In position');
    expect(waitingLine()).toBe('Stay there until the voice says “Go”.');
    expect(view.renderRoot.textContent).not.toContain('Lie face down to start');
    expect(view.renderRoot.querySelector('[role=progressbar]')).toBeNull();
    expect(view.hasAttribute('waiting')).toBe(true);
    let begun = 0;
    view.addEventListener('bb-begin-set', () => begun++);
    await page.getByRole('button', { name: 'Start the set' }).click();
    expect(begun).toBe(1);
    view.set = currentSet({ waiting: false, startedMs: 5000, goHeardMs: 16_000 });
    await view.updateComplete;
    await expect
      .element(page.getByRole('progressbar', { name: 'Reps' }))
      .toHaveAttribute('aria-valuenow', '0');
    expect(view.hasAttribute('waiting')).toBe(false);
  });

  it('before "Go", claims no more than the device saw: a still wrist is "Ready", and nothing seen no position at all', async () => {
    // A watch sees the wrist still, not where the person lies: its "Go" is "Ready. Go.".
    const view = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ waiting: false, startedMs: 5000, startSeen: 'stillness' }),
    });
    const prompt = () => view.shadowRoot!.querySelector('.prompt')?.textContent?.trim();
    const waitingLine = () => view.shadowRoot!.querySelector('.waiting')?.textContent?.trim();
    expect(prompt()).toBe('Ready');
    expect(waitingLine()).toBe('Stay there until the voice says “Go”.');
    // Begun as the strap turned heart-rate-only while the person got into position: nothing saw them,
    // who may not be there yet.
    view.set = currentSet({ waiting: false, startedMs: 5000 });
    view.byHand = true;
    await view.updateComplete;
    expect(prompt()).toBe('Lie face down to start');
    expect(waitingLine()).toBe('Start when the voice says “Go”.');
    expect(view.renderRoot.textContent).not.toMatch(/in position/i);
    let begun = 0;
    view.addEventListener('bb-begin-set', () => begun++);
    await page.getByRole('button', { name: 'Start the set' }).click();
    expect(begun).toBe(1);
    // A hold nothing sees has no "Go": the voice asks for Start hold, which follows once it is said.
    view.planned = { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } };
    await view.updateComplete;
    expect(waitingLine()).toBe('Listen, then tap Start hold.');
  });

  it('while paused before the set begins, does not promise that it starts by itself', async () => {
    const view = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ waiting: true, wrongPosture: null }),
      paused: true,
    });
    expect(view.shadowRoot!.querySelector('.prompt')?.textContent).toBe('Paused');
    expect(view.renderRoot.textContent).not.toMatch(/starts by itself/);
    await expect
      .element(page.getByText('Resume, and the set starts once you are in position and still.'))
      .toBeVisible();
    // One way on, not two green buttons of which one would start the set paused.
    await expect.element(page.getByRole('button', { name: 'Resume' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Start the set' })).toBeDisabled();
  });

  // Finish's question paused the set to ask, and the line over its End session and Keep going said
  // "Resume, and the set starts once you are in position and still.", of a button not on the screen.
  it('while Finish asks on a set still waiting, says what Keep going does, with no word of a Resume not there', async () => {
    const view = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ waiting: true, wrongPosture: null }),
    });
    await finishAskedOfAViewPausedAsTheAppDoes(view);
    await expect
      .element(page.getByText('Keep going, and the set starts once you are in position and still.'))
      .toBeVisible();
    expect(view.renderRoot.textContent).not.toMatch(/Resume/);
    await page.getByRole('button', { name: 'Keep going' }).click();
    await expect
      .element(page.getByText('The set starts by itself once you are in position and still.'))
      .toBeVisible();
    // Paused by the person before Finish: Keep going leaves it paused, with Resume to go on.
    view.paused = true;
    await view.updateComplete;
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect.element(page.getByRole('button', { name: 'Keep going' })).toBeVisible();
    await expect
      .element(
        page.getByText('Keep going, then Resume, and the set starts once you are in position and still.'),
      )
      .toBeVisible();
  });

  it('while paused with the device out of reach, says what Resume does, as the voice does: no position can be seen', async () => {
    await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ waiting: true, wrongPosture: null }),
      paused: true,
      pauseReason: 'lost',
      motionAway: true,
    });
    await expect
      .element(page.getByText('Tap Reconnect, or Resume and count with +1 until the device is back.'))
      .toBeVisible();
    expect(page.getByText(/once you are in position/).elements()).toHaveLength(0);
  });

  // Finish's question over a set paused with its device out of reach said "Tap Reconnect, or Resume and
  // count with +1 …" of a Resume the question had taken off the screen.
  it('while Finish asks on a set paused with its device out of reach, names Keep going, not a Resume not there', async () => {
    const view = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ waiting: true, wrongPosture: null }),
      paused: true,
      pauseReason: 'lost',
      motionAway: true,
    });
    await finishAskedOverResumeThenKeepGoing(
      'Tap Reconnect, or Keep going, then Resume, and count with +1 until the device is back.',
      'Tap Reconnect, or Resume and count with +1 until the device is back.',
    );
    // Not paused when Finish was tapped: the question pauses the set, and Keep going goes on by hand.
    view.paused = false;
    view.pauseReason = null;
    view.addEventListener('bb-pause', () => {
      view.paused = true;
    });
    await view.updateComplete;
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect
      .element(page.getByText('Tap Reconnect, or Keep going and count with +1 until the device is back.'))
      .toBeVisible();
    expect(view.renderRoot.textContent).not.toMatch(/Resume/);
  });

  it('while paused with the device out of reach before a hold, says Resume goes on with Start hold, not +1', async () => {
    await mount({
      planned: { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } },
      set: currentSet({ waiting: true, wrongPosture: null }),
      paused: true,
      pauseReason: 'lost',
      motionAway: true,
    });
    await expect
      .element(page.getByText('Tap Reconnect, or Resume and tap Start hold when you are in position.'))
      .toBeVisible();
    expect(page.getByText(/\+1/).elements()).toHaveLength(0);
  });

  // Finish's question over a set under way with its device out of reach said "Device out of reach:
  // count with +1" of a +1 the question had taken off the screen.
  it('while Finish asks on a set under way with its device out of reach, names Keep going before the +1 it hides', async () => {
    const view = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 2 }),
      motionAway: true,
    });
    await finishAskedOfAViewPausedAsTheAppDoes(view);
    expect(page.getByRole('button', { name: '+1 reps' }).elements()).toHaveLength(0);
    await expect.element(page.getByText('Device out of reach: Keep going, then count with +1')).toBeVisible();
    await page.getByRole('button', { name: 'Keep going' }).click();
    await expect.element(page.getByText('Device out of reach: count with +1')).toBeVisible();
  });

  it('says under the set, while its device is out of reach, how the person goes on by hand', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 2 }),
      motionAway: true,
    });
    const away = () => element.shadowRoot!.querySelector('.away')?.textContent;
    expect(away()).toBe('Device out of reach: count with +1');
    await expect.element(page.getByText('Device out of reach: count with +1')).toBeVisible();
    // Read from the mat as the other hints are, and no larger: the count stays what the eye finds.
    const meta = element.shadowRoot!.querySelector('.meta')!;
    expect(getComputedStyle(element.shadowRoot!.querySelector('.away')!).fontSize).toBe(
      getComputedStyle(meta).fontSize,
    );
    element.planned = { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } };
    element.set = currentSet({ holdStartMs: 1000 });
    element.nowMs = 5000;
    await element.updateComplete;
    expect(away()).toBe('Device out of reach: tap End hold when you let go');
    element.motionAway = false;
    await element.updateComplete;
    expect(away()).toBeUndefined();
  });

  it('says nothing of counting by hand while the set is paused for a strap the app still reaches for', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 2 }),
      paused: true,
      pauseReason: 'connection',
      motionAway: true,
    });
    const away = () => element.shadowRoot!.querySelector('.away')?.textContent;
    expect(element.shadowRoot!.querySelector('.pause-reason')?.textContent).toBe('connection lost');
    expect(away()).toBeUndefined();
    expect(element.renderRoot.textContent).not.toMatch(/count with \+1/);
    // Given up for lost, Resume goes on by hand, as the voice said: the line says how.
    element.pauseReason = 'lost';
    await element.updateComplete;
    expect(away()).toBe('Device out of reach: count with +1');
    // Resumed by the person while the strap is still away: the set is counted by hand.
    element.pauseReason = null;
    element.paused = false;
    await element.updateComplete;
    expect(away()).toBe('Device out of reach: count with +1');
  });

  it('shows a form warning large over the heading while it applies, leaving the count where it was', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 4 }),
      nowMs: 6000,
    });
    const face = () => element.shadowRoot!.querySelector('.face')!.getBoundingClientRect();
    const before = face();
    element.set = currentSet({
      count: 4,
      formIssues: ['over-extension'],
      formWarning: { issue: 'over-extension', atMs: 5000 },
    });
    await element.updateComplete;
    const warning = element.shadowRoot!.querySelector<HTMLElement>('.notice.form')!;
    expect(warning.textContent).toBe('Keep your lower back long');
    await expect.element(warning).toBeVisible();
    expect(Number.parseFloat(getComputedStyle(warning).fontSize)).toBeGreaterThanOrEqual(24);
    expect(face().toJSON()).toEqual(before.toJSON());
    element.nowMs = 15_000;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.notice.form')).toBeNull();
    expect(face().toJSON()).toEqual(before.toJSON());
  });

  it('says why the set came early when the heart rate cut the rest short', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ setNumber: 2, startedMs: 60_000, afterRecovery: true }),
      nowMs: 61_000,
    });
    await expect.element(page.getByText('Heart rate recovered: next set')).toBeVisible();
    element.set = currentSet({ setNumber: 2, startedMs: 60_000, afterRecovery: true, count: 1 });
    await element.updateComplete;
    await expect.element(page.getByText('Heart rate recovered: next set')).not.toBeInTheDocument();
    element.set = currentSet({ setNumber: 2, startedMs: 60_000, afterRecovery: true, waiting: true });
    await element.updateComplete;
    await expect.element(page.getByText('Heart rate recovered: next set')).toBeVisible();
  });

  it('asks before Finish ends the session, and the question can be taken back', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 4 }),
      setsKept: { done: 3, cutShort: 0, skipped: 0 },
    });
    let finished = 0;
    element.addEventListener('bb-finish', () => finished++);
    await page.getByRole('button', { name: 'Finish' }).click();
    const question = page.getByRole('group', { name: 'End the session? 3 sets done' });
    await expect.element(question).toBeVisible();
    // Focus goes to the answer that changes nothing.
    await expect.poll(() => element.shadowRoot!.activeElement?.textContent).toBe('Keep going');
    await page.getByRole('button', { name: 'Keep going' }).click();
    await expect.element(question).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    expect(finished).toBe(0);
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('button', { name: 'End session' }).click();
    expect(finished).toBe(1);
  });

  it('says how many of the sets Finish would keep were skipped, as the summary will', async () => {
    await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 4 }),
      setsKept: { done: 2, cutShort: 0, skipped: 1 },
    });
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect
      .element(page.getByRole('group', { name: 'End the session? 2 sets done, 1 skipped' }))
      .toBeVisible();
  });

  // Skipped partway, with something counted: partly done, and not called done.
  it('says how many of the sets Finish would keep were cut short, as the voice will', async () => {
    await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 4 }),
      setsKept: { done: 1, cutShort: 2, skipped: 1 },
    });
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect
      .element(page.getByRole('group', { name: 'End the session? 1 set done, 2 cut short, 1 skipped' }))
      .toBeVisible();
  });

  it('says before the first set is done that the session would not be kept, as the summary will', async () => {
    await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ waiting: true }),
      setsKept: { done: 0, cutShort: 0, skipped: 0 },
    });
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect
      .element(page.getByRole('group', { name: 'End the session? No sets done, so it will not be kept' }))
      .toBeVisible();
  });

  it('says so too when every set so far was skipped before it counted anything', async () => {
    await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ waiting: true }),
      setsKept: { done: 0, cutShort: 0, skipped: 2 },
    });
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect
      .element(
        page.getByRole('group', {
          name: 'End the session? No sets done (2 skipped), so it will not be kept',
        }),
      )
      .toBeVisible();
  });
});

describe('bb-set-view on a laptop', () => {
  beforeAll(async () => {
    await page.viewport(1366, 768);
  });
  afterAll(async () => {
    await page.viewport(414, 896);
  });

  /** The notice lies over the right-hand column, centred on it and no wider than it. */
  async function expectNoticeOverTheColumn(element: BbSetView, notice: string) {
    const root = element.shadowRoot!;
    const box = root.querySelector(notice)!.getBoundingClientRect();
    const column = root.querySelector('.controls')!.getBoundingClientRect();
    const name = root.querySelector('h2')!.getBoundingClientRect();
    expect(box.width).toBeGreaterThan(0);
    expect(Math.abs(box.left + box.width / 2 - (column.left + column.width / 2))).toBeLessThanOrEqual(2);
    expect(box.right).toBeLessThan(window.innerWidth);
    expect(box.left).toBeGreaterThan(root.querySelector('bb-progress-ring')!.getBoundingClientRect().right);
    // It covers the exercise's name, as on a phone.
    expect(box.top).toBeLessThanOrEqual(name.top);
    expect(box.bottom).toBeGreaterThanOrEqual(name.bottom);
  }

  it('keeps the ring beside the words from one tick to the next of a set that did not wait for a position', async () => {
    // A device that cannot tell posture starts the set at once: its set has no waiting flag at all.
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 2 }),
      nowMs: 1000,
    });
    const columns = () => getComputedStyle(element).gridTemplateColumns.split(' ').length;
    for (const nowMs of [1100, 1200, 1300]) {
      element.nowMs = nowMs;
      await element.updateComplete;
      expect(element.hasAttribute('waiting')).toBe(false);
      expect(columns()).toBe(2);
    }
  });

  // Beside the ring the column of words kept no line for it: the line coming took the exercise's name
  // up and every button down 18 px on a laptop.
  it("keeps a line's room under the set's number beside the ring, where a line coming moves neither the count nor a button", async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 2 }),
    });
    const root = element.shadowRoot!;
    const meta = root.querySelector('.meta')!;
    const screen = () =>
      [...root.querySelectorAll('h2, .face .count, button')].map((e) => {
        const b = e.getBoundingClientRect();
        return `${e.localName}: ${[b.left, b.top, b.width, b.height].join(' ')}`;
      });
    const before = screen();
    const metaHeight = meta.getBoundingClientRect().height;
    element.goingOnWithout = ['Strap reconnecting: keep going'];
    await expect.element(page.getByText('Strap reconnecting: keep going')).toBeVisible();
    const line = root.querySelector('.meta .away')!.getBoundingClientRect();
    expect(line.bottom).toBeLessThanOrEqual(meta.getBoundingClientRect().bottom);
    expect(meta.getBoundingClientRect().height).toBe(metaHeight);
    expect(screen()).toEqual(before);
  });

  it('lays why the set came early over the name and set, centred on the column beside the ring', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } },
      set: currentSet({ setNumber: 2, startedMs: 60_000, afterRecovery: true }),
      nowMs: 61_000,
    });
    await expectNoticeOverTheColumn(element, '.notice');
  });

  it('lays a form warning over the name and set, centred on the column beside the ring', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('bird-dog'), dosage: { sets: 1, target: 20, restS: 45 } },
      set: currentSet({
        count: 4,
        formIssues: ['tabletop-lost'],
        formWarning: { issue: 'tabletop-lost', atMs: 5000 },
      }),
      nowMs: 6000,
    });
    await expectNoticeOverTheColumn(element, '.notice.form');
  });
});

/** The app's header above the set, `heightPx` tall, as on a phone. */
function headerAbove(heightPx: number): void {
  const header = document.createElement('div');
  header.style.height = `${heightPx}px`;
  document.body.prepend(header);
}

/** "How to do it" tapped open: its first step comes fully into the window. */
async function expectStepsInViewOnceOpened(element: BbSetView): Promise<void> {
  await page.getByText('How to do it').click();
  const firstStep = element.shadowRoot!.querySelector<HTMLElement>('details ol li')!;
  await expect
    .poll(() => {
      const box = firstStep.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    })
    .toBe(true);
}

describe('bb-set-view on a phone', () => {
  beforeAll(async () => {
    await page.viewport(360, 640);
  });
  afterAll(async () => {
    await page.viewport(414, 896);
  });

  it('marks "How to do it" as something that opens, and shows when it is open', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({}),
    });
    const summary = element.shadowRoot!.querySelector('summary')!;
    // The arrow is for the eye: a screen reader says that it opens, and whether it is open, itself,
    // and read, the arrow came before the words, "▸ How to do it".
    expect(await rolesNamed('How to do it')).toEqual(['DisclosureTriangle', 'StaticText']);
    expect(getComputedStyle(summary, '::before').content).toBe('"▸" / ""');
    summary.click();
    await expect.poll(() => getComputedStyle(summary, '::before').content).toBe('"▾" / ""');
  });

  it("says under the set's name a strap out of reach that the set goes on without, the count staying where it is", async () => {
    const element = await mount({
      planned: { exercise: exerciseById('lat-pulldown'), dosage: { sets: 3, target: 12, restS: 60 } },
      set: currentSet({ count: 3 }),
    });
    // The set takes the height left under the header, as in the app (98 px with one device there).
    headerAbove(98);
    element.style.height = 'calc(100dvh - 98px)';
    await element.updateComplete;
    const root = element.shadowRoot!;
    const countBox = () => {
      const { top, bottom, left, right } = root.querySelector('.face .count')!.getBoundingClientRect();
      return { top, bottom, left, right };
    };
    const before = countBox();
    for (const line of ['Strap reconnecting: keep going', 'Heart-rate strap reconnecting: keep going']) {
      element.goingOnWithout = [line];
      await element.updateComplete;
      await expect.element(page.getByText(line)).toBeVisible();
      // Read from the floor, the count neither jumps nor shrinks as the line comes or goes.
      expect(countBox(), line).toEqual(before);
      expect(countBox().bottom).toBeLessThan(root.querySelector('.controls')!.getBoundingClientRect().top);
      element.goingOnWithout = [];
      await element.updateComplete;
      expect(countBox(), `${line} gone`).toEqual(before);
    }
    // The watch that counts it out of reach in turn: the line that says to count with +1, and the set
    // laid out as one counted by hand, +1 its main button (see the test at 180×320), the count over it.
    element.motionAway = true;
    element.countedOn = 'wrist';
    await element.updateComplete;
    await expect.element(page.getByText('Watch out of reach: count with +1')).toBeVisible();
    const plus = page.getByRole('button', { name: '+1 rep' }).element();
    expect(plus.classList.contains('tap-by-hand')).toBe(true);
    expect(countBox().bottom).toBeLessThan(plus.getBoundingClientRect().top);
  });

  it('brings "How to do it" into view when it is opened below the fold', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('bird-dog'), dosage: { sets: 1, target: 20, restS: 45 } },
      set: currentSet({ count: 3 }),
    });
    headerAbove(240);
    await expectStepsInViewOnceOpened(element);
  });

  it('brings "How to do it" into view when it sits on screen but opens below the fold', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('bird-dog'), dosage: { sets: 1, target: 20, restS: 45 } },
      set: currentSet({ count: 3 }),
    });
    // A header just tall enough to leave "How to do it" on the screen's last line, as on a phone.
    const details = element.shadowRoot!.querySelector('details')!;
    headerAbove(Math.max(0, window.innerHeight - details.getBoundingClientRect().bottom - 8));
    expect(details.getBoundingClientRect().bottom).toBeLessThanOrEqual(window.innerHeight);
    await expectStepsInViewOnceOpened(element);
  });
});

describe('bb-set-view on a phone on its side', () => {
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await layOutAsTheApp(640, 360);
  });
  afterAll(async () => {
    await restore();
  });

  it('opens "How to do it" below the set\'s controls, which stay on screen, and the count beside them', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 4 }),
    });
    // The set takes the height left under the header, as in the app.
    headerAbove(56);
    element.style.height = 'calc(100dvh - 56px)';
    await page.getByText('How to do it').click();
    const inView = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    };
    const root = element.shadowRoot!;
    const firstStep = root.querySelector('details ol li')!;
    await expect.poll(() => firstStep.getBoundingClientRect().top < window.innerHeight).toBe(true);
    for (const name of ['Pause', 'Skip set', 'Mute', 'Finish', '+1']) {
      expect(inView(page.getByRole('button', { name }).element()), name).toBe(true);
    }
    expect(inView(root.querySelector('.face .count')!), 'the count').toBe(true);
  });
});

/** The lines in a screen's ring that reach past the inner edge of its circle, by how many pixels. */
function linesPastTheRing(screen: HTMLElement): string[] {
  const ring = screen.shadowRoot!.querySelector('bb-progress-ring')!;
  const circle = ring.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
  const [cx, cy] = [circle.left + circle.width / 2, circle.top + circle.height / 2];
  // The stroke (6 of the viewBox's 100, on a radius of 45) leaves 42 inside it.
  const inner = (circle.width / 100) * 42;
  const past: string[] = [];
  for (const line of ring.children) {
    if (getComputedStyle(line).display === 'none') continue;
    const text = document.createRange();
    text.selectNodeContents(line);
    const box = text.getBoundingClientRect();
    const corners = [box.left, box.right].flatMap((x) => [box.top, box.bottom].map((y) => [x, y]));
    const far = Math.max(...corners.map(([x, y]) => Math.hypot(x - cx, y - cy)));
    if (far > inner) past.push(`${line.textContent} by ${(far - inner).toFixed(1)} px`);
  }
  return past;
}

describe('bb-set-view and bb-rest-view paused for a device on a phone with text at twice its size', () => {
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await layOutAsTheApp(180, 320, '0 0.75rem');
  });
  afterAll(async () => {
    await restore();
  });

  it('keeps "Paused" and why inside the ring, with the count, where the ring is at its smallest', async () => {
    const set = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 4 }),
      paused: true,
      pauseReason: 'lost',
    });
    expect(set.shadowRoot!.querySelector('bb-progress-ring')!.getBoundingClientRect().height).toBeLessThan(
      160,
    );
    expect(set.shadowRoot!.querySelector('.face')?.textContent).toBe('4');
    expect(linesPastTheRing(set)).toEqual([]);
    document.body.replaceChildren();
    const rest = await mountComponent('bb-rest-view', {
      remainingMs: 45_000,
      totalMs: 45_000,
      paused: true,
      pauseReason: 'lost',
    });
    expect(linesPastTheRing(rest)).toEqual([]);
  });
});

describe('bb-set-view counted by a device on a phone with text at twice its size', () => {
  let restore: () => Promise<void>;
  beforeAll(async () => {
    // The app's main pads the set so: 0.75rem above, 1rem each side.
    restore = await layOutAsTheApp(180, 320, '0.75rem 1rem');
  });
  afterAll(async () => {
    await restore();
  });

  /** The app's header in a session at 180×320: the heart rate, and the devices' line on two lines. */
  const SESSION_HEADER_PX = 100;

  const inWindow = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  };

  it('has Pause on screen under the count with no scroll, running, paused and with a strap gone on without', async () => {
    headerAbove(SESSION_HEADER_PX);
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 2 }),
    });
    const root = element.shadowRoot!;
    const count = () => root.querySelector('.face .count')!;
    expect(inWindow(page.getByRole('button', { name: 'Pause' }).element()), 'Pause').toBe(true);
    expect(inWindow(count()), 'the count').toBe(true);

    element.goingOnWithout = ['Heart-rate strap reconnecting: keep going'];
    await element.updateComplete;
    expect(inWindow(page.getByRole('button', { name: 'Pause' }).element()), 'Pause, a strap away').toBe(true);

    element.goingOnWithout = [];
    element.paused = true;
    element.pauseReason = 'lost';
    await element.updateComplete;
    expect(inWindow(page.getByRole('button', { name: 'Resume' }).element()), 'Resume').toBe(true);
    expect(inWindow(count()), 'the count, paused').toBe(true);
    // Still the ring that holds "Paused" and why, with the count, inside it.
    expect(linesPastTheRing(element)).toEqual([]);
  });

  it('has +1 the main button, on screen over Pause, once the device that counts the set is out of reach', async () => {
    headerAbove(SESSION_HEADER_PX);
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 2 }),
      motionAway: true,
    });
    const plus = page.getByRole('button', { name: '+1 rep' }).element();
    const pause = page.getByRole('button', { name: 'Pause' }).element();
    expect(plus.classList.contains('tap-by-hand')).toBe(true);
    expect(inWindow(plus), '+1').toBe(true);
    expect(inWindow(pause), 'Pause').toBe(true);
    expect(plus.getBoundingClientRect().bottom).toBeLessThanOrEqual(pause.getBoundingClientRect().top);

    // Paused, while the app still reaches for it or once it is given up for lost, Resume comes first:
    // +1 as the main button counted into a set that stood paused, to its end into a rest that did not run.
    for (const reason of ['connection', 'lost'] as const) {
      element.paused = true;
      element.pauseReason = reason;
      await element.updateComplete;
      const plusPaused = page.getByRole('button', { name: '+1 rep' }).element();
      expect(plusPaused.classList.contains('tap-by-hand'), reason).toBe(false);
      const resume = page.getByRole('button', { name: 'Resume' }).element();
      expect(inWindow(resume), `Resume, ${reason}`).toBe(true);
      expect(resume.getBoundingClientRect().bottom, reason).toBeLessThanOrEqual(
        plusPaused.getBoundingClientRect().top,
      );
    }
  });

  it.each([
    [
      'a form warning',
      '.notice.form',
      { count: 4, formIssues: ['over-extension'], formWarning: { issue: 'over-extension', atMs: 5000 } },
    ],
    ['why the set came early', '.notice', { setNumber: 2, startedMs: 5000, afterRecovery: true }],
  ] as const)(
    'shows %s in the window, clear of the ring and the buttons, nothing moving',
    async (_, selector, shown) => {
      headerAbove(SESSION_HEADER_PX);
      const element = await mount({
        planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
        set: currentSet({ count: 4 }),
        nowMs: 6000,
      });
      const root = element.shadowRoot!;
      const boxesOf = () =>
        [...root.querySelectorAll('bb-progress-ring, button')].map((e) => {
          const b = e.getBoundingClientRect();
          return `${e.ariaLabel ?? e.localName}: ${[b.left, b.top, b.width, b.height].join(' ')}`;
        });
      const before = boxesOf();
      element.set = currentSet(shown);
      await expect.poll(() => root.querySelector(selector)).not.toBeNull();
      const box = root.querySelector(selector)!.getBoundingClientRect();
      const line = `the notice ${box.left}–${box.right} × ${box.top}–${box.bottom}`;
      expect(inWindow(root.querySelector(selector)!), line).toBe(true);
      const apart = (other: Element) => {
        const b = other.getBoundingClientRect();
        return box.bottom <= b.top || b.bottom <= box.top || box.right <= b.left || b.right <= box.left;
      };
      const ring = root.querySelector('bb-progress-ring')!.getBoundingClientRect();
      expect(
        apart(root.querySelector('bb-progress-ring')!),
        `${line}, the ring ${ring.top}–${ring.bottom}`,
      ).toBe(true);
      const covered = [...root.querySelectorAll('button')].filter((button) => !apart(button));
      expect(
        covered.map((button) => button.ariaLabel ?? button.textContent?.trim()),
        line,
      ).toEqual([]);
      expect(boxesOf()).toEqual(before);
    },
  );

  it('keeps the heart rate on screen as the set begins under the focus the waiting screen had', async () => {
    headerAbove(SESSION_HEADER_PX);
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ waiting: true }),
    });
    // The app focuses a new screen's heading (see focusNewScreen in screen-focus.ts), on a touch screen too.
    element.shadowRoot!.querySelector<HTMLElement>('h2')!.focus({ preventScroll: true });
    element.set = currentSet({ waiting: false, goHeardMs: 1000 });
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement?.textContent).toBe('Superman');
    expect(window.scrollY).toBe(0);
    expect(inWindow(page.getByRole('button', { name: 'Pause' }).element()), 'Pause').toBe(true);
  });
});

describe('bb-set-view and bb-rest-view with a keyboard or a screen reader', () => {
  it('keep the focus on Pause as it turns into Resume and back', async () => {
    const views = [
      await mount({
        planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
        set: currentSet({ count: 4 }),
      }),
      await mountComponent('bb-rest-view', { remainingMs: 30_000, totalMs: 45_000 }),
    ];
    for (const view of views) {
      view.addEventListener('bb-pause', () => (view.paused = true));
      view.addEventListener('bb-resume', () => (view.paused = false));
      const pause = page.elementLocator(view).getByRole('button', { name: 'Pause' });
      await userEvent.click(pause);
      await view.updateComplete;
      expect(view.shadowRoot!.activeElement?.textContent).toBe('Resume');
      await userEvent.keyboard('{Enter}');
      await view.updateComplete;
      expect(view.shadowRoot!.activeElement?.textContent).toBe('Pause');
    }
  });
});

describe('Mute on the set and rest screens', () => {
  const views = async () => [
    await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ waiting: true }),
    }),
    await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 4 }),
    }),
    await mountComponent('bb-rest-view', { remainingMs: 30_000, totalMs: 45_000 }),
  ];

  it('asks for the voice and tones off with one tap, and back on with the next, the setting saying which', async () => {
    for (const view of await views()) {
      const asked: boolean[] = [];
      view.addEventListener('bb-set-muted', (event) => asked.push(event.detail.muted));
      const mute = page.elementLocator(view).getByRole('button', { name: 'Mute' });
      await expect.element(mute).toHaveAttribute('aria-pressed', 'false');
      await userEvent.click(mute);
      expect(asked, view.localName).toEqual([true]);
      // The setting, not the button, says whether the voice is off: it may be changed elsewhere.
      await expect.element(mute).toHaveAttribute('aria-pressed', 'false');
      view.muted = true;
      await expect.element(mute).toHaveAttribute('aria-pressed', 'true');
      await userEvent.click(mute);
      expect(asked, view.localName).toEqual([true, false]);
      view.remove();
    }
  });

  it('shows its state with a crossed speaker and the colours of a warning, and is big enough for a finger', async () => {
    for (const view of await views()) {
      const mute = page.elementLocator(view).getByRole('button', { name: 'Mute' }).element() as HTMLElement;
      const look = () => ({
        crossed: mute.querySelector('svg .crossed') !== null,
        background: getComputedStyle(mute).backgroundColor,
        border: getComputedStyle(mute).borderTopColor,
      });
      const on = look();
      view.muted = true;
      await view.updateComplete;
      const off = look();
      expect(on.crossed).toBe(false);
      expect(off.crossed).toBe(true);
      expect(off.background).not.toBe(on.background);
      expect(off.border).not.toBe(on.border);
      // The picture says Mute to the eye; a screen reader reads its name, and whether it is pressed.
      expect(mute.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
      const box = mute.getBoundingClientRect();
      expect(box.width).toBeGreaterThanOrEqual(48);
      expect(box.height).toBeGreaterThanOrEqual(48);
      view.remove();
    }
  });
});

describe("the pause at the top of a glute bridge's rep on the set's ring, for a person who does not hear the voice", () => {
  const bridge = { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 45 } };
  const superman = { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } };
  /** Where the count and each button are: what must not move as the pause comes and goes. */
  const layout = (element: BbSetView) => {
    const root = element.shadowRoot!;
    const boxes = [root.querySelector('.face .count')!, ...root.querySelectorAll('button')];
    return boxes.map((box) => {
      const { top, left, width, height } = box.getBoundingClientRect();
      // To the pixel: a shorter line beside the count moves it by a rounding's share of one.
      const px = [top, left, width, height].map(Math.round);
      return `${box.textContent?.trim() || box.getAttribute('aria-label')}: ${px.join(' ')}`;
    });
  };
  const ringLines = (element: BbSetView) =>
    [...element.shadowRoot!.querySelectorAll('bb-progress-ring .unit')]
      .filter((line) => getComputedStyle(line).display !== 'none')
      .map((line) => line.textContent);

  for (const [width, height, header] of [
    [360, 640, 98],
    [1366, 768, 72],
    [180, 320, 100],
  ] as const) {
    it(`counts down the seconds held on the ring in place of the target, then says Down, at ${width}×${height}`, async () => {
      const restore = await layOutAsTheApp(width, height, '0.75rem 1rem');
      try {
        headerAbove(header);
        const element = await mount({
          planned: bridge,
          set: currentSet({ count: 4 }),
          nowMs: 11_200,
          muted: true,
        });
        element.style.height = `calc(100dvh - ${header}px)`;
        await element.updateComplete;
        const before = layout(element);
        expect(ringLines(element)).toEqual(['of 15 reps']);
        const lineHeight = () =>
          element.shadowRoot!.querySelector('bb-progress-ring .unit')!.getBoundingClientRect().height;
        const targetHeight = lineHeight();

        // At the top since 10 s on the session's clock, the voice timing three seconds there.
        element.set = currentSet({ count: 4, atTopSinceMs: 10_000 });
        await element.updateComplete;
        expect(ringLines(element)).toEqual(['Hold 2']);
        // Read from the floor: a quarter larger than the target it stands in for at least, inside the ring.
        expect(lineHeight()).toBeGreaterThanOrEqual(1.25 * targetHeight);
        console.log(`${width}×${height}: the target ${targetHeight} px high, the pause ${lineHeight()} px`);
        expect(linesPastTheRing(element)).toEqual([]);
        // The count and the buttons stay where they were.
        expect(layout(element)).toEqual(before);

        element.nowMs = 13_100;
        await element.updateComplete;
        expect(ringLines(element)).toEqual(['Down']);
        expect(linesPastTheRing(element)).toEqual([]);
        expect(layout(element)).toEqual(before);

        // The rep counted: the target again.
        element.set = currentSet({ count: 5, atTopSinceMs: null });
        await element.updateComplete;
        expect(ringLines(element)).toEqual(['of 15 reps']);
      } finally {
        document.body.replaceChildren();
        await restore();
      }
    });
  }

  it('shows nothing of it while the set is paused, nor for an exercise whose pause the voice does not time', async () => {
    const element = await mount({
      planned: bridge,
      set: currentSet({ count: 4, atTopSinceMs: 10_000 }),
      nowMs: 11_200,
      paused: true,
    });
    expect(ringLines(element)).toEqual(['of 15 reps']);
    element.planned = superman;
    element.paused = false;
    await element.updateComplete;
    expect(ringLines(element)).toEqual(['of 10 reps']);
  });
});
