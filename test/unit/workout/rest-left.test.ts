import { describe, expect, it } from 'vitest';
import { restLeftMs, wholeSecondsLeft } from '../../../src/workout/rest-left.ts';

describe('restLeftMs', () => {
  it('counts down to the rest end while the session runs', () => {
    expect(restLeftMs({ restEndsMs: 69_000, nowMs: 39_000, pausedAtMs: null })).toBe(30_000);
  });

  it('stands still from when the session was paused', () => {
    expect(restLeftMs({ restEndsMs: 69_000, nowMs: 50_000, pausedAtMs: 39_000 })).toBe(30_000);
  });

  it('is 0 out of a rest', () => {
    expect(restLeftMs({ restEndsMs: null, nowMs: 50_000, pausedAtMs: null })).toBe(0);
  });
});

describe('wholeSecondsLeft', () => {
  it('rounds up, so the ring says 30 until 30 s are wholly gone, and 0 only at the end', () => {
    expect(wholeSecondsLeft(30_000)).toBe(30);
    expect(wholeSecondsLeft(29_999)).toBe(30);
    expect(wholeSecondsLeft(29_000)).toBe(29);
    expect(wholeSecondsLeft(1)).toBe(1);
    expect(wholeSecondsLeft(0)).toBe(0);
    expect(wholeSecondsLeft(-250)).toBe(0);
  });
});
