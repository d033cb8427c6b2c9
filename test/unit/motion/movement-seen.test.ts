import { describe, expect, it } from 'vitest';
import { MovementSeen } from '../../../src/motion/movement-seen.ts';

/** The torso pitched `deg` from lying flat: gravity's direction in the strap's axes. */
const pitched = (deg: number) =>
  [0, Math.sin((deg * Math.PI) / 180), Math.cos((deg * Math.PI) / 180)] as const;

/** Readings every 100 ms from `fromMs` to `toMs`, the torso at `degAt(t)`. */
function seeFor(movement: MovementSeen, fromMs: number, toMs: number, degAt: (tMs: number) => number) {
  for (let t = fromMs; t <= toMs; t += 100) movement.see(t, ...pitched(degAt(t)));
}

/** A lift to `deg` from `fromMs` and back by `toMs`. */
const lift = (fromMs: number, toMs: number, deg: number) => (t: number) =>
  t < fromMs || t > toMs ? 0 : deg * Math.sin(((t - fromMs) / (toMs - fromMs)) * Math.PI);

// A superman's least movement: 30% of the 16° the counter expects.
const FLOOR_DEG = 4.8;

describe('what the device counting a set saw of the person', () => {
  it('a person lying still has not moved, breathing a degree or two', () => {
    const movement = new MovementSeen(FLOOR_DEG);
    seeFor(movement, 0, 3000, (t) => 1.5 * Math.sin(t / 700));
    expect(movement.between(0, 3000)).toBe('still');
  });

  it('a lift through half the range and back, counted by nothing, is movement; one the detectors counted is not', () => {
    const movement = new MovementSeen(FLOOR_DEG);
    seeFor(movement, 0, 8000, lift(2000, 6000, 9));
    expect(movement.between(0, 8000)).toBe('moved');
    expect(movement.between(0, 2500)).toBe('still');
    movement.counted(2000, 6000);
    expect(movement.between(0, 8000)).toBe('still');
  });

  it('a move into another pose, never back, is no rep: the lifts from there are', () => {
    const movement = new MovementSeen(FLOOR_DEG);
    // Sitting (90° from lying) when the set began by hand, lying down at 1 s, still there for 2 s.
    seeFor(movement, 0, 5000, (t) => (t < 1000 ? 90 : t < 3000 ? 90 - (90 * (t - 1000)) / 2000 : 0));
    expect(movement.between(0, 5000)).toBe('still');
    seeFor(movement, 5100, 10_000, lift(6000, 9000, 9));
    expect(movement.between(5000, 10_000)).toBe('moved');
  });

  it('nothing seen where no reading came', () => {
    const movement = new MovementSeen(FLOOR_DEG);
    seeFor(movement, 0, 1000, () => 0);
    expect(movement.between(2000, 5000)).toBe('unseen');
  });
});

describe('how far the torso was turned at a moment from where it was', () => {
  it('reads the last reading by then against the first from the start', () => {
    const movement = new MovementSeen(null);
    seeFor(movement, 0, 10_000, (t) => (t < 6000 ? 12 : 7));
    expect(movement.turnedDeg(3000, 5000)).toBeCloseTo(0, 5);
    expect(movement.turnedDeg(3000, 8000)).toBeCloseTo(5, 5);
    expect(movement.turnedDeg(11_000, 12_000)).toBeNull();
  });

  it('tells no movement where nothing tells what a rep of the exercise is', () => {
    const movement = new MovementSeen(null);
    seeFor(movement, 0, 8000, lift(2000, 6000, 9));
    expect(movement.between(0, 8000)).toBe('unseen');
  });
});
