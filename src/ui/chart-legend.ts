// Which of a progress chart's lines it draws, and so names in its legend. Pure: the chart passes
// uPlot only these, and its Numbers table lists only these.

import type { ChartLine, ChartSeries } from '../store/progress.ts';
import { weekDate } from './week-axis.ts';

/** What begins the words of what a week did that the chart leaves out (see ChartSeries.notCharted). */
export const NOT_CHARTED = 'Not charted';

/**
 * The indices of the lines to draw, in their order: each line with a value in some week, and its
 * target if that has one. A line with none would be a name in the legend beside nothing on the
 * chart; and a target without its line (the drawing-in planned at 45 s but skipped) is a goal with
 * nothing to hold against it.
 */
export function shownLines(lines: readonly ChartLine[]): number[] {
  const hasValue = (line: ChartLine | undefined) => !!line && line.values.some((v) => v !== null);
  return lines.flatMap((line, i) => {
    if (!hasValue(line)) return [];
    // A target is the goal of the line just before it, if that is no target itself.
    const goal = line.target && i > 0 && !lines[i - 1]!.target ? lines[i - 1] : undefined;
    return goal && !hasValue(goal) ? [] : [i];
  });
}

/**
 * A line's name in the legend; with one week of sessions, its value too ("Elbow plank (s): 30"): a
 * single point over "week of Nov 30" shows no trend yet, but the week's number is worth reading. Its
 * `target`'s band is named in the same entry (see goalTargets), and its value with it:
 * "Superman: 8, target 10".
 */
export function legendLabel(line: ChartLine, locale: string, target?: ChartLine): string {
  const [only, ...rest] = line.values;
  if (rest.length > 0 || only === null || only === undefined) return lineName(line);
  const goal = target?.values.length === 1 ? target.values[0] : null;
  const goalText =
    goal === null || goal === undefined || !target ? '' : `, target ${valueText(target, goal, locale)}`;
  return `${line.label}: ${valueText(line, only, locale)}${goalText}`;
}

/**
 * A line's name where its numbers stand alone, in the legend of weeks and over its column: "Bird dog
 * (each side)", as a hold's is "Elbow plank (s)".
 */
export function lineName(line: ChartLine): string {
  return line.perSide ? `${line.label} (each side)` : line.label;
}

/** A value of a line in words: "12", or "2 each side" of the bird dog's, as its plan says it. */
function valueText(line: ChartLine, value: number, locale: string): string {
  const number = value.toLocaleString(locale);
  return line.perSide ? `${number} each side` : number;
}

/**
 * Each line's target, by index: the target just after it (as ChartLine's `target` says). The legend
 * shows the two as one entry, the band's pale box beside the line's marker: a chart of four exercises
 * took eight entries, seven lines of legend on a phone, each target's name saying again what its
 * colour says. A target that is the goal of no line keeps an entry of its own.
 */
export function goalTargets(lines: readonly ChartLine[]): Map<number, number> {
  const targets = new Map<number, number>();
  lines.forEach((line, i) => {
    if (!line.target && lines[i + 1]?.target) targets.set(i, i + 1);
  });
  return targets;
}

/** The line under a chart whose lines have targets, saying what their bands are; none without. */
export function bandNote(lines: readonly ChartLine[]): string | null {
  const paired = goalTargets(lines).size;
  if (paired === 0) return null;
  return lines.length === 2
    ? 'The pale band is its target.'
    : "A pale band in a line's colour is its target.";
}

/** A line under a chart of one week, saying what the weeks to come will show; none after that. */
export function firstWeekNote(weeks: readonly number[]): string | null {
  return weeks.length === 1
    ? 'Your first week. Each week adds a point, and the line shows your trend.'
    : null;
}

/**
 * One week of a chart in words, a line each, as the legend names a first week: "Superman: 12,
 * target 12". For a box too narrow to draw the chart in, where a table of it showed only its column
 * of weeks and hid every number past the edge. A line without a value that week is left out, and its
 * target with it: a goal with nothing held against it.
 */
export function weekReadings(lines: readonly ChartLine[], week: number, locale: string): string[] {
  const targets = goalTargets(lines);
  const named = new Set(targets.values());
  const inWeek = (line: ChartLine): ChartLine => ({ ...line, values: [line.values[week] ?? null] });
  return lines.flatMap((line, i) => {
    if (named.has(i) || (line.values[week] ?? null) === null) return [];
    const target = targets.get(i);
    return [legendLabel(inWeek(line), locale, target === undefined ? undefined : inWeek(lines[target]!))];
  });
}

/** A week of a chart in words: its heading and a line of each reading. */
export interface WeekInWords {
  readonly heading: string;
  readonly readings: readonly string[];
}

/**
 * The weeks of a chart in words (see weekReadings), newest first, for a box too narrow for its plot:
 * only weeks with something in them, where on a 180 px phone each week of no lat pulldown or no heart
 * rate took "Week of Nov 30, 2026" over "–", three lines of nothing to read; and a week's date
 * without this year's number, on one line where it took two.
 */
export function weeksInWords(series: ChartSeries, locale: string, nowMs: number): WeekInWords[] {
  // A week is its Monday on the person's own calendar, written as UTC (see workout/calendar.ts): the
  // year it is now is theirs, which on New Year's morning east of Greenwich UTC has yet to reach.
  const thisYear = new Date(nowMs).getFullYear();
  return series.x
    .flatMap((x, i) => {
      const notCharted = series.notCharted?.[i];
      const readings = [
        ...weekReadings(series.lines, i, locale),
        ...(notCharted ? [`${NOT_CHARTED}: ${notCharted}`] : []),
      ];
      if (readings.length === 0) return [];
      const heading = `Week of ${weekDate(x, new Date(x * 1000).getUTCFullYear() !== thisYear, locale)}`;
      return [{ heading, readings }];
    })
    .reverse();
}
