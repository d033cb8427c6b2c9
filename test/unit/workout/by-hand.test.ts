import { describe, expect, it } from 'vitest';
import { byHandText, deviceWord, resumeByHandText, unseenByText } from '../../../src/workout/by-hand.ts';
import { exerciseById } from '../../../src/workout/program.ts';
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
