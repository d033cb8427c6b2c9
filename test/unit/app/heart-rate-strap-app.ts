// The app as a person with a plain heart-rate strap has it: the chooser picks that strap.
import { Backbeat } from '../../../src/app/backbeat.ts';
import * as uuids from '../../../src/protocol/uuids.ts';
import { asBluetoothDevice, FakeDevice } from '../sensors/ble/fake-device.ts';

/** A strap with the Heart Rate Service alone: no motion. */
export function heartRateStrap(): FakeDevice {
  return new FakeDevice('HRM-Dual', [
    {
      uuid: uuids.HEART_RATE_SERVICE,
      characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { notify: true } }],
    },
  ]);
}

/** The app on the real clock (fake timers drive it), no store; the chooser picks `strap`, or none. */
export function appWithStrap(strap: FakeDevice | null): Backbeat {
  const bluetooth = { requestDevice: async () => (strap ? asBluetoothDevice(strap) : Promise.reject()) };
  return new Backbeat({
    now: () => Date.now(),
    navigator: { bluetooth } as unknown as Navigator,
    persistence: { openStore: () => Promise.reject(new Error('no store in this test')), page: null },
  });
}
