import type { Random } from './random.ts';
import type { Mounting } from './rotation.ts';

/**
 * The traits of one simulated person that shape what a strap on their chest records. Every trait
 * varies between people, so that the detectors are tried on many bodies and habits, not one.
 */
export interface SimulatedPerson {
  /** How the strap sits: rotation from the body's axes to the sensor's, a few to ~20 degrees. */
  readonly mounting: Mounting;
  /** Multiplies every movement's duration: above 1 is slower. */
  readonly tempo: number;
  /** Multiplies the range of motion: below 1 is shallower. */
  readonly depth: number;
  /** How much the depth and tempo wander from rep to rep (0.05–0.2). */
  readonly variability: number;
  /** How much range and steadiness fade over a set (0 none, 0.3 a lot). */
  readonly fatigue: number;
  /** Chance per rep of a pause or fidget between reps. */
  readonly fidgetiness: number;
  /** Breaths per minute at rest. */
  readonly breathsPerMin: number;
  /** Chest tilt of one quiet breath, degrees. */
  readonly breathTiltDeg: number;
  /** Accelerometer noise, g (one standard deviation per axis). */
  readonly noiseG: number;
  readonly restingBpm: number;
  readonly maxBpm: number;
  /** Seconds a plank can be held in good form, before fatigue from earlier holds. */
  readonly plankCapacityS: number;
}

export function randomPerson(random: Random): SimulatedPerson {
  return {
    mounting: {
      aboutXDeg: random.normal(0, 9),
      aboutYDeg: random.normal(0, 6),
      aboutZDeg: random.normal(0, 8),
    },
    tempo: random.between(0.75, 1.35),
    depth: random.between(0.7, 1.25),
    variability: random.between(0.05, 0.18),
    fatigue: random.between(0, 0.3),
    fidgetiness: random.between(0, 0.15),
    breathsPerMin: random.between(10, 18),
    breathTiltDeg: random.between(0.2, 0.8),
    noiseG: random.between(0.004, 0.012),
    restingBpm: Math.round(random.between(55, 78)),
    maxBpm: Math.round(random.between(165, 195)),
    plankCapacityS: random.between(35, 75),
  };
}

/** The person the app's demo uses: average in every way, with the strap a little crooked. */
export const TYPICAL_PERSON: SimulatedPerson = {
  mounting: { aboutXDeg: 8, aboutYDeg: -4, aboutZDeg: 5 },
  tempo: 1,
  depth: 1,
  variability: 0.1,
  fatigue: 0.1,
  fidgetiness: 0.05,
  breathsPerMin: 14,
  breathTiltDeg: 0.5,
  noiseG: 0.006,
  restingBpm: 64,
  maxBpm: 180,
  plankCapacityS: 50,
};
