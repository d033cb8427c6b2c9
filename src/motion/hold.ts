// Holds (drawing-in, elbow plank): the pose is reached and kept still; the hold ends when the torso
// leaves the pose, or, for the plank, when the hips sag past the limit of good form. Breathing and
// tremor stay inside the stillness band, so they never break a hold.

import type { MotionEvent } from './events.ts';
import { angleDeg, norm3, RAD_TO_DEG } from './filters.ts';
import { type HoldSettings, POSE_UP } from './profiles.ts';

// Once the pose has been still for confirmMs, the detector watches it this much longer before it
// reports the hold: long enough to see a breath, so that it knows the size of the breathing rock.
// The hold's reference pose is the mean over that window (fixed from then on, so that a slow sag
// is measured against it), and the hold is dated back to when the torso last left the breathing
// band around it: the small settling shifts after getting into position are not the hold yet.
const OBSERVE_MS = 4000;
const BAND_PERCENTILE = 0.7;
const BAND_SHARE = 1.6;
const BAND_MIN_DEG = 0.6;
// The pose history kept for dating the start back: one entry per 100 ms, 25 s.
const HISTORY_STEP_MS = 100;
const HISTORY_SIZE = 256;
// Getting into position shakes the strap; a held pose leaves only sensor noise and tremor (a
// straining plank reaches ~0.02 g). Above this RMS the person is still moving.
const STILL_MOTION_G = 0.04;
// Breathing rocks the chest during a hold; the quiet band around the hold pose scales with it.
const QUIET_BREATH_SHARE = 2.5;
const QUIET_MIN_DEG = 1;

export class HoldDetector {
  private holding = false;
  // Candidate: where the torso settled and since when, with a running sum for its mean direction.
  private anchorX = 0;
  private anchorY = 0;
  private anchorZ = 1;
  private anchorT = Number.NaN;
  private sumX = 0;
  private sumY = 0;
  private sumZ = 0;
  private refX = 0;
  private refY = 0;
  private refZ = 1;
  private lastQuietMs = 0;
  private prevT = Number.NaN;
  private prevSagDeg = 0;
  // Mean deviation from the hold pose so far: the size of the breathing rock.
  private meanDevDeg = 0;
  private devCount = 0;
  // After a hold the same pose must be taken again before another hold can start: lying on the
  // floor after a plank is still and nearly prone, but it is not a plank.
  private lastHold: [number, number, number] | null = null;
  private pendingSinceMs = Number.NaN;
  private readonly histT = new Float64Array(HISTORY_SIZE);
  private readonly histXyz = new Float32Array(HISTORY_SIZE * 3);
  private histNext = 0;
  private histCount = 0;

  constructor(private readonly s: HoldSettings) {}

  /** One sample: unit gravity direction and the RMS of the movement on top of it (g). */
  update(t: number, gx: number, gy: number, gz: number, motionG: number, out: MotionEvent[]): void {
    const newest =
      this.histCount > 0 ? this.histT[(this.histNext + HISTORY_SIZE - 1) % HISTORY_SIZE] : -Infinity;
    if (t - newest >= HISTORY_STEP_MS) {
      const i = this.histNext;
      this.histT[i] = t;
      this.histXyz[3 * i] = gx;
      this.histXyz[3 * i + 1] = gy;
      this.histXyz[3 * i + 2] = gz;
      this.histNext = (i + 1) % HISTORY_SIZE;
      this.histCount = Math.min(HISTORY_SIZE, this.histCount + 1);
    }
    if (this.holding) this.whileHolding(t, gx, gy, gz, out);
    else this.search(t, gx, gy, gz, motionG, out);
    this.prevT = t;
  }

  private search(t: number, gx: number, gy: number, gz: number, motionG: number, out: MotionEvent[]): void {
    const s = this.s;
    if (
      Number.isNaN(this.anchorT) ||
      motionG > STILL_MOTION_G ||
      angleDeg(gx, gy, gz, this.anchorX, this.anchorY, this.anchorZ) > s.stillBandDeg
    ) {
      this.anchorX = gx;
      this.anchorY = gy;
      this.anchorZ = gz;
      this.anchorT = t;
      this.sumX = gx;
      this.sumY = gy;
      this.sumZ = gz;
      this.pendingSinceMs = Number.NaN;
      return;
    }
    this.sumX += gx;
    this.sumY += gy;
    this.sumZ += gz;
    if (t - this.anchorT < s.confirmMs || !this.poseOk(this.sumX, this.sumY, this.sumZ)) return;
    const last = this.lastHold;
    if (last && angleDeg(this.sumX, this.sumY, this.sumZ, last[0], last[1], last[2]) > s.leaveDeg / 2) return;
    if (Number.isNaN(this.pendingSinceMs)) this.pendingSinceMs = t;
    if (t - this.pendingSinceMs < OBSERVE_MS) return;
    const start = this.datedStart(t);
    this.holding = true;
    this.lastQuietMs = t;
    this.prevSagDeg = 0;
    this.meanDevDeg = 0;
    this.devCount = 0;
    this.pendingSinceMs = Number.NaN;
    out.push({ type: 'hold-start', tMs: start, emittedMs: t });
  }

  /**
   * Sets the hold's reference pose to the mean of the observation window and returns when the
   * torso last came into the breathing band around it (never before the stillness began).
   */
  private datedStart(t: number): number {
    const from = t - OBSERVE_MS;
    let sx = 0;
    let sy = 0;
    let sz = 0;
    this.forHistory((ht, x, y, z) => {
      if (ht < from) return false;
      sx += x;
      sy += y;
      sz += z;
      return true;
    });
    this.setRef(sx, sy, sz);
    // The breathing rock from a high percentile of the deviations, not their maximum: a settling
    // shift inside the window must not widen the band that is meant to find it.
    const devs: number[] = [];
    this.forHistory((ht, x, y, z) => {
      if (ht < from) return false;
      devs.push(angleDeg(x, y, z, this.refX, this.refY, this.refZ));
      return true;
    });
    devs.sort((a, b) => a - b);
    const typicalDev = devs.length > 0 ? devs[Math.floor(BAND_PERCENTILE * (devs.length - 1))] : 0;
    const band = Math.max(BAND_MIN_DEG, BAND_SHARE * typicalDev);
    let start = t;
    this.forHistory((ht, x, y, z) => {
      if (ht < this.anchorT || angleDeg(x, y, z, this.refX, this.refY, this.refZ) > band) return false;
      start = ht;
      return true;
    });
    return start;
  }

  /** Walks the pose history from the newest entry back while the visitor returns true. */
  private forHistory(visit: (t: number, x: number, y: number, z: number) => boolean): void {
    for (let k = 1; k <= this.histCount; k++) {
      const i = (this.histNext + HISTORY_SIZE - k) % HISTORY_SIZE;
      if (!visit(this.histT[i], this.histXyz[3 * i], this.histXyz[3 * i + 1], this.histXyz[3 * i + 2]))
        return;
    }
  }

  private whileHolding(t: number, gx: number, gy: number, gz: number, out: MotionEvent[]): void {
    const s = this.s;
    const angle = angleDeg(gx, gy, gz, this.refX, this.refY, this.refZ);
    const quietDeg = Math.max(QUIET_MIN_DEG, QUIET_BREATH_SHARE * this.meanDevDeg);
    if (angle <= quietDeg) {
      this.lastQuietMs = t;
      this.devCount++;
      this.meanDevDeg += (angle - this.meanDevDeg) / this.devCount;
    }
    if (s.sagDeg !== undefined) {
      const sag = this.sagDeg(gx, gy, gz);
      if (sag > s.sagDeg) {
        const at = interpolate(this.prevT, this.prevSagDeg, t, sag, s.sagDeg);
        out.push({ type: 'form', tMs: at, emittedMs: t, issue: 'plank-sag' });
        this.end(at, t, 'form', out);
        return;
      }
      this.prevSagDeg = sag;
    }
    if (angle > s.leaveDeg) this.end(this.lastQuietMs, t, 'left-pose', out);
  }

  private end(tMs: number, emittedMs: number, reason: 'left-pose' | 'form', out: MotionEvent[]): void {
    out.push({ type: 'hold-end', tMs, emittedMs, reason });
    this.holding = false;
    this.lastHold = [this.refX, this.refY, this.refZ];
    this.anchorT = Number.NaN;
  }

  /**
   * How far the head end has risen from the hold pose, in degrees: the change of the reading along
   * the strap's y axis (towards the head), taken perpendicular to the hold's gravity direction. In a
   * plank, hips dropping between elbows and toes tilt the upper torso head-up.
   */
  private sagDeg(gx: number, gy: number, gz: number): number {
    const ex = -this.refY * this.refX;
    const ey = 1 - this.refY * this.refY;
    const ez = -this.refY * this.refZ;
    const n = norm3(ex, ey, ez);
    if (n < 1e-6) return 0;
    const d = ((gx - this.refX) * ex + (gy - this.refY) * ey + (gz - this.refZ) * ez) / n;
    return Math.asin(Math.max(-1, Math.min(1, d))) * RAD_TO_DEG;
  }

  private poseOk(x: number, y: number, z: number): boolean {
    if (this.s.pose === 'any') return true;
    const up = POSE_UP[this.s.pose];
    return angleDeg(x, y, z, up[0], up[1], up[2]) <= this.s.poseTolDeg;
  }

  private setRef(x: number, y: number, z: number): void {
    const n = norm3(x, y, z) || 1;
    this.refX = x / n;
    this.refY = y / n;
    this.refZ = z / n;
  }
}

function interpolate(t0: number, v0: number, t1: number, v1: number, level: number): number {
  if (Number.isNaN(t0) || v0 === v1) return t1;
  const u = (level - v0) / (v1 - v0);
  return t0 + Math.max(0, Math.min(1, u)) * (t1 - t0);
}
