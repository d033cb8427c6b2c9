// The few numbers the history list and the progress charts show per session, computed once when the
// session is saved rather than from the raw series each time the history opens.

import type { HeartRateSample } from '../sensors/samples.ts';
import type { SetRecord } from '../workout/session.ts';
import type { SessionSummary } from './records.ts';

/** Heart-rate recovery is conventionally the drop over the first minute after effort stops. */
export const RECOVERY_WINDOW_MS = 60_000;

export function summarize(
  sets: readonly SetRecord[],
  heartRate: readonly HeartRateSample[],
  durationMs: number,
): SessionSummary {
  const bpms = heartRate.map((s) => s.bpm).filter((b) => b > 0);
  return {
    durationMs,
    sets: sets.length,
    reps: sets.reduce((n, s) => n + s.count, 0),
    holdMs: sets.reduce((n, s) => n + (s.holdMs ?? 0), 0),
    avgBpm: bpms.length ? Math.round(bpms.reduce((a, b) => a + b, 0) / bpms.length) : null,
    maxBpm: bpms.length ? Math.max(...bpms) : null,
    recoveryBpm: meanRecovery(sets, heartRate),
  };
}

/**
 * For each set, the heart rate at its end minus the lowest heart rate in the minute after it (or until
 * the next set begins, whichever is sooner); the mean over the sets that have readings on both sides.
 */
export function meanRecovery(
  sets: readonly SetRecord[],
  heartRate: readonly HeartRateSample[],
): number | null {
  const sorted = [...sets].sort((a, b) => a.startedMs - b.startedMs);
  const drops: number[] = [];
  sorted.forEach((set, i) => {
    const until = Math.min(set.endedMs + RECOVERY_WINDOW_MS, sorted[i + 1]?.startedMs ?? Infinity);
    const atEnd = lastAtOrBefore(heartRate, set.endedMs, set.startedMs);
    const after = heartRate.filter((s) => s.tMs > set.endedMs && s.tMs <= until && s.bpm > 0);
    if (atEnd === null || after.length === 0) return;
    drops.push(atEnd - Math.min(...after.map((s) => s.bpm)));
  });
  return drops.length ? Math.round((drops.reduce((a, b) => a + b, 0) / drops.length) * 10) / 10 : null;
}

function lastAtOrBefore(
  samples: readonly HeartRateSample[],
  tMs: number,
  notBeforeMs: number,
): number | null {
  let found: number | null = null;
  for (const s of samples) {
    if (s.tMs > tMs) break;
    if (s.tMs >= notBeforeMs && s.bpm > 0) found = s.bpm;
  }
  return found;
}
