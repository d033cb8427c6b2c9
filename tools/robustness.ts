// Whether a recording gives the same events however it is worn, sampled or paced: each transform of
// tools/transforms.ts is applied with a seed of its own per recording, the detectors run on the
// result, and the outcome is compared with the untransformed one.

import { createRandom, hashString } from '../src/sensors/virtual/random.ts';
import { type Detected, type DetectorInput, detect } from './detect.ts';
import type { Recording } from './recordings.ts';
import { type Transform, transformsFor } from './transforms.ts';

/** A transformed hold is the same hold when both its ends, mapped back, are this close. */
export const HOLD_TOLERANCE_S = 0.5;

export interface Comparison {
  /**
   * Same count of reps, breaths and pauses at the top of a rep and, where the transform keeps them,
   * the same holds.
   */
  readonly unchanged: boolean;
  /** Counts differ by at most one. */
  readonly withinOne: boolean;
  readonly detail: string;
}

export function compareOutcomes(
  base: Detected,
  other: Detected,
  timeScale: number,
  t0S: number,
  keepsHolds: boolean,
): Comparison {
  const repDiff = Math.abs(base.reps - other.reps);
  const breathDiff = Math.abs(base.breaths - other.breaths);
  const topDiff = Math.abs(base.tops.length - other.tops.length);
  const back = (t: number) => t0S + (t - t0S) / timeScale;
  // A hold set has one hold, the longest; a moment of stillness before getting down or after
  // getting up is not the set's, and the session takes no notice of it.
  const baseHold = longestHold(base.holds);
  const otherHold = longestHold(other.holds);
  const holdsSame =
    !keepsHolds ||
    (baseHold === null && otherHold === null) ||
    (baseHold !== null &&
      otherHold !== null &&
      Math.abs(back(otherHold[0]) - baseHold[0]) <= HOLD_TOLERANCE_S &&
      Math.abs(back(otherHold[1]) - baseHold[1]) <= HOLD_TOLERANCE_S);
  const parts: string[] = [];
  if (repDiff) parts.push(`reps ${base.reps}→${other.reps}`);
  if (breathDiff) parts.push(`breaths ${base.breaths}→${other.breaths}`);
  if (topDiff) parts.push(`pauses at the top ${base.tops.length}→${other.tops.length}`);
  if (!holdsSame) {
    const fmt = (h: [number, number] | null, map: (t: number) => number) =>
      h ? `${map(h[0]).toFixed(1)}–${map(h[1]).toFixed(1)}` : 'none';
    parts.push(`hold ${fmt(baseHold, (t) => t)} → ${fmt(otherHold, back)}`);
  }
  return {
    unchanged: repDiff === 0 && breathDiff === 0 && topDiff === 0 && holdsSame,
    withinOne:
      repDiff <= 1 &&
      breathDiff <= 1 &&
      topDiff <= 1 &&
      (!keepsHolds || (baseHold === null) === (otherHold === null)),
    detail: parts.join('; '),
  };
}

/** The set's hold: the longest of those found, or null when none was. */
export function longestHold(holds: readonly [number, number][]): [number, number] | null {
  let best: [number, number] | null = null;
  for (const h of holds) if (!best || h[1] - h[0] > best[1] - best[0]) best = h;
  return best;
}

export interface TransformOutcome {
  readonly transform: string;
  readonly comparison: Comparison;
}

/** Every transform that applies to the recording's placement, seeded by the file and the transform. */
export function transformOutcomes(
  file: string,
  rec: Recording,
  input: DetectorInput,
  transforms: readonly Transform[] = transformsFor(input.placement),
  seed = 1,
): TransformOutcome[] {
  const base = detect(rec, input);
  const t0S = rec.tS.length > 0 ? rec.tS[0] : 0;
  return transforms.map((transform) => {
    const random = createRandom(seed ^ hashString(`${file} ${transform.name}`));
    const out = transform.apply({ rec, rateHz: input.rateHz }, random);
    const other = detect(out.rec, { ...input, rateHz: out.rateHz });
    return {
      transform: transform.name,
      comparison: compareOutcomes(base, other, out.timeScale, t0S, transform.keepsHolds),
    };
  });
}
