import { describe, expect, it } from 'vitest';
import type { ConnectionState, DeviceKind, DeviceStatus } from '../../../src/app/device-status.ts';
import { kindsInUse, outcomeOfChoice } from '../../../src/ui/device-choice.ts';
import { PROGRAM } from '../../../src/workout/program.ts';

function device(kind: DeviceKind, connection: ConnectionState): DeviceStatus {
  return {
    id: kind,
    name: kind,
    kind,
    placement: null,
    connection,
    battery: null,
    malformedPackets: 0,
    sampleRateHz: null,
    heartRate: kind !== 'phone',
    motion: true,
    counts: PROGRAM.map((e) => e.id),
    handedOver: [],
    motionStopped: false,
    findingPulse: false,
  };
}

const NO_SENSOR =
  'No motion sensor: this device reports no motion. Use a strap, a watch or the virtual strap.';

/** The devices' state as the panel reads it, `told` problems told so far, the last of them `problem`. */
function devicesState(devices: DeviceStatus[], problem: string | null = null, told = problem ? 1 : 0) {
  return { devices, problem, problemsTold: told };
}

describe('what became of the device the person chose', () => {
  const phone = { kind: 'phone', problemsToldBefore: 0 } as const;

  it('is on its way while the device connects and nothing went wrong', () => {
    expect(outcomeOfChoice(phone, devicesState([device('virtual', 'connected')]))).toBe('pending');
    expect(outcomeOfChoice(phone, devicesState([device('phone', 'connecting')]))).toBe('pending');
    // No motion came: the device gives up a moment before it says why.
    expect(outcomeOfChoice(phone, devicesState([device('phone', 'unavailable')]))).toBe('pending');
  });

  it('is a problem to show the person once one is told', () => {
    expect(outcomeOfChoice(phone, devicesState([device('phone', 'unavailable')], NO_SENSOR))).toBe('problem');
    const file = { kind: 'replay', problemsToldBefore: 0 } as const;
    const notARecording = 'Not a recording: Backbeat cannot replay that file; format is missing.';
    expect(outcomeOfChoice(file, devicesState([device('virtual', 'connected')], notARecording))).toBe(
      'problem',
    );
  });

  it('is not the problem that was already shown when the choice was made', () => {
    const again = { kind: 'phone', problemsToldBefore: 1 } as const;
    expect(outcomeOfChoice(again, devicesState([device('phone', 'connecting')], NO_SENSOR, 1))).toBe(
      'pending',
    );
  });

  it('is the same problem told again after the choice: the second tap on the same choice is answered', () => {
    const again = { kind: 'phone', problemsToldBefore: 1 } as const;
    expect(outcomeOfChoice(again, devicesState([device('phone', 'unavailable')], NO_SENSOR, 2))).toBe(
      'problem',
    );
  });

  it('is done once the device chosen is connected: a later problem is not the choice’s', () => {
    expect(
      outcomeOfChoice(phone, devicesState([device('virtual', 'connected'), device('phone', 'connected')])),
    ).toBe('connected');
  });
});

describe('the kinds in use that a choice would only give again', () => {
  it('are the virtual strap and phone motion while they run, never a Bluetooth kind', () => {
    expect(kindsInUse([device('virtual', 'connected')])).toEqual(new Set(['virtual']));
    expect(kindsInUse([device('polar', 'connected'), device('phone', 'connected')])).toEqual(
      new Set(['phone']),
    );
    // The chooser gives another device of a Bluetooth kind, or the one away again.
    for (const connection of ['connected', 'reconnecting', 'lost'] as const)
      expect(kindsInUse([device('bangle', connection), device('heart-rate', connection)]).size).toBe(0);
  });

  it('leaves phone motion that is not running to be tried again', () => {
    for (const connection of ['connecting', 'unavailable', 'lost'] as const)
      expect(kindsInUse([device('phone', connection)]).size).toBe(0);
  });
});
