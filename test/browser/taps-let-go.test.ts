// Taps on the set's and the rest's buttons by a finger, just after the button under it changed: a tap
// the screen lets go says so, and End hold tapped as the device begins the hold is taken as the Start
// hold it was meant for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../src/ui/bb-rest-view.ts';
import '../../src/ui/bb-set-view.ts';
import type { BbRestView } from '../../src/ui/bb-rest-view.ts';
import type { BbSetView } from '../../src/ui/bb-set-view.ts';
import { exerciseById } from '../../src/workout/program.ts';
import { currentSet, supermanSet } from '../set-record.ts';
import { inTheAppsMain, mount, PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT } from './mount.ts';

/**
 * A phone upright and on its side, and a laptop. At 180×320 a tap on a button right under the ring
 * is answered over the app's header (see session-with-large-text).
 */
const PHONE_SIDEWAYS_AND_LAPTOP = PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT.filter(([width]) => width > 180);

/** Taps the middle of `button` as a finger does: a touch's pointer down and up, then the click they make. */
function tapWithAFinger(button: Element): void {
  const box = button.getBoundingClientRect();
  const at = {
    bubbles: true,
    cancelable: true,
    composed: true,
    pointerType: 'touch',
    isPrimary: true,
    clientX: box.left + box.width / 2,
    clientY: box.top + box.height / 2,
  };
  button.dispatchEvent(new PointerEvent('pointerdown', at));
  button.dispatchEvent(new PointerEvent('pointerup', at));
  button.dispatchEvent(new PointerEvent('click', at));
}

/** The button of `view` named `name`. */
function buttonOf(view: BbSetView | BbRestView, name: string): HTMLButtonElement {
  const button = [...view.shadowRoot!.querySelectorAll('button')].find((b) => b.ariaLabel === name);
  if (!button) throw new Error(`no ${name} button`);
  return button;
}

/** The line over the set that answers a tap, or null when there is none. */
function tapNote(view: BbSetView | BbRestView): string | null {
  return view.shadowRoot!.querySelector('.notice.tap-note')?.textContent?.trim() ?? null;
}

/** Where the buttons, the heading and the ring stand, to compare before and after a tap. */
function screenOf(view: BbSetView | BbRestView): string[] {
  return [...view.shadowRoot!.querySelectorAll('button, h2, bb-progress-ring')].map((e) => {
    const b = e.getBoundingClientRect();
    return `${e.localName} ${e.ariaLabel ?? ''}: ${[b.left, b.top + scrollY, b.width, b.height].map((v) => v.toFixed(1)).join(' ')}`;
  });
}

/** Whether boxes `a` and `b` share no part of the screen. */
function apart(a: DOMRect, b: DOMRect): boolean {
  return a.bottom <= b.top || b.bottom <= a.top || a.right <= b.left || b.right <= a.left;
}

/**
 * The line that answers a tap: large enough to read from the mat, over the heading, and clear of the
 * ring and of every button, which it would hide while it shows.
 */
function expectReadOverTheHeading(view: BbSetView | BbRestView): void {
  const root = view.shadowRoot!;
  const note = root.querySelector('.notice.tap-note')!;
  expect(Number.parseFloat(getComputedStyle(note).fontSize)).toBeGreaterThanOrEqual(20);
  const box = note.getBoundingClientRect();
  const heading = root.querySelector('h2')!.getBoundingClientRect();
  expect(apart(box, heading), 'the line over the heading').toBe(false);
  const line = `the line ${box.left}–${box.right} × ${box.top}–${box.bottom}`;
  const ring = root.querySelector('bb-progress-ring')!.getBoundingClientRect();
  expect(apart(box, ring), `${line}, the ring ${ring.left}–${ring.right} × ${ring.top}–${ring.bottom}`).toBe(
    true,
  );
  const covered = [...root.querySelectorAll('button')].filter((b) => !apart(box, b.getBoundingClientRect()));
  expect(
    covered.map((b) => `${b.ariaLabel ?? b.textContent?.trim()}: ${b.getBoundingClientRect().top}`),
    line,
  ).toEqual([]);
}

/**
 * The line that answers a tap on the waiting screen's Pause: large enough to read from the mat, in the
 * window with Pause, and clear of the position to take and of every button, which it would hide while
 * it shows.
 */
function expectReadWithPause(view: BbSetView): void {
  const root = view.shadowRoot!;
  const note = root.querySelector('.notice.tap-note')!;
  expect(Number.parseFloat(getComputedStyle(note).fontSize)).toBeGreaterThanOrEqual(20);
  const box = note.getBoundingClientRect();
  const line = `the line ${box.left}–${box.right} × ${box.top}–${box.bottom}`;
  expect(box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth, line).toBe(
    true,
  );
  const position = root.querySelector('.prompt')!.getBoundingClientRect();
  expect(apart(box, position), `${line}, the position ${position.top}–${position.bottom}`).toBe(true);
  const covered = [...root.querySelectorAll('button')].filter((b) => !apart(box, b.getBoundingClientRect()));
  expect(
    covered.map((b) => `${b.ariaLabel ?? b.textContent?.trim()}: ${b.getBoundingClientRect().top}`),
    line,
  ).toEqual([]);
}

/** A plank's set under way whose hold has not begun, with the commands its taps sent. */
async function aPlankBeforeItsHold(byHand = false) {
  const view = await mount('bb-set-view', {
    planned: { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } },
    set: currentSet({ holdStartMs: null }),
    nowMs: 2000,
    byHand,
  });
  const sent: string[] = [];
  for (const type of ['bb-start-hold', 'bb-end-hold', 'bb-pause'] as const)
    view.addEventListener(type, () => sent.push(type));
  return { view, sent };
}

/**
 * A plank's hold begun by the device, Start hold turning into End hold under the finger, and End hold
 * tapped `afterMs` later: the view, the commands sent, and where its boxes stood before the tap.
 */
async function endHoldTappedAfterTheDeviceBeganTheHold(afterMs: number) {
  const { view, sent } = await aPlankBeforeItsHold();
  view.set = currentSet({ holdStartMs: 2000 });
  view.nowMs = 5000;
  await view.updateComplete;
  const before = screenOf(view);
  vi.advanceTimersByTime(afterMs);
  tapWithAFinger(buttonOf(view, 'End hold'));
  return { view, sent, before };
}

beforeEach(() => {
  // The page's clock, by which the set tells a tap meant for the button before from one for this one.
  vi.useFakeTimers({ toFake: ['performance'] });
});

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('a tap the screen lets go', () => {
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'says End hold was not taken, and how to end the hold, nothing moving, at %i × %i',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        // The second tap of a finger that tapped Start hold as the device began the hold.
        const { view, sent, before } = await endHoldTappedAfterTheDeviceBeganTheHold(300);
        await expect.poll(() => tapNote(view)).toBe('Tap again to End hold');
        expect(sent).toEqual([]);
        expect(screenOf(view)).toEqual(before);
        expectReadOverTheHeading(view);
      });
    },
  );

  it('says Pause was not taken just after it was Resume, and the next tap pauses', async () => {
    const { view, sent } = await aPlankBeforeItsHold();
    view.paused = true;
    await view.updateComplete;
    // The strap came back and the app resumed as the finger came down on Resume.
    view.paused = false;
    await view.updateComplete;
    tapWithAFinger(buttonOf(view, 'Pause'));
    await expect.poll(() => tapNote(view)).toBe('Tap again to Pause');
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1000);
    tapWithAFinger(buttonOf(view, 'Pause'));
    expect(sent).toEqual(['bb-pause']);
  });

  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'says Pause was not taken before the set\'s "Go" just after it was Resume, nothing moving, at %i × %i',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        const view = await mount('bb-set-view', {
          planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 60 } },
          set: currentSet({ waiting: true }),
          nowMs: 2000,
          paused: true,
        });
        const sent: string[] = [];
        view.addEventListener('bb-pause', () => sent.push('bb-pause'));
        // The finger tapped Resume, and again, the page scrolled as far as the button (at 180 × 320
        // the waiting screen is longer than the window).
        view.paused = false;
        await view.updateComplete;
        buttonOf(view, 'Pause').scrollIntoView({ block: 'end' });
        const before = screenOf(view);
        tapWithAFinger(buttonOf(view, 'Pause'));
        await expect.poll(() => tapNote(view)).toBe('Tap again to Pause');
        expect(sent).toEqual([]);
        expect(screenOf(view)).toEqual(before);
        expectReadWithPause(view);
        vi.advanceTimersByTime(1000);
        tapWithAFinger(buttonOf(view, 'Pause'));
        expect(sent).toEqual(['bb-pause']);
      });
    },
  );

  it.each(['end', 'center'] as const)(
    'says Pause was not taken before the set\'s "Go" in the window at 180 × 320, Pause at the window\'s %s',
    async (block) => {
      await inTheAppsMain(180, 320, async () => {
        const view = await mount('bb-set-view', {
          planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 60 } },
          set: currentSet({ waiting: true }),
          nowMs: 2000,
          paused: true,
        });
        view.paused = false;
        await view.updateComplete;
        // The page scrolled as far as Pause, or on to where it sits mid-window.
        buttonOf(view, 'Pause').scrollIntoView({ block });
        tapWithAFinger(buttonOf(view, 'Pause'));
        await expect.poll(() => tapNote(view)).toBe('Tap again to Pause');
        expectReadWithPause(view);
      });
    },
  );

  it.each(PHONE_SIDEWAYS_AND_LAPTOP)(
    'says Pause was not taken in a rest just after it was Resume, nothing moving, at %i × %i',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        const rest = await mount('bb-rest-view', {
          remainingMs: 45_000,
          totalMs: 45_000,
          lastSet: supermanSet({ peakDeg: 14 }),
          next: { exercise: exerciseById('superman'), setNumber: 2, sets: 3 },
          paused: true,
        });
        const sent: string[] = [];
        rest.addEventListener('bb-pause', () => sent.push('bb-pause'));
        // The finger tapped Resume, and again.
        rest.paused = false;
        await rest.updateComplete;
        const before = screenOf(rest);
        tapWithAFinger(buttonOf(rest, 'Pause'));
        await expect.poll(() => tapNote(rest)).toBe('Tap again to Pause');
        expect(sent).toEqual([]);
        expect(screenOf(rest)).toEqual(before);
        expectReadOverTheHeading(rest);
        vi.advanceTimersByTime(1000);
        tapWithAFinger(buttonOf(rest, 'Pause'));
        expect(sent).toEqual(['bb-pause']);
      });
    },
  );

  it('takes the line away once the button changes again', async () => {
    const { view } = await endHoldTappedAfterTheDeviceBeganTheHold(300);
    await expect.poll(() => tapNote(view)).toBe('Tap again to End hold');
    // The device saw the person come down: the hold is over, and there is nothing to end.
    view.set = currentSet({ holdStartMs: null });
    await expect.poll(() => tapNote(view)).toBeNull();
  });
});

describe('End hold tapped just after the device began the hold', () => {
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'is taken as the Start hold meant, the hold going on and the set saying so, at %i × %i',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        // The finger reaching for Start hold lands on End hold 1.5 s after it came.
        const { view, sent, before } = await endHoldTappedAfterTheDeviceBeganTheHold(1500);
        await expect.poll(() => tapNote(view)).toBe('Hold started: tap End hold when you come down');
        expect(sent).toEqual([]);
        expect(screenOf(view)).toEqual(before);
        expectReadOverTheHeading(view);
        // Read and tapped again, End hold ends the hold.
        vi.advanceTimersByTime(1500);
        tapWithAFinger(buttonOf(view, 'End hold'));
        expect(sent).toEqual(['bb-end-hold']);
      });
    },
  );

  it('ends a hold begun with Start hold at the first tap', async () => {
    const { view, sent } = await aPlankBeforeItsHold(true);
    view.set = currentSet({ holdStartMs: 2000, holdBegunByTap: true });
    await view.updateComplete;
    vi.advanceTimersByTime(1500);
    tapWithAFinger(buttonOf(view, 'End hold'));
    expect(sent).toEqual(['bb-end-hold']);
    expect(tapNote(view)).toBeNull();
  });

  it('ends a hold the device began once it has run past the reach of a finger meant for Start hold', async () => {
    const { sent } = await endHoldTappedAfterTheDeviceBeganTheHold(6000);
    expect(sent).toEqual(['bb-end-hold']);
  });

  it("says a drawing-in's hold is ended when the person lets go", async () => {
    const view = await mount('bb-set-view', {
      planned: { exercise: exerciseById('drawing-in'), dosage: { sets: 1, target: 45, restS: 60 } },
      set: currentSet({ holdStartMs: null }),
      nowMs: 2000,
    });
    view.set = currentSet({ holdStartMs: 2000 });
    await view.updateComplete;
    vi.advanceTimersByTime(2000);
    tapWithAFinger(buttonOf(view, 'End hold'));
    await expect.poll(() => tapNote(view)).toBe('Hold started: tap End hold when you let go');
  });
});
