import { describe, expect, it } from 'vitest';
import type { DeviceKind, DeviceState, DeviceStatus } from '../../../src/app/device-status.ts';
import {
  pausedByThePerson,
  strapOfferedOnScreen,
  strapToConnect,
  switchInSession,
} from '../../../src/ui/session-switch.ts';
import { PROGRAM } from '../../../src/workout/program.ts';

function device(kind: DeviceKind, connection: DeviceStatus['connection'] = 'connected'): DeviceStatus {
  return {
    id: kind,
    name: kind,
    kind,
    placement: 'chest',
    connection,
    battery: null,
    malformedPackets: 0,
    sampleRateHz: null,
    heartRate: true,
    motion: true,
    counts: PROGRAM.map((e) => e.id),
    handedOver: [],
    motionStopped: false,
    findingPulse: false,
  };
}

/** The devices' state as the panel reads it in a session: `devices` listed, the first one the source. */
function devicesState(
  devices: DeviceStatus[],
  patch: Partial<Pick<DeviceState, 'firstTries' | 'problem' | 'noBluetooth'>> = {},
) {
  const first = devices[0];
  const kind = first.kind === 'virtual' ? 'virtual' : 'bluetooth';
  return {
    source: { id: first.id, name: first.name, kind, placement: 'chest' } as const,
    devices,
    firstTries: [],
    problem: null,
    noBluetooth: null,
    ...patch,
  };
}

const LAPTOP = { phoneScreen: false, narrow: false, pausedByThePerson: false };
const PHONE = { phoneScreen: true, narrow: false, pausedByThePerson: false };
const PHONE_PAUSED = { phoneScreen: true, narrow: false, pausedByThePerson: true };
/** A phone with its text at twice its size (180 px wide), paused by the person. */
const NARROW_PAUSED = { phoneScreen: true, narrow: true, pausedByThePerson: true };

describe('the one switch a session offers in its header', () => {
  it('offers to connect a strap beside the virtual strap, with no problem first: Start was pressed before the strap was on', () => {
    expect(switchInSession(devicesState([device('virtual')]), LAPTOP)).toBe('connect-strap');
  });

  it('offers no strap while a device of an earlier visit is on its first try, being connected or waiting its turn', () => {
    const firstTries = [
      { id: 'h10', name: 'Polar H10 0000E2E0', kind: 'polar', trying: true },
      { id: 'bangle', name: 'Bangle.js 5e6f', kind: 'bangle', trying: false },
    ] as const;
    const connecting = devicesState([device('virtual')], { firstTries });
    expect(strapToConnect(connecting)).toBe(false);
    expect(switchInSession(connecting, LAPTOP)).toBeNull();
    expect(strapOfferedOnScreen(connecting, PHONE_PAUSED)).toBe(false);
    expect(strapToConnect(devicesState([device('virtual')]))).toBe(true);
  });

  it('offers it on a phone only while a problem is shown there: paused, the set or rest offers it', () => {
    const virtual = devicesState([device('virtual')]);
    expect(switchInSession(virtual, PHONE)).toBeNull();
    expect(switchInSession(virtual, PHONE_PAUSED)).toBeNull();
    const failed = devicesState([device('virtual')], { problem: 'The strap did not answer.' });
    expect(switchInSession(failed, PHONE)).toBe('connect-strap');
  });

  it('leaves the strap to a set or rest paused on a phone, which offers it among its own buttons', () => {
    const virtual = devicesState([device('virtual')]);
    expect(strapOfferedOnScreen(virtual, PHONE_PAUSED)).toBe(true);
    // Not running, nor on a laptop, whose header offers it, nor with a problem whose line offers it.
    expect(strapOfferedOnScreen(virtual, PHONE)).toBe(false);
    expect(strapOfferedOnScreen(virtual, { ...LAPTOP, pausedByThePerson: true })).toBe(false);
    const failed = devicesState([device('virtual')], { problem: 'The strap did not answer.' });
    expect(strapOfferedOnScreen(failed, PHONE_PAUSED)).toBe(false);
    expect(switchInSession(failed, PHONE_PAUSED)).toBe('connect-strap');
    // Nor with a strap on its way, nor from a strap.
    const connecting = devicesState([device('virtual'), device('polar', 'connecting')]);
    expect(strapOfferedOnScreen(connecting, PHONE_PAUSED)).toBe(false);
    expect(strapOfferedOnScreen(devicesState([device('polar')]), PHONE_PAUSED)).toBe(false);
  });

  it("keeps the strap in the devices' line on a phone with large text, where the set or rest has no room for it", () => {
    const virtual = devicesState([device('virtual')]);
    expect(switchInSession(virtual, NARROW_PAUSED)).toBe('connect-strap');
    expect(switchInSession(virtual, { ...NARROW_PAUSED, pausedByThePerson: false })).toBe('connect-strap');
    expect(strapOfferedOnScreen(virtual, NARROW_PAUSED)).toBe(false);
  });

  it('offers no strap while one picked is connecting beside the virtual strap: a second pick would ask for it again', () => {
    const connecting = devicesState([device('virtual'), device('polar', 'connecting')]);
    expect(switchInSession(connecting, LAPTOP)).toBeNull();
  });

  it('offers no strap where the browser has no Web Bluetooth', () => {
    expect(
      switchInSession(
        devicesState([device('virtual')], {
          noBluetooth: { brief: 'No Bluetooth in this browser', note: 'This browser has no Bluetooth.' },
        }),
        LAPTOP,
      ),
    ).toBeNull();
  });

  it('offers the virtual strap from a strap only while a problem says why it may be wanted', () => {
    expect(switchInSession(devicesState([device('polar')]), LAPTOP)).toBeNull();
    const lost = devicesState([device('polar', 'lost')], { problem: 'Out of reach.' });
    expect(switchInSession(lost, PHONE)).toBe('use-virtual');
  });
});

describe('a pause of the person’s own', () => {
  it('is one they tapped, not one the app made for a device nor one held for Finish’s question', () => {
    expect(pausedByThePerson({ pausedAtMs: null })).toBe(false);
    expect(pausedByThePerson({ pausedAtMs: 1_000 })).toBe(true);
    expect(pausedByThePerson({ pausedAtMs: 1_000, pausedFor: 'connection' })).toBe(false);
    expect(pausedByThePerson({ pausedAtMs: 1_000, pausedToAsk: true })).toBe(false);
  });
});
