// The wearables we support: what to show in the chooser (filters), which services to ask for
// (optionalServices: custom 128-bit services are not advertised and must be listed [WB-SPEC]), the
// profiles to run, and where the accelerometer sits.

import { HEART_RATE_SERVICE } from '../../protocol/uuids.ts';
import type { Placement } from '../samples.ts';
import { bangleProfile } from './bangle.ts';
import { batteryProfile } from './battery.ts';
import { deviceInfoProfile } from './device-info.ts';
import { heartRateProfile } from './heart-rate.ts';
import { infiniTimeMotionProfile } from './infinitime.ts';
import { microbitProfile } from './microbit.ts';
import { PolarPmdProfile } from './polar-pmd.ts';
import type { Profile } from './profile.ts';

export type BleDeviceKind = 'heart-rate' | 'polar' | 'pinetime' | 'microbit' | 'bangle';

export interface BleDeviceKindSpec {
  readonly kind: BleDeviceKind;
  /** What the person picks in the device panel. */
  readonly label: string;
  readonly filters: BluetoothLEScanFilter[];
  /** Fresh profiles for one device (they hold per-device state). */
  profiles(): Profile[];
  /** Whether the app reads a heart rate from it: a micro:bit has no heart sensor. */
  readonly givesHeartRate: boolean;
  /**
   * How long one of its readings stands for the heart rate now: how often it gives one it is sure of.
   * Absent for a kind that gives none.
   */
  readonly heartRateFreshMs?: number;
  /** Where its accelerometer sits, from the advertised name; null for heart rate only. */
  placement(name: string): Placement | null;
  /**
   * A kind a device picked as this one may turn out to be, by its name (a Polar H10 picked as a
   * plain heart-rate strap): the chooser also asks for that kind's services, so it can be used as such.
   */
  readonly mayBe?: BleDeviceKind;
  /**
   * How often a device that notifies its motion only when it changed looks at its accelerometer: a
   * wrist held still sends nothing for as long as it is still. Absent for one that streams its motion.
   */
  readonly unchangedUnsentMs?: number;
}

/**
 * A reading stands for the heart rate now this long after it came. Straps send one a second; one
 * taken off (or whose electrodes have dried) sends 0 bpm, which is no reading, or nothing at all.
 */
export const HEART_RATE_FRESH_MS = 5000;
/**
 * A Bangle.js's readings are passed on only where the watch is at least half sure of them (see the
 * decoder's bangleHeart), and a wrist that moves leaves it unsure for several readings in a row: at 5 s
 * the header went to "--" and back five times in three minutes with the watch reading all along. In the
 * first minute of rest a heart slows by some 12 to 30 bpm, so a sure reading 15 s old is still within
 * the wrist sensor's own error of the heart now; one older is not.
 */
export const OPTICAL_HEART_RATE_FRESH_MS = 15_000;

export const BLE_DEVICE_KINDS: Readonly<Record<BleDeviceKind, BleDeviceKindSpec>> = {
  'heart-rate': {
    kind: 'heart-rate',
    label: 'Heart-rate strap',
    filters: [{ services: [HEART_RATE_SERVICE] }],
    profiles: () => [heartRateProfile(), batteryProfile(), deviceInfoProfile()],
    givesHeartRate: true,
    heartRateFreshMs: HEART_RATE_FRESH_MS,
    placement: () => null,
    mayBe: 'polar',
  },
  polar: {
    kind: 'polar',
    label: 'Polar H10 / Verity Sense',
    // PMD is not advertised [P-PMD]: match the name Polar sensors advertise.
    filters: [{ namePrefix: 'Polar H10' }, { namePrefix: 'Polar Sense' }, { namePrefix: 'Polar OH1' }],
    profiles: () => [heartRateProfile(), new PolarPmdProfile(), batteryProfile(), deviceInfoProfile()],
    givesHeartRate: true,
    heartRateFreshMs: HEART_RATE_FRESH_MS,
    // The H10 is a chest strap; Verity Sense and OH1 are armbands [P-VS, P-OH1].
    placement: (name) => (/H10|H9/.test(name) ? 'chest' : 'arm'),
  },
  pinetime: {
    kind: 'pinetime',
    label: 'PineTime',
    // "InfiniTime" comes in the scan response [IT NimbleController.cpp].
    filters: [{ namePrefix: 'InfiniTime' }, { namePrefix: 'Pinetime' }],
    // The heart rate found is passed on to the motion profile, which runs after it: a watch without
    // motion is kept for it (see infiniTimeMotionProfile).
    profiles: () => {
      const heartRate = heartRateProfile(false);
      return [heartRate, infiniTimeMotionProfile(heartRate), batteryProfile(), deviceInfoProfile()];
    },
    givesHeartRate: true,
    heartRateFreshMs: HEART_RATE_FRESH_MS,
    placement: () => 'wrist',
    // InfiniTime polls every 100 ms and sends x, y and z only when one of them changed [IT SystemTask.cpp].
    unchangedUnsentMs: 100,
  },
  microbit: {
    kind: 'microbit',
    label: 'micro:bit',
    filters: [{ namePrefix: 'BBC micro:bit' }],
    profiles: () => [microbitProfile(), deviceInfoProfile()],
    givesHeartRate: false,
    // Strapped to the chest in place of a strap's sensor: the trunk exercises need the trunk.
    placement: () => 'chest',
  },
  bangle: {
    kind: 'bangle',
    label: 'Bangle.js',
    // NUS is only in the scan response, so the name is the safer filter [ESP "BLE UART"].
    filters: [{ namePrefix: 'Bangle.js' }],
    profiles: () => [bangleProfile(), batteryProfile()],
    givesHeartRate: true,
    heartRateFreshMs: OPTICAL_HEART_RATE_FRESH_MS,
    placement: () => 'wrist',
  },
};

/** The chooser's options for a kind: every service its profiles use (and those of `mayBe`) is listed. */
export function requestOptionsFor(spec: BleDeviceKindSpec): {
  filters: BluetoothLEScanFilter[];
  optionalServices: BluetoothServiceUUID[];
} {
  const kinds = spec.mayBe ? [spec, BLE_DEVICE_KINDS[spec.mayBe]] : [spec];
  const services = new Set(kinds.flatMap((k) => k.profiles()).flatMap((p) => p.services));
  return { filters: spec.filters, optionalServices: [...services] };
}

/**
 * The kind a device picked as `kind` is used as: the one it may be (`mayBe`) when its name matches
 * that kind's filters. Someone with an H10 who taps "Connect a Bluetooth strap" gets its motion too.
 */
export function kindOfPicked(kind: BleDeviceKind, name: string): BleDeviceKind {
  const other = BLE_DEVICE_KINDS[kind].mayBe;
  if (!other) return kind;
  const matches = BLE_DEVICE_KINDS[other].filters.some(
    (f) => f.namePrefix !== undefined && name.startsWith(f.namePrefix),
  );
  return matches ? other : kind;
}
