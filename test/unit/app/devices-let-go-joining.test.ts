// A device the person lets go of (× or Use the virtual strap) while it is still being connected or set
// up: whatever its abandoned connection ends in, late, is about a device they are done with.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Devices } from '../../../src/app/devices.ts';
import { BLUETOOTH_DEVICES_KEY } from '../../../src/app/remembered-devices.ts';
import { CONNECT_TIMEOUT_MS } from '../../../src/sensors/ble/gatt-session.ts';
import { MemoryStorage } from '../../memory-storage.ts';
import { asBluetoothDevice, type FakeDevice } from '../sensors/ble/fake-device.ts';
import { fakeBangle, fakeH10, fakePineTime } from '../sensors/ble/wearables.ts';

/** A navigator whose chooser hands out `device`, and that lists it as one picked on an earlier visit. */
function navigatorWith(device: FakeDevice): Navigator {
  const bluetooth = {
    requestDevice: async () => asBluetoothDevice(device),
    getDevices: async () => [asBluetoothDevice(device)],
  };
  return { bluetooth } as unknown as Navigator;
}

/** The app's devices on a navigator that hands out `device`, with nothing kept from an earlier visit. */
function devicesWith(device: FakeDevice): Devices {
  return new Devices({
    now: () => Date.now(),
    navigator: navigatorWith(device),
    seed: 1,
    window: null,
    storage: new MemoryStorage(),
  });
}

describe('a device let go of while it is still joining', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['its connection is answered late', '×', 'connection'],
    ['its setup is answered late', '×', 'service'],
    ['its connection never answers', '×', 'never'],
    ['its connection is answered late', 'the virtual strap', 'connection'],
    ['its setup is answered late', 'the virtual strap', 'service'],
  ] as const)('says nothing of its failure when %s, let go with %s', async (_, how, stage) => {
    const strap = fakeH10();
    let answer = () => {};
    if (stage === 'never') strap.neverAnswer('connection');
    else strap.answerLate(stage, new Promise<void>((resolve) => (answer = resolve)));
    const storage = new MemoryStorage();
    const devices = new Devices({
      now: () => Date.now(),
      navigator: navigatorWith(strap),
      seed: 1,
      window: null,
      storage,
    });
    const picking = devices.connect('polar');
    await vi.advanceTimersByTimeAsync(50);
    expect(devices.state.devices.map((d) => [d.name, d.connection])).toEqual([
      ['Virtual strap', 'connected'],
      ['Polar H10 0A1B2C3D', 'connecting'],
    ]);
    const told = devices.state.problemsTold;

    if (how === '×') devices.disconnectDevice(strap.id);
    else devices.useVirtualStrap();
    answer();
    await vi.advanceTimersByTimeAsync(CONNECT_TIMEOUT_MS + 1000);
    await picking;

    expect(devices.state.problem).toBeNull();
    expect(devices.state.problemsTold).toBe(told);
    expect(devices.state.devices.map((d) => [d.name, d.connection])).toEqual([
      ['Virtual strap', 'connected'],
    ]);
    expect(devices.active.virtual).not.toBeNull();
    expect(strap.gatt.connected).toBe(false);
    devices.dispose();
  });

  it.each([
    ['×', 'polar'],
    ['×', 'bangle'],
    ['the virtual strap', 'polar'],
    ['the virtual strap', 'bangle'],
  ] as const)(
    'disconnects it within two seconds when its setup no longer answers, let go with %s (%s)',
    async (how, kind) => {
      const wearable = kind === 'bangle' ? fakeBangle() : fakeH10();
      // A Bangle's setup writes first (its reset), an H10's reads its control point's features.
      wearable.neverAnswer(kind === 'bangle' ? 'write' : 'read');
      const devices = devicesWith(wearable);
      const picking = devices.connect(kind);
      await vi.advanceTimersByTimeAsync(100);
      expect(wearable.log.at(-1)).toMatch(/never answered/);
      const told = devices.state.problemsTold;

      if (how === '×') devices.disconnectDevice(wearable.id);
      else devices.useVirtualStrap();
      expect(devices.state.devices.map((d) => d.name)).toEqual(['Virtual strap']);
      // Disconnected, and one taken out with × forgotten by the browser too (see forgetPermission).
      const letGo = () => !wearable.gatt.connected && (how !== '×' || wearable.forgotten === 1);
      let letGoInMs = 0;
      for (; !letGo() && letGoInMs < 60_000; letGoInMs += 100) await vi.advanceTimersByTimeAsync(100);
      expect(letGoInMs).toBeLessThanOrEqual(2_000);
      await picking;
      expect(devices.state.problem).toBeNull();
      expect(devices.state.problemsTold).toBe(told);
      devices.dispose();
    },
  );

  it('gives up the connection the browser is still making at once when it is let go with ×', async () => {
    const strap = fakeH10();
    strap.neverAnswer('connection');
    const devices = devicesWith(strap);
    const picking = devices.connect('polar');
    await vi.advanceTimersByTimeAsync(100);
    expect(strap.gatt.connectionsUnderWay).toBe(1);
    const told = devices.state.problemsTold;

    devices.disconnectDevice(strap.id);
    let letGoInMs = 0;
    for (; strap.gatt.connectionsUnderWay > 0 && letGoInMs < 60_000; letGoInMs += 100)
      await vi.advanceTimersByTimeAsync(100);
    expect(letGoInMs).toBe(0);
    await picking;
    expect(strap.forgotten).toBe(1);
    expect(devices.state.problem).toBeNull();
    expect(devices.state.problemsTold).toBe(told);
    devices.dispose();
  });

  it('still says why a Bangle.js kept while it joins could not be set up', async () => {
    const watch = fakeBangle();
    let answer = () => {};
    watch.answerLate('connection', new Promise<void>((resolve) => (answer = resolve)));
    watch.reachable = false;
    const devices = new Devices({
      now: () => Date.now(),
      navigator: navigatorWith(watch),
      seed: 1,
      window: null,
    });
    const picking = devices.connect('bangle');
    await vi.advanceTimersByTimeAsync(50);
    answer();
    await vi.advanceTimersByTimeAsync(1000);
    await picking;
    expect(devices.state.problem).toMatch(/^Could not connect/);
    expect(devices.state.devices.map((d) => d.name)).toEqual(['Virtual strap']);
    devices.dispose();
  });
});

describe('a device of an earlier visit let go of while it is connected again with no tap', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is not put back in the place of the virtual strap chosen meanwhile when it answers late', async () => {
    const watch = fakePineTime();
    const storage = new MemoryStorage();
    const options = {
      now: () => Date.now(),
      navigator: navigatorWith(watch),
      seed: 1,
      window: null,
      storage,
    };
    const earlier = new Devices(options);
    const picking = earlier.connect('pinetime');
    await vi.advanceTimersByTimeAsync(50);
    await picking;
    earlier.dispose();
    await vi.advanceTimersByTimeAsync(50);

    let answer = () => {};
    watch.answerLate('connection', new Promise<void>((resolve) => (answer = resolve)));
    const devices = new Devices(options);
    const rejoining = devices.reconnectKnownDevices();
    await vi.advanceTimersByTimeAsync(50);
    expect(devices.state).toMatchObject({ rejoining: true, devices: [{ name: 'Virtual strap' }] });

    devices.useVirtualStrap();
    answer();
    await vi.advanceTimersByTimeAsync(1000);
    await rejoining;

    expect(devices.state.devices.map((d) => [d.name, d.connection])).toEqual([
      ['Virtual strap', 'connected'],
    ]);
    expect(devices.active.virtual).not.toBeNull();
    expect(devices.state).toMatchObject({ rejoining: false, awaiting: [], problem: null });
    expect(storage.getItem(BLUETOOTH_DEVICES_KEY)).toBeNull();
    expect(watch.gatt.connected).toBe(false);
    devices.dispose();
  });
});
