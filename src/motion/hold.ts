// Holds (drawing-in, elbow plank): the pose is reached and kept still; the hold ends when the torso
// leaves the pose, or, for the plank, when the hips sag past the limit of good form. Breathing and
// tremor stay inside the stillness band, so they never break a hold.

import type { MotionEvent } from './events.ts';
import { angleDeg, norm3 } from './filters.ts';
import { type HoldSettings, POSE_UP } from './profiles.ts';

const RAD_TO_DEG = 180 / Math.PI;
// The hold's reference pose is the mean direction over its first seconds, which averages out a
// breath or two; after that it stays fixed so that a slow sag is measured against it.
const REF_AVERAGE_MS = 2000;
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
  private holdStartMs = 0;
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

  constructor(private readonly s: HoldSettings) {}

  /** One sample: unit gravity direction and the RMS of the movement on top of it (g). */
  update(t: number, gx: number, gy: number, gz: number, motionG: number, out: MotionEvent[]): void {
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
      return;
    }
    this.sumX += gx;
    this.sumY += gy;
    this.sumZ += gz;
    if (t - this.anchorT < s.confirmMs || !this.poseOk(this.sumX, this.sumY, this.sumZ)) return;
    const last = this.lastHold;
    if (last && angleDeg(this.sumX, this.sumY, this.sumZ, last[0], last[1], last[2]) > s.leaveDeg / 2) return;
    this.holding = true;
    this.holdStartMs = this.anchorT;
    this.lastQuietMs = t;
    this.prevSagDeg = 0;
    this.meanDevDeg = 0;
    this.devCount = 0;
    this.setRef(this.sumX, this.sumY, this.sumZ);
    out.push({ type: 'hold-start', tMs: this.anchorT, emittedMs: t });
  }

  private whileHolding(t: number, gx: number, gy: number, gz: number, out: MotionEvent[]): void {
    const s = this.s;
    if (t - this.holdStartMs < REF_AVERAGE_MS) {
      this.sumX += gx;
      this.sumY += gy;
      this.sumZ += gz;
      this.setRef(this.sumX, this.sumY, this.sumZ);
    }
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
