import { describe, expect, it } from 'vitest';
import { valueAxis, withMarginPx } from '../../../src/ui/value-axis.ts';

const FIVE_STEPS = { maxSteps: 5, wholeNumbers: false };
const WHOLE = { maxSteps: 5, wholeNumbers: true };

describe('the y axis of a progress chart', () => {
  it('starts a week of superman lifts at zero, so 0.2° is no more than it is', () => {
    const axis = valueAxis([19.3, 19.1], FIVE_STEPS);
    expect(axis.min).toBe(0);
    expect(axis.ticks).toEqual([0, 5, 10, 15, 20]);
    // The difference between the lifts is a sliver of the height, not all of it.
    expect((19.3 - 19.1) / (axis.max - axis.min)).toBeLessThan(0.02);
  });

  it('reaches a tick at or above the largest value: 36 reps under a 40, not over a 30', () => {
    const axis = valueAxis([19, 20, 36], WHOLE);
    expect(axis.ticks).toEqual([0, 10, 20, 30, 40]);
    expect(axis.max).toBeGreaterThanOrEqual(36);
  });

  it('ends on the largest value when it is itself a tick', () => {
    expect(valueAxis([30, 15], WHOLE).ticks).toEqual([0, 10, 20, 30]);
  });

  it('keeps every tick round, and whole for whole numbers', () => {
    for (const high of [1, 3, 7, 9, 13, 36, 99, 101, 180, 777, 4321, 98_765]) {
      const whole = valueAxis([high], WHOLE);
      expect(whole.ticks.every(Number.isInteger)).toBe(true);
      expect(whole.ticks.length - 1).toBeLessThanOrEqual(5);
      expect(whole.max).toBeGreaterThanOrEqual(high);
      const exponent = Math.floor(Math.log10(whole.step));
      expect([1, 2, 2.5, 5]).toContain(whole.step / 10 ** exponent);
    }
    expect(valueAxis([3], WHOLE).ticks).toEqual([0, 1, 2, 3]);
    expect(valueAxis([110], WHOLE).ticks).toEqual([0, 25, 50, 75, 100, 125]);
  });

  it('steps fractions in round decimals, with nothing left over from binary arithmetic', () => {
    expect(valueAxis([0.7], FIVE_STEPS).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(valueAxis([1.1], FIVE_STEPS).ticks).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25]);
    expect(valueAxis([0.3], FIVE_STEPS).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('gives values all zero, or none at all, a scale up to one', () => {
    expect(valueAxis([0, 0, null], WHOLE).ticks).toEqual([0, 1]);
    expect(valueAxis([null, null], WHOLE).ticks).toEqual([0, 1]);
    expect(valueAxis([], FIVE_STEPS).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('reaches below zero for a value below it', () => {
    const axis = valueAxis([-12, 30], WHOLE);
    expect(axis.min).toBeLessThanOrEqual(-12);
    expect(axis.max).toBeGreaterThanOrEqual(30);
    expect(axis.ticks).toContain(0);
  });

  describe('from under the lowest value, for heart rate', () => {
    const HEART = { ...WHOLE, fromUnder: { minSpan: 20 } };

    it("starts a session's 95 to 130 bpm at 90, where from zero they filled a quarter of the scale", () => {
      const axis = valueAxis([98, 124, null, 95, 130], HEART);
      expect(axis.ticks).toEqual([90, 100, 110, 120, 130]);
      expect((130 - 95) / (axis.max - axis.min)).toBeGreaterThan(0.85);
      expect((130 - 95) / (valueAxis([98, 124, 95, 130], WHOLE).max - 0)).toBeLessThan(0.25);
    });

    it('spans at least the range it is given: a beat between two weeks is not the whole height', () => {
      const axis = valueAxis([96, 97], HEART);
      expect(axis.min).toBeLessThanOrEqual(96);
      expect(axis.max - axis.min).toBeGreaterThanOrEqual(20);
      expect(axis.ticks).toEqual([95, 100, 105, 110, 115]);
    });

    it('keeps its ticks round and never goes under zero', () => {
      for (const values of [[61, 187], [8, 14], [140], [0, 3]]) {
        const axis = valueAxis(values, HEART);
        expect(axis.min).toBeGreaterThanOrEqual(0);
        expect(axis.min).toBeLessThanOrEqual(Math.min(...values));
        expect(axis.max).toBeGreaterThanOrEqual(Math.max(...values));
        expect(axis.ticks.every((t) => t % axis.step === 0)).toBe(true);
        expect(axis.ticks.length - 1).toBeLessThanOrEqual(5);
      }
    });

    it('gives no values the scale from zero to one', () => {
      expect(valueAxis([null], HEART).ticks).toEqual([0, 1]);
    });
  });

  it('skips the gaps of weeks without data', () => {
    expect(valueAxis([null, 14, null, 45], WHOLE).ticks).toEqual([0, 10, 20, 30, 40, 50]);
  });
});

describe('the values a plot spans beyond its axis', () => {
  it('leaves the margin asked for beyond the first and last ticks, whatever the plot is tall', () => {
    for (const plotPx of [139, 300]) {
      const [min, max] = withMarginPx({ min: 0, max: 4 }, plotPx, 10);
      const pxPerValue = plotPx / (max - min);
      expect((0 - min) * pxPerValue).toBeCloseTo(10, 9);
      expect((max - 4) * pxPerValue).toBeCloseTo(10, 9);
    }
  });

  it('spans the axis alone on a plot with no room for the margins', () => {
    expect(withMarginPx({ min: 0, max: 4 }, 20, 10)).toEqual([0, 4]);
    expect(withMarginPx({ min: 0, max: 4 }, 0, 10)).toEqual([0, 4]);
  });
});
