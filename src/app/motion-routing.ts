// Which device's motion counts an exercise, where several give motion: the one best placed for it
// (the chest for the trunk exercises, the wrist for the lat pulldown). The device panel names each
// device's part from this same rule, so what it says is what the app does.

import type { Placement } from '../sensors/samples.ts';
import { type ExerciseId, exerciseById } from '../workout/program.ts';

/** A device that gives motion, and where it sits on the body. */
export interface MotionDevice {
  readonly placement: Placement;
}

/** Motion placement preference: the trunk for the trunk exercises, the wrist for the lat pulldown. */
function placementRank(exercise: ExerciseId | null, placement: Placement): number {
  const order: readonly Placement[] =
    exercise === 'lat-pulldown' ? ['wrist', 'arm', 'chest', 'phone'] : ['chest', 'arm', 'phone', 'wrist'];
  return order.indexOf(placement);
}

/**
 * The device an exercise's motion is read from, of those giving motion (for `exercise` null, outside
 * a set: the first in the chest's order); null when none sees it, and the exercise is counted by hand. A watch does not count what a wrist
 * cannot see (seenFromWrist).
 */
export function motionDeviceFor<T extends MotionDevice>(
  exercise: ExerciseId | null,
  devices: readonly T[],
): T | null {
  const seen = (d: T) => exercise === null || d.placement !== 'wrist' || exerciseById(exercise).seenFromWrist;
  const candidates = devices.filter(seen);
  candidates.sort((a, b) => placementRank(exercise, a.placement) - placementRank(exercise, b.placement));
  return candidates[0] ?? null;
}

/** The exercises, of `exercises`, whose motion is read from `device` among the `devices` giving motion. */
export function exercisesCountedBy<T extends MotionDevice>(
  device: T,
  devices: readonly T[],
  exercises: readonly ExerciseId[],
): ExerciseId[] {
  return exercises.filter((exercise) => motionDeviceFor(exercise, devices) === device);
}
