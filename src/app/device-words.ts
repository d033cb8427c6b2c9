// What the app says of its devices: one the set goes on without, one of an earlier visit not found,
// a recording that cannot be replayed, a browser with no Web Bluetooth. Pure: words from states.

import { BLE_DEVICE_KINDS, type BleDeviceKind } from '../sensors/ble/device-kinds.ts';
import { noBluetoothWords } from '../sensors/ble/errors.ts';
import {
  countedInPlaceWords,
  GOING_ON_WITHOUT_WORDS,
  type GoneHow,
  goneOnWithoutName,
} from '../workout/by-hand.ts';
import type { ExerciseId } from '../workout/program.ts';
import { type GoneOnWithout, isAway, seesNoExercise, takenOverOf } from './device-needs.ts';
import type { DeviceState, DeviceStatus } from './device-status.ts';

/**
 * What the set or rest under way says of a device it goes on without (see goneOnWithout), `exercise`
 * the set's (in a rest, the set after it): which device counts it, where one took it over from this
 * one given up for lost ("Strap out of reach: the watch counts"); else how it is gone
 * (see goneOnWithoutText).
 */
export function goneOnWithoutLine(
  devices: readonly DeviceStatus[],
  gone: GoneOnWithout,
  exercise: ExerciseId | undefined,
): string {
  return `${goneOnWithoutName(gone.placement, namedHeartRateStrap(gone))} ${goneOnWithoutWords(devices, gone, exercise)}`;
}

/**
 * Whether a device the session goes on without is named "Heart-rate strap": it sees no exercise (see
 * seesNoExercise) and is worn as a strap is, on the chest or nowhere known. A watch or an armband that
 * gives the heart rate alone is named by where it is worn, lest the person take the strap on their
 * chest for the one gone.
 */
function namedHeartRateStrap(d: DeviceStatus): boolean {
  return seesNoExercise(d) && (d.placement === null || d.placement === 'chest');
}

/**
 * What the header says after the name of a device the set or rest under way goes on without, in the
 * words of its line there (see goneOnWithoutLine): "out of reach: the watch counts" of a strap whose
 * set the watch took over, so that the header and the set tell the same; else how it is gone ("out of
 * reach: keep going").
 */
export function goneOnWithoutWords(
  devices: readonly DeviceStatus[],
  gone: GoneOnWithout,
  exercise: ExerciseId | undefined,
): string {
  const tookOver = exercise && gone.handedOver.includes(exercise) ? takenOverOf(devices, exercise) : null;
  return tookOver
    ? countedInPlaceWords(tookOver.placement, tookOver.how)
    : GOING_ON_WITHOUT_WORDS[goneHow(gone)];
}

/** How a device the session goes on without is gone: out of reach wins over its motion stopped. */
export function goneHow(d: GoneOnWithout): GoneHow {
  return isAway(d.connection) ? d.connection : 'stopped';
}

export function noBluetoothNotice(nav: Navigator): DeviceState['noBluetooth'] {
  const { brief, note } = noBluetoothWords(nav.userAgent ?? '');
  return { brief, note };
}

/** The words of a device's problem (see sensors/ble/problems.ts), for the screens' lines. */
export { deviceProblem, outOfReachCountedInPlace } from '../sensors/ble/problems.ts';

/**
 * What a device of an earlier visit that did not answer as the page loaded says. Its name follows the
 * headline (see HEADLINE_MAX_CHARS); a strap wakes when its contacts are wet and it is worn.
 */
export const KNOWN_DEVICE_WORDS = {
  notFound: (device: string, isStrap: boolean) =>
    `Not found: ${device} did not answer. ${isStrap ? 'Put it on with its contacts wet' : 'Wake it'}, or ` +
    'bring it closer: it is tried again by itself. Meanwhile the virtual strap stands in, with a simulated heart.',
} as const;
export function notFoundWords(device: BluetoothDevice, kind: BleDeviceKind): string {
  const spec = BLE_DEVICE_KINDS[kind];
  const name = device.name || spec.label;
  // A micro:bit strapped to the chest reads no pulse: it has no contacts to wet.
  const isStrap = spec.givesHeartRate && (kind === 'heart-rate' || spec.placement(name) === 'chest');
  return KNOWN_DEVICE_WORDS.notFound(name, isStrap);
}

/**
 * What a recording file that cannot be replayed says: what went wrong first, in few words, as a
 * session's header on a phone with large text shows only that (see HEADLINE_MAX_CHARS).
 */
export const RECORDING_WORDS = {
  notARecording: (why: string) => `Not a recording: Backbeat cannot replay that file; ${why}.`,
  empty: 'Empty recording: it was saved before any device sent anything.',
} as const;
