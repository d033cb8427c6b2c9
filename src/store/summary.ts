// The few numbers the history list and the progress charts show per session, computed once when the
// session is saved rather than from the raw series each time the history opens.

import type { HeartRateSample } from '../sensors/samples.ts';
import { RECOVERY_WINDOW_MS, recoveryInRest } from '../workout/heart.ts';
import { exerciseById } from '../workout/program.ts';
import { type SetRecord, skippedUndone, totalHeldS } from '../workout/session.ts';
import type { SessionSummary } from './records.ts';

export function summarize(
  sets: readonly SetRecord[],
  heartRate: readonly HeartRateSample[],
  durationMs: number,
): SessionSummary {
  const bpms = heartRate.map((s) => s.bpm).filter((b) => b > 0);
  return {
    durationMs,
    sets: sets.length,
    skipped: sets.filter(skippedUndone).length,
    reps: sets.reduce((n, s) => n + s.count, 0),
    breaths: sets.reduce((n, s) => (exerciseById(s.exerciseId).kind === 'breaths' ? n + s.count : n), 0),
    // Whole seconds, as each set's hold is shown: History's total is the sum of the rows.
    holdMs: totalHeldS(sets) * 1000,
    avgBpm: bpms.length ? Math.round(bpms.reduce((a, b) => a + b, 0) / bpms.length) : null,
    maxBpm: bpms.length ? Math.max(...bpms) : null,
    recoveryBpm: meanRecovery(sets, heartRate),
  };
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
