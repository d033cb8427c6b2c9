import { take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { frameLength } from '../../../src/sensors/samples.ts';
import {
  planPerformance,
  repsLeft,
  type VirtualExercise,
} from '../../../src/sensors/virtual/choreography.ts';
import { randomPerson, TYPICAL_PERSON } from '../../../src/sensors/virtual/person.ts';
import { createRandom } from '../../../src/sensors/virtual/random.ts';
import { simulateRecording } from '../../../src/sensors/virtual/recording.ts';
import { VirtualStrap } from '../../../src/sensors/virtual/virtual-strap.ts';
import { PROGRAM } from '../../../src/workout/program.ts';
import { nextArm } from '../../../src/workout/set-shown.ts';

const DEG = 180 / Math.PI;

function angleDeg(xyz: Float32Array, i: number, ref: readonly number[]): number {
  const x = xyz[3 * i];
  const y = xyz[3 * i + 1];
  const z = xyz[3 * i + 2];
  const dot =
    (x * ref[0] + y * ref[1] + z * ref[2]) / Math.hypot(x, y, z) / Math.hypot(ref[0], ref[1], ref[2]);
  return Math.acos(Math.min(1, dot)) * DEG;
}

/** Mean reading over [fromS, toS): with noise and breathing averaged out, close to the gravity direction. */
function meanReading(tS: Float64Array, xyz: Float32Array, fromS: number, toS: number): number[] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let i = 0; i < tS.length; i++) {
    if (tS[i] < fromS || tS[i] >= toS) continue;
    sum[0] += xyz[3 * i];
    sum[1] += xyz[3 * i + 1];
    sum[2] += xyz[3 * i + 2];
    n++;
  }
  return sum.map((s) => s / n);
}

describe('simulated recordings', () => {
  it('are reproducible from their seed', () => {
    const options = {
      seed: 7,
      rateHz: 50,
      activities: [{ kind: 'exercise', exercise: 'superman', target: 3 }],
    } as const;
    const a = simulateRecording(options);
    const b = simulateRecording(options);
    expect(a.xyz).toEqual(b.xyz);
    expect(a.truth).toEqual(b.truth);
  });

  it.each<[VirtualExercise, number, number]>([
    ['superman', 10, 25],
    ['glute-bridge', 15, 35],
    ['lat-pulldown', 4, 14],
  ])(
    '%s: every rep tilts the torso within the range program.md gives, and returns',
    (exercise, minDeg, maxDeg) => {
      const person = { ...randomPerson(createRandom(3)), depth: 1, fatigue: 0, variability: 0.05 };
      const rec = simulateRecording({
        seed: 11,
        rateHz: 100,
        person,
        startPosture: exercise === 'lat-pulldown' ? 'seated' : exercise === 'superman' ? 'prone' : 'supine',
        activities: [
          { kind: 'rest', durationS: 6 },
          { kind: 'exercise', exercise, target: 8 },
        ],
      });
      expect(rec.truth.reps).toBe(8);
      const rest = meanReading(rec.tS, rec.xyz, 3, 5);
      for (let rep = 0; rep < 8; rep++) {
        const start = rec.truth.rep_starts[rep];
        const end = rec.truth.rep_times[rep];
        let peak = 0;
        for (let i = 0; i < rec.tS.length; i++) {
          if (rec.tS[i] >= start && rec.tS[i] <= end) peak = Math.max(peak, angleDeg(rec.xyz, i, rest));
        }
        expect(peak).toBeGreaterThan(minDeg * 0.8);
        expect(peak).toBeLessThan(maxDeg * 1.2);
        const after = meanReading(rec.tS, rec.xyz, end + 0.1, end + 0.4);
        expect(angleDeg(Float32Array.from(after), 0, rest)).toBeLessThan(4);
      }
    },
  );

  it('holds each glute bridge at the top for the 3 to 5 s the program asks, waiting for the voice to say "Down"', () => {
    const random = createRandom(12);
    let shortest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 200; i++) {
      const { truth, keyframes } = planPerformance(
        { kind: 'exercise', exercise: 'glute-bridge', target: 15 },
        randomPerson(random.fork('person')),
        random.fork('set'),
      );
      for (const [rep, startS] of truth.repStartsS.entries()) {
        // The first angle after the rep began is the top reached; the rep turns back at its return.
        const topS = keyframes.find((keyframe) => keyframe.tS > startS)?.tS ?? Number.NaN;
        shortest = Math.min(shortest, truth.repReturnsS[rep] - topS);
      }
    }
    // "Down" comes the program's pause after the top was reached; the person lowers as they hear it.
    const toldDownAfterS = PROGRAM.find((exercise) => exercise.id === 'glute-bridge')?.topPauseS ?? 0;
    expect(toldDownAfterS).toBe(3);
    expect(shortest).toBeGreaterThan(toldDownAfterS + 0.3);
  });

  it('bird dog alternates sides, starting on the right', () => {
    const rec = simulateRecording({
      seed: 2,
      rateHz: 50,
      activities: [{ kind: 'exercise', exercise: 'bird-dog', target: 6 }],
    });
    expect(rec.truth.sides).toEqual(['right', 'left', 'right', 'left', 'right', 'left']);
  });

  it('a drawing-in hold is still apart from breathing, and bat hang breathes the asked number of cycles', () => {
    const hold = simulateRecording({
      seed: 5,
      rateHz: 50,
      startPosture: 'quadruped',
      activities: [{ kind: 'exercise', exercise: 'drawing-in', target: 45 }],
    });
    const [[start, end]] = hold.truth.holds;
    expect(end - start).toBeGreaterThanOrEqual(45);
    const pose = meanReading(hold.tS, hold.xyz, start, end);
    let worst = 0;
    for (let i = 0; i < hold.tS.length; i++) {
      if (hold.tS[i] > start + 1 && hold.tS[i] < end - 1)
        worst = Math.max(worst, angleDeg(hold.xyz, i, pose));
    }
    expect(worst).toBeLessThan(6);
    const breaths = simulateRecording({
      seed: 5,
      rateHz: 50,
      activities: [{ kind: 'exercise', exercise: 'bat-hang', target: 4 }],
    });
    expect(breaths.truth.breaths).toBe(4);
  });

  it('gets into position after a moment to react, and keeps still there until told to go', () => {
    const rec = simulateRecording({
      seed: 6,
      rateHz: 50,
      habit: 'follows',
      activities: [
        { kind: 'position', exercise: 'superman', stillForS: 3 },
        { kind: 'exercise', exercise: 'superman', target: 4 },
      ],
    });
    const [inPosition] = rec.truth.in_position;
    expect(rec.truth.wrong_position).toEqual([]);
    // Standing for the reaction, face down (z towards the floor) once in position.
    expect(meanReading(rec.tS, rec.xyz, 0, 0.8)[2]).toBeGreaterThan(-0.4);
    expect(meanReading(rec.tS, rec.xyz, inPosition, inPosition + 2)[2]).toBeLessThan(-0.9);
    expect(inPosition).toBeGreaterThan(3);
    // Still until "Go" (3 s on), then the reps, with no shuffling first.
    expect(rec.truth.rep_starts[0]).toBeGreaterThan(inPosition + 3);
    expect(rec.truth.rep_starts[0]).toBeLessThan(inPosition + 3 + 3.5);
    expect(rec.truth.reps).toBe(4);
  });

  it('by habit lies the wrong way first and turns over, or gets up before the set is done', () => {
    const wrong = simulateRecording({
      seed: 7,
      rateHz: 50,
      habit: 'wrong-way',
      activities: [{ kind: 'position', exercise: 'glute-bridge', stillForS: 2 }],
    });
    const [from] = wrong.truth.wrong_position;
    const [inPosition] = wrong.truth.in_position;
    expect(inPosition - from).toBeGreaterThan(8);
    // Face down while it should be up, face up once turned over.
    expect(meanReading(wrong.tS, wrong.xyz, from, from + 5)[2]).toBeLessThan(-0.9);
    expect(meanReading(wrong.tS, wrong.xyz, inPosition, inPosition + 2)[2]).toBeGreaterThan(0.9);
    // Already lying in the position (the rest between two sets of it), they stay there.
    const stays = simulateRecording({
      seed: 7,
      rateHz: 50,
      habit: 'wrong-way',
      startPosture: 'prone',
      activities: [{ kind: 'position', exercise: 'superman', stillForS: 2 }],
    });
    expect(stays.truth.wrong_position).toEqual([]);
    expect(stays.truth.in_position).toEqual([0]);
    expect(meanReading(stays.tS, stays.xyz, 0, 2)[2]).toBeLessThan(-0.9);
    const early = simulateRecording({
      seed: 8,
      rateHz: 50,
      habit: 'up-early',
      startPosture: 'prone',
      activities: [
        { kind: 'position', exercise: 'superman', stillForS: 2 },
        { kind: 'exercise', exercise: 'superman', target: 10 },
      ],
    });
    expect(early.truth.reps).toBeGreaterThan(0);
    expect(early.truth.reps).toBeLessThan(10);
    // Standing at the end: gravity along the spine (y).
    expect(meanReading(early.tS, early.xyz, early.durationS - 0.8, early.durationS)[1]).toBeGreaterThan(0.9);
  });

  it('stays on their feet by habit, which is the position of an exercise done upright', () => {
    const position = (exercise: 'superman' | 'lat-pulldown') =>
      simulateRecording({
        seed: 10,
        rateHz: 50,
        habit: 'stays-up',
        activities: [{ kind: 'position', exercise, stillForS: 5 }],
      });
    const floor = position('superman');
    expect(floor.truth.in_position).toEqual([]);
    // Upright all along: gravity along the spine (y).
    expect(meanReading(floor.tS, floor.xyz, 3, 5)[1]).toBeGreaterThan(0.9);
    expect(position('lat-pulldown').truth.in_position).toEqual([0]);
  });

  it('leaves gaps where radio packets were lost', () => {
    const rec = simulateRecording({
      seed: 9,
      rateHz: 50,
      dropoutChance: 0.05,
      activities: [{ kind: 'exercise', exercise: 'superman', target: 5 }],
    });
    let gaps = 0;
    for (let i = 1; i < rec.tS.length; i++) if (rec.tS[i] - rec.tS[i - 1] > 0.05) gaps++;
    expect(gaps).toBeGreaterThan(0);
    expect(rec.tS.length * 3).toBe(rec.xyz.length);
  });
});

describe('a set resumed with reps already counted', () => {
  it('leaves the person only what remains, never less than nothing', () => {
    expect(repsLeft({ kind: 'exercise', exercise: 'superman', target: 10 })).toBe(10);
    expect(repsLeft({ kind: 'exercise', exercise: 'superman', target: 10, alreadyDone: 7 })).toBe(3);
    expect(repsLeft({ kind: 'exercise', exercise: 'superman', target: 10, alreadyDone: 12 })).toBe(0);
  });

  it.each<[VirtualExercise, 'repEndsS' | 'breathEndsS']>([
    ['superman', 'repEndsS'],
    ['bird-dog', 'repEndsS'],
    ['bat-hang', 'breathEndsS'],
  ])('%s: plans the reps (or breaths) left, from anywhere or from position', (exercise, ends) => {
    const resumed = { kind: 'exercise', exercise, target: 5, alreadyDone: 2 } as const;
    const fromFloor = planPerformance(resumed, TYPICAL_PERSON, createRandom(3), {
      previousPosture: 'seated',
    });
    expect(fromFloor.truth[ends]).toHaveLength(3);
    const fromPosition = planPerformance(resumed, TYPICAL_PERSON, createRandom(3), {
      previousPosture: 'prone',
      previousActivity: { kind: 'position', exercise },
      habit: 'follows',
    });
    expect(fromPosition.truth[ends]).toHaveLength(3);
  });

  // The coach names the arm from the count (nextArm): after 3 reps, "Next: left arm".
  it.each<[number, ('left' | 'right')[]]>([
    [3, ['left', 'right', 'left']],
    [4, ['right', 'left']],
  ])(
    'bird dog from %i counted: goes on with the side that comes next, from anywhere or from position',
    (alreadyDone, sides) => {
      const resumed = { kind: 'exercise', exercise: 'bird-dog', target: 6, alreadyDone } as const;
      const fromFloor = planPerformance(resumed, TYPICAL_PERSON, createRandom(3), {
        previousPosture: 'seated',
      });
      expect(fromFloor.truth.sides).toEqual(sides);
      expect(fromFloor.truth.sides[0]).toBe(nextArm({ count: alreadyDone }));
      const fromPosition = planPerformance(resumed, TYPICAL_PERSON, createRandom(3), {
        previousPosture: 'quadruped',
        previousActivity: { kind: 'position', exercise: 'bird-dog' },
        habit: 'follows',
      });
      expect(fromPosition.truth.sides).toEqual(sides);
    },
  );
});

describe('the live virtual strap', () => {
  it('streams 50 Hz packets every 100 ms and heart rate once a second, on the given clock', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ flush }) => {
      const strap = new VirtualStrap({ seed: 1, now: () => scheduler.now(), scheduler });
      const frames: number[] = [];
      const beats: number[] = [];
      strap.accel$.pipe(take(20)).subscribe((frame) => frames.push(frameLength(frame)));
      strap.heartRate$.pipe(take(2)).subscribe((sample) => beats.push(sample.bpm));
      flush();
      expect(frames.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(95);
      expect(beats).toHaveLength(2);
      expect(beats[0]).toBeGreaterThan(50);
    });
  });

  it('connected on a page open for hours, reports the beats of its first second, not of every hour since the page opened', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ flush }) => {
      const openForMs = 3 * 3600_000;
      const strap = new VirtualStrap({ seed: 1, now: () => openForMs + scheduler.now(), scheduler });
      const beatsPerReport: number[] = [];
      strap.heartRate$.pipe(take(3)).subscribe((sample) => beatsPerReport.push(sample.rrMs.length));
      flush();
      // A resting heart beats about once a second.
      for (const beats of beatsPerReport) expect(beats).toBeLessThanOrEqual(3);
    });
  });

  it('does what it is told and reports what it performed', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ flush }) => {
      const strap = new VirtualStrap({ seed: 4, now: () => scheduler.now(), scheduler });
      const repsDone: number[] = [];
      const beatsPerReport: number[] = [];
      let previous: string | undefined;
      // 100 ms packets: 700 ticks are 70 s of the person's time.
      strap.heartRate$.pipe(take(70)).subscribe((sample) => beatsPerReport.push(sample.rrMs.length));
      strap.status$.pipe(take(700)).subscribe((status) => {
        repsDone.push(status.current.repsDone);
        previous = status.previous?.activity.kind;
      });
      scheduler.schedule(() => strap.perform({ kind: 'exercise', exercise: 'superman', target: 5 }), 1000);
      scheduler.schedule(() => strap.perform({ kind: 'rest' }), 60_000);
      flush();
      expect(Math.max(...repsDone.slice(0, 590))).toBe(5);
      expect(repsDone.at(-1)).toBe(0);
      expect(previous).toBe('exercise');
      expect(beatsPerReport.filter((n) => n > 0).length).toBeGreaterThan(60);
    });
  });

  it("told to go on with a set from 3 reps counted, does 2 more and reports the set's count, 3 to 5", () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ flush }) => {
      const strap = new VirtualStrap({ seed: 4, now: () => scheduler.now(), scheduler });
      const repsDone: number[] = [];
      let afterwards: number | undefined;
      strap.status$.pipe(take(700)).subscribe((status) => {
        if (status.current.activity.kind === 'exercise') repsDone.push(status.current.repsDone);
        else afterwards = status.previous?.repsDone;
      });
      scheduler.schedule(
        () => strap.perform({ kind: 'exercise', exercise: 'superman', target: 5, alreadyDone: 3 }),
        1000,
      );
      scheduler.schedule(() => strap.perform({ kind: 'rest' }), 60_000);
      flush();
      expect(repsDone[0]).toBe(3);
      expect(repsDone.at(-1)).toBe(5);
      expect(afterwards).toBe(5);
    });
  });

  // Sitting up and lying down again take longer than no rest at all: the usual person, who sits up
  // for some rests, stays lying in position for the next set, every time.
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    'stays lying face down through a rest of 0 s, in position for the next set (seed %i)',
    (seed) => {
      const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
      scheduler.run(({ flush }) => {
        const strap = new VirtualStrap({ seed, now: () => scheduler.now(), scheduler });
        let inPosition = false;
        let finite = true;
        strap.status$.pipe(take(215)).subscribe((status) => {
          inPosition = status.current.inPosition;
        });
        strap.accel$.pipe(take(215)).subscribe((frame) => {
          if (scheduler.now() >= 20_000) finite &&= frame.xyz.every(Number.isFinite);
        });
        scheduler.schedule(() => strap.perform({ kind: 'exercise', exercise: 'superman', target: 2 }), 1000);
        scheduler.schedule(() => strap.perform({ kind: 'rest', durationS: 0 }), 20_000);
        scheduler.schedule(() => strap.perform({ kind: 'position', exercise: 'superman' }), 20_100);
        flush();
        expect(inPosition).toBe(true);
        expect(finite).toBe(true);
      });
    },
  );

  it('stands still while paused, and goes on from where it stopped', () => {
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ flush }) => {
      const strap = new VirtualStrap({ seed: 4, now: () => scheduler.now(), scheduler });
      const repsAt = new Map<number, number>();
      const pausedX: number[] = [];
      strap.status$.pipe(take(600)).subscribe((status) => {
        repsAt.set(scheduler.now(), status.current.repsDone);
      });
      strap.accel$.pipe(take(600)).subscribe((frame) => {
        if (scheduler.now() > 20_500 && scheduler.now() <= 30_000)
          pausedX.push(...frame.xyz.filter((_, i) => i % 3 === 2));
      });
      scheduler.schedule(() => strap.perform({ kind: 'exercise', exercise: 'superman', target: 5 }), 1000);
      scheduler.schedule(() => strap.pause(), 20_000);
      scheduler.schedule(() => strap.resume(), 30_000);
      flush();
      const reps = (ms: number) => repsAt.get(ms) ?? Number.NaN;
      expect(reps(30_000)).toBe(reps(20_100));
      // Standing still: the chest's tilt does not change, only the sensor's noise is left.
      const mean = pausedX.reduce((a, b) => a + b, 0) / pausedX.length;
      const spread = Math.sqrt(pausedX.reduce((a, b) => a + (b - mean) ** 2, 0) / pausedX.length);
      expect(spread).toBeLessThan(0.02);
      // Afterwards the set goes on to its five reps, ten seconds later than it would have.
      expect(reps(59_900)).toBe(5);
    });
  });
});
