// The generic rep counter on synthetic limb and torso movements: the count is set by the person's
// own reps (their period, rest pose and size), not by the device's axes, its rate or the pace.

import { describe, expect, it } from 'vitest';
import type { MotionEvent, RepEvent } from '../../../src/motion/events.ts';
import { PERIOD_SEARCH, type RepModel } from '../../../src/motion/first-reps.ts';
import { UniformGrid } from '../../../src/motion/grid.ts';
import { createMotionDetector } from '../../../src/motion/index.ts';
import { repetitionPeriod } from '../../../src/motion/period.ts';
import { ReturnCounter } from '../../../src/motion/return-counter.ts';
import type { AccelFrame, Placement } from '../../../src/sensors/samples.ts';
import { createRandom } from '../../../src/sensors/virtual/random.ts';
import { normalize, slerp, type Vec3 } from '../../../src/sensors/virtual/rotation.ts';
import { randomRotation } from '../../../tools/transforms.ts';

/** Where the limb points (the direction of gravity in the sensor) at time t, in seconds. */
type Path = (tS: number) => Vec3;

interface Recording {
  readonly path: Path;
  readonly durationS: number;
  /** True ends of the reps (back at rest), in seconds. */
  readonly endsS: number[];
}

interface Take {
  readonly rateHz?: number;
  /** Played this many times as fast. */
  readonly speed?: number;
  /** Row-major rotation of the sensor. */
  readonly turn?: readonly number[];
  /** Up-and-down bounce added to the acceleration (g, Hz), as a step does. */
  readonly bounce?: { g: number; hz: number };
  readonly seed?: number;
}

const REST: Vec3 = normalize([0.1, -0.95, 0.2]);
const OUT: Vec3 = normalize([0.9, -0.3, 0.2]);

/** A rep's share of the way out at u seconds into it: rise, hold, lower (cosine easing), rest. */
function outShare(u: number, riseS: number, holdS: number, lowerS: number): number {
  if (u <= 0) return 0;
  if (u < riseS) return (1 - Math.cos((Math.PI * u) / riseS)) / 2;
  if (u < riseS + holdS) return 1;
  if (u < riseS + holdS + lowerS) return (1 + Math.cos((Math.PI * (u - riseS - holdS)) / lowerS)) / 2;
  return 0;
}

/** n reps out to a pose and back after a still lead-in, each `periodS` long. */
function reps(
  n: number,
  opts: { periodS?: number; leadS?: number; from?: Vec3; to?: Vec3; share?: (i: number) => number } = {},
): Recording {
  const periodS = opts.periodS ?? 3;
  const leadS = opts.leadS ?? 4;
  const from = opts.from ?? REST;
  const to = opts.to ?? OUT;
  const riseS = periodS / 3;
  const holdS = periodS / 6;
  const lowerS = periodS / 3;
  return {
    durationS: leadS + n * periodS + 4,
    endsS: Array.from({ length: n }, (_, i) => leadS + i * periodS + riseS + holdS + lowerS),
    path: (t) => {
      const i = Math.floor((t - leadS) / periodS);
      if (i < 0 || i >= n) return from;
      const k = outShare(t - leadS - i * periodS, riseS, holdS, lowerS) * (opts.share?.(i) ?? 1);
      return slerp(from, to, k);
    },
  };
}

/** The accelerometer of a recording as a device would send it, in frames of ten samples. */
function frames(rec: Recording, take: Take = {}): AccelFrame[] {
  const rateHz = take.rateHz ?? 50;
  const speed = take.speed ?? 1;
  const r = createRandom(take.seed ?? 7);
  const m = take.turn ?? [1, 0, 0, 0, 1, 0, 0, 0, 1];
  const out: AccelFrame[] = [];
  const count = Math.floor((rec.durationS / speed) * rateHz);
  for (let start = 0; start < count; start += 10) {
    const xyz: number[] = [];
    for (let i = start; i < Math.min(count, start + 10); i++) {
      const tS = (i / rateHz) * speed;
      const g = rec.path(tS);
      const lift = take.bounce ? take.bounce.g * Math.sin(2 * Math.PI * take.bounce.hz * tS) : 0;
      const v = [g[0] * (1 + lift), g[1] * (1 + lift), g[2] * (1 + lift)].map((c) => c + 0.004 * r.normal());
      xyz.push(
        m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
        m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
        m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
      );
    }
    out.push({ t0Ms: (start / rateHz) * 1000, dtMs: 1000 / rateHz, xyz: Float32Array.from(xyz) });
  }
  return out;
}

function count(rec: Recording, take: Take = {}, placement: Placement = 'wrist'): RepEvent[] {
  const detector = createMotionDetector('generic', placement);
  const events: MotionEvent[] = frames(rec, take).flatMap((f) => [...detector.push(f)]);
  return events.filter((e): e is RepEvent => e.type === 'rep');
}

/** Reps counted live on a 50 ms grid once the person's reps are known: 3 s apart, from REST out to OUT. */
function countKnownReps(path: Path, durationS: number): number {
  const model: RepModel = {
    periodMs: 3000,
    rest: [...REST],
    far: [...OUT],
    size: Math.hypot(OUT[0] - REST[0], OUT[1] - REST[1], OUT[2] - REST[2]),
    reach: [...OUT],
    fromPoint: 0,
    startsAtFar: false,
  };
  const counter = new ReturnCounter(model, 0);
  let counted = 0;
  for (let t = 0; t < durationS; t += 0.05) if (counter.step(1000 * t, 50, ...path(t))) counted++;
  return counted;
}

/** A sensor worn any way at all. */
const randomTurn = (seed: number) => randomRotation(createRandom(seed));

describe('uniform grid', () => {
  it('averages the samples of each step and fills short gaps in a straight line, not long ones', () => {
    const points: number[][] = [];
    const grid = new UniformGrid(50, 200, (t, x) => points.push([t, x]));
    grid.push(0, 1, 0, 0);
    grid.push(20, 3, 0, 0);
    grid.push(160, 8, 0, 0); // two steps missing: filled
    grid.push(1000, 0, 0, 0); // seventeen missing: a gap
    grid.push(1050, 0, 0, 0);
    expect(points).toEqual([
      [25, 2],
      [75, 4],
      [125, 6],
      [175, 8],
      [1025, 0],
    ]);
  });
});

describe('repetition period', () => {
  const series = (stepMs: number, durationS: number, f: (tS: number) => Vec3) => {
    const n = Math.floor((durationS * 1000) / stepMs);
    const v = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) v.set(f((i * stepMs) / 1000), 3 * i);
    return v;
  };
  // The search the counter makes.
  const search = PERIOD_SEARCH;

  it('finds the period of a movement on any axes', () => {
    const v = series(100, 30, (t) => [
      Math.sin((2 * Math.PI * t) / 3.7),
      0.5 * Math.cos((2 * Math.PI * t) / 3.7),
      0.2,
    ]);
    expect(repetitionPeriod(v, 100, search)?.periodMs).toBeCloseTo(3700, -2);
  });

  it('takes a whole rep whose two halves pass by the same pose, not the half', () => {
    // Out one way, back, out another way, back: every 4 s, with rest in between.
    const rec = reps(1, { periodS: 2 });
    const other = reps(1, { periodS: 2, to: normalize([-0.3, -0.4, 0.9]) });
    const v = series(100, 32, (t) => (t % 4 < 2 ? rec.path(4 + (t % 4)) : other.path(4 + (t % 4) - 2)));
    expect(repetitionPeriod(v, 100, search)?.periodMs).toBeCloseTo(4000, -2);
  });

  it('finds no period in a shaking quicker than any rep, even though it repeats at twice its own', () => {
    // A strap jiggled by hand every 0.6 s, each jiggle a little different from the next: its second
    // repetition, at 1.2 s, lies among a rep's periods.
    const shake = (t: number): Vec3 => [
      Math.sin((2 * Math.PI * t) / 0.6) * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 1.2)),
      0.4 * Math.cos((2 * Math.PI * t) / 0.6),
      1,
    ];
    const v = series(100, 12, shake);
    expect(repetitionPeriod(v, 100, { ...search, rejectsQuicker: false })?.periodMs).toBeCloseTo(1200, -2);
    expect(repetitionPeriod(v, 100, search)).toBeNull();
    // The same shape slowed to a rep's pace has its own period.
    const slow = series(100, 36, (t) => shake(t / 3));
    expect(repetitionPeriod(slow, 100, search)?.periodMs).toBeCloseTo(1800, -2);
  });

  it('is not blurred by a change of pose before the movement repeats', () => {
    const rec = reps(8, { periodS: 3, leadS: 0 });
    const v = series(100, 30, (t) => (t < 6 ? [0, 0, 1] : rec.path(t - 6)));
    expect(repetitionPeriod(v, 100, search)?.periodMs).toBeCloseTo(3000, -2);
  });
});

describe('generic rep counter', () => {
  it('takes the pose a tightly cut recording opens still in for rest, however short the stillness', () => {
    // A moment at rest, then reps that hold their top: the held top is not the rest, and each rep is
    // counted on its way back down, not half a period early at the top.
    const [leadS, periodS, riseS, holdS, lowerS] = [0.2, 6, 0.5, 2, 1];
    const rec: Recording = {
      durationS: leadS + 8 * periodS + 4,
      endsS: Array.from({ length: 8 }, (_, i) => leadS + i * periodS + riseS + holdS + lowerS),
      path: (t) => {
        const i = Math.floor((t - leadS) / periodS);
        if (i < 0 || i >= 8) return REST;
        return slerp(REST, OUT, outShare(t - leadS - i * periodS, riseS, holdS, lowerS));
      },
    };
    for (const take of [{}, { rateHz: 25 }, { speed: 1.25 }, { turn: randomTurn(4) }]) {
      const found = count(rec, take);
      expect(found.length, JSON.stringify(take)).toBe(8);
      const speed = take.speed ?? 1;
      found.forEach((rep, i) => {
        const early = rec.endsS[i] / speed - rep.tMs / 1000;
        expect(early, `${JSON.stringify(take)} rep ${i + 1}`).toBeGreaterThanOrEqual(0);
        expect(early, `${JSON.stringify(take)} rep ${i + 1}`).toBeLessThan(1 / speed);
      });
    }
  });

  it('takes the pose the person lies in for rest, not the one they opened the recording moving from', () => {
    // Sitting up as the recording starts, lying back at once (a move into position), still a moment,
    // then eight sit-ups, then sitting up to end: eight reps, none for getting into or out of position.
    const periodS = 4;
    const lying = reps(8, { periodS, leadS: 2, from: REST, to: OUT });
    const endS = 2 + 8 * periodS;
    const rec: Recording = {
      durationS: endS + 5,
      endsS: lying.endsS,
      path: (t) => {
        if (t < 1) return slerp(OUT, REST, outShare(t, 1, 0, 1));
        if (t < endS) return lying.path(t);
        return slerp(REST, OUT, Math.min(1, (t - endS) / 1.3));
      },
    };
    for (const take of [{}, { rateHz: 25 }, { speed: 1.25 }, { turn: randomTurn(3) }]) {
      expect(count(rec, take).length, JSON.stringify(take)).toBe(8);
    }
  });

  it('counts each rep once, on the way back to rest, at any rate, pace and mounting', () => {
    const rec = reps(10);
    const takes: Take[] = [
      {},
      { rateHz: 12.5 },
      { rateHz: 200 },
      { speed: 0.8 },
      { speed: 1.25 },
      { turn: randomTurn(1) },
      { turn: randomTurn(2), rateHz: 25, speed: 1.25 },
    ];
    for (const take of takes) {
      const found = count(rec, take);
      expect(found.length, JSON.stringify(take)).toBe(10);
      const speed = take.speed ?? 1;
      found.forEach((rep, i) => {
        // Counted about halfway back: a little before the rep's end, never after it.
        const early = rec.endsS[i] / speed - rep.tMs / 1000;
        expect(early).toBeGreaterThanOrEqual(0);
        expect(early).toBeLessThan(0.6 / speed);
      });
    }
  });

  it("learns from the person's first reps, then counts live", () => {
    const found = count(reps(10));
    // The first reps are told once the movement has shown its period, at their own times...
    expect(found[0].emittedMs - found[0].tMs).toBeGreaterThan(3000);
    // ...every later one as it happens.
    for (const rep of found.slice(4)) expect(rep.emittedMs - rep.tMs).toBeLessThan(100);
    // A rep reports how far it turned the sensor.
    const turnDeg = (Math.acos(REST[0] * OUT[0] + REST[1] * OUT[1] + REST[2] * OUT[2]) * 180) / Math.PI;
    for (const rep of found) expect(rep.peakDeg).toBeCloseTo(turnDeg, -1);
  });

  it('tells the first reps once two periods show them alike, and waits when they differ', () => {
    // Two periods in, before the count settles: the second rep as it ends, each rep once.
    const alike = count(reps(10));
    expect(alike).toHaveLength(10);
    expect(alike[1].emittedMs - alike[1].tMs).toBeLessThan(1000);
    // A second move half as far as the first: the first rep waits for the count to settle, most
    // of a period longer.
    const unlike = count(reps(10, { share: (i) => (i === 1 ? 0.5 : 1) }));
    const wait = (rep: RepEvent) => rep.emittedMs - rep.tMs;
    expect(wait(unlike[0]) - wait(alike[0])).toBeGreaterThan(2000);
  });

  it('does not count the sub-phases of a rep that passes by rest on the way', () => {
    // A burpee seen from the upper arm: down to the floor, through a pose like standing (the plank),
    // then up overhead, and back; the passage by rest is brief.
    const down = reps(1, { periodS: 2 });
    const up = reps(1, { periodS: 2.4, to: normalize([-0.2, 0.6, 0.75]) });
    const periodS = 5;
    const rec: Recording = {
      durationS: 4 + 8 * periodS + 4,
      endsS: [],
      path: (t) => {
        const i = Math.floor((t - 4) / periodS);
        if (i < 0 || i >= 8) return REST;
        const u = t - 4 - i * periodS;
        return u < 2 ? down.path(4 + u) : u < 2.3 ? REST : up.path(4 + Math.min(u - 2.3, 2.4));
      },
    };
    for (const take of [{}, { speed: 0.8 }, { speed: 1.25, turn: randomTurn(3) }])
      expect(count(rec, take)).toHaveLength(8);
  });

  it('does not count a wobble at the top, nor shallower wobbles at rest', () => {
    const base = reps(8, { periodS: 4 });
    const rec: Recording = {
      ...base,
      path: (t) => {
        const pose = base.path(t);
        // A tremble of a fifth of the range, all the time.
        return slerp(pose, REST, 0.2 * Math.max(0, Math.sin(2 * Math.PI * 1.3 * t)));
      },
    };
    expect(count(rec)).toHaveLength(8);
  });

  it('counts no half rep from getting into and out of position', () => {
    // Hands on the thighs, a reach up to the bar (the rest pose of the set), 8 reps, hands down.
    const set = reps(8, { leadS: 0 });
    const thighs = normalize([0.2, 0.9, -0.3]);
    const rec: Recording = {
      durationS: 6 + 24 + 6,
      endsS: [],
      path: (t) => {
        if (t < 3) return thighs;
        if (t < 4) return slerp(thighs, REST, (1 - Math.cos(Math.PI * (t - 3))) / 2);
        if (t < 6) return REST;
        if (t < 30) return set.path(t - 6);
        if (t < 31) return slerp(REST, thighs, (1 - Math.cos(Math.PI * (t - 30))) / 2);
        return thighs;
      },
    };
    for (const take of [{}, { speed: 1.25 }, { turn: randomTurn(4) }])
      expect(count(rec, take)).toHaveLength(8);
  });

  it('counts a quicker rep that goes all the way, and learns smaller reps after a pause', () => {
    // Three slow reps, three at more than twice the pace, three slow again...
    const slow = reps(1, { periodS: 6, leadS: 0 });
    const quick = reps(1, { periodS: 2.5, leadS: 0 });
    const pace = [6, 6, 6, 2.5, 2.5, 2.5, 6, 6, 6];
    const endsS: number[] = [];
    for (const p of pace) endsS.push((endsS.at(-1) ?? 4) + p);
    const mixed: Recording = {
      durationS: endsS[8] + 4,
      endsS,
      path: (t) => {
        const i = endsS.findIndex((end) => t < end);
        if (t < 4 || i < 0) return REST;
        return (pace[i] === 6 ? slow : quick).path(t - (i === 0 ? 4 : endsS[i - 1]));
      },
    };
    expect(count(mixed)).toHaveLength(9);
    // ...and after half a minute's rest, six reps half as far: a new bout, learned afresh.
    const big = reps(6);
    const small = reps(6, { share: () => 0.45 });
    const twoBouts: Recording = {
      durationS: big.durationS + 30 + small.durationS,
      endsS: [],
      path: (t) => (t < big.durationS + 30 ? big.path(t) : small.path(t - big.durationS - 30)),
    };
    expect(count(twoBouts)).toHaveLength(12);
  });

  it('counts the first rep of a later block, when its top is the first still pose', () => {
    // Raises held at the top for most of each period, with a brief rest at the bottom (a straight
    // leg raise): six, a wait with the limb turned aside, a short stop at rest, six more as far or
    // half as far. The second block's first still pose is the top of its first raise.
    const aside = slerp(REST, normalize([0.1, -0.5, -0.85]), 0.3);
    const raise = (u: number, share: number) => slerp(REST, OUT, share * outShare(u % 7, 0.5, 5, 0.5));
    const second = 4 + 6 * 7 + 30;
    for (const share of [1, 0.5]) {
      const rec: Recording = {
        durationS: second + 6 * 7 + 4,
        endsS: [],
        path: (t) => {
          if (t < 4) return REST;
          if (t < 4 + 6 * 7) return raise(t - 4, 1);
          if (t < 4 + 6 * 7 + 2) return REST;
          if (t < second - 1) return aside;
          if (t < second - 0.4)
            return slerp(aside, REST, (1 - Math.cos((Math.PI * (t - second + 1)) / 0.6)) / 2);
          if (t < second) return REST;
          return t < second + 6 * 7 ? raise(t - second, share) : REST;
        },
      };
      for (const take of [{}, { speed: 0.8 }, { speed: 1.25, turn: randomTurn(5) }, { rateHz: 25 }])
        expect(count(rec, take), `${share} ${JSON.stringify(take)}`).toHaveLength(12);
    }
  });

  it('takes the rest the leg drops back near for a moment between held raises, not the raise', () => {
    // Lying on the side, still, then raises held for most of each period with only a moment back
    // down between them, near the resting pose but not quite on it (a side-lying leg raise): each
    // rep is counted as the leg comes down, none as it goes up, and the last as it comes to rest.
    const [leadS, periodS, riseS, holdS, lowerS] = [8, 6, 0.4, 4.2, 0.4];
    const lying = slerp(REST, normalize([0.1, -0.5, -0.85]), 0.22);
    const n = 10;
    const rec: Recording = {
      durationS: leadS + n * periodS + 6,
      endsS: Array.from({ length: n }, (_, i) => leadS + i * periodS + riseS + holdS + lowerS),
      path: (t) => {
        const i = Math.floor((t - leadS) / periodS);
        if (i < 0 || i >= n) return lying;
        const u = t - leadS - i * periodS;
        const from = (i === 0 && u < riseS) || (i === n - 1 && u >= riseS + holdS) ? lying : REST;
        return slerp(from, OUT, outShare(u, riseS, holdS, lowerS));
      },
    };
    for (const take of [{}, { rateHz: 25 }, { speed: 0.8 }, { speed: 1.25 }, { turn: randomTurn(6) }]) {
      const found = count(rec, take);
      expect(found.length, JSON.stringify(take)).toBe(n);
      const speed = take.speed ?? 1;
      found.forEach((rep, i) => {
        const late = rep.tMs / 1000 - rec.endsS[i] / speed;
        expect(Math.abs(late), `${JSON.stringify(take)} rep ${i + 1}`).toBeLessThan(0.5);
      });
    }
  });

  it('is not put off the next reps by a first rep that staggers off the way', () => {
    // Reps learned out to one far pose; the first of them goes a little deeper and staggers aside at
    // the bottom: far from rest, but not much farther on the way to the far pose.
    const set = reps(10, { leadS: 2, share: (i) => (i === 0 ? 1.3 : 1) });
    const aside = normalize([-0.3, 0.3, -0.9]);
    const path: Path = (t) => {
      const u = t - 2.6;
      return u > 0 && u < 0.8 ? slerp(set.path(t), aside, 0.8 * Math.sin((Math.PI * u) / 0.8)) : set.path(t);
    };
    expect(countKnownReps(path, set.durationS)).toBe(10);
  });

  it('is not put off the next reps by one rep far bigger than the rest', () => {
    // Reps learned out to one far pose; the first one counted flings on well past it (a jolt of the
    // leg): the next reps, as far as ever, are reps all the same.
    const set = reps(10, { leadS: 2, share: (i) => (i === 0 ? 1.8 : 1) });
    expect(countKnownReps(set.path, set.durationS)).toBe(10);
  });

  it('counts nothing while still, nor steps on a chest strap that does not turn', () => {
    const still: Recording = { durationS: 40, endsS: [], path: () => REST };
    expect(count(still)).toEqual([]);
    const upright = normalize([0, 0.98, 0.2]);
    const walking: Recording = { durationS: 40, endsS: [], path: () => upright };
    expect(count(walking, { bounce: { g: 0.3, hz: 1.9 } }, 'chest')).toEqual([]);
    // The same strap, turned 40° by each of ten squats, counts them.
    const squats = reps(10, { periodS: 3.5, from: upright, to: normalize([0, 0.6, 0.8]) });
    expect(count(squats, {}, 'chest')).toHaveLength(10);
  });
});
