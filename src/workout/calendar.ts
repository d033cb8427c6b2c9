// Calendar weeks that do not move with the time zone the app happens to run in. A session belongs to
// the week of the day on which it began, where it began: its start and the UTC offset saved with it
// say which, so the week it is counted in is the same whenever and wherever the app is opened, and
// the week it is taken out of when deleted is the one it was put in. A week is named by the date of
// its Monday, "2026-11-02", and the next one is seven calendar days on: in UTC, where no day is 23
// or 25 hours long, so daylight saving neither skips a week nor counts one twice.
// Pure, but for localUtcOffsetMin, the one place that asks the device for its zone.

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** A date is at most 8.64e15 ms from 1970: the last start whose week, and the days about it, are dates. */
const LAST_MS = 8.64e15 - 16 * DAY_MS;

/**
 * A week, as the date of its Monday: "2026-11-02". Sorts as the weeks follow one another within the
 * years 0 to 9999; a date gone wrong beyond them is written "-029719-04-05", which does not.
 */
export type Week = string;

/**
 * How far this device's clock is ahead of UTC at `epochMs`, minutes: 120 in Paris in summer, -240 in
 * New York. Asked once, when a session begins, and kept with it.
 */
export function localUtcOffsetMin(epochMs: number): number {
  // getTimezoneOffset counts the other way (UTC minus local); `|| 0` keeps UTC's 0 from being -0.
  return -Math.round(new Date(epochMs).getTimezoneOffset()) || 0;
}

/**
 * A session's offset from UTC at its end, as a row keeps it: only when the clocks changed during it
 * (see SessionRow.endUtcOffsetMin).
 */
export function endOffsetOf(utcOffsetMin: number, endedAt: number): { endUtcOffsetMin?: number } {
  const atEnd = localUtcOffsetMin(endedAt);
  return atEnd === utcOffsetMin ? {} : { endUtcOffsetMin: atEnd };
}

/** The week of the day that `epochMs` falls on where the clock is `utcOffsetMin` ahead of UTC. */
export function weekOf(epochMs: number, utcOffsetMin: number): Week {
  // A start beyond any date (saved before imports checked dates) goes in the first or last week there
  // is: a week that cannot be named would fail every write of its week and the upgrade of the database.
  const at = Math.min(Math.max(epochMs, -LAST_MS), LAST_MS);
  // The local wall-clock time, read with the UTC methods: the calendar of that place.
  const local = new Date(at + utcOffsetMin * MINUTE_MS);
  const daysSinceMonday = (local.getUTCDay() + 6) % 7;
  return dateOf(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - daysSinceMonday));
}

/**
 * The wall clock of the place where the clock was `utcOffsetMin` ahead of UTC, at `epochMs`: a Date
 * whose UTC fields (getUTCDate, getUTCHours…, or formatting with timeZone 'UTC') read that time.
 * Sessions are listed and exported at the time of day they had where they were done, as their week
 * is counted, wherever the app is opened later.
 */
export function wallClockOf(epochMs: number, utcOffsetMin: number): Date {
  return new Date(epochMs + utcOffsetMin * MINUTE_MS);
}

/** The date and time in a file name, where the clock was `utcOffsetMin` ahead of UTC: 2026-11-20-1830. */
export function fileStamp(epochMs: number, utcOffsetMin = localUtcOffsetMin(epochMs)): string {
  const d = wallClockOf(epochMs, utcOffsetMin);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}`;
}

/** The week a session is counted in: that of the day it began on, where it began. */
export function sessionWeek(session: { readonly startedAt: number; readonly utcOffsetMin: number }): Week {
  return weekOf(session.startedAt, session.utcOffsetMin);
}

/** Midnight UTC at the start of the week's Monday, epoch ms: one instant per week, the same everywhere. */
export function weekUtcMs(week: Week): number {
  // A date alone in ISO form is read as UTC.
  return Date.parse(week);
}

export function nextWeek(week: Week): Week {
  return dateOf(weekUtcMs(week) + 7 * DAY_MS);
}

/**
 * The starts (epoch ms, from inclusive, to exclusive) of every session that can belong to the week,
 * wherever it began: clocks run from 12 h behind UTC to 14 h ahead, so a day either side covers them.
 */
export function weekStarts(week: Week): [from: number, to: number] {
  const monday = weekUtcMs(week);
  return [monday - DAY_MS, monday + 8 * DAY_MS];
}

function dateOf(utcMs: number): Week {
  // Without the time, "T00:00:00.000Z": a date gone wrong may have a year of six digits and a sign.
  return new Date(utcMs).toISOString().slice(0, -14);
}
