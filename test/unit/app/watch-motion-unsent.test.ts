// An InfiniTime watch whose motion notifications stop while it stays connected. The watch notifies
// its raw motion only when x, y or z changed since its last look, every 100 ms [IT SystemTask.cpp]:
// a wrist still on the mat sends nothing, and that silence is held as the last reading (see
// heldWhileUnchanged). What it holds now can still be read (READ/NOTIFY): a reading read that differs
// from the last one sent is a change the watch did not notify, a stream stopped, not a still wrist.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MOTION_STOPPED_AFTER_MS } from '../../../src/app/device-streams.ts';
import { Devices } from '../../../src/app/devices.ts';
import * as uuids from '../../../src/protocol/uuids.ts';
import { UNSENT_CHECK_MS } from '../../../src/sensors/ble/infinitime.ts';
import { asBluetoothDevice, FakeDevice } from '../sensors/ble/fake-device.ts';
import { pineTimeMotion } from '../sensors/ble/wearables.ts';

/** An InfiniTime watch whose reading now (what a read gives) the test sets. */
function watchWithReading() {
  const reading = { read: pineTimeMotion(0, 0, -1024) };
  const watch = new FakeDevice('InfiniTime', [
    {
      uuid: uuids.HEART_RATE_SERVICE,
      characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { notify: true, read: true } }],
    },
    {
      uuid: uuids.INFINITIME_MOTION_SERVICE,
      characteristics: [
        Object.assign(reading, { uuid: uuids.INFINITIME_MOTION, properties: { notify: true, read: true } }),
      ],
    },
  ]);
  return { watch, reading };
}

async function connected() {
  const { watch, reading } = watchWithReading();
  const bluetooth = { requestDevice: async () => asBluetoothDevice(watch) };
  const devices = new Devices({
    now: () => Date.now(),
    navigator: { bluetooth } as unknown as Navigator,
    seed: 1,
    window: null,
  });
  const connecting = devices.connect('pinetime');
  await vi.advanceTimersByTimeAsync(50);
  await connecting;
  // Seen by a set's wait for position: the app reads its motion.
  const feed = devices.active.motionFor('lat-pulldown');
  const frames: number[] = [];
  const reading$ = feed!.accel$.subscribe((f) => frames.push(f.t0Ms));
  return { watch, reading, devices, frames, close: () => reading$.unsubscribe() };
}

describe('an InfiniTime watch whose motion stops while it stays connected', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is told stopped once it holds a reading it did not send, and streams again with its next notification', async () => {
    const { watch, reading, devices, close } = await connected();
    const stopped = () => devices.state.devices[0].motionStopped;
    // The wrist moves, and the watch notifies each change.
    for (let i = 0; i < 20; i++) {
      const now = pineTimeMotion(100 + 10 * i, 0, -1000);
      reading.read = now;
      watch.notify(uuids.INFINITIME_MOTION, now);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(stopped()).toBe(false);
    // Still: nothing is sent, and its reading is the last one sent. Still for 10 s is no stop.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(stopped()).toBe(false);
    // Its notifications stop while the wrist moves on: the watch holds readings it sends no more.
    // Told within a second's look and the 3 s any device's silence is given.
    let toldAfterMs: number | null = null;
    for (let i = 0; i < 100; i++) {
      reading.read = pineTimeMotion(400 + 10 * i, 0, -900);
      await vi.advanceTimersByTimeAsync(100);
      if (toldAfterMs === null && stopped()) toldAfterMs = (i + 1) * 100;
    }
    expect(toldAfterMs).not.toBeNull();
    expect(toldAfterMs).toBeLessThanOrEqual(UNSENT_CHECK_MS + MOTION_STOPPED_AFTER_MS + 100);
    expect(stopped()).toBe(true);
    expect(devices.state.devices[0].connection).toBe('connected');
    // A notification again: it streams.
    watch.notify(uuids.INFINITIME_MOTION, pineTimeMotion(0, 0, -1024));
    await vi.advanceTimersByTimeAsync(100);
    expect(stopped()).toBe(false);
    close();
    devices.dispose();
  });
});
