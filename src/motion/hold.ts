// Holds (drawing-in, elbow plank): the pose is reached and kept still; the hold ends when the torso
// leaves the pose, or, for the plank, when the body drifts out of form. Breathing and tremor stay
// inside the stillness band, so they never break a hold. Angles are measured against the hold's own
// pose, so the strap may sit at any angle. Whether the pose is the exercise's (face down, not
// standing) is the session's question: it starts the set by posture, and takes the holds after.

import type { MotionEvent } from './events.ts';
import { angleDeg, expAlpha, norm3 } from './filters.ts';
import type { HoldSettings } from './profiles.ts';
import { NEUTRAL_TUNING, type PersonalTuning } from './tuning.ts';

// Once the pose has been still for confirmMs, the detector watches it this much longer before it
// reports the hold, so that a pause on the way into position is not taken for one. The hold's
// reference pose is the mean over that window (fixed from then on, so that a slow sag is measured
// against it), and the hold is dated back to when the torso arrived in it and went still.
const OBSERVE_MS = 2000;
// The pose history kept for dating the start back: one entry per 100 ms, 25 s.
const HISTORY_STEP_MS = 100;
const HISTORY_SIZE = 256;
// Getting into position shakes the strap; a held pose leaves only sensor noise and tremor (a
// straining plank reaches ~0.05 g). Above this RMS the person is still moving.
const STILL_MOTION_G = 0.06;
// Turning faster than this is moving: a slow deep breath turns the chest about 1°/s, a shuffle into
// place several.
const MAX_STILL_RATE_DEG_S = 3;
// The rate is taken over 300 ms (three history entries), across a tremor's swings.
const RATE_ENTRIES = 3;
// Arriving in the pose = within this share of leaveDeg of the hold's pose, and still.
const ARRIVED_SHARE = 0.5;
// Breathing rocks the chest during a hold; the quiet band around the hold pose scales with it.
const QUIET_BREATH_SHARE = 2.5;
const QUIET_MIN_DEG = 1;
// Sag is a slow drift: the deviation from the hold pose averaged over this long, so that a breath
// or a tremor never reads as one.
const SAG_TAU_MS = 600;

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
  private sagDeg = 0;
  private lastInFormMs = 0;
  // Mean deviation from the hold pose so far: the size of the breathing rock.
  private meanDevDeg = 0;
  private devCount = 0;
  private pendingSinceMs = Number.NaN;
  private readonly histT = new Float64Array(HISTORY_SIZE);
  private readonly histXyz = new Float32Array(HISTORY_SIZE * 3);
  private readonly histMoving = new Uint8Array(HISTORY_SIZE);
  private histNext = 0;
  private histCount = 0;
  private movingSinceEntry = false;
  private entryX = 0;
  private entryY = 0;
  private entryZ = 0;

  constructor(
    private readonly s: HoldSettings,
    private readonly tuning: PersonalTuning = NEUTRAL_TUNING,
  ) {}

  /** One sample: unit gravity direction and the RMS of the movement on top of it (g). */
  update(t: number, gx: number, gy: number, gz: number, motionG: number, out: MotionEvent[]): void {
    if (motionG > STILL_MOTION_G) this.movingSinceEntry = true;
    // Each history entry is the mean direction over its 100 ms, so that tremor averages out.
    this.entryX += gx;
    this.entryY += gy;
    this.entryZ += gz;
    const newest =
      this.histCount > 0 ? this.histT[(this.histNext + HISTORY_SIZE - 1) % HISTORY_SIZE] : -Infinity;
    if (t - newest >= HISTORY_STEP_MS) {
      const i = this.histNext;
      const n = norm3(this.entryX, this.entryY, this.entryZ) || 1;
      const ex = this.entryX / n;
      const ey = this.entryY / n;
      const ez = this.entryZ / n;
      this.entryX = this.entryY = this.entryZ = 0;
      if (this.histCount >= RATE_ENTRIES) {
        // A turn quicker than breathing (a shuffle into place) is movement too.
        const j = (i + HISTORY_SIZE - RATE_ENTRIES) % HISTORY_SIZE;
        const h = this.histXyz;
        const rate =
          (angleDeg(ex, ey, ez, h[3 * j], h[3 * j + 1], h[3 * j + 2]) * 1000) / (t - this.histT[j]);
        if (rate > MAX_STILL_RATE_DEG_S) this.movingSinceEntry = true;
      }
      this.histT[i] = t;
      this.histXyz[3 * i] = ex;
      this.histXyz[3 * i + 1] = ey;
      this.histXyz[3 * i + 2] = ez;
      this.histMoving[i] = this.movingSinceEntry ? 1 : 0;
      this.movingSinceEntry = false;
      this.histNext = (i + 1) % HISTORY_SIZE;
      this.histCount = Math.min(HISTORY_SIZE, this.histCount + 1);
    }
    if (this.holding) this.whileHolding(t, gx, gy, gz, out);
    else this.search(t, gx, gy, gz, motionG, out);
    this.prevT = t;
  }

  private leaveDeg(): number {
    return this.s.leaveDeg * this.tuning.holdLeaveScale;
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
    if (t - this.anchorT < s.confirmMs) return;
    if (Number.isNaN(this.pendingSinceMs)) this.pendingSinceMs = t;
    if (t - this.pendingSinceMs < OBSERVE_MS) return;
    const start = this.datedStart(t);
    this.holding = true;
    this.lastQuietMs = t;
    this.sagDeg = 0;
    this.lastInFormMs = t;
    this.meanDevDeg = 0;
    this.devCount = 0;
    this.pendingSinceMs = Number.NaN;
    out.push({ type: 'hold-start', tMs: start, emittedMs: t });
  }

  /**
   * Sets the hold's reference pose to the mean of the still window and returns when the torso
   * arrived near it and stopped moving: the history walked back while it stays near and still.
   */
  private datedStart(t: number): number {
    const from = this.anchorT;
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
    const near = ARRIVED_SHARE * this.leaveDeg();
    let start = t;
    this.forHistory((ht, x, y, z, moving) => {
      if (moving || angleDeg(x, y, z, this.refX, this.refY, this.refZ) > near) return false;
      start = ht;
      return true;
    });
    return start;
  }

  /** Walks the pose history from the newest entry back while the visitor returns true. */
  private forHistory(visit: (t: number, x: number, y: number, z: number, moving: boolean) => boolean): void {
    for (let k = 1; k <= this.histCount; k++) {
      const i = (this.histNext + HISTORY_SIZE - k) % HISTORY_SIZE;
      const xyz = this.histXyz;
      if (!visit(this.histT[i], xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], this.histMoving[i] === 1)) return;
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
      const dt = Number.isNaN(this.prevT) ? 0 : t - this.prevT;
      this.sagDeg += expAlpha(dt, SAG_TAU_MS) * (angle - this.sagDeg);
      const limit = s.sagDeg * this.tuning.holdLeaveScale;
      if (angle <= limit) this.lastInFormMs = t;
      if (this.sagDeg > limit && angle <= this.leaveDeg()) {
        // Form was lost when the pose itself last passed the limit, before the smoothing saw it.
        out.push({ type: 'form', tMs: this.lastInFormMs, emittedMs: t, issue: 'plank-sag' });
        this.end(this.lastInFormMs, t, 'form', out);
        return;
      }
    }
    if (angle > this.leaveDeg()) this.end(this.lastQuietMs, t, 'left-pose', out);
  }

  private end(tMs: number, emittedMs: number, reason: 'left-pose' | 'form', out: MotionEvent[]): void {
    out.push({ type: 'hold-end', tMs, emittedMs, reason });
    this.holding = false;
    this.anchorT = Number.NaN;
  }

  private setRef(x: number, y: number, z: number): void {
    const n = norm3(x, y, z) || 1;
    this.refX = x / n;
    this.refY = y / n;
    this.refZ = z / n;
  }
}
