// Whether the person is in the position an exercise starts in, judged from posture readings as
// they come: in it and still for about a second ("In position. Go."), still in another position
// for a few seconds (said out loud), or neither (getting into position, or gone from it). The
// session starts the set, warns, or ends the set by these; the detectors count regardless, and
// what they count before the person is in position is not the set's.

import { angleDeg } from './filters.ts';
import type { Posture, PostureReading } from './posture.ts';

export type PositionStatus = 'in' | 'wrong' | 'away';

export interface PositionEvent {
  readonly type: 'position';
  /**
   * in: in the exercise's position and still; wrong: still in another position; away: neither
   * (moving into position, or, after `in`, turned well out of it: got up).
   */
  readonly status: PositionStatus;
  /** The posture seen, or null where the sensor cannot tell (stillness alone decides then). */
  readonly posture: Posture | null;
  /** When it began: for `in`, when the person was first in position and still. */
  readonly tMs: number;
  /** The data time at which it was judged. */
  readonly emittedMs: number;
}

/** Still in the exercise's posture this long is in position ("about a second"). */
export const IN_POSITION_MS = 1000;
/** Still in another posture this long is the wrong position (long enough to settle, then say so). */
export const WRONG_POSITION_MS = 3000;
/**
 * A set has just been announced: the person listens to where to lie (up to ten seconds of speech
 * for a new exercise) and then gets there. Until this long after it fell due, lying as the last
 * exercise left them is not yet a wrong position, and saying so would talk over the instructions.
 */
export const HEAR_AND_MOVE_MS = 10_000;
/**
 * Standing or sitting when a floor exercise is due is where everyone starts from, and the person is
 * listening to what to do: it is the wrong position only once they have stayed so this long.
 */
export const STILL_UPRIGHT_MS = 10_000;
// Out of position = the torso turned this far from where it was when in position, for this long: a
// bridge or a superman lifts 35° at most; sitting or standing up turns it 60–90°.
const LEFT_TURN_DEG = 50;
const LEFT_FOR_MS = 1000;
// A wrong position is over once the person has moved this long (turning over takes longer).
const MOVED_FOR_MS = 1000;

export class PositionJudge {
  private status: PositionStatus = 'away';
  private wrongPosture: Posture | null = null;
  // Gravity's direction when the person came into position: leaving is measured from it.
  private inX = 0;
  private inY = 0;
  private inZ = 1;
  private turnedSinceMs = Number.NaN;
  private movingSinceMs = Number.NaN;
  // The first reading: a person already in position counts from before it, a wrong one only after
  // (they have just been asked to move).
  private firstMs = Number.NaN;

  /** `required`: the exercise's starting posture; null for an exercise with none (any still pose). */
  constructor(private readonly required: Posture | null) {}

  /** The reading after the latest samples; returns the event it makes, if any. */
  update(r: PostureReading): PositionEvent | null {
    if (Number.isNaN(r.tMs)) return null;
    if (Number.isNaN(this.firstMs)) this.firstMs = r.tMs;
    this.movingSinceMs = r.still ? Number.NaN : Number.isNaN(this.movingSinceMs) ? r.tMs : this.movingSinceMs;
    switch (this.status) {
      case 'in':
        return this.whileIn(r);
      case 'wrong':
        return this.enter(r) ?? this.whileWrong(r);
      case 'away':
        return this.enter(r);
    }
  }

  /** In position, or (still long enough elsewhere) in the wrong one. */
  private enter(r: PostureReading): PositionEvent | null {
    if (!r.still) return null;
    const judged = !r.sensesPosture || this.required === null;
    if (!judged && r.posture === null) return null;
    const since = judged ? r.stillSinceMs : Math.max(r.stillSinceMs, r.postureSinceMs);
    const held = r.tMs - since;
    if (judged || r.posture === this.required) {
      if (held < IN_POSITION_MS) return null;
      this.status = 'in';
      this.wrongPosture = null;
      this.inX = r.upX;
      this.inY = r.upY;
      this.inZ = r.upZ;
      this.turnedSinceMs = Number.NaN;
      return this.event('in', r.posture, since, r.tMs);
    }
    const wrongAfterMs = r.posture === 'upright' ? STILL_UPRIGHT_MS : WRONG_POSITION_MS;
    const tooSoon =
      r.tMs - Math.max(since, this.firstMs) < wrongAfterMs || r.tMs - this.firstMs < HEAR_AND_MOVE_MS;
    if (tooSoon || r.posture === this.wrongPosture) return null;
    this.status = 'wrong';
    this.wrongPosture = r.posture;
    return this.event('wrong', r.posture, since, r.tMs);
  }

  private whileWrong(r: PostureReading): PositionEvent | null {
    const movedAway = !Number.isNaN(this.movingSinceMs) && r.tMs - this.movingSinceMs >= MOVED_FOR_MS;
    if (r.posture === this.wrongPosture && !movedAway) return null;
    this.status = 'away';
    this.wrongPosture = null;
    return this.event('away', r.posture, movedAway ? this.movingSinceMs : r.postureSinceMs, r.tMs);
  }

  private whileIn(r: PostureReading): PositionEvent | null {
    // Without posture (a watch) there is no telling that the person got up: the set ends otherwise.
    if (!r.sensesPosture || this.required === null) return null;
    const turned = angleDeg(r.upX, r.upY, r.upZ, this.inX, this.inY, this.inZ) > LEFT_TURN_DEG;
    if (!turned || r.posture === this.required) {
      this.turnedSinceMs = Number.NaN;
      return null;
    }
    if (Number.isNaN(this.turnedSinceMs)) this.turnedSinceMs = r.tMs;
    if (r.tMs - this.turnedSinceMs < LEFT_FOR_MS) return null;
    this.status = 'away';
    return this.event('away', r.posture, this.turnedSinceMs, r.tMs);
  }

  private event(
    status: PositionStatus,
    posture: Posture | null,
    tMs: number,
    emittedMs: number,
  ): PositionEvent {
    return { type: 'position', status, posture, tMs, emittedMs };
  }
}
