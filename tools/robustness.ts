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
  /** Same count of reps and breaths and, where the transform keeps them, the same holds. */
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
  const back = (t: number) => t0S + (t - t0S) / timeScale;
  let holdsSame = true;
  if (keepsHolds) {
    holdsSame =
      base.holds.length === other.holds.length &&
      base.holds.every(
        ([s, e], i) =>
          Math.abs(back(other.holds[i][0]) - s) <= HOLD_TOLERANCE_S &&
          Math.abs(back(other.holds[i][1]) - e) <= HOLD_TOLERANCE_S,
      );
  }
  const holdDiff = Math.abs(base.holds.length - other.holds.length);
  const parts: string[] = [];
  if (repDiff) parts.push(`reps ${base.reps}→${other.reps}`);
  if (breathDiff) parts.push(`breaths ${base.breaths}→${other.breaths}`);
  if (!holdsSame) {
    const fmt = (h: [number, number][], map: (t: number) => number) =>
      h.map(([s, e]) => `${map(s).toFixed(1)}–${map(e).toFixed(1)}`).join(',') || 'none';
    parts.push(`holds ${fmt(base.holds, (t) => t)} → ${fmt(other.holds, back)}`);
  }
  return {
    unchanged: repDiff === 0 && breathDiff === 0 && holdsSame,
    withinOne: repDiff <= 1 && breathDiff <= 1 && (!keepsHolds || holdDiff === 0),
    detail: parts.join('; '),
  };
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
