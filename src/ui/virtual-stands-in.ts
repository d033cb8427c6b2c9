// What the start screen says of the virtual strap standing in. A heart rate and "connected" read as
// the person's own: on a first visit, and more so when the strap they picked on an earlier visit did
// not answer as the page loaded, or is still being connected, which is then named.

import type { AwaitedDevice } from '../app/device-status.ts';
import { listed } from './format.ts';

const SIMULATED = 'a simulated person does each exercise as the screen asks, with a simulated heart.';

export function virtualStandsInWords(
  awaiting: readonly AwaitedDevice[],
  bluetoothAvailable: boolean,
  /**
   * The devices above are a line that a tap opens (see devicesAtAGlance): Reconnect is inside it, and
   * "at Reconnect above" sent a person on a phone to a button that was nowhere on the screen.
   */
  devicesAsALine = false,
  /** Devices of an earlier visit being connected as the page loads (see DeviceState.firstTries). */
  connecting: readonly AwaitedDevice[] = [],
): string {
  if (awaiting.length === 0 && connecting.length > 0) {
    const named = listed(connecting.map((c) => c.name));
    const being = connecting.length === 1 ? 'is being connected' : 'are being connected';
    return `${named} ${being}, so the virtual strap stands in meanwhile: ${SIMULATED}`;
  }
  if (awaiting.length === 0) {
    const connect = bluetoothAvailable ? ' Connect a strap or a watch above to count your own.' : '';
    return `No strap is connected, so the virtual strap stands in: ${SIMULATED}${connect}`;
  }
  const names = awaiting.map((a) => a.name);
  const named = listed(names);
  const [was, tried] =
    names.length === 1
      ? ['was', `${named} is tried again by itself`]
      : ['were', 'They are tried again by themselves'];
  // Said here too, as a strap left at home or sold has nothing to be tried again for.
  const forget = `where Forget stops trying ${names.length === 1 ? 'it' : 'one'}`;
  const reconnect = devicesAsALine
    ? 'at Reconnect in the line above, opened with a tap'
    : 'at Reconnect above';
  return `${named} ${was} not found, so the virtual strap stands in meanwhile: ${SIMULATED} ${tried}, or ${reconnect}, ${forget}.`;
}
