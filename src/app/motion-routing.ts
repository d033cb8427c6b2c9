// Which device's motion counts an exercise, where several give motion: the one best placed for it
// (the chest for the trunk exercises, the wrist for the lat pulldown). A device away a few seconds or
// given up for lost (see handedOverOf), or connected with its motion stopped, hands what it counts
// to the next best placed one that can see it
// (a watch beside a strap lost counts the superman; the strap beside a watch lost or silent, the lat
// pulldown): a count by hand is for what no device sees. The device counting a
// set keeps it to the set's end: a count never changes source mid-set for a device come back. The
// device panel names each device's part from this same rule, so what it says is what the app does.

import type { Placement } from '../sensors/samples.ts';
import { type ExerciseId, exerciseById } from '../workout/program.ts';

/** A device that gives motion, where it sits on the body, and whether its motion is to be had. */
export interface MotionDevice {
  readonly placement: Placement;
  /**
   * Out of reach a few seconds, or given up on after its reconnection attempts (see handedOverOf):
   * what it counts goes to another that sees it.
   */
  readonly lost?: boolean;
  /** Connected, its motion stream stopped (its streaming code stopped): as for one lost. */
  readonly motionStopped?: boolean;
}

/** Whether no motion is had of `d` now: out of reach (see MotionDevice.lost), or its stream stopped. */
function withoutMotion(d: MotionDevice): boolean {
  return d.lost === true || d.motionStopped === true;
}

/** Motion placement preference: the trunk for the trunk exercises, the wrist for the lat pulldown. */
function placementRank(exercise: ExerciseId | null, placement: Placement): number {
  const order: readonly Placement[] =
    exercise === 'lat-pulldown' ? ['wrist', 'arm', 'chest', 'phone'] : ['chest', 'arm', 'phone', 'wrist'];
  return order.indexOf(placement);
}

/** The devices that can see `exercise`, best placed first (see placementRank); a watch does not see what a wrist cannot (seenFromWrist). */
function devicesSeeing<T extends MotionDevice>(exercise: ExerciseId | null, devices: readonly T[]): T[] {
  const seen = (d: T) => exercise === null || d.placement !== 'wrist' || exerciseById(exercise).seenFromWrist;
  return devices
    .filter(seen)
    .sort((a, b) => placementRank(exercise, a.placement) - placementRank(exercise, b.placement));
}

/**
 * The device an exercise's motion is read from, of those giving motion; null when none sees it, and
 * the exercise is counted by hand. The best placed whose motion is had (see withoutMotion); where none that see it has motion,
 * the best placed still, whose return the set waits for. `counting`, the device counting the set of
 * this exercise under way, keeps it while its motion is had, though a better placed one is back. For
 * `exercise` null (outside a set, and where the person's position is read from): the first in the
 * chest's order, lost or not, so that a device coming back does not move it in the middle of a set.
 */
export function motionDeviceFor<T extends MotionDevice>(
  exercise: ExerciseId | null,
  devices: readonly T[],
  counting: T | null = null,
): T | null {
  const candidates = devicesSeeing(exercise, devices);
  if (exercise === null) return candidates[0] ?? null;
  if (counting && !withoutMotion(counting) && candidates.includes(counting)) return counting;
  return candidates.find((d) => !withoutMotion(d)) ?? candidates[0] ?? null;
}

/** The set under way, and the device counting it (see motionDeviceFor's `counting`). */
export interface SetCounted<T> {
  readonly exercise: ExerciseId;
  readonly counting: T | null;
}

/** The device `exercise` is read from, the set under way `set` kept by the device counting it. */
function counterOf<T extends MotionDevice>(
  exercise: ExerciseId,
  devices: readonly T[],
  set: SetCounted<T> | null,
): T | null {
  return motionDeviceFor(exercise, devices, set?.exercise === exercise ? set.counting : null);
}

/**
 * The exercises, of `exercises`, whose motion is read from `device` among the `devices` giving motion,
 * with the set under way `set` (see motionDeviceFor).
 */
export function exercisesCountedBy<T extends MotionDevice>(
  device: T,
  devices: readonly T[],
  exercises: readonly ExerciseId[],
  set: SetCounted<T> | null = null,
): ExerciseId[] {
  return exercises.filter((exercise) => counterOf(exercise, devices, set) === device);
}

/**
 * The exercises, of `exercises`, that `device`, given up for lost or its motion stopped, is best placed for and another
 * device counts in its place (see countedInPlaceOf), with the set under way `set`.
 */
export function exercisesHandedOverBy<T extends MotionDevice>(
  device: T,
  devices: readonly T[],
  exercises: readonly ExerciseId[],
  set: SetCounted<T> | null = null,
): ExerciseId[] {
  return exercises.filter((exercise) => {
    const counter = counterOf(exercise, devices, set);
    return counter !== null && countedInPlaceOf(exercise, devices, counter) === device;
  });
}

/**
 * The device given up for lost or its motion stopped, best placed for `exercise`, that `counter` counts it in place of (the
 * strap, of a superman the watch counts); null where `counter` is the one best placed, or the one best
 * placed has its motion (back, it takes the exercise again from the next set).
 */
function countedInPlaceOf<T extends MotionDevice>(
  exercise: ExerciseId,
  devices: readonly T[],
  counter: T,
): T | null {
  const [best] = devicesSeeing(exercise, devices);
  return best && best !== counter && withoutMotion(best) ? best : null;
}
