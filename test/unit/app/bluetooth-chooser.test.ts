// The browser's chooser opened for a kind of Bluetooth device, behind a scripted navigator.bluetooth
// (the platform boundary): the device picked, nothing to say when the person closes it, and words for
// a browser with no Bluetooth or a refusal.

import { describe, expect, it } from 'vitest';
import { chooseBluetoothDevice } from '../../../src/app/bluetooth-chooser.ts';
import { BLE_DEVICE_KINDS, requestOptionsFor } from '../../../src/sensors/ble/device-kinds.ts';
import { UNSUPPORTED_MESSAGE } from '../../../src/sensors/ble/errors.ts';
import { asBluetoothDevice } from '../sensors/ble/fake-device.ts';
import { fakePineTime } from '../sensors/ble/wearables.ts';

function domError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** A navigator whose chooser answers with `answer` (a device picked, or what it threw), and the requests it had. */
function navigatorAnswering(answer: BluetoothDevice | Error): {
  nav: Navigator;
  requests: RequestDeviceOptions[];
} {
  const requests: RequestDeviceOptions[] = [];
  const bluetooth = {
    async requestDevice(options: RequestDeviceOptions) {
      requests.push(options);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return { nav: { bluetooth } as unknown as Navigator, requests };
}

describe("the browser's chooser", () => {
  it('gives the device picked, asked for with the filters of the kind chosen', async () => {
    const watch = asBluetoothDevice(fakePineTime());
    const { nav, requests } = navigatorAnswering(watch);
    expect(await chooseBluetoothDevice(nav, 'pinetime')).toEqual({ device: watch });
    expect(requests).toEqual([requestOptionsFor(BLE_DEVICE_KINDS.pinetime)]);
  });

  it('says nothing when the person closes it', async () => {
    const { nav } = navigatorAnswering(
      domError('NotFoundError', 'User cancelled the requestDevice() chooser.'),
    );
    expect(await chooseBluetoothDevice(nav, 'polar')).toEqual({ problem: null });
  });

  it('says why there is no device when Bluetooth is refused or off', async () => {
    const refused = navigatorAnswering(domError('SecurityError', 'Must be handling a user gesture.'));
    const off = navigatorAnswering(domError('NotFoundError', 'Bluetooth adapter not available.'));
    expect(await chooseBluetoothDevice(refused.nav, 'polar')).toEqual({
      problem: expect.stringMatching(/did not allow Bluetooth/),
    });
    expect(await chooseBluetoothDevice(off.nav, 'heart-rate')).toEqual({
      problem: expect.stringMatching(/^Bluetooth off: it is off or missing/),
    });
  });

  it('says which browsers have Bluetooth where this one has none, and opens nothing', async () => {
    expect(await chooseBluetoothDevice({} as Navigator, 'polar')).toEqual({ problem: UNSUPPORTED_MESSAGE });
  });
});
