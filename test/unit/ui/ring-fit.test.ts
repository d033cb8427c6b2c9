import { describe, expect, it } from 'vitest';
import {
  largestFittingScale,
  largestGrowth,
  reachPastBox,
  reachPastCircle,
} from '../../../src/ui/ring-fit.ts';

const CENTRE = { x: 100, y: 100 };

describe('how far words reach past the inside of a ring', () => {
  it('measures the farthest corner of any line, not its middle', () => {
    // A line 80 px wide and 16 tall under the centre: its bottom corners are √(40² + 24²) ≈ 46.6 px away.
    const line = { left: 60, right: 140, top: 108, bottom: 124 };
    expect(reachPastCircle([line], CENTRE, 45)).toBeCloseTo(Math.hypot(40, 24) - 45, 5);
    expect(reachPastCircle([line], CENTRE, 50)).toBeLessThan(0);
  });

  it('takes the worst of several lines', () => {
    const narrow = { left: 90, right: 110, top: 90, bottom: 110 };
    const wide = { left: 40, right: 160, top: 95, bottom: 105 };
    expect(reachPastCircle([narrow, wide], CENTRE, 50)).toBeCloseTo(Math.hypot(60, 5) - 50, 5);
  });

  it('has nothing to reach with no lines (words not shown)', () => {
    expect(reachPastCircle([], CENTRE, 10)).toBe(-Infinity);
  });
});

describe('how far words reach past the room they stand in', () => {
  const room = { left: 10, top: 20, right: 110, bottom: 60 };

  it('takes the side reached farthest past, by any line', () => {
    const inside = { left: 20, top: 20, right: 100, bottom: 40 };
    const belowIt = { left: 30, top: 40, right: 90, bottom: 67 };
    expect(reachPastBox([inside], room)).toBe(0);
    expect(reachPastBox([inside, belowIt], room)).toBe(7);
    expect(reachPastBox([{ left: 4, top: 30, right: 112, bottom: 50 }], room)).toBe(6);
    expect(reachPastBox([{ left: 40, top: 25, right: 80, bottom: 55 }], room)).toBe(-5);
  });

  it('has nothing to reach with no lines', () => {
    expect(reachPastBox([], room)).toBe(-Infinity);
  });
});

describe('the scale at which the words fit', () => {
  it('leaves words that fit as they are, with one measure', () => {
    const tried: number[] = [];
    expect(
      largestFittingScale((scale) => {
        tried.push(scale);
        return -1;
      }),
    ).toBe(1);
    expect(tried).toEqual([1]);
  });

  it('finds the largest scale that fits, to within a 64th, never one that does not', () => {
    // Words 120 px wide that must be at most 100: they fit at 100/120 ≈ 0.833 and under.
    const reach = (scale: number) => 120 * scale - 100;
    const scale = largestFittingScale(reach);
    expect(reach(scale)).toBeLessThanOrEqual(0);
    expect(scale).toBeGreaterThan(100 / 120 - 1 / 32);
    expect((scale * 64) % 1).toBe(0);
  });

  it('stops at the least scale when nothing fits', () => {
    expect(largestFittingScale(() => 5, 0.5)).toBe(0.5);
  });
});

describe('the scale to which words with room around them grow', () => {
  it('grows them to the most asked for where they fit there, with one measure', () => {
    const tried: number[] = [];
    expect(
      largestGrowth((scale) => {
        tried.push(scale);
        return -1;
      }, 1.5),
    ).toBe(1.5);
    expect(tried).toEqual([1.5]);
  });

  it('finds the largest growth that fits, to within a 64th, never one that does not', () => {
    // Words 80 px wide that must be at most 100: they fit up to 1.25.
    const reach = (scale: number) => 80 * scale - 100;
    const scale = largestGrowth(reach, 1.5);
    expect(reach(scale)).toBeLessThanOrEqual(0);
    expect(scale).toBeGreaterThan(1.25 - 1 / 32);
    expect((scale * 64) % 1).toBe(0);
  });

  it('leaves words that do not fit even as they are at their size', () => {
    expect(largestGrowth(() => 5, 1.5)).toBe(1);
  });
});
