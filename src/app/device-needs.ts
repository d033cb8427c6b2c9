// What a set or rest needs of the devices, and which of them are away: what pauses it, what it goes on
// without, and which exercises are counted by hand meanwhile. Pure: read from the devices' states.

import type { Placement } from '../sensors/samples.ts';
import { waitsForPosition } from '../workout/counted-by.ts';
import { concernedExercise } from '../workout/next-set.ts';
import { type ExerciseId, PROGRAM } from '../workout/program.ts';
import type { SessionState } from '../workout/session.ts';
import type { DeviceTakeOver, PauseReason } from '../workout/session-state.ts';
import {
  type AwaitedDevice,
  awaitedPlacement,
  type ConnectionState,
  type DeviceState,
  type DeviceStatus,
} from './device-status.ts';

/** The device's state that pauses a set or rest, and why; the others let it go on. */
export const PAUSE_FOR_CONNECTION: Readonly<Record<ConnectionState, PauseReason | null>> = {
  connecting: null,
  connected: null,
  unavailable: null,
  reconnecting: 'connection',
  lost: 'lost',
  ended: 'replay',
};

/**
 * Whether the heart rate alone is out of reach, and how: the device it is read from is reconnecting or
 * given up for lost, and it counts and sees nothing of the exercises (a plain heart-rate strap, or one
 * whose motion will not stream), so its drop takes the heart rate and nothing else, and the session
 * goes on without it (see neededConnection). Null when the heart rate is there, or went
 * with a device the session waits for.
 */
export function heartRateAloneAway(devices: readonly DeviceStatus[]): AwayConnection | null {
  const device = devices.find((d) => d.heartRate);
  if (!device || !seesNoExercise(device)) return null;
  return isAway(device.connection) ? device.connection : null;
}

/**
 * Whether `d` neither counts an exercise nor sees where the person is: a plain heart-rate strap, or
 * one whose motion will not stream. The person counts every rep and times every hold by tap with it.
 */
export function seesNoExercise(d: Pick<DeviceStatus, 'motion' | 'counts' | 'handedOver'>): boolean {
  return !d.motion && d.counts.length === 0 && d.handedOver.length === 0;
}

/**
 * What a set needs of the devices: the one that counts its exercise and, while the set waits for the
 * person to be in position, the one that sees where they lie (the chest strap, in a lat pulldown the
 * watch counts).
 */
export interface SetNeeds {
  readonly exercise: ExerciseId;
  readonly position: boolean;
}

/**
 * What the session needs of the devices now: in a set, the set's; in a rest, the set after it, which
 * the rest's end begins: a device it needs going in the rest pauses the countdown, so that the set
 * does not begin without it, as it would not had the device gone a moment later. The strap that sees
 * where the person is, in a rest before a set another device counts, is not needed once it is away:
 * that set begins without waiting for a position (see SessionState.positionAway). Null outside them.
 */
export function setNeeds(state: SessionState): SetNeeds | null {
  const exercise = concernedExercise(state);
  if (!exercise) return null;
  const position = state.phase === 'set' ? state.set?.waiting === true : waitsForPosition(state, exercise);
  return { exercise: exercise.id, position };
}

/**
 * The connection of the devices `needs` asks for, the worst of them: what a drop pauses a set or rest
 * for (see PAUSE_FOR_CONNECTION). A device that counts only other exercises (an H10 in a lat pulldown
 * the watch counts, a watch in a glute bridge) goes with nothing the set needs: the set goes on, and
 * when one that needs it comes while it is still away, the person counts that by hand. With no needs
 * (no set nor rest under way), every device that counts or sees an exercise.
 */
export function neededConnection(devices: readonly DeviceStatus[], needs: SetNeeds | null): ConnectionState {
  return worstConnection(devices.filter((d) => neededDevice(d, needs)).map((d) => d.connection));
}

/**
 * Where the device whose drop pauses the set or rest (see neededConnection) is worn: of those `needs`
 * asks for that are away, their one placement, the watch beside a Polar H9 that counts nothing;
 * undefined where none is away, or two worn apart are, which the pause cannot tell between.
 */
export function droppedDevicePlacement(
  devices: readonly DeviceStatus[],
  needs: SetNeeds | null,
): Placement | undefined {
  const placements = new Set(
    devices
      .filter((d) => neededDevice(d, needs) && PAUSE_FOR_CONNECTION[d.connection] !== null)
      .map((d) => d.placement ?? undefined),
  );
  return placements.size === 1 ? [...placements][0] : undefined;
}

/**
 * Where the device whose drop paused a set or rest picked up on a new page is worn, as that page finds
 * the devices: the one away of those `needs` asks for (see droppedDevicePlacement); else the one the
 * old page named (`saved`, kept with the session since it was known, see
 * StateSnapshot.pausedForDevice); else, with devices of the last visit not yet reached whose drop could
 * pause it (see awaitedThatPause), whose pause it is (see pauseForConnectionOnRestore), their one
 * placement; else, all back, the one placement of those it asks for, as no other could have paused it.
 * Undefined where two worn apart are in question and the session, saved before it kept the device,
 * names none.
 */
export function restoredDropPlacement(
  devices: Pick<DeviceState, 'devices' | 'awaiting'>,
  needs: SetNeeds | null,
  saved?: Placement,
): Placement | undefined {
  const away = droppedDevicePlacement(devices.devices, needs);
  if (away) return away;
  if (saved) return saved;
  const awaited = awaitedThatPause(devices.awaiting);
  const placements = new Set<Placement | null>(
    awaited.length > 0
      ? awaited.map(awaitedPlacement)
      : devices.devices.filter((d) => neededDevice(d, needs)).map((d) => d.placement),
  );
  const [only] = placements;
  return placements.size === 1 && only ? only : undefined;
}

/**
 * The devices of an earlier visit not reached yet whose drop could have paused a set: those worn where
 * motion is read from. A plain heart-rate strap is worn nowhere it is: the session goes on without it,
 * as it does without one connected that drops (see heartRateAloneAway).
 */
function awaitedThatPause(awaiting: readonly AwaitedDevice[]): AwaitedDevice[] {
  return awaiting.filter((a) => awaitedPlacement(a) !== null);
}

/** Whether `needs` asks for `d` (see neededConnection). */
function neededDevice(d: DeviceStatus, needs: SetNeeds | null): boolean {
  return needs === null
    ? !seesNoExercise(d)
    : d.counts.includes(needs.exercise) || (needs.position && d.motion);
}

/** A device out of reach in a state that pauses a set it is needed in: reconnecting, or given up on. */
export type AwayConnection = 'reconnecting' | 'lost';

export function isAway(connection: ConnectionState): connection is AwayConnection {
  return connection === 'reconnecting' || connection === 'lost';
}

/**
 * The devices out of reach, or connected with their motion stopped, that the set under way (in a
 * rest, the set after it) goes on without, as it needs none of them (see neededConnection): a strap
 * that gives the heart rate alone, or one that counts other exercises (an H10 in a lat pulldown the
 * watch counts, a watch in a superman). The set screen says each, as the voice said it; a device the
 * set needs, gone, pauses it or has it counted by hand, which the screen says in its own words.
 */
export function goneOnWithout(devices: readonly DeviceStatus[], needs: SetNeeds | null): GoneOnWithout[] {
  return devices.filter(
    (d): d is GoneOnWithout => (isAway(d.connection) || d.motionStopped) && !neededDevice(d, needs),
  );
}

/** A device out of reach, or whose motion stopped, that the session goes on without (see goneOnWithout). */
export type GoneOnWithout = DeviceStatus & { readonly goneOnWithout: never };

/**
 * Whether the device that sees where the person is (the one motion is read from for most exercises:
 * the chest strap beside a watch) is out of reach now, in a state that pauses a set (see
 * PAUSE_FOR_CONNECTION), or connected with its motion stopped (see DeviceStatus.motionStopped), as
 * blind to the position as one gone: no set waits to see the person in position meanwhile (see
 * SessionState.positionAway).
 */
export function positionOutOfReach(devices: readonly DeviceStatus[]): boolean {
  return devices.some((d) => d.motion && (PAUSE_FOR_CONNECTION[d.connection] !== null || d.motionStopped));
}

/**
 * Whether a device counts `exercise` by its motion (see DeviceStatus.counts): else the person counts
 * it by tap. The session's lessons ask it of the devices the app reads now.
 */
export function countedByMotion(devices: readonly DeviceStatus[], exercise: ExerciseId): boolean {
  return devices.some((d) => d.counts.includes(exercise));
}

/**
 * Of `exercise`, where the device out of reach (see handedOverOf), or whose motion stopped, is worn that
 * another counts it in place of, where that other is, and how the first is gone (see DeviceStatus.handedOver);
 * null where its own device counts it.
 */
export function takenOverOf(devices: readonly DeviceStatus[], exercise: ExerciseId): DeviceTakeOver | null {
  const gone = devices.find((d) => d.handedOver.includes(exercise));
  const placement = devices.find((d) => d.counts.includes(exercise))?.placement;
  return gone?.placement && placement
    ? { from: gone.placement, placement, how: isAway(gone.connection) ? 'lost' : 'stopped' }
    : null;
}

/**
 * Where the device each exercise is up to is worn (see SessionState.motionPlacements): the one that
 * counts it (see DeviceStatus.counts), else the one motion is read from for most exercises, which
 * cannot see it (a watch alone, in a glute bridge). None where no device gives motion.
 */
export function motionPlacementsOf(devices: readonly DeviceStatus[]): Partial<Record<ExerciseId, Placement>> {
  const placements: Partial<Record<ExerciseId, Placement>> = {};
  const main = devices.find((d) => d.motion);
  for (const { id } of PROGRAM) {
    const placement = (devices.find((d) => d.counts.includes(id)) ?? main)?.placement;
    if (placement) placements[id] = placement;
  }
  return placements;
}

/**
 * The exercises, in the program's order, whose device that counts them (see DeviceStatus.counts) is
 * out of reach now, in a state that pauses a set (see PAUSE_FOR_CONNECTION): the session counts their
 * sets by tap meanwhile, and ends none for want of reps nothing could see. One just being connected
 * has not gone.
 */
export function exercisesOutOfReach(devices: readonly DeviceStatus[]): ExerciseId[] {
  const away = new Set(
    devices
      .filter((d) => PAUSE_FOR_CONNECTION[d.connection] !== null || d.motionStopped)
      .flatMap((d) => d.counts),
  );
  return PROGRAM.map((e) => e.id).filter((id) => away.has(id));
}

/**
 * Of the exercises out of reach (see exercisesOutOfReach), those whose device is connected but has
 * stopped sending its motion (see DeviceStatus.motionStopped), in the program's order.
 */
export function exercisesMotionStopped(devices: readonly DeviceStatus[]): ExerciseId[] {
  const away = new Set(
    exercisesOutOfReach(devices.filter((d) => PAUSE_FOR_CONNECTION[d.connection] !== null)),
  );
  const stopped = new Set(devices.filter((d) => d.motionStopped).flatMap((d) => d.counts));
  return PROGRAM.map((e) => e.id).filter((id) => stopped.has(id) && !away.has(id));
}

/**
 * What a pause made for a device on an earlier page waits for, as this page finds the devices (see
 * pausedAsDevicesAre), for the set or rest picked up (`needs`, see setNeeds): a device it needs away,
 * by the rule a drop pauses it by (see neededConnection), so that it does not wait behind one it goes
 * on without. One still being connected, picked again or of the last visit reconnected with no tap
 * (the virtual strap 'connected' in its place meanwhile), is not back yet, and what it will count is
 * not known: the set waits for it as for one reconnecting, and goes on by itself once it is
 * connected, as it would have on that page. One of the last visit that did not answer is out of
 * reach, as one given up on is, but for a plain heart-rate strap, which pauses nothing (see
 * awaitedThatPause).
 */
export function pauseForConnectionOnRestore(
  devices: Pick<DeviceState, 'devices' | 'rejoining' | 'awaiting'>,
  needs: SetNeeds | null,
): PauseReason | null {
  const reason = PAUSE_FOR_CONNECTION[neededConnection(devices.devices, needs)];
  if (reason !== null) return reason;
  if (devices.devices.some((d) => d.connection === 'connecting')) return 'connection';
  // One awaited stays out of reach through its tries, by itself or at Reconnect, until one reaches
  // it: else the pause would say "connection lost" and "out of reach" by turns at each try.
  if (awaitedThatPause(devices.awaiting).length > 0) return 'lost';
  return devices.rejoining ? 'connection' : null;
}

const CONNECTION_SEVERITY: Record<ConnectionState, number> = {
  connected: 0,
  connecting: 1,
  reconnecting: 2,
  ended: 3,
  unavailable: 4,
  lost: 5,
};

/** The worst of `states` (see CONNECTION_SEVERITY): what the device panel says of them all. */
export function worstConnection(states: readonly ConnectionState[]): ConnectionState {
  let worst: ConnectionState = 'connected';
  for (const s of states) if (CONNECTION_SEVERITY[s] > CONNECTION_SEVERITY[worst]) worst = s;
  return worst;
}

/**
 * What the device panel says of the devices all together: the worst connection of those `used` (the
 * app reads from them, or waits for them), of all of them where none is; the malformed packets of all;
 * the lowest battery.
 */
export function devicesTogether(
  devices: readonly DeviceStatus[],
  used: readonly boolean[],
): Pick<DeviceState, 'connection' | 'malformedPackets' | 'battery'> {
  const inUse = devices.filter((_, i) => used[i]);
  const batteries = devices.map((d) => d.battery).filter((b): b is number => b !== null);
  return {
    connection: worstConnection((inUse.length ? inUse : devices).map((d) => d.connection)),
    malformedPackets: devices.reduce((n, d) => n + d.malformedPackets, 0),
    battery: batteries.length ? Math.min(...batteries) : null,
  };
}
