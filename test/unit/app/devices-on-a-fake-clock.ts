// Bluetooth devices the page connects on a clock the test moves: the fake devices answer, and the
// page's links to them wait, on the same FakeClock the modules under test are handed.

import type { DeviceState } from '../../../src/app/device-status.ts';
import { EarlierVisitDevices } from '../../../src/app/earlier-visit-devices.ts';
import type { RejoinCircumstances } from '../../../src/app/rejoin-policy.ts';
import { BLE_DEVICE_KINDS, type BleDeviceKind } from '../../../src/sensors/ble/device-kinds.ts';
import { GattSession } from '../../../src/sensors/ble/gatt-session.ts';
import type { FakeClock } from '../../fake-clock.ts';
import type { FakeDevice } from '../sensors/ble/fake-device.ts';

/** A session under way, the page shown: the tries by themselves are made (see tryAgainDelayMs). */
export const SESSION_RUNNING: Omit<RejoinCircumstances, 'failedAttempts'> = {
  sessionRunning: true,
  pageHidden: false,
};

/** `device` answering on `clock`, and when (in s on the clock) each connection to it began from now on. */
export function onClock(device: FakeDevice, clock: FakeClock): number[] {
  device.timers = clock;
  const attemptsAtS: number[] = [];
  const connect = device.gatt.connect.bind(device.gatt);
  device.gatt.connect = () => {
    attemptsAtS.push(clock.now() / 1000);
    return connect();
  };
  return attemptsAtS;
}

/** The page's link to `device`, on `clock`, as the app makes one for each device it connects. */
export function sessionOf(device: BluetoothDevice, kind: BleDeviceKind, clock: FakeClock): GattSession {
  return new GattSession(device, BLE_DEVICE_KINDS[kind].profiles(), { now: clock.now, timers: clock });
}

/**
 * A page connecting the devices of an earlier visit on `clock`, each try a link of its own, let go when
 * it fails, as the Devices model connects them; what it was told to show, in `told`.
 */
export function earlierVisitPage(
  clock: FakeClock,
  pace: () => Omit<RejoinCircumstances, 'failedAttempts'> = () => SESSION_RUNNING,
) {
  const connected = new Map<string, GattSession>();
  const forgotten = new Set<string>();
  const told: Array<Partial<DeviceState>> = [];
  const devices = new EarlierVisitDevices(
    {
      connect: async (device, kind) => {
        const session = sessionOf(device, kind, clock);
        try {
          await session.connect();
          connected.set(device.id, session);
          // As the Devices model does with a device connected: it is awaited no more.
          devices.stopAwaiting((a) => a.device.id === device.id);
          return true;
        } catch {
          session.close();
          return false;
        }
      },
      isKnown: (id) => !forgotten.has(id),
      isListed: (id) => connected.has(id),
      update: (patch) => told.push(patch),
      pace,
    },
    clock,
  );
  return {
    devices,
    connected,
    forgotten,
    told,
    close(): void {
      devices.stopAwaiting(() => true);
      for (const session of connected.values()) session.close();
    },
  };
}
