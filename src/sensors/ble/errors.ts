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

/**
 * What each way Bluetooth can fail says: a headline of a few words a 180 px wide line shows whole
 * (see HEADLINE_MAX_CHARS), then why, and what to do.
 */
export const BLUETOOTH_WORDS = {
  unsupported:
    'No Bluetooth: this browser cannot talk to Bluetooth devices. Use Chrome or Edge on Android, Windows, ' +
    'macOS or ChromeOS (on iOS, the Bluefy browser). Meanwhile, the virtual strap works everywhere.',
  off: 'Bluetooth off: it is off or missing on this device. Turn it on and try again.',
  denied:
    'Bluetooth blocked: the browser did not allow Bluetooth here. Check the site permissions, and open ' +
    'the app over https or localhost.',
  // Never shown: closing the chooser is a choice, and the app goes quietly back.
  'not-chosen': 'Nothing chosen: the chooser was closed without a device.',
  // Never shown: the device was let go (×, or another chosen) before it was connected and set up.
  'let-go': 'Let go: the device was let go before it was connected.',
  'no-answer': 'Could not connect: the device did not answer. Move closer, wake it and try again.',
  'would-not-send':
    'Device refused: the device would not start sending its readings. Turn it off and on again, then try again.',
} as const;

export const UNSUPPORTED_MESSAGE = BLUETOOTH_WORDS.unsupported;

/**
 * Chrome or Edge on a computer or Android, by its user agent: a browser that has Web Bluetooth where
 * the device and its settings allow it. Without it there (Linux, where it is off by default; a policy
 * or a flag), sending the person to Chrome or Edge would send them where they are. Every browser on
 * an iPhone is Safari's engine (Chrome there is CriOS), and an app's web view says "wv": neither has it.
 */
function isChromeOrEdge(userAgent: string): boolean {
  return /(Chrome|Edg)\//.test(userAgent) && !/\bwv\b|iPhone|iPad|iPod/.test(userAgent);
}

/**
 * Where a browser has no Web Bluetooth, as the device panel says it beside its menu of devices: as
 * true of Firefox as of a Chrome whose Bluetooth is turned off. The note, in the menu, says why and
 * what still works.
 */
const NO_BLUETOOTH_BRIEF = 'No Bluetooth in this browser';

/**
 * Where there is no Web Bluetooth: what the device panel says up front (`brief`), why and what still
 * works, in its menu (`note`), and what a tap on a Bluetooth device says (`problem`).
 */
export function noBluetoothWords(userAgent: string): {
  readonly brief: string;
  readonly note: string;
  readonly problem: string;
} {
  if (isChromeOrEdge(userAgent)) {
    return {
      brief: NO_BLUETOOTH_BRIEF,
      note: 'Bluetooth is not available to this browser on this device, so a strap or watch cannot connect here; the virtual strap and recordings still work.',
      problem:
        'No Bluetooth: this browser has Bluetooth turned off on this device (as on Linux, or by a policy or ' +
        'a setting). Meanwhile, the virtual strap and recordings still work.',
    };
  }
  return {
    brief: NO_BLUETOOTH_BRIEF,
    note: 'This browser has no Bluetooth: a strap or watch connects in Chrome or Edge (Bluefy on an iPhone).',
    problem: BLUETOOTH_WORDS.unsupported,
  };
}

/** Any other failure: what the browser or the device's profile said, after a headline. */
export function deviceFailed(detail: string): string {
  return `Device failed: ${detail}`;
}

/** Turns what requestDevice or connect threw into a problem the screen can explain. */
export function describeBluetoothError(error: unknown): BluetoothProblem {
  if (error instanceof BluetoothProblem) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'NotFoundError':
      // The chooser was closed without a pick, the adapter is missing, or Chromium's Bluetooth
      // permission is blocked or disabled by a policy: all end in NotFoundError, told apart by words.
      if (/adapter/i.test(detail)) return new BluetoothProblem('unavailable', BLUETOOTH_WORDS.off);
      if (/permission|blocked|denied|disabled/i.test(detail))
        return new BluetoothProblem('denied', BLUETOOTH_WORDS.denied);
      return new BluetoothProblem('cancelled', BLUETOOTH_WORDS['not-chosen']);
    case 'SecurityError':
    case 'NotAllowedError':
      // Insufficient authentication that pairing cannot fix also ends here [WB-SPEC §error handling]:
      // micro:bit and PineTime may need pairing in the system settings first [WB-IMPL].
      return new BluetoothProblem('denied', BLUETOOTH_WORDS.denied);
    case 'NetworkError':
      // Only connecting reports this (a later drop reconnects by itself): the device may never have answered.
      return new BluetoothProblem('failed', BLUETOOTH_WORDS['no-answer']);
    case 'NotSupportedError':
      // The device refused a GATT operation: notifications it would not start ("GATT Error: Not
      // supported."), or an error code in answer ("GATT operation failed for unknown reason.").
      return new BluetoothProblem('failed', BLUETOOTH_WORDS['would-not-send']);
    default:
      return new BluetoothProblem('failed', deviceFailed(detail));
  }
}

/** Web Bluetooth itself, or null in Firefox, Safari and Android WebView [WB-IMPL; MDN BCD]. */
export function bluetoothOf(nav: Navigator): Bluetooth | null {
  return 'bluetooth' in nav && nav.bluetooth ? nav.bluetooth : null;
}
