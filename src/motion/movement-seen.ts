// A +1 says the detectors missed a rep: the person moved, and nothing was counted. Only then does it
// tell the counter how far this person moves. A +1 tapped while the device saw the person lie still
// (a tap in the seconds after the set began, before any movement) or while it saw nothing at all (out
// of reach) makes up for no movement the detectors had, and must not teach them to count smaller ones.
// So the app keeps, for the set under way, the excursions the device that counts it saw: the torso
// turned away from the pose it rested in and back, as a rep does, and which of them the detectors
// counted.

import { angleDeg } from './filters.ts';

/**
 * A turn from the rest pose smaller than this share of the range the counter expects of the person
 * is no rep it could miss: breathing and the reach to a phone on the floor turn the chest by a few
 * degrees, a rep through half the range (the undercount a +1 puts right) by half of it.
 */
export const MOVED_SHARE = 0.3;
// Back within this share of the least turn, the excursion is over.
const BACK_SHARE = 0.6;
// Still within this band this long is a pose held: at rest, the pose the next excursion leaves (the
// person settles by a degree or two between reps); out, a new pose the person moved into (lying down
// after a set begun by hand), no rep, where it is further than any rep goes (this many times the
// least turn: three times the range expected) or held longer than any rep holds its top (a glute
// bridge's 5 s).
const STILL_BAND_DEG = 1.5;
const REST_STILL_MS = 1500;
const NEW_POSE_TURNS = 10;
const NEW_POSE_STILL_MS = 8000;
/**
 * Around a counted rep, as the detectors date it (from leaving the rest pose to being back within a
 * share of its peak), the torso is still on its way out or back: that movement is the rep's.
 */
const REP_MARGIN_MS = 1000;

/** What the device saw of the person between two moments of a set. */
export type SeenBetween = 'moved' | 'still' | 'unseen';

type Direction = readonly [number, number, number];
const turnDeg = (a: Direction, b: Direction) => angleDeg(a[0], a[1], a[2], b[0], b[1], b[2]);

interface Span {
  readonly fromMs: number;
  readonly toMs: number;
}

export class MovementSeen {
  private readonly times: number[] = [];
  private readonly directions: Direction[] = [];
  private readonly excursions: Span[] = [];
  private readonly reps: Span[] = [];
  private rest: Direction | null = null;
  private outSinceMs: number | null = null;
  private stillAt: Direction | null = null;
  private stillSinceMs = 0;

  /**
   * `floorDeg`: the least turn from the rest pose that is movement (see MOVED_SHARE); null where
   * nothing tells what a rep of the exercise is (a hold, a breath), and no movement is told.
   */
  constructor(private readonly floorDeg: number | null) {}

  /** The direction of gravity the device saw at `tMs` (session clock), the set running. */
  see(tMs: number, x: number, y: number, z: number): void {
    const last = this.times.at(-1);
    if (last !== undefined && tMs <= last) return;
    const now: Direction = [x, y, z];
    this.times.push(tMs);
    this.directions.push(now);
    if (this.floorDeg === null) return;
    if (!this.stillAt || turnDeg(this.stillAt, now) > STILL_BAND_DEG) {
      this.stillAt = now;
      this.stillSinceMs = tMs;
    }
    const stillMs = tMs - this.stillSinceMs;
    this.rest ??= now;
    const turn = turnDeg(this.rest, now);
    if (this.outSinceMs === null) {
      if (turn >= this.floorDeg) this.outSinceMs = tMs;
      else if (stillMs >= REST_STILL_MS) this.rest = now;
      return;
    }
    if (turn < BACK_SHARE * this.floorDeg) {
      this.excursions.push({ fromMs: this.outSinceMs, toMs: tMs });
      this.outSinceMs = null;
    } else if (
      stillMs >= NEW_POSE_STILL_MS ||
      (stillMs >= REST_STILL_MS && turn >= NEW_POSE_TURNS * this.floorDeg)
    ) {
      this.rest = now;
      this.outSinceMs = null;
    }
  }

  /** A rep the detectors counted, its movement from `startMs` to `endMs`. */
  counted(startMs: number, endMs: number): void {
    this.reps.push({ fromMs: startMs - REP_MARGIN_MS, toMs: endMs + REP_MARGIN_MS });
  }

  /**
   * Whether, from `fromMs` to `toMs`, the device saw the torso go out from its rest pose by the least
   * turn and back, in no rep it counted ('moved'); saw it and no such excursion ('still'); or saw
   * nothing of it ('unseen': no reading came, the device out of reach or none feeding this, or
   * nothing tells what a rep is).
   */
  between(fromMs: number, toMs: number): SeenBetween {
    if (this.floorDeg === null) return 'unseen';
    const missed = this.excursions.some(
      (e) =>
        e.toMs >= fromMs &&
        e.fromMs <= toMs &&
        !this.reps.some((r) => r.fromMs <= e.toMs && e.fromMs <= r.toMs),
    );
    if (missed) return 'moved';
    return this.times.some((t) => t >= fromMs && t <= toMs) ? 'still' : 'unseen';
  }

  /**
   * How far the torso was turned (degrees) at `atMs`, the last reading by then, from where it was at
   * `fromMs`, the first reading from then; null where the device saw neither.
   */
  turnedDeg(fromMs: number, atMs: number): number | null {
    const from = this.times.findIndex((t) => t >= fromMs);
    const at = this.times.findLastIndex((t) => t <= atMs);
    if (from < 0 || at < from) return null;
    return turnDeg(this.directions[from]!, this.directions[at]!);
  }
}
