import type { SessionBundle } from '../src/store/records.ts';
import { summarize } from '../src/store/summary.ts';
import type { CurrentSet, SetRecord } from '../src/workout/session.ts';

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

/**
 * A drawing-in of 45 s (45.4 s) broken by a pause: History, the summary and the rest tell its time
 * with the pause. What a test needs of it different, in `patch`.
 */
export function drawingInBrokenByAPause(patch: Partial<SetRecord> = {}): SetRecord {
  return supermanSet({
    exerciseId: 'drawing-in',
    target: 45,
    count: 0,
    holdMs: 45_400,
    peakDeg: null,
    pausedInHold: true,
    ...patch,
  });
}

/** A finished session of 20 minutes with just these sets, as a store keeps it (no motion, no heart rate). */
export function finishedSession(id: string, startedAt: number, records: readonly SetRecord[]): SessionBundle {
  const sets = records.map((record, index) => ({ ...record, sessionId: id, index }));
  const durationMs = 1_200_000;
  return {
    session: {
      id,
      startedAt,
      utcOffsetMin: 0,
      endedAt: startedAt + durationMs,
      status: 'finished',
      updatedAt: startedAt + durationMs,
      plan: [],
      snapshot: null,
      summary: summarize(sets, [], durationMs),
      sources: [],
      gaps: [],
    },
    sets,
    events: [],
    heartRate: [],
    motion: [],
  };
}

/** Three superman sets of ten, each counted to its target: a session that earns an eleventh rep. */
export function supermanSetsReached(): SetRecord[] {
  return [1, 2, 3].map((setNumber) => supermanSet({ setNumber }));
}

/**
 * A session whose Polar H10 was carried out of reach in its first superman set, given up on twice
 * (found again by itself, then gone on without, one rep counted with +1), and dropped once more in the
 * rest after it, back within its reconnecting: its sets and pauses as the app kept them. `kept`: its
 * pauses as a session kept before drops given up on were told from the person's own pauses.
 */
export function strapDroppedSession(
  id: string,
  startedAt: number,
  kept: 'now' | 'before' = 'now',
): SessionBundle {
  const bundle = finishedSession(id, startedAt, [
    supermanSet({
      startedMs: 6070,
      endedMs: 237_649,
      corrections: 1,
      deviceAway: true,
      countedAway: 1,
    }),
    supermanSet({ setNumber: 2, startedMs: 290_000, endedMs: 330_000 }),
  ]);
  const lost = kept === 'now' ? { deviceLost: true as const } : {};
  return {
    ...bundle,
    session: {
      ...bundle.session,
      snapshot: {
        phase: 'summary',
        exerciseIndex: 0,
        set: null,
        restEndsMs: null,
        nowMs: 330_000,
        startedMs: 0,
        endedMs: 330_000,
        pausedAtMs: null,
        pauses: [
          { atMs: 17_260, ms: 102_300, ...lost },
          { atMs: 133_960, ms: 72_000, ...lost },
          { atMs: 242_900, ms: 18_000, deviceDropped: true, seenMs: 18_000 },
        ],
      },
      sources: [{ id: 'h10', name: 'Polar H10 0000E2E0', kind: 'bluetooth', placement: 'chest' }],
    },
  };
}

/** The first set of an exercise under way from the start, nothing counted yet; what a test needs of it different, in `patch`. */
export function currentSet(patch: Partial<CurrentSet> = {}): CurrentSet {
  return {
    setNumber: 1,
    startedMs: 0,
    count: 0,
    sides: { left: 0, right: 0 },
    lastProgressMs: 0,
    holdStartMs: null,
    peakDeg: null,
    formIssues: [],
    ...patch,
  };
}
