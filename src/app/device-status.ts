// What the app tells of the devices it reads: each device's state as the device panel shows it, the
// whole as the header and the session read it, and the one source the session is fed from.

import type { Observable } from 'rxjs';
import { BLE_DEVICE_KINDS, type BleDeviceKind } from '../sensors/ble/device-kinds.ts';
import type { ConnectionState as GattConnectionState } from '../sensors/ble/gatt-session.ts';
import type { AccelFrame, HeartRateSample, Placement, SourceInfo } from '../sensors/samples.ts';
import type { VirtualStrap } from '../sensors/virtual/virtual-strap.ts';
import type { ExerciseId } from '../workout/program.ts';

/**
 * How a device is doing; 'ended' is a replay whose recording has played to its end, 'unavailable' a
 * device that never gave anything to connect to (phone motion on a computer with no motion sensor).
 */
export type ConnectionState = GattConnectionState | 'ended' | 'unavailable';

export type DeviceKind = BleDeviceKind | 'phone' | 'virtual' | 'replay';

/** Motion for one exercise: which stream, where it sits on the body, and the device it comes from. */
export interface MotionFeed {
  readonly accel$: Observable<AccelFrame>;
  readonly placement: Placement;
  /** The one device the stream is of, as the session's recording names it beside the others. */
  readonly source: SourceInfo;
}

/** What the app reads: one heart-rate stream and one motion stream, whichever devices give them. */
export interface Source {
  readonly info: SourceInfo;
  readonly accel$: Observable<AccelFrame> | null;
  /** Every reading of the device heart rate is read from, as it comes (see chooseHeartRate). */
  readonly heartRate$: Observable<HeartRateSample>;
  /**
   * The heart rate now: the current reading of the best-ranked device that has one (see
   * chooseHeartRate), null while none has: a device away, silent, off the skin or unsure of the pulse.
   */
  readonly heartRateNow$: Observable<HeartRateSample | null>;
  /** Set for the virtual strap, whose simulated person the app tells what to do. */
  readonly virtual: VirtualStrap | null;
  /** The motion stream best placed for an exercise (the wrist for the lat pulldown, else the chest). */
  motionFor(exercise: ExerciseId): MotionFeed | null;
  disconnect(): void;
}

/** One connected device, as the device panel shows it. */
export interface DeviceStatus {
  readonly id: string;
  readonly name: string;
  readonly kind: DeviceKind;
  readonly placement: Placement | null;
  readonly connection: ConnectionState;
  /** Battery level in %, or null when the device does not say. */
  readonly battery: number | null;
  readonly malformedPackets: number;
  /** Rate of the running motion stream, when known. */
  readonly sampleRateHz: number | null;
  /**
   * The app reads heart rate from this device: the best-ranked one with a current reading, else the
   * best-ranked one (see chooseHeartRate).
   */
  readonly heartRate: boolean;
  /** The app reads motion from this device (for most exercises). */
  readonly motion: boolean;
  /** The exercises whose motion is read from this device (see motionDeviceFor); none: counted elsewhere or by hand. */
  readonly counts: readonly ExerciseId[];
  /**
   * Away a few seconds or given up for lost (see handedOverOf), the exercises it is best placed for
   * that another device counts in its place (see exercisesHandedOverBy): a strap's superman, counted
   * by the watch beside it.
   */
  readonly handedOver: readonly ExerciseId[];
  /**
   * Connected, it has sent no motion for MOTION_STOPPED_AFTER_MS since it last did (see
   * motionStoppedOf): what it counts goes on by hand until its motion comes again.
   */
  readonly motionStopped: boolean;
  /**
   * Connected, its heart sensor is on and still finding the pulse (see findingPulseOf): a watch whose
   * readings are all unsure, for the 5 to 20 s after its sensor turns on or while the wrist moves.
   */
  readonly findingPulse: boolean;
}

export interface DeviceState {
  /** The source the app reads; its placement is that of the motion device. */
  readonly source: SourceInfo | null;
  /**
   * The connection of the devices the app reads from and of any being connected at the person's
   * word, the worst of them: 'connecting' while one is (a set goes on meanwhile), 'reconnecting'
   * while a dropped device is being reconnected, 'lost' when it could not be, 'ended' when a replay
   * has played its recording to the end: what the device panel says of them all. Whether a set pauses
   * is read per device, of those it needs (see neededConnection).
   */
  readonly connection: ConnectionState;
  /** A device with an accelerometer is connected, so reps and holds are counted by themselves. */
  readonly countsMotion: boolean;
  /** Malformed packets counted and dropped, all devices together. */
  readonly malformedPackets: number;
  /** Something to tell the person: no Web Bluetooth, permission denied, a dropped connection. */
  readonly problem: string | null;
  /**
   * How many problems have been told: the same problem told again (the same file chosen twice) is
   * news, though its words are those already shown.
   */
  readonly problemsTold: number;
  /**
   * Where the browser has no Web Bluetooth, what the device panel says of it: up front (`brief`), and
   * in its menu why and what still works (`note`); null where it has, the one word of whether it has
   * (a flag beside it could say otherwise). Worded for this browser, as a tap on a Bluetooth device's
   * problem is.
   */
  readonly noBluetooth: { readonly brief: string; readonly note: string } | null;
  /**
   * Devices of an earlier visit that did not answer as the page loaded: named, so that the virtual
   * strap standing in is not taken for them, and tried again by themselves (see tryAgainDelayMs).
   */
  readonly awaiting: readonly AwaitedDevice[];
  /**
   * Devices of an earlier visit on their first try as the page loads, neither connected nor awaited
   * yet, tried one at a time (`trying` the one tried now, the others waiting their turn): named as
   * being connected, so that the virtual strap standing in meanwhile, and "No strap is
   * connected", are not taken for the strap a person sees the app connecting to (a strap waking up
   * takes seconds).
   */
  readonly firstTries: readonly AwaitedDevice[];
  /**
   * A device of an earlier visit is being connected now with no tap: as the page loads (before it is
   * awaited, if it does not answer), or tried again by itself or at the person's word. It is not
   * listed among the devices meanwhile, and the devices there go on as they are.
   */
  readonly rejoining: boolean;
  /** The lowest battery level among the connected devices. */
  readonly battery: number | null;
  readonly devices: readonly DeviceStatus[];
}

/** A device of an earlier visit that did not answer as the page loaded. */
export interface AwaitedDevice {
  readonly id: string;
  readonly name: string;
  readonly kind: BleDeviceKind;
  /** A connection to it is being tried now. */
  readonly trying: boolean;
}

/** Where a device of an earlier visit is worn, as its kind tells from its name; null where it does not. */
export function awaitedPlacement(device: Pick<AwaitedDevice, 'name' | 'kind'>): Placement | null {
  return BLE_DEVICE_KINDS[device.kind].placement(device.name);
}
