// Counting a periodic movement of unknown shape: the generic mode (burpees, squats, presses…) and
// limb-worn sensors. The acceleration, smoothed, minus its slow mean, is projected on the direction
// in which it varies most (tracked continuously, so no axis or mounting is assumed); a rep is one
// full swing out and back through hysteresis thresholds that scale with the swing itself.

import type { MotionEvent } from './events.ts';
import { expAlpha, LowPass3, norm3, RecentMedian } from './filters.ts';
import type { OscillationSettings } from './profiles.ts';

const SMOOTH_TAU_MS = 120;
const MEAN_TAU_MS = 1500;
const COV_TAU_MS = 4000;
// Thresholds at this share of the recent swing amplitude: far enough from zero to ignore the
// wobble between reps, near enough to catch a shallow rep among deep ones.
const THRESHOLD_SHARE = 0.3;

export class OscillationCounter {
  private readonly smooth = new LowPass3(SMOOTH_TAU_MS);
  private readonly mean = new LowPass3(MEAN_TAU_MS);
  // Exponentially weighted covariance of the detrended signal (xx, yy, zz, xy, xz, yz).
  private cxx = 0;
  private cyy = 0;
  private czz = 0;
  private cxy = 0;
  private cxz = 0;
  private cyz = 0;
  private ax = 1;
  private ay = 0;
  private az = 0;
  private prevT = Number.NaN;
  private covDtMs = -1;
  private covAlpha = 0;
  // Hysteresis state: +1 / −1 for the last threshold crossed, 0 before the first.
  private polarity = 0;
  // The polarity of the first swing of a set: a rep ends on each return to the other one.
  private outward = 0;
  private swingMax = 0;
  private swingMin = 0;
  private lastRepMs = Number.NEGATIVE_INFINITY;
  private repStartMs = 0;
  private readonly swings = new RecentMedian(5);

  constructor(private readonly s: OscillationSettings) {}

  update(t: number, x: number, y: number, z: number, out: MotionEvent[]): void {
    const dt = Number.isNaN(this.prevT) ? 0 : t - this.prevT;
    this.prevT = t;
    this.smooth.update(dt, x, y, z);
    this.mean.update(dt, this.smooth.x, this.smooth.y, this.smooth.z);
    const dx = this.smooth.x - this.mean.x;
    const dy = this.smooth.y - this.mean.y;
    const dz = this.smooth.z - this.mean.z;
    if (dt !== this.covDtMs) {
      this.covDtMs = dt;
      this.covAlpha = expAlpha(dt, COV_TAU_MS);
    }
    const a = this.covAlpha;
    this.cxx += a * (dx * dx - this.cxx);
    this.cyy += a * (dy * dy - this.cyy);
    this.czz += a * (dz * dz - this.czz);
    this.cxy += a * (dx * dy - this.cxy);
    this.cxz += a * (dx * dz - this.cxz);
    this.cyz += a * (dy * dz - this.cyz);
    // One power-iteration step per sample keeps the principal axis current at almost no cost.
    let nx = this.cxx * this.ax + this.cxy * this.ay + this.cxz * this.az;
    let ny = this.cxy * this.ax + this.cyy * this.ay + this.cyz * this.az;
    let nz = this.cxz * this.ax + this.cyz * this.ay + this.czz * this.az;
    const n = norm3(nx, ny, nz);
    if (n > 1e-12) {
      nx /= n;
      ny /= n;
      nz /= n;
      this.ax = nx;
      this.ay = ny;
      this.az = nz;
    }
    const p = dx * this.ax + dy * this.ay + dz * this.az;
    const swing = this.swings.count > 0 ? this.swings.median(0) : this.s.minSwingG;
    const threshold = Math.max(this.s.minSwingG / 2, swing) * THRESHOLD_SHARE;
    if (p > this.swingMax) this.swingMax = p;
    if (p < this.swingMin) this.swingMin = p;
    if (p > threshold && this.polarity !== 1) this.cross(1, t, out);
    else if (p < -threshold && this.polarity !== -1) this.cross(-1, t, out);
  }

  private cross(polarity: number, t: number, out: MotionEvent[]): void {
    if (this.outward === 0) {
      this.outward = polarity;
      this.repStartMs = t;
    } else if (polarity !== this.outward) {
      const swing = this.swingMax - this.swingMin;
      if (swing >= this.s.minSwingG && t - this.lastRepMs >= this.s.minPeriodMs) {
        out.push({ type: 'rep', tMs: t, emittedMs: t, startMs: this.repStartMs, peakDeg: 0 });
        this.swings.push(swing / 2);
        this.lastRepMs = t;
      }
    } else {
      this.repStartMs = t;
      this.swingMax = 0;
      this.swingMin = 0;
    }
    this.polarity = polarity;
  }
}
