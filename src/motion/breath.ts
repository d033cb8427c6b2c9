// Breath cycles (bat hang, and the breaths inside a drawing-in hold): each breath tilts the chest a
// little one way and back. Which way depends on the body and the strap, so the counter learns it from
// the data: the axis along which the gravity direction moves while the person lies still (the
// principal axis of its steps). A cycle is a move out along it by a breath's size and back by most
// of it.
//
// Which way is out is not known either, so both readings are counted side by side, and the count is
// the larger: the two differ only at the ends of a set, where the reading whose "out" is the second
// half of a breath misses the first breath (it starts half a breath late) or the last.
//
// What decides a breath is its depth in degrees, which no pace or sampling changes, and how long its
// halves take, judged against the person's own breaths once a few are known. Only the first breaths
// are judged against the profile: deep enough, and slower than a shift of the body.
//
// Quick turns (a shift of the body, a hand on the strap) are not breathing: while the chest moves
// faster than anyone breathes, the counter stands still and carries on from the new pose.

import type { MotionEvent } from './events.ts';
import {
  angleDeg,
  crossingTime,
  LowPass3,
  norm3,
  PrincipalAxis,
  RAD_TO_DEG,
  RecentMedian,
} from './filters.ts';
import type { BreathSettings } from './profiles.ts';

// Breathing is slow: a smoothing of 0.4 s keeps it whole and takes out heartbeat, tremor and noise.
const BREATH_TAU_MS = 400;
// Faster than this the chest is being moved, not breathed: the deepest breath of the program turns it
// ~5°/s at most even played 1.25× as fast; a hand on the strap or a roll of the body, tens of °/s.
const MAX_BREATH_RATE_DEG_S = 10;
const RATE_WINDOW_MS = 250;
// Above this movement RMS the person is moving, not breathing.
const STILL_MOTION_G = 0.05;
// The breathing axis: the principal axis of the directions the path stepped in (each step over one
// to two rate windows) over the last ~20 s of stillness. The position along it is the sum of the
// path's steps along it: no reference point that itself moves (a mean catching up with the pose
// after a shift) adds a drift of its own, at a speed set by a time constant rather than by the
// person, so the same breathing played faster or slower reads the same.
const AXIS_TAU_MS = 20000;
// Where the breathing was when the counter found the person still (the mean of the profile's
// settling time): a move this far from it (maxDeg) is a new pose.
// A cycle: out by at least this share of the person's usual depth (at least minDeg), then back by
// this share of how far it went (at most a usual breath's worth, so that a low left by a dip of the
// body does not put the end out of reach).
const RISE_SHARE = 0.5;
const END_SHARE = 0.5;
const USUAL_CAP = 1.5;
// The person's breaths are known after this many.
const KNOWN_BREATHS = 2;
// Each half of a breath is timed by its pace: its size over its fastest slope (taken over
// PACE_WINDOW_MS). For a smooth movement that is 2/π of its duration, however long the path sat
// still before or after it. Once the person's breaths are known, the way out must take at least
// this share of theirs.
const PACE_WINDOW_MS = 250;
const HALF_SHARE = 0.3;
// The way back is judged half way, where the breath is counted: its pace-time there is half a full
// half's.
const BACK_SHARE = 0.5;
// A climb that comes back down by this share of a breath before reaching one is a wiggle of its
// own: the climb after it is timed afresh.
const WIGGLE_SHARE = 0.25;
// Cycle ends kept for counting over a hold: a hold is dated at most seconds back.
const RECENT_ENDS = 16;

export class BreathCounter {
  private readonly smooth = new LowPass3(BREATH_TAU_MS);
  private readonly axis = new PrincipalAxis(AXIS_TAU_MS);
  private prevT = Number.NaN;
  private lagX = 0;
  private lagY = 0;
  private lagZ = 1;
  private lagT = Number.NaN;
  private stepLagX = 0;
  private stepLagY = 0;
  private stepLagZ = 0;
  private stepLagT = Number.NaN;
  private stillSinceMs = Number.NaN;
  private restX = 0;
  private restY = 0;
  private restZ = 1;
  private hasRest = false;
  // The two readings of which way is out, and the breaths reported (their times, most recent last).
  private readonly readings: [CycleReading, CycleReading];
  private reported = 0;
  private readonly reportedMs: number[] = [];
  // Position along the axis (degrees), summed from the steps of the path while still, and where the
  // path was at the last step (NaN after a quick movement: the move itself is not breathing).
  private along = 0;
  private stepX = Number.NaN;
  private stepY = 0;
  private stepZ = 0;
  // Where the breathing was: the mean over the settling time.
  private restSumX = 0;
  private restSumY = 0;
  private restSumZ = 0;

  constructor(private readonly s: BreathSettings) {
    this.readings = [new CycleReading(s), new CycleReading(s)];
  }

  /** Starts afresh: the next still stretch is the first of a new set of breaths. */
  reset(): void {
    this.hasRest = false;
    this.readings[0] = new CycleReading(this.s);
    this.readings[1] = new CycleReading(this.s);
    this.reported = 0;
    this.reportedMs.length = 0;
    this.stillSinceMs = Number.NaN;
    this.along = 0;
    this.stepX = Number.NaN;
    this.restSumX = this.restSumY = this.restSumZ = 0;
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
    if (Number.isNaN(this.lagT)) {
      // Both the last window's start and the one before it start here.
      this.setLag(x, y, z, t);
      this.setLag(x, y, z, t);
    }
    // Over one to two windows back: a span of a few samples would read the sensor's noise as speed.
    const rateDegS =
      t > this.stepLagT
        ? (angleDeg(x, y, z, this.stepLagX, this.stepLagY, this.stepLagZ) * 1000) / (t - this.stepLagT)
        : 0;
    if (t - this.lagT >= RATE_WINDOW_MS) this.setLag(x, y, z, t);

    if (motionG > STILL_MOTION_G || rateDegS > MAX_BREATH_RATE_DEG_S) {
      // Still settling in, before the first breath: the breathing is to be found again after. Later,
      // the breathing carries on from where it was before the move.
      if (this.reported === 0) this.reset();
      this.stepX = Number.NaN;
      return;
    }
    if (this.hasRest && angleDeg(x, y, z, this.restX, this.restY, this.restZ) > this.s.maxDeg) {
      // Far from where the breathing was: a new pose. Count from scratch there.
      this.reset();
    }
    if (Number.isNaN(this.stillSinceMs)) this.stillSinceMs = t;
    this.learnAxis(dt, x, y, z);
    if (!Number.isNaN(this.stepX)) {
      const a = this.axis;
      const d = (x - this.stepX) * a.x + (y - this.stepY) * a.y + (z - this.stepZ) * a.z;
      this.along += d * RAD_TO_DEG;
    }
    this.stepX = x;
    this.stepY = y;
    this.stepZ = z;
    if (!this.hasRest) {
      this.restSumX += x;
      this.restSumY += y;
      this.restSumZ += z;
      if (t - this.stillSinceMs < this.s.settleMs) return;
      const n = norm3(this.restSumX, this.restSumY, this.restSumZ) || 1;
      this.restX = this.restSumX / n;
      this.restY = this.restSumY / n;
      this.restZ = this.restSumZ / n;
      this.hasRest = true;
    }
    const p = this.along;
    const [first, other] = this.readings;
    first.update(t, p);
    other.update(t, -p);
    this.report(t, out);
  }

  /**
   * Counts from here on only the breaths that end at or after tMs (a hold's dated start): the two
   * readings are compared over the hold alone, so that a half breath before it does not put one of
   * them ahead.
   */
  countFrom(tMs: number): void {
    for (const reading of this.readings) reading.countFrom(tMs);
    this.reported = this.reportedMs.filter((b) => b >= tMs).length;
  }

  /** Emits the breaths of the reading that has counted more, catching up when the other leads. */
  private report(t: number, out: MotionEvent[]): void {
    const [first, other] = this.readings;
    const believed = other.cycles > first.cycles ? other : first;
    const trailing = believed === first ? other : first;
    // Every breath is a cycle in both readings; one more in one of them is a breath cut at an end of
    // the set, more than that are wiggles the other reading saw for what they were. Nor is it a cut
    // breath when the other reading, after its last breath, turned down a move as too quick for
    // breathing: the body shifted, and what follows is the body settling or ordinary breathing.
    const cut = trailing.turnedDownSinceLastCycle() ? 0 : 1;
    const cycles = Math.min(believed.cycles, trailing.cycles + cut);
    while (this.reported < cycles) {
      this.reported++;
      const tMs = Math.min(t, believed.lastEndMs);
      this.reportedMs.push(tMs);
      if (this.reportedMs.length > RECENT_ENDS) this.reportedMs.shift();
      out.push({ type: 'breath', tMs, emittedMs: t });
    }
  }

  private learnAxis(dt: number, x: number, y: number, z: number): void {
    if (Number.isNaN(this.stepLagT)) return;
    const dx = x - this.stepLagX;
    const dy = y - this.stepLagY;
    const dz = z - this.stepLagZ;
    const n = norm3(dx, dy, dz);
    if (n > 0) this.axis.update(dt, dx / n, dy / n, dz / n);
  }

  private setLag(x: number, y: number, z: number, t: number): void {
    this.stepLagX = this.lagX;
    this.stepLagY = this.lagY;
    this.stepLagZ = this.lagZ;
    this.stepLagT = this.lagT;
    this.lagX = x;
    this.lagY = y;
    this.lagZ = z;
    this.lagT = t;
  }
}

/**
 * Breath cycles along the axis, for one reading of which way is out: a rise from the low since the
 * last cycle by a breath's size, then a fall undoing most of it, each half timed by its pace.
 */
class CycleReading {
  cycles = 0;
  lastEndMs = 0;
  // When a cycle was last turned down for being quicker than the person's breaths.
  private turnedDownMs = Number.NaN;
  // When the recent cycles ended, for counting them over a hold alone.
  private readonly endsMs: number[] = [];
  // The person's breaths so far: depths, and times of the way out.
  private readonly depths = new RecentMedian(5);
  private readonly halves = new RecentMedian(5);
  private out = false;
  private low = Number.NaN;
  private top = 0;
  // The fastest rise since the low and fall since the top (degrees per ms), over PACE_WINDOW_MS.
  private riseRate = 0;
  private fallRate = 0;
  // The top of the climb under way since the low (a wiggle that comes back down starts a new one).
  private climbTop = Number.NaN;
  private lagP = Number.NaN;
  private lagT = Number.NaN;
  private olderLagP = Number.NaN;
  private olderLagT = Number.NaN;
  private lowMs = 0;
  private prevT = Number.NaN;
  private prevP = 0;

  constructor(private readonly s: BreathSettings) {}

  /**
   * Whether the person's own breaths are known: from two on. Their usual depth and pace are the
   * lower median of their recent ones, so that of the first two, one odd cycle (the last shift into
   * position, larger and quicker than a breath) does not set the rest.
   */
  private known(): boolean {
    return this.depths.count >= KNOWN_BREATHS;
  }

  /** The person's usual breath depth: the profile's first breath until theirs are known. */
  private usualDeg(): number {
    return this.known() ? this.depths.lowerMedian(0) : this.s.firstDeg / RISE_SHARE;
  }

  private riseDeg(): number {
    return this.known() ? Math.max(this.s.minDeg, RISE_SHARE * this.depths.lowerMedian(0)) : this.s.firstDeg;
  }

  private minHalfMs(): number {
    return this.known() ? HALF_SHARE * this.halves.lowerMedian(0) : this.s.firstHalfMs;
  }

  update(t: number, p: number): void {
    const s = this.s;
    if (Number.isNaN(this.lagT)) {
      this.lagT = this.olderLagT = t;
      this.lagP = this.olderLagP = p;
    }
    const rate = t > this.olderLagT ? (p - this.olderLagP) / (t - this.olderLagT) : 0;
    if (t - this.lagT >= PACE_WINDOW_MS) {
      this.olderLagT = this.lagT;
      this.olderLagP = this.lagP;
      this.lagT = t;
      this.lagP = p;
    }
    if (!this.out) {
      const riseDeg = this.riseDeg();
      if (Number.isNaN(this.low) || p < this.low) {
        this.low = p;
        this.lowMs = t;
        this.riseRate = 0;
        this.climbTop = p;
      } else if (p < this.climbTop - WIGGLE_SHARE * riseDeg) {
        // Went up and came back down short of a breath: a wiggle of its own. The breath, if any,
        // starts climbing from here, and is timed by its own pace.
        this.riseRate = 0;
        this.climbTop = p;
      }
      this.climbTop = Math.max(this.climbTop, p);
      this.riseRate = Math.max(this.riseRate, rate);
      if (p >= this.low + riseDeg) {
        this.out = true;
        this.top = p;
        this.fallRate = 0;
      }
    } else {
      const usual = this.usualDeg();
      if (p > this.top) {
        this.top = p;
        this.riseRate = Math.max(this.riseRate, rate);
        this.fallRate = 0;
      }
      this.fallRate = Math.max(this.fallRate, -rate);
      const rise = this.top - this.low;
      if (t - this.lowMs > s.maxCycleMs || rise > s.maxDeg) {
        // Never came back: the chest settled somewhere else. Start afresh from here.
        this.restart(p, t);
      } else {
        const level = this.top - END_SHARE * Math.min(rise, USUAL_CAP * usual);
        if (p < level) {
          const endMs = crossingTime(this.prevT, this.prevP, t, p, level);
          const minHalf = this.minHalfMs();
          const outMs = rise / Math.max(this.riseRate, 1e-9);
          const backMs = (this.top - p) / Math.max(this.fallRate, 1e-9);
          // Breathing out and in each take seconds; a shift of the body covers its ground in a moment.
          if (outMs < minHalf || backMs < BACK_SHARE * minHalf) {
            this.turnedDownMs = endMs;
          } else {
            this.cycles++;
            this.lastEndMs = endMs;
            this.endsMs.push(endMs);
            if (this.endsMs.length > RECENT_ENDS) this.endsMs.shift();
            this.depths.push(rise);
            this.halves.push(outMs);
          }
          this.restart(p, t);
        }
      }
    }
    this.prevT = t;
    this.prevP = p;
  }

  /** Whether, since its last breath, this reading turned down a cycle as too quick for breathing. */
  turnedDownSinceLastCycle(): boolean {
    return this.cycles > 0 && this.turnedDownMs > this.lastEndMs;
  }

  countFrom(tMs: number): void {
    this.cycles = this.endsMs.filter((e) => e >= tMs).length;
  }

  private restart(p: number, t: number): void {
    this.out = false;
    this.low = p;
    this.lowMs = t;
    this.riseRate = 0;
    this.climbTop = p;
  }
}
