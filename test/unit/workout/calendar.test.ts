import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  localUtcOffsetMin,
  nextWeek,
  sessionWeek,
  weekOf,
  weekStarts,
  weekUtcMs,
} from '../../../src/workout/calendar.ts';

const HOUR = 3600_000;

describe('calendar weeks', () => {
  it('gives a session the week of the day it began on where it began, not where the app is', () => {
    // Monday 2 November 2026, 02:00 UTC: still Sunday evening in New York, Monday morning in Paris.
    const at = Date.UTC(2026, 10, 2, 2);
    expect(weekOf(at, 0)).toBe('2026-11-02');
    expect(weekOf(at, -300)).toBe('2026-10-26');
    expect(weekOf(at, 60)).toBe('2026-11-02');
    // Sunday 23:30 UTC is Monday already in Tokyo, and still Sunday on Baker Island.
    const sunday = Date.UTC(2026, 10, 8, 23, 30);
    expect(weekOf(sunday, 540)).toBe('2026-11-09');
    expect(weekOf(sunday, -720)).toBe('2026-11-02');
    expect(sessionWeek({ startedAt: sunday, utcOffsetMin: 840 })).toBe('2026-11-09');
  });

  it('steps seven calendar days a week, across the turn of a year and of the clocks', () => {
    const weeks = ['2026-10-19'];
    for (let i = 0; i < 12; i++) weeks.push(nextWeek(weeks.at(-1)!));
    expect(weeks).toEqual([
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
      '2026-12-21',
      '2026-12-28',
      '2027-01-04',
      '2027-01-11',
    ]);
    expect(weekUtcMs('2027-01-04')).toBe(Date.UTC(2027, 0, 4));
  });

  it('names a week of a date gone wrong, and of one beyond any date, rather than failing', () => {
    expect(weekOf(-1e15, 0)).toBe('-029719-04-04');
    expect(weekUtcMs(nextWeek('-029719-04-04'))).toBe(weekUtcMs('-029719-04-04') + 7 * 24 * HOUR);
    for (const at of [1e300, -1e300, Infinity]) {
      const week = weekOf(at, 840);
      expect(Number.isFinite(weekUtcMs(nextWeek(week)))).toBe(true);
      expect(weekStarts(week).every(Number.isFinite)).toBe(true);
    }
  });

  it('looks for the sessions of a week a day either side of it, where every zone’s Monday and Sunday fall', () => {
    const [from, to] = weekStarts('2026-11-02');
    expect(from).toBe(Date.UTC(2026, 10, 1));
    expect(to).toBe(Date.UTC(2026, 10, 10));
    // The first and last moments of the week in the zones furthest ahead of and behind UTC.
    expect(from).toBeLessThanOrEqual(Date.UTC(2026, 10, 2) - 14 * HOUR);
    expect(to).toBeGreaterThan(Date.UTC(2026, 10, 9) + 12 * HOUR - 1);
  });
});

describe("the device's offset from UTC", () => {
  afterEach(() => vi.unstubAllEnvs());

  it('follows the zone and its daylight saving, and is 0, not -0, in UTC', () => {
    vi.stubEnv('TZ', 'America/New_York');
    // The clocks went forward at 2:00 on Sunday 8 March 2026.
    expect(localUtcOffsetMin(Date.UTC(2026, 2, 8, 6, 59))).toBe(-300);
    expect(localUtcOffsetMin(Date.UTC(2026, 2, 8, 7))).toBe(-240);
    vi.stubEnv('TZ', 'Asia/Kolkata');
    expect(localUtcOffsetMin(Date.UTC(2026, 2, 8))).toBe(330);
    vi.stubEnv('TZ', 'UTC');
    expect(Object.is(localUtcOffsetMin(Date.UTC(2026, 2, 8)), 0)).toBe(true);
  });

  it('puts a session begun late on the Sunday the clocks changed in the week that Sunday ends', () => {
    vi.stubEnv('TZ', 'America/New_York');
    // 23:30 on Sunday 8 March in New York, after the clocks went forward: 03:30 UTC on Monday.
    const at = Date.UTC(2026, 2, 9, 3, 30);
    expect(weekOf(at, localUtcOffsetMin(at))).toBe('2026-03-02');
  });
});
