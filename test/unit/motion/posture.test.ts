import { describe, expect, it } from 'vitest';
import { angleDeg } from '../../../src/motion/filters.ts';
import { type PostureReading, PostureTracker } from '../../../src/motion/posture.ts';
import type { AccelFrame, Placement } from '../../../src/sensors/samples.ts';
import { toSensorFrame } from '../../../src/sensors/virtual/rotation.ts';
import { POSE, type PoseStep, poses, STANDING } from './poses.ts';
import { type SynthOptions, synthFrames, type Vec3 } from './synth.ts';

/** The reading after every frame. */
function track(frames: readonly AccelFrame[], placement: Placement = 'chest'): PostureReading[] {
  const tracker = new PostureTracker(placement);
  return frames.map((f) => tracker.push(f));
}

function readingAt(readings: readonly PostureReading[], tS: number): PostureReading {
  const found = readings.find((r) => r.tMs >= tS * 1000);
  if (!found) throw new Error(`no reading at ${tS} s`);
  return found;
}

function person(steps: PoseStep[], durationS: number, extra: Partial<SynthOptions> = {}): AccelFrame[] {
  return synthFrames({ up: STANDING, angles: poses(steps), durationS, rateHz: 50, noiseG: 0.008, ...extra });
}

// Straps worn any way about the chest's axis, tilted up to 30° off it: [about x, about y, about z].
const MOUNTS: Vec3[] = [
  [0, 0, 0],
  [0, 0, 180],
  [25, 0, 95],
  [-20, 20, 250],
  [0, -30, 40],
  [15, 15, 315],
];

describe('posture from a chest strap', () => {
  it.each(MOUNTS)(
    'tells face down, face up and upright however the strap is turned (mount %s°, %s°, %s°)',
    (...mount) => {
      const frames = person(
        [
          { atS: 0, pose: POSE.standing },
          { atS: 5, pose: POSE.faceDown },
          { atS: 12, pose: POSE.standing },
          { atS: 19, pose: POSE.faceUp },
        ],
        26,
        { mount },
      );
      const readings = track(frames);
      expect(readingAt(readings, 4).posture).toBe('upright');
      expect(readingAt(readings, 10).posture).toBe('face-down');
      expect(readingAt(readings, 17).posture).toBe('upright');
      expect(readingAt(readings, 25).posture).toBe('face-up');
    },
  );

  it('keeps a plank, a superman lift and a bridge in their posture, edges included', () => {
    // A plank 13° head up, a lift of 25° more, through a strap tilted 25° the unlucky way.
    const frames = person(
      [
        { atS: 0, pose: POSE.faceDown },
        { atS: 3, pose: { pitch: -77, roll: 0 } },
        { atS: 6, pose: { pitch: -52, roll: 0 }, turnS: 1 },
        { atS: 8, pose: POSE.faceDown },
      ],
      12,
      { mount: [-25, 0, 60] },
    );
    const readings = track(frames);
    expect(readings.slice(10).every((r) => r.posture === 'face-down')).toBe(true);
    const bridge = track(
      person(
        [
          { atS: 0, pose: POSE.faceUp },
          { atS: 3, pose: { pitch: 55, roll: 0 }, turnS: 1.3 },
          { atS: 8, pose: POSE.faceUp, turnS: 1.4 },
        ],
        12,
        { mount: [25, 0, 200] },
      ),
    );
    expect(bridge.slice(10).every((r) => r.posture === 'face-up')).toBe(true);
  });

  it('learns the spine from standing still, then tells lying on the side from sitting up', () => {
    const frames = person(
      [
        { atS: 0, pose: POSE.standing },
        { atS: 5, pose: POSE.side },
        { atS: 12, pose: POSE.hunched },
        { atS: 18, pose: POSE.side },
      ],
      25,
      { mount: [10, -20, 130] },
    );
    const readings = track(frames);
    expect(readingAt(readings, 1).spine).toBeNull();
    // The spine it learned points to the head, in the strap's axes.
    const spine = readingAt(readings, 4).spine;
    const head = toSensorFrame(STANDING, { aboutXDeg: 10, aboutYDeg: -20, aboutZDeg: 130 });
    expect(spine).not.toBeNull();
    if (spine) expect(angleDeg(...spine, ...head)).toBeLessThan(3);
    expect(readingAt(readings, 4).posture).toBe('upright');
    expect(readingAt(readings, 10).posture).toBe('side');
    expect(readingAt(readings, 16).posture).toBe('upright');
    expect(readingAt(readings, 24).posture).toBe('side');
  });

  it('takes the spine from walking over a guess made lying on the side', () => {
    // Lying on the side from the start looks like standing to a strap that knows nothing yet;
    // walking is upright for sure, and from then on the side is the side.
    const walkBounce = (tS: number) => (tS > 8 && tS < 16 ? 0.25 * Math.sin(2 * Math.PI * 1.9 * tS) : 0);
    const angles = poses([
      { atS: 0, pose: POSE.side },
      { atS: 5, pose: POSE.standing },
      { atS: 18, pose: POSE.side },
    ]);
    const frames = synthFrames({ up: STANDING, angles, durationS: 25, rateHz: 50, noiseG: 0.008 });
    // The bounce of each step, along gravity.
    for (const f of frames) {
      for (let i = 0; i < f.xyz.length / 3; i++) {
        const tS = (f.t0Ms + i * f.dtMs) / 1000;
        const b = walkBounce(tS);
        const n = Math.hypot(f.xyz[3 * i], f.xyz[3 * i + 1], f.xyz[3 * i + 2]);
        for (let c = 0; c < 3; c++) f.xyz[3 * i + c] *= 1 + b / n;
      }
    }
    const readings = track(frames);
    expect(readingAt(readings, 4).posture).toBe('upright');
    expect(readingAt(readings, 12).still).toBe(false);
    expect(readingAt(readings, 17).posture).toBe('upright');
    expect(readingAt(readings, 24).posture).toBe('side');
  });

  it('is still through breathing and a plank tremor, moving through a turn or a walk', () => {
    const frames = person(
      [
        { atS: 0, pose: POSE.faceDown },
        { atS: 6, pose: POSE.standing, turnS: 3 },
      ],
      12,
    );
    // An 8 Hz tremor of 0.03 g on top of a 0.6° breath: still.
    for (const f of frames) {
      for (let i = 0; i < f.xyz.length / 3; i++) {
        const tS = (f.t0Ms + i * f.dtMs) / 1000;
        f.xyz[3 * i + 2] += 0.03 * Math.sin(2 * Math.PI * 8 * tS) + 0.01 * Math.sin(2 * Math.PI * 0.25 * tS);
      }
    }
    const readings = track(frames);
    const still = readingAt(readings, 5);
    expect(still.still).toBe(true);
    expect(still.stillSinceMs).toBeLessThan(1000);
    expect(readingAt(readings, 7.5).still).toBe(false);
    expect(readingAt(readings, 7.5).stillSinceMs).toBeNaN();
    const settled = readingAt(readings, 11.5);
    expect(settled.still).toBe(true);
    // Stillness is dated back to when the turn ended, give or take the filters' lag.
    expect(settled.stillSinceMs / 1000).toBeGreaterThan(8.8);
    expect(settled.stillSinceMs / 1000).toBeLessThan(9.8);
  });

  it('gives the same reading whether the samples come in one frame or many, at 4.6 Hz or 200 Hz', () => {
    const steps = [
      { atS: 0, pose: POSE.standing },
      { atS: 4, pose: POSE.faceUp },
    ];
    const many = track(person(steps, 10, { frameSize: 3 }));
    const one = track(person(steps, 10, { frameSize: 10_000 }));
    expect(one).toHaveLength(1);
    // The same arithmetic in another order: the gravity and spine directions agree to rounding.
    const withoutDirections = ({ upX: _x, upY: _y, upZ: _z, spine: _s, ...rest }: PostureReading) => rest;
    const last = many.at(-1)!;
    expect(withoutDirections(one[0])).toEqual(withoutDirections(last));
    expect(one[0].upX).toBeCloseTo(last.upX, 9);
    expect(one[0].upY).toBeCloseTo(last.upY, 9);
    expect(one[0].upZ).toBeCloseTo(last.upZ, 9);
    expect(last.spine).not.toBeNull();
    for (const [i, c] of (last.spine ?? []).entries()) expect(one[0].spine?.[i]).toBeCloseTo(c, 9);
    const sparse = track(person(steps, 10, { rateHz: 4.6, frameSize: 1, jitter: 0.5 }));
    const fast = track(person(steps, 10, { rateHz: 200, gaps: [[7, 7.5]] }));
    for (const readings of [sparse, fast]) {
      expect(readings.at(-1)?.posture).toBe('face-up');
      expect(readings.at(-1)?.still).toBe(true);
    }
  });

  it('a watch or the phone tells stillness only', () => {
    const readings = track(person([{ atS: 0, pose: POSE.faceDown }], 5), 'wrist');
    const last = readings.at(-1)!;
    expect(last.sensesPosture).toBe(false);
    expect(last.posture).toBeNull();
    expect(last.still).toBe(true);
  });
});
