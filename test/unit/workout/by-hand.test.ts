import { describe, expect, it } from 'vitest';
import { byHandText, resumeByHandText } from '../../../src/workout/by-hand.ts';

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
    expect(byHandText(reps, null, '+1', true)).toBe('count with +1');
    expect(byHandText(hold, null, '+1', true)).toBe('tap Start hold');
    expect(byHandText(hold, 12_000, '+1', true)).toBe('tap End hold when you let go');
  });
});

describe('resumeByHandText', () => {
  it('offers Reconnect first, then Resume and what to do by hand', () => {
    expect(resumeByHandText(hold, null, 'plus one')).toBe(
      'Tap Reconnect, or Resume and tap Start hold when you are in position',
    );
  });
});
