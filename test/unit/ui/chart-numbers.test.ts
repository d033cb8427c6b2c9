import { describe, expect, it } from 'vitest';
import type { ChartLine } from '../../../src/store/progress.ts';
import { decimalPlaces, formatCell, noSessionsText, numbersRows } from '../../../src/ui/chart-numbers.ts';

const WEEK_S = 7 * 24 * 3600;
const weeks = (n: number) => Array.from({ length: n }, (_, i) => 1_763_337_600 + i * WEEK_S);

describe("the rows of a progress chart's numbers", () => {
  it('gives a row a week, newest first, where every week has a value', () => {
    const lines: ChartLine[] = [{ label: 'Superman', values: [10, 11, 12], styleSlot: 0 }];
    expect(numbersRows({ x: weeks(3), lines })).toEqual([
      { kind: 'week', index: 2 },
      { kind: 'week', index: 1 },
      { kind: 'week', index: 0 },
    ]);
  });

  it('keeps a week that one line has a value in, and joins the weeks no line has one in', () => {
    const lines: ChartLine[] = [
      { label: 'Superman', values: [10, null, null, null, 11, null], styleSlot: 0 },
      { label: 'Glute bridge', values: [15, null, null, null, null, null], styleSlot: 1 },
    ];
    expect(numbersRows({ x: weeks(6), lines })).toEqual([
      { kind: 'none', newest: 5, oldest: 5 },
      { kind: 'week', index: 4 },
      { kind: 'none', newest: 3, oldest: 1 },
      { kind: 'week', index: 0 },
    ]);
  });

  it('keeps a week with no value that says what the chart leaves out of it, apart from the weeks around it', () => {
    const lines: ChartLine[] = [{ label: 'Drawing-in (s)', values: [45, null, null, null], styleSlot: 0 }];
    const notCharted = [null, null, 'Drawing-in 45 s, with a pause', null];
    expect(numbersRows({ x: weeks(4), lines, notCharted })).toEqual([
      { kind: 'none', newest: 3, oldest: 3 },
      { kind: 'week', index: 2 },
      { kind: 'none', newest: 1, oldest: 1 },
      { kind: 'week', index: 0 },
    ]);
  });

  it('takes a value missing from the end of a line as none', () => {
    const lines: ChartLine[] = [{ label: 'Superman', values: [10], styleSlot: 0 }];
    expect(numbersRows({ x: weeks(3), lines })).toEqual([
      { kind: 'none', newest: 2, oldest: 1 },
      { kind: 'week', index: 0 },
    ]);
  });

  it('says how many weeks a stretch with nothing lasted, and back to which', () => {
    expect(noSessionsText('Dec 8, 2025', 'Dec 8, 2025', 1)).toBe('Dec 8, 2025: no sessions with this');
    expect(noSessionsText('May 4, 2026', 'Dec 8, 2025', 22)).toBe(
      'May 4, 2026 back to Dec 8, 2025: no sessions with this in these 22 weeks',
    );
  });
});

describe("the numbers of a progress chart's columns", () => {
  it('writes every number of a column to as many decimal places as its most precise one', () => {
    const values = [25, 22.5, null, 27.25];
    const decimals = decimalPlaces(values);
    expect(decimals).toBe(2);
    expect(values.map((v) => formatCell(v, decimals))).toEqual(['25.00', '22.50', '–', '27.25']);
  });

  it('writes a column of whole numbers as whole numbers', () => {
    expect(decimalPlaces([10, 12, null])).toBe(0);
    expect(formatCell(12, 0)).toBe('12');
  });
});
