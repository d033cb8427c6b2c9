// What the app remembers of the person's devices from one visit to the next: the Bluetooth devices
// picked, to connect to again with no chooser.

import { BLE_DEVICE_KINDS, type BleDeviceKind } from '../sensors/ble/device-kinds.ts';
import { JsonStore, type KeyValueStorage } from '../workout/json-store.ts';

/** Where the Bluetooth devices picked are kept, to connect to again on the next visit. */
export const BLUETOOTH_DEVICES_KEY = 'backbeat.bluetooth-devices.v1';

/** A Bluetooth device the person picked, as the next visit finds it again among getDevices(). */
export interface KnownDevice {
  readonly id: string;
  readonly kind: BleDeviceKind;
}

/** The known devices read back from storage; entries that are not one (hand-edited, older) are left out. */
export function parseKnownDevices(value: unknown): readonly KnownDevice[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (d): d is KnownDevice =>
      typeof d === 'object' &&
      d !== null &&
      typeof d.id === 'string' &&
      typeof d.kind === 'string' &&
      Object.hasOwn(BLE_DEVICE_KINDS, d.kind),
  );
}

/**
 * The Bluetooth devices the person picked, in the order they were picked: read from storage each
 * time, as what was kept there may have changed since (another tab of the app).
 */
export class RememberedDevices {
  private readonly store: JsonStore<readonly KnownDevice[]>;

  /** `storage` null keeps the devices for this visit only. */
  constructor(storage: KeyValueStorage | null) {
    this.store = new JsonStore(storage, BLUETOOTH_DEVICES_KEY, parseKnownDevices, () => []);
  }

  list(): readonly KnownDevice[] {
    return this.store.load();
  }

  has(id: string): boolean {
    return this.list().some((d) => d.id === id);
  }

  /** `device` connected: kept last, in place of its own entry and of those `replacedIds` names. */
  keep(device: KnownDevice, replacedIds: ReadonlySet<string>): void {
    this.save([...this.list().filter((d) => d.id !== device.id && !replacedIds.has(d.id)), device]);
  }

  /** The device is connected again no more, on this visit or the next. */
  forget(id: string): void {
    this.save(this.list().filter((d) => d.id !== id));
  }

  forgetAll(): void {
    this.store.clear();
  }

  /** None left: nothing is kept, rather than an empty list. */
  private save(devices: readonly KnownDevice[]): void {
    if (devices.length) this.store.save(devices);
    else this.store.clear();
  }
}

/**
 * Gives back the browser's permission for a device the person forgot, where the browser can
 * (BluetoothDevice.forget(), Chrome and Edge [WB-SPEC]): kept, getDevices() lists the device on
 * every visit after, for any page of the origin to connect to without the chooser. Where there is
 * no forget(), or it fails, nothing is lost: the app no longer knows the device, so it connects to
 * it again only once it is picked from the chooser.
 */
export async function forgetPermission(device: BluetoothDevice): Promise<void> {
  if (typeof device.forget !== 'function') return;
  try {
    await device.forget();
  } catch {
    // See above: the app's own forgetting is done already.
  }
}
