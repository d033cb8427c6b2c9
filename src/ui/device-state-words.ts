// A device's state as the device panel words it beside the device's name. Pure: the panel renders
// it, and its unit tests read it without a browser.

import { type GoneOnWithout, isAway } from '../app/device-needs.ts';
import type { AwaitedDevice, ConnectionState, DeviceState, DeviceStatus } from '../app/device-status.ts';
import { goneOnWithoutWords } from '../app/device-words.ts';
import type { ExerciseId } from '../workout/program.ts';

// "reconnecting" keeps the words "connection lost" (what the person needs to know) and says beside
// them that the app is on it. Given up on, the device is "out of reach", as the voice, the pause under
// the ring and the problem above it say: the person is to wake it or move it closer.
const CONNECTION_WORDS: Record<ConnectionState, string> = {
  connecting: 'connecting…',
  connected: 'connected',
  reconnecting: 'connection lost',
  lost: 'out of reach',
  ended: 'replay finished',
  unavailable: 'not available',
};

/** A replay is never connected: it plays. */
const REPLAY_WORDS: Partial<Record<ConnectionState, string>> = { connected: 'replaying' };

/**
 * "connected", "connection lost", "out of reach", of a replay "replaying". Of one connected whose
 * motion stopped (see DeviceStatus.motionStopped), as the set's line and the voice say "Watch motion
 * stopped", where it was "connected" alone beside their words: "connected, motion stopped" where the
 * panel is opened to it (`opened`), "motion stopped" in a header that lays the devices out whole,
 * where the longer words took a second row of a 360 px phone's header in a set (19 px more) and put a
 * laptop's Use the virtual strap and Add a device on a row of their own (23 px more).
 */
export function connectionAlarmWords(
  d: Pick<DeviceStatus, 'kind' | 'connection' | 'motionStopped'>,
  opened: boolean,
): string {
  if (d.connection === 'connected' && d.motionStopped) {
    return opened ? 'connected, motion stopped' : 'motion stopped';
  }
  return (d.kind === 'replay' ? REPLAY_WORDS[d.connection] : undefined) ?? CONNECTION_WORDS[d.connection];
}

/**
 * A device of an earlier visit beside its name: "connecting…" while it is tried, "waiting" while it
 * waits its first try behind another (they are tried one at a time, and one left unnamed read as not
 * coming), "not found" once its first try failed.
 */
export function awaitedStateWords(device: Pick<AwaitedDevice, 'trying'>, onFirstTry: boolean): string {
  if (device.trying) return CONNECTION_WORDS.connecting;
  return onFirstTry ? 'waiting' : 'not found';
}

/** What the panel knows of the session under way that changes how a device's state is said. */
export interface SessionOfDevices {
  /** A session is running: out of one, no device is gone on without. */
  readonly inSession: boolean;
  readonly devices: readonly DeviceStatus[];
  /** The devices away that the set under way goes on without (see BbDevicePanel.goneOnWithout). */
  readonly goneOnWithout: readonly DeviceStatus[];
  /** The exercise of the set under way (in a rest, the set after it). */
  readonly exercise: ExerciseId | undefined;
}

/** Whether `d` is away, or its motion stopped, while the session goes on without it. */
export function goingOnWithout(d: DeviceStatus, session: SessionOfDevices): d is GoneOnWithout {
  return (
    session.inSession &&
    (isAway(d.connection) || d.motionStopped) &&
    session.goneOnWithout.some((g) => g.id === d.id)
  );
}

/**
 * A device's state in words. Away or its motion stopped while the session goes on without it (a
 * heart-rate strap, a watch in a floor exercise), in the words the set says it in ("Heart-rate strap
 * reconnecting: keep going", "Watch motion stopped: keep going", "Strap out of reach: the watch
 * counts" where the watch took over its set), in the quiet colour: the warning's
 * words and colour are for a drop that stops the session.
 */
export function sessionStateWords(d: DeviceStatus, session: SessionOfDevices, opened = false): string {
  return goingOnWithout(d, session)
    ? goneOnWithoutWords(session.devices, d, session.exercise)
    : connectionAlarmWords(d, opened);
}

/**
 * A device's state on the line of a phone with its text at twice its size, in its fewest words:
 * reconnecting, "reconnecting…", where "Strap connection lost" took three lines of the line's two,
 * "connection lost" wider than one; one the set goes on without, as any other, where "Watch out of
 * reach: keep going" took three, the set under the header saying what goes on without it.
 */
export function narrowStateWords(d: DeviceStatus): string {
  return d.connection === 'reconnecting' ? 'reconnecting…' : connectionAlarmWords(d, false);
}

/**
 * What the panel notes where the devices in use count no motion, so that the set is counted with +1:
 * "heart rate only: count with +1" where one gives the heart rate, else "no motion: count with +1";
 * null where motion is counted, or no device is in use.
 */
export function countByHandWords(
  state: Pick<DeviceState, 'countsMotion' | 'source'>,
  devices: readonly Pick<DeviceStatus, 'heartRate'>[],
): string | null {
  if (state.countsMotion || !state.source) return null;
  return `${devices.some((d) => d.heartRate) ? 'heart rate only' : 'no motion'}: count with +1`;
}
