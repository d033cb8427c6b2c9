// A Polar H10 and a watch, and the watch giving no more motion while the H10 stays the device motion
// is mostly read from: the H10 counts the lat pulldown then, and the session says so of where the
// device that counts it is worn (what the voice names: "The strap is back", not "The watch is back").
// Through the whole app in Node.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as uuids from '../../../src/protocol/uuids.ts';
import { FakeDevice } from '../sensors/ble/fake-device.ts';
import { fakeH10, fakePineTime } from '../sensors/ble/wearables.ts';
import { appPickingInTurn } from './heart-rate-strap-app.ts';

describe('a watch beside the strap that gives no more motion', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has the lat pulldown counted on the chest, where the strap that counts it now is', async () => {
    const h10 = fakeH10();
    // Its services as the page finds them on each connection: the motion service can go.
    const services = [...fakePineTime().services];
    const watch = new FakeDevice('InfiniTime', services);
    const app = appPickingInTurn([h10, watch]);
    app.start();
    for (const kind of ['polar', 'pinetime'] as const) {
      const connecting = app.devices.connect(kind);
      await vi.advanceTimersByTimeAsync(50);
      await connecting;
    }
    app.startSession();
    expect(app.session.state.motionPlacements?.['lat-pulldown']).toBe('wrist');

    // The watch drops, and comes back without its motion service: kept for its heart rate alone.
    services.splice(
      services.findIndex((s) => s.uuid === uuids.INFINITIME_MOTION_SERVICE),
      1,
    );
    watch.drop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(
      app.devices.state.devices.map((d) => [d.name, d.connection, d.counts.includes('lat-pulldown')]),
    ).toEqual([
      ['Polar H10 0A1B2C3D', 'connected', true],
      ['InfiniTime', 'connected', false],
    ]);
    expect(app.session.state.motionPlacements?.['lat-pulldown']).toBe('chest');
    app.dispose();
  });
});
