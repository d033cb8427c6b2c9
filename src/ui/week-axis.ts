// The x axis of a chart with a point a week: its ticks fall on the weeks' starts, where the points are,
// and say "week of 30 Nov", so a point reads as a week rather than as the day the week began. Pure.
// A week's x is midnight UTC at the start of its Monday (see progress.ts): read in UTC, it is that
// Monday's date in every zone, where local time would make it Sunday west of Greenwich.

const DAY_S = 24 * 3600;

/** About how wide a tick's label is, px: "week of" over "30 Nov" (over "30 Nov 2026" across years). */
export function weekLabelWidthPx(withYear: boolean): number {
  return withYear ? 96 : 72;
}

/**
 * The week starts (epoch s) to put a tick on: those in view, thinned to one every few weeks so the
 * labels fit in `widthPx`. The latest week always has one: it is the one looked for most.
 */
export function weekTicks(weeks: readonly number[], min: number, max: number, widthPx: number): number[] {
  const shown = weeks.filter((w) => w >= min && w <= max);
  if (shown.length === 0) return [];
  const labelPx = weekLabelWidthPx(spansYears(shown));
  const fit = Math.max(1, Math.floor(widthPx / labelPx));
  const every = Math.ceil(shown.length / fit);
  const last = shown.length - 1;
  return shown.filter((_, i) => (last - i) % every === 0);
}

/** A tick's label on two lines, "week of" over "30 Nov"; with the year when the ticks span years. */
export function weekLabel(weekStartS: number, withYear: boolean, locale?: string): string {
  return `week of\n${weekDate(weekStartS, withYear, locale)}`;
}

/** The date of a week's Monday: "30 Nov", or "30 Nov 2026". */
export function weekDate(weekStartS: number, withYear: boolean, locale?: string): string {
  return new Date(weekStartS * 1000).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
}

/** The labels of the ticks `weekTicks` chose. */
export function weekLabels(ticks: readonly number[], locale?: string): string[] {
  const withYear = spansYears(ticks);
  return ticks.map((t) => weekLabel(t, withYear, locale));
}

/**
 * The x range of a weekly chart: half a week either side of its first and last weeks, so a single week
 * is a point with its label under it, not a stretch of days.
 */
export function weekRange(weeks: readonly number[]): [number, number] {
  const [min, max] = extent(weeks);
  const pad = Math.max((max - min) * 0.05, 3.5 * DAY_S);
  return [min - pad, max + pad];
}

/**
 * The least and the greatest of the values. Not Math.min(...values): each value would be an argument
 * on the stack, and some hundred thousand overflow it.
 */
export function extent(values: readonly number[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

function spansYears(weeks: readonly number[]): boolean {
  const years = new Set(weeks.map((w) => new Date(w * 1000).getUTCFullYear()));
  return years.size > 1;
}
