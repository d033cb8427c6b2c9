// The few numbers the history list and the progress charts show per session, computed once when the
// session is saved rather than from the raw series each time the history opens.

import type { HeartRateSample } from '../sensors/samples.ts';
import { RECOVERY_WINDOW_MS, recoveryInRest } from '../workout/heart.ts';
import { exerciseById } from '../workout/program.ts';
import { type SetRecord, skippedUndone, totalHeldS } from '../workout/session.ts';
import { setsKeptOf } from '../workout/sets-kept.ts';
import type { ExerciseWeight, PlanEntry, SessionSummary } from './records.ts';

export function summarize(
  sets: readonly SetRecord[],
  heartRate: readonly HeartRateSample[],
  durationMs: number,
  plan: readonly PlanEntry[] = [],
): SessionSummary {
  const bpms = heartRate.map((s) => s.bpm).filter((b) => b > 0);
  const weights = weightsDone(sets, plan);
  const { skipped, cutShort } = setsKeptOf(sets);
  return {
    durationMs,
    sets: sets.length,
    skipped,
    ...(cutShort > 0 ? { cutShort } : {}),
    reps: sets.reduce((n, s) => n + s.count, 0),
    breaths: sets.reduce((n, s) => (exerciseById(s.exerciseId).kind === 'breaths' ? n + s.count : n), 0),
    holdMs: summaryHoldMs(sets),
    avgBpm: bpms.length ? Math.round(bpms.reduce((a, b) => a + b, 0) / bpms.length) : null,
    maxBpm: bpms.length ? Math.max(...bpms) : null,
    recoveryBpm: meanRecovery(sets, heartRate),
    ...(weights.length > 0 ? { weights } : {}),
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

/**
 * A session's summary with its sets skipped and cut short counted again from its sets by today's rule
 * (see setsKeptOf): a session saved before the summary kept them said every set a tap ended short of
 * its target was done, though its rows say which Skip set or Finish ended. A summary whose count of
 * sets is not its rows' (rows lost, or a file edited by hand) is left as it was: its own count is all
 * there is to go by.
 */
export function withSetsRecounted(summary: SessionSummary, sets: readonly SetRecord[]): SessionSummary {
  if (summary.sets !== sets.length) return summary;
  const { skipped, cutShort } = setsKeptOf(sets);
  const { cutShort: _before, ...rest } = summary;
  return { ...rest, skipped, ...(cutShort > 0 ? { cutShort } : {}) };
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
