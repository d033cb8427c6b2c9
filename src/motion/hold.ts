// Holds (drawing-in, elbow plank): the pose is reached and kept still; the hold ends when the torso
// leaves the pose, or, for the plank, when the body drifts out of form. Breathing and tremor stay
// inside the stillness band, so they never break a hold. Angles are measured against the hold's own
// pose, so the strap may sit at any angle. Whether the pose is the exercise's (face down, not
// standing) is the session's question: it starts the set by posture, and takes the holds after.
//
// Both ends of a hold are dated by where the torso was (angles), not by when a threshold on speed or
// time happened to be crossed, so that the same hold played faster or slower, or sampled otherwise,
// starts and ends at the same moments.

import type { MotionEvent } from './events.ts';
import { angleDeg, expAlpha, norm3 } from './filters.ts';
import type { HoldSettings } from './profiles.ts';
import { NEUTRAL_TUNING, type PersonalTuning } from './tuning.ts';

// Once the pose has been still for confirmMs, the detector watches it this much longer before it
// reports the hold, so that a pause on the way into position is not taken for one; the hold is then
// dated back to when the torso arrived in the pose.
const OBSERVE_MS = 2000;
// The pose history kept for dating the start back: one entry per 100 ms, 25 s.
const HISTORY_STEP_MS = 100;
const HISTORY_SIZE = 256;
// Getting into position shakes the strap; a held pose leaves only sensor noise and the remains of
// tremor in the pipeline's movement band (a straining plank's ~0.05 g at 8–12 Hz comes through at a
// fraction of that). Above this RMS the person is still moving.
const STILL_MOTION_G = 0.04;
// A settling shift turns the torso by degrees in well under a second (5°/s and more); breathing and
// the sway of a held pose turn it by about a degree a second. Taken over three history entries
// (300 ms), across a tremor's swings. A quick turn away from the pose restarts the wait for
// stillness.
const QUICK_TURN_DEG_S = 3;
const RATE_ENTRIES = 3;
// A quick turn away from the pose this soon after the hold began is the person still settling into
// it (a pause on the way down lasted long enough to be taken for the hold): the hold starts again
// after it. (The session takes a hold that ends this soon for a false start.)
const SETTLING_MS = 5000;
// Dating the start: the torso arrived when it came within this share of leaveDeg of the hold's pose
// and made no quick turn away from it after. A quick turn that stays within this much of the pose
// is the sway of the hold itself (a plank's wobble), not a move into it.
const ARRIVED_SHARE = 0.5;
const SWAY_DEG = 0.8;
// The hold ended when the pose was last within its breathing's rock: this many times its mean
// deviation from the hold's pose (a smooth breath's peak is π/2 times it), at least QUIET_MIN_DEG.
// The plank's band is its form limit.
const QUIET_BREATH_SHARE = 2;
const QUIET_MIN_DEG = 1;
// Sag is a slow drift: the deviation from the hold pose averaged over this long, so that a breath
// or a tremor never reads as one.
const SAG_TAU_MS = 600;
// Hips that tire seldom drop at once: the torso turns slowly away from the pose it was held in, over
// seconds to tens of seconds, before form is gone. That turn, averaged over this long, is warned of
// once it reaches this share of the form limit, while the hold goes on and the person can still
// correct it. (In synthetic-seven's planks, slow sags of 2–5° that the person corrects reach 1.5–4.2°,
// and only the two deepest, 4.7° and 5°, are warned of, 9–15 s before the hold ends; the virtual
// strap's planks, which sag only as they end, stay under 1.2° until then.)
const DRIFT_TAU_MS = 2000;
const SAG_WARN_SHARE = 0.7;

export class HoldDetector {
  private holding = false;
  // Candidate: where the torso settled and since when.
  private anchorX = 0;
  private anchorY = 0;
  private anchorZ = 1;
  private anchorT = Number.NaN;
  private pendingSinceMs = Number.NaN;
  // The hold's pose: the mean direction since it was confirmed, its still window included. Over a
  // whole hold it is the middle of the breathing, wherever in a breath the hold was confirmed.
  private sumX = 0;
  private sumY = 0;
  private sumZ = 0;
  private refX = 0;
  private refY = 0;
  private refZ = 1;
  // The pose as confirmed (the still window's mean): the mean since follows the torso, and a slow
  // turn out of the pose (onto the elbows from lying down) would carry it along.
  private heldX = 0;
  private heldY = 0;
  private heldZ = 1;
  private heldSinceMs = 0;
  private lastInPoseMs = 0;
  private prevT = Number.NaN;
  private sagDeg = 0;
  // The turn away from the pose as confirmed, averaged (see DRIFT_TAU_MS), and whether the sag it
  // shows has been warned of in this hold.
  private driftDeg = 0;
  private sagWarned = false;
  // Mean deviation from the hold's pose so far: the size of the breathing's rock.
  private meanDevDeg = 0;
  private devCount = 0;
  private readonly histT = new Float64Array(HISTORY_SIZE);
  private readonly histXyz = new Float32Array(HISTORY_SIZE * 3);
  private readonly histShaking = new Uint8Array(HISTORY_SIZE);
  private readonly histRate = new Float32Array(HISTORY_SIZE);
  private histNext = 0;
  private histCount = 0;
  private shakingSinceEntry = false;
  private quickTurn = false;
  private entryX = 0;
  private entryY = 0;
  private entryZ = 0;

  constructor(
    private readonly s: HoldSettings,
    private readonly tuning: PersonalTuning = NEUTRAL_TUNING,
  ) {}

  /** One sample: unit gravity direction and the RMS of the movement on top of it (g). */
  update(t: number, gx: number, gy: number, gz: number, motionG: number, out: MotionEvent[]): void {
    if (motionG > STILL_MOTION_G) this.shakingSinceEntry = true;
    // Each history entry is the mean direction over its 100 ms, so that tremor averages out.
    this.entryX += gx;
    this.entryY += gy;
    this.entryZ += gz;
    const newest =
      this.histCount > 0 ? this.histT[(this.histNext + HISTORY_SIZE - 1) % HISTORY_SIZE] : -Infinity;
    if (t - newest >= HISTORY_STEP_MS) this.addEntry(t);
    if (this.holding) this.whileHolding(t, gx, gy, gz, out);
    else this.search(t, gx, gy, gz, motionG, out);
    this.prevT = t;
  }

  private addEntry(t: number): void {
    const i = this.histNext;
    const n = norm3(this.entryX, this.entryY, this.entryZ) || 1;
    const x = this.entryX / n;
    const y = this.entryY / n;
    const z = this.entryZ / n;
    let rate = 0;
    if (this.histCount >= RATE_ENTRIES) {
      const j = (i + HISTORY_SIZE - RATE_ENTRIES) % HISTORY_SIZE;
      const h = this.histXyz;
      rate = (angleDeg(x, y, z, h[3 * j], h[3 * j + 1], h[3 * j + 2]) * 1000) / (t - this.histT[j]);
    }
    if (rate > QUICK_TURN_DEG_S) this.quickTurn = true;
    this.histT[i] = t;
    this.histXyz[3 * i] = x;
    this.histXyz[3 * i + 1] = y;
    this.histXyz[3 * i + 2] = z;
    this.histShaking[i] = this.shakingSinceEntry ? 1 : 0;
    this.histRate[i] = rate;
    this.entryX = this.entryY = this.entryZ = 0;
    this.shakingSinceEntry = false;
    this.histNext = (i + 1) % HISTORY_SIZE;
    this.histCount = Math.min(HISTORY_SIZE, this.histCount + 1);
  }

  private leaveDeg(): number {
    return this.s.leaveDeg * this.tuning.holdLeaveScale;
  }

  /**
   * The hold lasts while the pose stays within this of the hold's pose: for the plank, within its
   * form; otherwise within the breathing's rock. The hold ended when the pose last was within it,
   * whichever way the person left: the same moment whether it is seen sooner or later.
   */
  private inPoseDeg(): number {
    const s = this.s;
    if (s.sagDeg !== undefined) return s.sagDeg * this.tuning.holdLeaveScale;
    return Math.max(QUIET_MIN_DEG, QUIET_BREATH_SHARE * this.meanDevDeg);
  }

  private search(t: number, gx: number, gy: number, gz: number, motionG: number, out: MotionEvent[]): void {
    const s = this.s;
    const quick = this.quickTurn;
    this.quickTurn = false;
    const fromAnchorDeg = Number.isNaN(this.anchorT)
      ? 0
      : angleDeg(gx, gy, gz, this.anchorX, this.anchorY, this.anchorZ);
    if (
      Number.isNaN(this.anchorT) ||
      motionG > STILL_MOTION_G ||
      (quick && fromAnchorDeg > SWAY_DEG) ||
      fromAnchorDeg > s.stillBandDeg
    ) {
      this.anchorX = gx;
      this.anchorY = gy;
      this.anchorZ = gz;
      this.anchorT = t;
      this.pendingSinceMs = Number.NaN;
      return;
    }
    if (t - this.anchorT < s.confirmMs) return;
    if (Number.isNaN(this.pendingSinceMs)) this.pendingSinceMs = t;
    if (t - this.pendingSinceMs < OBSERVE_MS) return;
    const start = this.datedStart();
    this.heldSinceMs = start;
    this.holding = true;
    this.sagDeg = 0;
    this.driftDeg = 0;
    this.sagWarned = false;
    this.meanDevDeg = 0;
    this.devCount = 0;
    this.lastInPoseMs = t;
    this.pendingSinceMs = Number.NaN;
    out.push({ type: 'hold-start', tMs: start, emittedMs: t });
  }

  /**
   * Sets the hold's pose to the mean of the still window and returns when the torso arrived in it:
   * the history walked back while it stays near the pose, unshaken, and makes no quick turn away
   * from it.
   */
  private datedStart(): number {
    const from = this.anchorT;
    this.sumX = this.sumY = this.sumZ = 0;
    this.forHistory((ht, x, y, z) => {
      if (ht < from) return false;
      this.sumX += x;
      this.sumY += y;
      this.sumZ += z;
      return true;
    });
    this.setRef();
    this.heldX = this.refX;
    this.heldY = this.refY;
    this.heldZ = this.refZ;
    const near = ARRIVED_SHARE * this.leaveDeg();
    let start = this.anchorT;
    this.forHistory((ht, x, y, z, shaking, rateDegS) => {
      const deg = angleDeg(x, y, z, this.refX, this.refY, this.refZ);
      if (shaking || deg > near || (rateDegS > QUICK_TURN_DEG_S && deg > SWAY_DEG)) return false;
      start = ht;
      return true;
    });
    return start;
  }

  /** Walks the pose history from the newest entry back while the visitor returns true. */
  private forHistory(
    visit: (t: number, x: number, y: number, z: number, shaking: boolean, rateDegS: number) => boolean,
  ): void {
    const xyz = this.histXyz;
    for (let k = 1; k <= this.histCount; k++) {
      const i = (this.histNext + HISTORY_SIZE - k) % HISTORY_SIZE;
      const shaking = this.histShaking[i] === 1;
      if (!visit(this.histT[i], xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], shaking, this.histRate[i]))
        return;
    }
  }

  private whileHolding(t: number, gx: number, gy: number, gz: number, out: MotionEvent[]): void {
    const s = this.s;
    const quick = this.quickTurn;
    this.quickTurn = false;
    this.sumX += gx;
    this.sumY += gy;
    this.sumZ += gz;
    this.setRef();
    const angle = angleDeg(gx, gy, gz, this.refX, this.refY, this.refZ);
    this.devCount++;
    this.meanDevDeg += (angle - this.meanDevDeg) / this.devCount;
    const inPose = this.inPoseDeg();
    if (quick && angle > SWAY_DEG && t - this.heldSinceMs < SETTLING_MS) {
      this.end(this.lastInPoseMs, t, 'left-pose', out);
      return;
    }
    if (angle <= inPose) this.lastInPoseMs = t;
    const fromHeld = angleDeg(gx, gy, gz, this.heldX, this.heldY, this.heldZ);
    if (s.sagDeg !== undefined) {
      const dt = Number.isNaN(this.prevT) ? 0 : t - this.prevT;
      this.sagDeg += expAlpha(dt, SAG_TAU_MS) * (angle - this.sagDeg);
      this.driftDeg += expAlpha(dt, DRIFT_TAU_MS) * (fromHeld - this.driftDeg);
      if (this.sagDeg > inPose && angle <= this.leaveDeg()) {
        if (!this.sagWarned)
          out.push({
            type: 'form',
            tMs: this.lastInPoseMs,
            emittedMs: t,
            issue: 'plank-sag',
            endsHold: true,
          });
        this.end(this.lastInPoseMs, t, 'form', out);
        return;
      }
      if (!this.sagWarned && this.driftDeg > SAG_WARN_SHARE * inPose) {
        this.sagWarned = true;
        out.push({ type: 'form', tMs: t, emittedMs: t, issue: 'plank-sag' });
      }
    }
    if (Math.max(angle, fromHeld) > this.leaveDeg()) this.end(this.lastInPoseMs, t, 'left-pose', out);
  }

  private end(tMs: number, emittedMs: number, reason: 'left-pose' | 'form', out: MotionEvent[]): void {
    out.push({ type: 'hold-end', tMs, emittedMs, reason });
    this.holding = false;
    this.anchorT = Number.NaN;
  }

  private setRef(): void {
    const n = norm3(this.sumX, this.sumY, this.sumZ) || 1;
    this.refX = this.sumX / n;
    this.refY = this.sumY / n;
    this.refZ = this.sumZ / n;
  }
}
