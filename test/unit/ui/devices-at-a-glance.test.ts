// Whether the header's devices are one line that opens, by the window and the session: the panel lays
// itself out by it, and the start screen says where Reconnect is by it.
import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../src/app/device-status.ts';
import { deviceProblem } from '../../../src/app/device-words.ts';
import {
  devicesAtAGlance,
  earlierVisitAtAGlance,
  namedAtAGlance,
  narrowDevicesLine,
  severalDevicesComing,
  stateSaidOverProblem,
  wideDevicesLine,
} from '../../../src/ui/devices-at-a-glance.ts';
import { chestStrapStatus } from '../../device-status.ts';

const laptop = { narrow: false, uprightPhone: false, phoneOnItsSide: false };
const phone = { narrow: false, uprightPhone: true, phoneOnItsSide: false };
const largeText = { narrow: true, uprightPhone: true, phoneOnItsSide: false };
const onItsSide = { narrow: false, uprightPhone: false, phoneOnItsSide: true };

const strap = (connection: DeviceStatus['connection']) => ({ connection }) as DeviceStatus;
const devices = (connection: DeviceStatus['connection'], problem: string | null = null) => ({
  noBluetooth: null,
  problem,
  devices: [strap(connection)],
});

describe('the devices at a glance', () => {
  it('are a line out of a session on a phone with Web Bluetooth, and with large text, not on a laptop', () => {
    expect(devicesAtAGlance(phone, false, devices('connected'))).toBe(true);
    expect(devicesAtAGlance(largeText, false, devices('connected'))).toBe(true);
    expect(devicesAtAGlance(laptop, false, devices('lost', 'Out of reach'))).toBe(false);
    // Without Bluetooth the row is the short note and the menu, said up front.
    const noBluetooth = { brief: 'No Bluetooth in this browser', note: 'This browser has no Bluetooth.' };
    expect(devicesAtAGlance(phone, false, { ...devices('connected'), noBluetooth })).toBe(false);
  });

  it('are a line in a session on an upright phone, one device worn, only for a problem while it is connected', () => {
    expect(devicesAtAGlance(phone, true, devices('connected'))).toBe(false);
    expect(devicesAtAGlance(phone, true, devices('connected', 'Motion failed'))).toBe(true);
    // Away, the device's row stays, with its Reconnect, over the problem's line.
    expect(devicesAtAGlance(phone, true, devices('lost', 'Out of reach'))).toBe(false);
  });

  it('are a line in a session on an upright phone for a strap and a watch worn together, but for one given up on', () => {
    const strapAndWatch = (watch: DeviceStatus['connection']) => ({
      noBluetooth: null,
      problem: null,
      devices: [strap('connected'), strap(watch)],
    });
    expect(devicesAtAGlance(phone, true, strapAndWatch('connected'))).toBe(true);
    // Reconnecting, the row has nothing to tap but ×; given up on, it keeps its Reconnect.
    expect(devicesAtAGlance(phone, true, strapAndWatch('reconnecting'))).toBe(true);
    expect(devicesAtAGlance(phone, true, strapAndWatch('lost'))).toBe(false);
    // A laptop has the room for both.
    expect(devicesAtAGlance(laptop, true, strapAndWatch('connected'))).toBe(false);
  });

  it('are a line in a session on a phone on its side for a problem or a device away', () => {
    expect(devicesAtAGlance(onItsSide, true, devices('connected'))).toBe(false);
    expect(devicesAtAGlance(onItsSide, true, devices('reconnecting'))).toBe(true);
    expect(devicesAtAGlance(onItsSide, true, devices('lost', 'Out of reach'))).toBe(true);
    expect(devicesAtAGlance(onItsSide, false, devices('lost'))).toBe(false);
  });
});

describe('the devices named on the line at a glance', () => {
  const strapOf = { name: 'Polar H10 0000E2E0', placement: 'chest', motionStopped: false } as const;
  const watch = { name: 'Bangle.js 3c4d', placement: 'wrist', motionStopped: false } as const;
  const words = () => 'connected';

  it('names each device by its name and state', () => {
    expect(namedAtAGlance([strapOf, watch], words)).toEqual([
      'Polar H10 0000E2E0 connected',
      'Bangle.js 3c4d connected',
    ]);
  });

  it('says first, in two short words of what it sends, a device whose motion stopped', () => {
    expect(namedAtAGlance([strapOf, { ...watch, motionStopped: true }], words)).toEqual([
      'No watch motion',
      'Polar H10 0000E2E0 connected',
    ]);
    expect(namedAtAGlance([{ ...strapOf, motionStopped: true }], words)).toEqual(['No strap motion']);
  });
});

describe('the devices of an earlier visit at a glance', () => {
  const h10 = { name: 'Polar H10 0000E2E0', kind: 'polar', trying: true } as const;
  const bangle = { name: 'Bangle.js 5e6f', kind: 'bangle', trying: false } as const;

  it('names every device on its first try in the order they are tried, the one waiting its turn too', () => {
    expect(earlierVisitAtAGlance([h10, bangle], [])).toEqual([
      'Connecting Polar H10 0000E2E0, then Bangle.js 5e6f',
    ]);
    expect(earlierVisitAtAGlance([h10], [])).toEqual(['Connecting Polar H10 0000E2E0']);
  });

  it('names the first of three or more on their first tries, and how many more, on two lines of a phone', () => {
    const watch = { name: 'InfiniTime', kind: 'pinetime', trying: false } as const;
    expect(earlierVisitAtAGlance([h10, bangle, watch], [])).toEqual([
      'Connecting Polar H10 0000E2E0, then 2 more',
    ]);
    expect(earlierVisitAtAGlance([h10, bangle, watch, watch], [{ ...h10, trying: false }])).toEqual([
      'Connecting Polar H10 0000E2E0, then 3 more',
      'Polar H10 0000E2E0 not found',
    ]);
  });

  it('says of one not found that it was not, and of one tried again at Reconnect that it is connecting', () => {
    expect(earlierVisitAtAGlance([bangle], [{ ...h10, trying: false }])).toEqual([
      'Connecting Bangle.js 5e6f',
      'Polar H10 0000E2E0 not found',
    ]);
    expect(earlierVisitAtAGlance([], [h10])).toEqual(['Polar H10 0000E2E0 connecting…']);
  });

  // Each named, "Virtual strap connected · Polar H10 0000E2E0 not found · Bangle.js 5e6f not found"
  // took three lines of a 360 px phone's two, the last cut off.
  it('counts two or more not found, and names the one tried again', () => {
    const notFound = [{ ...h10, trying: false }, bangle];
    expect(earlierVisitAtAGlance([], notFound)).toEqual(['2 devices not found']);
    const watch = { name: 'InfiniTime', kind: 'pinetime', trying: true } as const;
    expect(earlierVisitAtAGlance([], [...notFound, watch])).toEqual([
      'InfiniTime connecting…',
      '2 devices not found',
    ]);
  });
});

describe('the devices on the line of a phone with its text at twice its size', () => {
  const h10 = { name: 'Polar H10 0000E2E0', kind: 'polar', trying: true } as const;
  const bangle = { name: 'Bangle.js 5e6f', kind: 'bangle', trying: false } as const;
  const device = (patch: Partial<DeviceStatus>) =>
    ({
      name: 'Polar H10 0000E2E0',
      kind: 'polar',
      placement: 'chest',
      connection: 'connected',
      heartRate: true,
      motionStopped: false,
      ...patch,
    }) as DeviceStatus;
  const virtual = device({ name: 'Virtual strap', kind: 'virtual' });
  const watch = device({ name: 'Bangle.js 3c4d', kind: 'bangle', placement: 'wrist', heartRate: false });
  const words = (d: DeviceStatus) => (d.connection === 'connected' ? 'connected' : 'out of reach');

  // There "Polar H10 0000E2E0 connected" took three lines of the line's two, the last cut off.
  it('says each device in a word, the virtual strap and phone motion by their names, a replay by its state', () => {
    expect(narrowDevicesLine([device({})], words, [], [])).toBe('Strap connected');
    expect(narrowDevicesLine([watch], words, [], [])).toBe('Watch connected');
    expect(narrowDevicesLine([virtual], words, [], [])).toBe('Virtual strap connected');
    expect(narrowDevicesLine([device({ connection: 'lost' })], words, [], [])).toBe('Strap out of reach');
    const replay = device({ name: 'Replay of 7 Dec', kind: 'replay' });
    expect(narrowDevicesLine([replay], () => 'replay finished', [], [])).toBe('Replay finished');
    expect(narrowDevicesLine([], words, [], [])).toBe('No device');
  });

  it('says several connected by their count', () => {
    expect(narrowDevicesLine([device({}), watch], words, [], [])).toBe('2 devices connected');
  });

  // "Virtual strap connected · Polar H10 0000E2E0 not found" took five lines of the two.
  it('says first the device to see to, not connected, sending no motion or of an earlier visit, then how many more', () => {
    expect(narrowDevicesLine([virtual], words, [], [{ ...h10, trying: false }])).toBe('Strap not found');
    expect(narrowDevicesLine([device({}), { ...watch, connection: 'lost' }], words, [], [])).toBe(
      'Watch out of reach',
    );
    expect(narrowDevicesLine([device({}), { ...watch, motionStopped: true }], words, [], [])).toBe(
      'No watch motion',
    );
    expect(narrowDevicesLine([virtual], words, [], [{ ...h10, trying: false }, bangle])).toBe(
      'Strap not found, 1 more',
    );
    expect(narrowDevicesLine([], words, [h10], [bangle])).toBe('Connecting strap, 1 more');
  });

  // There "Connecting Polar H10 0000E2E0" took three lines, the last cut off.
  it('says the device of an earlier visit on its first try in a word, several by their count', () => {
    expect(narrowDevicesLine([], words, [h10], [])).toBe('Connecting strap');
    expect(narrowDevicesLine([], words, [bangle], [])).toBe('Connecting watch');
    expect(narrowDevicesLine([], words, [h10, bangle], [])).toBe('Connecting 2 devices');
  });
});

describe('several devices coming, whose rows the header keeps', () => {
  const of = (kind: DeviceStatus['kind']) => ({ kind }) as DeviceStatus;
  const tried = { id: 'w', name: 'InfiniTime', kind: 'pinetime', trying: true } as const;

  it('counts the devices in use and those of an earlier visit on their way, not the virtual strap standing in', () => {
    expect(
      severalDevicesComing({ devices: [of('virtual')], firstTries: [tried, { ...tried, id: 's' }] }),
    ).toBe(true);
    expect(severalDevicesComing({ devices: [of('pinetime'), of('heart-rate')], firstTries: [] })).toBe(true);
    expect(severalDevicesComing({ devices: [of('polar')], firstTries: [tried] })).toBe(true);
    expect(severalDevicesComing({ devices: [of('virtual')], firstTries: [tried] })).toBe(false);
    expect(severalDevicesComing({ devices: [of('polar')], firstTries: [] })).toBe(false);
  });
});

describe('the devices at a glance where the text is of its usual size', () => {
  const virtual = { name: 'Virtual strap', placement: 'chest', motionStopped: false } as const;
  const h10 = { name: 'Polar H10 0000E2E0', trying: false } as const;
  const connected = () => 'connected';

  it('names each device with its state, then each of an earlier visit', () => {
    expect(wideDevicesLine([virtual], connected, [], [])).toBe('Virtual strap connected');
    expect(wideDevicesLine([virtual], connected, [], [h10])).toBe(
      'Virtual strap connected · Polar H10 0000E2E0 not found',
    );
    expect(wideDevicesLine([], connected, [{ name: 'Bangle.js 5e6f' }], [])).toBe(
      'Connecting Bangle.js 5e6f',
    );
  });

  it('says there is no device where there is none', () => {
    expect(wideDevicesLine([], connected, [], [])).toBe('No device');
  });
});

describe('the devices said over their problem on the line', () => {
  const motionFailed = deviceProblem('stream-failed', { why: 'the sensor did not answer' }).message;
  const heartRateOnly = (problem: string, patch: Partial<DeviceStatus> = {}) => ({
    problem,
    countsMotion: false,
    devices: [chestStrapStatus({ motion: false, ...patch })],
  });

  it('are, in a set, where the problem leaves the heart rate alone working and nothing counts motion', () => {
    expect(stateSaidOverProblem(false, true, heartRateOnly(motionFailed))).toBe(true);
    for (const kind of ['mtu-too-small', 'truncated-frames', 'no-motion-service'] as const) {
      expect(stateSaidOverProblem(false, true, heartRateOnly(deviceProblem(kind).message))).toBe(true);
    }
  });

  it('are not out of a session, with text at twice its size, or where motion is still counted', () => {
    expect(stateSaidOverProblem(false, false, heartRateOnly(motionFailed))).toBe(false);
    // Two lines of 11 characters hold the headline alone.
    expect(stateSaidOverProblem(true, true, heartRateOnly(motionFailed))).toBe(false);
    // A strap beside a watch without motion counts: "Cannot count: watch" is what the person is to read.
    const counted = { ...heartRateOnly(deviceProblem('no-motion-service').message), countsMotion: true };
    expect(stateSaidOverProblem(false, true, counted)).toBe(false);
  });

  it('are not where a device is away or the problem is of a device that gives no heart rate', () => {
    expect(
      stateSaidOverProblem(false, true, heartRateOnly(motionFailed, { connection: 'reconnecting' })),
    ).toBe(false);
    const silent = deviceProblem('no-data', { device: 'Polar H10 0A1B2C3D' }).message;
    expect(stateSaidOverProblem(false, true, heartRateOnly(silent))).toBe(false);
    expect(stateSaidOverProblem(false, true, { problem: null, countsMotion: false, devices: [] })).toBe(
      false,
    );
  });
});
