import { describe, expect, it } from 'vitest';
import { angleDeg } from '../../../src/motion/filters.ts';
import type { Recording } from '../../../tools/recordings.ts';
import { opensStill, withStillStartTurned } from '../../../tools/still-start.ts';

const RATE_HZ = 50;

/** 6 s at 50 Hz lying still (a little noise), then a slow tilt of gravity in the x–z plane. */
function stillThenTilt(): Recording {
  const tS: number[] = [];
  const xyz: number[] = [];
  for (let i = 0; i < 6 * RATE_HZ; i++) {
    const t = i / RATE_HZ;
    const a = t < 3 ? 0 : 0.3 * Math.sin(t - 3);
    const wobble = 0.003 * Math.sin(37 * t);
    tS.push(t);
    xyz.push(Math.sin(a) + wobble, wobble, -Math.cos(a));
  }
  return { tS: Float64Array.from(tS), xyz: Float32Array.from(xyz) };
}

const at = (rec: Recording, i: number) => [rec.xyz[3 * i], rec.xyz[3 * i + 1], rec.xyz[3 * i + 2]] as const;

describe('a still start turned a few degrees', () => {
  it('puts 2 s of the opening turned by the angle, then a second back into it, before the recording', () => {
    const rec = stillThenTilt();
    const out = withStillStartTurned(rec, RATE_HZ, 9, 1.1);
    const before = 3 * RATE_HZ;
    expect(out.tS.length).toBe(rec.tS.length + before);
    // Evenly timed, with the recording after it later by the 3 s put before it.
    expect(out.tS[1] - out.tS[0]).toBeCloseTo(1 / RATE_HZ, 9);
    expect(out.tS[before] - rec.tS[0]).toBeCloseTo(3, 9);
    expect([...out.xyz.slice(3 * before)]).toEqual([...rec.xyz]);
    // Still, 9° off the opening, about an axis across gravity (a turn about gravity would change nothing).
    for (const i of [0, RATE_HZ, 2 * RATE_HZ - 1]) {
      expect(angleDeg(...at(out, i), ...at(rec, i % 25))).toBeCloseTo(9, 1);
    }
    // Then back, smoothly: half way at half the second, at the opening at its end.
    expect(angleDeg(...at(out, 2.5 * RATE_HZ), ...at(rec, (2.5 * RATE_HZ) % 25))).toBeCloseTo(4.5, 1);
    expect(angleDeg(...at(out, before - 1), ...at(rec, (before - 1) % 25))).toBeLessThan(0.1);
  });

  it('turns the start about another axis for another angle round gravity, by the same amount', () => {
    const rec = stillThenTilt();
    const a = withStillStartTurned(rec, RATE_HZ, 5, 0);
    const b = withStillStartTurned(rec, RATE_HZ, 5, Math.PI / 2);
    expect(angleDeg(...at(a, 0), ...at(rec, 0))).toBeCloseTo(5, 1);
    expect(angleDeg(...at(b, 0), ...at(rec, 0))).toBeCloseTo(5, 1);
    expect(angleDeg(...at(a, 0), ...at(b, 0))).toBeGreaterThan(6);
  });

  it('takes only recordings that open still', () => {
    expect(opensStill(stillThenTilt(), RATE_HZ)).toBe(true);
    const moving = stillThenTilt();
    for (let i = 0; i < 25; i++) moving.xyz[3 * i] += 0.1 * Math.sin(i);
    expect(opensStill(moving, RATE_HZ)).toBe(false);
  });
});
