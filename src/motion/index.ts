// The motion layer's public face: a detector per exercise and placement, and an RxJS operator that
// runs one over a stream of accelerometer frames.

import { concatMap, defer, filter, map, type OperatorFunction } from 'rxjs';
import type { AccelFrame, Placement } from '../sensors/samples.ts';
import type { MotionProfileId, SpineDirection } from './detector.ts';
import type { MotionEvent } from './events.ts';
import { createMotionDetector } from './pipeline.ts';
import { type PositionEvent, PositionJudge } from './position.ts';
import { type Posture, type PostureReading, PostureTracker } from './posture.ts';
import { NEUTRAL_TUNING, type PersonalTuning } from './tuning.ts';

export type { MotionDetector, MotionProfileId, SpineDirection } from './detector.ts';
export { isMotionProfileId, MOTION_PROFILE_IDS } from './detector.ts';
export type * from './events.ts';
export { createMotionDetector } from './pipeline.ts';
export {
  IN_POSITION_MS,
  type PositionEvent,
  PositionJudge,
  type PositionStatus,
  STILL_UPRIGHT_MS,
  WRONG_POSITION_MS,
} from './position.ts';
export { type Posture, type PostureReading, PostureTracker } from './posture.ts';
export { adaptTuning, NEUTRAL_TUNING, type PersonalTuning, type SetCorrection } from './tuning.ts';

/** Runs a fresh detector for each subscription: events in data-time order, one emission per event. */
export function detectMotion(
  profile: MotionProfileId,
  placement: Placement,
  tuning: PersonalTuning = NEUTRAL_TUNING,
  spine: SpineDirection | null = null,
): OperatorFunction<AccelFrame, MotionEvent> {
  return (frames) =>
    defer(() => {
      const detector = createMotionDetector(profile, placement, tuning, spine);
      return frames.pipe(concatMap((frame) => detector.push(frame)));
    });
}

/** The person's posture and stillness after each frame: one tracker for as long as the stream runs. */
export function trackPosture(placement: Placement): OperatorFunction<AccelFrame, PostureReading> {
  return (frames) =>
    defer(() => {
      const tracker = new PostureTracker(placement);
      return frames.pipe(map((frame) => tracker.push(frame)));
    });
}

/** Whether the person is in the position an exercise starts in, as the readings come (see position.ts). */
export function judgePosition(required: Posture | null): OperatorFunction<PostureReading, PositionEvent> {
  return (readings) =>
    defer(() => {
      const judge = new PositionJudge(required);
      return readings.pipe(
        map((reading) => judge.update(reading)),
        filter((event) => event !== null),
      );
    });
}
