// Reps and breath cycles as excursions: the torso tilts away from the pose it rests in and comes
// back. The angle is measured between the current gravity direction and the rest pose's, so the
// strap's mounting angle cancels; hysteresis thresholds adapt to the person's own range after the
// first reps, so a shallow mover and a deep one are both counted.

import type { MotionEvent, Side } from './events.ts';
import { angleDeg, expAlpha, RecentMedian } from './filters.ts';
import { type ExcursionSettings, POSE_UP } from './profiles.ts';

const RAD_TO_DEG = 180 / Math.PI;
// Before any rep is seen the thresholds assume a rep smaller than the profile's typical one, so
// that a cautious first rep still counts; the person's own reps take over from the first.
const FIRST_REP_SHARE = 0.7;
// How the rest pose follows slow drift (a strap settling, the body sinking into a mat) between reps.
const REST_TRACK_TAU_MS = 3000;
// The rest pose is taken once the torso has been still this long within this band.
const ACQUIRE_STILL_MS = 600;
const ACQUIRE_BAND_DEG = 3;

export class ExcursionDetector {
  private refX = 0;
  private refY = 0;
  private refZ = 0;
  private hasRef = false;
  // Candidate rest pose while acquiring: the direction the torso settled at, and since when.
  private anchorX = 0;
  private anchorY = 0;
  private anchorZ = 1;
  private anchorT = Number.NaN;

  private inExcursion = false;
  private startMs = 0;
  private lastBelowLoMs = 0;
  private aboveMs = 0;
  private peakDeg = 0;
  private peakRollDeg = 0;
  private formSent = false;
  private prevT = Number.NaN;
  private prevAngle = 0;
  private readonly peaks = new RecentMedian(5);

  constructor(private readonly s: ExcursionSettings) {}

  /** Typical peak of this person so far (the profile's expectation until their first reps). */
  typicalPeakDeg(): number {
    return this.peaks.count > 0 ? this.peaks.median(0) : this.s.expectedPeakDeg * FIRST_REP_SHARE;
  }

  /** One sample of the unit gravity direction at time t; completed events are appended to out. */
  update(t: number, gx: number, gy: number, gz: number, out: MotionEvent[]): void {
    const dt = Number.isNaN(this.prevT) ? 0 : t - this.prevT;
    if (!this.hasRef) {
      this.acquire(t, gx, gy, gz);
      this.prevT = t;
      this.prevAngle = 0;
      return;
    }
    const s = this.s;
    const angle = angleDeg(gx, gy, gz, this.refX, this.refY, this.refZ);
    const typical = this.typicalPeakDeg();
    const hi = Math.max(s.minHiDeg, s.hiFrac * typical);
    const lo = Math.max(s.minLoDeg, s.loFrac * typical);

    if (!this.inExcursion) {
      if (angle < lo) {
        this.lastBelowLoMs = t;
        // Follow slow drift of the rest pose; the rep itself never gets here (it is above lo).
        const a = expAlpha(dt, REST_TRACK_TAU_MS);
        this.setRef(
          this.refX + a * (gx - this.refX),
          this.refY + a * (gy - this.refY),
          this.refZ + a * (gz - this.refZ),
        );
        if (!this.poseOk(this.refX, this.refY, this.refZ)) this.hasRef = false;
      }
      if (angle >= hi) {
        this.inExcursion = true;
        this.startMs = this.lastBelowLoMs;
        this.aboveMs = 0;
        this.peakDeg = angle;
        this.peakRollDeg = this.rollDeg(gx, gy, gz);
        this.formSent = false;
      }
    } else {
      if (angle >= hi) this.aboveMs += dt;
      if (angle > this.peakDeg) {
        this.peakDeg = angle;
        this.peakRollDeg = this.rollDeg(gx, gy, gz);
      }
      this.checkForm(t, angle, gx, gy, gz, out);
      if (angle < lo) {
        this.inExcursion = false;
        this.lastBelowLoMs = t;
        const endMs = crossingTime(this.prevT, this.prevAngle, t, angle, lo);
        if (this.aboveMs >= s.minAboveMs && this.peakDeg <= s.maxPeakDeg) {
          this.emit(endMs, t, out);
          this.peaks.push(this.peakDeg);
        }
      } else if (t - this.startMs > s.maxRepMs || this.peakDeg > 1.5 * s.maxPeakDeg) {
        // Away too long or too far: the person changed pose. Start over from the new one.
        this.inExcursion = false;
        this.hasRef = false;
        this.anchorT = Number.NaN;
      }
    }
    this.prevT = t;
    this.prevAngle = angle;
  }

  private emit(endMs: number, emittedMs: number, out: MotionEvent[]): void {
    const peakDeg = Math.round(this.peakDeg * 10) / 10;
    if (this.s.kind === 'breath') {
      out.push({ type: 'breath', tMs: endMs, emittedMs });
      return;
    }
    if (this.s.sided) {
      // Weight onto the left hand (right arm and left leg up) rolls the torso to its left, which
      // turns the strap's x axis (the wearer's left) towards the floor: a falling x reading.
      const side: Side = this.peakRollDeg < 0 ? 'right' : 'left';
      out.push({ type: 'rep', tMs: endMs, emittedMs, startMs: this.startMs, peakDeg, side });
      return;
    }
    out.push({ type: 'rep', tMs: endMs, emittedMs, startMs: this.startMs, peakDeg });
  }

  private checkForm(t: number, angle: number, gx: number, gy: number, gz: number, out: MotionEvent[]): void {
    if (this.formSent) return;
    const s = this.s;
    if (s.overExtensionDeg !== undefined && angle > s.overExtensionDeg && angle <= s.maxPeakDeg) {
      this.formSent = true;
      out.push({ type: 'form', tMs: t, emittedMs: t, issue: 'over-extension' });
    }
    if (s.tabletopLostDeg !== undefined && Math.abs(this.rollDeg(gx, gy, gz)) > s.tabletopLostDeg) {
      this.formSent = true;
      out.push({ type: 'form', tMs: t, emittedMs: t, issue: 'tabletop-lost' });
    }
  }

  /** Signed roll from the rest pose: the change of the reading along the strap's x axis, in degrees. */
  private rollDeg(gx: number, _gy: number, _gz: number): number {
    const d = Math.max(-1, Math.min(1, gx - this.refX));
    return Math.asin(d) * RAD_TO_DEG;
  }

  private acquire(t: number, gx: number, gy: number, gz: number): void {
    if (
      Number.isNaN(this.anchorT) ||
      angleDeg(gx, gy, gz, this.anchorX, this.anchorY, this.anchorZ) > ACQUIRE_BAND_DEG
    ) {
      this.anchorX = gx;
      this.anchorY = gy;
      this.anchorZ = gz;
      this.anchorT = t;
      return;
    }
    if (t - this.anchorT >= ACQUIRE_STILL_MS && this.poseOk(gx, gy, gz)) {
      this.setRef(gx, gy, gz);
      this.hasRef = true;
      this.inExcursion = false;
      this.lastBelowLoMs = t;
    }
  }

  private poseOk(x: number, y: number, z: number): boolean {
    if (this.s.pose === 'any') return true;
    const up = POSE_UP[this.s.pose];
    return angleDeg(x, y, z, up[0], up[1], up[2]) <= this.s.poseTolDeg;
  }

  private setRef(x: number, y: number, z: number): void {
    const n = Math.hypot(x, y, z) || 1;
    this.refX = x / n;
    this.refY = y / n;
    this.refZ = z / n;
  }
}

/** Time at which a signal sampled at (t0, v0) and (t1, v1) crossed the level, by linear interpolation. */
export function crossingTime(t0: number, v0: number, t1: number, v1: number, level: number): number {
  if (Number.isNaN(t0) || v0 === v1) return t1;
  const u = (v0 - level) / (v0 - v1);
  return t0 + Math.max(0, Math.min(1, u)) * (t1 - t0);
}
