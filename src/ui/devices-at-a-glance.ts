// Whether the header's devices are one line that a tap opens (see BbDevicePanel.renderAtAGlance) or
// laid out whole. Pure: the panel lays itself out by it, and the start screen's words that point to
// a button among the devices say where that button is by it.
import type { AwaitedDevice, DeviceState, DeviceStatus } from '../app/device-status.ts';
import { deviceWord } from '../workout/by-hand.ts';
import { capitalised } from '../workout/set-words.ts';
import { awaitedStateWords } from './device-state-words.ts';
import { inAWord, leavesHeartRateOnly } from './problem-line.ts';

/** The window as far as the header's room goes (see NARROW, UPRIGHT_PHONE, LOW_LANDSCAPE). */
export interface HeaderRoom {
  /** A phone with its text at twice its size. */
  readonly narrow: boolean;
  readonly uprightPhone: boolean;
  readonly phoneOnItsSide: boolean;
}

/**
 * The devices are a line that opens to the rest: on a phone with large text, and on an upright phone
 * out of a session where the browser has Web Bluetooth. There "Connect a Bluetooth strap" and the
 * menu's button, wider together than a 360 px phone, took two rows under the devices and what the
 * virtual person does, the header 242 px of 640. Without Bluetooth the row is the short note and the
 * menu, said up front; in a session (`inSession`), the devices alone, but for a problem while every
 * device is connected: its line stands for them, and says what their row says where the problem
 * leaves the heart rate working (see stateSaidOverProblem); the row and the problem's line under it
 * took the ring's 48 px over the set. So it is for
 * a strap and a watch worn together, but for one given up on: laid out whole, each on two rows with
 * its battery and its × (a tap from the mat away from letting it go), they took the header to 185 px
 * of 640 and the set's ring from 248 px to 160, the set paused for one reconnecting too. With one
 * device away, or one of several given up on, the row stays on an upright phone, with its Reconnect,
 * the problem's line under it. A
 * phone on its side has the height for one row of the header in a session: there the strap's row
 * with its note and Reconnect, and the problem under it, took the header to 148 px of 360.
 */
export function devicesAtAGlance(
  room: HeaderRoom,
  inSession: boolean,
  device: Pick<DeviceState, 'noBluetooth' | 'problem' | 'devices'>,
): boolean {
  if (room.narrow) return true;
  const allConnected = device.devices.every((d) => d.connection === 'connected');
  if (inSession && room.phoneOnItsSide && (device.problem !== null || !allConnected)) return true;
  if (!room.uprightPhone) return false;
  if (!inSession) return device.noBluetooth === null;
  if (device.devices.length > 1) return !device.devices.some((d) => d.connection === 'lost');
  return device.problem !== null && allConnected;
}

/**
 * In a session, the line of a problem that leaves the heart rate alone working says the devices and
 * that the set is counted by hand, as a plain strap's row does ("Strap connected, heart rate only:
 * count with +1"), the problem's own words a tap away: its headline alone, "Motion failed",
 * took the line over the set on a 360 px phone, and the person read neither that the strap still
 * gave the heart rate nor what to do. So while every device is connected and none counts motion; on
 * a phone with its text at twice its size the line's two lines of 11 characters hold no more than
 * the headline.
 */
export function stateSaidOverProblem(
  narrow: boolean,
  inSession: boolean,
  device: Pick<DeviceState, 'problem' | 'devices' | 'countsMotion'>,
): boolean {
  return (
    inSession &&
    !narrow &&
    device.problem !== null &&
    leavesHeartRateOnly(device.problem) &&
    !device.countsMotion &&
    device.devices.length > 0 &&
    device.devices.every((d) => d.connection === 'connected')
  );
}

/**
 * The devices named on that line, `words` saying each one's state: a device that stays connected but
 * stopped sending the motion it counts is said first, "No watch motion", two short lines on a 180 px
 * phone (the set's "Watch motion stopped" took three), where "Bangle.js 3c4d connected" was cut to
 * "Bangle.js 3c4d…" and the set's line lay under its controls, past the window, +1 made the main
 * button with no word on screen of why.
 */
export function namedAtAGlance<D extends Pick<DeviceStatus, 'name' | 'placement' | 'motionStopped'>>(
  devices: readonly D[],
  words: (device: D) => string,
): string[] {
  const stopped = devices.filter((d) => d.motionStopped);
  return [
    ...stopped.map((d) => `No ${deviceWord(d.placement ?? undefined)} motion`),
    ...devices.filter((d) => !d.motionStopped).map((d) => `${d.name} ${words(d)}`),
  ];
}

/**
 * The line on a phone with its text at twice its size, where it has two lines of about 13 characters:
 * each device in a word by where it is worn, "Strap connected", the one that is not connected, or
 * sending no motion, or of an earlier visit said first and the others by their count ("Strap not
 * found, 1 more"), several all connected by their count ("2 devices connected"), each named whole a
 * tap away. By their names, "Polar H10 0000E2E0 connected" took three lines of the line's two, cut
 * off, and "Virtual strap connected · Polar H10 0000E2E0 not found" five.
 */
export function narrowDevicesLine<D extends NamedOnTheLine>(
  devices: readonly D[],
  words: (device: D) => string,
  firstTries: readonly Pick<AwaitedDevice, 'name' | 'kind'>[],
  awaiting: readonly Pick<AwaitedDevice, 'name' | 'kind' | 'trying'>[],
): string {
  const sending = devices.filter((d) => d.connection === 'connected' && !d.motionStopped);
  const toSee = [
    ...devices.filter((d) => d.motionStopped).map((d) => `No ${deviceWord(d.placement ?? undefined)} motion`),
    ...devices.filter((d) => d.connection !== 'connected').map((d) => inAWordOnTheLine(d, words(d))),
    ...firstTriesInAWord(firstTries),
    ...awaiting.map((a) => `${inAWord(a)} ${awaitedStateWords(a, false)}`),
  ];
  const [first, ...more] = toSee;
  if (first) return capitalised(more.length ? `${first}, ${more.length} more` : first);
  const [only, ...others] = sending;
  if (!only) return 'No device';
  return others.length
    ? `${sending.length} devices connected`
    : capitalised(inAWordOnTheLine(only, words(only)));
}

/**
 * The devices of an earlier visit on their first tries, the one in a word, "Connecting strap", several
 * by their count, "Connecting 3 devices": "Connecting Polar H10 0000E2E0" took three lines of the
 * line's two, the last cut off, and "…, then 2 more" four.
 */
function firstTriesInAWord(firstTries: readonly Pick<AwaitedDevice, 'name' | 'kind'>[]): string[] {
  const [first, ...then] = firstTries;
  if (!first) return [];
  return [then.length ? `connecting ${firstTries.length} devices` : `connecting ${inAWord(first)}`];
}

type NamedOnTheLine = Pick<
  DeviceStatus,
  'name' | 'kind' | 'placement' | 'connection' | 'heartRate' | 'motionStopped'
>;

/**
 * A device and its `state` in a word: the virtual strap and phone motion by their names, which are
 * that short; a replay by its state, which says it is one ("replaying", "replay finished").
 */
function inAWordOnTheLine(device: NamedOnTheLine, state: string): string {
  if (device.kind === 'replay') return state.startsWith('replay') ? state : `replay ${state}`;
  return `${namedOnTheNarrowLine(device) ? device.name : inAWord(device)} ${state}`;
}

/** The virtual strap and phone motion keep their names on the narrow line (see narrowDevicesLine). */
export function namedOnTheNarrowLine(device: Pick<DeviceStatus, 'kind'>): boolean {
  return device.kind === 'virtual' || device.kind === 'phone';
}

/**
 * What the line says of the devices of an earlier visit, out of a session: those on their first try
 * as the page loads, in the order they are tried, "Connecting Polar H10 0000E2E0, then Bangle.js
 * 5e6f" (two lines of a 360 px phone, where each with its own state, "Polar H10 0000E2E0
 * connecting… · Bangle.js 5e6f waiting", took a third, cut off under the clamp), then each one not
 * found, or tried again at Reconnect; two or more not found by their count, "2 devices not found":
 * each named, "Virtual strap connected · Polar H10 0000E2E0 not found · Bangle.js 5e6f not found",
 * took three lines of a 360 px phone, the last cut off. Three or more, the first named and how many
 * more ("Connecting Polar H10 0000E2E0, then 2 more"): named one after the other they took three
 * lines, the last cut off; each is named, with its state, in the line opened. On a phone with its
 * text at twice its size, see narrowDevicesLine.
 */
export function earlierVisitAtAGlance(
  firstTries: readonly Pick<AwaitedDevice, 'name'>[],
  awaiting: readonly Pick<AwaitedDevice, 'name' | 'trying'>[],
): string[] {
  const named = (a: Pick<AwaitedDevice, 'name' | 'trying'>) => `${a.name} ${awaitedStateWords(a, false)}`;
  const notFound = awaiting.filter((a) => !a.trying);
  const tried =
    notFound.length > 1
      ? [...awaiting.filter((a) => a.trying).map(named), `${notFound.length} devices not found`]
      : awaiting.map(named);
  const [first, ...then] = firstTries;
  if (!first) return tried;
  const after = then.length > 1 ? [`${then.length} more`] : then.map((t) => t.name);
  return [[`Connecting ${first.name}`, ...after].join(', then '), ...tried];
}

/**
 * The line where the text is of its usual size: each device and its state in `words` (see
 * namedAtAGlance), then those of an earlier visit (see earlierVisitAtAGlance), "Virtual strap
 * connected · Polar H10 0000E2E0 not found"; "No device" where there is none.
 */
export function wideDevicesLine<D extends Pick<DeviceStatus, 'name' | 'placement' | 'motionStopped'>>(
  devices: readonly D[],
  words: (device: D) => string,
  firstTries: readonly Pick<AwaitedDevice, 'name'>[],
  awaiting: readonly Pick<AwaitedDevice, 'name' | 'trying'>[],
): string {
  const named = [...namedAtAGlance(devices, words), ...earlierVisitAtAGlance(firstTries, awaiting)];
  return named.length ? named.join(' · ') : 'No device';
}

/**
 * Several devices are in use, or on their way from an earlier visit (their first tries as the page
 * loads), the virtual strap standing in not among them: laid out whole, each connected names its part
 * and offers its ×, and they take two rows (see BbDevicePanel's several-rows), where on their way
 * they took one beside the virtual strap.
 */
export function severalDevicesComing(device: Pick<DeviceState, 'devices' | 'firstTries'>): boolean {
  const inUse = device.devices.filter((d) => d.kind !== 'virtual').length;
  return inUse + device.firstTries.length > 1;
}
