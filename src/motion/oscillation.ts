// Counting a periodic movement of unknown shape: the generic mode (burpees, squats, presses…) and
// limb-worn sensors. The acceleration, smoothed, minus its slow mean, is projected on the direction
// in which it varies most (tracked continuously, so no axis or mounting is assumed); a rep is one
// full swing out and back through hysteresis thresholds that scale with the person's own swings.
// Smoothing and detrending follow the person's tempo, within limits: a slow burpee's jerky phases
// merge into one swing, while a slow physiotherapy rep with long rests between is not averaged away.

import type { MotionEvent } from './events.ts';
import { LowPass1, LowPass3, PrincipalAxis, RecentMedian } from './filters.ts';
import type { OscillationSettings } from './profiles.ts';

// Before the person's tempo is known: a 2.5 s rep.
const DEFAULT_INTERVAL_MS = 2500;
// Smoothing as a share of the rep interval (keeps the fundamental, drops sub-phases), and its cap.
const SMOOTH_SHARE = 0.08;
const SMOOTH_MAX_MS = 200;
// Detrending as a share of the rep interval, capped: with long rests between reps a slower mean
// settles on the rest pose, and the return to rest would no longer cross the lower threshold.
const MEAN_SHARE = 0.8;
const MEAN_MAX_MS = 2000;
const COV_TAU_MS = 4000;
// Thresholds at this share of the recent swing: far enough from zero to ignore the wobble between
// reps, near enough to catch a shallow rep among deep ones. Tuned on the shared corpora.
const THRESHOLD_SHARE = 0.35;
// A rep's swing must be at least this share of the person's recent ones: smaller is a wobble.
const MIN_SWING_SHARE = 0.35;
// A pause this long (or this many rep intervals) ends the set: the next rep is judged as a first
// one again, and tempo and swing are learned afresh (a new set, or a faster or smaller variant).
const PAUSE_INTERVALS = 3;
const MIN_PAUSE_MS = 10000;
// Movement on top of the smoothed signal below this RMS is "still"; a step longer than the last
// constant is a gap in the data, not evidence of stillness.
const STILL_G = 0.04;
const MOTION_TAU_MS = 300;
const REST_EVIDENCE_MS = 800;
const MAX_STILL_STEP_MS = 500;

export class OscillationCounter {
  private readonly smooth = new LowPass3(SMOOTH_SHARE * DEFAULT_INTERVAL_MS);
  private readonly smooth2 = new LowPass3(SMOOTH_SHARE * DEFAULT_INTERVAL_MS);
  private readonly mean = new LowPass3(Math.min(MEAN_MAX_MS, MEAN_SHARE * DEFAULT_INTERVAL_MS));
  // The direction the detrended signal varies most in: the movement's own axis, whatever the mounting.
  private readonly axis = new PrincipalAxis(COV_TAU_MS);
  private prevT = Number.NaN;
  // Hysteresis state: +1 / −1 for the last threshold crossed, 0 before the first.
  private polarity = 0;
  // The polarity of the first swing of a set: a rep ends on each return to the other one.
  private outward = 0;
  private swingMax = 0;
  private swingMin = 0;
  private lastRepMs = Number.NEGATIVE_INFINITY;
  private repStartMs = 0;
  private readonly swings = new RecentMedian(5);
  private readonly intervals = new RecentMedian(5);
  // Which side of the swing the person rests on: time spent still, clearly on each side. A rep ends
  // on the return to rest, so once this is known it fixes the phase of the count.
  private readonly motion = new LowPass1(MOTION_TAU_MS);
  private stillPos = 0;
  private stillNeg = 0;

  constructor(private readonly s: OscillationSettings) {}

  private intervalMs(): number {
    return this.intervals.count >= 2 ? this.intervals.median(0) : DEFAULT_INTERVAL_MS;
  }

  update(t: number, x: number, y: number, z: number, out: MotionEvent[]): void {
    const dt = Number.isNaN(this.prevT) ? 0 : t - this.prevT;
    this.prevT = t;
    // Two first-order stages: a steeper roll-off than one, for the same delay.
    this.smooth.update(dt, x, y, z);
    this.smooth2.update(dt, this.smooth.x, this.smooth.y, this.smooth.z);
    this.mean.update(dt, this.smooth2.x, this.smooth2.y, this.smooth2.z);
    const dx = this.smooth2.x - this.mean.x;
    const dy = this.smooth2.y - this.mean.y;
    const dz = this.smooth2.z - this.mean.z;
    const axis = this.axis;
    axis.update(dt, dx, dy, dz);
    const p = dx * axis.x + dy * axis.y + dz * axis.z;
    const swing = this.swings.count > 0 ? this.swings.median(0) : this.s.firstSwingG / 2;
    const threshold = Math.max(this.s.minSwingG / 2, swing) * THRESHOLD_SHARE;
    if (this.s.restPhase) {
      const jx = x - this.smooth2.x;
      const jy = y - this.smooth2.y;
      const jz = z - this.smooth2.z;
      const motionG = Math.sqrt(this.motion.update(dt, jx * jx + jy * jy + jz * jz));
      if (motionG < STILL_G && dt < MAX_STILL_STEP_MS && Math.abs(p) > threshold) {
        if (p > 0) this.stillPos += dt;
        else this.stillNeg += dt;
      }
    }
    if (p > this.swingMax) this.swingMax = p;
    if (p < this.swingMin) this.swingMin = p;
    if (p > threshold && this.polarity !== 1) this.cross(1, t, out);
    else if (p < -threshold && this.polarity !== -1) this.cross(-1, t, out);
  }

  private cross(polarity: number, t: number, out: MotionEvent[]): void {
    const lead = this.stillPos - this.stillNeg;
    if (Math.abs(lead) >= REST_EVIDENCE_MS) this.outward = lead > 0 ? -1 : 1;
    if (this.outward === 0) {
      this.outward = polarity;
      this.repStartMs = t;
    } else if (polarity !== this.outward) {
      const swing = this.swingMax - this.swingMin;
      const sinceLast = t - this.lastRepMs;
      const afterPause = sinceLast > Math.max(PAUSE_INTERVALS * this.intervalMs(), MIN_PAUSE_MS);
      if (afterPause && this.swings.count > 0) {
        this.swings.clear();
        this.intervals.clear();
        this.retune(DEFAULT_INTERVAL_MS);
      }
      const known = this.swings.count >= 2;
      const minSwing = known
        ? Math.max(this.s.minSwingG, MIN_SWING_SHARE * 2 * this.swings.median(0))
        : this.s.firstSwingG;
      if (swing >= minSwing && sinceLast >= this.s.minPeriodMs) {
        out.push({ type: 'rep', tMs: t, emittedMs: t, startMs: this.repStartMs, peakDeg: 0 });
        this.swings.push(swing / 2);
        if (!afterPause && Number.isFinite(sinceLast)) {
          this.intervals.push(sinceLast);
          this.retune(this.intervalMs());
        }
        this.lastRepMs = t;
      } else if (!known) {
        // Too small for a first rep: a wobble before the set. Let the next swing set the polarity.
        this.outward = 0;
        this.swingMax = 0;
        this.swingMin = 0;
      }
    } else {
      this.repStartMs = t;
      this.swingMax = 0;
      this.swingMin = 0;
    }
    this.polarity = polarity;
  }

  /** Adopts the person's tempo: smoothing and detrending scale with their rep interval. */
  private retune(intervalMs: number): void {
    const smoothMs = Math.min(SMOOTH_MAX_MS, SMOOTH_SHARE * intervalMs);
    this.smooth.tauMs = smoothMs;
    this.smooth2.tauMs = smoothMs;
    this.mean.tauMs = Math.min(MEAN_MAX_MS, MEAN_SHARE * intervalMs);
  }
}
