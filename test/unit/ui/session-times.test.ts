import { describe, expect, it } from 'vitest';
import { sessionTimes } from '../../../src/ui/session-times.ts';

/** Begun at `hour`:`minute`:`second` on 23 November 2026 UTC, where the clock was `utcOffsetMin` ahead. */
function begun(hour: number, minute: number, second: number, utcOffsetMin = 0) {
  return { startedAt: Date.UTC(2026, 10, 23, hour, minute, second) - utcOffsetMin * 60_000, utcOffsetMin };
}

/** sessionTimes in en-US, every space a plain one: ICU puts a narrow one before AM. */
function timesOf(sessions: ReturnType<typeof begun>[], unlisted: ReturnType<typeof begun>[] = []): string[] {
  return sessionTimes(sessions, 'en-US', unlisted).map((time) => time.replace(/\s/g, ' '));
}

describe('sessionTimes', () => {
  it('gives each session the minute it began where no two share it', () => {
    expect(timesOf([begun(9, 15, 0), begun(8, 2, 10)])).toEqual([
      'Nov 23, 2026, 9:15 AM',
      'Nov 23, 2026, 8:02 AM',
    ]);
  });

  it('gives the seconds of those that share a minute, the others still to the minute', () => {
    expect(timesOf([begun(9, 15, 0), begun(8, 2, 40), begun(8, 2, 10)])).toEqual([
      'Nov 23, 2026, 9:15 AM',
      'Nov 23, 2026, 8:02:40 AM',
      'Nov 23, 2026, 8:02:10 AM',
    ]);
  });

  it('numbers those that share the second too, in the order listed', () => {
    expect(timesOf([begun(8, 2, 40), begun(8, 2, 10), begun(8, 2, 10)])).toEqual([
      'Nov 23, 2026, 8:02:40 AM',
      'Nov 23, 2026, 8:02:10 AM (1 of 2)',
      'Nov 23, 2026, 8:02:10 AM (2 of 2)',
    ]);
  });

  it('tells apart by the time shown, where each was done: one minute on two clocks is shared', () => {
    // 8:02 in Tokyo and 8:02 in London, nine hours apart, read alike in the list.
    expect(timesOf([begun(8, 2, 30, 0), begun(8, 2, 5, 540)])).toEqual([
      'Nov 23, 2026, 8:02:30 AM',
      'Nov 23, 2026, 8:02:05 AM',
    ]);
  });

  it('tells the last listed apart from those after it not yet listed (the next page), as they will be once listed', () => {
    const listed = [begun(9, 15, 0), begun(8, 2, 40)];
    expect(timesOf(listed, [begun(8, 2, 10)])).toEqual(['Nov 23, 2026, 9:15 AM', 'Nov 23, 2026, 8:02:40 AM']);
    expect(timesOf([begun(8, 2, 10)], [begun(8, 2, 10)])).toEqual(['Nov 23, 2026, 8:02:10 AM (1 of 2)']);
    expect(timesOf([...listed, begun(8, 2, 10)]).slice(0, 2)).toEqual(timesOf(listed, [begun(8, 2, 10)]));
  });
});
