// The motion layer's public face: a detector per exercise and placement, and an RxJS operator that
// runs one over a stream of accelerometer frames.

import { concatMap, defer, type OperatorFunction } from 'rxjs';
import type { AccelFrame, Placement } from '../sensors/samples.ts';
import type { MotionProfileId } from './detector.ts';
import type { MotionEvent } from './events.ts';
import { createMotionDetector } from './pipeline.ts';
import { NEUTRAL_TUNING, type PersonalTuning } from './tuning.ts';

export type { MotionDetector, MotionProfileId } from './detector.ts';
export { isMotionProfileId, MOTION_PROFILE_IDS } from './detector.ts';
export type * from './events.ts';
export { createMotionDetector } from './pipeline.ts';
export { adaptTuning, NEUTRAL_TUNING, type PersonalTuning, type SetCorrection } from './tuning.ts';

/** Runs a fresh detector for each subscription: events in data-time order, one emission per event. */
export function detectMotion(
  profile: MotionProfileId,
  placement: Placement,
  tuning: PersonalTuning = NEUTRAL_TUNING,
): OperatorFunction<AccelFrame, MotionEvent> {
  return (frames) =>
    defer(() => {
      const detector = createMotionDetector(profile, placement, tuning);
      return frames.pipe(concatMap((frame) => detector.push(frame)));
    });
}
