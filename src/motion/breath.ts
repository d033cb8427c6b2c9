// Breath cycles (bat hang): exhaling draws the ribs down and in, which tilts the chest a few
// degrees one way over several seconds; inhaling brings it back. The tilt along the profile's
// direction is followed as a 1-D signal, and a cycle is a rise from the running low by at least the
// entry threshold, then a fall undoing most of it. Measuring from running extremes (not from a pose
// taken once) lets the rest pose drift and settle without breaking the count.

import type { MotionEvent } from './events.ts';
import { RAD_TO_DEG, RecentMedian } from './filters.ts';
import type { ExcursionSettings } from './profiles.ts';

// A cycle ends when this share of its rise is undone.
const END_SHARE = 0.65;
// Above this movement RMS the person is moving, not breathing (see hold.ts).
const STILL_MOTION_G = 0.04;
const FIRST_SHARE = 0.7;
// The exhale and the inhale each last at least this long (program.md: several seconds a cycle).
const MIN_HALF_MS = 1000;
const LOW_MAX_AGE_MS = 6000;
const USUAL_CAP = 1.5;
// At rest the tilt stays within this band for this long.
const FLAT_BAND_DEG = 0.3;
const FLAT_MS = 500;

export class BreathCounter {
  private high = false;
  private low = Number.NaN;
  private peak = 0;
  private highSinceMs = 0;
  private lowMs = 0;
  private peakMs = 0;
  private maxMotionG = 0;
  private prevT = Number.NaN;
  private prevS = 0;
  private readonly depths = new RecentMedian(5);
  private needRest = true;
  private flatRef = 0;
  private flatSinceMs = Number.NaN;

  constructor(private readonly s: ExcursionSettings) {}

  update(t: number, gx: number, gy: number, gz: number, motionG: number, out: MotionEvent[]): void {
    const e = this.s.direction ?? [0, 1, 0];
    const along = Math.asin(Math.max(-1, Math.min(1, gx * e[0] + gy * e[1] + gz * e[2]))) * RAD_TO_DEG;
    const typical = this.depths.count > 0 ? this.depths.median(0) : this.s.expectedPeakDeg * FIRST_SHARE;
    const hi = Math.max(this.s.minHiDeg, this.s.hiFrac * typical);
    if (Number.isNaN(this.low) || motionG > STILL_MOTION_G) {
      // Moving (settling in, shifting): no breath is under way; start afresh once the chest is still.
      this.low = along;
      this.lowMs = t;
      this.high = false;
      this.needRest = true;
    } else if (this.needRest) {
      // A breath starts from rest: wait until the tilt has stopped changing, then take the low there.
      if (Number.isNaN(this.flatSinceMs) || Math.abs(along - this.flatRef) > FLAT_BAND_DEG) {
        this.flatRef = along;
        this.flatSinceMs = t;
      } else if (t - this.flatSinceMs >= FLAT_MS) {
        this.needRest = false;
        this.flatSinceMs = Number.NaN;
      }
      this.low = along;
      this.lowMs = t;
    } else if (!this.high) {
      // The low a breath starts from is a recent one: a dip long past (a settling shift) is not it.
      if (along < this.low || t - this.lowMs > LOW_MAX_AGE_MS) {
        this.low = along;
        this.lowMs = t;
      }
      if (along > this.low + hi) {
        this.high = true;
        this.peak = along;
        this.peakMs = t;
        this.highSinceMs = t;
        this.maxMotionG = motionG;
      }
    } else {
      if (along > this.peak) {
        this.peak = along;
        this.peakMs = t;
      }
      if (motionG > this.maxMotionG) this.maxMotionG = motionG;
      const rise = this.peak - this.low;
      if (t - this.highSinceMs > this.s.maxRepMs) {
        // Never came back: the chest settled somewhere else. Start afresh from here.
        this.high = false;
        this.low = along;
        this.lowMs = t;
        this.prevT = t;
        this.prevS = along;
        return;
      }
      // The fall that ends a cycle is judged on a rise no deeper than a usual breath: a low left
      // over from a dip of the body must not set the bar out of reach.
      const usualDeg = this.depths.count > 0 ? this.depths.median(0) : this.s.expectedPeakDeg;
      const level = this.peak - Math.max(this.s.minLoDeg, END_SHARE * Math.min(rise, USUAL_CAP * usualDeg));
      if (along < level) {
        const endMs = cross(this.prevT, this.prevS, t, along, level);
        // Breathing out and in each take seconds; shuffling into place turns the chest in a moment.
        const slow = this.peakMs - this.lowMs >= MIN_HALF_MS && endMs - this.peakMs >= MIN_HALF_MS;
        if (slow && endMs - this.highSinceMs >= this.s.minAboveMs && rise <= this.s.maxPeakDeg) {
          out.push({ type: 'breath', tMs: endMs, emittedMs: t });
          this.depths.push(rise);
        } else {
          // Too quick for a breath (a shift of the body): the next one starts from rest again.
          this.needRest = true;
        }
        this.high = false;
        this.low = along;
        this.lowMs = t;
      }
    }
    this.prevT = t;
    this.prevS = along;
  }
}

function cross(t0: number, v0: number, t1: number, v1: number, level: number): number {
  if (Number.isNaN(t0) || v0 === v1) return t1;
  const u = (v0 - level) / (v0 - v1);
  return t0 + Math.max(0, Math.min(1, u)) * (t1 - t0);
}
