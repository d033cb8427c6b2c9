// What the app has learned about how one person moves in one exercise, from their corrections.
// The detectors scale their expectations by it; the session adapts it when the person presses +1
// or −1 or ends a hold by hand, and the store keeps it for the next set and session.

export interface PersonalTuning {
  /** The person's range of motion against the profile's (1 = as expected, 0.5 = half as far). */
  readonly rangeScale: number;
  /** How far the person may move from a hold's pose before the hold ends, against the profile's. */
  readonly holdLeaveScale: number;
}

export const NEUTRAL_TUNING: PersonalTuning = { rangeScale: 1, holdLeaveScale: 1 };

// Bounds: a person may move a third as far as the profile expects, or half again as far; past
// those, a rep is no longer told apart from a shift of weight, or from a change of pose.
const RANGE_MIN = 0.35;
const RANGE_MAX = 1.5;
const LEAVE_MIN = 0.4;
const LEAVE_MAX = 1;
// One step per corrected set: enough that a rep missed by a little counts from the next set on,
// small enough that one stray tap does not make the counter see reps in every fidget.
const MISSED_STEP = 0.6;
const EXTRA_STEP = 1.2;
const HOLD_STEP = 0.8;

/** What happened in one set, as far as the tuning is concerned. */
export interface SetCorrection {
  /** Reps or breaths the detector counted. */
  readonly detected: number;
  /** The count after the person's +1 and −1. */
  readonly corrected: number;
  /** Typical peak of the reps the detector counted (degrees), if it counted any. */
  readonly typicalPeakDeg?: number;
  /** The profile's expected peak (degrees), for reading the person's range off their reps. */
  readonly expectedPeakDeg?: number;
  /** The person ended a hold by hand while the detector still saw it held. */
  readonly holdEndedByHand?: boolean;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The tuning after one set: unchanged when the person corrected nothing. */
export function adaptTuning(tuning: PersonalTuning, set: SetCorrection): PersonalTuning {
  let { rangeScale, holdLeaveScale } = tuning;
  if (set.corrected > set.detected) {
    // Reps were missed: they were smaller than expected. Where the counted reps show the person's
    // own range, expect that; otherwise take one step down.
    const seen =
      set.typicalPeakDeg !== undefined && set.expectedPeakDeg
        ? (0.9 * set.typicalPeakDeg) / set.expectedPeakDeg
        : 1;
    rangeScale = clamp(Math.min(rangeScale * MISSED_STEP, seen), RANGE_MIN, RANGE_MAX);
  } else if (set.corrected < set.detected) {
    rangeScale = clamp(rangeScale * EXTRA_STEP, RANGE_MIN, RANGE_MAX);
  }
  if (set.holdEndedByHand) holdLeaveScale = clamp(holdLeaveScale * HOLD_STEP, LEAVE_MIN, LEAVE_MAX);
  return { rangeScale, holdLeaveScale };
}

export function isPersonalTuning(value: unknown): value is PersonalTuning {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.rangeScale === 'number' &&
    Number.isFinite(v.rangeScale) &&
    typeof v.holdLeaveScale === 'number' &&
    Number.isFinite(v.holdLeaveScale)
  );
}
