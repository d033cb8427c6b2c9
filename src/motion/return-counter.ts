// Counting reps as returns to rest, once the person's first reps have shown what a rep is (see
// first-reps.ts). A rep takes the person out to most of their usual distance from rest, and ends
// when they are most of the way back: counting on the way back, not at the very end, tells the
// person promptly and still counts the last rep of a set that stops right after it.
//
// A return is a rep's end only if it is period-aware: about a period after the last rep, or a
// quicker rep that went all the way to the person's usual far pose. A burpee's plank passes close
// to the standing pose for an upper-arm sensor; a wobble at the top goes nowhere near the far pose.

import { angleDeg, LowPass3, norm3, RecentMedian } from './filters.ts';
import { direction, type RepModel, SMOOTH_SHARE, type Vec3 } from './first-reps.ts';

// Out when farther than this share of the typical rep from rest; back when nearer than this one.
const OUT_SHARE = 0.7;
const BACK_SHARE = 0.55;
// Reps are at least this share of a period apart...
export const MIN_GAP_PERIODS = 0.6;
// ...unless this one and the last went at least this share of the way to the far pose, and no
// farther than this share of that way off its line, and came at least this share of a period
// apart: half a rep is the quickest a full one can take.
const FAR_ALONG = 0.5;
const FAR_OFF = 0.4;
const QUICK_GAP_PERIODS = 0.3;
// The typical rep: the lower median of the latest few, the size the first reps showed among them,
// so that one rep far bigger than the rest (a jolt, a fling of the leg) cannot alone set the bar
// for the next. A rep counts in it only as far as it went on the way from rest to where the
// person's reps reach: a stagger off that way (a deep first squat that stumbles) takes the sensor
// far from rest without making the rep any bigger, and must not raise the bar for the next reps. A
// rep that went elsewhere (a burpee's other phase) counts as typical, not as small.
const RECENT_REPS = 5;

/** A rep counted: when it ended (on the way back), when it left rest, how far it turned the sensor. */
export interface CountedRep {
  readonly tMs: number;
  readonly startMs: number;
  readonly peakDeg: number;
}

export class ReturnCounter {
  readonly periodMs: number;
  private readonly rest: Vec3;
  private readonly far: Vec3 | null;
  // The unit vector from rest to where the reps reach.
  private readonly way: Vec3;
  private readonly one: LowPass3;
  private readonly two: LowPass3;
  private size: number;
  private readonly sizes = new RecentMedian(RECENT_REPS);
  // Null until the person is first seen at rest: counting may start midway through a movement
  // (unless it starts at the top of a rep the person came to from rest, see RepModel).
  private out: boolean | null;
  // The farthest from rest since the last rep, and since the last return to rest (and where).
  private peak = 0;
  private peakAlong = 0;
  private peakSinceReturn = 0;
  private readonly peakPose: Vec3 = [0, 0, 0];
  /** When the latest rep ended (on the way back). */
  lastRepMs = Number.NEGATIVE_INFINITY;
  private lastRepWentFar = false;
  // When the person was last at rest, and when the rep under way left it.
  private atRestMs = Number.NaN;
  private repStartMs = Number.NaN;
  // The farthest pose of the rep under way.
  private readonly repPeakPose: Vec3 = [0, 0, 0];
  /** The last time the counter had news of the set: its start, or its latest rep. */
  lastActiveMs: number;

  constructor(model: RepModel, startMs: number) {
    this.periodMs = model.periodMs;
    this.rest = model.rest;
    this.far = model.far;
    this.way = direction(model.rest, model.reach);
    this.size = model.size;
    this.sizes.push(model.size);
    this.one = new LowPass3(SMOOTH_SHARE * model.periodMs);
    this.two = new LowPass3(SMOOTH_SHARE * model.periodMs);
    this.lastActiveMs = startMs;
    this.out = model.startsAtFar ? true : null;
  }

  /** One grid point, stepMs after the last; returns the rep it completes, if any. */
  step(tMs: number, stepMs: number, x: number, y: number, z: number): CountedRep | null {
    this.one.update(stepMs, x, y, z);
    const s = this.two;
    s.update(stepMs, this.one.x, this.one.y, this.one.z);
    const e = norm3(s.x - this.rest[0], s.y - this.rest[1], s.z - this.rest[2]);
    const way = this.way;
    const along =
      (s.x - this.rest[0]) * way[0] + (s.y - this.rest[1]) * way[1] + (s.z - this.rest[2]) * way[2];
    if (along > this.peakAlong) this.peakAlong = along;
    if (e > this.peak) {
      this.peak = e;
      this.repPeakPose[0] = s.x;
      this.repPeakPose[1] = s.y;
      this.repPeakPose[2] = s.z;
    }
    if (e > this.peakSinceReturn) {
      this.peakSinceReturn = e;
      this.peakPose[0] = s.x;
      this.peakPose[1] = s.y;
      this.peakPose[2] = s.z;
    }
    if (e < BACK_SHARE * this.size) this.atRestMs = tMs;
    if (this.out === null) {
      if (e < BACK_SHARE * this.size) this.out = false;
      return null;
    }
    if (!this.out) {
      if (e > OUT_SHARE * this.size) {
        this.out = true;
        if (Number.isNaN(this.repStartMs)) this.repStartMs = this.atRestMs;
      }
      return null;
    }
    if (e >= BACK_SHARE * this.size) return null;
    this.out = false;
    const wentFar = this.wentFar();
    this.peakSinceReturn = 0;
    const gap = tMs - this.lastRepMs;
    if (
      gap < MIN_GAP_PERIODS * this.periodMs &&
      !(wentFar && this.lastRepWentFar && gap >= QUICK_GAP_PERIODS * this.periodMs)
    )
      return null;
    this.lastRepWentFar = wentFar;
    this.sizes.push(Math.min(this.peak, Math.max(this.peakAlong, this.size)));
    this.size = this.sizes.lowerMedian(this.size);
    const startMs = Number.isNaN(this.repStartMs) ? tMs : this.repStartMs;
    const rep = { tMs, startMs, peakDeg: angleDeg(...this.repPeakPose, ...this.rest) };
    this.peak = 0;
    this.peakAlong = 0;
    this.repStartMs = Number.NaN;
    this.lastRepMs = tMs;
    this.lastActiveMs = Math.max(this.lastActiveMs, tMs);
    return rep;
  }

  /** Whether the movement since the last return went most of the way to the usual far pose. */
  private wentFar(): boolean {
    if (!this.far) return false;
    const r = this.rest;
    const f = [this.far[0] - r[0], this.far[1] - r[1], this.far[2] - r[2]];
    const p = [this.peakPose[0] - r[0], this.peakPose[1] - r[1], this.peakPose[2] - r[2]];
    const ff = f[0] * f[0] + f[1] * f[1] + f[2] * f[2];
    if (ff === 0) return false;
    const along = (p[0] * f[0] + p[1] * f[1] + p[2] * f[2]) / ff;
    const off = norm3(p[0] - along * f[0], p[1] - along * f[1], p[2] - along * f[2]) / Math.sqrt(ff);
    return along >= FAR_ALONG && off <= FAR_OFF;
  }
}
