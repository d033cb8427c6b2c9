import { afterEach, describe, expect, it } from 'vitest';
import type { ChartLine } from '../../../src/store/progress.ts';
import {
  bandNote,
  firstWeekNote,
  goalTargets,
  legendLabel,
  lineName,
  shownLines,
  weekReadings,
  weeksInWords,
} from '../../../src/ui/chart-legend.ts';

const labelsShown = (lines: ChartLine[]) => shownLines(lines).map((i) => lines[i]!.label);

describe('the lines a progress chart draws and names in its legend', () => {
  it('leaves out a line with no value in any week, and the target of it', () => {
    // A first session with the drawing-in skipped: its target was planned, but no hold was made.
    const lines: ChartLine[] = [
      { label: 'Elbow plank (s)', values: [30], styleSlot: 0 },
      { label: 'Elbow plank target (s)', values: [30], target: true, styleSlot: 0 },
      { label: 'Drawing-in (s)', values: [null], styleSlot: 1 },
      { label: 'Drawing-in target (s)', values: [45], target: true, styleSlot: 1 },
    ];
    expect(labelsShown(lines)).toEqual(['Elbow plank (s)', 'Elbow plank target (s)']);
  });

  it('keeps a line with a value in any one of its weeks, with its target', () => {
    const lines: ChartLine[] = [
      { label: 'Drawing-in (s)', values: [null, 45, null], styleSlot: 0 },
      { label: 'Drawing-in target (s)', values: [45, 45, 45], target: true, styleSlot: 0 },
    ];
    expect(labelsShown(lines)).toEqual(['Drawing-in (s)', 'Drawing-in target (s)']);
  });

  it('leaves out a target with no value, though its line has some', () => {
    const lines: ChartLine[] = [
      { label: 'Elbow plank (s)', values: [30, 32], styleSlot: 0 },
      { label: 'Elbow plank target (s)', values: [null, null], target: true, styleSlot: 0 },
    ];
    expect(labelsShown(lines)).toEqual(['Elbow plank (s)']);
  });

  it('keeps a target that is the goal of no line, when it has a value', () => {
    const lines: ChartLine[] = [{ label: 'Drawing-in target (s)', values: [45], target: true, styleSlot: 0 }];
    expect(shownLines(lines)).toEqual([0]);
  });

  it('keeps every line of a chart whose lines all have values, in their order', () => {
    const lines: ChartLine[] = [
      { label: 'Average (bpm)', values: [96], styleSlot: 0 },
      { label: 'Peak (bpm)', values: [120], styleSlot: 1 },
      { label: 'Recovery in 1 min (bpm)', values: [0], styleSlot: 2 },
    ];
    expect(shownLines(lines)).toEqual([0, 1, 2]);
  });
});

describe("a progress chart's legend in its first week", () => {
  it('gives each line its value while there is one week, a lone point on an axis saying little', () => {
    expect(legendLabel({ label: 'Elbow plank (s)', values: [30], styleSlot: 0 }, 'en')).toBe(
      'Elbow plank (s): 30',
    );
    expect(legendLabel({ label: 'Best lift (°)', values: [16.6], styleSlot: 0 }, 'de')).toBe(
      'Best lift (°): 16,6',
    );
  });

  // Its target's band has no legend entry of its own (see goalTargets): the line's says it.
  it("gives a line its target's value beside its own while there is one week", () => {
    const superman: ChartLine = { label: 'Superman', values: [8], styleSlot: 0 };
    const target: ChartLine = { label: 'Superman target', values: [10], target: true, styleSlot: 0 };
    expect(legendLabel(superman, 'en', target)).toBe('Superman: 8, target 10');
    expect(legendLabel({ ...superman, values: [8, 9] }, 'en', { ...target, values: [10, 10] })).toBe(
      'Superman',
    );
  });

  it('names a line only, once there are weeks to read a trend from', () => {
    expect(legendLabel({ label: 'Elbow plank (s)', values: [30, 35], styleSlot: 0 }, 'en')).toBe(
      'Elbow plank (s)',
    );
  });

  it('says in a line under a chart of one week that the weeks to come show the trend, and nothing after', () => {
    expect(firstWeekNote([1_764_460_800])).toMatch(/trend/);
    expect(firstWeekNote([1_764_460_800, 1_765_065_600])).toBeNull();
  });
});

describe("the targets a progress chart's legend names with their lines", () => {
  const lines: ChartLine[] = [
    { label: 'Superman', values: [8, 9], styleSlot: 0 },
    { label: 'Superman target', values: [10, 10], target: true, styleSlot: 0 },
    { label: 'Glute bridge', values: [12, 13], styleSlot: 1 },
    { label: 'Bird dog', values: [16, 18], styleSlot: 2 },
    { label: 'Bird dog target', values: [20, 20], target: true, styleSlot: 2 },
  ];

  it('pairs each line with the target just after it: one entry an exercise, its band beside its marker', () => {
    expect(goalTargets(lines)).toEqual(
      new Map([
        [0, 1],
        [3, 4],
      ]),
    );
  });

  it('pairs no target that is the goal of no line: it keeps its own entry', () => {
    const lone: ChartLine[] = [
      { label: 'Drawing-in target (s)', values: [45], target: true, styleSlot: 1 },
      { label: 'Bat hang', values: [4], styleSlot: 0 },
    ];
    expect(goalTargets(lone)).toEqual(new Map());
  });

  it("says under a chart with a line's target that the pale band in its colour is that target", () => {
    expect(bandNote(lines)).toBe("A pale band in a line's colour is its target.");
    expect(bandNote([lines[0]!, lines[1]!])).toBe('The pale band is its target.');
    expect(bandNote([lines[0]!, lines[2]!])).toBeNull();
  });
});

describe('the bird dog in a progress chart, each side as the rest of the app says it', () => {
  const birdDog: ChartLine[] = [
    { label: 'Bird dog', values: [2], styleSlot: 2, perSide: true },
    { label: 'Bird dog target', values: [2], target: true, styleSlot: 2, perSide: true },
  ];

  it('names a week of it "2 each side, target 2 each side", in the legend and in words', () => {
    expect(legendLabel(birdDog[0]!, 'en', birdDog[1])).toBe('Bird dog: 2 each side, target 2 each side');
    expect(weekReadings(birdDog, 0, 'en')).toEqual(['Bird dog: 2 each side, target 2 each side']);
  });

  it('names the line and its column "each side" where the numbers stand alone on the axis', () => {
    const weeks = birdDog.map((line) => ({ ...line, values: [2, 3] }));
    expect(legendLabel(weeks[0]!, 'en', weeks[1])).toBe('Bird dog (each side)');
    expect(lineName(weeks[1]!)).toBe('Bird dog target (each side)');
    expect(lineName({ label: 'Superman', values: [10, 11], styleSlot: 0 })).toBe('Superman');
  });
});

describe("a progress chart's week told in words, where the chart is too narrow to draw", () => {
  const lines: ChartLine[] = [
    { label: 'Superman', values: [12, null], styleSlot: 0 },
    { label: 'Superman target', values: [12, 11], target: true, styleSlot: 0 },
    { label: 'Glute bridge', values: [15, 1250], styleSlot: 1 },
    { label: 'Glute bridge target', values: [15, 15], target: true, styleSlot: 1 },
    { label: 'Best lift (°)', values: [22.5, null], styleSlot: 2 },
  ];

  it('tells each line of the week with its target, as the legend does a first week', () => {
    expect(weekReadings(lines, 0, 'en-US')).toEqual([
      'Superman: 12, target 12',
      'Glute bridge: 15, target 15',
      'Best lift (°): 22.5',
    ]);
  });

  it('leaves out a line without a value that week, and its target with it, and writes numbers as the person reads them', () => {
    expect(weekReadings(lines, 1, 'en-US')).toEqual(['Glute bridge: 1,250, target 15']);
    expect(weekReadings(lines, 1, 'de-DE')).toEqual(['Glute bridge: 1.250, target 15']);
  });
});

describe("a progress chart's weeks told in words", () => {
  // Mondays 0:00 UTC, in seconds: 16, 23 and 30 Nov 2026.
  const nov = (day: number) => Date.UTC(2026, 10, day) / 1000;
  const series = {
    x: [nov(16), nov(23), nov(30)],
    lines: [
      { label: 'Bat hang', values: [3, null, 4], styleSlot: 0 },
      { label: 'Bat hang target', values: [3, 3, 4], target: true, styleSlot: 0 },
    ],
  };
  const december = Date.UTC(2026, 11, 7);

  it('tells the newest week first, and no week with nothing in it', () => {
    expect(weeksInWords(series, 'en-US', december)).toEqual([
      { heading: 'Week of Nov 30', readings: ['Bat hang: 4, target 4'] },
      { heading: 'Week of Nov 16', readings: ['Bat hang: 3, target 3'] },
    ]);
  });

  it("dates this year's weeks without the year, the weeks of another year with it", () => {
    const january = Date.UTC(2027, 0, 11);
    expect(weeksInWords(series, 'en-US', january).map((week) => week.heading)).toEqual([
      'Week of Nov 30, 2026',
      'Week of Nov 16, 2026',
    ]);
  });

  it('tells a week whose only hold was broken by a pause what it did, where it charts nothing', () => {
    const holds = {
      x: [nov(23), nov(30)],
      lines: [{ label: 'Drawing-in (s)', values: [50, null], styleSlot: 0 }],
      notCharted: [null, 'Drawing-in 45 s, with a pause'],
    };
    expect(weeksInWords(holds, 'en-US', december)).toEqual([
      { heading: 'Week of Nov 30', readings: ['Not charted: Drawing-in 45 s, with a pause'] },
      { heading: 'Week of Nov 23', readings: ['Drawing-in (s): 50'] },
    ]);
  });
});

describe("a progress chart's weeks told in words on New Year's morning east of Greenwich", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("dates last year's weeks with their year, as the person's calendar has turned where UTC's has not", () => {
    // 9:00 on 1 January 2027 in Auckland is still 31 December 2026 in UTC; a week is its local Monday.
    process.env.TZ = 'Pacific/Auckland';
    const series = {
      x: [Date.UTC(2026, 11, 28) / 1000],
      lines: [{ label: 'Bat hang', values: [4], styleSlot: 0 }],
    };
    const newYearsMorning = Date.UTC(2026, 11, 31, 20);
    expect(weeksInWords(series, 'en-US', newYearsMorning).map((week) => week.heading)).toEqual([
      'Week of Dec 28, 2026',
    ]);
  });
});
