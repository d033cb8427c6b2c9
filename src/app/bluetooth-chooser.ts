// The browser's device chooser, opened from a tap for one kind of Bluetooth device: the device the
// person picked, or what to tell them when there is none. It stands apart from the Devices model, which
// connects the device picked beside the others.

import { BLE_DEVICE_KINDS, type BleDeviceKind, requestOptionsFor } from '../sensors/ble/device-kinds.ts';
import {
  BluetoothProblem,
  bluetoothOf,
  describeBluetoothError,
  noBluetoothWords,
} from '../sensors/ble/errors.ts';

/** The device picked, or the problem to show instead (null: the person closed the chooser). */
export type ChooserOutcome = { readonly device: BluetoothDevice } | { readonly problem: string | null };

/** Must be called from a click or tap, before any other await (see below). */
export async function chooseBluetoothDevice(
  navigator: Navigator,
  kind: BleDeviceKind,
): Promise<ChooserOutcome> {
  try {
    const bluetooth = bluetoothOf(navigator);
    if (!bluetooth) {
      const words = noBluetoothWords(navigator.userAgent ?? '');
      throw new BluetoothProblem('unsupported', words.problem);
    }
    // requestDevice must be the first await: it needs the tap's user activation [WB-SPEC].
    return { device: await bluetooth.requestDevice(requestOptionsFor(BLE_DEVICE_KINDS[kind])) };
  } catch (error) {
    const problem = describeBluetoothError(error);
    // Closing the chooser is a choice, not a failure: go quietly back.
    return { problem: problem.kind === 'cancelled' ? null : problem.message };
  }
}
