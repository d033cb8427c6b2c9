import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AxisRoom, weekAxis, weekRange } from '../../../src/ui/week-axis.ts';

const WEEK_S = 7 * 24 * 3600;
/** Monday 30 November 2026, as the charts place a week: midnight UTC at its start. */
const MONDAY = Date.UTC(2026, 10, 30) / 1000;
/** Monday 1 June 2026: the latest of the weeks below. */
const LATEST = Date.UTC(2026, 5, 1) / 1000;

/** About as wide as 14 px text: 8 px a character of a label's longest line. */
const measure = (label: string) => Math.max(...label.split('\n').map((line) => line.length * 8));

/** `count` weeks, one after another, the last the week of `last`. */
function weeksUpTo(last: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => last - (count - 1 - i) * WEEK_S);
}

/** The room of a chart's x axis: its plot `plotPx` wide, with the y axis's 68 px to its left and 24 px to its right. */
const room = (plotPx: number): AxisRoom => ({ plotPx, leftPx: 68, rightPx: 24 });

/**
 * Each label's left and right edges, px from the plot's left, as drawn: centred on its tick. Worked out
 * here again rather than with the module's own sums, so that a slip in them shows.
 */
function edges(weeks: readonly number[], plotPx: number) {
  const [min, max] = weekRange(weeks);
  const axis = weekAxis(weeks, min, max, room(plotPx), measure, 'en-US');
  return axis.ticks.map((tick, i) => {
    const centre = ((tick - min) / (max - min)) * plotPx;
    const half = measure(axis.labels[i]!) / 2;
    return { left: centre - half, right: centre + half, label: axis.labels[i]! };
  });
}

/** Whether the labels stand apart from one another, none beyond either side of the chart. */
function readable(weeks: readonly number[], plotPx: number): boolean {
  const shown = edges(weeks, plotPx);
  const apart = shown.every((label, i) => i === 0 || label.left >= shown[i - 1]!.right + 8);
  const inside = shown.every((label) => label.left >= -68 && label.right <= plotPx + 24);
  return apart && inside;
}

describe('the axis of a chart by week', () => {
  it('marks a single week once, at its start, as the week of that day', () => {
    const [min, max] = weekRange([MONDAY]);
    // No days of the week before or after are marked: only the week itself.
    expect(max - min).toBeLessThanOrEqual(WEEK_S);
    expect(weekAxis([MONDAY], min, max, room(300), measure, 'en-GB')).toEqual({
      ticks: [MONDAY],
      labels: ['week of\n30 Nov'],
    });
  });

  it('marks every week of six on a laptop, and as many as fit on a phone, the latest among them', () => {
    const weeks = weeksUpTo(LATEST, 6);
    const [min, max] = weekRange(weeks);
    expect(weekAxis(weeks, min, max, room(900), measure, 'en-US').ticks).toEqual(weeks);
    const phone = weekAxis(weeks, min, max, room(258), measure, 'en-US');
    expect(phone.ticks.length).toBeGreaterThanOrEqual(3);
    expect(phone.ticks.at(-1)).toBe(LATEST);
    expect(phone.labels.at(-1)).toBe('week of\nJun 1');
    expect(readable(weeks, 258)).toBe(true);
  });

  it('names months across a year of weeks, each label apart from the next, the year where it changes', () => {
    const weeks = weeksUpTo(LATEST, 53);
    const [min, max] = weekRange(weeks);
    // Before, nine labels like "Jun 30, 2025" ran into one another across a laptop's 900 px.
    const laptop = weekAxis(weeks, min, max, room(900), measure, 'en-US');
    expect(laptop.labels).toEqual([
      'Jun\n2025',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
      'Jan\n2026',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
    ]);
    // Each on the first Monday of its month, where its weeks begin.
    expect(laptop.ticks.at(-1)).toBe(LATEST);
    expect(new Date(laptop.ticks[1]! * 1000).toISOString()).toBe('2025-07-07T00:00:00.000Z');
    expect(readable(weeks, 900)).toBe(true);
  });

  it('keeps the latest label of a year on a phone inside the chart, where "Jun 1, 2026" ran off its edge', () => {
    const weeks = weeksUpTo(LATEST, 53);
    const shown = edges(weeks, 258);
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(shown.at(-1)!.label).toBe('Jun');
    expect(readable(weeks, 258)).toBe(true);
  });

  it('names years across three years of weeks in a narrow chart', () => {
    const weeks = weeksUpTo(LATEST, 3 * 52);
    const labels = edges(weeks, 80).map((label) => label.label);
    expect(labels.length).toBeGreaterThanOrEqual(1);
    expect(labels.every((label) => /^(\w{3}\n)?20\d\d$/.test(label))).toBe(true);
    expect(readable(weeks, 80)).toBe(true);
  });

  it('fits its labels without overlap or clipping from a week to three years, from 80 px to 1200 px', () => {
    for (const count of [1, 2, 6, 26, 53, 156]) {
      for (const plotPx of [80, 258, 900, 1200]) {
        expect(readable(weeksUpTo(LATEST, count), plotPx), `${count} weeks in ${plotPx} px`).toBe(true);
      }
    }
  });

  it('spans any number of weeks, too many to pass to a function one by one', () => {
    const weeks = Array.from({ length: 1_000_000 }, (_, i) => MONDAY + i * WEEK_S);
    const [min, max] = weekRange(weeks);
    expect(min).toBeLessThan(MONDAY);
    expect(max).toBeGreaterThan(weeks.at(-1)!);
  });

  it('marks the weeks between two with data, and gives the year where the weeks marked change year', () => {
    const weeks = [MONDAY, MONDAY + 5 * WEEK_S];
    const [min, max] = weekRange(weeks);
    expect(weekAxis(weeks, min, max, room(900), measure, 'en-GB').labels).toEqual([
      'week of\n30 Nov 2026',
      'week of\n7 Dec',
      'week of\n14 Dec',
      'week of\n21 Dec',
      'week of\n28 Dec',
      'week of\n4 Jan 2027',
    ]);
  });

  describe('west of Greenwich, where midnight UTC is still the Sunday before', () => {
    afterEach(() => vi.unstubAllEnvs());

    it("names the week's Monday, and its year only when the weeks span years", () => {
      vi.stubEnv('TZ', 'America/New_York');
      const [min, max] = weekRange([MONDAY]);
      expect(weekAxis([MONDAY], min, max, room(300), measure, 'en-GB').labels).toEqual(['week of\n30 Nov']);
      // Monday 1 January 2029 and the week after: one year, though New York sees 31 December first.
      const newYear = [Date.UTC(2029, 0, 1) / 1000, Date.UTC(2029, 0, 8) / 1000];
      const [from, to] = weekRange(newYear);
      expect(weekAxis(newYear, from, to, room(900), measure, 'en-GB').labels).toEqual([
        'week of\n1 Jan',
        'week of\n8 Jan',
      ]);
    });
  });
});
