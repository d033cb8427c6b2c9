import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { judgePosition, trackPosture } from '../../../src/motion/index.ts';
import {
  HEAR_AND_MOVE_MS,
  IN_POSITION_MS,
  type PositionEvent,
  PositionJudge,
  STILL_UPRIGHT_MS,
  WRONG_POSITION_MS,
} from '../../../src/motion/position.ts';
import { type Posture, PostureTracker } from '../../../src/motion/posture.ts';
import type { AccelFrame, Placement } from '../../../src/sensors/samples.ts';
import { POSE, type PoseStep, poses, STANDING } from './poses.ts';
import { synthFrames, type Vec3 } from './synth.ts';

function judge(frames: readonly AccelFrame[], required: Posture | null, placement: Placement = 'chest') {
  const tracker = new PostureTracker(placement);
  const judgeOf = new PositionJudge(required);
  return frames.flatMap((f) => judgeOf.update(tracker.push(f)) ?? []);
}

function person(steps: PoseStep[], durationS: number, mount: Vec3 = [12, -8, 140]): AccelFrame[] {
  return synthFrames({ up: STANDING, angles: poses(steps), durationS, rateHz: 50, noiseG: 0.008, mount });
}

const brief = (events: PositionEvent[]) => events.map((e) => `${e.status} ${e.posture}`);

describe('in the position an exercise starts in', () => {
  it('is in position about a second after lying down still, dated to when they were', () => {
    const events = judge(
      person(
        [
          { atS: 0, pose: POSE.standing },
          { atS: 3, pose: POSE.faceDown },
        ],
        10,
      ),
      'face-down',
    );
    expect(brief(events)).toEqual(['in face-down']);
    const [inPosition] = events;
    // Down by 5 s (a 2 s turn from 3 s): still from then, and judged a second later.
    expect(inPosition.tMs / 1000).toBeGreaterThan(4.8);
    expect(inPosition.tMs / 1000).toBeLessThan(5.6);
    expect(inPosition.emittedMs - inPosition.tMs).toBeGreaterThanOrEqual(IN_POSITION_MS);
    expect(inPosition.emittedMs - inPosition.tMs).toBeLessThan(IN_POSITION_MS + 150);
  });

  it('is in position at once for a person already lying there when the set is due', () => {
    const events = judge(person([{ atS: 0, pose: POSE.faceUp }], 4), 'face-up');
    expect(brief(events)).toEqual(['in face-up']);
    expect(events[0].emittedMs).toBeLessThan(1500);
  });

  it('says a wrong position once the person had time to hear where to lie, and not while turning over', () => {
    const events = judge(
      person(
        [
          { atS: 0, pose: POSE.faceUp },
          // Rolling over, about the spine, through the side.
          { atS: 13, pose: { pitch: 90, roll: 90 }, turnS: 1.5 },
          { atS: 14.5, pose: { pitch: 90, roll: 180 }, turnS: 1.5 },
        ],
        21,
      ),
      'face-down',
    );
    expect(events.map((e) => e.status)).toEqual(['wrong', 'away', 'in']);
    expect(events[0].posture).toBe('face-up');
    expect(events[2].posture).toBe('face-down');
    const [wrong, away, inPosition] = events;
    expect(wrong.emittedMs).toBeGreaterThanOrEqual(HEAR_AND_MOVE_MS);
    expect(wrong.emittedMs).toBeLessThan(HEAR_AND_MOVE_MS + 500);
    expect(away.emittedMs / 1000).toBeLessThan(16);
    expect(inPosition.emittedMs / 1000).toBeGreaterThan(16.5);
    expect(inPosition.emittedMs / 1000).toBeLessThan(17.8);
  });

  it('says a wrong position only after a few seconds still in it, however late the person lay down so', () => {
    const events = judge(
      person(
        [
          { atS: 0, pose: POSE.standing },
          { atS: 9, pose: POSE.faceUp },
        ],
        16,
      ),
      'face-down',
    );
    expect(brief(events)).toEqual(['wrong face-up']);
    expect(events[0].emittedMs - events[0].tMs).toBeGreaterThanOrEqual(WRONG_POSITION_MS);
    expect(events[0].emittedMs - events[0].tMs).toBeLessThan(WRONG_POSITION_MS + 500);
  });

  it('lets a person lie as the last exercise left them while they hear the next one, then turn into it', () => {
    const events = judge(
      person(
        [
          { atS: 0, pose: POSE.faceUp },
          // Nine seconds of instructions, then a roll onto the front.
          { atS: 8, pose: { pitch: 90, roll: 90 }, turnS: 1.5 },
          { atS: 9.5, pose: { pitch: 90, roll: 180 }, turnS: 1.5 },
        ],
        16,
      ),
      'face-down',
    );
    expect(brief(events)).toEqual(['in face-down']);
  });

  it('lets a person stand while they listen, and says so only once they stay up', () => {
    const events = judge(person([{ atS: 0, pose: POSE.standing }], 15), 'face-down');
    expect(brief(events)).toEqual(['wrong upright']);
    expect(events[0].emittedMs - events[0].tMs).toBeGreaterThanOrEqual(STILL_UPRIGHT_MS);
    expect(judge(person([{ atS: 0, pose: POSE.standing }], 9), 'face-down')).toEqual([]);
  });

  it('stays in position through reps and a bridge, and is away once the person gets up', () => {
    const lift = (pitch: number, atS: number): PoseStep[] => [
      { atS, pose: { pitch, roll: 0 }, turnS: 1.2 },
      { atS: atS + 2.5, pose: POSE.faceUp, turnS: 1.2 },
    ];
    const events = judge(
      person(
        [
          { atS: 0, pose: POSE.faceUp },
          ...lift(55, 3),
          ...lift(52, 8),
          { atS: 14, pose: { pitch: 10, roll: 0 } },
        ],
        20,
      ),
      'face-up',
    );
    expect(brief(events)).toEqual(['in face-up', 'away upright']);
    const away = events[1];
    expect(away.tMs / 1000).toBeGreaterThan(14);
    expect(away.tMs / 1000).toBeLessThan(16);
    expect(away.emittedMs - away.tMs).toBeGreaterThanOrEqual(1000);
  });

  it('with a watch alone, being still is being in position, and nothing is ever wrong', () => {
    const events = judge(person([{ atS: 0, pose: POSE.faceUp }], 20), 'upright', 'wrist');
    expect(brief(events)).toEqual(['in null']);
  });

  it('runs as RxJS operators: posture readings per frame, then the judge', async () => {
    const frames = person(
      [
        { atS: 0, pose: POSE.standing },
        { atS: 3, pose: POSE.faceDown },
      ],
      8,
    );
    const events = await lastValueFrom(
      from(frames).pipe(trackPosture('chest'), judgePosition('face-down'), toArray()),
    );
    expect(events).toEqual(judge(frames, 'face-down'));
  });
});
