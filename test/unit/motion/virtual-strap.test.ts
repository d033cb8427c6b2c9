// The detectors against the project's own virtual strap: simulated people (crooked straps, tempos,
// depths, fatigue, fidgets, dropped packets) doing each exercise of the program, and things that
// must never count. The full corpus and its figures come from `npm run corpus` + `npm run eval`;
// this keeps a small sample of it under test.

import { describe, expect, it } from 'vitest';
import type { MotionEvent } from '../../../src/motion/events.ts';
import { createMotionDetector } from '../../../src/motion/index.ts';
import type { AccelFrame } from '../../../src/sensors/samples.ts';
import {
  type Activity,
  type BodyPosture,
  EXERCISE_POSTURE,
  type VirtualExercise,
} from '../../../src/sensors/virtual/choreography.ts';
import { randomPerson } from '../../../src/sensors/virtual/person.ts';
import { createRandom } from '../../../src/sensors/virtual/random.ts';
import { type SimulatedRecording, simulateRecording } from '../../../src/sensors/virtual/recording.ts';

/** Packets of up to 20 samples, broken at dropped packets, as the strap would deliver them. */
function frames(rec: SimulatedRecording, rateHz: number): AccelFrame[] {
  const out: AccelFrame[] = [];
  const dt = 1 / rateHz;
  let start = 0;
  for (let i = 1; i <= rec.tS.length; i++) {
    const gap = i < rec.tS.length && rec.tS[i] - rec.tS[i - 1] > 1.5 * dt;
    if (i === rec.tS.length || gap || i - start === 20) {
      out.push({ t0Ms: rec.tS[start] * 1000, dtMs: dt * 1000, xyz: rec.xyz.slice(3 * start, 3 * i) });
      start = i;
    }
  }
  return out;
}

function detect(exercise: VirtualExercise, rec: SimulatedRecording, rateHz: number): MotionEvent[] {
  const detector = createMotionDetector(exercise, 'chest');
  return frames(rec, rateHz).flatMap((f) => [...detector.push(f)]);
}

function simulate(seed: number, activities: Activity[], startPosture: BodyPosture, rateHz: number) {
  const person = randomPerson(createRandom(1000 + seed));
  return simulateRecording({ seed, activities, person, rateHz, startPosture, dropoutChance: 0.01 });
}

const REP_EXERCISES: [VirtualExercise, number][] = [
  ['superman', 10],
  ['glute-bridge', 12],
  ['bird-dog', 10],
  ['lat-pulldown', 12],
];

describe('virtual strap: reps', () => {
  it.each(REP_EXERCISES)('%s: every simulated person counted within one rep', (exercise, target) => {
    for (const seed of [1, 2, 3]) {
      const rate = [50, 100, 200][seed % 3];
      const rec = simulate(seed, [{ kind: 'exercise', exercise, target }], EXERCISE_POSTURE[exercise], rate);
      const reps = detect(exercise, rec, rate).filter((e) => e.type === 'rep');
      expect(Math.abs(reps.length - rec.truth.reps), `seed ${seed}`).toBeLessThanOrEqual(1);
      if (exercise === 'bird-dog' && reps.length === rec.truth.reps) {
        expect(reps.map((e) => e.type === 'rep' && e.side)).toEqual(rec.truth.sides);
      }
    }
  });
});

/**
 * The recording with its person holding rep `rep` at the top extraS longer: the sample in the middle
 * of the rep again, with a strap's noise, then the rest of the recording, later by extraS.
 */
function heldLongerAtTop(
  rec: SimulatedRecording,
  rep: number,
  extraS: number,
  rateHz: number,
): SimulatedRecording {
  const topS = (rec.truth.rep_starts[rep] + rec.truth.rep_times[rep]) / 2;
  const at = rec.tS.findIndex((t) => t >= topS);
  const extra = Math.round(extraS * rateHz);
  const noise = createRandom(rep);
  const tS = new Float64Array(rec.tS.length + extra);
  const xyz = new Float32Array(rec.xyz.length + 3 * extra);
  for (let i = 0; i < tS.length; i++) {
    const held = i > at && i <= at + extra;
    const from = i <= at ? i : held ? at : i - extra;
    tS[i] = i <= at ? rec.tS[i] : held ? rec.tS[at] + (i - at) / rateHz : rec.tS[from] + extra / rateHz;
    for (let k = 0; k < 3; k++)
      xyz[3 * i + k] = rec.xyz[3 * from + k] + (held ? 0.004 * (noise.next() - 0.5) : 0);
  }
  const later = (t: number) => (t > topS ? t + extra / rateHz : t);
  const truth = {
    ...rec.truth,
    rep_starts: rec.truth.rep_starts.map(later),
    rep_times: rec.truth.rep_times.map(later),
  };
  return { ...rec, tS, xyz, truth };
}

describe('virtual strap: a rep held far longer than the rest', () => {
  it('glute bridge: a bridge held 17 s longer at the top is counted with the rest, and every pause told at the top', () => {
    for (const seed of [1, 2, 3]) {
      const rate = [50, 100, 200][seed % 3];
      const rec = simulate(
        seed,
        [{ kind: 'exercise', exercise: 'glute-bridge', target: 12 }],
        'supine',
        rate,
      );
      for (const rep of [2, 6]) {
        const held = heldLongerAtTop(rec, rep, 17, rate);
        const events = detect('glute-bridge', held, rate);
        const reps = events.filter((e) => e.type === 'rep');
        expect(
          Math.abs(reps.length - held.truth.reps),
          `seed ${seed}, rep ${rep + 1} held`,
        ).toBeLessThanOrEqual(1);
        const heldEndS = held.truth.rep_times[rep];
        expect(
          reps.some((e) => Math.abs(e.tMs / 1000 - heldEndS) < 1),
          `the held rep, ending ${heldEndS} s`,
        ).toBe(true);
        // Each pause at the top told while the hips are up: none from the floor.
        for (const top of events.filter((e) => e.type === 'top')) {
          const i = held.truth.rep_starts.findLastIndex((s) => top.tMs / 1000 >= s);
          expect(top.tMs / 1000, `a pause told at ${top.tMs / 1000} s, seed ${seed}`).toBeLessThan(
            held.truth.rep_times[i],
          );
        }
      }
    }
  });
});

describe('virtual strap: breaths and holds', () => {
  it('bat hang: breath cycles counted', () => {
    for (const seed of [4, 5, 6]) {
      const rec = simulate(seed, [{ kind: 'exercise', exercise: 'bat-hang', target: 4 }], 'supine', 100);
      const breaths = detect('bat-hang', rec, 100).filter((e) => e.type === 'breath');
      expect(breaths.length, `seed ${seed}`).toBe(rec.truth.breaths);
    }
  });

  it.each<[VirtualExercise, BodyPosture]>([
    ['drawing-in', 'quadruped'],
    ['elbow-plank', 'prone'],
  ])('%s: one hold, starting and ending near the truth', (exercise, start) => {
    for (const seed of [7, 8]) {
      const rec = simulate(seed, [{ kind: 'exercise', exercise, target: 50 }], start, 100);
      const events = detect(exercise, rec, 100);
      const starts = events.filter((e) => e.type === 'hold-start');
      const ends = events.filter((e) => e.type === 'hold-end');
      expect(starts, `seed ${seed}`).toHaveLength(1);
      expect(ends).toHaveLength(1);
      const [t0, t1] = rec.truth.holds[0];
      expect(Math.abs(starts[0].tMs / 1000 - t0)).toBeLessThan(2.5);
      expect(Math.abs(ends[0].tMs / 1000 - t1)).toBeLessThan(1);
    }
  });
});

describe('virtual strap: distractors', () => {
  const cases: [string, Activity[], BodyPosture, VirtualExercise][] = [
    ['sitting', [{ kind: 'sit', durationS: 60 }], 'seated', 'lat-pulldown'],
    ['walking', [{ kind: 'walk', durationS: 60 }], 'standing', 'superman'],
    [
      'getting down to the floor',
      [{ kind: 'get-down' }, { kind: 'rest', durationS: 30 }],
      'standing',
      'superman',
    ],
    ['resting on hands and knees', [{ kind: 'rest', durationS: 60 }], 'quadruped', 'bird-dog'],
    ['resting on the back', [{ kind: 'rest', durationS: 60 }], 'supine', 'glute-bridge'],
  ];
  it.each(cases)('%s counts no rep', (_name, activities, start, exercise) => {
    for (const seed of [9, 10]) {
      const rec = simulate(seed, activities, start, 50);
      expect(detect(exercise, rec, 50).filter((e) => e.type === 'rep')).toEqual([]);
    }
  });
});
