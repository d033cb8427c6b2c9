// The few numbers the history list and the progress charts show per session, computed once when the
// session is saved rather than from the raw series each time the history opens.

import type { HeartRateSample } from '../sensors/samples.ts';
import { RECOVERY_WINDOW_MS, recoveryInRest, type SessionHeart, sessionHeart } from '../workout/heart.ts';
import { totalHeldS } from '../workout/held-seconds.ts';
import { exerciseById, repsPerSide } from '../workout/program.ts';
import type { SetRecord } from '../workout/session.ts';
import { skippedUndone } from '../workout/set-outcomes.ts';
import { setsKeptOf } from '../workout/sets-kept.ts';
import { decodeHeartRateChunk, workoutMs } from './codec.ts';
import type {
  ExerciseSides,
  ExerciseWeight,
  HeartRateChunkRow,
  PlanEntry,
  SessionRow,
  SessionSummary,
} from './records.ts';

export function summarize(
  sets: readonly SetRecord[],
  heartRate: readonly HeartRateSample[],
  durationMs: number,
  plan: readonly PlanEntry[] = [],
): SessionSummary {
  const bpms = heartRate.map((s) => s.bpm).filter((b) => b > 0);
  const weights = weightsDone(sets, plan);
  const { skipped, cutShort } = setsKeptOf(sets);
  const perSide = perSideOf(sets);
  const pausedHoldMs = pausedHoldMsOf(sets);
  return {
    durationMs,
    sets: sets.length,
    skipped,
    ...(cutShort > 0 ? { cutShort } : {}),
    reps: sets.reduce((n, s) => n + s.count, 0),
    breaths: sets.reduce((n, s) => (exerciseById(s.exerciseId).kind === 'breaths' ? n + s.count : n), 0),
    holdMs: summaryHoldMs(sets),
    ...(pausedHoldMs > 0 ? { pausedHoldMs } : {}),
    avgBpm: bpms.length ? Math.round(bpms.reduce((a, b) => a + b, 0) / bpms.length) : null,
    maxBpm: bpms.length ? Math.max(...bpms) : null,
    recoveryBpm: meanRecovery(sets, heartRate),
    ...(weights.length > 0 ? { weights } : {}),
    ...(perSide.length > 0 ? { perSide } : {}),
  };
}

/**
 * A session's time held as its summary keeps it: whole seconds a set, as each set's hold is shown, so
 * History's total is the sum of the rows. (Sessions and backups written before kept the milliseconds'
 * sum: the store's upgrade and the import put it right with this.)
 */
export function summaryHoldMs(sets: readonly Pick<SetRecord, 'holdMs'>[]): number {
  return totalHeldS(sets) * 1000;
}

/** Of summaryHoldMs, that of the holds broken by a pause. */
function pausedHoldMsOf(sets: readonly Pick<SetRecord, 'holdMs' | 'pausedInHold'>[]): number {
  return summaryHoldMs(sets.filter((set) => set.pausedInHold));
}

/**
 * A session's summary with its sets skipped and cut short counted again from its sets by today's rule
 * (see setsKeptOf), and its reps per side: a session saved before the summary kept them said every
 * set a tap ended short of its target was done, though its rows say which Skip set or Finish ended,
 * told a bird dog's reps as a total, and its holds broken by a pause as kept whole. A summary whose count of sets is not its rows' (rows lost, or
 * a file edited by hand) is left as it was: its own count is all there is to go by.
 */
export function withSetsRecounted(summary: SessionSummary, sets: readonly SetRecord[]): SessionSummary {
  if (summary.sets !== sets.length) return summary;
  const { skipped, cutShort } = setsKeptOf(sets);
  const perSide = perSideOf(sets);
  const pausedHoldMs = pausedHoldMsOf(sets);
  const { cutShort: _before, perSide: _sidesBefore, pausedHoldMs: _pausedBefore, ...rest } = summary;
  return {
    ...rest,
    skipped,
    ...(cutShort > 0 ? { cutShort } : {}),
    ...(perSide.length > 0 ? { perSide } : {}),
    ...(pausedHoldMs > 0 ? { pausedHoldMs } : {}),
  };
}

/**
 * The reps per side of each exercise done one side at a time, summed over its sets: each set's as its
 * screen and voice counted them, from the right (see repsPerSide), so 15 reps are the right's 8 and
 * the left's 7. None for an exercise with no rep done.
 */
export function perSideOf(sets: readonly SetRecord[]): ExerciseSides[] {
  const sides = new Map<ExerciseSides['exerciseId'], { right: number; left: number }>();
  for (const set of sets) {
    if (set.holdMs !== null || set.count === 0 || !exerciseById(set.exerciseId).alternatesSides) continue;
    const { right, left } = repsPerSide(set.count);
    const sum = sides.get(set.exerciseId) ?? { right: 0, left: 0 };
    sides.set(set.exerciseId, { right: sum.right + right, left: sum.left + left });
  }
  return [...sides].map(([exerciseId, { right, left }]) => ({ exerciseId, right, left }));
}

/** The planned weight of each exercise with a set done (not only skipped before it began). */
function weightsDone(sets: readonly SetRecord[], plan: readonly PlanEntry[]): ExerciseWeight[] {
  return plan.flatMap(({ exerciseId, dosage }) =>
    dosage.weightKg && sets.some((s) => s.exerciseId === exerciseId && !skippedUndone(s))
      ? [{ exerciseId, kg: dosage.weightKg }]
      : [],
  );
}

/**
 * The mean one-minute heart-rate drop after the sets (the workout's own definition, recoveryInRest),
 * over the sets with readings on both sides; the last set's is read over the minute after it.
 */
export function meanRecovery(
  sets: readonly SetRecord[],
  heartRate: readonly HeartRateSample[],
): number | null {
  const sorted = [...sets].sort((a, b) => a.startedMs - b.startedMs);
  const drops = sorted
    .map((set, i) =>
      recoveryInRest(heartRate, set.endedMs, sorted[i + 1]?.startedMs ?? set.endedMs + RECOVERY_WINDOW_MS),
    )
    .flatMap((r) => (r ? [r.dropBpm] : []));
  return drops.length ? Math.round((drops.reduce((a, b) => a + b, 0) / drops.length) * 10) / 10 : null;
}

/**
 * A saved session's heart rate per set and its recovery in each rest, as its summary told them at its
 * end: read again from the readings kept, for History. Its RMSSD before and after is told only where
 * readings of those minutes were kept, which the app keeps none of: the summary read them from the
 * page's own readings around the session. Null where none were kept (no heart-rate device).
 */
export function heartOfSession(
  session: SessionRow,
  sets: readonly SetRecord[],
  heartRate: readonly HeartRateChunkRow[],
): SessionHeart | null {
  const samples = heartRate.flatMap(decodeHeartRateChunk).sort((a, b) => a.tMs - b.tMs);
  if (samples.length === 0) return null;
  return sessionHeart(samples, sets, session.snapshot?.startedMs ?? 0, workoutMs(session));
}
