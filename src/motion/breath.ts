// Breath cycles (bat hang, and the slow breaths inside a drawing-in hold): each slow, deep breath
// tilts the chest a few degrees one way and back. Which way depends on the body and the strap, so
// the counter learns it from the data: the axis along which the gravity direction moves while the
// person lies still (its principal axis), and which way along it is "out". A cycle is a move out by a
// breath's size and back by most of it; the set begins and ends with ordinary breathing, so the
// count ends on each way back. Nothing here reads a device axis.
//
// Which way is out: first, the way the first deep breath went from the breathing the set began
// with. In the bat hang the person breathes out fully and pauses before breathing in (program.md),
// so once a few breaths are seen, the end where the path pauses longer is the breath out. Both
// readings are counted side by side, and the count follows the one the evidence favours; when it
// changes its mind, the count catches up at once.
//
// Quick turns (a shift of the body, a hand on the strap) are not breathing: while the chest turns
// faster than anyone breathes, the counter stands still and carries on from the new pose.

import type { MotionEvent } from './events.ts';
import { angleDeg, LowPass3, norm3, PrincipalAxis, RAD_TO_DEG, RecentMedian } from './filters.ts';
import type { BreathSettings } from './profiles.ts';

// Breathing is slow: a smoothing of 0.4 s keeps it whole and takes out heartbeat, tremor and noise.
const BREATH_TAU_MS = 400;
// Faster than this the chest is being moved, not breathed (a slow breath turns it ~1°/s).
const MAX_BREATH_RATE_DEG_S = 3;
const RATE_WINDOW_MS = 250;
// The breathing axis: the principal axis of the path over the last ~20 s of stillness, taken about a
// mean of the last few seconds, so that a slow drift of the pose does not pull the axis its way.
const AXIS_TAU_MS = 20000;
const AXIS_CENTRE_TAU_MS = 5000;
// Ordinary breathing at the start: the mean pose over the first second of stillness.
const REST_MS = 1000;
// A cycle: out by at least this share of the person's usual breath (at least minDeg), then back
// by this share of how far it went (at most a usual breath's worth, so that a low left by a dip
// of the body does not put the end out of reach).
const RISE_SHARE = 0.5;
const FIRST_OUT_SHARE = 0.6;
const END_SHARE = 0.5;
const BACK_SHARE = 0.5;
const USUAL_CAP = 1.5;
// The low a breath starts from is a recent one: a dip long past (a settling shift) is not it.
const LOW_MAX_AGE_MS = 8000;
// The pause at a top: the time the path stays within this share of a breath of it. One reading's
// tops must pause this many times longer than the other's, over at least this many, to win.
const PAUSE_SHARE = 0.15;
const PAUSE_LEAD = 1.3;
const MIN_TOPS_TO_TELL = 2;
// Above this movement RMS the person is moving, not breathing.
const STILL_MOTION_G = 0.05;

export class BreathCounter {
  private readonly smooth = new LowPass3(BREATH_TAU_MS);
  private readonly mean = new LowPass3(AXIS_TAU_MS);
  private readonly centre = new LowPass3(AXIS_CENTRE_TAU_MS);
  private prevT = Number.NaN;
  private lagX = 0;
  private lagY = 0;
  private lagZ = 1;
  private lagT = Number.NaN;
  private readonly axis = new PrincipalAxis(AXIS_TAU_MS);
  private stillSinceMs = Number.NaN;
  // Where ordinary breathing was when the set began, and the way the first deep breath went from it
  // (outward is 0 until that is known).
  private restX = 0;
  private restY = 0;
  private restZ = 1;
  private hasRest = false;
  private outward = 0;
  // The two readings of which way is out, and how many breaths have been reported.
  private readonly readings: [CycleReading, CycleReading];
  private reported = 0;
  // Offset added to the position along the axis after a quick movement, so it carries on smoothly.
  private carry = 0;
  private beforeMove = Number.NaN;
  private moving = false;

  constructor(private readonly s: BreathSettings) {
    this.readings = [new CycleReading(s), new CycleReading(s)];
  }

  /** Starts afresh: the next still stretch is the first of a new set of breaths. */
  reset(): void {
    this.hasRest = false;
    this.outward = 0;
    this.readings[0] = new CycleReading(this.s);
    this.readings[1] = new CycleReading(this.s);
    this.reported = 0;
    this.stillSinceMs = Number.NaN;
    this.carry = 0;
    this.mean.reset();
    this.centre.reset();
    this.axis.reset();
  }

  update(t: number, gx: number, gy: number, gz: number, motionG: number, out: MotionEvent[]): void {
    const dt = Number.isNaN(this.prevT) ? 0 : t - this.prevT;
    this.prevT = t;
    const f = this.smooth;
    f.update(dt, gx, gy, gz);
    const n = norm3(f.x, f.y, f.z) || 1;
    const x = f.x / n;
    const y = f.y / n;
    const z = f.z / n;
    if (Number.isNaN(this.lagT)) this.setLag(x, y, z, t);
    const rateDegS =
      t > this.lagT ? (angleDeg(x, y, z, this.lagX, this.lagY, this.lagZ) * 1000) / (t - this.lagT) : 0;
    if (t - this.lagT >= RATE_WINDOW_MS) this.setLag(x, y, z, t);

    if (motionG > STILL_MOTION_G || rateDegS > MAX_BREATH_RATE_DEG_S) {
      // Still settling in, before the first breath: ordinary breathing is to be found again after.
      if (this.reported === 0) this.reset();
      else if (!this.moving) this.beforeMove = this.along(x, y, z);
      this.moving = true;
      return;
    }
    if (this.hasRest && angleDeg(x, y, z, this.restX, this.restY, this.restZ) > this.s.maxDeg) {
      // Far from where breathing was: a new pose. Count from scratch there.
      this.reset();
    }
    if (this.moving) {
      this.moving = false;
      if (this.hasRest && !Number.isNaN(this.beforeMove)) this.carry += this.beforeMove - this.along(x, y, z);
    }
    if (Number.isNaN(this.stillSinceMs)) this.stillSinceMs = t;
    this.learnAxis(dt, x, y, z);
    if (!this.hasRest) {
      if (t - this.stillSinceMs < REST_MS) return;
      // Ordinary breathing at the start of the set: the middle of the path so far.
      const m = this.mean;
      const mn = norm3(m.x, m.y, m.z) || 1;
      this.restX = m.x / mn;
      this.restY = m.y / mn;
      this.restZ = m.z / mn;
      this.hasRest = true;
      this.carry = 0;
    }
    if (this.outward === 0) {
      // Ordinary breathing sits between the two ends of a slow breath: the first clear move away
      // from it, of a share of a breath, tells the way out.
      if (angleDeg(x, y, z, this.restX, this.restY, this.restZ) < this.firstOutDeg()) return;
      // From here the axis starts along that move, so its sign stays the way out: one step of power
      // iteration turns it towards the principal axis, never through to the other side.
      const ox = x - this.restX;
      const oy = y - this.restY;
      const oz = z - this.restZ;
      this.axis.point(ox, oy, oz);
      this.outward = 1;
      // The first breath started from the ordinary breathing before it.
      this.readings[0].start(0, t);
      this.readings[1].start(0, t);
    }
    const p = this.along(x, y, z);
    const [first, other] = this.readings;
    first.update(t, p, this.riseDeg(first), this.usualDeg(first));
    other.update(t, -p, this.riseDeg(other), this.usualDeg(other));
    this.report(t, out);
  }

  /** Emits the breaths of the reading the evidence favours, catching up when it changes. */
  private report(t: number, out: MotionEvent[]): void {
    const [first, other] = this.readings;
    let believed = first;
    if (this.s.exhalePause) {
      if (other.pausesLongerThan(first)) believed = other;
    } else if (other.cycles > first.cycles) {
      // Without a pause to tell them apart, the two readings differ only at the ends of the set,
      // where the one that leaves from the breathing the set began with can miss a half cycle.
      believed = other;
    }
    while (this.reported < believed.cycles) {
      this.reported++;
      out.push({ type: 'breath', tMs: Math.min(t, believed.lastEndMs), emittedMs: t });
    }
  }

  /**
   * Position along the breathing axis, in degrees, from the slow mean of the path: a pose that
   * drifts over minutes (the body sinking into the mat) moves the mean along with it.
   */
  private along(x: number, y: number, z: number): number {
    const m = this.mean;
    const a = this.axis;
    const d = (x - m.x) * a.x + (y - m.y) * a.y + (z - m.z) * a.z;
    return Math.asin(Math.max(-1, Math.min(1, d))) * RAD_TO_DEG + this.carry;
  }

  private firstOutDeg(): number {
    return Math.max(this.s.minDeg, FIRST_OUT_SHARE * this.s.expectedDeg);
  }

  /** How far out a breath goes: the first leaves from ordinary breathing, half way along a full one. */
  private riseDeg(reading: CycleReading): number {
    if (reading.depths.count === 0) return this.firstOutDeg();
    return Math.max(this.s.minDeg, RISE_SHARE * reading.depths.median(0));
  }

  private usualDeg(reading: CycleReading): number {
    return reading.depths.count > 0 ? reading.depths.median(0) : this.s.expectedDeg;
  }

  private learnAxis(dt: number, x: number, y: number, z: number): void {
    this.mean.update(dt, x, y, z);
    const c = this.centre;
    c.update(dt, x, y, z);
    this.axis.update(dt, x - c.x, y - c.y, z - c.z);
  }

  private setLag(x: number, y: number, z: number, t: number): void {
    this.lagX = x;
    this.lagY = y;
    this.lagZ = z;
    this.lagT = t;
  }
}

/**
 * Breath cycles along the axis, for one reading of which way is out: a rise from the recent low by
 * a breath's size, then a fall undoing most of it. It also notes how long the path pauses at each
 * top, which tells the two readings apart in the bat hang.
 */
class CycleReading {
  cycles = 0;
  lastEndMs = 0;
  readonly depths = new RecentMedian(5);
  private out = false;
  private low = Number.NaN;
  private lowMs = 0;
  private top = 0;
  private topMs = 0;
  private outSinceMs = 0;
  private prevT = Number.NaN;
  private prevP = 0;
  // The pause at the top under way (from when the path came near it to when it last was), and the
  // pauses at the tops so far.
  private nearTop = 0;
  private nearTopSinceMs = 0;
  private nearTopLastMs = 0;
  private pauseMs = 0;
  private tops = 0;

  constructor(private readonly s: BreathSettings) {}

  start(p: number, t: number): void {
    this.low = p;
    this.lowMs = t;
  }

  pausesLongerThan(other: CycleReading): boolean {
    if (this.tops < MIN_TOPS_TO_TELL || other.tops < MIN_TOPS_TO_TELL) return false;
    return this.pauseMs / this.tops > PAUSE_LEAD * (other.pauseMs / other.tops);
  }

  update(t: number, p: number, riseDeg: number, usualDeg: number): void {
    const s = this.s;
    if (!this.out) {
      if (Number.isNaN(this.low) || p < this.low || t - this.lowMs > LOW_MAX_AGE_MS) {
        this.low = p;
        this.lowMs = t;
      }
      if (p >= this.low + riseDeg) {
        this.out = true;
        this.top = p;
        this.topMs = t;
        this.outSinceMs = t;
        this.nearTop = p;
        this.nearTopSinceMs = t;
        this.nearTopLastMs = t;
      }
    } else {
      const band = PAUSE_SHARE * usualDeg;
      if (p > this.top) {
        this.top = p;
        this.topMs = t;
      }
      if (Math.abs(p - this.nearTop) > band && p > this.nearTop) {
        this.nearTop = p;
        this.nearTopSinceMs = t;
      }
      if (this.top - p <= band) this.nearTopLastMs = t;
      const rise = this.top - this.low;
      if (t - this.outSinceMs > s.maxCycleMs || rise > s.maxDeg) {
        // Never came back: the chest settled somewhere else. Start afresh from here.
        this.out = false;
        this.low = p;
        this.lowMs = t;
      } else {
        const level = this.top - END_SHARE * Math.min(rise, USUAL_CAP * usualDeg);
        if (p < level) {
          const endMs = crossing(this.prevT, this.prevP, t, p, level);
          // Breathing out and in each take seconds; shuffling into place turns the chest in a moment.
          // (The way back is judged part way, where the breath is counted.)
          if (this.topMs - this.lowMs >= s.minHalfMs && endMs - this.topMs >= BACK_SHARE * s.minHalfMs) {
            this.cycles++;
            this.lastEndMs = endMs;
            this.depths.push(rise);
            this.pauseMs += Math.max(0, this.nearTopLastMs - this.nearTopSinceMs);
            this.tops++;
          }
          this.out = false;
          this.low = p;
          this.lowMs = t;
        }
      }
    }
    this.prevT = t;
    this.prevP = p;
  }
}

function crossing(t0: number, v0: number, t1: number, v1: number, level: number): number {
  if (Number.isNaN(t0) || v0 === v1) return t1;
  const u = (v0 - level) / (v0 - v1);
  return t0 + Math.max(0, Math.min(1, u)) * (t1 - t0);
}
