// Reps and breath cycles as excursions: the torso tilts away from the pose it rests in and comes
// back. The angle is measured between the current gravity direction and the rest pose's, so the
// strap's mounting angle cancels; hysteresis thresholds adapt to the person's own range after the
// first reps, so a shallow mover and a deep one are both counted.

import type { MotionEvent, Side } from './events.ts';
import { angleDeg, expAlpha, norm3, RAD_TO_DEG, RecentMedian } from './filters.ts';
import { type ExcursionSettings, POSE_UP } from './profiles.ts';

// Before any rep is seen the thresholds assume a rep smaller than the profile's typical one, so
// that a cautious first rep still counts; the person's own reps take over from the first.
const FIRST_REP_SHARE = 0.7;
// How the rest pose follows slow drift (a strap settling, the body sinking into a mat) between reps.
const REST_TRACK_TAU_MS = 3000;
// The rest pose is taken once the torso has been still this long within this band.
const ACQUIRE_STILL_MS = 600;
const ACQUIRE_BAND_DEG = 2;
// "At the top" = within this share of the rep's peak; the time spent there is the rep's pause.
const PLATEAU_SHARE = 0.85;
// Cosine between a rep's turn and the profile's direction: a crooked strap (up to ~25°) keeps it
// above 0.9; a fidget in a random direction mostly falls below.
const MIN_ALIGNMENT = 0.7;
// A reversed first excursion counts as the end of a rep only when it is clearly rep-sized: the
// last slow degrees of lying down after getting to the floor are not a rep.
const REVERSED_MIN_SHARE = 0.7;
const MIN_SIDED_ALIGNMENT = 0.5;

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
  private sumX = 0;
  private sumY = 0;
  private sumZ = 0;
  private plateauStartMs = Number.NaN;
  private plateauMs = 0;

  private inExcursion = false;
  private startMs = 0;
  private lastBelowLoMs = 0;
  private aboveMs = 0;
  private peakDeg = 0;
  private peakRollDeg = 0;
  private formSent = false;
  private prevT = Number.NaN;
  private prevAngle = 0;
  // Only the first excursion after the rest pose was first taken can reveal a reversed rest pose.
  private checkedDirection = false;
  private reversed = false;
  private peakX = 0;
  private peakY = 0;
  private peakZ = 0;
  private trackDtMs = -1;
  private trackAlpha = 0;
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
        if (dt !== this.trackDtMs) {
          // Frames at a fixed rate repeat the same step: one exp() per change of step, not per sample.
          this.trackDtMs = dt;
          this.trackAlpha = expAlpha(dt, REST_TRACK_TAU_MS);
        }
        const a = this.trackAlpha;
        this.setRef(
          this.refX + a * (gx - this.refX),
          this.refY + a * (gy - this.refY),
          this.refZ + a * (gz - this.refZ),
        );
        if (!this.poseOk(this.refX, this.refY, this.refZ)) this.hasRef = false;
      }
      if (angle >= hi) {
        this.inExcursion = true;
        this.reversed = this.againstDirection(gx, gy, gz);
        this.startMs = this.lastBelowLoMs;
        this.aboveMs = 0;
        this.peakDeg = angle;
        this.peakRollDeg = this.rollDeg(gx, gy, gz);
        this.peakX = gx;
        this.peakY = gy;
        this.peakZ = gz;
        this.formSent = false;
        this.plateauStartMs = t;
        this.plateauMs = 0;
      }
    } else {
      if (angle >= hi) this.aboveMs += dt;
      if (angle > this.peakDeg) {
        this.peakDeg = angle;
        this.peakRollDeg = this.rollDeg(gx, gy, gz);
        this.peakX = gx;
        this.peakY = gy;
        this.peakZ = gz;
      }
      // Longest stay near the top: every rep of the program pauses there; a fidget turns straight back.
      if (angle >= PLATEAU_SHARE * this.peakDeg) {
        if (Number.isNaN(this.plateauStartMs)) this.plateauStartMs = t;
        this.plateauMs = Math.max(this.plateauMs, t - this.plateauStartMs);
      } else {
        this.plateauStartMs = Number.NaN;
      }
      if (this.reversed) {
        this.whileReversed(t, angle, gx, gy, gz, out);
        this.prevT = t;
        this.prevAngle = angle;
        return;
      }
      this.checkForm(t, angle, gx, gy, gz, out);
      if (angle < lo) {
        this.inExcursion = false;
        this.lastBelowLoMs = t;
        const endMs = crossingTime(this.prevT, this.prevAngle, t, angle, lo);
        if (
          this.aboveMs >= s.minAboveMs &&
          this.plateauMs >= s.minPlateauMs &&
          this.peakDeg <= s.maxPeakDeg &&
          this.alignedWithProfile()
        ) {
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

  /**
   * Whether the rep turned the torso the way the exercise does (superman head up, bridge head down,
   * pulldown leaning back, bird dog rolling): a shift of weight at rest turns it any which way.
   */
  private alignedWithProfile(): boolean {
    const dx = this.peakX - this.refX;
    const dy = this.peakY - this.refY;
    const dz = this.peakZ - this.refZ;
    const size = norm3(dx, dy, dz);
    if (size === 0) return false;
    // Bird dog also pitches a little and its roll is only a few degrees: a looser bar.
    if (this.s.sided) return Math.abs(dx) >= MIN_SIDED_ALIGNMENT * size;
    const e = this.s.direction;
    if (!e) return true;
    return dx * e[0] + dy * e[1] + dz * e[2] >= MIN_ALIGNMENT * size;
  }

  /** Whether the change from the rest pose points against the profile's rep direction. */
  private againstDirection(gx: number, gy: number, gz: number): boolean {
    const e = this.s.direction;
    if (!e || this.checkedDirection) return false;
    this.checkedDirection = true;
    const dx = gx - this.refX;
    const dy = gy - this.refY;
    const dz = gz - this.refZ;
    return dx * e[0] + dy * e[1] + dz * e[2] < -0.3 * norm3(dx, dy, dz);
  }

  /**
   * The first excursion went against the rep direction. If it is rep-sized and settles, the rest pose
   * had been taken while the person held the top of a rep they began before the detector saw them
   * still: that rep ended when they settled here, which is the true rest pose. Anything smaller is a
   * fidget and ends like one, uncounted.
   */
  private whileReversed(
    t: number,
    angle: number,
    gx: number,
    gy: number,
    gz: number,
    out: MotionEvent[],
  ): void {
    const s = this.s;
    const lo = Math.max(s.minLoDeg, s.loFrac * this.typicalPeakDeg());
    if (angle < lo) {
      this.inExcursion = false;
      this.reversed = false;
      this.lastBelowLoMs = t;
      return;
    }
    if (
      this.plateauMs >= Math.max(s.minPlateauMs, ACQUIRE_STILL_MS) &&
      this.peakDeg >= REVERSED_MIN_SHARE * s.expectedPeakDeg
    ) {
      this.emit(this.plateauStartMs, t, out);
      this.inExcursion = false;
      this.reversed = false;
      this.setRef(gx, gy, gz);
      this.lastBelowLoMs = t;
    }
  }

  private emit(endMs: number, emittedMs: number, out: MotionEvent[]): void {
    const peakDeg = Math.round(this.peakDeg * 10) / 10;
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
      this.sumX = gx;
      this.sumY = gy;
      this.sumZ = gz;
      return;
    }
    this.sumX += gx;
    this.sumY += gy;
    this.sumZ += gz;
    if (t - this.anchorT >= ACQUIRE_STILL_MS && this.poseOk(this.sumX, this.sumY, this.sumZ)) {
      this.setRef(this.sumX, this.sumY, this.sumZ);
      // A fresh rest pose may again have been taken at the top of a rep.
      this.checkedDirection = false;
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
    const n = norm3(x, y, z) || 1;
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
