// A chest strap and a watch that counts the lat pulldown, the set paused for the watch out of reach,
// and the page reloaded in the pause: the new page connects the devices of the last visit by itself,
// the person taps "Resume where I was", and the set goes on once the watch is back. The pause is
// kept as the watch's, "watch out of reach", as it is on the page the drop began on. Through the
// whole app in Node, its store and all.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Backbeat } from '../../../src/app/backbeat.ts';
import type { DeviceKind } from '../../../src/app/device-status.ts';
import * as uuids from '../../../src/protocol/uuids.ts';
import { SessionStore } from '../../../src/store/session-store.ts';
import { MemoryStorage } from '../../memory-storage.ts';
import { asBluetoothDevice, FakeDevice } from '../sensors/ble/fake-device.ts';
import { fakePineTime } from '../sensors/ble/wearables.ts';
import {
  closedOnceSaved,
  connectInTurn,
  droppedInTheFirstSetOf,
  heartRateStrap,
} from './heart-rate-strap-app.ts';

/** A Polar H9: the Heart Rate Service, and no PMD (it has no accelerometer to stream). */
function fakeH9(): FakeDevice {
  return new FakeDevice('Polar H9 0A1B2C3D', [
    {
      uuid: uuids.HEART_RATE_SERVICE,
      characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { notify: true } }],
    },
  ]);
}

/** What the store does, done: the fake clock moved on meanwhile, as the store's own work waits on it. */
async function done(work: Promise<void>): Promise<void> {
  await vi.advanceTimersByTimeAsync(50);
  await work;
}

/** What the store gives, given: the fake clock moved on meanwhile, as the store's own work waits on it. */
async function settled<T>(work: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(50);
  return work;
}

/** A page of the app on `storeName`, whose chooser picks `devices` in turn and whose browser lets it use them again. */
function openPage(devices: readonly FakeDevice[], storeName: string, storage: MemoryStorage): Backbeat {
  const picks = [...devices];
  const bluetooth = {
    requestDevice: async () => asBluetoothDevice(picks.shift()!),
    getDevices: async () => devices.map(asBluetoothDevice),
  };
  return new Backbeat({
    now: () => Date.now(),
    navigator: { bluetooth } as unknown as Navigator,
    settingsStorage: storage,
    persistence: { openStore: () => SessionStore.open({ name: storeName }), page: null },
    cueHosts: null,
  });
}

describe('a set paused for the watch beside a chest strap, resumed after a reload', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /**
   * A lat pulldown set paused for the watch gone out of reach, on a page now closed; the next page
   * opened and the session resumed there, with the watch in reach again before (`backFirst`) or after.
   */
  async function reloadedInTheWatchsPause(backFirst: boolean) {
    const storeName = `watch-drop-pause-reload-${backFirst}`;
    const storage = new MemoryStorage();
    const strap = fakeH9();
    const watch = fakePineTime();
    const before = openPage([strap, watch], storeName, storage);
    before.start();
    await vi.advanceTimersByTimeAsync(100);
    await connectInTurn(before, ['polar', 'pinetime']);
    expect(before.devices.state.devices.map((d) => d.counts.includes('lat-pulldown'))).toEqual([false, true]);
    await droppedInTheFirstSetOf(before, 'lat-pulldown', watch, 3_000);
    expect(before.session.state.pausedFor).toBe('connection');
    await closedOnceSaved(before);

    watch.reachable = backFirst;
    const after = openPage([strap, watch], storeName, storage);
    after.start();
    await vi.advanceTimersByTimeAsync(100);
    const id = after.persistence.history.state.unfinished?.id;
    expect(id).toBeDefined();
    await done(after.persistence.resume());
    expect(after.session.state.pausedAtMs).not.toBeNull();
    watch.reachable = true;
    await vi.advanceTimersByTimeAsync(40_000);
    expect(after.devices.state.devices.map((d) => [d.kind, d.connection])).toEqual([
      ['polar', 'connected'],
      ['pinetime', 'connected'],
    ]);
    return { after, storeName, id: id! };
  }

  /** The last pause as the store keeps it. */
  async function savedPause(storeName: string, id: string) {
    const store = await settled(SessionStore.open({ name: storeName }));
    const saved = await settled(store.loadBundle(id));
    store.close();
    return saved?.session.snapshot?.pauses?.at(-1);
  }

  it('keeps the pause as the watch’s, in the session and in its record, the watch back after Resume', async () => {
    const { after, storeName, id } = await reloadedInTheWatchsPause(false);
    // The set went on by itself once the watch was back.
    expect(after.session.state.pausedAtMs).toBeNull();
    expect(after.session.state.pauses?.at(-1)).toMatchObject({ deviceLost: true, placement: 'wrist' });
    await done(after.persistence.flush());
    expect(await savedPause(storeName, id)).toMatchObject({ deviceLost: true, placement: 'wrist' });
    after.dispose();
  });

  it('keeps the pause as the watch’s, the watch back before Resume', async () => {
    const { after, storeName, id } = await reloadedInTheWatchsPause(true);
    // Back before the page picked the session up: the wait for Resume is the person's own.
    expect(after.session.state.pausedAtMs).not.toBeNull();
    expect(after.session.state.pauses?.at(-1)).toMatchObject({ deviceLost: true, placement: 'wrist' });
    await done(after.persistence.flush());
    expect(await savedPause(storeName, id)).toMatchObject({ deviceLost: true, placement: 'wrist' });
    after.dispose();
  });

  /**
   * A lat pulldown set paused for the watch gone out of reach `watchAwayMs` beside `strap` (picked as
   * `strapKind`), on a page now closed; the next page opened with the strap out of reach, and the
   * session resumed there.
   */
  async function reloadedWithTheStrapAway(strap: FakeDevice, strapKind: DeviceKind, watchAwayMs: number) {
    const storeName = `watch-drop-pause-reload-${strapKind}-${watchAwayMs}`;
    const storage = new MemoryStorage();
    const watch = fakePineTime();
    const before = openPage([strap, watch], storeName, storage);
    before.start();
    await vi.advanceTimersByTimeAsync(100);
    await connectInTurn(before, [strapKind, 'pinetime']);
    await droppedInTheFirstSetOf(before, 'lat-pulldown', watch, watchAwayMs);
    const paused = before.session.state;
    await closedOnceSaved(before);

    strap.reachable = false;
    const after = openPage([strap, watch], storeName, storage);
    after.start();
    await vi.advanceTimersByTimeAsync(100);
    await done(after.persistence.resume());
    return { paused, after, watch };
  }

  it('goes on once the watch is back, beside a plain heart-rate strap that does not answer the new page', async () => {
    // The strap left at home: its heart rate is all it gave, and no set waits for it.
    const { paused, after, watch } = await reloadedWithTheStrapAway(heartRateStrap(), 'heart-rate', 3_000);
    expect(paused).toMatchObject({ pausedFor: 'connection', pausedForDevice: 'wrist' });
    watch.reachable = true;
    await vi.advanceTimersByTimeAsync(40_000);
    expect(after.devices.state.devices.map((d) => [d.kind, d.connection])).toEqual([
      ['pinetime', 'connected'],
    ]);
    expect(after.devices.state.awaiting.map((a) => a.name)).toEqual(['HRM-Dual']);
    expect(after.session.state.pausedAtMs).toBeNull();
    expect(after.session.state.pauses?.at(-1)).toMatchObject({ deviceLost: true, placement: 'wrist' });
    after.dispose();
  });

  it('names the watch as the device the pause waits for, given up for lost before the reload, neither device answering the new page', async () => {
    const { paused, after } = await reloadedWithTheStrapAway(fakeH9(), 'polar', 90_000);
    expect(paused).toMatchObject({ pausedFor: 'lost', pausedForDevice: 'wrist' });
    // Neither answers yet: which of the two the pause was for, the new page cannot tell from them.
    expect(after.session.state).toMatchObject({ pausedFor: 'lost', pausedForDevice: 'wrist' });
    after.dispose();
  });
});
