// The set and rest screens as the person taps Pause: every button and the count stay where they were,
// Resume in Pause's own box, so that nothing moves under the finger or before the eyes on the mat.
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/ui/bb-set-view.ts';
import '../../src/ui/bb-rest-view.ts';
import type { BbRestView } from '../../src/ui/bb-rest-view.ts';
import type { BbSetView } from '../../src/ui/bb-set-view.ts';
import { deviceWord } from '../../src/workout/by-hand.ts';
import { exerciseById } from '../../src/workout/program.ts';
import { currentSet, supermanSet } from '../set-record.ts';
import { inTheAppsMain, mount, PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT } from './mount.ts';

const planned = { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } };

const screens: Record<string, () => Promise<BbSetView | BbRestView>> = {
  'a set waiting for the position': () =>
    mount('bb-set-view', { planned, set: currentSet({ waiting: true, wrongPosture: null }) }),
  'a set under way': () => mount('bb-set-view', { planned, set: currentSet({ count: 4 }) }),
  'a set counted by hand': () =>
    mount('bb-set-view', { planned, set: currentSet({ count: 4 }), byHand: true }),
  'a rest': () =>
    mount('bb-rest-view', {
      remainingMs: 45_000,
      totalMs: 45_000,
      lastSet: supermanSet({ peakDeg: 14 }),
      next: { exercise: exerciseById('superman'), setNumber: 2, sets: 3 },
    }),
};

/** A screen `show` puts on the page, at the height the app gives a set or a rest under its header (see main.fill in bb-app), laid out. */
async function shownUnderTheHeader(
  show: () => Promise<BbSetView | BbRestView>,
): Promise<BbSetView | BbRestView> {
  const view = await show();
  view.style.height = 'calc(100dvh - 1.5rem)';
  await new Promise(requestAnimationFrame);
  return view;
}

/** Each button's box and the count's, in the page (at 180 × 320 the buttons lie under the window's edge). */
function boxes(root: ShadowRoot): string[] {
  const box = (e: Element) => {
    const b = e.getBoundingClientRect();
    return [b.left, b.top + scrollY, b.width, b.height].map((v) => v.toFixed(1)).join(' ');
  };
  const count = root.querySelector('.face .count');
  return [
    ...[...root.querySelectorAll('button')].map(
      (b) => `${(b.ariaLabel ?? b.textContent)?.trim()}: ${box(b)}`,
    ),
    ...(count ? [`count: ${box(count)}`] : []),
  ].map((line) => line.replace(/^Resume:/, 'Pause:'));
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('Pause on the set and rest screens', () => {
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'turns into Resume in its own box at %i × %i, every other button and the count where they were',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        for (const [name, show] of Object.entries(screens)) {
          const view = await shownUnderTheHeader(show);
          const before = boxes(view.shadowRoot!);
          view.paused = true;
          await view.updateComplete;
          // The ring fits its words to its band once they change (see BbProgressRing.fitWords).
          await new Promise(requestAnimationFrame);
          // On a laptop Resume was 22 px wider than Pause, and in a set waiting for the position Finish
          // went onto a row of its own, the rows under it 64 px lower; in a rest at 180 × 320 Resume took
          // the row it shared with Start now, 4 px shorter, the rows under it 4 px higher. "Paused" under
          // the count took it up 7 px on a 360 × 640 phone, 26 px on a laptop, 4 px at 180 × 320.
          expect(boxes(view.shadowRoot!), name).toEqual(before);
          // Every word inside its button, Resume beside Start now at 180 × 320 too.
          const overflowing = [...view.shadowRoot!.querySelectorAll('button')].filter(
            (b) => b.scrollWidth > b.clientWidth,
          );
          expect(
            overflowing.map((b) => b.textContent),
            name,
          ).toEqual([]);
          view.remove();
        }
      });
    },
  );
});

describe('A set waiting for the position on a laptop', () => {
  it('has its five buttons on one row, paused or not', async () => {
    await inTheAppsMain(1366, 768, async () => {
      const view = await screens['a set waiting for the position']!();
      const rows = () =>
        new Set([...view.shadowRoot!.querySelectorAll('button')].map((b) => b.getBoundingClientRect().top));
      expect(rows().size).toBe(1);
      view.paused = true;
      await view.updateComplete;
      // Resume 22 px wider than Pause took Finish onto a row of its own; as wide in both, the five
      // took 655 px of a column of 640.
      expect(rows().size).toBe(1);
    });
  });
});

describe('A rest paused by the person on a phone, the strap offered in the place of Start now', () => {
  it.each([
    [360, 640],
    [640, 360],
  ] as const)(
    "offers it in Start now's own box at %i × %i, Resume and the others where they were",
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        const view = (await screens['a rest']!()) as BbRestView;
        const before = boxes(view.shadowRoot!);
        view.paused = true;
        view.offerStrap = true;
        await view.updateComplete;
        const after = boxes(view.shadowRoot!).map((line) => line.replace(/^Add a strap:/, 'Start now:'));
        // "Add a strap", 18 px wider than Start now, moved Resume and Mute 9 px to the right at 360 × 640.
        expect(after).toEqual(before);
      });
    },
  );
});

/** The lines of why the app paused, as laid out: each line's box and the size its letters are shown at. */
function reasonLines(root: ShadowRoot) {
  const reason = root.querySelector('.pause-reason');
  if (!reason) return [];
  const range = document.createRange();
  range.selectNodeContents(reason);
  const style = getComputedStyle(reason);
  const shownPx = Number.parseFloat(style.fontSize) * Number(style.zoom);
  return [...range.getClientRects()].filter((line) => line.width > 0).map((line) => ({ line, shownPx }));
}

describe('A pause the app makes for a device on the set and rest screens', () => {
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'keeps the count and every button where they were at %i × %i, why whole inside the ring under the count',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        for (const [name, show] of Object.entries(screens)) {
          for (const reason of ['connection', 'lost'] as const) {
            // A rest given up for lost says what to do under its ring, a line of its own.
            if (name === 'a rest' && reason === 'lost') continue;
            const view = await shownUnderTheHeader(show);
            const before = boxes(view.shadowRoot!);
            view.paused = true;
            view.pauseReason = reason;
            await view.updateComplete;
            await new Promise(requestAnimationFrame);
            const what = `${name}, ${reason}`;
            // "Paused" and why under the target took the count up 31 px on a 360 × 640 phone, 22 px on
            // a phone on its side and 38 px on a laptop, and at 180 × 320 down from 45 px to 31 px.
            expect(boxes(view.shadowRoot!), what).toEqual(before);
            const root = view.shadowRoot!;
            // Resume where the finger finds it: a tap at the centre of Pause's box lands on it (a set
            // waiting at 180 × 320 has its buttons under the window's edge, scrolled to).
            const resume = root.querySelector<HTMLElement>('button.pause')!;
            resume.scrollIntoView({ block: 'nearest' });
            const at = resume.getBoundingClientRect();
            const hit = root.elementFromPoint(at.left + at.width / 2, at.top + at.height / 2);
            expect(hit === resume || resume.contains(hit), what).toBe(true);
            // Waiting for the position, why takes the position's place: no ring, its buttons seen above.
            const ring = root.querySelector('bb-progress-ring')?.shadowRoot?.querySelector('.ring');
            if (!ring) {
              view.remove();
              continue;
            }
            const box = ring.getBoundingClientRect();
            const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
            const count = root.querySelector('bb-progress-ring > .face')!.getBoundingClientRect();
            const lines = reasonLines(root);
            const below = root.querySelector('.pause-reason')?.getBoundingClientRect().top;
            expect(lines.length, what).toBeGreaterThan(0);
            for (const { line, shownPx } of lines) {
              // Inside the band (its inner edge at 42 of the ring's 100), under the count's digits.
              const far = Math.max(
                ...[line.left, line.right].flatMap((x) =>
                  [line.top, line.bottom].map((y) => Math.hypot(x - centre.x, y - centre.y)),
                ),
              );
              expect(far, what).toBeLessThanOrEqual(box.width * 0.42);
              expect(below, what).toBeGreaterThanOrEqual(count.bottom - 0.5);
              // Read from the mat: no smaller than 16 px on a phone, 8 px at 180 × 320, where the
              // phone's text is at twice its size.
              expect(shownPx, what).toBeGreaterThanOrEqual(width < 360 ? 8 : 16);
            }
            view.remove();
          }
        }
      });
    },
  );
});

/** The screens paused with their device given up for lost, the line under them saying how to go on. */
const lostScreens: Record<string, () => Promise<BbSetView | BbRestView>> = {
  'a set waiting for the position': () =>
    mount('bb-set-view', {
      planned,
      set: currentSet({ waiting: true, wrongPosture: null }),
      paused: true,
      pauseReason: 'lost',
      motionAway: true,
    }),
  'a rest': async () => {
    const view = await screens['a rest']!();
    Object.assign(view, { paused: true, pauseReason: 'lost' });
    return view;
  },
};

describe('The line of a pause for a device given up for lost, naming it beside another', () => {
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'fits whole at %i × %i, a strap or a watch named with every button and the count where "the device" left them',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        for (const [name, show] of Object.entries(lostScreens)) {
          const view = await shownUnderTheHeader(show);
          await view.updateComplete;
          const root = view.shadowRoot!;
          const line = () => root.querySelector<HTMLElement>(name === 'a rest' ? '.away' : '.waiting')!;
          expect(line().textContent).toContain('until the device is back.');
          const unnamed = boxes(root);
          for (const placement of ['chest', 'wrist', 'arm'] as const) {
            view.pausedForDevice = placement;
            await view.updateComplete;
            await new Promise(requestAnimationFrame);
            const what = `${name}, ${placement}`;
            expect(line().textContent, what).toContain(`until the ${deviceWord(placement)} is back.`);
            // "strap" and "watch", shorter than "device", take no line more. "armband", a letter
            // longer, takes one more at 180 × 320, the buttons there under the window's edge already.
            if (placement !== 'arm') expect(boxes(root), what).toEqual(unnamed);
            // Whole inside the screen: no word past its edge.
            const box = line().getBoundingClientRect();
            expect(line().scrollWidth, what).toBeLessThanOrEqual(line().clientWidth);
            expect(box.left, what).toBeGreaterThanOrEqual(0);
            expect(box.right, what).toBeLessThanOrEqual(width);
          }
          view.remove();
        }
      });
    },
  );
});
