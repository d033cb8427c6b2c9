// Heart rate in the session, as pure functions over the strap's samples: training zones, heart rate per
// set, recovery in the first minute of rest, RMSSD (heart-rate variability) from the RR intervals, and
// whether the heart has recovered enough to end a rest early. The back-care exercises rarely push the
// heart hard; these numbers show effort and recovery, they do not drive the workout except for the
// opt-in early end of a rest.

import type { HeartRateSample } from '../sensors/samples.ts';
import { currentPlanned, type SessionState, type SetRecord } from './session-state.ts';

// ---- Zones ------------------------------------------------------------------------------------------

/**
 * The age-predicted maximum (Fox and Haskell, 220 − age) unless the person knows their own, which is
 * always better: the formula's error is ±10–12 bpm.
 */
export function maxHeartRate(person: {
  readonly age: number | null;
  readonly maxHr: number | null;
}): number | null {
  if (person.maxHr !== null && person.maxHr > 0) return person.maxHr;
  if (person.age !== null && person.age > 0 && person.age < 120) return 220 - person.age;
  return null;
}

export type ZoneNumber = 0 | 1 | 2 | 3 | 4 | 5;

export interface HeartZone {
  readonly zone: Exclude<ZoneNumber, 0>;
  readonly name: string;
  /** Lowest bpm in the zone, inclusive. */
  readonly fromBpm: number;
  /** Lowest bpm of the next zone, exclusive (the maximum itself for zone 5). */
  readonly toBpm: number;
}

/** The five-zone model in 10 % steps of the maximum, from 50 % (the one most watches and apps use). */
const ZONE_NAMES = ['Very light', 'Light', 'Moderate', 'Hard', 'Maximum'] as const;

export function heartZones(maxHr: number): HeartZone[] {
  return ZONE_NAMES.map((name, i) => ({
    zone: (i + 1) as HeartZone['zone'],
    name,
    fromBpm: Math.round(maxHr * (0.5 + 0.1 * i)),
    toBpm: Math.round(maxHr * (0.6 + 0.1 * i)),
  }));
}

/** The zone of a heart rate; 0 below the first zone (resting). */
export function zoneOf(bpm: number, maxHr: number): ZoneNumber {
  const zones = heartZones(maxHr);
  for (let i = zones.length - 1; i >= 0; i--) if (bpm >= zones[i].fromBpm) return zones[i].zone;
  return 0;
}

// ---- Heart rate over a stretch of time --------------------------------------------------------------

export interface HeartRateStats {
  readonly avgBpm: number;
  readonly maxBpm: number;
  readonly minBpm: number;
  readonly samples: number;
}

/** Straps send 0 bpm before they find a beat (and when contact is lost); those are not heart rates. */
function plausible(sample: HeartRateSample): boolean {
  return sample.bpm >= 25 && sample.bpm <= 240;
}

function within(samples: readonly HeartRateSample[], fromMs: number, toMs: number): HeartRateSample[] {
  return samples.filter((s) => s.tMs >= fromMs && s.tMs <= toMs && plausible(s));
}

export function heartRateBetween(
  samples: readonly HeartRateSample[],
  fromMs: number,
  toMs: number,
): HeartRateStats | null {
  const inside = within(samples, fromMs, toMs);
  if (inside.length === 0) return null;
  const bpms = inside.map((s) => s.bpm);
  return {
    avgBpm: Math.round(bpms.reduce((a, b) => a + b, 0) / bpms.length),
    maxBpm: Math.max(...bpms),
    minBpm: Math.min(...bpms),
    samples: inside.length,
  };
}

export function heartRateOfSet(
  samples: readonly HeartRateSample[],
  record: SetRecord,
): HeartRateStats | null {
  return heartRateBetween(samples, record.startedMs, record.endedMs);
}

// ---- Recovery ---------------------------------------------------------------------------------------

/** Recovery is read over the first minute of rest, the standard heart-rate-recovery window (HRR60). */
export const RECOVERY_WINDOW_MS = 60_000;
/**
 * A rest shorter than this shows no recovery: it was cut short by Start now, or by the summary after
 * the last set, and the heart has not had time to slow down from the set yet.
 */
export const MIN_RECOVERY_REST_MS = 15_000;
/**
 * The heart keeps climbing for a few seconds after the effort stops, so the starting value is the
 * highest reading from just before the end of the set to this long into the rest.
 */
const PEAK_SEARCH_MS = 10_000;
/** The value at a moment is the mean of the readings over this span, to smooth the strap's jitter. */
const SMOOTH_MS = 5_000;

export interface Recovery {
  /** Highest heart rate around the end of the set. */
  readonly peakBpm: number;
  /** Heart rate at the end of the window (or now, while the rest runs). */
  readonly endBpm: number;
  readonly dropBpm: number;
  /** How far into the rest the drop was read, ms; RECOVERY_WINDOW_MS for a full first minute. */
  readonly afterMs: number;
}

/** The heart-rate drop from the end of a set to `untilMs`, at most the first minute of the rest. */
export function recoveryAfter(
  samples: readonly HeartRateSample[],
  restStartMs: number,
  untilMs: number,
): Recovery | null {
  const endMs = Math.min(untilMs, restStartMs + RECOVERY_WINDOW_MS);
  if (endMs <= restStartMs) return null;
  const around = within(samples, restStartMs - SMOOTH_MS, Math.min(endMs, restStartMs + PEAK_SEARCH_MS));
  const end = heartRateBetween(samples, endMs - SMOOTH_MS, endMs);
  if (around.length === 0 || !end) return null;
  const peakBpm = Math.max(...around.map((s) => s.bpm));
  return { peakBpm, endBpm: end.avgBpm, dropBpm: peakBpm - end.avgBpm, afterMs: endMs - restStartMs };
}

/**
 * A rest's recovery is told only where its readings cover at least this share of the stretch it is
 * read over: with the strap out of reach for most of it, a reading at the set's end and a few at the
 * minute's end made "no drop in the rest" of a heart nothing saw. Half of it leaves the peak and the
 * end each a stretch of readings of their own, whichever half was lost.
 */
const MIN_RECOVERY_COVERAGE = 0.5;
/**
 * How long a reading stands for the heart rate after it: a strap sends one a second and a watch one
 * every few seconds, both read as covering the rest; a gap longer than this is time nothing saw.
 */
const READING_COVERS_MS = SMOOTH_MS;

/** The share of `fromMs`–`toMs` that the plausible readings in it cover (see READING_COVERS_MS). */
function coveredShare(samples: readonly HeartRateSample[], fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  let coveredMs = 0;
  let coveredToMs = fromMs;
  for (const { tMs } of within(samples, fromMs, toMs).sort((a, b) => a.tMs - b.tMs)) {
    const endMs = Math.min(toMs, tMs + READING_COVERS_MS);
    coveredMs += Math.max(0, endMs - Math.max(tMs, coveredToMs));
    coveredToMs = Math.max(coveredToMs, endMs);
  }
  return coveredMs / (toMs - fromMs);
}

/**
 * The recovery in the rest from `restStartMs` to `restEndMs`; null for a rest too short to show one,
 * or one with too few readings to tell (see MIN_RECOVERY_COVERAGE).
 */
export function recoveryInRest(
  samples: readonly HeartRateSample[],
  restStartMs: number,
  restEndMs: number,
): Recovery | null {
  if (restEndMs - restStartMs < MIN_RECOVERY_REST_MS) return null;
  const recovery = recoveryAfter(samples, restStartMs, restEndMs);
  if (recovery === null) return null;
  const readMs = restStartMs + recovery.afterMs;
  return coveredShare(samples, restStartMs, readMs) >= MIN_RECOVERY_COVERAGE ? recovery : null;
}

/**
 * A drop of more than 12 bpm in the first minute is the threshold of a normal recovery (Cole et al.,
 * NEJM 1999); by then the heart is ready for the next set of a light exercise.
 */
export const RECOVERED_DROP_BPM = 12;
/** Below 60 % of the maximum (the top of zone 1) the heart is at an easy level whatever it did before. */
export const RECOVERED_FRACTION_OF_MAX = 0.6;
/** A rest never ends early before half its planned length, nor before this: the muscles rest too. */
export const MIN_EARLY_REST_MS = 15_000;

/** The heart has recovered: the current rate (last 5 s) is easy, or has dropped like a normal recovery. */
export function hasRecovered(
  samples: readonly HeartRateSample[],
  restStartMs: number,
  nowMs: number,
  maxHr: number | null,
): boolean {
  const current = heartRateBetween(samples, nowMs - SMOOTH_MS, nowMs);
  if (!current) return false;
  if (maxHr !== null && current.avgBpm <= maxHr * RECOVERED_FRACTION_OF_MAX) return true;
  const recovery = recoveryAfter(samples, restStartMs, nowMs);
  return recovery !== null && recovery.dropBpm >= RECOVERED_DROP_BPM;
}

/** Said, and shown on the next set, when its rest ended early because the heart rate had recovered. */
export const RECOVERED_TEXT = 'Heart rate recovered: next set';

/**
 * Whether the running rest may end now because the heart has recovered (when the person turned that
 * on). No heart-rate readings means no early end: the planned rest runs out.
 */
export function mayEndRestEarly(
  state: SessionState,
  samples: readonly HeartRateSample[],
  maxHr: number | null,
): boolean {
  const planned = currentPlanned(state);
  if (state.phase !== 'rest' || state.restEndsMs === null || !planned) return false;
  const restMs = planned.dosage.restS * 1000;
  const restStartMs = state.restEndsMs - restMs;
  if (state.nowMs - restStartMs < Math.max(MIN_EARLY_REST_MS, restMs / 2)) return false;
  return hasRecovered(samples, restStartMs, state.nowMs, maxHr);
}

// ---- RMSSD ------------------------------------------------------------------------------------------

/** RR intervals outside 300–2000 ms (200–30 bpm) are missed or doubled beats, not a heart rhythm. */
export const RR_MIN_MS = 300;
export const RR_MAX_MS = 2000;
/** An interval more than 20 % away from the one before is an artifact (the Malik criterion). */
export const RR_MAX_CHANGE = 0.2;
/** Fewer successive differences than this give no stable RMSSD (about 20 s of beats). */
export const MIN_RR_PAIRS = 20;

/**
 * After this many plausible intervals in a row that all jump from the last kept one, the rhythm itself
 * has changed (the rest after a hard set); the filter follows it instead of rejecting every beat.
 */
const RR_RESYNC_AFTER = 3;

/**
 * Marks each RR interval as a beat to keep or an artifact: implausible lengths, and jumps of more than
 * 20 % from the last kept interval (which catches a missed beat and the short one after an extra beat).
 */
export function acceptedRr(rrMs: readonly number[]): boolean[] {
  let last: number | null = null;
  let jumps = 0;
  return rrMs.map((rr) => {
    if (rr < RR_MIN_MS || rr > RR_MAX_MS) return false;
    if (last !== null && Math.abs(rr - last) > RR_MAX_CHANGE * last && ++jumps < RR_RESYNC_AFTER)
      return false;
    last = rr;
    jumps = 0;
    return true;
  });
}

/**
 * Root mean square of successive differences of the RR intervals, ms. Only differences between two
 * kept intervals that were next to each other count: a difference across a dropped beat is not one.
 */
export function rmssd(rrMs: readonly number[]): number | null {
  const ok = acceptedRr(rrMs);
  let sum = 0;
  let pairs = 0;
  for (let i = 1; i < rrMs.length; i++) {
    if (!ok[i] || !ok[i - 1]) continue;
    const d = rrMs[i] - rrMs[i - 1];
    sum += d * d;
    pairs++;
  }
  return pairs >= MIN_RR_PAIRS ? Math.sqrt(sum / pairs) : null;
}

/** RMSSD of the beats the strap reported between two times. */
export function rmssdBetween(
  samples: readonly HeartRateSample[],
  fromMs: number,
  toMs: number,
): number | null {
  return rmssd(samples.filter((s) => s.tMs >= fromMs && s.tMs <= toMs).flatMap((s) => s.rrMs));
}

// ---- The session's heart-rate summary ---------------------------------------------------------------

/** The calm stretch read for RMSSD before the first set and after the last. */
export const HRV_WINDOW_MS = 120_000;

export interface SessionHeart {
  readonly sets: readonly (HeartRateStats | null)[];
  /**
   * For the rest after each set: every set but the last, and the last too when the session went on
   * after it (finished while the next set waited for the person).
   */
  readonly recoveries: readonly (Recovery | null)[];
  readonly rmssdBeforeMs: number | null;
  readonly rmssdAfterMs: number | null;
}

export function sessionHeart(
  samples: readonly HeartRateSample[],
  completed: readonly SetRecord[],
  startedMs: number,
  endedMs: number,
): SessionHeart {
  const last = completed.at(-1);
  const restedAfterLast = last !== undefined && endedMs - last.endedMs >= MIN_RECOVERY_REST_MS;
  return {
    sets: completed.map((record) => heartRateOfSet(samples, record)),
    recoveries: (restedAfterLast ? completed : completed.slice(0, -1)).map((record, i) =>
      recoveryInRest(samples, record.endedMs, completed[i + 1]?.startedMs ?? endedMs),
    ),
    rmssdBeforeMs: rmssdBetween(samples, startedMs - HRV_WINDOW_MS, startedMs),
    rmssdAfterMs: rmssdBetween(samples, endedMs, endedMs + HRV_WINDOW_MS),
  };
}
