// Which of a progress chart's lines it draws, and so names in its legend. Pure: the chart passes
// uPlot only these, and its Numbers table lists only these.

import type { ChartLine } from '../store/progress.ts';

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
 * single point over "week of Nov 30" shows no trend yet, but the week's number is worth reading.
 */
export function legendLabel(line: ChartLine, locale: string): string {
  const [only, ...rest] = line.values;
  if (rest.length > 0 || only === null || only === undefined) return line.label;
  return `${line.label}: ${only.toLocaleString(locale)}`;
}

/** A line under a chart of one week, saying what the weeks to come will show; none after that. */
export function firstWeekNote(weeks: readonly number[]): string | null {
  return weeks.length === 1
    ? 'Your first week. Each week adds a point, and the line shows your trend.'
    : null;
}
