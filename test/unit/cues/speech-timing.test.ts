import { describe, expect, it } from 'vitest';
import {
  allowedRate,
  endsAfter,
  keptWaitsMs,
  MAX_RATE,
  MIN_RATE,
  overdueMs,
} from '../../../src/cues/speech-timing.ts';

describe('the reckoning of how long the voice takes', () => {
  it('keeps the rate within what the settings allow', () => {
    expect(allowedRate(0.1)).toBe(MIN_RATE);
    expect(allowedRate(1.3)).toBe(1.3);
    expect(allowedRate(5)).toBe(MAX_RATE);
  });

  it('gives a line up as never ended only well after it would end, later for a longer or slower line', () => {
    const short = overdueMs('Four', 1);
    expect(short).toBeGreaterThan(4000);
    expect(overdueMs('Keep your back straight, eyes down', 1)).toBeGreaterThan(short);
    expect(overdueMs('Four', 0.5)).toBeGreaterThan(short);
  });

  it('tells a sentence that would still be said when the countdown cuts it off from one that ends before', () => {
    const sentence = 'Keep your back straight, eyes down.';
    expect(endsAfter(sentence, 1, 0, 1000)).toBe(true);
    expect(endsAfter(sentence, 1, 0, 60_000)).toBe(false);
    // At twice the pace it fits where at the usual one it does not.
    const atUsualPaceMs = overdueMs(sentence, 1) - overdueMs('', 1);
    expect(endsAfter(sentence, 1, 0, atUsualPaceMs * 0.75)).toBe(true);
    expect(endsAfter(sentence, 2, 0, atUsualPaceMs * 0.75)).toBe(false);
  });

  describe('a kept line waiting for the taps of +1 to stop', () => {
    it('is said at once where no tap came', () => {
      expect(keptWaitsMs([], 10_000, 2000)).toBe(0);
    });

    it('is said at once where it ends before the next tap is due at the pace of the last two', () => {
      expect(keptWaitsMs([1000, 5000], 5100, 2000)).toBe(0);
    });

    it('waits, after a single tap, for as long as the line takes to say from it', () => {
      expect(keptWaitsMs([1000], 1500, 2000)).toBe(1500);
    });

    it('waits, after taps faster than the line, for half as long again as their gap, and at least the line', () => {
      // Taps 1.6 s apart, a 2 s line: 1.5 × 1.6 s = 2.4 s from the last tap.
      expect(keptWaitsMs([1000, 2600], 2700, 2000)).toBe(2300);
      // Taps 0.5 s apart: the line's own 2 s from the last tap.
      expect(keptWaitsMs([1000, 1500], 1600, 2000)).toBe(1900);
    });

    it('waits no more than twice as long as the line takes from the last tap, however far apart the taps were', () => {
      // Taps 3 s apart, the next overdue: 1.5 × 3 s would be 4.5 s from the last tap, twice the 2 s line is 4 s.
      expect(keptWaitsMs([1000, 4000], 5500, 2000)).toBe(2500);
    });

    it('is said at once once the wait is over', () => {
      expect(keptWaitsMs([1000], 10_000, 2000)).toBe(0);
    });
  });
});
