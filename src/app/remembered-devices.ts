// What the app remembers of the person's devices from one visit to the next: the Bluetooth devices
// picked, to connect to again with no chooser.

import { BLE_DEVICE_KINDS, type BleDeviceKind } from '../sensors/ble/device-kinds.ts';

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
