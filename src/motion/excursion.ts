// Reps as excursions: the torso tilts away from the pose it rests in and comes back. Everything is
// measured from the data, never from the strap's axes, so the strap can sit at any angle:
//
// - the rest pose is where the torso is still between reps, and follows it as it settles; a pose
//   held still before the first rep that the first rep comes back to and rests in is the rest pose
//   too (a person who shifted a few degrees after getting into position starts from there);
// - the size of a rep is the angle between the gravity direction and the rest pose;
// - the direction a rep turns is learned from the person's first reps, and a later excursion that
//   turns another way (a shift of weight, a hand on the strap) is not a rep;
// - bird dog's side comes from the roll: the torso rolls towards the supporting hand. Once the strap
//   knows which way the head is (learned while the person was upright), the person's left is known
//   and the roll's sign tells the side from the first rep. Without it, both sides pitch the torso
//   alike, so the roll's handedness relative to that common pitch, about the rest pose, tells it.
//
// Thresholds start from the profile's expectation, scaled by what this person taught the app
// (PersonalTuning), and follow the person's own reps from the first one. Times, too, are the
// person's own once a rep is known (a share of their usual ones), so that the same set played
// faster or slower counts the same; before that, a first rep that is smaller or quicker than the
// profile expects counts only once a second one like it shows it was a rep.

import type { SpineDirection } from './detector.ts';
import type { MotionEvent, Side } from './events.ts';
import { angleDeg, crossingTime, norm3, RecentMedian } from './filters.ts';
import type { ExcursionSettings } from './profiles.ts';
import { NEUTRAL_TUNING, type PersonalTuning } from './tuning.ts';

// Before any rep is seen the thresholds assume a rep smaller than the profile's typical one, so
// that a cautious first rep still counts; the person's own reps take over from the first.
const FIRST_REP_SHARE = 0.7;
// Movement on top of gravity below this RMS is stillness: a held pose leaves only noise and tremor.
const STILL_MOTION_G = 0.05;
// "At the top" = within this share of the rep's peak; the time spent there is the rep's pause.
const PLATEAU_SHARE = 0.85;
// A rep is over once the torso is back within this share of its peak from the rest pose, or has
// come most of the way back (this share of the rep from its top) and stopped there: the rest pose
// itself can move by a few degrees from one rep to the next.
const RETURN_SHARE = 0.35;
const BACK_BELOW_ENTRY = 0.8;
const SETTLED_RETURN_SHARE = 0.5;
// Still within this band this long, near the top of an excursion the size of a rep: the pause at the
// top has begun. Wide enough for the breathing of a person holding a bridge, narrow enough that the
// last of a slow rise is not taken for it.
const TOP_BAND_DEG = 1.5;
const TOP_STILL_MS = 400;
// Still within this band this long between reps: that is the rest pose now. (A rep that starts
// slowly turns faster than that within its first degree or two.)
const SETTLED_BAND_DEG = 0.5;
const SETTLED_MS = 600;
// Before the first rep, still this many times as far from the rest pose as the profile expects a rep
// to go: no rep, but a move to another pose (sitting up to a machine), where the reps start.
const MOVED_POSE_SHARE = 2;
// The first rest pose of a set needs less: people start soon after getting into position.
const ACQUIRE_BAND_DEG = 2;
const ACQUIRE_MS = 400;
// Once the person's reps are known, an excursion smaller than this share of their usual one, or
// quicker than these shares of their usual times (out and back, above the entry level), is a
// wobble, not a rep.
const MIN_PEAK_SHARE = 0.45;
const MIN_DURATION_SHARE = 0.35;
const MIN_ABOVE_SHARE = 0.35;
// Away longer than the profile's longest rep and this many of the person's usual ones: a change of
// pose, not a rep.
const LONGEST_REP_SHARE = 2;
// Held that long and back, an excursion is a rep only once the person's reps are known and it is no
// further out than this many of theirs: another pose held as long and left again (a rest on the
// elbows between supermans, 28–35° against reps of 16°) is further.
const HELD_REP_PEAK_SHARE = 1.5;
// Before any rep is known: an excursion quicker than this share of the profile's first-rep times
// is no rep at all; one between that and the profile's times waits for the next to match it, and
// two alike are within these shares of each other.
const QUICK_SHARE = 0.5;
const PENDING_FIRST_REPS = 2;
const ALIKE_PEAK_SHARE = 0.5;
const ALIKE_DURATION_SHARE = 0.6;
// Cosine between an excursion's turn and the person's rep direction: reps repeat one movement; a
// fidget turns any which way. Bird dog's two sides are two directions.
const MIN_ALIGNMENT = 0.6;
const MIN_SIDED_ALIGNMENT = 0.5;
const RECENT_SIDED_REPS = 4;
// Each rep's turn is a roll plus the pitch common to both sides; the pitch must be at least this
// share of a rep's turn before the handedness about it is trusted.
const MIN_PITCH_SHARE = 0.15;

type State = 'acquiring' | 'rest' | 'out';

/** How long an excursion took: from rest and back, above the entry level, and near its top. */
interface RepTimes {
  readonly durationMs: number;
  readonly aboveMs: number;
  readonly plateauMs: number;
}

/** An excursion that passed for a rep by its size and timing. */
interface Candidate extends RepTimes {
  readonly dir: Vec;
  readonly startMs: number;
  readonly endMs: number;
  readonly peakDeg: number;
  /** Held out longer than any rep the person's pace knows: its times say nothing of their reps. */
  readonly overlong?: boolean;
}

/** A unit 3-vector, mutable in place: the detectors run per sample and must not allocate. */
interface Vec {
  x: number;
  y: number;
  z: number;
}

const vec = (x = 0, y = 0, z = 0): Vec => ({ x, y, z });

/**
 * Within this angle of the pose an excursion of peakDeg left, it is back: below the entry level hi,
 * so that the end of one rep is never the start of the next.
 */
function returnLevelDeg(peakDeg: number, hi: number, lo: number): number {
  return Math.max(lo, Math.min(RETURN_SHARE * peakDeg, BACK_BELOW_ENTRY * hi));
}
const dot = (a: Vec, b: Vec) => a.x * b.x + a.y * b.y + a.z * b.z;

function setUnit(v: Vec, x: number, y: number, z: number): void {
  const n = norm3(x, y, z) || 1;
  v.x = x / n;
  v.y = y / n;
  v.z = z / n;
}

/**
 * Whether the torso has stayed within a small band around one pose for a while, moving little; fed
 * every sample it watches, and reset where stillness does not count.
 */
class Stillness {
  private readonly point = vec();
  private readonly sum = vec();
  /** When the stillness began (ms), or NaN. */
  sinceMs = Number.NaN;

  update(
    t: number,
    dtMs: number,
    gx: number,
    gy: number,
    gz: number,
    motionG: number,
    bandDeg: number,
    forMs: number,
  ): boolean {
    const p = this.point;
    const sum = this.sum;
    // Over a gap in the data as long as the wait itself nothing was seen: stillness starts after it.
    if (
      motionG > STILL_MOTION_G ||
      Number.isNaN(this.sinceMs) ||
      dtMs >= forMs ||
      angleDeg(gx, gy, gz, p.x, p.y, p.z) > bandDeg
    ) {
      setUnit(p, gx, gy, gz);
      sum.x = gx;
      sum.y = gy;
      sum.z = gz;
      this.sinceMs = t;
      return false;
    }
    sum.x += gx;
    sum.y += gy;
    sum.z += gz;
    return t - this.sinceMs >= forMs;
  }

  reset(): void {
    this.sinceMs = Number.NaN;
  }

  /** The mean pose over the stillness, into v. */
  meanInto(v: Vec): void {
    setUnit(v, this.sum.x, this.sum.y, this.sum.z);
  }
}

/**
 * An excursion as it goes, away from the pose it left: its peak, its time above the entry angle and
 * its longest stay near the top.
 */
class Excursion {
  peakDeg = 0;
  readonly peak = vec();
  aboveMs = 0;
  plateauMs = 0;
  private plateauStartMs = Number.NaN;

  /** Left the pose, `angle` from it, at t. */
  start(t: number, angle: number, gx: number, gy: number, gz: number): void {
    this.peakDeg = angle;
    this.peak.x = gx;
    this.peak.y = gy;
    this.peak.z = gz;
    this.aboveMs = 0;
    this.plateauStartMs = t;
    this.plateauMs = 0;
  }

  /** One sample, `angle` from the pose left; whether it is the furthest yet. */
  follow(t: number, dtMs: number, angle: number, gx: number, gy: number, gz: number, hi: number): boolean {
    if (angle >= hi) this.aboveMs += dtMs;
    const furthest = angle > this.peakDeg;
    if (furthest) {
      this.peakDeg = angle;
      this.peak.x = gx;
      this.peak.y = gy;
      this.peak.z = gz;
    }
    // Longest stay near the top: every rep of the program pauses there; a fidget turns straight back.
    if (angle >= PLATEAU_SHARE * this.peakDeg) {
      if (Number.isNaN(this.plateauStartMs)) this.plateauStartMs = t;
      this.plateauMs = Math.max(this.plateauMs, t - this.plateauStartMs);
    } else {
      this.plateauStartMs = Number.NaN;
    }
    return furthest;
  }

  copy(from: Excursion): void {
    this.peakDeg = from.peakDeg;
    this.peak.x = from.peak.x;
    this.peak.y = from.peak.y;
    this.peak.z = from.peak.z;
    this.aboveMs = from.aboveMs;
    this.plateauMs = from.plateauMs;
    this.plateauStartMs = from.plateauStartMs;
  }
}

/**
 * Before a set's first rep, a pose the torso was held still in out of the rest pose: the top of a
 * first rep, or a shift (arms brought overhead, a knee moved) to where the reps will start from.
 * The excursion away from it is followed as one from the rest pose is; coming back to it and resting
 * there again shows that it was where the person rests now.
 */
class HeldPose {
  active = false;
  readonly pose = vec();
  readonly stillness = new Stillness();
  /** Whether the torso has left the pose by a rep's entry angle; startMs, when it was last near it. */
  out = false;
  private nearMs = 0;
  startMs = 0;
  readonly excursion = new Excursion();

  /** The still pose now is the held one (called while still there). */
  take(t: number): void {
    this.stillness.meanInto(this.pose);
    this.active = true;
    this.out = false;
    this.nearMs = t;
  }

  clear(): void {
    this.active = false;
    this.out = false;
    this.stillness.reset();
  }

  /** The angle from the held pose now, following the excursion away from it. */
  follow(t: number, dtMs: number, gx: number, gy: number, gz: number, hi: number, lo: number): number {
    const h = this.pose;
    const angle = angleDeg(gx, gy, gz, h.x, h.y, h.z);
    if (this.out) {
      this.excursion.follow(t, dtMs, angle, gx, gy, gz, hi);
    } else {
      if (angle < lo) this.nearMs = t;
      if (angle >= hi) {
        this.out = true;
        this.startMs = this.nearMs;
        this.excursion.start(t, angle, gx, gy, gz);
      }
    }
    return angle;
  }
}

/**
 * An excursion given up as no rep, away too long or too far: held, or a change of pose. Where it
 * left from is kept; coming back and resting there shows it was the person's rest pose all along,
 * and the excursion an out and back from it, a rep held long.
 */
class GivenUp {
  active = false;
  readonly rest = vec();
  startMs = 0;
  readonly excursion = new Excursion();

  keep(rest: Vec, startMs: number, excursion: Excursion): void {
    this.active = true;
    setUnit(this.rest, rest.x, rest.y, rest.z);
    this.startMs = startMs;
    this.excursion.copy(excursion);
  }

  /** Whether the torso is within `bandDeg` of the rest pose left. */
  near(gx: number, gy: number, gz: number, bandDeg: number): boolean {
    const r = this.rest;
    return this.active && angleDeg(gx, gy, gz, r.x, r.y, r.z) < bandDeg;
  }
}

export class ExcursionDetector {
  private state: State = 'acquiring';
  private readonly rest = vec(0, 0, 1);

  // The excursion under way.
  private startMs = 0;
  private lastBelowLoMs = 0;
  private readonly excursion = new Excursion();
  private readonly turn = vec();
  private turnDeg = 0;
  private turnMs = 0;
  // Where the torso came to rest on the way back, for a return to a rest pose that moved.
  private readonly settling = new Stillness();
  private readonly held = new HeldPose();
  private readonly givenUp = new GivenUp();
  // The pause at the top of the excursion under way, and whether its start and its end were told.
  private readonly atTop = new Stillness();
  private topTold = false;
  private topLeftTold = false;

  private prevT = Number.NaN;
  private prevAngle = 0;

  // What the person's reps look like: sizes, durations, and the sum of their turn directions
  // (for bird dog, per side, plus the pitch common to both).
  private readonly peaks = new RecentMedian(5);
  private readonly durations = new RecentMedian(5);
  private readonly aboves = new RecentMedian(5);
  private readonly repDir = vec();
  private readonly recentDirs: Vec[] = [];
  private readonly pitchSum = vec();
  private lastSide: Side | null = null;
  // The last rep-like excursion that did not turn the way the learned reps do.
  private misfit: Candidate | null = null;
  // The last clear rep refused as quicker than the person's usual ones.
  private quick: Candidate | null = null;
  // First excursions too small or quick to count alone, waiting for one alike to show they were reps.
  private readonly pending: Candidate[] = [];

  constructor(
    private readonly s: ExcursionSettings,
    private readonly tuning: PersonalTuning = NEUTRAL_TUNING,
    private readonly spine: SpineDirection | null = null,
  ) {}

  /** Typical peak of this person so far (the profile's expectation until their first reps). */
  typicalPeakDeg(): number {
    return this.peaks.count > 0
      ? this.peaks.median(0)
      : this.s.expectedPeakDeg * this.tuning.rangeScale * FIRST_REP_SHARE;
  }

  /** One sample of the unit gravity direction and the movement on top of it (RMS, g). */
  update(t: number, gx: number, gy: number, gz: number, motionG: number, out: MotionEvent[]): void {
    const dt = Number.isNaN(this.prevT) ? 0 : t - this.prevT;
    if (this.state === 'acquiring') {
      // The rest pose is the first still pose: the set starts with the person in position. A brief
      // pause is enough (people start soon after getting down); a wrong one is mended below.
      if (this.stillAt(t, gx, gy, gz, motionG, ACQUIRE_BAND_DEG, ACQUIRE_MS)) {
        const typical = this.typicalPeakDeg();
        const back = returnLevelDeg(this.givenUp.excursion.peakDeg, this.hiDeg(typical), this.loDeg(typical));
        if (this.givenUp.near(gx, gy, gz, back)) {
          // Lowered straight after it was given up: still, already back where it began.
          this.backFromGivenUp(this.settling.sinceMs, t, out);
          this.restAtSettle();
        } else {
          this.restAtSettle();
          this.state = 'rest';
          this.lastBelowLoMs = t;
        }
      }
      this.prevT = t;
      this.prevAngle = 0;
      return;
    }
    const r = this.rest;
    const angle = angleDeg(gx, gy, gz, r.x, r.y, r.z);
    const typical = this.typicalPeakDeg();
    const hi = this.hiDeg(typical);
    const lo = this.loDeg(typical);

    if (this.state === 'rest') {
      if (angle < lo) this.lastBelowLoMs = t;
      if (angle >= hi) this.begin(t, angle, gx, gy, gz);
      else if (
        (angle < lo || this.peaks.count === 0) &&
        this.stillAt(t, gx, gy, gz, motionG, SETTLED_BAND_DEG)
      ) {
        // Settled near the rest pose: that is the rest pose now. It follows a strap settling or a
        // body sinking into the mat, and (before the first rep, anywhere short of one) mends a rest
        // pose first taken in the last shuffle into position; the start of a slow rep moves too
        // fast to be taken for it.
        this.restAtSettle();
        this.lastBelowLoMs = t;
      }
    } else {
      const away = this.excursion;
      if (away.follow(t, dt, angle, gx, gy, gz, hi)) this.turnDeg = angle;
      if (this.s.tellsTopPause) this.followTop(t, dt, angle, gx, gy, gz, motionG, hi, out);
      // The way back: the point nearest the rest pose since the top, where the torso turns out again.
      if (angle < this.turnDeg) {
        this.turnDeg = angle;
        this.turnMs = t;
        this.turn.x = gx;
        this.turn.y = gy;
        this.turn.z = gz;
      }
      const turn = this.turn;
      const held = this.held;
      // Before the first rep, stillness out of the rest pose is watched apart: see HeldPose.
      const stillOut =
        this.peaks.count === 0 &&
        held.stillness.update(t, dt, gx, gy, gz, motionG, SETTLED_BAND_DEG, SETTLED_MS);
      const fromHeld = held.active ? held.follow(t, dt, gx, gy, gz, hi, lo) : Number.NaN;
      const backWhereGivenUp = this.givenUp.near(
        gx,
        gy,
        gz,
        returnLevelDeg(this.givenUp.excursion.peakDeg, hi, lo),
      );
      const back = returnLevelDeg(away.peakDeg, hi, lo);
      const heldBack = returnLevelDeg(held.excursion.peakDeg, hi, lo);
      if (held.out && fromHeld < heldBack && held.excursion.peakDeg >= this.minPeakDeg()) {
        // Back near the pose held before, after a rep's move away from it: resting there again
        // shows the person had shifted there, and their reps start from it. That is the rest pose,
        // and the excursion from it the first rep. (Until then nothing else here ends it.)
        if (stillOut) {
          this.fromHeldPose();
          this.finish(held.stillness.sinceMs, t, out);
          held.stillness.meanInto(this.rest);
          this.lastBelowLoMs = t;
        }
      } else if (backWhereGivenUp) {
        this.backFromGivenUp(t, t, out);
        this.settling.reset();
      } else if (angle < back) {
        this.finish(crossingTime(this.prevT, this.prevAngle, t, angle, back), t, out);
        this.lastBelowLoMs = t;
        this.settling.reset();
      } else if (this.peaks.count === 0 && away.peakDeg < this.minPeakDeg() && !this.awayTooLong(t)) {
        // Before the first rep, still after a move too small for one, wherever it stopped: the rest
        // pose was taken in a pause on the way into position, and this is it.
        if (this.stillAt(t, gx, gy, gz, motionG, SETTLED_BAND_DEG)) this.restAfterShuffle(t);
      } else if (away.peakDeg < this.minPeakDeg() && this.stillAt(t, gx, gy, gz, motionG, SETTLED_BAND_DEG)) {
        // Still again after a move too small for a rep: a shuffle, and this is the rest pose now.
        this.restAfterShuffle(t);
      } else if (
        this.turnDeg <= SETTLED_RETURN_SHARE * away.peakDeg &&
        angleDeg(turn.x, turn.y, turn.z, away.peak.x, away.peak.y, away.peak.z) >=
          SETTLED_RETURN_SHARE * away.peakDeg &&
        angleDeg(gx, gy, gz, turn.x, turn.y, turn.z) >= hi
      ) {
        // Came most of the way back and went straight out again, without a pause: the turn was the
        // end of this rep and the rest pose of the next, which is already under way.
        const turnMs = this.turnMs;
        this.finish(turnMs, t, out);
        setUnit(this.rest, turn.x, turn.y, turn.z);
        this.lastBelowLoMs = turnMs;
        this.begin(t, angleDeg(gx, gy, gz, turn.x, turn.y, turn.z), gx, gy, gz);
      } else {
        const stop = this.stoppedOut(t, angle, gx, gy, gz, motionG);
        if (stop === 'back') {
          // Back and still, a little off the old rest pose: that is where the person rests now.
          this.finish(this.settling.sinceMs, t, out);
          this.restAtSettle();
          this.lastBelowLoMs = t;
        } else if (stop === 'moved') {
          // Not waited out as a rep that lasts too long: the first reps may be under way from here.
          this.restAfterShuffle(t);
          this.pending.length = 0;
        } else if (this.awayTooLong(t)) {
          // Away too long or too far: the person changed pose, or holds a rep far longer than a rep
          // takes. Start over from the new pose, keeping the one left for a way back to it.
          this.givenUp.keep(this.rest, this.startMs, this.excursion);
          this.state = 'acquiring';
          this.settling.reset();
          this.pending.length = 0;
        } else if (this.peaks.count === 0 && !held.out && stillOut) {
          // Still out of the rest pose after a move of a rep's size: the top of a first rep, or a
          // shift to where the reps will start from. The way back tells which.
          held.take(t);
        }
      }
      // Given up as no rep (away too long, or moved to another pose) while at the top: the pause
      // there is over all the same.
      if (this.state !== 'out') this.leaveTop(t, out);
    }
    this.prevT = t;
    this.prevAngle = angle;
  }

  private begin(t: number, angle: number, gx: number, gy: number, gz: number): void {
    this.state = 'out';
    this.startMs = this.lastBelowLoMs;
    this.excursion.start(t, angle, gx, gy, gz);
    this.turnDeg = angle;
    this.settling.reset();
    this.held.clear();
    this.atTop.reset();
    this.topTold = false;
    this.topLeftTold = false;
  }

  /**
   * The pause at the top: told once the torso stops near the top of an excursion big enough for a
   * rep, and again once it leaves on the way back (see leaveTop).
   */
  private followTop(
    t: number,
    dt: number,
    angle: number,
    gx: number,
    gy: number,
    gz: number,
    motionG: number,
    hi: number,
    out: MotionEvent[],
  ): void {
    const peakDeg = this.excursion.peakDeg;
    const belowTop = angle < PLATEAU_SHARE * peakDeg;
    if (this.topTold) {
      if (belowTop) this.leaveTop(t, out);
    } else if (belowTop || angle < hi || peakDeg < this.minPeakDeg() || this.givenUp.near(gx, gy, gz, hi)) {
      // (Back down at the rest pose left by a rep held long is its end, not the top of another.)
      this.atTop.reset();
    } else if (this.atTop.update(t, dt, gx, gy, gz, motionG, TOP_BAND_DEG, TOP_STILL_MS)) {
      this.topTold = true;
      out.push({ type: 'top', tMs: this.atTop.sinceMs, emittedMs: t });
    }
  }

  /** The pause at the top told is over, at t: once, and only after it was told. */
  private leaveTop(t: number, out: MotionEvent[]): void {
    if (!this.topTold || this.topLeftTold) return;
    this.topLeftTold = true;
    out.push({ type: 'top-left', tMs: t, emittedMs: t });
  }

  /** The excursion is the one from the held pose, which is the rest pose now. */
  private fromHeldPose(): void {
    const h = this.held;
    this.startMs = h.startMs;
    this.excursion.copy(h.excursion);
    setUnit(this.rest, h.pose.x, h.pose.y, h.pose.z);
  }

  private restAfterShuffle(t: number): void {
    this.state = 'rest';
    this.restAtSettle();
    this.lastBelowLoMs = t;
  }

  private awayTooLong(t: number): boolean {
    // A slow person's reps may outlast the profile's longest: theirs are the measure once known.
    const longestMs = Math.max(this.s.maxRepMs, LONGEST_REP_SHARE * this.durations.median(0));
    // After a shift to a held pose, the first rep is timed from there.
    const awayMs = t - (this.held.active && this.held.out ? this.held.startMs : this.startMs);
    return awayMs > longestMs || this.excursion.peakDeg > 1.5 * this.s.maxPeakDeg;
  }

  /**
   * Back and still, since startMs, at the rest pose an excursion was given up from: that is the rest
   * pose again, and the excursion was a rep held longer than reps take if it was the size of the
   * person's reps (see HELD_REP_PEAK_SHARE) and turned their way.
   */
  private backFromGivenUp(endMs: number, t: number, out: MotionEvent[]): void {
    const g = this.givenUp;
    g.active = false;
    setUnit(this.rest, g.rest.x, g.rest.y, g.rest.z);
    this.startMs = g.startMs;
    this.excursion.copy(g.excursion);
    this.pending.length = 0;
    const theirSize =
      this.peaks.count > 0 && g.excursion.peakDeg <= HELD_REP_PEAK_SHARE * this.peaks.median(0);
    if (theirSize) {
      this.finish(endMs, t, out, true);
    } else {
      this.state = 'rest';
      this.held.clear();
    }
    this.lastBelowLoMs = t;
  }

  /**
   * Where the torso, out of the rest pose, has come to a stop: 'back', most of the way back from the
   * top; 'moved', before the person's first rep, far beyond where a rep goes (see MOVED_POSE_SHARE);
   * null while it moves, or elsewhere.
   */
  private stoppedOut(
    t: number,
    angle: number,
    gx: number,
    gy: number,
    gz: number,
    motionG: number,
  ): 'back' | 'moved' | null {
    const p = this.excursion.peak;
    const fromTop = angleDeg(gx, gy, gz, p.x, p.y, p.z);
    const back =
      fromTop >= SETTLED_RETURN_SHARE * this.excursion.peakDeg &&
      angle <= SETTLED_RETURN_SHARE * this.excursion.peakDeg;
    const moved =
      !back &&
      this.peaks.count === 0 &&
      angle >= MOVED_POSE_SHARE * this.s.expectedPeakDeg * this.tuning.rangeScale;
    if (!back && !moved) {
      this.settling.reset();
      return null;
    }
    if (!this.stillAt(t, gx, gy, gz, motionG, SETTLED_BAND_DEG)) return null;
    return back ? 'back' : 'moved';
  }

  /** Whether the torso has stayed within a small band (around the settle point) for a moment, moving little. */
  private stillAt(
    t: number,
    gx: number,
    gy: number,
    gz: number,
    motionG: number,
    bandDeg: number,
    forMs = SETTLED_MS,
  ): boolean {
    return this.settling.update(t, t - this.prevT, gx, gy, gz, motionG, bandDeg, forMs);
  }

  private restAtSettle(): void {
    this.settling.meanInto(this.rest);
    this.settling.reset();
  }

  /** Past this angle from the rest pose an excursion has begun. */
  private hiDeg(typicalPeakDeg: number): number {
    return Math.max(this.s.minHiDeg * this.tuning.rangeScale, this.s.hiFrac * typicalPeakDeg);
  }

  /** Below this angle from the rest pose the torso is back at rest. */
  private loDeg(typicalPeakDeg: number): number {
    return Math.max(this.s.minLoDeg * this.tuning.rangeScale, this.s.loFrac * typicalPeakDeg);
  }

  /** The smallest excursion that is a rep: a share of this person's, or the first-rep minimum. */
  private minPeakDeg(): number {
    return this.peaks.count > 0
      ? MIN_PEAK_SHARE * this.peaks.median(0)
      : this.s.firstRepMinDeg * this.tuning.rangeScale;
  }

  /** The excursion is over: a rep if it looks like this person's reps. */
  private finish(endMs: number, emittedMs: number, out: MotionEvent[], overlong = false): void {
    this.state = 'rest';
    this.held.clear();
    const s = this.s;
    if (this.excursion.peakDeg > s.maxPeakDeg || this.excursion.peakDeg < this.minPeakDeg()) return;
    const durationMs = endMs - this.startMs;
    const times: RepTimes = {
      durationMs,
      aboveMs: this.excursion.aboveMs,
      plateauMs: this.excursion.plateauMs,
    };
    const known = this.peaks.count > 0;
    if (!known && !this.tookAnyRepsTime(times)) return;
    // The turn of this excursion, in the plane perpendicular to the rest pose.
    const r = this.rest;
    const p = this.excursion.peak;
    const along = p.x * r.x + p.y * r.y + p.z * r.z;
    const dir = vec();
    setUnit(dir, p.x - along * r.x, p.y - along * r.y, p.z - along * r.z);
    const rep: Candidate = {
      dir,
      startMs: this.startMs,
      endMs,
      peakDeg: this.excursion.peakDeg,
      overlong,
      ...times,
    };
    if (known && !this.tookTheirTime(times)) {
      this.quickerThanTheirs(rep, emittedMs, out);
      return;
    }
    this.quick = null;
    if (!known && !this.firstRepShown(rep, emittedMs, out)) return;
    const fits = s.sided ? this.matchesRecentRep(dir) : this.alignedWithReps(dir);
    if (fits) {
      // Bird dog alternates: the other side's reps come between two of one side.
      if (!s.sided) this.misfit = null;
      this.accept(rep, emittedMs, out);
      return;
    }
    const m = this.misfit;
    if (!m || dot(m.dir, dir) < MIN_ALIGNMENT) {
      this.misfit = rep;
      return;
    }
    // Two reps in a row that agree with each other and not with what was learned: the reps learned
    // from were not this person's (a last shuffle into position, a fidget). Learn afresh from these.
    this.forgetReps();
    this.misfit = null;
    this.accept(m, emittedMs, out);
    this.accept(rep, emittedMs, out);
  }

  /**
   * An excursion quicker than the person's usual reps is a wobble, unless their usual was learned
   * wrong: a first rep that took in a shift before it lasts far longer than their reps do. Two in a
   * row that are each a clear rep by the profile's own measure, and alike, show that: learn afresh
   * from them.
   */
  private quickerThanTheirs(rep: Candidate, emittedMs: number, out: MotionEvent[]): void {
    const clear =
      rep.peakDeg >= this.s.firstRepMinDeg * this.tuning.rangeScale && this.tookFirstRepsTime(rep);
    if (!clear) return;
    const q = this.quick;
    if (!q || !this.alike(q, rep)) {
      this.quick = rep;
      return;
    }
    this.forgetReps();
    this.quick = null;
    this.misfit = null;
    this.accept(q, emittedMs, out);
    this.accept(rep, emittedMs, out);
  }

  /**
   * Once the person's reps are known, an excursion must take a share of their usual times: out and
   * back, and above the entry level. The pace changes theirs and this one's alike. (The pause at
   * the top varies too much from rep to rep to tell a rep from a wobble.)
   */
  private tookTheirTime(t: RepTimes): boolean {
    if (this.durations.count === 0) return this.tookAnyRepsTime(t);
    return (
      t.durationMs >= MIN_DURATION_SHARE * this.durations.median(0) &&
      t.aboveMs >= MIN_ABOVE_SHARE * this.aboves.median(0)
    );
  }

  /** Before any rep is known: not as quick as a shift of weight that goes out and straight back. */
  private tookAnyRepsTime(t: RepTimes): boolean {
    const s = this.s;
    return (
      t.durationMs >= QUICK_SHARE * s.firstRepMinMs &&
      t.aboveMs >= QUICK_SHARE * s.minAboveMs &&
      t.plateauMs >= QUICK_SHARE * s.minPlateauMs
    );
  }

  /**
   * Whether the first rep is shown to be one. A first excursion as large as the profile's first rep
   * and taking its times counts at once. One smaller or quicker (a cautious or brisk person, or a
   * shift of weight) waits: when a later one is alike in size, pace and direction, both are the
   * person's first reps (the pace changes both alike) and count together; one never matched was a
   * shift. One that took a rep's full time is also shown by a clear rep that turns the same way: a
   * cautious first rep. The last two wait, so that a stray move between two small first reps does
   * not part them.
   */
  private firstRepShown(rep: Candidate, emittedMs: number, out: MotionEvent[]): boolean {
    const clear = rep.peakDeg >= this.typicalPeakDeg() && this.tookFirstRepsTime(rep);
    // A cautious first rep: smaller, but as slow as a rep and turning the same way as a clear one.
    const match = this.pending.findLast(
      (p) => this.alike(p, rep) || (clear && this.tookFirstRepsTime(p) && this.sameWay(p, rep)),
    );
    if (match || clear) {
      this.pending.length = 0;
      if (match) this.accept(match, emittedMs, out);
      return true;
    }
    this.pending.push(rep);
    if (this.pending.length > PENDING_FIRST_REPS) this.pending.shift();
    return false;
  }

  private tookFirstRepsTime(t: RepTimes): boolean {
    const s = this.s;
    return t.durationMs >= s.firstRepMinMs && t.aboveMs >= s.minAboveMs && t.plateauMs >= s.minPlateauMs;
  }

  private sameWay(a: Candidate, b: Candidate): boolean {
    return this.s.sided || dot(a.dir, b.dir) >= MIN_ALIGNMENT;
  }

  /** Two excursions alike: sizes within a factor of two, durations closer, turning the same way. */
  private alike(a: Candidate, b: Candidate): boolean {
    const ratio = (x: number, y: number) => Math.min(x, y) / Math.max(x, y);
    return (
      ratio(a.peakDeg, b.peakDeg) >= ALIKE_PEAK_SHARE &&
      ratio(a.durationMs, b.durationMs) >= ALIKE_DURATION_SHARE &&
      this.sameWay(a, b)
    );
  }

  /** Counts a rep and learns from it. */
  private accept(rep: Candidate, emittedMs: number, out: MotionEvent[]): void {
    // Reps from the pose taken since show it is the rest pose: the one given up is no way back.
    this.givenUp.active = false;
    const side = this.s.sided ? this.sideOf(rep.dir) : undefined;
    this.learn(rep.dir, side, rep);
    const peakDeg = Math.round(rep.peakDeg * 10) / 10;
    const base = { type: 'rep', tMs: rep.endMs, emittedMs, startMs: rep.startMs, peakDeg } as const;
    const form = this.formOf(rep, emittedMs);
    if (form) out.push(form);
    out.push(side ? { ...base, side } : base);
  }

  private forgetReps(): void {
    this.peaks.clear();
    this.durations.clear();
    this.aboves.clear();
    this.recentDirs.length = 0;
    for (const v of [this.repDir, this.pitchSum]) {
      v.x = 0;
      v.y = 0;
      v.z = 0;
    }
    this.lastSide = null;
  }

  private alignedWithReps(dir: Vec): boolean {
    const a = this.repDir;
    const n = norm3(a.x, a.y, a.z);
    if (n === 0) return true;
    return (dir.x * a.x + dir.y * a.y + dir.z * a.z) / n >= MIN_ALIGNMENT;
  }

  /**
   * Which arm this bird-dog rep extended. With the spine known, the side the turn goes to: the torso
   * rolls towards the supporting hand, so "up" turns towards the extended arm. Without it, the
   * handedness of (rest pose, common pitch, this turn) gives the side; before the pitch is known,
   * reps alternate from the side the coach asks for first.
   */
  private sideOf(dir: Vec): Side {
    const r = this.rest;
    const spine = this.spine;
    if (spine) {
      // "Up" lying on hands and knees points out of the back: up × head is the person's left.
      const toLeft =
        dir.x * (r.y * spine[2] - r.z * spine[1]) +
        dir.y * (r.z * spine[0] - r.x * spine[2]) +
        dir.z * (r.x * spine[1] - r.y * spine[0]);
      if (toLeft !== 0) return toLeft > 0 ? 'left' : 'right';
    }
    const p = this.pitchSum;
    const reps = this.peaks.count;
    // Sum of the unit turns so far and this one: the rolls of opposite sides cancel, the pitch adds up.
    const px = p.x + dir.x;
    const py = p.y + dir.y;
    const pz = p.z + dir.z;
    const det =
      r.x * (py * dir.z - pz * dir.y) - r.y * (px * dir.z - pz * dir.x) + r.z * (px * dir.y - py * dir.x);
    let side: Side;
    if (reps >= 1 && norm3(px, py, pz) >= MIN_PITCH_SHARE * (reps + 1) && det !== 0) {
      side = det > 0 ? 'left' : 'right';
    } else {
      side = this.lastSide === null ? this.s.firstSide : this.lastSide === 'left' ? 'right' : 'left';
    }
    return side;
  }

  /**
   * Bird dog repeats two movements, one per side: from the third rep on, a turn must resemble one
   * of the recent reps. (The second may mirror the first, so it is judged by size and time alone.)
   */
  private matchesRecentRep(dir: Vec): boolean {
    const recent = this.recentDirs;
    if (recent.length < 2) return true;
    return recent.some((d) => dir.x * d.x + dir.y * d.y + dir.z * d.z >= MIN_SIDED_ALIGNMENT);
  }

  private learn(dir: Vec, side: Side | undefined, rep: Candidate): void {
    this.peaks.push(rep.peakDeg);
    if (!rep.overlong) {
      this.durations.push(rep.durationMs);
      this.aboves.push(rep.aboveMs);
    }
    const a = this.repDir;
    a.x += dir.x;
    a.y += dir.y;
    a.z += dir.z;
    if (side) {
      this.recentDirs.push(dir);
      if (this.recentDirs.length > RECENT_SIDED_REPS) this.recentDirs.shift();
      this.pitchSum.x += dir.x;
      this.pitchSum.y += dir.y;
      this.pitchSum.z += dir.z;
      this.lastSide = side;
    }
  }

  /**
   * The form problem of a rep, told once the rep is done: an excursion that goes on past the band
   * (getting up, rolling out of the tabletop to stand) is no rep and no fault of form.
   */
  private formOf(rep: Candidate, emittedMs: number): MotionEvent | null {
    const s = this.s;
    const base = { type: 'form', tMs: rep.endMs, emittedMs } as const;
    if (s.overExtensionDeg !== undefined && rep.peakDeg > s.overExtensionDeg)
      return { ...base, issue: 'over-extension' };
    if (s.tabletopLostDeg !== undefined && rep.peakDeg > s.tabletopLostDeg)
      return { ...base, issue: 'tabletop-lost' };
    return null;
  }
}
