// What the connected devices count by themselves, and so what the person counts by hand: the
// session knows it before each set, so that the voice asks for a tap where no device sees a hold.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Backbeat } from '../../../src/app/backbeat.ts';
import * as uuids from '../../../src/protocol/uuids.ts';
import { PROGRAM } from '../../../src/workout/program.ts';
import { asBluetoothDevice, FakeDevice } from '../sensors/ble/fake-device.ts';

describe('exercises counted by hand', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are none with the virtual strap, and all of them with a heart-rate-only strap', async () => {
    const strap = new FakeDevice('HRM-Dual', [
      {
        uuid: uuids.HEART_RATE_SERVICE,
        characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { notify: true } }],
      },
    ]);
    const app = new Backbeat({
      now: () => Date.now(),
      navigator: {
        bluetooth: { requestDevice: async () => asBluetoothDevice(strap) },
      } as unknown as Navigator,
      persistence: { openStore: () => Promise.reject(new Error('no store in this test')), page: null },
    });
    app.start();
    await vi.advanceTimersByTimeAsync(50);
    expect(app.session.state.countedByDevice).toEqual(PROGRAM.map((e) => e.id));

    const connecting = app.devices.connect('heart-rate');
    await vi.advanceTimersByTimeAsync(50);
    await connecting;
    expect(app.session.state.countedByDevice).toEqual([]);
    // A new session, and a session put back after a reload, keep knowing it.
    app.session.reset();
    expect(app.session.state.countedByDevice).toEqual([]);
    app.session.restore({ ...app.session.state, countedByDevice: PROGRAM.map((e) => e.id) });
    expect(app.session.state.countedByDevice).toEqual([]);
    app.dispose();
  });
});
