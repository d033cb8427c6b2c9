import type { Placement } from '../src/sensors/samples.ts';
import { type ExerciseId, PROGRAM } from '../src/workout/program.ts';
import type { SessionAction } from '../src/workout/session.ts';

/** What the devices connected see and count, as the app tells the session: in one change. */
export type DevicesSensing = Extract<SessionAction, { type: 'devices-sensing' }>;

/** Every exercise: what a chest strap counts by itself. */
export const EVERY_EXERCISE: readonly ExerciseId[] = PROGRAM.map((e) => e.id);

/** A chest strap that sees posture: each set waits for the person to be in position, and it counts every exercise. */
export const strapSees = (nowMs = 0): DevicesSensing => ({
  type: 'devices-sensing',
  seesPosition: true,
  exercises: EVERY_EXERCISE,
  nowMs,
});

/** A heart-rate-only strap (or one whose motion stream failed): nothing sees posture, nothing counts. */
export const strapHeartRateOnly = (nowMs = 0): DevicesSensing => ({
  type: 'devices-sensing',
  seesPosition: false,
  exercises: [],
  nowMs,
});

/**
 * Devices that count `exercises` by themselves (worn at `placements`), told as nothing that sees
 * posture: sets begin as soon as they are due, as for a session told of no device.
 */
export const devicesCount = (
  exercises: readonly ExerciseId[],
  placements?: Partial<Record<ExerciseId, Placement>>,
  nowMs = 0,
): DevicesSensing => ({
  type: 'devices-sensing',
  seesPosition: false,
  exercises,
  ...(placements ? { placements } : {}),
  nowMs,
});
