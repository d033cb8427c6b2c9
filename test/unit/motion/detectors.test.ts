import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { MotionEvent, RepEvent } from '../../../src/motion/events.ts';
import {
  createMotionDetector,
  detectMotion,
  type MotionProfileId,
  NEUTRAL_TUNING,
  PostureTracker,
  type SpineDirection,
} from '../../../src/motion/index.ts';
import type { AccelFrame, Placement } from '../../../src/sensors/samples.ts';
import { repShape, type SynthOptions, synthFrames, type Vec3 } from './synth.ts';

const PRONE: Vec3 = [0, 0, -1];
const SUPINE: Vec3 = [0, 0, 1];

function run(profile: MotionProfileId, frames: AccelFrame[], placement: Placement = 'chest'): MotionEvent[] {
  const detector = createMotionDetector(profile, placement);
  return frames.flatMap((f) => [...detector.push(f)]);
}

const reps = (events: MotionEvent[]) => events.filter((e): e is RepEvent => e.type === 'rep');

/** n reps of the given shape, starting after a still lead-in; returns the angles and true rep ends. */
function repeated(
  n: number,
  peak: { pitch: number; roll: number } | ((i: number) => { pitch: number; roll: number }),
  timing = { leadS: 3, riseS: 1, topS: 1, lowerS: 1, pauseS: 1.2 },
): { angles: SynthOptions['angles']; endsS: number[]; durationS: number } {
  const period = timing.riseS + timing.topS + timing.lowerS + timing.pauseS;
  const peakOf = typeof peak === 'function' ? peak : () => peak;
  const endsS = Array.from({ length: n }, (_, i) => timing.leadS + i * period + period - timing.pauseS);
  return {
    endsS,
    durationS: timing.leadS + n * period + 2,
    angles: (t) => {
      const i = Math.floor((t - timing.leadS) / period);
      if (i < 0 || i >= n) return { pitch: 0, roll: 0 };
      const k = repShape(t, timing.leadS + i * period, timing.riseS, timing.topS, timing.lowerS);
      const p = peakOf(i);
      return { pitch: p.pitch * k, roll: p.roll * k };
    },
  };
}

describe('superman reps', () => {
  const set = repeated(10, { pitch: 20, roll: 0 });
  const base = { up: PRONE, angles: set.angles, durationS: set.durationS, mount: [15, -8, 12] as Vec3 };

  it('counts ten 20° lifts through a crooked strap, near the true rep ends', () => {
    const events = reps(run('superman', synthFrames({ ...base, rateHz: 50, noiseG: 0.01 })));
    expect(events).toHaveLength(10);
    events.forEach((e, i) => {
      expect(e.emittedMs).toBeGreaterThanOrEqual(e.tMs);
      expect(Math.abs(e.tMs / 1000 - set.endsS[i])).toBeLessThan(0.6);
      expect(e.emittedMs / 1000 - set.endsS[i]).toBeLessThan(0.6);
      expect(e.peakDeg).toBeGreaterThan(17);
      expect(e.peakDeg).toBeLessThan(23);
      expect(e.startMs).toBeLessThan(e.tMs);
    });
  });

  it('counts the same from a 4.6 Hz irregular tag and from 200 Hz frames with gaps', () => {
    const slow = synthFrames({ ...base, rateHz: 4.6, frameSize: 1, jitter: 0.6, noiseG: 0.01, seed: 3 });
    expect(reps(run('superman', slow))).toHaveLength(10);
    const fast = synthFrames({
      ...base,
      rateHz: 200,
      frameSize: 20,
      gaps: [
        [6, 6.6],
        [14.2, 14.9],
      ],
    });
    expect(reps(run('superman', fast))).toHaveLength(10);
  });

  it('warns about over-extension on a lift far past the usual range', () => {
    const big = repeated(4, (i) => ({ pitch: i === 3 ? 42 : 18, roll: 0 }));
    const events = run('superman', synthFrames({ up: PRONE, ...big, rateHz: 50 }));
    const forms = events.filter((e) => e.type === 'form');
    expect(forms.map((e) => e.type === 'form' && e.issue)).toEqual(['over-extension']);
    expect(reps(events)).toHaveLength(4);
  });

  it('finds no fault of form in getting up after the reps, nor in rolling out of the tabletop', () => {
    const done = repeated(4, { pitch: 18, roll: 0 });
    // Up onto the knees and to standing, passing through the over-extension band on the way.
    const getUp = (t: number) => {
      const s = t - done.durationS;
      return s < 0 ? done.angles(t) : { pitch: Math.min(85, 30 * s), roll: 0 };
    };
    const superman = run(
      'superman',
      synthFrames({ up: PRONE, angles: getUp, durationS: done.durationS + 8, rateHz: 50 }),
    );
    expect(reps(superman)).toHaveLength(4);
    expect(superman.filter((e) => e.type === 'form')).toEqual([]);
    const tabletop: Vec3 = [0, 0, -1];
    const birdDog = repeated(4, (i) => ({ pitch: 4, roll: i % 2 ? -9 : 9 }));
    const rollOut = (t: number) => {
      const s = t - birdDog.durationS;
      return s < 0 ? birdDog.angles(t) : { pitch: 0, roll: Math.min(80, 25 * s) };
    };
    const events = run(
      'bird-dog',
      synthFrames({ up: tabletop, angles: rollOut, durationS: birdDog.durationS + 8, rateHz: 50 }),
    );
    expect(reps(events)).toHaveLength(4);
    expect(events.filter((e) => e.type === 'form')).toEqual([]);
  });

  it('does not count small fidgets while lying prone, nor the walk before getting down', () => {
    const fidgets = (t: number) => ({ pitch: 1.5 * Math.sin(t * 1.7), roll: 1.2 * Math.sin(t * 0.9) });
    expect(
      reps(run('superman', synthFrames({ up: PRONE, angles: fidgets, durationS: 60, rateHz: 50 }))),
    ).toEqual([]);
    const upright: Vec3 = [0, 1, 0];
    const walk = (t: number) => ({
      pitch: 4 * Math.sin(2 * Math.PI * 1.8 * t),
      roll: 2 * Math.sin(Math.PI * 1.8 * t),
    });
    expect(
      reps(run('superman', synthFrames({ up: upright, angles: walk, durationS: 60, rateHz: 50 }))),
    ).toEqual([]);
  });
});

describe('other rep profiles', () => {
  it('glute bridge: 25° tilts with a 4 s hold, supine', () => {
    const set = repeated(
      8,
      { pitch: 25, roll: 0 },
      { leadS: 2, riseS: 1.3, topS: 4, lowerS: 1.4, pauseS: 1.2 },
    );
    const events = reps(
      run(
        'glute-bridge',
        synthFrames({ up: SUPINE, ...set, rateHz: 100, mount: [-12, 10, 5], noiseG: 0.008 }),
      ),
    );
    expect(events).toHaveLength(8);
  });

  it('glute bridge held longer than the profile expects, by a slow person, still counts', () => {
    // 12 s bridges, and the fourth held for 18 s: longer than any rep the profile knows, but only
    // half again this person's own.
    const topS = (i: number) => (i === 3 ? 14 : 8);
    const startS = (i: number) => 2 + 14 * i + (i > 3 ? 6 : 0);
    const angles = (t: number) => {
      let pitch = 0;
      for (let i = 0; i < 6; i++) pitch += 25 * repShape(t, startS(i), 2, topS(i), 2);
      return { pitch, roll: 0 };
    };
    const frames = synthFrames({ up: SUPINE, angles, durationS: 94, rateHz: 50, mount: [8, -6, 40] });
    expect(reps(run('glute-bridge', frames))).toHaveLength(6);
  });

  it('glute bridge: the pause at the top is told as it begins and as it ends, also when the bridge is given up as no rep', () => {
    const kinds = (events: MotionEvent[]) =>
      events.filter((e) => e.type === 'top' || e.type === 'top-left').map((e) => [e.type, e.tMs / 1000]);
    // Held 4 s: the stop told from about 3.3 s, its end once the hips come down from 7.3 s.
    const set = repeated(
      1,
      { pitch: 25, roll: 0 },
      { leadS: 2, riseS: 1.3, topS: 4, lowerS: 1.4, pauseS: 2 },
    );
    const held = kinds(run('glute-bridge', synthFrames({ up: SUPINE, ...set, rateHz: 100, noiseG: 0.008 })));
    expect(held.map(([type]) => type)).toEqual(['top', 'top-left']);
    expect(held[0][1]).toBeCloseTo(3.3, 0);
    expect(held[1][1]).toBeGreaterThan(7.3);
    expect(held[1][1]).toBeLessThan(8.7);
    // Held 30 s, longer than any first rep the profile knows: given up as a change of pose before the
    // hips come down, and the pause at the top is over with it. The way back down is no pause of its
    // own: the floor is where the bridge began.
    const long = repeated(
      1,
      { pitch: 25, roll: 0 },
      { leadS: 2, riseS: 1.3, topS: 30, lowerS: 1.4, pauseS: 2 },
    );
    const given = kinds(
      run('glute-bridge', synthFrames({ up: SUPINE, ...long, rateHz: 100, noiseG: 0.008 })),
    );
    expect(given.map(([type]) => type)).toEqual(['top', 'top-left']);
    expect(given[1][1]).toBeLessThan(33.3);
  });

  it('bird dog: alternating rolls report their sides, and a big roll is a lost tabletop', () => {
    const quadruped = PRONE;
    const set = repeated(10, (i) => ({ pitch: 2.5, roll: i % 2 === 0 ? 6 : -6 }), {
      leadS: 2,
      riseS: 1.3,
      topS: 1.2,
      lowerS: 1.3,
      pauseS: 0.8,
    });
    const events = reps(
      run('bird-dog', synthFrames({ up: quadruped, ...set, rateHz: 50, mount: [10, 6, -15] })),
    );
    expect(events.map((e) => e.side)).toEqual([
      'right',
      'left',
      'right',
      'left',
      'right',
      'left',
      'right',
      'left',
      'right',
      'left',
    ]);
    const wobbly = repeated(3, (i) => ({ pitch: 2, roll: i === 1 ? 22 : 6 }));
    const forms = run('bird-dog', synthFrames({ up: quadruped, ...wobbly, rateHz: 50 })).filter(
      (e) => e.type === 'form',
    );
    expect(forms).toHaveLength(1);
  });

  it('bird dog: with the spine learned standing, each roll tells its side from the first rep', () => {
    // Standing, down to hands and knees, ten reps. The torso rolls towards the supporting hand
    // (roll > 0: the right arm is up); the pitch common to both sides goes either way.
    const STANDING: Vec3 = [0, 1, 0];
    const downS = 5;
    const setS = 9;
    for (const mount of [
      [10, 6, -15],
      [0, 0, 180],
      [25, 0, 95],
      [-20, 20, 250],
    ] as Vec3[]) {
      for (const pitch of [2.5, -2.5]) {
        for (const firstSide of ['right', 'left'] as const) {
          const rollSign = (i: number) => ((i % 2 === 0) === (firstSide === 'right') ? 1 : -1);
          const set = repeated(10, (i) => ({ pitch, roll: 6 * rollSign(i) }), {
            leadS: setS + 2,
            riseS: 1.3,
            topS: 1.2,
            lowerS: 1.3,
            pauseS: 0.8,
          });
          const angles = (t: number) => {
            const down = -90 * Math.min(1, Math.max(0, (t - downS) / 2));
            const rep = set.angles(t);
            return { pitch: down + rep.pitch, roll: rep.roll };
          };
          const frames = synthFrames({ up: STANDING, angles, durationS: set.durationS, rateHz: 50, mount });
          const tracker = new PostureTracker('chest');
          let spine: SpineDirection | null = null;
          for (const f of frames) if (f.t0Ms < setS * 1000) spine = tracker.push(f).spine;
          expect(spine, `${mount}`).not.toBeNull();
          const detector = createMotionDetector('bird-dog', 'chest', NEUTRAL_TUNING, spine);
          const events = frames.filter((f) => f.t0Ms >= setS * 1000).flatMap((f) => [...detector.push(f)]);
          const expected = Array.from({ length: 10 }, (_, i) => (rollSign(i) > 0 ? 'right' : 'left'));
          expect(
            reps(events).map((e) => e.side),
            `${mount} pitch ${pitch} from ${firstSide}`,
          ).toEqual(expected);
        }
      }
    }
  });

  it('lat pulldown, chest: small lean-backs while seated', () => {
    const seated: Vec3 = [0, 0.995, 0.1];
    const set = repeated(
      12,
      { pitch: 8, roll: 0 },
      { leadS: 2, riseS: 1, topS: 1.4, lowerS: 2, pauseS: 0.6 },
    );
    expect(
      reps(run('lat-pulldown', synthFrames({ up: seated, ...set, rateHz: 50, mount: [5, 5, 15] }))),
    ).toHaveLength(12);
  });
});

describe('a rep held far longer than reps take', () => {
  /**
   * Ten reps of 1 s up, topS at the top, 1 s down and 1.5 s at rest, one of them held heldS and
   * followed by restAfterS more.
   */
  function oneHeldLong(
    held: number,
    heldS: number,
    peak: (i: number) => { pitch: number; roll: number },
    topS = 1,
    restAfterS = 0,
  ): { angles: SynthOptions['angles']; startsS: number[]; topsS: number[]; durationS: number } {
    const startsS: number[] = [];
    let t = 2;
    for (let i = 0; i < 10; i++) {
      startsS.push(t);
      t += 1 + (i === held ? heldS : topS) + 1 + 1.5 + (i === held ? restAfterS : 0);
    }
    return {
      startsS,
      topsS: startsS.map((s, i) => s + 1 + (i === held ? heldS : topS)),
      durationS: t + 3,
      angles: (tS) => {
        const i = startsS.findLastIndex((s) => tS >= s);
        if (i < 0) return { pitch: 0, roll: 0 };
        const k = repShape(tS, startsS[i], 1, i === held ? heldS : topS, 1);
        const p = peak(i);
        return { pitch: p.pitch * k, roll: p.roll * k };
      },
    };
  }

  it('glute bridge: counted once the hips are down, and every pause after it told at the top, not on the floor', () => {
    for (const heldS of [20, 40]) {
      const set = oneHeldLong(3, heldS, () => ({ pitch: 25, roll: 0 }), 3);
      const events = run('glute-bridge', synthFrames({ up: SUPINE, ...set, rateHz: 100, noiseG: 0.008 }));
      expect(reps(events), `held ${heldS} s`).toHaveLength(10);
      // The held one ends as the hips come back down, as every rep does, not when the next rep rises.
      const heldRep = reps(events)[3];
      expect(heldRep.tMs / 1000).toBeGreaterThan(set.topsS[3] + 0.5);
      expect(heldRep.emittedMs / 1000).toBeLessThan(set.topsS[3] + 1.5);
      expect(heldRep.tMs / 1000).toBeLessThan(set.startsS[4]);
      for (const top of events.filter((e) => e.type === 'top')) {
        const i = set.startsS.findLastIndex((s) => top.tMs / 1000 >= s);
        expect(top.tMs / 1000, `a pause told at ${top.tMs / 1000} s`).toBeLessThan(set.topsS[i]);
      }
    }
  });

  it('glute bridge: a first rep held that long, before any rep shows what theirs are, is not counted, and the rest are, from the floor', () => {
    const set = oneHeldLong(0, 20, () => ({ pitch: 25, roll: 0 }), 3);
    const events = run('glute-bridge', synthFrames({ up: SUPINE, ...set, rateHz: 100, noiseG: 0.008 }));
    expect(reps(events).map((e) => set.startsS.findLastIndex((s) => e.tMs / 1000 >= s))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    for (const top of events.filter((e) => e.type === 'top')) {
      const i = set.startsS.findLastIndex((s) => top.tMs / 1000 >= s);
      expect(top.tMs / 1000, `a pause told at ${top.tMs / 1000} s`).toBeLessThan(set.topsS[i]);
    }
  });

  it('superman: a rest on the elbows between reps, held as long and left again, is no rep, and the reps after it count', () => {
    for (const elbowsDeg of [28, 35]) {
      // Ten 16° reps, 1 s at the top; after the fourth, up on the elbows for 12 s and down again.
      const set = oneHeldLong(3, 1, () => ({ pitch: 16, roll: 0 }), 1, 16);
      const onElbows = (tS: number) => elbowsDeg * repShape(tS, set.startsS[3] + 4.5, 1.5, 12, 1.5);
      const angles = (tS: number) => {
        const p = set.angles(tS);
        return { pitch: p.pitch + onElbows(tS), roll: p.roll };
      };
      const frames = synthFrames({
        up: PRONE,
        angles,
        durationS: set.durationS,
        rateHz: 50,
        mount: [8, -6, 20],
      });
      expect(reps(run('superman', frames)), `on the elbows at ${elbowsDeg}°`).toHaveLength(10);
    }
  });

  it('superman and bird dog: the held rep counts and the reps after it count from the floor, each side right', () => {
    const superman = oneHeldLong(3, 20, () => ({ pitch: 20, roll: 0 }));
    expect(
      reps(run('superman', synthFrames({ up: PRONE, ...superman, rateHz: 50, mount: [8, -6, 20] }))),
    ).toHaveLength(10);
    const birdDog = oneHeldLong(3, 20, (i) => ({ pitch: 3, roll: i % 2 === 0 ? 12 : -12 }));
    const sides = reps(
      run('bird-dog', synthFrames({ up: PRONE, ...birdDog, rateHz: 50, mount: [8, -6, 20] })),
    ).map((e) => e.side);
    expect(sides).toEqual([
      'right',
      'left',
      'right',
      'left',
      'right',
      'left',
      'right',
      'left',
      'right',
      'left',
    ]);
  });
});

describe('a move to another pose before the first rep', () => {
  it('lat pulldown, chest: leaning over the machine, then sitting up to pull, counts every rep', () => {
    const seated: Vec3 = [0, 0.995, 0.1];
    const timing = { leadS: 6.5, riseS: 1, topS: 1.4, lowerS: 2, pauseS: 0.6 };
    const set = repeated(12, { pitch: 8, roll: 0 }, timing);
    // Still, leant 25° forward (setting the weight), then up over two seconds, still a moment.
    const angles: SynthOptions['angles'] = (t) => {
      if (t >= timing.leadS) return set.angles(t);
      const k = t < 3 ? 0 : t < 5 ? (1 - Math.cos((Math.PI * (t - 3)) / 2)) / 2 : 1;
      return { pitch: -25 * (1 - k), roll: 0 };
    };
    const events = reps(
      run(
        'lat-pulldown',
        synthFrames({ up: seated, angles, durationS: set.durationS, rateHz: 50, mount: [5, 5, 15] }),
      ),
    );
    expect(events).toHaveLength(12);
    // Each at its own rep: a rep is over most of the way down a slow two-second return.
    events.forEach((e, i) => {
      expect(Math.abs(e.tMs / 1000 - set.endsS[i])).toBeLessThan(1);
    });
  });
});

describe('a still pose a few degrees off before the first rep', () => {
  type Angles = { pitch: number; roll: number };
  const SUPERMAN = { up: PRONE, rep: { pitch: 18, roll: 0 }, mount: [10, -5, 40] as Vec3 };
  const BRIDGE = { up: SUPINE, rep: { pitch: 24, roll: 0 }, mount: [-8, 12, 200] as Vec3 };

  // Judged in position lying still, then a shift (arms brought overhead, a knee moved) before the
  // first rep: the reps start from the new pose, whichever way the shift went.
  function shiftedSet(
    shift: Angles,
    { up, rep, mount }: { up: Vec3; rep: Angles; mount: Vec3 },
    timing = { leadS: 6, riseS: 1, topS: 1, lowerS: 1, pauseS: 1.5 },
  ) {
    const set = repeated(10, rep, timing);
    const angles: SynthOptions['angles'] = (t) => {
      if (t >= timing.leadS) return set.angles(t);
      // Still in the first pose for 2 s, then over 1 s into the one the reps start from.
      const k = t < 2 ? 0 : t < 3 ? (1 - Math.cos(Math.PI * (t - 2))) / 2 : 1;
      return { pitch: shift.pitch * (1 - k), roll: shift.roll * (1 - k) };
    };
    return { set, frames: synthFrames({ up, angles, durationS: set.durationS, rateHz: 50, mount }) };
  }

  const shifts: Angles[] = [
    { pitch: 9, roll: 0 },
    { pitch: -9, roll: 0 },
    { pitch: 0, roll: 9 },
    { pitch: 6, roll: -6 },
    { pitch: 0, roll: -15 },
  ];

  it.each(shifts)('superman: every rep counts after a shift of pitch $pitch°, roll $roll°', (shift) => {
    const { set, frames } = shiftedSet(shift, SUPERMAN);
    const events = reps(run('superman', frames));
    expect(events).toHaveLength(10);
    // The first is timed from where it started, not from the shift.
    expect(Math.abs(events[0].tMs / 1000 - set.endsS[0])).toBeLessThan(1);
    expect(events[0].startMs / 1000).toBeGreaterThan(5);
  });

  it.each(shifts)('glute bridge: every rep counts after a shift of pitch $pitch°, roll $roll°', (shift) => {
    const timing = { leadS: 6, riseS: 1.5, topS: 3, lowerS: 1.5, pauseS: 1.5 };
    expect(reps(run('glute-bridge', shiftedSet(shift, BRIDGE, timing).frames))).toHaveLength(10);
  });

  it.each(shifts.slice(1, 4))(
    'superman, brisk reps with no rest between: every rep counts after a shift of pitch $pitch°, roll $roll°',
    (shift) => {
      // No stillness between reps shows the new rest pose: the first rep takes in the shift, and
      // two quicker reps after it show that its time was not the person's.
      const timing = { leadS: 6, riseS: 1, topS: 1, lowerS: 1, pauseS: 0.3 };
      expect(reps(run('superman', shiftedSet(shift, SUPERMAN, timing).frames))).toHaveLength(10);
    },
  );

  it('superman: a first rep held at its top and lowered back is one rep, timed as one', () => {
    // The top of a first rep is a still pose out of the rest pose too: the way back tells them apart.
    const timing = { leadS: 3, riseS: 1, topS: 3, lowerS: 1, pauseS: 1.5 };
    const set = repeated(10, { pitch: 18, roll: 0 }, timing);
    const events = reps(
      run('superman', synthFrames({ up: PRONE, angles: set.angles, durationS: set.durationS, rateHz: 50 })),
    );
    expect(events).toHaveLength(10);
    events.forEach((e, i) => {
      expect(Math.abs(e.tMs / 1000 - set.endsS[i])).toBeLessThan(0.6);
    });
  });
});

describe('breaths and holds', () => {
  it('bat hang: counts slow breath cycles of a few degrees', () => {
    const set = repeated(
      5,
      { pitch: -3, roll: 0 },
      { leadS: 3, riseS: 3, topS: 1.2, lowerS: 3, pauseS: 0.8 },
    );
    const events = run('bat-hang', synthFrames({ up: SUPINE, ...set, rateHz: 50, noiseG: 0.008 }));
    expect(events.filter((e) => e.type === 'breath')).toHaveLength(5);
    expect(reps(events)).toEqual([]);
  });

  it('elbow plank: the hold starts when still in the pose and ends with a sag warning', () => {
    const plank: Vec3 = [0, Math.sin((10 * Math.PI) / 180), -Math.cos((10 * Math.PI) / 180)];
    // Still (with breathing) from 1 s to 40 s, then the hips sag over 3 s.
    const angles = (t: number) => ({
      pitch: 0.5 * Math.sin(t * 1.4) + (t > 40 ? Math.min(1, (t - 40) / 3) * 11 : 0),
      roll: 0,
    });
    const events = run(
      'elbow-plank',
      synthFrames({ up: plank, angles, durationS: 45, rateHz: 50, mount: [8, -5, 12] }),
    );
    const kinds = events.map((e) => (e.type === 'form' ? `form:${e.issue}` : e.type));
    expect(kinds).toEqual(['hold-start', 'form:plank-sag', 'hold-end']);
    expect(events[0].tMs).toBeLessThan(1500);
    expect(Math.abs(events[2].tMs / 1000 - 41.5)).toBeLessThan(0.6);
  });

  it('elbow plank: a sag that ends the hold says so with its form problem; one warned of during it does not', () => {
    const plank: Vec3 = [0, Math.sin((10 * Math.PI) / 180), -Math.cos((10 * Math.PI) / 180)];
    const sagAtEnd = (t: number) => ({
      pitch: 0.5 * Math.sin(t * 1.4) + (t > 40 ? Math.min(1, (t - 40) / 3) * 11 : 0),
      roll: 0,
    });
    const ending = run(
      'elbow-plank',
      synthFrames({ up: plank, angles: sagAtEnd, durationS: 45, rateHz: 50, mount: [8, -5, 12] }),
    );
    const endingForm = ending.find((e) => e.type === 'form');
    const holdEnd = ending.find((e) => e.type === 'hold-end');
    expect(endingForm).toMatchObject({ issue: 'plank-sag', endsHold: true, tMs: holdEnd?.tMs });
    // Hips sinking over 15 s from 20 s, lifted back at 38 s, then the body drops at 50 s.
    const sink = (t: number) =>
      t < 20 ? 0 : t < 35 ? ((t - 20) / 15) * 6 : t < 38 ? 6 : t < 40 ? 6 - (t - 38) * 3 : 0;
    const slow = run(
      'elbow-plank',
      synthFrames({
        up: plank,
        angles: (t) => ({
          pitch: 0.5 * Math.sin(t * 1.4) + sink(t) - (t > 50 ? Math.min(1, (t - 50) / 0.8) * 20 : 0),
          roll: 0,
        }),
        durationS: 54,
        rateHz: 50,
        mount: [8, -5, 12],
      }),
    );
    const warning = slow.find((e) => e.type === 'form');
    expect(warning).toMatchObject({ issue: 'plank-sag' });
    expect(warning && 'endsHold' in warning).toBe(false);
  });

  it('elbow plank: hips sinking slowly are warned of while the hold goes on, and once', () => {
    const plank: Vec3 = [0, Math.sin((10 * Math.PI) / 180), -Math.cos((10 * Math.PI) / 180)];
    // Still (with breathing) from 1 s; from 20 s the hips sink by 6° over 15 s, are lifted back at
    // 38–40 s, sink again at 45–50 s, and the body drops to the floor at 60 s.
    const sinkDeg: [number, number][] = [
      [20, 0],
      [35, 6],
      [38, 6],
      [40, 0],
      [45, 0],
      [50, 3],
    ];
    const sink = (t: number) => {
      const after = sinkDeg.findIndex(([at]) => at > t);
      if (after === 0) return 0;
      if (after === -1) return sinkDeg[sinkDeg.length - 1][1];
      const [t0, d0] = sinkDeg[after - 1];
      const [t1, d1] = sinkDeg[after];
      return d0 + ((t - t0) / (t1 - t0)) * (d1 - d0);
    };
    const angles = (t: number) => ({
      pitch: 0.5 * Math.sin(t * 1.4) + sink(t) - (t > 60 ? Math.min(1, (t - 60) / 0.8) * 20 : 0),
      roll: 0,
    });
    const events = run(
      'elbow-plank',
      synthFrames({ up: plank, angles, durationS: 64, rateHz: 50, mount: [8, -5, 12] }),
    );
    const kinds = events.map((e) => (e.type === 'form' ? `form:${e.issue}` : e.type));
    expect(kinds).toEqual(['hold-start', 'form:plank-sag', 'hold-end']);
    // Told while still holding, some 25 s before the hold ends where the body drops.
    expect(events[1].emittedMs / 1000).toBeGreaterThan(28);
    expect(events[1].emittedMs / 1000).toBeLessThan(36);
    expect(events[2]).toMatchObject({ type: 'hold-end', reason: 'left-pose' });
    expect(Math.abs(events[2].tMs / 1000 - 60)).toBeLessThan(0.6);
  });

  it('drawing-in: breathing does not break the hold, each breath of the hold counts, sitting back ends it', () => {
    // Breathing of ±0.4° every 4.2 s from the start, sitting back at 50 s.
    const periodS = (2 * Math.PI) / 1.5;
    const angles = (t: number) => ({
      pitch: 0.4 * Math.sin(t * 1.5) + (t > 50 ? Math.min(1, (t - 50) / 1.5) * 55 : 0),
      roll: 0,
    });
    const events = run(
      'drawing-in',
      synthFrames({ up: PRONE, angles, durationS: 54, rateHz: 25, mount: [-10, 0, 8] }),
    );
    const kinds = events.map((e) => e.type);
    expect(kinds[0]).toBe('hold-start');
    expect(kinds.at(-1)).toBe('hold-end');
    expect(kinds.filter((k) => k === 'hold-start' || k === 'hold-end')).toHaveLength(2);
    const breaths = events.filter((e) => e.type === 'breath');
    const held = events[events.length - 1].tMs - events[0].tMs;
    expect(Math.abs(breaths.length - held / 1000 / periodS)).toBeLessThanOrEqual(1);
    for (const b of breaths) {
      expect(b.tMs).toBeGreaterThanOrEqual(events[0].tMs);
      expect(b.tMs).toBeLessThanOrEqual(events[events.length - 1].tMs);
    }
    const end = events[events.length - 1];
    expect(end.type === 'hold-end' && end.reason).toBe('left-pose');
    expect(Math.abs(end.tMs / 1000 - 50)).toBeLessThan(0.5);
  });
});

describe('generic mode', () => {
  it('counts a periodic movement on any axis and nothing while still', () => {
    const frames: AccelFrame[] = [];
    const rate = 25;
    const xyz: number[] = [];
    for (let i = 0; i < rate * 40; i++) {
      const t = i / rate;
      const active = t > 5 && t < 5 + 9 * 3;
      const swing = active ? 0.4 * Math.sin((2 * Math.PI * (t - 5)) / 3) : 0;
      xyz.push(0.3 + swing * 0.6, 0.9 + swing * 0.8, 0.1);
    }
    frames.push({ t0Ms: 0, dtMs: 1000 / rate, xyz: Float32Array.from(xyz) });
    expect(reps(run('generic', frames, 'wrist'))).toHaveLength(9);
    const still = synthFrames({
      up: [0, 1, 0],
      angles: () => ({ pitch: 0, roll: 0 }),
      durationS: 30,
      rateHz: 25,
    });
    expect(reps(run('generic', still, 'wrist'))).toEqual([]);
  });
});

describe('detectMotion operator', () => {
  it('emits the same events as the detector, one per emission', async () => {
    const set = repeated(5, { pitch: 18, roll: 0 });
    const frames = synthFrames({ up: PRONE, ...set, rateHz: 50 });
    const events = await lastValueFrom(from(frames).pipe(detectMotion('superman', 'chest'), toArray()));
    expect(events).toEqual(run('superman', frames));
    expect(reps(events)).toHaveLength(5);
  });
});

describe('awkward starts', () => {
  it('glute bridge begun before the detector saw the person still: at most that rep is lost', () => {
    // The recording opens at the top of the first bridge, held 3 s, then lowered; then 5 more reps.
    // Nothing but the data says which pose is rest: the first still pose is taken for it, and from
    // the top the count runs half a rep behind.
    const set = repeated(
      5,
      { pitch: 25, roll: 0 },
      { leadS: 5.5, riseS: 1.3, topS: 4, lowerS: 1.4, pauseS: 1.2 },
    );
    const angles = (t: number) =>
      t < 3 ? { pitch: 25, roll: 0 } : t < 4.4 ? { pitch: 25 * (1 - (t - 3) / 1.4), roll: 0 } : set.angles(t);
    const events = reps(
      run(
        'glute-bridge',
        synthFrames({ up: SUPINE, angles, durationS: set.durationS, rateHz: 50, mount: [8, 5, -6] }),
      ),
    );
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(events.length).toBeLessThanOrEqual(6);
  });

  it('bat hang: a settling shift and a slow drift of the rest pose do not break the breath count', () => {
    const set = repeated(4, { pitch: -3, roll: 0 }, { leadS: 4, riseS: 3, topS: 1, lowerS: 3, pauseS: 0.6 });
    const angles = (t: number) => {
      const shift = t > 1 && t < 2.5 ? -1.5 * Math.sin(((t - 1) / 1.5) * Math.PI) : 0;
      return { pitch: set.angles(t).pitch + shift + 0.04 * t, roll: 0 };
    };
    const events = run(
      'bat-hang',
      synthFrames({ up: SUPINE, angles, durationS: set.durationS, rateHz: 100, noiseG: 0.006 }),
    );
    expect(events.filter((e) => e.type === 'breath')).toHaveLength(4);
  });

  it('drawing-in: the hold is dated after the settling shift, not at the first still moment', () => {
    // Still from 0 s, a 1.8° shift between 2 and 3 s, then breathing of ±0.4° from 3 s.
    const angles = (t: number) => ({
      pitch:
        (t > 2 && t < 3 ? 1.8 * Math.sin((t - 2) * Math.PI) : 0) +
        (t > 3 ? 0.4 * Math.sin((t - 3) * 1.3) : 0),
      roll: 0,
    });
    const events = run(
      'drawing-in',
      synthFrames({ up: PRONE, angles, durationS: 20, rateHz: 50, noiseG: 0.004 }),
    );
    const start = events.find((e) => e.type === 'hold-start');
    expect(start).toBeDefined();
    expect(start!.tMs / 1000).toBeGreaterThan(2.5);
    expect(start!.tMs / 1000).toBeLessThan(3.6);
  });
});
