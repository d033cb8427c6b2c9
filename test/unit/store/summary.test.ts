import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/store/summary.ts';
import type { SetRecord } from '../../../src/workout/session.ts';

const plank = (setNumber: number, holdMs: number): SetRecord => ({
  exerciseId: 'elbow-plank',
  setNumber,
  target: 30,
  count: 0,
  sides: { left: 0, right: 0 },
  holdMs,
  peakDeg: null,
  startedMs: setNumber * 120_000,
  endedMs: setNumber * 120_000 + holdMs,
  endedBy: 'stopped',
  formIssues: [],
});

describe('summarize', () => {
  it('keeps the time held as the whole seconds each set shows, so that History adds up with the sets', () => {
    const summary = summarize([plank(1, 47_600), plank(2, 47_600), plank(3, 44_500)], [], 5 * 60_000);
    expect(summary).toMatchObject({ sets: 3, reps: 0, holdMs: 138_000 });
  });
});
