// What a set or rest needs of the devices, read from their states alone: where the device whose drop
// pauses it is worn, which device counts in place of one gone, how the device panel sums their
// connections up, and what holds with no device, or three. The rules of the devices a set needs and
// goes on without, with a strap and a watch, are stated beside the Devices model (devices.test.ts).

import { describe, expect, it } from 'vitest';
import {
  devicesTogether,
  droppedDevicePlacement,
  exercisesMotionStopped,
  exercisesOutOfReach,
  goneOnWithout,
  heartRateAloneAway,
  isAway,
  motionPlacementsOf,
  neededConnection,
  pauseForConnectionOnRestore,
  positionOutOfReach,
  restoredDropPlacement,
  takenOverOf,
  worstConnection,
} from '../../../src/app/device-needs.ts';
import type { ConnectionState, DeviceStatus } from '../../../src/app/device-status.ts';
import { type ExerciseId, PROGRAM } from '../../../src/workout/program.ts';
import { chestStrapStatus, heartRateStrapStatus, watchStatus } from '../../device-status.ts';

const TRUNK = PROGRAM.map((e) => e.id).filter((id) => id !== 'lat-pulldown');
const superman = { exercise: 'superman', position: false } as const;
const latPulldown = { exercise: 'lat-pulldown', position: false } as const;
const latPulldownSeated = { exercise: 'lat-pulldown', position: true } as const;

/** An H10 beside a watch: it sees the position and counts the trunk exercises. */
const strap = (patch: Partial<DeviceStatus> = {}): DeviceStatus =>
  chestStrapStatus({ counts: TRUNK, ...patch });

/** A watch with no strap: the position is read from it, and it counts what a wrist sees. */
const watchAlone = watchStatus({ motion: true, counts: ['superman', 'drawing-in', 'lat-pulldown'] });

/**
 * The strap given up for lost beside the watch: the watch counts what a wrist sees of what the strap
 * counted (see motionDeviceFor), the strap keeps what a wrist cannot see, and still the position.
 */
const strapLostBesideWatch = (): DeviceStatus[] => [
  strap({
    connection: 'lost',
    counts: ['glute-bridge', 'bird-dog', 'bat-hang', 'elbow-plank'],
    handedOver: ['superman', 'drawing-in'],
  }),
  watchStatus({ counts: ['superman', 'drawing-in', 'lat-pulldown'] }),
];

/** The watch connected but silent beside the strap: the strap counts the lat pulldown in its place. */
const watchStoppedBesideStrap = (): DeviceStatus[] => [
  strap({ counts: PROGRAM.map((e) => e.id) }),
  watchStatus({ motionStopped: true, counts: [], handedOver: ['lat-pulldown'] }),
];

describe('where the device whose drop pauses a set is worn', () => {
  it('is where the one away is worn, of those the set needs', () => {
    expect(droppedDevicePlacement([strap({ connection: 'reconnecting' }), watchStatus()], superman)).toBe(
      'chest',
    );
    expect(droppedDevicePlacement([strap(), watchStatus({ connection: 'lost' })], latPulldown)).toBe('wrist');
    // A recording played to its end pauses as a device gone does.
    expect(droppedDevicePlacement([strap({ kind: 'replay', connection: 'ended' })], superman)).toBe('chest');
  });

  it('is none where the one away is not needed, or none is away', () => {
    // The strap counts no lat pulldown: the set goes on without it.
    expect(
      droppedDevicePlacement([strap({ connection: 'reconnecting' }), watchStatus()], latPulldown),
    ).toBeUndefined();
    expect(droppedDevicePlacement([strap(), watchStatus()], superman)).toBeUndefined();
    // Just being connected, it has not gone; phone motion on a computer with no sensor never came.
    expect(droppedDevicePlacement([strap({ connection: 'connecting' })], superman)).toBeUndefined();
    expect(
      droppedDevicePlacement(
        [strap({ kind: 'phone', placement: 'phone', connection: 'unavailable' })],
        superman,
      ),
    ).toBeUndefined();
    expect(droppedDevicePlacement([], superman)).toBeUndefined();
    expect(droppedDevicePlacement([], null)).toBeUndefined();
  });

  it('is none where a strap and a watch it needs are both away, as the pause cannot tell which', () => {
    const bothAway = [strap({ connection: 'lost' }), watchStatus({ connection: 'reconnecting' })];
    expect(droppedDevicePlacement(bothAway, latPulldownSeated)).toBeUndefined();
    // Outside a set, every device that counts is needed.
    expect(droppedDevicePlacement(bothAway, null)).toBeUndefined();
    // A superman needs the strap alone.
    expect(droppedDevicePlacement(bothAway, superman)).toBe('chest');
  });

  it('is the watch beside a Polar H9 that counts nothing, whichever of the two is away', () => {
    const h9 = heartRateStrapStatus({
      id: 'h9',
      name: 'Polar H9 0A1B2C3D',
      kind: 'polar',
      placement: 'chest',
    });
    const waitingToLieDown = { exercise: 'superman', position: true } as const;
    expect(
      droppedDevicePlacement(
        [
          { ...h9, connection: 'lost' },
          { ...watchAlone, connection: 'reconnecting' },
        ],
        waitingToLieDown,
      ),
    ).toBe('wrist');
    expect(
      droppedDevicePlacement([{ ...h9, connection: 'lost' }, watchAlone], waitingToLieDown),
    ).toBeUndefined();
  });
});

describe('the device that counts in place of one gone', () => {
  it('is the watch of a superman, the strap given up for lost', () => {
    expect(takenOverOf(strapLostBesideWatch(), 'superman')).toEqual({
      from: 'chest',
      placement: 'wrist',
      how: 'lost',
    });
  });

  it('is the strap of a lat pulldown, the watch connected with its motion stopped', () => {
    expect(takenOverOf(watchStoppedBesideStrap(), 'lat-pulldown')).toEqual({
      from: 'wrist',
      placement: 'chest',
      how: 'stopped',
    });
  });

  it('is none where the device best placed counts the exercise itself', () => {
    // A wrist cannot see a glute bridge: the strap lost keeps it, and it is counted by hand.
    expect(takenOverOf(strapLostBesideWatch(), 'glute-bridge')).toBeNull();
    expect(takenOverOf(strapLostBesideWatch(), 'lat-pulldown')).toBeNull();
    // Reconnecting, the strap is not given up yet: it hands nothing over.
    expect(takenOverOf([strap({ connection: 'reconnecting' }), watchStatus()], 'superman')).toBeNull();
    expect(takenOverOf([], 'superman')).toBeNull();
  });
});

describe('what the device panel says of the devices all together', () => {
  it('is the connection of those in use, of all where none is, their malformed packets and lowest battery', () => {
    const devices = [
      strap({ battery: 80, malformedPackets: 2 }),
      watchStatus({ connection: 'reconnecting', battery: 35, malformedPackets: 1 }),
    ];
    expect(devicesTogether(devices, [true, false])).toEqual({
      connection: 'connected',
      malformedPackets: 3,
      battery: 35,
    });
    expect(devicesTogether(devices, [true, true]).connection).toBe('reconnecting');
    expect(devicesTogether(devices, [false, false]).connection).toBe('reconnecting');
  });

  it('says no battery where none tells it, and all is connected with no device', () => {
    expect(devicesTogether([strap({ battery: null })], [true]).battery).toBeNull();
    expect(devicesTogether([], [])).toEqual({ connection: 'connected', malformedPackets: 0, battery: null });
  });
});

describe('the connection of the devices, summed up', () => {
  it('is the worst of them, whatever their order', () => {
    const worst = (...states: ConnectionState[]) => [
      worstConnection(states),
      worstConnection([...states].reverse()),
    ];
    expect(worst('connected', 'connecting')).toEqual(['connecting', 'connecting']);
    expect(worst('connecting', 'reconnecting')).toEqual(['reconnecting', 'reconnecting']);
    expect(worst('reconnecting', 'ended')).toEqual(['ended', 'ended']);
    expect(worst('ended', 'unavailable')).toEqual(['unavailable', 'unavailable']);
    expect(worst('unavailable', 'lost', 'connected')).toEqual(['lost', 'lost']);
  });

  it('is connected with no device to say otherwise: nothing pauses for none', () => {
    expect(worstConnection([])).toBe('connected');
    expect(neededConnection([], superman)).toBe('connected');
    expect(neededConnection([], null)).toBe('connected');
  });

  it('has a device away only while it is reconnecting or given up on', () => {
    const states: ConnectionState[] = [
      'connecting',
      'connected',
      'reconnecting',
      'lost',
      'ended',
      'unavailable',
    ];
    expect(states.filter(isAway)).toEqual(['reconnecting', 'lost']);
  });
});

describe('with no device', () => {
  it('has nothing away, nothing counted, and nothing to wait for on a new page', () => {
    expect(positionOutOfReach([])).toBe(false);
    expect(exercisesOutOfReach([])).toEqual([]);
    expect(exercisesMotionStopped([])).toEqual([]);
    expect(motionPlacementsOf([])).toEqual({});
    expect(goneOnWithout([], superman)).toEqual([]);
    expect(heartRateAloneAway([])).toBeNull();
    expect(pauseForConnectionOnRestore({ devices: [], rejoining: false, awaiting: [] }, superman)).toBeNull();
    expect(restoredDropPlacement({ devices: [], awaiting: [] }, superman)).toBeUndefined();
  });
});

describe('a strap, a watch and a plain heart-rate strap', () => {
  // The plain strap gives the heart rate, the H10 beside it only motion.
  const plain = heartRateStrapStatus({ id: 'hrm' });
  const three = (patch: {
    strap?: Partial<DeviceStatus>;
    watch?: Partial<DeviceStatus>;
    plain?: Partial<DeviceStatus>;
  }) => [strap({ heartRate: false, ...patch.strap }), watchStatus(patch.watch), { ...plain, ...patch.plain }];

  it('goes on without the plain strap away, and tells the heart rate alone out of reach', () => {
    const devices = three({ plain: { connection: 'lost' } });
    expect(heartRateAloneAway(devices)).toBe('lost');
    expect(neededConnection(devices, superman)).toBe('connected');
    expect(neededConnection(devices, null)).toBe('connected');
    expect(goneOnWithout(devices, superman).map((d) => d.id)).toEqual(['hrm']);
    expect(exercisesOutOfReach(devices)).toEqual([]);
  });

  it('pauses for the one that counts the set, and goes on without the others away', () => {
    const devices = three({ strap: { connection: 'reconnecting' }, plain: { connection: 'lost' } });
    expect(neededConnection(devices, superman)).toBe('reconnecting');
    expect(neededConnection(devices, latPulldown)).toBe('connected');
    expect(goneOnWithout(devices, latPulldown).map((d) => d.id)).toEqual(['h10', 'hrm']);
    expect(droppedDevicePlacement(devices, superman)).toBe('chest');
    expect(exercisesOutOfReach(devices)).toEqual(TRUNK);
    expect(positionOutOfReach(devices)).toBe(true);
  });

  it('names each exercise by the device that counts it: none by the plain strap', () => {
    const placements: Partial<Record<ExerciseId, string>> = motionPlacementsOf(three({}));
    expect(placements).toEqual({
      ...Object.fromEntries(TRUNK.map((id) => [id, 'chest'])),
      'lat-pulldown': 'wrist',
    });
  });
});

describe('a device of an earlier visit not in reach as a paused set is picked up', () => {
  const awaited = (name: string, kind: 'polar' | 'pinetime' | 'heart-rate') => ({
    id: name,
    name,
    kind,
    trying: false,
  });

  it('is where the pause is worn by its kind and name: a Polar H10 on the chest, a Verity Sense on the arm', () => {
    expect(
      restoredDropPlacement({ devices: [], awaiting: [awaited('Polar H10 0A1B2C3D', 'polar')] }, superman),
    ).toBe('chest');
    expect(
      restoredDropPlacement({ devices: [], awaiting: [awaited('Polar Sense 0A1B2C3D', 'polar')] }, superman),
    ).toBe('arm');
  });

  it('is none of a plain heart-rate strap, which is worn nowhere the set is counted from', () => {
    expect(
      restoredDropPlacement({ devices: [], awaiting: [awaited('HRM-Dual', 'heart-rate')] }, superman),
    ).toBeUndefined();
  });

  it('holds the set for a watch not reached, and not for a plain heart-rate strap: its drop pauses nothing', () => {
    const restored = (devices: DeviceStatus[], awaiting: ReturnType<typeof awaited>[]) =>
      pauseForConnectionOnRestore({ devices, rejoining: false, awaiting }, latPulldown);
    expect(restored([watchAlone], [awaited('HRM-Dual', 'heart-rate')])).toBeNull();
    expect(restored([heartRateStrapStatus()], [awaited('InfiniTime', 'pinetime')])).toBe('lost');
    expect(
      restored([watchAlone], [awaited('HRM-Dual', 'heart-rate'), awaited('Polar H10 0A1B2C3D', 'polar')]),
    ).toBe('lost');
  });

  it('is, with only a plain heart-rate strap not reached, the one the set needs of those there', () => {
    expect(
      restoredDropPlacement(
        { devices: [watchAlone], awaiting: [awaited('HRM-Dual', 'heart-rate')] },
        latPulldown,
      ),
    ).toBe('wrist');
  });

  it('is the watch beside a plain heart-rate strap awaited too: a heart-rate strap pauses no set', () => {
    const both = {
      devices: [],
      awaiting: [awaited('HRM-Dual', 'heart-rate'), awaited('InfiniTime', 'pinetime')],
    };
    expect(restoredDropPlacement(both, latPulldown)).toBe('wrist');
  });
});
