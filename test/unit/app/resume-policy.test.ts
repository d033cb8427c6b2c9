import { describe, expect, it } from 'vitest';
import { leftAtWall, RESUMABLE_FOR_MS, resumable } from '../../../src/app/resume-policy.ts';

const HOUR = 60 * 60 * 1000;
const started = Date.UTC(2026, 11, 5, 7, 1);
/** Closed in its first rest, six minutes in. */
const closedInARest = {
  startedAt: started,
  snapshot: { nowMs: 6 * 60_000 },
  summary: { durationMs: 5 * 60_000 },
  gaps: [],
};

describe('whether an interrupted session is offered to go on with', () => {
  it('goes on with a session left a moment ago, or an hour ago', () => {
    const left = leftAtWall(closedInARest);
    expect(left).toBe(started + 6 * 60_000);
    expect(resumable(closedInARest, left + 30_000)).toBe(true);
    expect(resumable(closedInARest, left + HOUR)).toBe(true);
    expect(resumable(closedInARest, left + RESUMABLE_FOR_MS)).toBe(true);
  });

  it('does not go on with a session left hours ago, or the day before', () => {
    const left = leftAtWall(closedInARest);
    expect(resumable(closedInARest, left + RESUMABLE_FOR_MS + 1)).toBe(false);
    expect(resumable(closedInARest, left + 24 * HOUR)).toBe(false);
  });

  it('counts from when it was left, after the time it was away before, not from its start', () => {
    // Resumed once after twenty minutes away, then left again an hour and a half after it began.
    const resumedOnce = {
      ...closedInARest,
      snapshot: { nowMs: 70 * 60_000 },
      gaps: [{ atMs: 6 * 60_000, gapMs: 20 * 60_000 }],
    };
    expect(leftAtWall(resumedOnce)).toBe(started + 90 * 60_000);
    expect(resumable(resumedOnce, started + 3 * HOUR)).toBe(true);
  });

  it('takes a session with no state saved as left where its summary ends', () => {
    expect(leftAtWall({ ...closedInARest, snapshot: null })).toBe(started + 5 * 60_000);
  });
});
