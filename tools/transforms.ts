// The same recording as another wearer, device or pace would produce it: turned, resampled, replayed
// faster or slower, or with more frames lost. A detector that relies on physics gives the same count
// for every one of these; the metamorphic tests and `eval --robustness` hold it to that.

import type { Random } from '../src/sensors/virtual/random.ts';
import type { Recording } from './recordings.ts';

/** A recording as the detectors get it: the samples and the nominal rate that frames them. */
export interface RateRecording {
  readonly rec: Recording;
  readonly rateHz: number;
}

export interface Transformed extends RateRecording {
  /** Transformed time = start + (original time − start) × timeScale: maps detected times back. */
  readonly timeScale: number;
}

export interface Transform {
  readonly name: string;
  /** Whether the holds (not only the counts) must come out the same. */
  readonly keepsHolds: boolean;
  apply(input: RateRecording, random: Random): Transformed;
}

/** Row-major 3×3 rotation matrix. */
export type Rotation = readonly [number, number, number, number, number, number, number, number, number];

const DEG = Math.PI / 180;

export function rotationAboutAxis(axis: readonly [number, number, number], deg: number): Rotation {
  const n = Math.hypot(axis[0], axis[1], axis[2]) || 1;
  const [x, y, z] = [axis[0] / n, axis[1] / n, axis[2] / n];
  const c = Math.cos(deg * DEG);
  const s = Math.sin(deg * DEG);
  const k = 1 - c;
  return [
    c + x * x * k,
    x * y * k - z * s,
    x * z * k + y * s,
    y * x * k + z * s,
    c + y * y * k,
    y * z * k - x * s,
    z * x * k - y * s,
    z * y * k + x * s,
    c + z * z * k,
  ];
}

export function multiply(a: Rotation, b: Rotation): Rotation {
  const m: number[] = [];
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++) m.push(a[3 * r] * b[c] + a[3 * r + 1] * b[3 + c] + a[3 * r + 2] * b[6 + c]);
  return m as unknown as Rotation;
}

/** Any orientation at all, uniformly: a random unit quaternion. */
export function randomRotation(random: Random): Rotation {
  let [w, x, y, z] = [random.normal(), random.normal(), random.normal(), random.normal()];
  const n = Math.hypot(w, x, y, z) || 1;
  [w, x, y, z] = [w / n, x / n, y / n, z / n];
  return [
    1 - 2 * (y * y + z * z),
    2 * (x * y - w * z),
    2 * (x * z + w * y),
    2 * (x * y + w * z),
    1 - 2 * (x * x + z * z),
    2 * (y * z - w * x),
    2 * (x * z - w * y),
    2 * (y * z + w * x),
    1 - 2 * (x * x + y * y),
  ];
}

/**
 * A strap worn another way on the chest: turned by any angle about the axis out of the chest (z),
 * then tilted by up to maxTiltDeg about a random axis in the strap's plane.
 */
export function randomChestMounting(random: Random, maxTiltDeg: number): Rotation {
  const turn = rotationAboutAxis([0, 0, 1], random.between(0, 360));
  const heading = random.between(0, 2 * Math.PI);
  const tilt = rotationAboutAxis([Math.cos(heading), Math.sin(heading), 0], random.between(0, maxTiltDeg));
  return multiply(tilt, turn);
}

/** Sample `k` of `from` (interleaved x,y,z) turned by m, written as sample `i` of `to`. */
export function turnSample(m: Rotation, from: Float32Array, k: number, to: Float32Array, i: number): void {
  const x = from[3 * k];
  const y = from[3 * k + 1];
  const z = from[3 * k + 2];
  to[3 * i] = m[0] * x + m[1] * y + m[2] * z;
  to[3 * i + 1] = m[3] * x + m[4] * y + m[5] * z;
  to[3 * i + 2] = m[6] * x + m[7] * y + m[8] * z;
}

export function rotate(input: RateRecording, m: Rotation): Transformed {
  const src = input.rec.xyz;
  const xyz = new Float32Array(src.length);
  for (let i = 0; i < src.length / 3; i++) turnSample(m, src, i, xyz, i);
  return { rec: { tS: input.rec.tS, xyz }, rateHz: input.rateHz, timeScale: 1 };
}

/** The recording replayed `speed` times as fast: every interval shrinks, the rate rises alike. */
export function repace(input: RateRecording, speed: number): Transformed {
  const t = input.rec.tS;
  const t0 = t.length > 0 ? t[0] : 0;
  const tS = t.map((v) => t0 + (v - t0) / speed);
  return { rec: { tS, xyz: input.rec.xyz }, rateHz: input.rateHz * speed, timeScale: 1 / speed };
}

/**
 * The recording as a device sampling at rateHz would have taken it. Going down, each output sample
 * averages the input over its period (as a sensor's output data rate does); going up, it
 * interpolates. A gap in the input (a lost frame) stays a gap.
 */
export function resample(input: RateRecording, rateHz: number): Transformed {
  const { tS, xyz } = input.rec;
  const n = tS.length;
  const periodS = 1 / rateHz;
  // Wider than this between two input samples is a gap, not a slow stretch.
  const gapS = Math.max(2.5 / input.rateHz, 1.5 * periodS);
  const outT: number[] = [];
  const outXyz: number[] = [];
  let runStart = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && tS[i] - tS[i - 1] <= gapS) continue;
    resampleRun(tS, xyz, runStart, i, periodS, rateHz < input.rateHz, outT, outXyz);
    runStart = i;
  }
  return { rec: { tS: Float64Array.from(outT), xyz: Float32Array.from(outXyz) }, rateHz, timeScale: 1 };
}

function resampleRun(
  tS: Float64Array,
  xyz: Float32Array,
  from: number,
  to: number,
  periodS: number,
  average: boolean,
  outT: number[],
  outXyz: number[],
): void {
  const start = tS[from];
  const end = tS[to - 1];
  let j = from;
  for (let t = start; t <= end + 1e-9; t += periodS) {
    if (average) {
      // Mean of the input samples in [t − period/2, t + period/2).
      let sx = 0;
      let sy = 0;
      let sz = 0;
      let count = 0;
      while (j < to && tS[j] < t - periodS / 2) j++;
      for (let k = j; k < to && tS[k] < t + periodS / 2; k++) {
        sx += xyz[3 * k];
        sy += xyz[3 * k + 1];
        sz += xyz[3 * k + 2];
        count++;
      }
      if (count === 0) continue;
      outT.push(t);
      outXyz.push(sx / count, sy / count, sz / count);
    } else {
      while (j + 1 < to && tS[j + 1] <= t) j++;
      const k = Math.min(j + 1, to - 1);
      const span = tS[k] - tS[j];
      const u = span > 0 ? (t - tS[j]) / span : 0;
      outT.push(t);
      for (let c = 0; c < 3; c++) outXyz.push(xyz[3 * j + c] + u * (xyz[3 * k + c] - xyz[3 * j + c]));
    }
  }
}

/**
 * Loses a further `share` of the device's frames (about 0.1 s of samples each, as a BLE link drops
 * whole notifications), never the first one.
 */
export function dropFrames(input: RateRecording, share: number, random: Random): Transformed {
  const { tS, xyz } = input.rec;
  const frame = Math.max(1, Math.round(input.rateHz / 10));
  const keepT: number[] = [];
  const keepXyz: number[] = [];
  for (let start = 0; start < tS.length; start += frame) {
    if (start > 0 && random.chance(share)) continue;
    for (let i = start; i < Math.min(start + frame, tS.length); i++) {
      keepT.push(tS[i]);
      keepXyz.push(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
    }
  }
  return {
    rec: { tS: Float64Array.from(keepT), xyz: Float32Array.from(keepXyz) },
    rateHz: input.rateHz,
    timeScale: 1,
  };
}

/**
 * The transforms a recording at this placement must survive. On the chest the strap can only be
 * turned about the axis out of the chest and tilted a little for everything (posture and the form
 * checks read that axis); counts must survive any orientation at all.
 */
export function transformsFor(placement: string): Transform[] {
  const turns: Transform[] =
    placement === 'chest'
      ? [
          {
            name: 'turn about chest, tilt ≤30°',
            keepsHolds: true,
            apply: (input, random) => rotate(input, randomChestMounting(random, 30)),
          },
          {
            name: 'any turn (counts)',
            keepsHolds: false,
            apply: (input, random) => rotate(input, randomRotation(random)),
          },
        ]
      : [
          {
            name: 'any turn',
            keepsHolds: true,
            apply: (input, random) => rotate(input, randomRotation(random)),
          },
        ];
  return [
    ...turns,
    { name: 'resampled to 25 Hz', keepsHolds: true, apply: (input) => resample(input, 25) },
    { name: 'played 0.8× as fast', keepsHolds: true, apply: (input) => repace(input, 0.8) },
    { name: 'played 1.25× as fast', keepsHolds: true, apply: (input) => repace(input, 1.25) },
    {
      name: '5% more frames dropped',
      keepsHolds: true,
      apply: (input, random) => dropFrames(input, 0.05, random),
    },
  ];
}
