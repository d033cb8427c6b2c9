// What a device profile is: the services it needs in the chooser, and what it does on every
// (re)connection through a GattLink. Profiles never touch navigator.bluetooth themselves, so unit
// tests can hand them a scripted device.

import type { ParseError } from '../../protocol/result.ts';
import type { AccelFrame, HeartRateSample } from '../samples.ts';
import type { PacketDecoder } from './decoder.ts';
import type { GattLink } from './gatt-link.ts';

/** Every problem a Bluetooth device can report (its words: DEVICE_PROBLEM_WORDS). */
export const DEVICE_PROBLEM_KINDS = [
  'no-data',
  'mtu-too-small',
  'truncated-frames',
  'charging',
  'stream-failed',
  'stream-stopped',
  'connection-lost',
  'no-motion-service',
] as const;

export type DeviceProblemKind = (typeof DEVICE_PROBLEM_KINDS)[number];

export interface DeviceProblem {
  readonly kind: DeviceProblemKind;
  readonly message: string;
}

/** Facts a profile learns about its device, shown in the device panel. */
export interface DeviceDetails {
  readonly model?: string;
  readonly firmware?: string;
  /** Rate of the running motion stream (chosen from what the device offered, or read back). */
  readonly sampleRateHz?: number;
  readonly rangeG?: number;
}

/** Where a profile's readings go. */
export interface ProfileOutput {
  heartRate(sample: HeartRateSample): void;
  /**
   * A watch's optical sensor gave a reading it is unsure of (see PacketDecoder.bangleHeart): it is on,
   * still finding the pulse. Absent where nothing listens for it (a replay).
   */
  pulseSought?(tMs: number): void;
  accel(frame: AccelFrame): void;
  /**
   * A watch that notifies its motion only when it changed holds a reading it never sent (see
   * infiniTimeMotionProfile): its stream has stopped, its silence no still wrist. Absent where nothing
   * listens for it (a replay).
   */
  motionUnsent?(tMs: number): void;
  battery(percent: number): void;
  /** A packet that did not parse: counted and dropped; the stream goes on. */
  malformed(error: ParseError): void;
  problem(problem: DeviceProblem): void;
  details(patch: DeviceDetails): void;
}

/** What a profile gets on every connection. */
export interface ProfileContext {
  readonly link: GattLink;
  readonly out: ProfileOutput;
  /** The device's one decoder: notifications go through it, live as in a replay. */
  readonly decoder: PacketDecoder;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /**
   * The app has let the device go (GattSession.close), whose stop follows what the profile has under
   * way: what would be started after a wait is not begun.
   */
  readonly closed: () => boolean;
}

export interface Profile {
  readonly id: string;
  /** Services to list in requestDevice's optionalServices: custom ones are not advertised [WB-SPEC]. */
  readonly services: readonly string[];
  /** The device is useless without it: its absence fails the connection. */
  readonly required: boolean;
  /** Runs after every connection and reconnection: fetch, subscribe, start streams. */
  start(context: ProfileContext): Promise<void>;
  /** Stops streams the device would otherwise keep running (PMD: the H10 runs until its battery dies). */
  stop?(context: ProfileContext): Promise<void>;
  /** Starts again, on the same connection, what `stop` stopped (the page shown again). */
  resume?(context: ProfileContext): Promise<void>;
  /** Forgets per-connection state after a drop. */
  reset?(): void;
}
