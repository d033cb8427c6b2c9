// Offline simulation: a simulated person does a list of activities in a row, and this returns every
// accelerometer sample a strap on their chest would have recorded, with the ground truth. Tests and
// the virtual-strap corpus are built from it; the live virtual strap uses the same pieces.

import { BodyMotion } from './body-motion.ts';
import {
  type Activity,
  type BodyPosture,
  type Habit,
  type Performance,
  POSTURE_UP,
  planPerformance,
} from './choreography.ts';
import { type SimulatedPerson, TYPICAL_PERSON } from './person.ts';
import { createRandom } from './random.ts';
import type { Vec3 } from './rotation.ts';

export interface SimulationOptions {
  readonly seed: number;
  readonly activities: readonly Activity[];
  readonly person?: SimulatedPerson;
  readonly rateHz: number;
  /** Chance per 100 ms of a lost radio packet, leaving a gap of 0.1–1 s. */
  readonly dropoutChance?: number;
  /** Posture before the first activity. */
  readonly startPosture?: BodyPosture;
  /** How the person follows what they are asked (see Habit). */
  readonly habit?: Habit;
}

/** Ground truth in the shared dataset format: seconds from the start of the recording. */
export interface RecordingTruth {
  readonly reps: number;
  readonly rep_times: number[];
  readonly rep_starts: number[];
  readonly sides: ('left' | 'right')[];
  readonly peaks_deg: number[];
  readonly holds: [number, number][];
  readonly breaths: number;
  readonly breath_times: number[];
  /** When the person was in the starting position and still, for each `position` activity. */
  readonly in_position: number[];
  /** When they lay still in the wrong position first, where they did. */
  readonly wrong_position: number[];
}

export interface SimulatedRecording {
  /** Sample times in seconds from the start. */
  readonly tS: Float64Array;
  /** Interleaved x,y,z in g, one triple per entry of tS. */
  readonly xyz: Float32Array;
  readonly truth: RecordingTruth;
  readonly durationS: number;
}

export function simulateRecording(options: SimulationOptions): SimulatedRecording {
  const random = createRandom(options.seed);
  const person = options.person ?? TYPICAL_PERSON;
  const dtS = 1 / options.rateHz;
  const noise = random.fork('sensor');
  const radio = random.fork('radio');

  // Lay the performances end to end.
  const placed: BodyMotion[] = [];
  let startS = 0;
  let posture: BodyPosture = options.startPosture ?? 'standing';
  let fromUp: Vec3 = POSTURE_UP[posture];
  const setsSoFar = new Map<string, number>();
  let before: Activity | null = null;
  for (const activity of options.activities) {
    const key = activity.kind === 'exercise' ? activity.exercise : activity.kind;
    const setNumber = (setsSoFar.get(key) ?? 0) + 1;
    setsSoFar.set(key, setNumber);
    const performance: Performance = planPerformance(activity, person, random.fork(`${key}#${setNumber}`), {
      previousPosture: posture,
      setNumber,
      habit: options.habit,
      previousActivity: before,
    });
    const motion = new BodyMotion(performance, startS, fromUp, person, noise);
    placed.push(motion);
    startS += performance.durationS;
    fromUp = motion.upAt(startS);
    posture = performance.endPosture ?? performance.posture;
    before = activity;
  }
  const durationS = startS;

  const count = Math.floor(durationS / dtS);
  const times: number[] = [];
  const xyz = new Float32Array(count * 3);
  let written = 0;
  let current = 0;
  let gapUntilS = -1;
  let nextRadioCheckS = 0;
  for (let i = 0; i < count; i++) {
    const tS = i * dtS;
    if (options.dropoutChance && tS >= nextRadioCheckS) {
      nextRadioCheckS = tS + 0.1;
      if (tS > gapUntilS && radio.chance(options.dropoutChance)) gapUntilS = tS + radio.between(0.1, 1);
    }
    if (tS < gapUntilS) continue;
    while (current < placed.length - 1 && tS >= placed[current + 1].startS) current++;
    placed[current].sample(tS, xyz, written * 3);
    times.push(tS);
    written++;
  }

  return {
    tS: Float64Array.from(times),
    xyz: xyz.slice(0, written * 3),
    truth: collectTruth(placed),
    durationS,
  };
}

function collectTruth(placed: readonly BodyMotion[]): RecordingTruth {
  const truth: RecordingTruth = {
    reps: 0,
    rep_times: [],
    rep_starts: [],
    sides: [],
    peaks_deg: [],
    holds: [],
    breaths: 0,
    breath_times: [],
    in_position: [],
    wrong_position: [],
  };
  const round = (s: number) => Math.round(s * 1000) / 1000;
  for (const motion of placed) {
    const t = motion.performance.truth;
    const at = (s: number) => round(motion.startS + s);
    truth.rep_times.push(...t.repEndsS.map(at));
    truth.rep_starts.push(...t.repStartsS.map(at));
    truth.sides.push(...t.sides);
    truth.peaks_deg.push(...t.peaksDeg.map((d) => Math.round(d * 10) / 10));
    truth.holds.push(...t.holds.map(([s, e]): [number, number] => [at(s), at(e)]));
    truth.breath_times.push(...t.breathEndsS.map(at));
    truth.in_position.push(...t.inPositionS.map(at));
    truth.wrong_position.push(...t.wrongPositionS.map(at));
  }
  return { ...truth, reps: truth.rep_times.length, breaths: truth.breath_times.length };
}
