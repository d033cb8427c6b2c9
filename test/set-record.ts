import type { SetRecord } from '../src/workout/session.ts';

/** A first superman set counted to its target of ten; what a test needs of it different, in `patch`. */
export function supermanSet(patch: Partial<SetRecord> = {}): SetRecord {
  return {
    exerciseId: 'superman',
    setNumber: 1,
    target: 10,
    count: 10,
    sides: { left: 0, right: 0 },
    holdMs: null,
    peakDeg: 16,
    startedMs: 0,
    endedMs: 40_000,
    endedBy: 'target',
    formIssues: [],
    ...patch,
  };
}
