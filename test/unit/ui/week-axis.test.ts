import { afterEach, describe, expect, it, vi } from 'vitest';
import { weekLabels, weekRange, weekTicks } from '../../../src/ui/week-axis.ts';

const WEEK_S = 7 * 24 * 3600;
/** Monday 30 November 2026, as the charts place a week: midnight UTC at its start. */
const MONDAY = Date.UTC(2026, 10, 30) / 1000;

describe('the axis of a chart by week', () => {
  it('marks a single week once, at its start, as the week of that day', () => {
    const [min, max] = weekRange([MONDAY]);
    // No days of the week before or after are marked: only the week itself.
    expect(max - min).toBeLessThanOrEqual(WEEK_S);
    const ticks = weekTicks([MONDAY], min, max, 300);
    expect(ticks).toEqual([MONDAY]);
    expect(weekLabels(ticks, 'en-GB')).toEqual(['week of\n30 Nov']);
  });

  it('thins the ticks to fit a phone, keeping them on week starts and the latest week', () => {
    const weeks = Array.from({ length: 12 }, (_, i) => MONDAY + i * WEEK_S);
    const [min, max] = weekRange(weeks);
    const ticks = weekTicks(weeks, min, max, 240);
    expect(ticks.length).toBeLessThanOrEqual(3);
    expect(ticks.every((t) => weeks.includes(t))).toBe(true);
    expect(ticks.at(-1)).toBe(weeks.at(-1));
    expect(weekTicks(weeks, min, max, 1200)).toEqual(weeks);
  });

  it('spans any number of weeks, too many to pass to a function one by one', () => {
    const weeks = Array.from({ length: 1_000_000 }, (_, i) => MONDAY + i * WEEK_S);
    const [min, max] = weekRange(weeks);
    expect(min).toBeLessThan(MONDAY);
    expect(max).toBeGreaterThan(weeks.at(-1)!);
  });

  it('gives the year when the weeks shown span years', () => {
    const weeks = [MONDAY, MONDAY + 5 * WEEK_S];
    expect(weekLabels(weeks, 'en-GB')).toEqual(['week of\n30 Nov 2026', 'week of\n4 Jan 2027']);
  });

  describe('west of Greenwich, where midnight UTC is still the Sunday before', () => {
    afterEach(() => vi.unstubAllEnvs());

    it("names the week's Monday, and its year only when the weeks span years", () => {
      vi.stubEnv('TZ', 'America/New_York');
      expect(weekLabels([MONDAY], 'en-GB')).toEqual(['week of\n30 Nov']);
      // Monday 1 January 2029 and the week after: one year, though New York sees 31 December first.
      const newYear = Date.UTC(2029, 0, 1) / 1000;
      expect(weekLabels([newYear, newYear + WEEK_S], 'en-GB')).toEqual(['week of\n1 Jan', 'week of\n8 Jan']);
    });
  });
});
