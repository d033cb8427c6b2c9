// A device as the app's rules and screens read it (DeviceStatus), connected: a Polar H10 on the
// chest that counts every exercise, or a strap with the heart rate alone, changed where a test needs.
import type { DeviceStatus } from '../src/app/device-status.ts';
import { EVERY_EXERCISE } from './devices-sensed.ts';

export function chestStrapStatus(patch: Partial<DeviceStatus> = {}): DeviceStatus {
  return {
    id: 'h10',
    name: 'Polar H10 0A1B2C3D',
    kind: 'polar',
    placement: 'chest',
    connection: 'connected',
    battery: null,
    malformedPackets: 0,
    sampleRateHz: 50,
    heartRate: true,
    motion: true,
    counts: EVERY_EXERCISE,
    handedOver: [],
    motionStopped: false,
    findingPulse: false,
    ...patch,
  };
}

export function heartRateStrapStatus(patch: Partial<DeviceStatus> = {}): DeviceStatus {
  return {
    id: 'strap',
    name: 'HRM-Dual',
    kind: 'heart-rate',
    placement: null,
    connection: 'connected',
    battery: null,
    malformedPackets: 0,
    sampleRateHz: null,
    heartRate: true,
    motion: false,
    counts: [],
    handedOver: [],
    motionStopped: false,
    findingPulse: false,
    ...patch,
  };
}

/** An InfiniTime watch beside a chest strap: it counts the lat pulldown, and gives neither heart rate nor the position. */
export function watchStatus(patch: Partial<DeviceStatus> = {}): DeviceStatus {
  return chestStrapStatus({
    id: 'w',
    name: 'InfiniTime',
    kind: 'pinetime',
    placement: 'wrist',
    heartRate: false,
    motion: false,
    counts: ['lat-pulldown'],
    ...patch,
  });
}
