// Per-exercise settings, from the "what the sensor sees" notes of program.md. Angles are degrees of
// gravity-direction change relative to the pose the person rests in, so the strap's mounting angle
// cancels out: nothing here names a device axis.

import type { Placement } from '../sensors/samples.ts';
import type { MotionProfileId } from './detector.ts';
import type { Side } from './events.ts';

/** A rep as an excursion of the torso away from its rest pose and back. */
export interface ExcursionSettings {
  /** Range of motion expected before the person's own reps are known. */
  readonly expectedPeakDeg: number;
  /**
   * The smallest first rep: below it, before any rep of this person is known, an excursion is a
   * shift of weight or the last move into position. The person's corrections scale it.
   */
  readonly firstRepMinDeg: number;
  /** Enter a rep above max(minHiDeg, hiFrac × typical peak); leave it below max(minLoDeg, loFrac × typical). */
  readonly minHiDeg: number;
  readonly hiFrac: number;
  readonly minLoDeg: number;
  readonly loFrac: number;
  /**
   * The first rep's times, before the person's own reps are known (after, theirs are the measure):
   * time above the entry threshold, time near the peak (the pause at the top that every rep of the
   * program has), and the whole excursion. A shift of weight goes out and straight back within a
   * second or two; a rep rises, pauses and lowers. A first excursion that takes these times, and is
   * as large as the expected first rep, counts at once; one that takes half of them or more waits
   * for a second alike (excursion.ts), so that a brisk person still counts at any pace.
   */
  readonly minAboveMs: number;
  readonly minPlateauMs: number;
  readonly firstRepMinMs: number;
  /** Longer than this away from rest, and than twice the person's own reps once known, is a change of pose. */
  readonly maxRepMs: number;
  /** Larger than this is a change of pose (getting up, rolling over), not a rep. */
  readonly maxPeakDeg: number;
  /** Report the side of each rep (bird dog), starting from the side the coach asks for first. */
  readonly sided: boolean;
  readonly firstSide: Side;
  /**
   * Tell when the person comes to a stop at the top of each rep (a TopEvent): the program holds the
   * glute bridge there 3–5 s, long enough to time aloud. A moment's pause (a superman's second, a
   * bird dog's) is over before a stop can be told apart from the turn at the top.
   */
  readonly tellsTopPause?: boolean;
  /** Form warnings: a lift beyond overExtensionDeg (superman), a turn beyond tabletopLostDeg (bird dog). */
  readonly overExtensionDeg?: number;
  readonly tabletopLostDeg?: number;
}

/**
 * Breath cycles: breaths that tilt the chest a little one way and back. From the first breath on,
 * the counter judges each by the person's own (breath.ts); these settings judge the first.
 */
export interface BreathSettings {
  /** Least depth of the first breath (degrees, out from the low before it). */
  readonly firstDeg: number;
  /** Smallest counted breath at all (degrees), whatever the breathing around it. */
  readonly minDeg: number;
  /**
   * Shortest way out of the first breaths, timed at its pace (its size over its fastest slope, 2/π
   * of the duration of a smooth movement); the way back, judged half way, needs half as long.
   */
  readonly firstHalfMs: number;
  /**
   * Stillness before the breathing is read: the settling of the body into the pose (its last small
   * shifts) must be over, and where it rests is the mean over this time.
   */
  readonly settleMs: number;
  /** Longest cycle: slower than this is a change of pose. */
  readonly maxCycleMs: number;
  /** Larger than this is a change of pose, not a breath. */
  readonly maxDeg: number;
}

/** A hold: the pose reached and kept still, ended by leaving it or by form breaking. */
export interface HoldSettings {
  /** Still = the gravity direction stays within stillBandDeg for confirmMs. */
  readonly stillBandDeg: number;
  readonly confirmMs: number;
  /** Moving this far from the hold pose ends the hold. */
  readonly leaveDeg: number;
  /** Plank: a slow drift this far from the hold pose is the body sagging out of form. */
  readonly sagDeg?: number;
}

/** Counting of a repeated movement of unknown shape (generic mode, limb-worn sensors). */
export interface OscillationSettings {
  /** Smallest rep: how far it takes the sensor's acceleration from the rest pose, in g. */
  readonly minSizeG: number;
  /**
   * How far (degrees) a rep must turn the sensor, if at all. On the torso every exercise turns
   * it; walking, and a limb moving alone, only shake it.
   */
  readonly minTurnDeg?: number;
}

export interface MotionProfile {
  readonly id: MotionProfileId;
  readonly reps?: ExcursionSettings;
  readonly breaths?: BreathSettings;
  readonly hold?: HoldSettings;
  readonly oscillation?: OscillationSettings;
}

const REP_DEFAULTS = {
  hiFrac: 0.4,
  loFrac: 0.25,
  maxPeakDeg: 50,
  sided: false,
  firstSide: 'right',
} as const;

// 0.12 g is about 7° of a limb's tilt: smaller is a tremor or a shift in the seat.
const GENERIC_OSCILLATION: OscillationSettings = { minSizeG: 0.12 };
// On the chest an exercise moves the whole torso; steps and a limb moving alone rock it a little,
// and that must not count: a squat, a sit-up or a burpee turns it well past 19°.
const GENERIC_CHEST_OSCILLATION: OscillationSettings = { minSizeG: 0.25, minTurnDeg: 19 };

// Times are set below the quickest of the program's reps played 1.25× as fast, so a brisk person
// still counts; fidgets are told apart by size and direction, not by time alone.
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
          expectedPeakDeg: 16,
          firstRepMinDeg: 7,
          minHiDeg: 4,
          minLoDeg: 2.5,
          minAboveMs: 500,
          minPlateauMs: 400,
          firstRepMinMs: 1000,
          maxRepMs: 9000,
          overExtensionDeg: 32,
        },
      };
    case 'glute-bridge':
      // Supine, sternum tilts ~15–35° and stays there for the 3–5 s hold.
      if (!chest) return { id, oscillation: GENERIC_OSCILLATION };
      return {
        id,
        reps: {
          ...REP_DEFAULTS,
          expectedPeakDeg: 24,
          firstRepMinDeg: 10,
          minHiDeg: 6,
          minLoDeg: 3,
          minAboveMs: 1200,
          minPlateauMs: 1200,
          firstRepMinMs: 3000,
          maxRepMs: 16000,
          tellsTopPause: true,
        },
      };
    case 'bird-dog':
      // Quadruped, a roll of a few degrees to the supporting side plus a slight pitch, then a pause.
      if (!chest) return { id, oscillation: GENERIC_OSCILLATION };
      return {
        id,
        reps: {
          ...REP_DEFAULTS,
          expectedPeakDeg: 7,
          firstRepMinDeg: 4.5,
          minHiDeg: 2.5,
          minLoDeg: 1.2,
          minAboveMs: 800,
          minPlateauMs: 300,
          firstRepMinMs: 2000,
          maxRepMs: 12000,
          maxPeakDeg: 35,
          sided: true,
          tabletopLostDeg: 15,
        },
      };
    case 'lat-pulldown':
      // Chest: a small lean back per rep. A wrist sees the bar's travel: counted as an oscillation.
      if (!chest) return { id, oscillation: GENERIC_OSCILLATION };
      return {
        id,
        reps: {
          ...REP_DEFAULTS,
          expectedPeakDeg: 9,
          firstRepMinDeg: 4,
          minHiDeg: 2.5,
          minLoDeg: 1.5,
          minAboveMs: 800,
          minPlateauMs: 350,
          firstRepMinMs: 2000,
          maxRepMs: 12000,
          maxPeakDeg: 30,
        },
      };
    case 'bat-hang':
      // Supine and still; each slow breath tilts the chest by 1.5° and more, several times as far as
      // an ordinary breath (a few tenths of a degree, and a settling shift of a degree), which must
      // not count. Breathing out fully takes 2 s and more (1.2 s at its pace, size over fastest slope,
      // even played 1.25× as fast); a shift of the body into place takes under a second (0.65 s at
      // its pace, even played 0.8× as fast). Getting the legs up the wall leaves the body settling
      // for a few seconds, in shifts as slow as a breath.
      return { id, breaths: { ...BREATHS, firstDeg: 1.2, firstHalfMs: 900, settleMs: 3000 } };
    case 'drawing-in':
      return {
        id,
        hold: {
          stillBandDeg: 4,
          confirmMs: 1000,
          leaveDeg: 10,
        },
        // The breaths of the hold. Slow deep ones and ordinary ones overlap in depth and pace from one
        // person to the next, so every breath of the hold counts: the first any that stands clear of
        // the sensor's noise and takes a breath's time (breathing out at 18 a minute takes 1.7 s,
        // 0.85 s at its pace played 1.25× as fast; a shift of the body, 0.65 s even played 0.8× as
        // fast), and the person's own breaths set the rest.
        breaths: { ...BREATHS, firstDeg: 0.35, firstHalfMs: 700 },
      };
    case 'elbow-plank':
      return {
        id,
        hold: {
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

// A cycle longer than 40 s, or a tilt beyond 12°, is no breath at all.
const BREATHS = {
  minDeg: 0.25,
  settleMs: 1000,
  maxCycleMs: 40000,
  maxDeg: 12,
} as const;
