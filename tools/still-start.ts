// A person judged in position lying still, who then shifts a few degrees (arms brought overhead, a
// knee moved) before the first rep: the set must count the same. The recording's opening, still,
// is put before it turned by θ about an axis across gravity, then turned back over a second; the set
// is counted as the session counts it (from when the person is in position), with and without: the
// same reps and breaths, and the same hold.
// Measured by `eval --robustness` for the recordings of a chest exercise judged by position that
// open still; the metamorphic tests of transforms.ts do not require it yet.

import { createRandom, hashString } from '../src/sensors/virtual/random.ts';
import { type Detected, type DetectorInput, detect } from './detect.ts';
import { startPostureOf } from './position.ts';
import type { Recording } from './recordings.ts';
import { HOLD_TOLERANCE_S, longestHold } from './robustness.ts';
import { rotationAboutAxis, turnSample } from './transforms.ts';

/** Turns of the still start the evaluation measures, in degrees. */
export const STILL_START_TURNS_DEG = [5, 9] as const;

const OPENING_S = 0.5;
const STILL_S = 2;
const TURN_BACK_S = 1;
// An opening moving more than this (per axis, g) is no still start to turn.
const STILL_SD_G = 0.02;

/** Whether the recording opens still: its first half second moves no more than a still body does. */
export function opensStill(rec: Recording, rateHz: number): boolean {
  const n = Math.min(rec.tS.length, Math.round(OPENING_S * rateHz));
  if (n < 2) return false;
  for (let c = 0; c < 3; c++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += rec.xyz[3 * i + c];
    mean /= n;
    let sq = 0;
    for (let i = 0; i < n; i++) sq += (rec.xyz[3 * i + c] - mean) ** 2;
    if (Math.sqrt(sq / n) > STILL_SD_G) return false;
  }
  return true;
}

/**
 * The recording after STILL_S of its opening turned by `deg` about a horizontal axis at
 * `axisAngleRad` round gravity, then TURN_BACK_S turning smoothly back into it; its samples follow,
 * later by that much. The opening's own samples, repeated, keep its noise.
 */
export function withStillStartTurned(
  rec: Recording,
  rateHz: number,
  deg: number,
  axisAngleRad: number,
): Recording {
  const n0 = Math.round(OPENING_S * rateHz);
  const [ux, uy, uz, vx, vy, vz] = acrossGravity(rec, n0);
  const c = Math.cos(axisAngleRad);
  const s = Math.sin(axisAngleRad);
  const axis: [number, number, number] = [c * ux + s * vx, c * uy + s * vy, c * uz + s * vz];
  const still = Math.round(STILL_S * rateHz);
  const turning = Math.round(TURN_BACK_S * rateHz);
  const before = still + turning;
  const dtS = 1 / rateHz;
  const n = rec.tS.length;
  const tS = new Float64Array(before + n);
  const xyz = new Float32Array(3 * (before + n));
  for (let i = 0; i < before; i++) {
    const k = i % n0;
    const u = i < still ? 0 : (i - still) / turning;
    const m = rotationAboutAxis(axis, deg * (0.5 + 0.5 * Math.cos(Math.PI * u)));
    tS[i] = rec.tS[0] + i * dtS;
    turnSample(m, rec.xyz, k, xyz, i);
  }
  for (let i = 0; i < n; i++) tS[before + i] = rec.tS[i] + before * dtS;
  xyz.set(rec.xyz, 3 * before);
  return { tS, xyz };
}

/** How long the turned start put before the recording lasts, s. */
function stillStartS(rateHz: number): number {
  return (Math.round(STILL_S * rateHz) + Math.round(TURN_BACK_S * rateHz)) / rateHz;
}

/** What changed once the turned start was put before the recording (its times shifted back), or null. */
function changeOf(base: Detected, after: Detected, shiftS: number): string | null {
  const parts: string[] = [];
  if (after.reps !== base.reps) parts.push(`reps ${base.reps} → ${after.reps}`);
  if (after.breaths !== base.breaths) parts.push(`breaths ${base.breaths} → ${after.breaths}`);
  const hold = longestHold(base.holds);
  const turned = longestHold(after.holds);
  const back = turned && [turned[0] - shiftS, turned[1] - shiftS];
  const sameHold =
    hold === null || back === null
      ? hold === back
      : Math.abs(hold[0] - back[0]) <= HOLD_TOLERANCE_S && Math.abs(hold[1] - back[1]) <= HOLD_TOLERANCE_S;
  if (!sameHold) {
    const text = (h: number[] | null) => (h ? `${h[0].toFixed(1)}–${h[1].toFixed(1)} s` : 'none');
    parts.push(`hold ${text(hold)} → ${text(back)}`);
  }
  return parts.length > 0 ? parts.join('; ') : null;
}

/** Two unit vectors across the opening's gravity direction (and across each other). */
function acrossGravity(rec: Recording, n: number): [number, number, number, number, number, number] {
  let gx = 0;
  let gy = 0;
  let gz = 0;
  for (let i = 0; i < n; i++) {
    gx += rec.xyz[3 * i];
    gy += rec.xyz[3 * i + 1];
    gz += rec.xyz[3 * i + 2];
  }
  const g = Math.hypot(gx, gy, gz) || 1;
  [gx, gy, gz] = [gx / g, gy / g, gz / g];
  // Any vector not along gravity, crossed with it.
  const [rx, ry, rz] = Math.abs(gx) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  let ux = gy * rz - gz * ry;
  let uy = gz * rx - gx * rz;
  let uz = gx * ry - gy * rx;
  const u = Math.hypot(ux, uy, uz);
  [ux, uy, uz] = [ux / u, uy / u, uz / u];
  return [ux, uy, uz, gy * uz - gz * uy, gz * ux - gx * uz, gx * uy - gy * ux];
}

/** Per corpus, placement and exercise: the sets whose count stayed the same, per turn of the start. */
export class StillStartRobustness {
  private readonly groups = new Map<string, { recordings: number; same: number[]; changed: string[] }>();

  add(key: string, file: string, rec: Recording, input: DetectorInput): void {
    if (input.placement !== 'chest' || !startPostureOf(input.exercise) || !opensStill(rec, input.rateHz))
      return;
    const counted = (r: Recording) => detect(r, input, { setByPosition: true });
    const base = counted(rec);
    const shiftS = stillStartS(input.rateHz);
    const axisAngleRad = createRandom(hashString(`${file} still start`)).between(0, 2 * Math.PI);
    const g = this.groups.get(key) ?? {
      recordings: 0,
      same: STILL_START_TURNS_DEG.map(() => 0),
      changed: [],
    };
    this.groups.set(key, g);
    g.recordings++;
    STILL_START_TURNS_DEG.forEach((deg, i) => {
      const after = counted(withStillStartTurned(rec, input.rateHz, deg, axisAngleRad));
      const change = changeOf(base, after, shiftS);
      if (change === null) g.same[i]++;
      else g.changed.push(`${file}: turned ${deg}°, ${change}`);
    });
  }

  rows(): string[][] {
    const rows = [...this.groups].sort(([a], [b]) => a.localeCompare(b));
    return [
      [
        'corpus / placement / exercise',
        'recordings',
        ...STILL_START_TURNS_DEG.map((deg) => `unchanged, turned ${deg}°`),
      ],
      ...rows.map(([key, g]) => [
        key,
        String(g.recordings),
        ...g.same.map((same) => `${Math.round((100 * same) / g.recordings)}%`),
      ]),
    ];
  }

  changed(): string[] {
    return [...this.groups.values()].flatMap((g) => g.changed);
  }
}
