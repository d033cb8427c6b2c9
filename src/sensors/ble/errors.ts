// What can go wrong with Web Bluetooth, worded for the person holding the phone.
// Which DOMException means what: PROTOCOLS.md §6 [WB-SPEC; MDN].

/** Why a Bluetooth device could not be used, worded for the person holding the phone. */
export class BluetoothProblem extends Error {
  constructor(
    readonly kind: 'unsupported' | 'cancelled' | 'denied' | 'unavailable' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'BluetoothProblem';
  }
}

export const UNSUPPORTED_MESSAGE =
  'This browser cannot talk to Bluetooth devices. Use Chrome or Edge on Android, Windows, macOS or ChromeOS ' +
  '(on iOS, the Bluefy browser). Meanwhile, the virtual strap works everywhere.';

const DENIED_MESSAGE =
  'The browser did not allow Bluetooth here. Check the site permissions, and open the app over https or localhost.';

/** Turns what requestDevice or connect threw into a problem the screen can explain. */
export function describeBluetoothError(error: unknown): BluetoothProblem {
  if (error instanceof BluetoothProblem) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'NotFoundError':
      // The chooser was closed without a pick, the adapter is missing, or Chromium's Bluetooth
      // permission is blocked or disabled by a policy: all end in NotFoundError, told apart by words.
      if (/adapter/i.test(detail)) {
        return new BluetoothProblem(
          'unavailable',
          'Bluetooth is off or missing on this device. Turn it on and try again.',
        );
      }
      if (/permission|blocked|denied|disabled/i.test(detail))
        return new BluetoothProblem('denied', DENIED_MESSAGE);
      return new BluetoothProblem('cancelled', 'No device was chosen.');
    case 'SecurityError':
    case 'NotAllowedError':
      // Insufficient authentication that pairing cannot fix also ends here [WB-SPEC §error handling]:
      // micro:bit and PineTime may need pairing in the system settings first [WB-IMPL].
      return new BluetoothProblem('denied', DENIED_MESSAGE);
    case 'NetworkError':
      // Only connecting reports this (a later drop reconnects by itself): the device may never have answered.
      return new BluetoothProblem(
        'failed',
        'Could not connect to the device. Move closer, wake it and try again.',
      );
    case 'NotSupportedError':
      // The device refused a GATT operation: notifications it would not start ("GATT Error: Not
      // supported."), or an error code in answer ("GATT operation failed for unknown reason.").
      return new BluetoothProblem(
        'failed',
        'The device would not start sending its readings. Turn it off and on again, then try again.',
      );
    default:
      return new BluetoothProblem('failed', `The device could not be used: ${detail}`);
  }
}

/** Web Bluetooth itself, or null in Firefox, Safari and Android WebView [WB-IMPL; MDN BCD]. */
export function bluetoothOf(nav: Navigator): Bluetooth | null {
  return 'bluetooth' in nav && nav.bluetooth ? nav.bluetooth : null;
}
