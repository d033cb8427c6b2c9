import type { AccelFrame, Placement } from '../sensors/samples.ts';
import type { MotionEvent } from './events.ts';

/** The exercises the detectors know by movement; anything else is counted in the generic mode. */
export const MOTION_PROFILE_IDS = [
  'superman',
  'glute-bridge',
  'drawing-in',
  'bird-dog',
  'bat-hang',
  'lat-pulldown',
  'elbow-plank',
  'generic',
] as const;

export type MotionProfileId = (typeof MOTION_PROFILE_IDS)[number];

/**
 * A streaming, causal detector: it sees each frame once, in time order, and reports the events it
 * completed with that frame. The same object runs live in the app and offline in the evaluation.
 */
export interface MotionDetector {
  push(frame: AccelFrame): readonly MotionEvent[];
}

/**
 * Which way the person's head is, in the device's axes (a unit vector): a chest strap learns it while
 * the person is upright (see posture.ts). With it, a bird-dog rep's roll tells its side from the first.
 */
export type SpineDirection = readonly [number, number, number];

export function isMotionProfileId(id: string): id is MotionProfileId {
  return (MOTION_PROFILE_IDS as readonly string[]).includes(id);
}

export type { Placement };
