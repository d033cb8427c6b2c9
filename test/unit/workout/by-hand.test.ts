import { describe, expect, it } from 'vitest';
import {
  byHandText,
  deviceWord,
  goneOnWithoutText,
  planByHandText,
  resumeByHandText,
  startAdviceText,
  tapEachCountParts,
  tapEachCountText,
  unseenByText,
} from '../../../src/workout/by-hand.ts';
import { exerciseById, PROGRAM } from '../../../src/workout/program.ts';
import type { SessionState } from '../../../src/workout/session.ts';

const reps = { kind: 'reps' } as const;
const breaths = { kind: 'breaths' } as const;
const hold = { kind: 'hold' } as const;

describe('byHandText', () => {
  it('goes on with +1 where reps or breaths are counted, and with no exercise to go on with', () => {
    expect(byHandText(reps, null, 'plus one')).toBe('count with plus one until the device is back');
    expect(byHandText(breaths, null, '+1')).toBe('count with +1 until the device is back');
    expect(byHandText(undefined, null, '+1')).toBe('count with +1 until the device is back');
  });

  it('begins a hold not begun with Start hold, and ends one under way with End hold', () => {
    expect(byHandText(hold, null, '+1')).toBe('tap Start hold when you are in position');
    expect(byHandText(hold, 12_000, '+1')).toBe('tap End hold when you let go');
  });

  it('says it briefly for the line under a set that runs', () => {
    expect(byHandText(reps, null, '+1', null)).toBe('count with +1');
    expect(byHandText(hold, null, '+1', null)).toBe('tap Start hold');
    expect(byHandText(hold, 12_000, '+1', null)).toBe('tap End hold when you let go');
  });

  it('names the device waited for where it is known', () => {
    expect(byHandText(reps, null, 'plus one', 'watch')).toBe('count with plus one until the watch is back');
  });
});

describe('resumeByHandText', () => {
  it('offers Reconnect first, then Resume and what to do by hand', () => {
    expect(resumeByHandText(hold, null, 'plus one')).toBe(
      'Tap Reconnect, or Resume and tap Start hold when you are in position',
    );
  });
});

describe('unseenByText', () => {
  /** A watch alone: it counts what a wrist sees, and is where the others are left from. */
  const watchAlone: Pick<SessionState, 'countedByDevice' | 'motionPlacements'> = {
    countedByDevice: ['superman', 'drawing-in', 'lat-pulldown'],
    motionPlacements: { superman: 'wrist', 'glute-bridge': 'wrist', 'elbow-plank': 'wrist' },
  };
  const byName = () => 'InfiniTime';
  const byPlacement = (placement: Parameters<typeof deviceWord>[0]) => `Your ${deviceWord(placement)}`;

  it('names the device that cannot see a set, the screen by its name, the voice by where it is worn, in one sentence', () => {
    const bridge = exerciseById('glute-bridge');
    expect(unseenByText(watchAlone, bridge, byName, '+1')).toBe(
      'InfiniTime cannot see this exercise: count with +1',
    );
    expect(unseenByText(watchAlone, bridge, byPlacement, 'plus one')).toBe(
      'Your watch cannot see this exercise: count with plus one',
    );
    expect(unseenByText(watchAlone, exerciseById('elbow-plank'), byPlacement, 'plus one')).toBe(
      'Your watch cannot see this exercise: tap Start hold',
    );
  });

  it('says nothing of a set a device counts, nor where no device counts any (a heart-rate-only strap)', () => {
    expect(unseenByText(watchAlone, exerciseById('superman'), byName, '+1')).toBeNull();
    const heartRateOnly = { countedByDevice: [], motionPlacements: {} };
    expect(unseenByText(heartRateOnly, exerciseById('glute-bridge'), byName, '+1')).toBeNull();
    // Before the devices are known, nothing is counted by hand yet.
    expect(unseenByText({}, exerciseById('glute-bridge'), byName, '+1')).toBeNull();
  });
});

describe('tapEachCountText', () => {
  it('asks for +1 after each rep, or each breath of a bat hang', () => {
    expect(tapEachCountText(reps)).toBe('tap +1 after each rep');
    expect(tapEachCountText(breaths)).toBe('tap +1 after each breath');
  });

  it('comes in two parts, the tap and when, that make up the whole line', () => {
    expect(tapEachCountParts(reps)).toEqual(['tap +1', 'after each rep']);
    expect(tapEachCountParts(breaths)).toEqual(['tap +1', 'after each breath']);
    expect(tapEachCountParts(breaths).join(' ')).toBe(tapEachCountText(breaths));
  });
});

describe('startAdviceText', () => {
  const everyId = PROGRAM.map((exercise) => exercise.id);
  const justDoThem =
    'Put the phone where you can see it from the mat, press Start, and just do the exercises: Backbeat counts and times them.';

  it('promises the counting where the devices count every exercise of the plan, or are not known yet', () => {
    expect(startAdviceText(PROGRAM, everyId)).toBe(justDoThem);
    expect(startAdviceText(PROGRAM, undefined)).toBe(justDoThem);
  });

  it('asks for +1 and the hold buttons where nothing connected counts (a heart-rate-only strap)', () => {
    expect(startAdviceText(PROGRAM, [])).toBe(
      'Put the phone where you can see it from the mat and press Start. Tap +1 after each rep or breath, and Start hold and End hold for each hold: Backbeat times the holds and rests, and says what comes next.',
    );
  });

  it('names only what the plan has to count by hand', () => {
    const supermanAlone = [exerciseById('superman')];
    expect(startAdviceText(supermanAlone, [])).toBe(
      'Put the phone where you can see it from the mat and press Start. Tap +1 after each rep: Backbeat times the rests, and says what comes next.',
    );
    const plankAlone = [exerciseById('elbow-plank')];
    expect(startAdviceText(plankAlone, [])).toBe(
      'Put the phone where you can see it from the mat and press Start. Tap Start hold and End hold for each hold: Backbeat times the holds and rests, and says what comes next.',
    );
  });

  it('where the devices count some of the plan (a watch), points to the plan for what to tap', () => {
    expect(startAdviceText(PROGRAM, ['superman', 'drawing-in', 'lat-pulldown'])).toBe(
      'Put the phone where you can see it from the mat, press Start, and do the exercises: Backbeat counts and times what your devices can see, and the plan below says what to tap for the rest.',
    );
  });
});

describe('planByHandText', () => {
  const watchCounts = ['superman', 'drawing-in', 'lat-pulldown'] as const;

  it('marks in the plan each exercise the devices cannot see, where they count the rest (a watch)', () => {
    const marks = PROGRAM.map((exercise) => [exercise.id, planByHandText(exercise, PROGRAM, watchCounts)]);
    expect(Object.fromEntries(marks)).toEqual({
      superman: null,
      'glute-bridge': 'Counted by hand: tap +1 after each rep',
      'drawing-in': null,
      'bird-dog': 'Counted by hand: tap +1 after each rep',
      'bat-hang': 'Counted by hand: tap +1 after each breath',
      'lat-pulldown': null,
      'elbow-plank': 'Timed by hand: tap Start hold and End hold',
    });
  });

  it('marks nothing where the devices count the whole plan, none of it (the start text says so), or are not known', () => {
    const plank = exerciseById('elbow-plank');
    expect(
      planByHandText(
        plank,
        PROGRAM,
        PROGRAM.map((e) => e.id),
      ),
    ).toBeNull();
    expect(planByHandText(plank, PROGRAM, [])).toBeNull();
    expect(planByHandText(plank, PROGRAM, undefined)).toBeNull();
    // Of a plan of only what the watch cannot see, every set is by hand, as the start text says.
    expect(planByHandText(plank, [plank, exerciseById('glute-bridge')], watchCounts)).toBeNull();
  });
});

describe('a device out of reach that the set goes on without', () => {
  it('names a strap that gives the heart rate alone as one, as the header does', () => {
    expect(goneOnWithoutText(null, true, 'reconnecting')).toBe('Heart-rate strap reconnecting: keep going');
    expect(goneOnWithoutText(null, true, 'lost')).toBe('Heart-rate strap out of reach: keep going');
  });

  it('names one that counts other exercises by where it is worn, as the voice does', () => {
    expect(goneOnWithoutText('chest', false, 'reconnecting')).toBe('Strap reconnecting: keep going');
    expect(goneOnWithoutText('chest', false, 'lost')).toBe('Strap out of reach: keep going');
    expect(goneOnWithoutText('wrist', false, 'lost')).toBe('Watch out of reach: keep going');
    expect(goneOnWithoutText('wrist', false, 'stopped')).toBe('Watch motion stopped: keep going');
  });
});
