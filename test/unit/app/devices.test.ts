// The Devices model with scripted devices behind a scripted navigator.bluetooth (the platform
// boundary): which device gives heart rate and which gives motion, the messages people see, and
// the reconnection hook the session model listens to.

import { BehaviorSubject, Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  countedByMotion,
  exercisesMotionStopped,
  exercisesOutOfReach,
  goneOnWithout,
  heartRateAloneAway,
  motionPlacementsOf,
  neededConnection,
  pauseForConnectionOnRestore,
  positionOutOfReach,
  restoredDropPlacement,
  type SetNeeds,
  seesNoExercise,
  setNeeds,
} from '../../../src/app/device-needs.ts';
import { devicesNamedIn } from '../../../src/app/device-source.ts';
import type {
  AwaitedDevice,
  ConnectionState,
  DeviceKind,
  DeviceStatus,
} from '../../../src/app/device-status.ts';
import {
  heldWhileUnchanged,
  MOTION_STOPPED_AFTER_MS,
  motionStoppedOf,
} from '../../../src/app/device-streams.ts';
import { goneHow, goneOnWithoutLine, goneOnWithoutWords } from '../../../src/app/device-words.ts';
import { Devices } from '../../../src/app/devices.ts';
import { VIRTUAL_HABIT_KEY } from '../../../src/app/virtual-strap-habit.ts';
import { createRecording, recordPacket, serializeRecording } from '../../../src/protocol/recording.ts';
import * as uuids from '../../../src/protocol/uuids.ts';
import { UNSUPPORTED_MESSAGE } from '../../../src/sensors/ble/errors.ts';
import { CONNECT_TIMEOUT_MS } from '../../../src/sensors/ble/gatt-session.ts';
import type { AccelFrame, HeartRateSample } from '../../../src/sensors/samples.ts';
import { goneOnWithoutText } from '../../../src/workout/by-hand.ts';
import { fileStamp } from '../../../src/workout/calendar.ts';
import { PROGRAM } from '../../../src/workout/program.ts';
import { initialSessionState, reduceSession, type SessionAction } from '../../../src/workout/session.ts';
import { chestStrapStatus, heartRateStrapStatus, watchStatus } from '../../device-status.ts';
import { MemoryStorage } from '../../memory-storage.ts';
import { describeWithShared } from '../../shared.ts';
import { asBluetoothDevice, FakeDevice, hex } from '../sensors/ble/fake-device.ts';
import { accFrames, fakeBangle, fakeH10, fakePineTime, vector } from '../sensors/ble/wearables.ts';

function domError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** A navigator whose chooser hands out the next scripted device (or throws what the user did). */
type ChooserRequest = { filters?: BluetoothLEScanFilter[]; optionalServices?: BluetoothServiceUUID[] };

function navigatorWith(choices: Array<FakeDevice | Error>): {
  nav: Navigator;
  requests: ChooserRequest[];
} {
  const requests: ChooserRequest[] = [];
  const bluetooth = {
    async requestDevice(options: ChooserRequest) {
      requests.push(options);
      const next = choices.shift();
      if (!next) throw domError('NotFoundError', 'User cancelled the requestDevice() chooser.');
      if (next instanceof Error) throw next;
      return asBluetoothDevice(next);
    },
  };
  return { nav: { bluetooth } as unknown as Navigator, requests };
}

async function settle(ms = 50): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('Devices without Web Bluetooth', () => {
  it('says which browsers work and keeps the virtual strap', async () => {
    const devices = new Devices({ now: () => 0, navigator: {} as Navigator, seed: 1, window: null });
    // What the device panel says of it, before anything is tapped.
    expect(devices.state.noBluetooth).toEqual({
      brief: 'No Bluetooth in this browser',
      note: 'This browser has no Bluetooth: a strap or watch connects in Chrome or Edge (Bluefy on an iPhone).',
    });
    await devices.connect('polar');
    expect(devices.state.problem).toBe(UNSUPPORTED_MESSAGE);
    expect(devices.state.problem).toMatch(/Chrome or Edge/);
    expect(devices.active.virtual).not.toBeNull();
    devices.dispose();
  });

  it('does not send a person already in Chrome to Chrome when its Bluetooth is off', async () => {
    const userAgent =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
    const devices = new Devices({
      now: () => 0,
      navigator: { userAgent } as Navigator,
      seed: 1,
      window: null,
    });
    expect(devices.state.noBluetooth?.note).toMatch(
      /^Bluetooth is not available to this browser on this device/,
    );
    await devices.connect('polar');
    expect(devices.state.problem).toMatch(
      /^No Bluetooth: this browser has Bluetooth turned off on this device/,
    );
    expect(devices.state.problem).not.toMatch(/Chrome or Edge/);
    devices.dispose();
  });

  it('goes quietly back when the chooser is closed, and explains a refusal', async () => {
    const { nav } = navigatorWith([
      domError('NotFoundError', 'User cancelled the requestDevice() chooser.'),
      domError('SecurityError', 'Must be handling a user gesture to show a permission request.'),
      domError('NotFoundError', 'Bluetooth adapter not available.'),
    ]);
    const devices = new Devices({ now: () => 0, navigator: nav, seed: 1, window: null });
    expect(devices.state.noBluetooth).toBeNull();
    await devices.connectBluetoothStrap();
    expect(devices.state.problem).toBeNull();
    await devices.connectBluetoothStrap();
    expect(devices.state.problem).toMatch(/did not allow Bluetooth/);
    devices.dismissProblem();
    expect(devices.state.problem).toBeNull();
    await devices.connectBluetoothStrap();
    expect(devices.state.problem).toMatch(/^Bluetooth off: it is off or missing/);
    expect(devices.active.virtual).not.toBeNull();
    devices.dispose();
  });

  it.each([
    'Bluetooth permission has been blocked.',
    'User denied the browser permission to scan for Bluetooth devices.',
    'User or their enterprise policy has disabled Web Bluetooth.',
  ])('explains a Bluetooth permission Chromium refuses as NotFoundError: "%s"', async (message) => {
    const { nav } = navigatorWith([domError('NotFoundError', message)]);
    const devices = new Devices({ now: () => 0, navigator: nav, seed: 1, window: null });
    await devices.connectBluetoothStrap();
    expect(devices.state.problem).toMatch(/did not allow Bluetooth/);
    devices.dispose();
  });
});

describe('Devices with a strap that will not stream', () => {
  it('says in words that the strap would not send its heart rate, not what the browser said', async () => {
    // A strap whose heart-rate characteristic refuses notifications: Chromium says "GATT Error: Not supported."
    const strap = new FakeDevice('Cheap HRM', [
      {
        uuid: uuids.HEART_RATE_SERVICE,
        characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { read: true } }],
      },
    ]);
    const { nav } = navigatorWith([strap]);
    const devices = new Devices({ now: () => 0, navigator: nav, seed: 1, window: null });
    await devices.connectBluetoothStrap();
    expect(devices.state.problem).toBe(
      'Device refused: the device would not start sending its readings. Turn it off and on again, then try again.',
    );
    expect(devices.active.virtual).not.toBeNull();
    devices.dispose();
  });
});

describe("The virtual person's habit", () => {
  it('is kept when another device comes and goes, and after a reload', () => {
    const storage = new MemoryStorage();
    const options = { now: () => 0, navigator: {} as Navigator, seed: 1, window: null, storage };
    const devices = new Devices(options);
    expect(devices.active.virtual?.habit).toBe('usual');
    devices.setVirtualHabit('up-early');
    expect(devices.active.virtual?.habit).toBe('up-early');
    devices.replay(createRecording([]));
    expect(devices.active.virtual).toBeNull();
    devices.useVirtualStrap();
    expect(devices.active.virtual?.habit).toBe('up-early');
    devices.dispose();

    const reloaded = new Devices(options);
    expect(reloaded.active.virtual?.habit).toBe('up-early');
    reloaded.dispose();
  });

  it('is the usual one when what was stored is not a habit', () => {
    const storage = new MemoryStorage();
    storage.setItem(VIRTUAL_HABIT_KEY, '"dances"');
    const devices = new Devices({ now: () => 0, navigator: {} as Navigator, seed: 1, window: null, storage });
    expect(devices.active.virtual?.habit).toBe('usual');
    devices.dispose();
  });
});

describe('A device picked on an earlier visit', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is connected again when the browser still lists it; one out of reach stays known', async () => {
    const { watch, options } = await watchFromAnEarlierVisit();

    // The next visit, with the watch off: the virtual strap stays, and the watch is named as not found.
    watch.reachable = false;
    const away = new Devices(options);
    const trying = away.reconnectKnownDevices();
    await settle();
    await trying;
    expect(away.active.virtual).not.toBeNull();
    expect(away.state.problem).toBe(
      'Not found: InfiniTime did not answer. Wake it, or bring it closer: it is tried again by itself. ' +
        'Meanwhile the virtual strap stands in, with a simulated heart.',
    );
    away.dispose();

    // Off and silent (a connection attempt that never ends): the virtual strap stays in use meanwhile.
    const connect = watch.gatt.connect;
    watch.gatt.connect = () => new Promise(() => {});
    const silent = new Devices(options);
    void silent.reconnectKnownDevices();
    await settle(10_000);
    expect(silent.active.virtual).not.toBeNull();
    expect(silent.state.devices.map((d) => d.name)).toEqual(['Virtual strap']);
    silent.dispose();
    watch.gatt.connect = connect;

    // The one after, with the watch on: it is connected with no chooser.
    watch.reachable = true;
    const back = new Devices(options);
    const reconnecting = back.reconnectKnownDevices();
    await settle();
    await reconnecting;
    expect(back.state.devices.map((d) => [d.name, d.connection, d.placement])).toEqual([
      ['InfiniTime', 'connected', 'wrist'],
    ]);
    back.dispose();
  });

  it('counts by hand with an H10 that will not stream motion, connected again with no chooser', async () => {
    // Status 10, INVALID_MTU: the H10 refuses the accelerometer stream over this link, as it is set up.
    const { options } = await pickedOnAnEarlierVisit(
      fakeH10(() => [0x0a]),
      'polar',
    );
    const next = new Devices(options);
    const rejoining = next.reconnectKnownDevices();
    await settle();
    await rejoining;
    expect(next.state.devices.map((d) => [d.kind, d.connection, d.heartRate, d.motion])).toEqual([
      ['polar', 'connected', true, false],
    ]);
    expect(next.state.countsMotion).toBe(false);
    expect(next.active.motionFor('superman')).toBeNull();
    next.dispose();
  });

  it('is connected once when picked again meanwhile: the pick waits for that attempt', async () => {
    const { watch, options } = await watchFromAnEarlierVisit(1);

    // The next visit: the watch wakes slowly, and the person picks it from the chooser meanwhile.
    const connect = watch.gatt.connect.bind(watch.gatt);
    let wake = () => {};
    let attempts = 0;
    watch.gatt.connect = () => {
      attempts++;
      return attempts === 1 ? new Promise((resolve) => (wake = () => resolve(connect()))) : connect();
    };
    const next = new Devices(options);
    const rejoining = next.reconnectKnownDevices();
    await settle();
    const picked = next.connect('pinetime');
    await settle();
    wake();
    await settle();
    await Promise.all([rejoining, picked]);
    expect(attempts).toBe(1);
    expect(next.state.devices.map((d) => [d.name, d.connection])).toEqual([['InfiniTime', 'connected']]);
    next.dispose();
  });

  it('is said to be tried while it is connected again, and awaited as that try fails, with no moment between', async () => {
    const { watch, options } = await watchFromAnEarlierVisit();
    let answer = () => {};
    watch.answerLate('connection', new Promise<void>((resolve) => (answer = resolve)));
    watch.reachable = false;
    const next = new Devices(options);
    const seen: Array<[boolean, number]> = [];
    next.state$.subscribe((s) => seen.push([s.rejoining, s.awaiting.length]));
    const trying = next.reconnectKnownDevices();
    await settle();
    // The virtual strap counts meanwhile, and the watch is not listed: it is being tried.
    expect(next.state).toMatchObject({ connection: 'connected', rejoining: true, awaiting: [] });
    expect(next.state.firstTries.map((t) => t.name)).toEqual(['InfiniTime']);
    answer();
    await settle();
    await trying;
    expect(next.state).toMatchObject({
      rejoining: false,
      awaiting: [{ name: 'InfiniTime', trying: false }],
      firstTries: [],
    });
    const tried = seen.findIndex(([rejoining]) => rejoining);
    expect(seen.slice(tried).filter(([rejoining, awaited]) => !rejoining && awaited === 0)).toEqual([]);
    next.dispose();

    // In reach: tried, then connected, and no longer tried.
    watch.reachable = true;
    watch.answerLate('connection', new Promise<void>((resolve) => (answer = resolve)));
    const back = new Devices(options);
    const reconnecting = back.reconnectKnownDevices();
    await settle();
    expect(back.state.rejoining).toBe(true);
    // Named as it is tried, that the virtual strap standing in meanwhile is not taken for it.
    expect(back.state.firstTries).toEqual([
      { id: watch.id, name: 'InfiniTime', kind: 'pinetime', trying: true },
    ]);
    answer();
    await settle();
    await reconnecting;
    expect(back.state).toMatchObject({
      connection: 'connected',
      rejoining: false,
      awaiting: [],
      firstTries: [],
    });
    expect(back.state.devices.map((d) => d.name)).toEqual(['InfiniTime']);
    back.dispose();
  });
});

describe('Two devices picked on an earlier visit', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A PineTime and a plain strap picked on a visit now over, both still listed by the browser. */
  async function watchAndStrapFromAnEarlierVisit() {
    const watch = fakePineTime();
    const strap = plainStrap();
    const storage = new MemoryStorage();
    const { nav } = navigatorWith([watch, strap]);
    const options = { now: () => Date.now(), navigator: nav, seed: 1, window: null, storage };
    const first = new Devices(options);
    const pickingWatch = first.connect('pinetime');
    await settle();
    await pickingWatch;
    const pickingStrap = first.connect('heart-rate');
    await settle();
    await pickingStrap;
    first.dispose();
    await settle();
    const bluetooth = nav.bluetooth as unknown as { getDevices?: () => Promise<BluetoothDevice[]> };
    bluetooth.getDevices = async () => [asBluetoothDevice(watch), asBluetoothDevice(strap)];
    return { watch, strap, options };
  }

  it('are tried one at a time, and both named from the start: the one waiting its turn is not tried yet', async () => {
    const { watch, strap, options } = await watchAndStrapFromAnEarlierVisit();
    let answerWatch = () => {};
    watch.answerLate('connection', new Promise<void>((resolve) => (answerWatch = resolve)));
    let answerStrap = () => {};
    strap.answerLate('connection', new Promise<void>((resolve) => (answerStrap = resolve)));
    const next = new Devices(options);
    const reconnecting = next.reconnectKnownDevices();
    await settle();
    expect(next.state.firstTries).toEqual([
      { id: watch.id, name: 'InfiniTime', kind: 'pinetime', trying: true },
      { id: strap.id, name: 'HRM-Dual 4242', kind: 'heart-rate', trying: false },
    ]);
    answerWatch();
    await settle();
    // The watch connected is listed among the devices; the strap's turn has come.
    expect(next.state.firstTries).toEqual([
      { id: strap.id, name: 'HRM-Dual 4242', kind: 'heart-rate', trying: true },
    ]);
    answerStrap();
    await settle();
    await reconnecting;
    expect(next.state.firstTries).toEqual([]);
    expect(next.state.devices.map((d) => d.name).sort()).toEqual(['HRM-Dual 4242', 'InfiniTime']);
    next.dispose();
  });

  it('waits its turn no more once the person chose the virtual strap', async () => {
    const { watch, strap, options } = await watchAndStrapFromAnEarlierVisit();
    let answerWatch = () => {};
    watch.answerLate('connection', new Promise<void>((resolve) => (answerWatch = resolve)));
    const strapTried = countConnections(strap);
    const next = new Devices(options);
    const reconnecting = next.reconnectKnownDevices();
    await settle();
    next.useVirtualStrap();
    expect(next.state.firstTries.map((t) => [t.name, t.trying])).toEqual([['InfiniTime', true]]);
    answerWatch();
    await settle();
    await reconnecting;
    expect(strapTried()).toBe(0);
    expect(next.state.firstTries).toEqual([]);
    next.dispose();
  });
});

describe('A pause made for a device on an earlier page, as this page finds the devices', () => {
  const awaited = (trying: boolean): AwaitedDevice => ({
    id: 'h10',
    name: 'Polar H10',
    kind: 'polar',
    trying,
  });
  const h10 = (connection: ConnectionState): DeviceStatus => chestStrapStatus({ connection });
  /** The strap as this page finds it, a superman set picked up: the strap counts it. */
  const devices = (connection: ConnectionState, rejoining = false, awaiting: readonly AwaitedDevice[] = []) =>
    [
      { devices: [h10(connection)], rejoining, awaiting },
      { exercise: 'superman', position: false },
    ] as const;

  it('waits for a device being connected, picked or of an earlier visit, as for one reconnecting', () => {
    expect(pauseForConnectionOnRestore(...devices('connecting'))).toBe('connection');
    expect(pauseForConnectionOnRestore(...devices('reconnecting'))).toBe('connection');
    // The virtual strap counts meanwhile, 'connected': the strap of the last visit is not back yet.
    expect(pauseForConnectionOnRestore(...devices('connected', true))).toBe('connection');
  });

  it('says a device out of reach when it was given up, or not found as the page loaded', () => {
    expect(pauseForConnectionOnRestore(...devices('lost'))).toBe('lost');
    expect(pauseForConnectionOnRestore(...devices('connected', false, [awaited(false)]))).toBe('lost');
    // Tried again, by itself or at Reconnect: out of reach until a try reaches it.
    expect(pauseForConnectionOnRestore(...devices('connected', true, [awaited(true)]))).toBe('lost');
    expect(pauseForConnectionOnRestore(...devices('ended'))).toBe('replay');
  });

  it('waits for nothing once the devices are there', () => {
    expect(pauseForConnectionOnRestore(...devices('connected'))).toBeNull();
    expect(pauseForConnectionOnRestore(...devices('unavailable'))).toBeNull();
  });
});

describe('Which device a pause picked up on a new page was for', () => {
  const strap = chestStrapStatus({ counts: ['superman'] });
  const watch = chestStrapStatus({
    id: 'w',
    name: 'InfiniTime',
    kind: 'pinetime',
    placement: 'wrist',
    counts: ['lat-pulldown'],
  });
  const latPulldown = { exercise: 'lat-pulldown', position: false } as const;
  const awaitedWatch: AwaitedDevice = { id: 'w', name: 'InfiniTime', kind: 'pinetime', trying: false };

  it('is the one away of those the set needs, or the one of the last visit not reached yet', () => {
    const away = [strap, { ...watch, connection: 'reconnecting' as const }];
    expect(restoredDropPlacement({ devices: away, awaiting: [] }, latPulldown)).toBe('wrist');
    expect(restoredDropPlacement({ devices: [strap], awaiting: [awaitedWatch] }, latPulldown)).toBe('wrist');
  });

  it('is the one the session kept, where the devices cannot tell, but one found away comes first', () => {
    const awaitedStrap: AwaitedDevice = { id: 's', name: 'Polar H9 0A1B2C3D', kind: 'polar', trying: false };
    const neither = { devices: [], awaiting: [awaitedStrap, awaitedWatch] };
    const bothCount = { exercise: 'lat-pulldown', position: true } as const;
    // Kept before the session named its device: none to go by.
    expect(restoredDropPlacement(neither, bothCount)).toBeUndefined();
    expect(restoredDropPlacement(neither, bothCount, 'wrist')).toBe('wrist');
    const strapAway = [{ ...strap, connection: 'lost' as const }, watch];
    expect(restoredDropPlacement({ devices: strapAway, awaiting: [] }, null, 'wrist')).toBe('chest');
  });

  it('is, all of them back, the one the set needs, and none where two worn apart are needed', () => {
    expect(restoredDropPlacement({ devices: [strap, watch], awaiting: [] }, latPulldown)).toBe('wrist');
    const both = { devices: [strap, { ...watch, counts: ['superman' as const] }], awaiting: [] };
    expect(restoredDropPlacement(both, { exercise: 'superman', position: false })).toBeUndefined();
  });
});

describe('The heart rate alone out of reach', () => {
  const TRUNK = PROGRAM.map((e) => e.id).filter((id) => id !== 'lat-pulldown');
  const device = (patch: Partial<DeviceStatus>): DeviceStatus =>
    heartRateStrapStatus({ id: 'hrm', ...patch });

  it('is a plain strap reconnecting or given up on, beside a watch that counts or alone', () => {
    expect(heartRateAloneAway([device({ connection: 'reconnecting' })])).toBe('reconnecting');
    const watch = device({ id: 'w', kind: 'bangle', placement: 'wrist', heartRate: false, motion: true });
    expect(heartRateAloneAway([device({ connection: 'lost' }), watch])).toBe('lost');
    expect(heartRateAloneAway([device({})])).toBeNull();
  });

  it('is not a strap whose motion counts exercises: its drop pauses the session', () => {
    const h10 = device({ kind: 'polar', placement: 'chest', motion: true, counts: TRUNK });
    expect(heartRateAloneAway([{ ...h10, connection: 'reconnecting' }])).toBeNull();
    // Beside a watch that counts the rest: still the strap of the trunk exercises.
    expect(heartRateAloneAway([{ ...h10, motion: false, connection: 'lost' }])).toBeNull();
  });
});

describe('What a set needs of the devices, that their drop pauses', () => {
  const TRUNK = PROGRAM.map((e) => e.id).filter((id) => id !== 'lat-pulldown');
  const status = (patch: Partial<DeviceStatus>): DeviceStatus =>
    chestStrapStatus({ counts: TRUNK, ...patch });
  const watch = watchStatus();
  const h10Away = status({ connection: 'reconnecting' });

  it('holds a set picked up on a new page for the devices it needs, as one a drop pauses', () => {
    const h10Lost = status({ connection: 'lost' });
    const restored = (needs: SetNeeds | null) =>
      pauseForConnectionOnRestore({ devices: [h10Lost, watch], rejoining: false, awaiting: [] }, needs);
    // A lat pulldown the watch counts goes on without the strap; one that waits to see the person
    // seated, and a floor exercise the strap counts, wait for it.
    expect(restored({ exercise: 'lat-pulldown', position: false })).toBeNull();
    expect(restored({ exercise: 'lat-pulldown', position: true })).toBe('lost');
    expect(restored({ exercise: 'superman', position: false })).toBe('lost');
    // Being connected at the person's word, a device is waited for, whatever it will count.
    const connecting = { ...watch, id: 'other', counts: [], connection: 'connecting' as const };
    expect(
      pauseForConnectionOnRestore(
        { devices: [h10Lost, watch, connecting], rejoining: false, awaiting: [] },
        { exercise: 'lat-pulldown', position: false },
      ),
    ).toBe('connection');
  });

  it('is the device that counts the exercise: a strap that counts others goes with nothing a lat pulldown needs', () => {
    expect(neededConnection([h10Away, watch], { exercise: 'lat-pulldown', position: false })).toBe(
      'connected',
    );
    expect(neededConnection([h10Away, watch], { exercise: 'superman', position: false })).toBe(
      'reconnecting',
    );
    const watchLost = { ...watch, connection: 'lost' as const };
    expect(neededConnection([status({}), watchLost], { exercise: 'glute-bridge', position: false })).toBe(
      'connected',
    );
    expect(neededConnection([status({}), watchLost], { exercise: 'lat-pulldown', position: false })).toBe(
      'lost',
    );
  });

  it('is the strap too while the set waits to see the person in position', () => {
    expect(neededConnection([h10Away, watch], { exercise: 'lat-pulldown', position: true })).toBe(
      'reconnecting',
    );
  });

  it('is every device that counts or sees an exercise outside a set or rest, and none of a heart-rate-only strap', () => {
    expect(neededConnection([h10Away, watch], null)).toBe('reconnecting');
    const plainStrap = status({ kind: 'heart-rate', placement: null, motion: false, counts: [] });
    expect(neededConnection([{ ...plainStrap, connection: 'lost' }], null)).toBe('connected');
    expect(
      neededConnection([{ ...plainStrap, connection: 'lost' }], { exercise: 'superman', position: true }),
    ).toBe('connected');
  });

  it('sees the position with the strap motion is read from: out of reach, no set waits for a position', () => {
    expect(positionOutOfReach([h10Away, watch])).toBe(true);
    expect(positionOutOfReach([{ ...h10Away, connection: 'lost' }, watch])).toBe(true);
    expect(positionOutOfReach([status({}), watch])).toBe(false);
    // The watch counts the lat pulldown, but where the person is comes from the strap.
    expect(positionOutOfReach([status({}), { ...watch, connection: 'reconnecting' }])).toBe(false);
    // Just being connected, it has not gone: sets wait for it as they would.
    expect(positionOutOfReach([status({ connection: 'connecting' }), watch])).toBe(false);
  });

  it('has the position out of reach with a strap that stays connected but stopped sending its motion', () => {
    expect(positionOutOfReach([status({ motionStopped: true }), watch])).toBe(true);
    // The watch's motion stopped: the strap still sees where the person is.
    expect(positionOutOfReach([status({}), { ...watch, motionStopped: true }])).toBe(false);
  });

  it('begins a lat pulldown set when due, with no position to wait for, once the strap stopped sending motion in the rest', () => {
    const plan = [
      {
        exercise: PROGRAM.find((e) => e.id === 'lat-pulldown') ?? PROGRAM[0],
        dosage: { sets: 2, target: 1, restS: 20 },
      },
    ];
    const sensing: SessionAction = {
      type: 'devices-sensing',
      seesPosition: true,
      exercises: PROGRAM.map((e) => e.id),
      nowMs: 0,
    };
    const resting = [
      sensing,
      { type: 'start', nowMs: 0 },
      { type: 'begin', nowMs: 1000 },
      { type: 'go-heard', nowMs: 1000 },
      { type: 'adjust', delta: 1, nowMs: 5000 },
    ].reduce((s, a) => reduceSession(s, a as SessionAction), initialSessionState(plan));
    expect(resting.phase).toBe('rest');
    const devicesNow = [status({ motionStopped: true }), watch];
    const sensed = reduceSession(resting, {
      type: 'motion-reach',
      away: exercisesOutOfReach(devicesNow),
      positionAway: positionOutOfReach(devicesNow),
      stopped: exercisesMotionStopped(devicesNow),
      nowMs: 10_000,
    });
    const due = reduceSession(sensed, { type: 'tick', nowMs: 30_000 });
    expect(due.set).toMatchObject({ setNumber: 2, startedMs: 30_000 });
    expect(due.set?.waiting).toBeFalsy();
  });

  it('has an exercise counted by motion where a device counts it, and out of reach with that device', () => {
    expect(countedByMotion([h10Away, watch], 'lat-pulldown')).toBe(true);
    expect(countedByMotion([status({})], 'lat-pulldown')).toBe(false);
    expect(exercisesOutOfReach([h10Away, watch])).toEqual(TRUNK);
    expect(exercisesOutOfReach([status({}), { ...watch, connection: 'lost' }])).toEqual(['lat-pulldown']);
    // Just being connected, it has not gone.
    expect(exercisesOutOfReach([status({ connection: 'connecting' }), watch])).toEqual([]);
    const replayEnded = status({ kind: 'replay', connection: 'ended', counts: PROGRAM.map((e) => e.id) });
    expect(exercisesOutOfReach([replayEnded])).toEqual(PROGRAM.map((e) => e.id));
  });

  it('has an exercise unseen while the device that counts it stays connected with its motion stopped, and says which', () => {
    const watchSilent = { ...watch, motionStopped: true };
    expect(exercisesOutOfReach([status({}), watchSilent])).toEqual(['lat-pulldown']);
    expect(exercisesMotionStopped([status({}), watchSilent])).toEqual(['lat-pulldown']);
    // Out of reach as well: its connection says why, not its silence.
    expect(exercisesMotionStopped([h10Away, watchSilent])).toEqual(['lat-pulldown']);
    expect(exercisesMotionStopped([{ ...h10Away, motionStopped: true }, watch])).toEqual([]);
    expect(exercisesMotionStopped([status({}), watch])).toEqual([]);
  });

  it('has each exercise worn where the device that counts it is, else where the one that cannot see it is', () => {
    const chestAll = Object.fromEntries(PROGRAM.map((e) => [e.id, 'chest']));
    expect(motionPlacementsOf([status({}), watch])).toEqual({ ...chestAll, 'lat-pulldown': 'wrist' });
    // The watch giving motion no more: the strap counts the lat pulldown too.
    const watchHeartRateOnly = { ...watch, counts: [] };
    const strapCountsAll = status({ counts: PROGRAM.map((e) => e.id) });
    expect(motionPlacementsOf([strapCountsAll, watchHeartRateOnly])).toEqual(chestAll);
    // A watch alone: the floor exercises are the watch's to name, that cannot see them.
    const watchAlone = { ...watch, motion: true };
    expect(motionPlacementsOf([watchAlone])).toEqual(Object.fromEntries(PROGRAM.map((e) => [e.id, 'wrist'])));
    // A heart-rate-only strap: no device is named.
    const plainStrap = status({ kind: 'heart-rate', placement: null, motion: false, counts: [] });
    expect(motionPlacementsOf([plainStrap])).toEqual({});
  });

  it('goes on without a watch still connected whose motion stopped in a set the strap counts, and says so of it', () => {
    const watchSilent = { ...watch, motionStopped: true };
    const gone = goneOnWithout([status({}), watchSilent], { exercise: 'superman', position: false });
    expect(gone.map((d) => [d.id, goneOnWithoutText(d.placement, seesNoExercise(d), goneHow(d))])).toEqual([
      ['w', 'Watch motion stopped: keep going'],
    ]);
    // The lat pulldown it counts is counted by hand meanwhile, which the set says in its own words.
    expect(goneOnWithout([status({}), watchSilent], { exercise: 'lat-pulldown', position: false })).toEqual(
      [],
    );
  });

  it('says of a strap given up for lost, after its name, that the watch counts in its place, as the set does', () => {
    const strapLost = status({
      connection: 'lost',
      counts: ['glute-bridge', 'bird-dog', 'bat-hang', 'elbow-plank'],
      handedOver: ['superman', 'drawing-in'],
    });
    const watchCounting = {
      ...watch,
      counts: ['superman' as const, 'drawing-in' as const, 'lat-pulldown' as const],
    };
    const devices = [strapLost, watchCounting];
    const [gone] = goneOnWithout(devices, { exercise: 'superman', position: false });
    expect(gone?.id).toBe('h10');
    expect(goneOnWithoutWords(devices, gone!, 'superman')).toBe('out of reach: the watch counts');
    expect(goneOnWithoutLine(devices, gone!, 'superman')).toBe('Strap out of reach: the watch counts');
    // Of a set the watch does not count for it (the lat pulldown is the watch's own), the strap is gone on without.
    expect(goneOnWithoutWords(devices, gone!, 'lat-pulldown')).toBe('out of reach: keep going');
    expect(goneOnWithoutLine(devices, gone!, 'lat-pulldown')).toBe('Strap out of reach: keep going');
  });

  it('leaves the devices out of reach that the set does not need for it to go on without', () => {
    const ids = (devices: readonly DeviceStatus[], needs: Parameters<typeof goneOnWithout>[1]) =>
      goneOnWithout(devices, needs).map((d) => [d.id, d.connection]);
    expect(ids([h10Away, watch], { exercise: 'lat-pulldown', position: false })).toEqual([
      ['h10', 'reconnecting'],
    ]);
    // The strap counts a superman, and sees the person seated while a lat pulldown waits for that.
    expect(ids([h10Away, watch], { exercise: 'superman', position: false })).toEqual([]);
    expect(ids([h10Away, watch], { exercise: 'lat-pulldown', position: true })).toEqual([]);
    const watchLost = { ...watch, connection: 'lost' as const };
    expect(ids([status({}), watchLost], { exercise: 'glute-bridge', position: true })).toEqual([
      ['w', 'lost'],
    ]);
    // Being connected is not away.
    expect(
      ids([status({}), { ...watch, connection: 'connecting' }], { exercise: 'superman', position: false }),
    ).toEqual([]);
    // A plain heart-rate strap: nothing a set needs, whatever the set.
    const plainStrap = status({ id: 'hrm', kind: 'heart-rate', placement: null, motion: false, counts: [] });
    expect(ids([{ ...plainStrap, connection: 'lost' }], { exercise: 'superman', position: true })).toEqual([
      ['hrm', 'lost'],
    ]);
  });

  it("is the set's in a set, the next set's in a rest, and nothing before the session", () => {
    const plan = PROGRAM.filter((e) => e.id === 'bird-dog' || e.id === 'lat-pulldown').map((exercise) => ({
      exercise,
      dosage: { ...exercise.dosage, sets: 1, restS: 30 },
    }));
    const run = (...actions: SessionAction[]) => actions.reduce(reduceSession, initialSessionState(plan));
    const sensing: SessionAction = {
      type: 'devices-sensing',
      seesPosition: true,
      exercises: PROGRAM.map((e) => e.id),
      nowMs: 0,
    };
    expect(setNeeds(run(sensing))).toBeNull();
    const waiting = run(sensing, { type: 'start', nowMs: 0 });
    expect(setNeeds(waiting)).toEqual({ exercise: 'bird-dog', position: true });
    const begun = run(sensing, { type: 'start', nowMs: 0 }, { type: 'begin', nowMs: 1000 });
    expect(setNeeds(begun)).toEqual({ exercise: 'bird-dog', position: false });
    const resting = reduceSession(begun, { type: 'skip', nowMs: 2000 });
    expect(resting.phase).toBe('rest');
    expect(setNeeds(resting)).toEqual({ exercise: 'lat-pulldown', position: true });
    // The strap that would see the person seated away: the lat pulldown after begins without it.
    const strapAway = reduceSession(resting, {
      type: 'motion-reach',
      away: [],
      positionAway: true,
      nowMs: 3000,
    });
    expect(setNeeds(strapAway)).toEqual({ exercise: 'lat-pulldown', position: false });
  });
});

/**
 * A PineTime picked on a visit now over, which the browser still lists (getDevices), and the options
 * the next visit's Devices are made with; the chooser then offers it `picksLater` times more.
 */
async function watchFromAnEarlierVisit(picksLater = 0) {
  const { device, options } = await pickedOnAnEarlierVisit(fakePineTime(), 'pinetime', picksLater);
  return { watch: device, options };
}

/**
 * `device` picked from the chooser as a `kind` on a visit now over, which the browser still lists
 * (getDevices); the options the next visit's Devices are made with, and the chooser's requests.
 */
async function pickedOnAnEarlierVisit(device: FakeDevice, kind: DeviceKind, picksLater = 0) {
  const storage = new MemoryStorage();
  const { nav, requests } = navigatorWith(Array.from({ length: 1 + picksLater }, () => device));
  const options = { now: () => Date.now(), navigator: nav, seed: 1, window: null, storage };
  const first = new Devices(options);
  const picking = first.connect(kind);
  await settle();
  await picking;
  first.dispose();
  // Its connection is closed before the next visit begins.
  await settle();
  const bluetooth = nav.bluetooth as unknown as { getDevices?: () => Promise<BluetoothDevice[]> };
  bluetooth.getDevices = async () => [asBluetoothDevice(device)];
  return { device, options, requests };
}

/** A plain heart-rate strap, as a Garmin HRM-Dual: heart rate and nothing else. */
function plainStrap(): FakeDevice {
  return new FakeDevice('HRM-Dual 4242', [
    {
      uuid: uuids.HEART_RATE_SERVICE,
      characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { notify: true, read: true } }],
    },
  ]);
}

/** Counts the connection attempts made to `device`. */
function countConnections(device: FakeDevice): () => number {
  const connect = device.gatt.connect.bind(device.gatt);
  let attempts = 0;
  device.gatt.connect = () => {
    attempts++;
    return connect();
  };
  return () => attempts;
}

describe('A strap picked on an earlier visit and not in reach as the page loads', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The next visit's Devices, the strap off as it tried it once. */
  async function loadedWithTheStrapAway() {
    const { device: strap, options, requests } = await pickedOnAnEarlierVisit(plainStrap(), 'heart-rate');
    strap.reachable = false;
    const chooserRequests = requests.length;
    const devices = new Devices(options);
    const attempts = countConnections(strap);
    const trying = devices.reconnectKnownDevices();
    await settle();
    await trying;
    return { devices, strap, options, attempts, chooserUnused: () => requests.length === chooserRequests };
  }

  it('is named as not found, not left for the virtual strap to pass for it', async () => {
    const { devices } = await loadedWithTheStrapAway();
    expect(devices.active.virtual).not.toBeNull();
    expect(devices.state.awaiting).toEqual([
      { id: 'fake-HRM-Dual 4242', name: 'HRM-Dual 4242', kind: 'heart-rate', trying: false },
    ]);
    expect(devices.state.problem).toBe(
      'Not found: HRM-Dual 4242 did not answer. Put it on with its contacts wet, or bring it closer: ' +
        'it is tried again by itself. Meanwhile the virtual strap stands in, with a simulated heart.',
    );
    devices.dispose();
  });

  it('is tried again by itself, and joins with no chooser once it is in reach', async () => {
    const { devices, strap, attempts, chooserUnused } = await loadedWithTheStrapAway();
    await settle(14_000);
    expect(attempts()).toBe(1);
    await settle(1_000);
    expect(attempts()).toBe(2);
    strap.reachable = true;
    await settle(15_000);
    expect(devices.state.devices.map((d) => [d.name, d.connection])).toEqual([
      ['HRM-Dual 4242', 'connected'],
    ]);
    expect(devices.state.awaiting).toEqual([]);
    expect(devices.state.problem).toBeNull();
    expect(chooserUnused()).toBe(true);
    // Connected, it is tried no more.
    await settle(120_000);
    expect(attempts()).toBe(3);
    devices.dispose();
  });

  it('is tried again by itself when an attempt never ends (the device never answers), not stuck on it', async () => {
    const { device: strap, options } = await pickedOnAnEarlierVisit(plainStrap(), 'heart-rate');
    const connect = strap.gatt.connect.bind(strap.gatt);
    let silent = true;
    let attempts = 0;
    strap.gatt.connect = () => {
      attempts++;
      return silent ? new Promise(() => {}) : connect();
    };
    const devices = new Devices(options);
    void devices.reconnectKnownDevices();
    await settle(CONNECT_TIMEOUT_MS);
    expect(devices.state.awaiting.map((a) => [a.name, a.trying])).toEqual([['HRM-Dual 4242', false]]);
    expect(devices.state.problem).toMatch(/^Not found: HRM-Dual 4242 did not answer/);
    await settle(15_000 + CONNECT_TIMEOUT_MS);
    expect(attempts).toBe(2);
    silent = false;
    await settle(15_000);
    expect(attempts).toBe(3);
    expect(devices.state.devices.map((d) => [d.name, d.connection])).toEqual([
      ['HRM-Dual 4242', 'connected'],
    ]);
    devices.dispose();
  });

  it('keeps its spacing when the page is hidden and shown again during a try that takes long', async () => {
    const { device: strap, options } = await pickedOnAnEarlierVisit(plainStrap(), 'heart-rate');
    // Off and silent: each try lasts until it is given up, longer than the 15 s between the first tries.
    const triedAtMs: number[] = [];
    strap.gatt.connect = () => {
      triedAtMs.push(Date.now());
      return new Promise(() => {});
    };
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    const win = Object.assign(new EventTarget(), { document: doc }) as unknown as Window;
    const devices = new Devices({ ...options, window: win });
    void devices.reconnectKnownDevices();
    await settle(CONNECT_TIMEOUT_MS + 15_000 + 3_000);
    expect(triedAtMs).toHaveLength(2);
    // The screen goes off and on again while the second try is under way.
    for (const visibility of ['hidden', 'visible']) {
      doc.visibilityState = visibility;
      doc.dispatchEvent(new Event('visibilitychange'));
    }
    await settle(200_000);
    const gapsMs = triedAtMs.slice(1).map((t, i) => t - triedAtMs[i]);
    // The next try 15 s after the one at load and the first three by itself end, then 30 s: a second
    // round of tries beside the one under way would count as a try that failed, and hasten the 30 s.
    expect(gapsMs.slice(0, 5)).toEqual([
      CONNECT_TIMEOUT_MS + 15_000,
      CONNECT_TIMEOUT_MS + 15_000,
      CONNECT_TIMEOUT_MS + 15_000,
      CONNECT_TIMEOUT_MS + 15_000,
      CONNECT_TIMEOUT_MS + 30_000,
    ]);
    devices.dispose();
  });

  it('is tried while a session runs too, and joins it once it is in reach', async () => {
    const { devices, strap, attempts } = await loadedWithTheStrapAway();
    devices.keepStreaming(true);
    await settle(15_000);
    expect(attempts()).toBe(2);
    expect(devices.active.virtual).not.toBeNull();
    strap.reachable = true;
    await settle(15_000);
    expect(attempts()).toBe(3);
    expect(devices.state.devices.map((d) => [d.name, d.connection])).toEqual([
      ['HRM-Dual 4242', 'connected'],
    ]);
    expect(devices.state.awaiting).toEqual([]);
    devices.dispose();
  });

  it('is tried at once when the person asks for it, and says so while it is tried', async () => {
    const { devices, strap, attempts } = await loadedWithTheStrapAway();
    devices.dismissProblem();
    devices.reconnectDevice('fake-HRM-Dual 4242');
    expect(devices.state.awaiting.map((a) => a.trying)).toEqual([true]);
    await settle();
    expect(attempts()).toBe(2);
    // Still away: it is said again.
    expect(devices.state.awaiting.map((a) => a.trying)).toEqual([false]);
    expect(devices.state.problem).toMatch(/^Not found: HRM-Dual 4242 did not answer/);
    strap.reachable = true;
    devices.reconnectDevice('fake-HRM-Dual 4242');
    await settle();
    expect(devices.state.devices.map((d) => [d.name, d.connection])).toEqual([
      ['HRM-Dual 4242', 'connected'],
    ]);
    devices.dispose();
  });

  it('is tried no more once the person chose the virtual strap instead', async () => {
    const { devices, strap, attempts } = await loadedWithTheStrapAway();
    devices.useVirtualStrap();
    expect(devices.state.awaiting).toEqual([]);
    strap.reachable = true;
    await settle(120_000);
    expect(attempts()).toBe(1);
    expect(devices.active.virtual).not.toBeNull();
    devices.dispose();
  });

  it('is tried no more, on this visit nor the next, once the person forgets it, the virtual strap going on', async () => {
    const { devices, strap, options, attempts } = await loadedWithTheStrapAway();
    const virtual = devices.active.virtual;
    devices.disconnectDevice('fake-HRM-Dual 4242');
    expect(devices.state.awaiting).toEqual([]);
    // "It is tried again by itself" is no longer so.
    expect(devices.state.problem).toBeNull();
    expect(devices.active.virtual).toBe(virtual);
    strap.reachable = true;
    await settle(120_000);
    expect(attempts()).toBe(1);
    devices.dispose();
    const next = new Devices(options);
    await next.reconnectKnownDevices();
    expect(attempts()).toBe(1);
    expect(next.state.awaiting).toEqual([]);
    next.dispose();
  });

  it('gives the browser’s permission for it back once the person forgets it', async () => {
    const { devices, strap } = await loadedWithTheStrapAway();
    devices.disconnectDevice('fake-HRM-Dual 4242');
    await settle();
    expect(strap.forgotten).toBe(1);
    devices.dispose();
  });

  it('forgets it all the same where the browser cannot give the permission back, or fails to', async () => {
    for (const browser of ['without forget()', 'whose forget() fails'] as const) {
      const { devices, strap, options, attempts } = await loadedWithTheStrapAway();
      if (browser === 'without forget()') Object.assign(strap, { forget: undefined });
      else strap.forgetFails = domError('NetworkError', 'Failed to forget the device.');
      devices.disconnectDevice('fake-HRM-Dual 4242');
      await settle();
      expect(devices.state.awaiting, browser).toEqual([]);
      expect(devices.state.problem, browser).toBeNull();
      devices.dispose();
      const next = new Devices(options);
      await next.reconnectKnownDevices();
      expect(attempts(), browser).toBe(1);
      next.dispose();
    }
  });

  it('is forgotten once the person picks another strap from the chooser', async () => {
    const { device: strap, options } = await pickedOnAnEarlierVisit(plainStrap(), 'heart-rate');
    strap.reachable = false;
    const other = new FakeDevice('HRM-Pro 777', plainStrap().services);
    const bluetooth = options.navigator.bluetooth as unknown as {
      requestDevice: () => Promise<BluetoothDevice>;
    };
    bluetooth.requestDevice = async () => asBluetoothDevice(other);
    const devices = new Devices(options);
    const trying = devices.reconnectKnownDevices();
    await settle();
    await trying;
    const attempts = countConnections(strap);
    const picking = devices.connectBluetoothStrap();
    await settle();
    await picking;
    expect(devices.state.devices.map((d) => d.name)).toEqual(['HRM-Pro 777']);
    expect(devices.state.awaiting).toEqual([]);
    strap.reachable = true;
    await settle(120_000);
    expect(attempts()).toBe(0);
    devices.dispose();

    // The next visit tries only the strap picked last.
    const next = new Devices(options);
    await next.reconnectKnownDevices();
    expect(attempts()).toBe(0);
    next.dispose();
  });
});

/** Phone motion picked on a page of its own, its window the one motion events come from. */
async function phoneMotionPicked(): Promise<{ devices: Devices; win: Window }> {
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const win = Object.assign(new EventTarget(), { document: doc }) as unknown as Window;
  const devices = new Devices({ now: () => 0, navigator: {} as Navigator, seed: 1, window: win });
  await devices.connect('phone');
  return { devices, win };
}

describe('Devices with phone motion', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // A browser that has the event but a computer that fires none: a laptop without a motion sensor.
    vi.stubGlobal('DeviceMotionEvent', class {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('says a device that never reported motion is not available, not that its connection was lost', async () => {
    const { devices } = await phoneMotionPicked();
    expect(devices.state.devices.map((d) => d.connection)).toEqual(['connecting']);
    await settle(3000);
    expect(devices.state.devices.map((d) => d.connection)).toEqual(['unavailable']);
    expect(devices.state.connection).toBe('unavailable');
    // Said on a phone as often as on a computer: not "use a phone".
    expect(devices.state.problem).toBe(
      'No motion sensor: this device reports no motion. Use a strap, a watch or the virtual strap.',
    );
    devices.dispose();
  });

  it('reads no motion from a device that never reported any, and reads it once the device does', async () => {
    const { devices, win } = await phoneMotionPicked();
    expect(devices.state.countsMotion).toBe(true);
    await settle(3000);
    expect(devices.state.devices.map((d) => [d.connection, d.motion])).toEqual([['unavailable', false]]);
    expect(devices.state.countsMotion).toBe(false);
    expect(devices.state.source).toMatchObject({ kind: 'phone', placement: null });
    expect(devices.active.accel$).toBeNull();
    expect(devices.active.motionFor('superman')).toBeNull();
    expect(devices.state.problem).toMatch(/reports no motion/);

    // A sensor that wakes up late is read as usual.
    const motion = Object.assign(new Event('devicemotion'), {
      accelerationIncludingGravity: { x: 0, y: 0, z: 9.80665 },
    });
    win.dispatchEvent(motion);
    expect(devices.state.devices.map((d) => [d.connection, d.motion])).toEqual([['connected', true]]);
    expect(devices.state.countsMotion).toBe(true);
    expect(devices.state.source).toMatchObject({ kind: 'phone', placement: 'phone' });
    expect(devices.active.motionFor('superman')?.placement).toBe('phone');
    devices.dispose();
  });
});

describe('Devices with a watch alone', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts from the wrist what a wrist sees, and leaves to the +1 what it cannot', async () => {
    const { nav } = navigatorWith([fakePineTime()]);
    const devices = new Devices({ now: () => Date.now(), navigator: nav, seed: 1, window: null });
    const connecting = devices.connect('pinetime');
    await settle();
    await connecting;
    expect(devices.state.source?.placement).toBe('wrist');
    expect(devices.state.countsMotion).toBe(true);
    const counted = PROGRAM.filter((e) => devices.active.motionFor(e.id) !== null).map((e) => e.id);
    // The arms lie still in a bridge and a bat hang, one arm in two moves in a bird dog, and the
    // forearms stay on the floor when a plank drops.
    expect(counted).toEqual(['superman', 'drawing-in', 'lat-pulldown']);
    devices.dispose();
  });

  it('keeps a watch without the motion service for heart rate, in place of the simulated person, counted by hand', async () => {
    const watch = new FakeDevice('InfiniTime', [
      {
        uuid: uuids.HEART_RATE_SERVICE,
        characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { notify: true, read: true } }],
      },
    ]);
    const { nav } = navigatorWith([watch]);
    const devices = new Devices({ now: () => Date.now(), navigator: nav, seed: 1, window: null });
    expect(devices.active.virtual).not.toBeNull();
    const connecting = devices.connect('pinetime');
    await settle();
    await connecting;
    expect(devices.state.devices.map((d) => [d.name, d.connection, d.heartRate, d.motion, d.counts])).toEqual(
      [['InfiniTime', 'connected', true, false, []]],
    );
    expect(devices.active.virtual).toBeNull();
    expect(devices.state.countsMotion).toBe(false);
    expect(PROGRAM.filter((e) => devices.active.motionFor(e.id) !== null)).toEqual([]);
    expect(devices.state.problem).toBe(
      'Cannot count: this watch has no motion service. Update InfiniTime to 1.7 or later to count; ' +
        'heart rate still works.',
    );
    const beats: HeartRateSample[] = [];
    devices.active.heartRate$.subscribe((b) => beats.push(b));
    watch.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, 0x50));
    expect(beats.map((b) => b.bpm)).toEqual([80]);
    devices.dispose();
  });
});

describeWithShared('Devices with an H10 and a PineTime', () => {
  let nowMs = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    nowMs = 1000;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** An H10 the person connected from the chooser, the devices it joined, and the chooser's requests. */
  async function h10Connected(win: Window | null = null) {
    const h10 = fakeH10();
    const { nav, requests } = navigatorWith([h10]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: win });
    const connecting = devices.connect('polar');
    await settle();
    await connecting;
    return { h10, devices, requests };
  }

  /**
   * An H10 connected, then dropped out of reach for as long as the devices take to give it up:
   * attempts after 0.5 + 1 + 2 + 4 + 8 × 8 s, then it is called lost.
   */
  async function h10GivenUpOn() {
    const connected = await h10Connected();
    connected.h10.reachable = false;
    connected.h10.drop();
    await settle(72_000);
    return connected;
  }

  it('reads heart rate from the chest strap, trunk motion from it, and the wrist for the lat pulldown', async () => {
    const h10 = fakeH10();
    const watch = fakePineTime();
    const { nav, requests } = navigatorWith([h10, watch]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    const connecting = devices.connect('polar');
    await settle();
    await connecting;
    const second = devices.connect('pinetime');
    await settle();
    await second;

    expect(requests[1].filters).toContainEqual({ namePrefix: 'InfiniTime' });
    expect(requests[1].optionalServices).toContain(uuids.INFINITIME_MOTION_SERVICE);
    const state = devices.state;
    expect(state.devices.map((d) => [d.name, d.connection, d.heartRate, d.motion])).toEqual([
      ['Polar H10 0A1B2C3D', 'connected', true, true],
      ['InfiniTime', 'connected', false, false],
    ]);
    expect(state.devices[0]).toMatchObject({ battery: 100, sampleRateHz: 50, placement: 'chest' });
    // The panel says each one's part from what is read from it: the watch counts the lat pulldown.
    expect(state.devices.map((d) => d.counts)).toEqual([
      PROGRAM.map((e) => e.id).filter((id) => id !== 'lat-pulldown'),
      ['lat-pulldown'],
    ]);
    expect(state.source?.placement).toBe('chest');
    expect(state.countsMotion).toBe(true);
    const source = devices.active;
    expect(source.virtual).toBeNull();
    expect(source.motionFor('superman')?.placement).toBe('chest');
    expect(source.motionFor('lat-pulldown')?.placement).toBe('wrist');
    expect(source.motionFor('glute-bridge')?.placement).toBe('chest');

    const beats: HeartRateSample[] = [];
    source.heartRate$.subscribe((b) => beats.push(b));
    h10.notify(
      uuids.HEART_RATE_MEASUREMENT,
      Buffer.from(vector('Real Polar H10 (fw 5.0.0/sw 3.3.1) HR notification #1').hex, 'hex'),
    );
    watch.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, 0x50));
    expect(beats.map((b) => b.bpm)).toEqual([75]);

    const wrist: number[] = [];
    source.motionFor('lat-pulldown')?.accel$.subscribe((f) => wrist.push(...f.xyz));
    // 3 × int16 LE in 1/1024 g [IT]: (0, 0, 1 g).
    watch.notify(uuids.INFINITIME_MOTION, Uint8Array.of(0, 0, 0, 0, 0, 4));
    expect(wrist).toEqual([0, 0, 1]);
    devices.dispose();
  });

  it("reads heart rate from a Bangle.js's own sensor when it is alone, and from a strap beside it", async () => {
    const watch = fakeBangle();
    const { nav } = navigatorWith([watch, plainStrap()]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    const connecting = devices.connect('bangle');
    await settle(1600);
    await connecting;
    expect(devices.state.devices.map((d) => [d.name, d.heartRate, d.motion])).toEqual([
      ['Bangle.js 1a2b', true, true],
    ]);
    const fromWatch: number[] = [];
    devices.active.heartRate$.subscribe((b) => fromWatch.push(b.bpm));
    watch.notify(uuids.NORDIC_UART_TX, new TextEncoder().encode('H,96,80\r\n'));
    expect(fromWatch).toEqual([96]);

    // A chest strap reads the heart more truly than a wrist's light: once it is there, it is the one.
    const second = devices.connect('heart-rate');
    await settle();
    await second;
    expect(devices.state.devices.map((d) => d.heartRate)).toEqual([false, true]);
    devices.dispose();
  });

  it('gives back the permission for a device taken out with ×, done with, and keeps it for a strap left for the virtual one', async () => {
    const h10 = fakeH10();
    const watch = fakePineTime();
    const { nav } = navigatorWith([h10, watch]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    for (const kind of ['polar', 'pinetime'] as const) {
      const connecting = devices.connect(kind);
      await settle();
      await connecting;
    }
    // × beside the watch: the strap counts alone from now on, and the watch is not connected again.
    const forget = watch.forget.bind(watch);
    let letGoFirst = false;
    watch.forget = () => {
      letGoFirst = !watch.gatt.connected;
      return forget();
    };
    devices.disconnectDevice(devices.state.devices[1].id);
    await settle();
    expect(watch.forgotten).toBe(1);
    // Given back once the app had let go of it, its streams stopped (see GattSession.close).
    expect(letGoFirst).toBe(true);
    expect(devices.state.devices.map((d) => d.name)).toEqual(['Polar H10 0A1B2C3D']);
    // "Use the virtual strap": the person's own strap, for another day.
    devices.useVirtualStrap();
    await settle();
    expect(devices.active.virtual).not.toBeNull();
    expect(h10.gatt.connected).toBe(false);
    expect(h10.forgotten).toBe(0);
    devices.dispose();
  });

  it('leaves to the strap what a watch without the motion service cannot count, and says nothing of +1', async () => {
    const watch = new FakeDevice('InfiniTime', [
      {
        uuid: uuids.HEART_RATE_SERVICE,
        characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { notify: true, read: true } }],
      },
    ]);
    const { nav } = navigatorWith([fakeH10(), watch]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    const connecting = devices.connect('polar');
    await settle();
    await connecting;
    const second = devices.connect('pinetime');
    await settle();
    await second;

    expect(devices.state.devices.map((d) => [d.name, d.counts.length])).toEqual([
      ['Polar H10 0A1B2C3D', PROGRAM.length],
      ['InfiniTime', 0],
    ]);
    // The strap counts every exercise: +1 is for what nothing connected counts, which the panel's
    // note says where it is so.
    expect(devices.state.problem).toBe(
      'Cannot count: this watch has no motion service. Update InfiniTime to 1.7 or later to count; ' +
        'heart rate still works.',
    );
    devices.dispose();
  });

  it('reports reconnecting while the strap is away, keeps the same source, and comes back', async () => {
    const { h10, devices } = await h10Connected();
    const sources: unknown[] = [];
    devices.source$.subscribe((s) => sources.push(s));
    const connections: string[] = [];
    devices.select((s) => s.connection).subscribe((c) => connections.push(c));

    h10.drop();
    expect(devices.state.connection).toBe('reconnecting');
    expect(devices.state.devices[0].connection).toBe('reconnecting');
    await settle(600);
    expect(devices.state.connection).toBe('connected');
    expect(connections).toEqual(['connected', 'reconnecting', 'connected']);
    // The same Source object throughout: a set's motion detector keeps its reps.
    expect(sources).toHaveLength(1);
    devices.dispose();
  });

  /** An H10 connected in a tab whose page-lifecycle events the test sends, and what was written to its PMD. */
  async function h10InATab() {
    // The page-lifecycle events' targets, as a browser tab has them.
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    const win = Object.assign(new EventTarget(), { document: doc }) as unknown as Window;
    const { h10, devices } = await h10Connected(win);
    const pmdWrites = () => h10.writes.filter(([c]) => c === uuids.PMD_CONTROL_POINT).map(([, h]) => h);
    return { doc, win, devices, pmdWrites };
  }

  it('stops the ACC stream when the page is hidden and starts it again when it is back', async () => {
    const { doc, win, devices, pmdWrites } = await h10InATab();
    expect(pmdWrites()).toEqual(['0102', '0202000132000101100002010800']);

    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(pmdWrites().at(-1)).toBe('0302');
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(pmdWrites().slice(3)).toEqual(['0102', '0202000132000101100002010800']);

    win.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(pmdWrites().at(-1)).toBe('0302');
    devices.dispose();
  });

  it('keeps the ACC stream running with the page hidden while a session is under way', async () => {
    const { doc, devices, pmdWrites } = await h10InATab();
    const started = pmdWrites().length;

    // The screen goes off on the mat in the middle of a set: the reps go on being counted.
    devices.keepStreaming(true);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(pmdWrites()).toHaveLength(started);
    // The session ends with the screen still off: the strap need not stream for nobody.
    devices.keepStreaming(false);
    await settle();
    expect(pmdWrites().at(-1)).toBe('0302');
    // A session picked up again with the page hidden (from another tab) starts it again.
    devices.keepStreaming(true);
    await settle();
    expect(pmdWrites().slice(started + 1)).toEqual(['0102', '0202000132000101100002010800']);
    devices.dispose();
  });

  it('offers to reconnect a device it gave up on, without the chooser', async () => {
    const { h10, devices, requests } = await h10GivenUpOn();
    expect(devices.state.connection).toBe('lost');
    expect(devices.state.problem).toMatch(/^Out of reach:/);
    h10.reachable = true;
    devices.reconnectDevice(devices.state.devices[0].id);
    expect(devices.state.connection).toBe('reconnecting');
    await settle(600);
    expect(devices.state.connection).toBe('connected');
    expect(requests).toHaveLength(1);
    devices.dispose();
  });

  it('gives a strap that never answers up as soon as one that refuses: the person is told what to do in time', async () => {
    const { h10, devices } = await h10Connected();
    h10.gatt.connect = () => new Promise(() => {});
    h10.drop();
    await settle(70_000);
    expect(devices.state.connection).toBe('reconnecting');
    await settle(2_000);
    expect(devices.state.connection).toBe('lost');
    expect(devices.state.problem).toMatch(/^Out of reach:/);
    devices.dispose();
  });

  it('tries a device it gave up on again by itself, quietly, and it joins once in reach', async () => {
    const { h10, devices, requests } = await h10GivenUpOn();
    expect(devices.state.connection).toBe('lost');
    const attempts = countConnections(h10);
    const connections: string[] = [];
    const watching = devices.select((s) => s.connection).subscribe((c) => connections.push(c));
    await settle(15_000);
    expect(attempts()).toBe(1);
    expect(devices.state.problem).toBe(
      'Out of reach: Polar H10 0A1B2C3D did not come back. Wake it or move closer: it is tried again by itself, ' +
        'or press Reconnect.',
    );
    h10.reachable = true;
    await settle(15_000);
    expect(attempts()).toBe(2);
    expect(devices.state.connection).toBe('connected');
    expect(devices.state.problem).toBeNull();
    // Out of reach until it is back: a try that fails is no news, to the screen or the voice.
    expect(connections).toEqual(['lost', 'connected']);
    expect(requests).toHaveLength(1);
    watching.unsubscribe();
    devices.dispose();
  });

  it('takes the out-of-reach message away once the device is back', async () => {
    const { h10, devices } = await h10GivenUpOn();
    expect(devices.state.problem).toMatch(/^Out of reach:/);
    h10.reachable = true;
    devices.reconnectDevice(devices.state.devices[0].id);
    await settle(600);
    expect(devices.state.connection).toBe('connected');
    expect(devices.state.problem).toBeNull();
    devices.dispose();
  });

  it('says a device it could not reach at first could not be connected, not that its connection dropped', async () => {
    const h10 = fakeH10();
    h10.reachable = false;
    const { nav } = navigatorWith([h10]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    const connecting = devices.connect('polar');
    await settle();
    await connecting;
    expect(devices.state.problem).toMatch(/^Could not connect: the device did not answer\./);
    expect(devices.state.problem).not.toMatch(/dropped/);
    expect(devices.active.virtual).not.toBeNull();
    devices.dispose();
  });

  it('dates a recording from when its first packet came, not from when it is saved', async () => {
    const connectedAt = Date.parse('2026-12-04T17:00:00.000Z');
    vi.setSystemTime(connectedAt);
    const { devices } = await h10Connected();
    // Saved after a ten-minute session.
    nowMs += 600_000;
    await settle(600_000);
    const recording = devices.recording();
    expect(recording.packets[0].tMs).toBe(1000);
    expect(recording.startedAt).toBe('2026-12-04T17:00:00.050Z');
    // Saved as a file named by that time.
    expect(devices.recordingFile().filename).toBe(
      `backbeat-recording-${fileStamp(Date.parse('2026-12-04T17:00:00.050Z'))}.json`,
    );
    devices.dispose();
  });

  it("reads a picked file's text: a recording replays under the file's name, and anything else says why not", () => {
    const devices = new Devices({ now: () => nowMs, navigator: {} as Navigator, seed: 1, window: null });
    const recording = createRecording([recordPacket('hrs', Uint8Array.of(0x00, 0x63), 500)]);
    devices.replayText({ text: serializeRecording(recording), fileName: 'run.json' });
    expect(devices.state.source?.kind).toBe('replay');
    expect(devices.state.source?.name).toMatch(/run\.json/);
    expect(devices.state.problem).toBeNull();
    devices.replayText({ text: '{"format":"backbeat-sessions"}', fileName: 'backup.json' });
    expect(devices.state.problem).toBe(
      'Not a recording: Backbeat cannot replay that file; it is a file of saved sessions (a backup or an export); import it in History.',
    );
    devices.dispose();
  });

  it('replays a recording as its source, at the recorded pace, and explains a file that is not one', async () => {
    const devices = new Devices({ now: () => nowMs, navigator: {} as Navigator, seed: 1, window: null });
    const beats: number[] = [];
    devices.source$.subscribe((s) => s.heartRate$.subscribe((b) => beats.push(b.bpm)));
    const recording = createRecording([
      recordPacket('hrs', Uint8Array.of(0x10, 0x4b, 0x34, 0x03), 500),
      recordPacket('hrs', Uint8Array.of(0x00, 0x63), 1500),
    ]);
    devices.replayText({ text: serializeRecording(recording), fileName: 'run.json' });
    expect(devices.state.source?.kind).toBe('replay');
    expect(devices.state.countsMotion).toBe(false);
    expect(beats).toEqual([75]);
    await settle(1000);
    expect(beats).toEqual([75, 99]);
    devices.replayText({ text: 'Eggs, milk, bread', fileName: 'shopping.txt' });
    expect(devices.state.problem).toBe(
      'Not a recording: Backbeat cannot replay that file; only a file made with Save a recording can be.',
    );
    // The same file again: the same words, told again.
    const toldOnce = devices.state.problemsTold;
    devices.replayText({ text: 'Eggs, milk, bread', fileName: 'shopping.txt' });
    expect(devices.state.problemsTold).toBe(toldOnce + 1);
    // An empty one plays nothing: said so, and the replay under way goes on.
    devices.replayText({ text: serializeRecording(createRecording([])), fileName: 'empty.json' });
    expect(devices.state.problem).toBe('Empty recording: it was saved before any device sent anything.');
    expect(devices.state.source?.kind).toBe('replay');
    devices.dispose();
  });

  it('a second strap of the same kind replaces the first; disconnecting the last brings back the virtual strap', async () => {
    const first = fakeH10();
    const { nav } = navigatorWith([first, fakeH10(undefined, 'Polar H10 0B0B0B0B')]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    const a = devices.connect('polar');
    await settle();
    await a;
    const b = devices.connect('polar');
    await settle();
    await b;
    expect(devices.state.devices).toHaveLength(1);
    expect(first.gatt.connected).toBe(false);
    devices.disconnectDevice(devices.state.devices[0].id);
    await settle();
    expect(devices.active.virtual).not.toBeNull();
    devices.dispose();
  });
});

describeWithShared('Devices when a strap is picked again, fails, or keeps its motion back', () => {
  let nowMs = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    nowMs = 1000;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const connect = async (devices: Devices) => {
    const connecting = devices.connect('polar');
    await settle();
    await connecting;
  };

  it('uses a Polar H10 picked as a plain heart-rate strap as the H10 it is, accelerometer and all', async () => {
    const h10 = fakeH10();
    const { nav, requests } = navigatorWith([h10]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    const connecting = devices.connectBluetoothStrap();
    await settle();
    await connecting;
    // The chooser shows every heart-rate strap, and lets the app use a Polar's PMD service too.
    expect(requests[0].filters).toEqual([{ services: [uuids.HEART_RATE_SERVICE] }]);
    expect(requests[0].optionalServices).toContain(uuids.PMD_SERVICE);
    expect(devices.state.devices.map((d) => [d.name, d.kind, d.placement, d.sampleRateHz])).toEqual([
      ['Polar H10 0A1B2C3D', 'polar', 'chest', 50],
    ]);
    expect(devices.state.countsMotion).toBe(true);
    expect(devices.state.problem).toBeNull();
    devices.dispose();
  });

  it('keeps a Polar that offers no PMD service as the heart-rate strap it is, and says why it counts by hand', async () => {
    const strap = new FakeDevice('Polar H10 0000E2E0', [
      {
        uuid: uuids.HEART_RATE_SERVICE,
        characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { notify: true } }],
      },
    ]);
    const { nav } = navigatorWith([strap]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    const connecting = devices.connectBluetoothStrap();
    await settle();
    await connecting;
    expect(devices.state.devices.map((d) => [d.name, d.connection, d.heartRate])).toEqual([
      ['Polar H10 0000E2E0', 'connected', true],
    ]);
    expect(devices.state.countsMotion).toBe(false);
    expect(devices.state.problem).toMatch(/^Motion failed: it could not start, as .*Heart rate still works/);
    devices.dispose();
  });

  it('keeps the strap that is connected when it is picked again in the chooser', async () => {
    const h10 = fakeH10();
    const { nav } = navigatorWith([h10, h10]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    await connect(devices);
    await connect(devices);
    expect(devices.state.problem).toBeNull();
    expect(devices.state.devices.map((d) => [d.name, d.connection])).toEqual([
      ['Polar H10 0A1B2C3D', 'connected'],
    ]);
    expect(h10.gatt.connected).toBe(true);
    devices.dispose();
  });

  it('keeps the strap that works while a second one of its kind fails to connect', async () => {
    const first = fakeH10();
    const second = fakeH10(undefined, 'Polar H10 0B0B0B0B');
    second.reachable = false;
    const { nav } = navigatorWith([first, second]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    await connect(devices);
    const failing = devices.connect('polar');
    await vi.advanceTimersByTimeAsync(60_000);
    await failing;
    expect(devices.state.problem).not.toBeNull();
    expect(devices.state.devices.map((d) => [d.name, d.connection])).toEqual([
      ['Polar H10 0A1B2C3D', 'connected'],
    ]);
    expect(devices.active.virtual).toBeNull();
    expect(first.gatt.connected).toBe(true);
    devices.dispose();
  });

  it('goes back to the virtual strap when the strap picked for it fails to connect, with no moment of a device lost', async () => {
    const strap = fakeH10();
    strap.reachable = false;
    const { nav } = navigatorWith([strap]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    const connections: string[] = [];
    const watching = devices.select((s) => s.connection).subscribe((c) => connections.push(c));
    await connect(devices);
    expect(devices.state.problem).not.toBeNull();
    expect(devices.active.virtual).not.toBeNull();
    // Being connected pauses nothing; given up for lost would pause a set the strap never counted in.
    expect(connections).toEqual(['connected', 'connecting', 'connected']);
    watching.unsubscribe();
    devices.dispose();
  });

  it('takes back "sends nothing" once the strap sends', async () => {
    const h10 = fakeH10();
    const { nav } = navigatorWith([h10]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    await connect(devices);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(devices.state.problem).toMatch(/sends nothing/);
    h10.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, 0x48));
    expect(devices.state.problem).toBeNull();
    devices.dispose();
  });

  it('takes back "stopped its motion stream" once motion comes again, and only then', async () => {
    const h10 = fakeH10();
    const { nav } = navigatorWith([h10]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    await connect(devices);
    h10.notify(uuids.PMD_CONTROL_POINT, hex(vector('device-initiated ONLINE_MEASUREMENT_STOPPED').hex));
    await settle();
    expect(devices.state.problem).toMatch(/stopped its motion stream/);
    h10.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.of(0x00, 0x48));
    expect(devices.state.problem).toMatch(/stopped its motion stream/);
    h10.notify(uuids.PMD_DATA, accFrames('ACC_50HZ_2G')[0]);
    expect(devices.state.problem).toBeNull();
    devices.dispose();
  });

  it('takes back "frames arrive cut short" once whole frames come again, and says it again if they are cut again', async () => {
    const h10 = fakeH10();
    const { nav } = navigatorWith([h10]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    await connect(devices);
    const [frame, ...more] = accFrames('ACC_50HZ_2G');
    // A radio's bad patch: three frames in a row lose their end.
    const cut = () => {
      for (let i = 0; i < 3; i++) h10.notify(uuids.PMD_DATA, frame.slice(0, frame.length - 1));
    };
    cut();
    expect(devices.state.problem).toMatch(/arrive cut short/);
    h10.notify(uuids.PMD_DATA, more[0]);
    expect(devices.state.problem).toBeNull();
    cut();
    expect(devices.state.problem).toMatch(/arrive cut short/);
    devices.dispose();
  });

  it('counts by hand with an H10 that will not stream motion, as with a heart-rate-only strap', async () => {
    // Status 10, INVALID_MTU: the H10 refuses the accelerometer stream over this link.
    const { nav } = navigatorWith([fakeH10(() => [0x0a])]);
    const devices = new Devices({ now: () => nowMs, navigator: nav, seed: 1, window: null });
    await connect(devices);
    await settle();
    expect(devices.state.problem).toMatch(/will not stream motion/);
    expect(devices.state.countsMotion).toBe(false);
    expect(devices.active.motionFor('superman')).toBeNull();
    expect(devices.state.devices[0]).toMatchObject({ heartRate: true, motion: false });
    devices.dispose();
  });
});

describe('Devices replaying a recording', () => {
  let nowMs = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    nowMs = 1000;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const recording = createRecording([
    recordPacket('hrs', Uint8Array.of(0x00, 0x9e), 500, { characteristic: uuids.HEART_RATE_MEASUREMENT }),
    recordPacket('hrs', Uint8Array.of(0x00, 0x9f), 1500, { characteristic: uuids.HEART_RATE_MEASUREMENT }),
    recordPacket('hrs', Uint8Array.of(0x00, 0xa0), 2500, { characteristic: uuids.HEART_RATE_MEASUREMENT }),
  ]);

  it('says the replay has ended, not that its connection is lost, and plays it again', async () => {
    const devices = new Devices({ now: () => nowMs, navigator: {} as Navigator, seed: 1, window: null });
    const beats: number[] = [];
    devices.source$.subscribe((s) => s.heartRate$.subscribe((b) => beats.push(b.bpm)));
    devices.replay(recording);
    await settle(2500);
    expect(beats).toEqual([158, 159, 160]);
    expect(devices.state.devices[0].connection).toBe('ended');
    expect(devices.state.connection).toBe('ended');
    devices.replayAgain();
    expect(devices.state.devices[0].connection).toBe('connected');
    await settle(2500);
    expect(beats).toEqual([158, 159, 160, 158, 159, 160]);
    devices.dispose();
  });

  it('replays a file of a watch as motion on the wrist, as the watch was worn', () => {
    const devices = new Devices({ now: () => nowMs, navigator: {} as Navigator, seed: 1, window: null });
    const watch = createRecording([
      recordPacket('infinitime-motion', Uint8Array.of(0, 0, 0, 0, 0, 4), 0, {
        characteristic: uuids.INFINITIME_MOTION,
        device: 'InfiniTime',
      }),
    ]);
    devices.replayText({ text: serializeRecording(watch), fileName: 'watch.json' });
    expect(devices.state.devices[0].placement).toBe('wrist');
    expect(devices.state.source?.placement).toBe('wrist');
    devices.dispose();
  });

  it("replays a watch's still wrist as the live app saw it: its last reading again each 100 ms it sent none", async () => {
    const devices = new Devices({ now: () => Date.now(), navigator: {} as Navigator, seed: 1, window: null });
    const watch = { characteristic: uuids.INFINITIME_MOTION, device: 'InfiniTime' };
    // Still for 3 s, then a change: InfiniTime notifies only that change [IT SystemTask.cpp].
    const still = Uint8Array.of(0, 0, 0, 0, 0, 4);
    const moved = Uint8Array.of(0, 2, 0, 0, 0, 2);
    const recording = createRecording([
      recordPacket('infinitime-motion', still, 0, watch),
      recordPacket('infinitime-motion', moved, 3000, watch),
    ]);
    const frames: Array<[number, string]> = [];
    devices.source$.subscribe(
      (s) => s.info.kind === 'replay' && s.accel$?.subscribe((f) => frames.push([f.t0Ms, [...f.xyz].join()])),
    );
    const startedAt = Date.now();
    devices.replay(recording);
    await settle(3000);
    const stillFrames = frames.filter(([t]) => t < startedAt + 3000);
    // As live (heldWhileUnchanged): the reading at 0 ms and again at 100 … 2900 ms.
    expect(stillFrames.map(([t]) => t - startedAt)).toEqual(Array.from({ length: 30 }, (_, i) => i * 100));
    expect(new Set(stillFrames.map(([, xyz]) => xyz)).size).toBe(1);
    expect(frames.at(-1)?.[0]).toBe(startedAt + 3000);
    // Ended, it holds nothing: the wrist is no longer watched.
    const atEnd = frames.length;
    await settle(1000);
    expect(devices.state.devices[0].connection).toBe('ended');
    expect(frames).toHaveLength(atEnd);
    devices.dispose();
  });

  it('names the replay by when it was recorded, else by its file, never as if the app were recording', () => {
    const devices = new Devices({ now: () => nowMs, navigator: {} as Navigator, seed: 1, window: null });
    const startedAt = '2026-12-03T18:00:00.000Z';
    const when = new Date(startedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    devices.replay(createRecording(recording.packets, startedAt), 'chest', 'backbeat-run.json');
    expect(devices.state.devices[0].name).toBe(`Recorded ${when}`);
    expect(devices.state.devices[0].name).toMatch(/2026/);
    devices.replayText({ text: serializeRecording(recording), fileName: 'backbeat-run.json' });
    expect(devices.state.devices[0].name).toBe('From backbeat-run.json');
    devices.replayAgain();
    expect(devices.state.devices[0].name).toBe('From backbeat-run.json');
    devices.replay(recording);
    expect(devices.state.devices[0].name).toBe('Saved recording');
    devices.dispose();
  });

  it("saves a replay's packets with the date of the recording they came from, not the time of saving", async () => {
    const devices = new Devices({ now: () => nowMs, navigator: {} as Navigator, seed: 1, window: null });
    const startedAt = '2026-12-03T18:00:00.000Z';
    devices.replay(createRecording(recording.packets, startedAt));
    await settle(1200);
    expect(devices.recording().startedAt).toBe(startedAt);
    // An original that does not say when it was made gives a copy that does not either.
    devices.replay(recording);
    await settle(1200);
    expect(devices.recording().startedAt).toBeUndefined();
    expect(devices.recording().packets).toEqual(recording.packets.slice(0, 2));
    devices.dispose();
  });

  it('saves in a recording the packets the replay has played so far', async () => {
    const devices = new Devices({ now: () => nowMs, navigator: {} as Navigator, seed: 1, window: null });
    devices.replay(recording);
    await settle(1200);
    expect(devices.recording().packets).toEqual(recording.packets.slice(0, 2));
    await settle(2000);
    expect(devices.recording().packets).toEqual(recording.packets);
    devices.dispose();
  });
});

describe('a device whose motion stops while it stays connected', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function watched() {
    const accel$ = new Subject<unknown>();
    const connection$ = new BehaviorSubject<ConnectionState>('connected');
    const suspended$ = new BehaviorSubject(false);
    const seen: boolean[] = [];
    const subscription = motionStoppedOf(accel$, connection$, suspended$).subscribe((s) => seen.push(s));
    return { accel$, connection$, suspended$, seen, subscription };
  }

  it('has stopped MOTION_STOPPED_AFTER_MS after its last frame, until the next', () => {
    const { accel$, seen, subscription } = watched();
    vi.advanceTimersByTime(10 * MOTION_STOPPED_AFTER_MS);
    // Never a first frame: a refusal, told as such, not a stop.
    expect(seen).toEqual([false]);
    accel$.next(1);
    vi.advanceTimersByTime(MOTION_STOPPED_AFTER_MS - 1);
    accel$.next(2);
    vi.advanceTimersByTime(MOTION_STOPPED_AFTER_MS - 1);
    expect(seen).toEqual([false]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([false, true]);
    accel$.next(3);
    expect(seen).toEqual([false, true, false]);
    subscription.unsubscribe();
  });

  it('has not stopped while it is not connected, nor while its streams are stopped on purpose', () => {
    const { accel$, connection$, suspended$, seen, subscription } = watched();
    accel$.next(1);
    connection$.next('reconnecting');
    vi.advanceTimersByTime(2 * MOTION_STOPPED_AFTER_MS);
    connection$.next('connected');
    suspended$.next(true);
    vi.advanceTimersByTime(2 * MOTION_STOPPED_AFTER_MS);
    expect(seen).toEqual([false]);
    subscription.unsubscribe();
  });

  it('has stopped MOTION_STOPPED_AFTER_MS after it reconnected, or its page came back, with no frame since', () => {
    const { accel$, connection$, suspended$, seen, subscription } = watched();
    accel$.next(1);
    connection$.next('reconnecting');
    connection$.next('connected');
    vi.advanceTimersByTime(MOTION_STOPPED_AFTER_MS - 1);
    expect(seen).toEqual([false]);
    vi.advanceTimersByTime(60_000);
    expect(seen).toEqual([false, true]);
    accel$.next(2);
    suspended$.next(true);
    suspended$.next(false);
    vi.advanceTimersByTime(MOTION_STOPPED_AFTER_MS);
    expect(seen).toEqual([false, true, false, true]);
    subscription.unsubscribe();
  });
});

describe('a device that sends its motion only when it changed', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const POLL_MS = 100;
  const reading = (tMs: number, ...xyz: number[]): AccelFrame => ({
    t0Ms: tMs,
    dtMs: 0,
    xyz: Float32Array.from(xyz),
  });

  function held(connection: ConnectionState = 'connected') {
    const accel$ = new Subject<AccelFrame>();
    const connection$ = new BehaviorSubject<ConnectionState>(connection);
    const suspended$ = new BehaviorSubject(false);
    const seen: Array<[number, number[]]> = [];
    const now = () => Date.now();
    const frames$ = heldWhileUnchanged(accel$, connection$, suspended$, now, POLL_MS);
    const subscription = frames$.subscribe((f) => seen.push([f.t0Ms, [...f.xyz]]));
    const stopped: boolean[] = [];
    subscription.add(
      motionStoppedOf(frames$, connection$, suspended$, { silentWhenStill: true }).subscribe((s) =>
        stopped.push(s),
      ),
    );
    return { accel$, connection$, suspended$, seen, stopped, subscription, now };
  }

  it('is still on its last reading each look that sent nothing, and never taken for stopped', () => {
    const { accel$, seen, stopped, subscription, now } = held();
    const t0 = now();
    accel$.next(reading(t0, 0.1, 0.2, 0.9));
    vi.advanceTimersByTime(10 * MOTION_STOPPED_AFTER_MS);
    expect(seen).toHaveLength(1 + (10 * MOTION_STOPPED_AFTER_MS) / POLL_MS);
    expect(seen.slice(1, 3)).toEqual([
      [t0 + POLL_MS, [seen[0][1][0], seen[0][1][1], seen[0][1][2]]],
      [t0 + 2 * POLL_MS, [seen[0][1][0], seen[0][1][1], seen[0][1][2]]],
    ]);
    expect(stopped).toEqual([false]);
    // A change sent: it is the reading from then on.
    accel$.next(reading(now(), 0, 0, 1));
    vi.advanceTimersByTime(POLL_MS);
    expect(seen.slice(-2).map(([, xyz]) => xyz)).toEqual([
      [0, 0, 1],
      [0, 0, 1],
    ]);
    subscription.unsubscribe();
  });

  it('holds nothing before its first reading, nor while it is not connected or its streams are stopped', () => {
    const { accel$, connection$, suspended$, seen, subscription, now } = held();
    vi.advanceTimersByTime(10 * POLL_MS);
    expect(seen).toEqual([]);
    accel$.next(reading(now(), 0, 0, 1));
    connection$.next('reconnecting');
    vi.advanceTimersByTime(10 * POLL_MS);
    connection$.next('connected');
    suspended$.next(true);
    vi.advanceTimersByTime(10 * POLL_MS);
    expect(seen).toHaveLength(1);
    subscription.unsubscribe();
  });
  it('holds the reading read as it was set up, before it was connected, once it is', () => {
    const { accel$, connection$, seen, stopped, subscription, now } = held('connecting');
    // Read as its motion is subscribed: the wrist still from the start, nothing notified after.
    accel$.next(reading(now(), 0, 0, 1));
    vi.advanceTimersByTime(5 * POLL_MS);
    connection$.next('connected');
    const connectedAt = now();
    vi.advanceTimersByTime(10 * MOTION_STOPPED_AFTER_MS);
    const afterConnected = seen.filter(([t]) => t > connectedAt);
    expect(afterConnected).toHaveLength((10 * MOTION_STOPPED_AFTER_MS) / POLL_MS);
    expect(afterConnected.every(([, xyz]) => xyz.join() === '0,0,1')).toBe(true);
    expect(stopped).toEqual([false]);
    subscription.unsubscribe();
  });

  it('holds no reading of a connection before a drop once it is connected again', () => {
    const { accel$, connection$, seen, subscription, now } = held();
    accel$.next(reading(now(), 0, 0, 1));
    connection$.next('reconnecting');
    vi.advanceTimersByTime(10 * POLL_MS);
    connection$.next('connected');
    vi.advanceTimersByTime(10 * POLL_MS);
    expect(seen).toHaveLength(1);
    subscription.unsubscribe();
  });

  it('is not taken for stopped when it reconnects still, sending nothing', () => {
    const { accel$, connection$, stopped, subscription, now } = held();
    accel$.next(reading(now(), 0, 0, 1));
    connection$.next('reconnecting');
    connection$.next('connected');
    vi.advanceTimersByTime(10 * MOTION_STOPPED_AFTER_MS);
    expect(stopped).toEqual([false]);
    subscription.unsubscribe();
  });
});

describe('devicesNamedIn', () => {
  it('names each device a session was recorded from once, a watch kept apart beside the two read together', () => {
    const together = { name: 'Polar H10 0000E2E0 + InfiniTime' };
    expect(devicesNamedIn([together, { name: 'InfiniTime' }])).toEqual(['Polar H10 0000E2E0', 'InfiniTime']);
    expect(devicesNamedIn([{ name: 'Virtual strap' }, { name: 'Polar H10 0000E2E0' }])).toEqual([
      'Virtual strap',
      'Polar H10 0000E2E0',
    ]);
  });
});
