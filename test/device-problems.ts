// Every device problem the app can show, named: each Bluetooth failure, each problem a device's
// profile reports, phone motion's, a file that is no recording, and a device of an earlier visit not found.
import { KNOWN_DEVICE_WORDS, RECORDING_WORDS } from '../src/app/device-words.ts';
import { BLUETOOTH_WORDS, deviceFailed, noBluetoothWords } from '../src/sensors/ble/errors.ts';
import { deviceProblem } from '../src/sensors/ble/problems.ts';
import { DEVICE_PROBLEM_KINDS } from '../src/sensors/ble/profile.ts';
import { PHONE_MOTION_WORDS } from '../src/sensors/phone/phone-motion.ts';

/** A long device name, as a Polar strap's. */
export const LONG_DEVICE_NAME = 'Polar H10 0000E2E0';

/** A Chrome on Linux, whose Bluetooth is turned off to the browser. */
export const CHROME_ON_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export const EVERY_DEVICE_PROBLEM: ReadonlyArray<readonly [string, string]> = [
  ...Object.entries(BLUETOOTH_WORDS).map(([reason, words]) => [`Bluetooth ${reason}`, words] as const),
  [
    'Bluetooth failed otherwise',
    deviceFailed('GATT Server is disconnected. Cannot perform GATT operations.'),
  ],
  ...DEVICE_PROBLEM_KINDS.map(
    (kind) =>
      [
        kind,
        deviceProblem(kind, { device: LONG_DEVICE_NAME, why: 'the sensor did not answer' }).message,
      ] as const,
  ),
  ...Object.entries(PHONE_MOTION_WORDS).map(([reason, words]) => [`phone motion ${reason}`, words] as const),
  ['not a recording', RECORDING_WORDS.notARecording('it does not open as JSON')],
  ['empty recording', RECORDING_WORDS.empty],
  ['strap of an earlier visit not found', KNOWN_DEVICE_WORDS.notFound(LONG_DEVICE_NAME, true)],
];

/** What a tap on a Bluetooth device says where the browser has Bluetooth turned off. */
export const BLUETOOTH_TURNED_OFF: readonly [string, string] = [
  'Bluetooth turned off to the browser',
  noBluetoothWords(CHROME_ON_LINUX).problem,
];
