// Per-exercise settings, from the "what the sensor sees" notes of program.md. Angles are degrees of
// gravity-direction change relative to the pose the person rests in, so the strap's mounting angle
// cancels out; only the gross pose check and the side of a roll use the sensor's own axes.

import type { Placement } from '../sensors/samples.ts';
import type { MotionProfileId } from './detector.ts';

/** The accelerometer's "up" in the strap's axes (x left, y to the head, z out of the chest). */
export type Pose = 'prone' | 'supine' | 'upright' | 'any';

export const POSE_UP: Readonly<Record<Exclude<Pose, 'any'>, readonly [number, number, number]>> = {
  prone: [0, 0, -1],
  supine: [0, 0, 1],
  upright: [0, 1, 0],
};

/** A rep as an excursion of the torso away from its rest pose and back; breath cycles reuse the thresholds. */
export interface ExcursionSettings {
  /** The pose the person rests in between reps; the rest reference must be within poseTolDeg of it. */
  readonly pose: Pose;
  readonly poseTolDeg: number;
  /** Range of motion expected before the person's own reps are known. */
  readonly expectedPeakDeg: number;
  /** Enter a rep above max(minHiDeg, hiFrac × typical peak); leave it below max(minLoDeg, loFrac × typical). */
  readonly minHiDeg: number;
  readonly hiFrac: number;
  readonly minLoDeg: number;
  readonly loFrac: number;
  /** A rep spends at least this long above the entry threshold (a fidget is quicker). */
  readonly minAboveMs: number;
  /** Time spent near the peak: the pause at the top that every rep of the program has (0 = none). */
  readonly minPlateauMs: number;
  /** Longer than this away from rest is a change of pose, not a rep. */
  readonly maxRepMs: number;
  /** Larger than this is a change of pose (getting up, rolling over), not a rep. */
  readonly maxPeakDeg: number;
  /** Report the side of the roll (bird dog). */
  readonly sided: boolean;
  /**
   * Which way the reading turns during a rep, in the strap's axes (superman +y, bridge −y, pulldown
   * +z). Only its sign matters, so a crooked strap does not change it. An excursion the other way
   * means the rest pose was taken at the top of a rep (the set began mid-rep): see excursion.ts.
   */
  readonly direction?: readonly [number, number, number];
  /** Form warnings: a peak beyond overDeg (superman) or a roll beyond tabletopLostDeg (bird dog). */
  readonly overExtensionDeg?: number;
  readonly tabletopLostDeg?: number;
}

/** A hold: the pose reached and kept still, ended by leaving it or by form breaking. */
export interface HoldSettings {
  readonly pose: Pose;
  readonly poseTolDeg: number;
  /** Still = the gravity direction stays within stillBandDeg for confirmMs. */
  readonly stillBandDeg: number;
  readonly confirmMs: number;
  /** Moving this far from the hold pose ends the hold. */
  readonly leaveDeg: number;
  /** Plank: the head end rising this far past the hold pose is the hips sagging. */
  readonly sagDeg?: number;
}

/** Counting of a periodic movement of unknown shape (generic mode, limb-worn sensors). */
export interface OscillationSettings {
  /** Smallest swing that can be a rep, in g of the projected signal (peak to peak). */
  readonly minSwingG: number;
  /** Smallest swing for the first rep of a set, before the person's own swing is known. */
  readonly firstSwingG: number;
  /** Shortest plausible rep period. */
  readonly minPeriodMs: number;
  /**
   * Time the count by the side the person rests on (where they are still between reps), rather than
   * by the direction of the first swing, which a move into position before the set can get wrong.
   */
  readonly restPhase?: boolean;
}

export interface MotionProfile {
  readonly id: MotionProfileId;
  readonly reps?: ExcursionSettings;
  readonly breaths?: ExcursionSettings;
  readonly hold?: HoldSettings;
  readonly oscillation?: OscillationSettings;
}

const REP_DEFAULTS = {
  poseTolDeg: 45,
  hiFrac: 0.4,
  loFrac: 0.25,
  maxPeakDeg: 50,
  sided: false,
} as const;

const GENERIC_OSCILLATION: OscillationSettings = { minSwingG: 0.12, firstSwingG: 0.12, minPeriodMs: 700 };
// On the chest an exercise moves the whole torso; a limb moving alone (a leg raise, a curl) rocks
// it a little, and that must not count.
const GENERIC_CHEST_OSCILLATION: OscillationSettings = {
  minSwingG: 0.25,
  firstSwingG: 0.4,
  minPeriodMs: 700,
  restPhase: true,
};

export function motionProfile(id: MotionProfileId, placement: Placement): MotionProfile {
  const chest = placement === 'chest';
  switch (id) {
    case 'superman':
      // Prone, chest pitches up ~10–25°; "unusually large" starts past the top of that range.
      if (!chest) return { id, oscillation: GENERIC_OSCILLATION };
      return {
        id,
        reps: {
          ...REP_DEFAULTS,
          pose: 'prone',
          expectedPeakDeg: 16,
          minHiDeg: 5,
          minLoDeg: 2.5,
          minAboveMs: 600,
          minPlateauMs: 450,
          maxRepMs: 9000,
          overExtensionDeg: 32,
          direction: [0, 1, 0],
        },
      };
    case 'glute-bridge':
      // Supine, sternum tilts ~15–35° and stays there for the 3–5 s hold.
      if (!chest) return { id, oscillation: GENERIC_OSCILLATION };
      return {
        id,
        reps: {
          ...REP_DEFAULTS,
          pose: 'supine',
          expectedPeakDeg: 24,
          minHiDeg: 6,
          minLoDeg: 3,
          minAboveMs: 1200,
          minPlateauMs: 1200,
          maxRepMs: 14000,
          direction: [0, -1, 0],
        },
      };
    case 'bird-dog':
      // Quadruped, a roll of a few degrees to the supporting side plus a slight pitch, then a pause.
      if (!chest) return { id, oscillation: GENERIC_OSCILLATION };
      return {
        id,
        reps: {
          ...REP_DEFAULTS,
          pose: 'prone',
          expectedPeakDeg: 6,
          minHiDeg: 2.5,
          minLoDeg: 1.2,
          minAboveMs: 1000,
          minPlateauMs: 750,
          maxRepMs: 9000,
          maxPeakDeg: 35,
          sided: true,
          tabletopLostDeg: 15,
        },
      };
    case 'lat-pulldown':
      // Chest: a small lean back per rep. A wrist sees the bar's travel: counted as an oscillation.
      if (!chest) return { id, oscillation: { minSwingG: 0.12, firstSwingG: 0.12, minPeriodMs: 1200 } };
      return {
        id,
        reps: {
          ...REP_DEFAULTS,
          pose: 'upright',
          expectedPeakDeg: 9,
          minHiDeg: 2.5,
          minLoDeg: 1.5,
          minAboveMs: 900,
          minPlateauMs: 600,
          maxRepMs: 9000,
          maxPeakDeg: 30,
          direction: [0, 0, 1],
        },
      };
    case 'bat-hang':
      // Supine and still; each breath cycle tilts the chest a few degrees over several seconds.
      return {
        id,
        breaths: {
          ...REP_DEFAULTS,
          pose: chest ? 'supine' : 'any',
          expectedPeakDeg: 3,
          minHiDeg: 0.7,
          minLoDeg: 0.4,
          hiFrac: 0.4,
          loFrac: 0.25,
          minAboveMs: 1500,
          minPlateauMs: 0,
          // Exhaling draws the ribs down and in: supine, the chest tilts head end up (program.md).
          direction: [0, 1, 0],
          maxRepMs: 20000,
          maxPeakDeg: 15,
        },
      };
    case 'drawing-in':
      return {
        id,
        hold: {
          pose: chest ? 'prone' : 'any',
          poseTolDeg: 45,
          stillBandDeg: 4,
          confirmMs: 1000,
          leaveDeg: 10,
        },
      };
    case 'elbow-plank':
      return {
        id,
        hold: {
          pose: chest ? 'prone' : 'any',
          poseTolDeg: 45,
          stillBandDeg: 3,
          confirmMs: 1000,
          leaveDeg: 8,
          sagDeg: chest ? 5.5 : undefined,
        },
      };
    case 'generic':
      return { id, oscillation: chest ? GENERIC_CHEST_OSCILLATION : GENERIC_OSCILLATION };
  }
}
