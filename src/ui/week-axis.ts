// The x axis of a chart with a point a week: its ticks fall on the weeks' starts, where the points are,
// and say "week of 30 Nov", so a point reads as a week rather than as the day the week began. Pure.
// A week's x is midnight UTC at the start of its Monday (see progress.ts): read in UTC, it is that
// Monday's date in every zone, where local time would make it Sunday west of Greenwich.

const DAY_S = 24 * 3600;
const WEEK_S = 7 * DAY_S;

/** Space between two labels, px: enough that two dates never read as one. */
const LABEL_GAP_PX = 12;
/** The steps, in weeks, between ticks that name a week: beyond a month apart, months read better. */
const WEEK_STEPS = [1, 2, 3, 4];
const MONTH_STEPS = [1, 2, 3, 6, 12];
const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100];

/** Where the x axis's labels may go: across the plot, and beyond it on either side as far as the chart's edges. */
export interface AxisRoom {
  /** The plot's width, px. */
  readonly plotPx: number;
  /** Room left of the plot, under the y axis's labels, px. */
  readonly leftPx: number;
  /** Room right of the plot, px. */
  readonly rightPx: number;
}

/** The ticks of a chart's x axis, epoch s, and their labels. */
export interface WeekAxis {
  readonly ticks: number[];
  readonly labels: string[];
}

/**
 * The ticks and labels of the x axis of a chart by week, from `min` to `max` (epoch s) across `room`:
 * as many as fit, each label clear of the next and within the chart, `measure` giving a label's
 * width, px. Week by week where there is room ("week of" over "Jun 30"), the latest week among them;
 * else months ("Jul", "Aug"), else years ("2026"), each on its first Monday, where its weeks begin;
 * the year where it changes. Of the three, the one that names the most ticks: a long history on a
 * phone reads by months, not by a week here and there.
 */
export function weekAxis(
  weeks: readonly number[],
  min: number,
  max: number,
  room: AxisRoom,
  measure: (label: string) => number,
  locale?: string,
): WeekAxis {
  let latest = -Infinity;
  for (const w of weeks) if (w >= min && w <= max && w > latest) latest = w;
  if (latest === -Infinity) return { ticks: [], labels: [] };
  const fitting = (ticks: number[], label: (ticks: readonly number[]) => string[]) =>
    fitted(ticks, label, min, max, room, measure);
  const levels: WeekAxis[] = [];
  for (const step of WEEK_STEPS) {
    const axis = fitting(weekStarts(latest, step, min), (ticks) => weekLabels(ticks, locale));
    if (axis) {
      levels.push(axis);
      break;
    }
  }
  for (const step of MONTH_STEPS) {
    const axis = fitting(monthStarts(latest, step, min, max), (ticks) => monthLabels(ticks, locale));
    if (axis) {
      levels.push(axis);
      break;
    }
  }
  for (const step of YEAR_STEPS) {
    const axis = fitting(yearStarts(latest, step, min, max), (ticks) => ticks.map(yearOf).map(String));
    if (axis) {
      levels.push(axis);
      break;
    }
  }
  // The finer of two that name as many ticks: a week's date says more than its month.
  return levels.reduce<WeekAxis>((best, axis) => (axis.ticks.length > best.ticks.length ? axis : best), {
    ticks: [],
    labels: [],
  });
}

/**
 * The ticks and their labels if the labels fit: none running into the next, none beyond the chart's
 * edges. A tick whose label would run off an edge is left out, as long as another is left.
 */
function fitted(
  candidates: number[],
  label: (ticks: readonly number[]) => string[],
  min: number,
  max: number,
  room: AxisRoom,
  measure: (label: string) => number,
): WeekAxis | null {
  const span = max - min || 1;
  const at = (t: number) => ((t - min) / span) * room.plotPx;
  const inside = (t: number, text: string) => {
    const half = measure(text) / 2;
    return at(t) - half >= -room.leftPx && at(t) + half <= room.plotPx + room.rightPx;
  };
  const first = label(candidates);
  const ticks = candidates.filter((t, i) => inside(t, first[i]!));
  if (ticks.length === 0) return null;
  // Leaving a tick out can move the year to the next label: label again, and check again.
  const labels = label(ticks);
  const widths = labels.map(measure);
  const fits = ticks.every(
    (t, i) =>
      inside(t, labels[i]!) &&
      (i === 0 || at(t) - at(ticks[i - 1]!) >= (widths[i]! + widths[i - 1]!) / 2 + LABEL_GAP_PX),
  );
  return fits ? { ticks, labels } : null;
}

/** Every `step` weeks back from the latest, from `min` on, oldest first. */
function weekStarts(latest: number, step: number, min: number): number[] {
  const ticks: number[] = [];
  for (let t = latest; t >= min; t -= step * WEEK_S) ticks.unshift(t);
  return ticks;
}

/** The first Monday of every `step` months back from the latest week's, within `min` to `max`, oldest first. */
function monthStarts(latest: number, step: number, min: number, max: number): number[] {
  const date = new Date(latest * 1000);
  const ticks: number[] = [];
  for (let month = date.getUTCMonth(); ; month -= step) {
    const t = firstMonday(date.getUTCFullYear(), month);
    if (t < min) return ticks;
    if (t <= max) ticks.unshift(t);
  }
}

/** The first Monday of every `step` years back from the latest week's, within `min` to `max`, oldest first. */
function yearStarts(latest: number, step: number, min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let year = yearOf(latest); ; year -= step) {
    const t = firstMonday(year, 0);
    if (t < min) return ticks;
    if (t <= max) ticks.unshift(t);
  }
}

/** The first Monday of a month (its index may run below 0, into the years before), epoch s at midnight UTC. */
function firstMonday(year: number, month: number): number {
  const first = new Date(Date.UTC(year, month, 1));
  const toMonday = (8 - first.getUTCDay()) % 7;
  return first.getTime() / 1000 + toMonday * DAY_S;
}

function yearOf(t: number): number {
  return new Date(t * 1000).getUTCFullYear();
}

/**
 * Each tick's label on two lines, "week of" over "30 Nov": the date with its year where the year
 * changes, when the ticks span years.
 */
function weekLabels(ticks: readonly number[], locale?: string): string[] {
  const withYear = new Set(ticks.map(yearOf)).size > 1;
  return ticks.map(
    (t, i) => `week of\n${weekDate(t, withYear && (i === 0 || yearOf(t) !== yearOf(ticks[i - 1]!)), locale)}`,
  );
}

/** Each tick's month, "Jul", over its year on the first and where the year changes: "Jan" over "2026". */
function monthLabels(ticks: readonly number[], locale?: string): string[] {
  return ticks.map((t, i) => {
    const month = utcDateFormat(locale, { month: 'short' }).format(t * 1000);
    return i === 0 || yearOf(t) !== yearOf(ticks[i - 1]!) ? `${month}\n${yearOf(t)}` : month;
  });
}

/** The date of a week's Monday: "30 Nov", or "30 Nov 2026". */
export function weekDate(weekStartS: number, withYear: boolean, locale?: string): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
  return utcDateFormat(locale, withYear ? { ...options, year: 'numeric' } : options).format(
    weekStartS * 1000,
  );
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A formatter of dates in UTC, made once for its locale and fields: toLocaleDateString makes one each
 * call, and the axis words every week of years of history at each spacing it tries.
 */
function utcDateFormat(locale: string | undefined, fields: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''} ${fields.day ?? ''} ${fields.month ?? ''} ${fields.year ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...fields, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
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
function extent(values: readonly number[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}
