// Which sets the summary's heart-rate list tells. Pure: the summary renders what this picks.
import type { HeartRateStats, Recovery, SessionHeart } from '../workout/heart.ts';
import type { SetRecord } from '../workout/session.ts';
import { skippedUndone } from '../workout/set-outcomes.ts';

export interface SetHeartRate {
  readonly record: SetRecord;
  readonly stats: HeartRateStats;
  /** The rest after the set; none after the last set, or where too little was read. */
  readonly recovery: Recovery | null;
  /** Skipped before it counted anything, as the table marks it: its heart rate is still worth reading. */
  readonly skipped: boolean;
}

/**
 * The sets with a heart rate to tell, in the session's order. A set never begun (skipped while the
 * person was still getting into position) was no effort: its heart rate and rest say nothing of one.
 * A set skipped after Go was worked in, perhaps for most of it, and is told like any other.
 */
export function setsWithHeartRate(records: readonly SetRecord[], heart: SessionHeart): SetHeartRate[] {
  return records.flatMap((record, i) => {
    const stats = heart.sets[i];
    if (!stats || record.neverBegun) return [];
    return [{ record, stats, recovery: heart.recoveries[i] ?? null, skipped: skippedUndone(record) }];
  });
}

/** Whether any set has a heart rate to tell: where none has, nothing of heart rate is shown. */
export function tellsHeartRate(records: readonly SetRecord[], heart: SessionHeart | null): boolean {
  return heart !== null && setsWithHeartRate(records, heart).length > 0;
}
