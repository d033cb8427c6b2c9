import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { supermanSet } from '../set-record.ts';
import '../../src/ui/bb-rest-view.ts';
import { type BbRestView, describeSet } from '../../src/ui/bb-rest-view.ts';
import { exerciseById } from '../../src/workout/program.ts';
import type { SetRecord } from '../../src/workout/session.ts';
import { namesOfRole, rolesNamed } from './accessibility-tree.ts';
import { finishAskedOverResumeThenKeepGoing } from './finish-question.ts';
import { linesOf } from './lines.ts';
import {
  DEVICES_GONE_ON_WITHOUT,
  inTheAppsMain,
  layOutAsTheApp,
  mount as mountComponent,
  PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT,
} from './mount.ts';

const mount = (view: Partial<BbRestView>) => mountComponent('bb-rest-view', view);

const countedSet = supermanSet({ peakDeg: 14 });

/** Each button's box, the heading's and the countdown's, in the page (at 180 × 320 some lie under the window's edge). */
function screenBoxes(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('button, h2, bb-progress-ring, .face')].map((e) => {
    const b = e.getBoundingClientRect();
    const at = [b.left, b.top + scrollY, b.width, b.height].map((v) => v.toFixed(1)).join(' ');
    return `${(e as HTMLElement).ariaLabel ?? e.localName}: ${at}`;
  });
}

/** A rest after a first superman set, 30 s of 45 left, the height of the app's main under no header. */
async function mountARestUnderWay(): Promise<BbRestView> {
  const element = await mount({
    remainingMs: 30_000,
    totalMs: 45_000,
    lastSet: countedSet,
    next: { exercise: exerciseById('superman'), setNumber: 2, sets: 3 },
  });
  element.style.height = 'calc(100dvh - 1.5rem)';
  await expect.element(page.getByText('Next: Superman, set 2 of 3', { exact: true })).toBeVisible();
  return element;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('bb-rest-view', () => {
  it('tells a screen reader the seconds of rest left, one in the singular', async () => {
    const element = await mount({ remainingMs: 800, totalMs: 45_000 });
    const ring = page.getByRole('progressbar', { name: 'Rest remaining' });
    await expect.element(ring).toHaveAttribute('aria-valuetext', '1 second of rest left');
    element.remainingMs = 30_000;
    await expect.element(ring).toHaveAttribute('aria-valuetext', '30 seconds of rest left');
  });

  it('tells a screen reader its countdown is paused, where "Paused" on it is the eye\'s alone', async () => {
    const element = await mount({ remainingMs: 30_000, totalMs: 45_000 });
    await expect.poll(() => namesOfRole('progressbar')).toEqual(['Rest remaining']);
    // Chromium gives a screen reader a progress bar's name and number, and not its aria-valuetext.
    element.paused = true;
    await expect.poll(() => namesOfRole('progressbar')).toEqual(['Rest remaining, paused']);
    element.pauseReason = 'lost';
    await expect.poll(() => namesOfRole('progressbar')).toEqual(['Rest remaining, paused: out of reach']);
    element.paused = false;
    element.pauseReason = null;
    await expect.poll(() => namesOfRole('progressbar')).toEqual(['Rest remaining']);
  });

  it('counts the rest down in seconds, or minutes and seconds, and names what comes next', async () => {
    const element = await mount({
      remainingMs: 44_200,
      totalMs: 45_000,
      next: { exercise: exerciseById('superman'), setNumber: 2, sets: 3 },
    });
    const face = () => element.shadowRoot!.querySelector('.face')?.textContent?.replace(/\s+/g, '');
    expect(face()).toBe('45s');
    await expect.element(page.getByText('Next: Superman, set 2 of 3', { exact: true })).toBeVisible();
    element.remainingMs = 90_000;
    element.paused = true;
    await element.updateComplete;
    expect(face()).toBe('1:30');
    expect(element.shadowRoot!.querySelector('.paused')?.textContent).toBe('Paused');
    expect(element.shadowRoot!.querySelector('.pause-reason')).toBeNull();
    // Paused by the app, not the person: why, on screen too, for a muted voice.
    element.pauseReason = 'replay';
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.pause-reason')?.textContent).toBe('replay ended');
    // One way on, not a second green Start now that would begin the next set paused: it stays, in
    // its place, but does nothing until Resume.
    await expect.element(page.getByRole('button', { name: 'Resume' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Start now' })).toBeDisabled();
  });

  // "Next: Superman, set 2" where the voice said "set two of three". The words with "of 3" stand in the
  // room of those without it, which the screen was laid out round.
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'names the next set as the voice does at %i × %i, every button, the countdown and the heading where they were',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        for (const [next, words, room] of [
          [
            { exercise: exerciseById('superman'), setNumber: 2, sets: 3 },
            'Next: Superman, set 2 of 3',
            'Next: Superman, set 2',
          ],
          [
            { exercise: exerciseById('lat-pulldown'), setNumber: 1, sets: 4 },
            'Next: Wide-grip lat pulldown, set 1 of 4',
            'Next: Wide-grip lat pulldown, set 1',
          ],
          [
            { exercise: exerciseById('glute-bridge'), setNumber: 1, sets: 1 },
            'Next: Glute bridge, 1 set',
            'Next: Glute bridge, set 1',
          ],
        ] as const) {
          const element = await mount({ remainingMs: 45_000, totalMs: 45_000, lastSet: countedSet, next });
          element.style.height = 'calc(100dvh - 1.5rem)';
          await expect.element(page.getByText(words, { exact: true })).toBeVisible();
          const root = element.shadowRoot!;
          const shown = root.querySelector<HTMLElement>('.next .fitted')!;
          const roomBox = root.querySelector<HTMLElement>('.next .room')!;
          expect(roomBox.textContent).toBe(room);
          // The words inside the room of those without the count of sets: none hang over what is under it.
          await expect
            .poll(() => shown.getBoundingClientRect().bottom <= roomBox.getBoundingClientRect().bottom, {
              message: words,
            })
            .toBe(true);
          expect(shown.getBoundingClientRect().top).toBeGreaterThanOrEqual(
            roomBox.getBoundingClientRect().top,
          );
          const fitted = screenBoxes(root);
          // The screen laid out round that room alone, as it was round those words.
          shown.style.display = 'none';
          expect(fitted, words).toEqual(screenBoxes(root));
          element.remove();
        }
      });
    },
  );

  // Given up for lost, the line of what to do took its room from the rest's column: on a phone on its
  // side and a laptop the heading went up and the buttons down 22 and 34 px, at 180 × 320 Mute,
  // Finish and History down 108 px, and at 360 × 640 the countdown's ring shrank from 322 to 274 px.
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'says what to do once its device is given up for lost at %i × %i in the room of the words about the sets, nothing else moving',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        const element = await mountARestUnderWay();
        const root = element.shadowRoot!;
        const controlsAndRing = () =>
          [...root.querySelectorAll('h2, bb-progress-ring, .face, .controls button')].map((e) => {
            const b = e.getBoundingClientRect();
            return [b.left, b.top + scrollY, b.width, b.height].map((v) => v.toFixed(1)).join(' ');
          });
        const before = controlsAndRing();
        element.paused = true;
        element.pauseReason = 'lost';
        const away = page.getByText('Tap Reconnect, or Resume and count with +1 until the device is back.');
        await expect.element(away).toBeVisible();
        await expect.poll(controlsAndRing).toEqual(before);
        // Its words inside the room they stand in: none over the countdown or the heading.
        const room = root.querySelector('.about-sets')!.getBoundingClientRect();
        const words = away.element().getBoundingClientRect();
        expect(words.top).toBeGreaterThanOrEqual(room.top);
        expect(words.bottom).toBeLessThanOrEqual(room.bottom);
        // The count of the set before is put right after Resume: its +1 is not taken for the next set's.
        expect(page.getByRole('button', { name: /^[−+]1 / }).elements()).toHaveLength(0);
        element.paused = false;
        element.pauseReason = null;
        await expect.element(page.getByRole('button', { name: '+1 rep' })).toBeVisible();
        expect(controlsAndRing()).toEqual(before);
      });
    },
  );

  // A device the rest goes on without came under the ring: "Strap reconnecting: keep going" shrank the
  // ring 28 px at 360 × 640, took the heading up and the buttons down 12 px on a phone on its side and
  // 19 px on a laptop, and Mute, Finish and History down 68 px at 180 × 320; two devices away at once
  // took Mute, Finish and History down 10 px at 180 × 320, and the heading and every button 0.3 px on
  // a laptop.
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'says a device it goes on without at %i × %i in the room kept under the countdown, nothing else moving',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        const element = await mountARestUnderWay();
        const root = element.shadowRoot!;
        const before = screenBoxes(root);
        for (const lines of DEVICES_GONE_ON_WITHOUT) {
          const what = lines.join(' + ');
          element.goingOnWithout = lines;
          await expect.element(page.getByText(lines[0])).toBeVisible();
          await expect.poll(() => screenBoxes(root), { message: what }).toEqual(before);
          const room = root.querySelector('.away-lines')!.getBoundingClientRect();
          const box = root.querySelector('.away')!.getBoundingClientRect();
          expect(box.top, what).toBeGreaterThanOrEqual(room.top - 0.5);
          expect(box.bottom, what).toBeLessThanOrEqual(room.bottom + 0.5);
          element.goingOnWithout = [];
          await expect.element(page.getByText(lines[0])).not.toBeInTheDocument();
          expect(screenBoxes(root), `${what} gone`).toEqual(before);
        }
      });
    },
  );

  // Under the header and two notices (saving failed, the screen may turn off) a 360 × 640 phone leaves
  // the rest 423 px, where the ring stands at its floor and cannot give the line its room as it comes:
  // the room is kept there too, and the floor counts part of it (see screenLayout).
  it('keeps the room under the countdown where a 360 × 640 phone is tight, nothing moving as a device line comes', async () => {
    await inTheAppsMain(360, 640, async () => {
      const element = await mount({
        remainingMs: 45_000,
        totalMs: 45_000,
        lastSet: { ...countedSet, count: 1, endedBy: 'stopped', skippedUnderWay: true },
        next: { exercise: exerciseById('superman'), setNumber: 2, sets: 3 },
      });
      element.style.height = '423px';
      await expect.element(page.getByText('Next: Superman, set 2 of 3', { exact: true })).toBeVisible();
      const root = element.shadowRoot!;
      const before = screenBoxes(root);
      const line = 'Strap reconnecting: keep going';
      element.goingOnWithout = [line];
      await expect.element(page.getByText(line)).toBeVisible();
      await expect.poll(() => screenBoxes(root)).toEqual(before);
    });
  });

  // The strap is offered on a phone's screen only, not at 180 × 320 (see strapOfferedOnScreen).
  it.each([
    [360, 640, false],
    [180, 320, false],
    [1366, 768, false],
    [640, 360, false],
    [360, 640, true],
    [1366, 768, true],
    [640, 360, true],
  ] as const)(
    'turns Pause into Resume in place at %i × %i, the other buttons where they were, the strap offered: %s',
    async (width, height, offerStrap) => {
      const restore = await layOutAsTheApp(width, height, '0 1rem');
      try {
        const element = await mount({
          remainingMs: 45_000,
          totalMs: 45_000,
          lastSet: countedSet,
          next: { exercise: exerciseById('superman'), setNumber: 2, sets: 3 },
        });
        const root = element.shadowRoot!;
        const centreOf = (name: string) => {
          const button = [...root.querySelectorAll('button')].find(
            (b) => (b.ariaLabel ?? b.textContent) === name,
          )!;
          const box = button.getBoundingClientRect();
          return [box.left + box.width / 2, box.top + box.height / 2] as const;
        };
        // The button whose box holds the point, within the window or under its edge.
        const tappedAt = ([x, y]: readonly [number, number]) => {
          const hit = [...root.querySelectorAll('button')].find((b) => {
            const box = b.getBoundingClientRect();
            return box.left <= x && x <= box.right && box.top <= y && y <= box.bottom;
          });
          return hit ? (hit.ariaLabel ?? hit.textContent) : null;
        };
        const places = [
          'Pause',
          '−1 rep on Superman, set 1',
          '+1 rep on Superman, set 1',
          'Mute',
          'Finish',
          'History',
        ].map((name) => ({
          name,
          at: centreOf(name),
        }));
        const ringHeight = () => root.querySelector('bb-progress-ring')!.getBoundingClientRect().height;
        const ringBefore = ringHeight();
        // Paused by the person, the virtual strap standing in: the rest offers a strap.
        element.paused = true;
        element.offerStrap = offerStrap;
        await element.updateComplete;
        // The countdown keeps its size: no row more of buttons takes room from it.
        expect(ringHeight()).toBe(ringBefore);
        // At 360 × 640 Start now went, Resume took its place at 47–154 px and Mute came under the
        // finger that tapped Pause, at 171–258 px: a second tap there to go on muted the voice. In the
        // app, the strap offered beside History, Start now went too: Resume came at 47–154 px and
        // Mute at 162–218 px, under Pause's centre (214, 532).
        for (const { name, at } of places)
          expect(tappedAt(at), `${name} at ${at.map(Math.round).join(', ')}`).toBe(
            name === 'Pause' ? 'Resume' : name,
          );
      } finally {
        await restore();
      }
    },
  );

  it('says, paused with the device given up, what Resume goes on with for the set after it, as the voice does', async () => {
    const element = await mount({
      remainingMs: 30_000,
      totalMs: 45_000,
      paused: true,
      pauseReason: 'connection',
      next: { exercise: exerciseById('superman'), setNumber: 2, sets: 3 },
    });
    const away = () => element.shadowRoot!.querySelector('.away')?.textContent;
    // Still reconnecting: nothing to do yet.
    expect(away()).toBeUndefined();
    element.pauseReason = 'lost';
    await element.updateComplete;
    await expect
      .element(page.getByText('Tap Reconnect, or Resume and count with +1 until the device is back.'))
      .toBeVisible();
    element.next = { exercise: exerciseById('elbow-plank'), setNumber: 1, sets: 3 };
    await element.updateComplete;
    expect(away()).toBe('Tap Reconnect, or Resume and tap Start hold when you are in position.');
  });

  // Finish's question over a rest paused with its device given up said "Tap Reconnect, or Resume and
  // count with +1 …" of a Resume the question had taken off the screen.
  it('while Finish asks in a rest paused with its device given up, names Keep going, not a Resume not there', async () => {
    await mount({
      remainingMs: 30_000,
      totalMs: 45_000,
      paused: true,
      pauseReason: 'lost',
      next: { exercise: exerciseById('elbow-plank'), setNumber: 1, sets: 3 },
    });
    await finishAskedOverResumeThenKeepGoing(
      'Tap Reconnect, or Keep going, then Resume, and tap Start hold when you are in position.',
      'Tap Reconnect, or Resume and tap Start hold when you are in position.',
    );
  });

  it('says the devices out of reach that the rest goes on without, each on a line of its own', async () => {
    const element = await mount({
      remainingMs: 30_000,
      totalMs: 60_000,
      next: { exercise: exerciseById('lat-pulldown'), setNumber: 2, sets: 3 },
      goingOnWithout: ['Strap reconnecting: keep going'],
    });
    const away = () => element.shadowRoot!.querySelector<HTMLElement>('.away')?.innerText;
    await expect.element(page.getByText('Strap reconnecting: keep going')).toBeVisible();
    element.goingOnWithout = ['Strap out of reach: keep going', 'Heart-rate strap reconnecting: keep going'];
    await element.updateComplete;
    expect(away()).toBe('Strap out of reach: keep going\nHeart-rate strap reconnecting: keep going');
    element.goingOnWithout = [];
    await element.updateComplete;
    expect(away()).toBeUndefined();
  });

  it('says a set skipped before it counted anything was skipped, as the summary does', () => {
    const skipped: SetRecord = {
      ...countedSet,
      setNumber: 2,
      count: 0,
      peakDeg: null,
      endedMs: 1900,
      endedBy: 'skipped',
    };
    expect(describeSet(skipped)).toBe('Superman, set 2: skipped');
    expect(describeSet({ ...skipped, exerciseId: 'elbow-plank', target: 30, holdMs: 0 })).toBe(
      'Elbow plank, set 2: skipped',
    );
    // Skipped after three reps: what it counted.
    expect(describeSet({ ...skipped, count: 3, endedBy: 'stopped' })).toBe('Superman, set 2: 3 of 10 reps');
    expect(describeSet({ ...skipped, count: 0, target: 1, endedBy: 'stopped' })).toBe(
      'Superman, set 2: 0 of 1 rep',
    );
    expect(describeSet({ ...skipped, exerciseId: 'bat-hang', count: 1, target: 1, endedBy: 'target' })).toBe(
      'Bat hang, set 2: 1 of 1 breath',
    );
    // A bird dog's each side, as its voice counted it and its ring showed it.
    expect(
      describeSet({ ...skipped, exerciseId: 'bird-dog', count: 13, target: 20, endedBy: 'stopped' }),
    ).toBe('Bird dog, set 2: 7 of 10 right, 6 of 10 left');
  });

  it('says a set a tap ended short of its target was cut short, as the voice and the CSV do', () => {
    const stopped: SetRecord = { ...countedSet, count: 3, endedBy: 'stopped' };
    const cut: SetRecord = { ...stopped, skippedUnderWay: true };
    expect(describeSet(cut)).toBe('Superman, set 1: cut short at 3 of 10 reps');
    expect(describeSet({ ...stopped, finishedUnderWay: true })).toBe(
      'Superman, set 1: cut short at 3 of 10 reps',
    );
    const hold: SetRecord = { ...stopped, exerciseId: 'drawing-in', target: 45, count: 0, holdMs: 20_700 };
    expect(describeSet({ ...hold, endedByHand: true })).toBe('Drawing-in, set 1: cut short at 20 s of 45 s');
    // One format of time in the line, as the CSV gives it: not "1 min 15 s of 90 s".
    expect(describeSet({ ...hold, target: 90, holdMs: 75_400, endedByHand: true })).toBe(
      'Drawing-in, set 1: cut short at 1 min 15 s of 1 min 30 s',
    );
    // Reps that stopped coming ended it by itself: no tap cut it short.
    expect(describeSet(stopped)).toBe('Superman, set 1: 3 of 10 reps');
    // A bird dog's reps, then each side's, as the voice says them.
    expect(describeSet({ ...cut, exerciseId: 'bird-dog', count: 5, target: 20 })).toBe(
      'Bird dog, set 1: cut short at 5 reps, 3 right and 2 left',
    );
    // Put right to its target with +1, it is done.
    expect(describeSet({ ...cut, count: 10 })).toBe('Superman, set 1: 10 of 10 reps');
  });

  it('says a drawing-in that ended by itself short of its target with its target, as reps are said', () => {
    const hold: SetRecord = {
      ...countedSet,
      exerciseId: 'drawing-in',
      target: 45,
      count: 0,
      holdMs: 20_700,
      endedBy: 'stopped',
    };
    // "held 20 s" alone read as a hold kept to its end, beside "3 of 10 reps" of reps that stopped.
    expect(describeSet(hold)).toBe('Drawing-in, set 1: held 20 s of 45 s');
    // A plank's target is a goal to aim past: what it held is all there is to say.
    expect(describeSet({ ...hold, exerciseId: 'elbow-plank' })).toBe('Elbow plank, set 1: held 20 s');
  });

  it('says a hold broken by a pause was its time with a pause, not one hold kept whole', () => {
    const hold: SetRecord = { ...countedSet, exerciseId: 'drawing-in', target: 45, count: 0, holdMs: 45_400 };
    expect(describeSet(hold)).toBe('Drawing-in, set 1: held 45 s');
    expect(describeSet({ ...hold, pausedInHold: true })).toBe('Drawing-in, set 1: 45 s, with a pause');
    expect(
      describeSet({ ...hold, holdMs: 20_700, endedByHand: true, endedBy: 'stopped', pausedInHold: true }),
    ).toBe('Drawing-in, set 1: cut short at 20 s of 45 s, with a pause');
  });

  it('keeps a hold broken by a pause whole on a 360 px and a 180 px phone, "with a pause" on one line', async () => {
    for (const [width, height] of [
      [360, 640],
      [180, 320],
    ] as const) {
      const restore = await layOutAsTheApp(width, height, '0 1rem');
      try {
        const element = await mount({
          remainingMs: 45_000,
          totalMs: 45_000,
          lastSet: {
            ...countedSet,
            exerciseId: 'drawing-in',
            target: 45,
            count: 0,
            holdMs: 45_400,
            pausedInHold: true,
          },
        });
        const last = element.shadowRoot!.querySelector('.last')!;
        expect(last.textContent).toBe('Drawing-in, set 1: 45 s, with a pause');
        expect(linesOf(last, '45 s,')).toBe(1);
        expect(linesOf(last, 'with a pause')).toBe(1);
      } finally {
        await restore();
      }
    }
  });

  it('keeps what a set cut short did whole on a 360 px phone, not "3 of" over "10 reps" nor "4" over "left"', async () => {
    const restore = await layOutAsTheApp(360, 640, '0 1rem');
    try {
      const element = await mount({
        remainingMs: 45_000,
        totalMs: 45_000,
        lastSet: { ...countedSet, count: 3, endedBy: 'stopped', skippedUnderWay: true },
      });
      const last = element.shadowRoot!.querySelector('.last')!;
      expect(last.textContent).toBe('Superman, set 1: cut short at 3 of 10 reps');
      expect(linesOf(last, 'cut short at 3 of 10 reps')).toBe(1);
      expect(linesOf(last, 'Superman, set 1:')).toBe(1);
      // A bird dog's count, then how it fell on each side, each whole.
      element.lastSet = {
        ...countedSet,
        exerciseId: 'bird-dog',
        count: 9,
        target: 20,
        skippedUnderWay: true,
        endedBy: 'stopped',
      };
      await element.updateComplete;
      expect(last.textContent).toBe('Bird dog, set 1: cut short at 9 reps, 5 right and 4 left');
      expect(linesOf(last, 'cut short at 9 reps,')).toBe(1);
      expect(linesOf(last, '5 right and 4 left')).toBe(1);
    } finally {
      await restore();
    }
    // At 180 px it wraps within, its comma kept with the words before it.
    const narrow = await layOutAsTheApp(180, 320, '0 1rem');
    try {
      const element = await mount({
        remainingMs: 45_000,
        totalMs: 45_000,
        lastSet: {
          ...countedSet,
          exerciseId: 'bird-dog',
          count: 9,
          target: 20,
          skippedUnderWay: true,
          endedBy: 'stopped',
        },
      });
      const last = element.shadowRoot!.querySelector('.last')!;
      expect(last.textContent).toBe('Bird dog, set 1: cut short at 9 reps, 5 right and 4 left');
      expect(linesOf(last, 'reps,')).toBe(1);
    } finally {
      await narrow();
    }
  });

  it('confirms the set just done with the form problems seen in it', async () => {
    await mount({
      remainingMs: 50_000,
      totalMs: 60_000,
      lastSet: {
        exerciseId: 'elbow-plank',
        setNumber: 1,
        target: 30,
        count: 0,
        sides: { left: 0, right: 0 },
        holdMs: 47_300,
        peakDeg: null,
        startedMs: 0,
        endedMs: 47_300,
        endedBy: 'form',
        formIssues: ['plank-sag'],
      },
    });
    await expect.element(page.getByText('Elbow plank, set 1: held 47 s')).toBeVisible();
    await expect.element(page.getByText('Form: hips sagged')).toBeVisible();
  });

  it('offers −1 and +1 to put the count of a rep or breath set right, not the time of a hold', async () => {
    const element = await mount({ remainingMs: 30_000, totalMs: 45_000, lastSet: countedSet });
    const deltas: number[] = [];
    element.addEventListener('bb-adjust', (event) => deltas.push(event.detail.delta));
    await page.getByRole('button', { name: '−1 rep' }).click();
    await page.getByRole('button', { name: '+1 rep' }).click();
    expect(deltas).toEqual([-1, 1]);

    element.lastSet = { ...countedSet, count: 0, corrections: -10 };
    await element.updateComplete;
    await expect.element(page.getByRole('button', { name: '−1 rep' })).toBeDisabled();
    element.lastSet = { ...countedSet, exerciseId: 'bat-hang', target: 5, count: 4, endedBy: 'stopped' };
    await element.updateComplete;
    await expect.element(page.getByRole('button', { name: '+1 breath' })).toBeVisible();
    // Skipped with nothing counted: the reps done without a counter can still be given.
    element.lastSet = { ...countedSet, count: 0, endedBy: 'skipped' };
    await element.updateComplete;
    await expect.element(page.getByText('Superman, set 1: skipped')).toBeVisible();
    await expect.element(page.getByRole('button', { name: '+1 rep' })).toBeEnabled();
    element.lastSet = { ...countedSet, exerciseId: 'elbow-plank', holdMs: 31_000 };
    await element.updateComplete;
    expect(page.getByRole('button', { name: /^[−+]1 / }).elements()).toHaveLength(0);
    // While Finish asks, the question takes their room.
    element.lastSet = countedSet;
    await element.updateComplete;
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect.element(page.getByRole('button', { name: 'End session' })).toBeVisible();
    expect(page.getByRole('button', { name: /^[−+]1 / }).elements()).toHaveLength(0);
    await page.getByRole('button', { name: 'Keep going' }).click();
    await expect.element(page.getByRole('button', { name: '+1 rep' })).toBeVisible();
  });

  // Named "−1 rep" and "+1 rep" alone, as the set's own buttons are, a screen reader gave no word of
  // which set they change: the one just done, not the next. Named as the summary names its last set's.
  it('names the set its −1 and +1 put right', async () => {
    await mount({ remainingMs: 30_000, totalMs: 45_000, lastSet: countedSet });
    await expect
      .element(page.getByRole('button', { name: '−1 rep on Superman, set 1', exact: true }))
      .toBeVisible();
    await expect
      .element(page.getByRole('button', { name: '+1 rep on Superman, set 1', exact: true }))
      .toBeVisible();
    expect(await rolesNamed('+1 rep')).toEqual([]);
  });

  it('asks before Finish ends the session', async () => {
    const element = await mount({
      remainingMs: 30_000,
      totalMs: 45_000,
      setsKept: { done: 1, cutShort: 0, skipped: 0 },
    });
    let finished = 0;
    element.addEventListener('bb-finish', () => finished++);
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect.element(page.getByRole('group', { name: 'End the session? 1 set done' })).toBeVisible();
    await page.getByRole('button', { name: 'End session' }).click();
    expect(finished).toBe(1);
    await expect.element(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  });
});
