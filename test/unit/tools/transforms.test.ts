import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/sensors/virtual/random.ts';
import type { Recording } from '../../../tools/recordings.ts';
import {
  dropFrames,
  multiply,
  type Rotation,
  randomChestMounting,
  randomRotation,
  repace,
  resample,
  rotate,
} from '../../../tools/transforms.ts';

/** 10 s at rateHz of a slow swing of gravity in the x–z plane, with a 1 s gap at t = 4 s. */
function swing(rateHz: number): Recording {
  const tS: number[] = [];
  const xyz: number[] = [];
  for (let t = 0; t < 10; t += 1 / rateHz) {
    if (t >= 4 && t < 5) continue;
    const a = 0.3 * Math.sin(t);
    tS.push(t);
    xyz.push(Math.sin(a), 0, Math.cos(a));
  }
  return { tS: Float64Array.from(tS), xyz: Float32Array.from(xyz) };
}

function transpose(m: Rotation): Rotation {
  return [m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]];
}

function expectIdentity(m: Rotation): void {
  const identity = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  m.forEach((v, i) => {
    expect(v).toBeCloseTo(identity[i], 9);
  });
}

describe('recording transforms', () => {
  it('turns are proper rotations', () => {
    const random = createRandom(7);
    for (let i = 0; i < 50; i++) {
      for (const m of [randomRotation(random), randomChestMounting(random, 30)]) {
        expectIdentity(multiply(m, transpose(m)));
        const det =
          m[0] * (m[4] * m[8] - m[5] * m[7]) -
          m[1] * (m[3] * m[8] - m[5] * m[6]) +
          m[2] * (m[3] * m[7] - m[4] * m[6]);
        expect(det).toBeCloseTo(1, 9);
      }
    }
  });

  it('a chest mounting keeps the axis out of the chest within the tilt', () => {
    const random = createRandom(3);
    for (let i = 0; i < 200; i++) {
      const m = randomChestMounting(random, 30);
      // The image of z is the third column; its z component is the cosine of the tilt.
      expect(m[8]).toBeGreaterThanOrEqual(Math.cos((30 * Math.PI) / 180) - 1e-9);
    }
  });

  it('a turn keeps the magnitude of every sample', () => {
    const input = { rec: swing(50), rateHz: 50 };
    const out = rotate(input, randomRotation(createRandom(1)));
    for (let i = 0; i < input.rec.xyz.length; i += 3) {
      const a = Math.hypot(input.rec.xyz[i], input.rec.xyz[i + 1], input.rec.xyz[i + 2]);
      const b = Math.hypot(out.rec.xyz[i], out.rec.xyz[i + 1], out.rec.xyz[i + 2]);
      expect(b).toBeCloseTo(a, 5);
    }
  });

  it('resampling sets the rate and keeps a gap a gap', () => {
    for (const rate of [10, 200]) {
      const out = resample({ rec: swing(rate), rateHz: rate }, 25);
      expect(out.rateHz).toBe(25);
      const steps = Array.from(out.rec.tS.slice(1), (t, i) => t - out.rec.tS[i]);
      expect(steps.filter((s) => s > 0.5)).toHaveLength(1);
      const regular = steps.filter((s) => s <= 0.5);
      for (const s of regular) expect(s).toBeCloseTo(0.04, 6);
      // Roughly 9 s of data at 25 Hz.
      expect(out.rec.tS.length).toBeGreaterThan(215);
      expect(out.rec.tS.length).toBeLessThan(230);
      // The signal itself is unchanged by the new sampling.
      for (let i = 0; i < out.rec.tS.length; i++) {
        expect(out.rec.xyz[3 * i]).toBeCloseTo(Math.sin(0.3 * Math.sin(out.rec.tS[i])), 2);
      }
    }
  });

  it('re-pacing scales every interval and the rate alike', () => {
    const input = { rec: swing(50), rateHz: 50 };
    const out = repace(input, 1.25);
    expect(out.rateHz).toBeCloseTo(62.5);
    expect(out.timeScale).toBeCloseTo(0.8);
    const last = input.rec.tS.length - 1;
    expect(out.rec.tS[last]).toBeCloseTo(input.rec.tS[last] * 0.8, 9);
    expect(out.rec.xyz).toBe(input.rec.xyz);
  });

  it('dropping frames loses about the share asked, in whole frames, never the first', () => {
    const input = { rec: swing(200), rateHz: 200 };
    const out = dropFrames(input, 0.05, createRandom(11));
    const lost = 1 - out.rec.tS.length / input.rec.tS.length;
    expect(lost).toBeGreaterThan(0.02);
    expect(lost).toBeLessThan(0.09);
    expect(out.rec.tS[0]).toBe(input.rec.tS[0]);
    // 200 Hz frames of 20 samples: each one is kept whole or lost whole.
    const kept = new Set(out.rec.tS);
    for (let start = 0; start < input.rec.tS.length; start += 20) {
      const frame = Array.from(input.rec.tS.slice(start, start + 20), (t) => kept.has(t));
      expect(new Set(frame).size).toBe(1);
    }
  });
});
