// Synthetic chest-strap signals for the detector tests: a torso turning through known angles, seen
// by a strap mounted at a known tilt, with sensor noise, sampled at any rate with optional gaps.

import type { AccelFrame } from '../../../src/sensors/samples.ts';
import { createRandom } from '../../../src/sensors/virtual/random.ts';
import {
  rotateAboutX,
  rotateAboutY,
  toSensorFrame,
  type Vec3,
} from '../../../src/sensors/virtual/rotation.ts';

export type { Vec3 };

export interface SynthOptions {
  /** Body-frame "up" at rest. */
  readonly up: Vec3;
  /** Torso angles at time t (s): pitch about x, roll about y, in degrees. */
  readonly angles: (tS: number) => { pitch: number; roll: number };
  readonly durationS: number;
  readonly rateHz: number;
  /** Strap mounting rotation (degrees about x, y, z). */
  readonly mount?: Vec3;
  readonly noiseG?: number;
  /** Samples per frame (1 = irregular-style one-sample frames). */
  readonly frameSize?: number;
  /** Random jitter of sample times, as a share of the sample spacing (one-sample frames only). */
  readonly jitter?: number;
  /** [startS, endS] spans with no samples (dropped packets). */
  readonly gaps?: readonly [number, number][];
  readonly seed?: number;
}

export function synthFrames(o: SynthOptions): AccelFrame[] {
  const r = createRandom(o.seed ?? 1);
  const mount = o.mount ?? [0, 0, 0];
  const noise = o.noiseG ?? 0.005;
  const frameSize = o.frameSize ?? 10;
  const dtS = 1 / o.rateHz;
  const frames: AccelFrame[] = [];
  let buf: number[] = [];
  let frameT0 = 0;
  const flush = (dtMs: number) => {
    if (buf.length === 0) return;
    frames.push({ t0Ms: frameT0 * 1000, dtMs: buf.length > 3 ? dtMs : 0, xyz: Float32Array.from(buf) });
    buf = [];
  };
  const count = Math.floor(o.durationS * o.rateHz);
  for (let i = 0; i < count; i++) {
    let tS = i * dtS;
    if (o.jitter && frameSize === 1) tS += (r.next() - 0.5) * o.jitter * dtS;
    if (o.gaps?.some(([a, b]) => tS >= a && tS < b)) {
      flush(dtS * 1000);
      continue;
    }
    const { pitch, roll } = o.angles(tS);
    const body = rotateAboutY(rotateAboutX(o.up, pitch), roll);
    const s = toSensorFrame(body, { aboutXDeg: mount[0], aboutYDeg: mount[1], aboutZDeg: mount[2] });
    if (buf.length === 0) frameT0 = tS;
    buf.push(s[0] + noise * r.normal(), s[1] + noise * r.normal(), s[2] + noise * r.normal());
    if (buf.length === frameSize * 3) flush(dtS * 1000);
  }
  flush(dtS * 1000);
  return frames;
}

/** A smooth rep: rise, hold at the top, lower, each with cosine easing; 0 outside [start, end]. */
export function repShape(tS: number, startS: number, riseS: number, topS: number, lowerS: number): number {
  const u = tS - startS;
  if (u <= 0) return 0;
  if (u < riseS) return (1 - Math.cos((Math.PI * u) / riseS)) / 2;
  if (u < riseS + topS) return 1;
  if (u < riseS + topS + lowerS) return (1 + Math.cos((Math.PI * (u - riseS - topS)) / lowerS)) / 2;
  return 0;
}
