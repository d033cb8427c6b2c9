import { describe, expect, it } from 'vitest';
import type { ConnectionState, DeviceKind, DeviceStatus } from '../../../src/app/devices.ts';
import { outcomeOfChoice } from '../../../src/ui/device-choice.ts';

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
  };
}

const NO_SENSOR =
  'No motion sensor: this device reports no motion. Use a strap, a watch or the virtual strap.';

describe('what became of the device the person chose', () => {
  const phone = { kind: 'phone', problemBefore: null } as const;

  it('is on its way while the device connects and nothing went wrong', () => {
    expect(outcomeOfChoice(phone, [device('virtual', 'connected')], null)).toBe('pending');
    expect(outcomeOfChoice(phone, [device('phone', 'connecting')], null)).toBe('pending');
    // No motion came: the device gives up a moment before it says why.
    expect(outcomeOfChoice(phone, [device('phone', 'unavailable')], null)).toBe('pending');
  });

  it('is a problem to show the person once one is told', () => {
    expect(outcomeOfChoice(phone, [device('phone', 'unavailable')], NO_SENSOR)).toBe('problem');
    const file = { kind: 'replay', problemBefore: null } as const;
    const notARecording = 'Not a recording: Backbeat cannot replay that file; format is missing.';
    expect(outcomeOfChoice(file, [device('virtual', 'connected')], notARecording)).toBe('problem');
  });

  it('is not the problem that was already shown when the choice was made', () => {
    const again = { kind: 'phone', problemBefore: NO_SENSOR } as const;
    expect(outcomeOfChoice(again, [device('phone', 'connecting')], NO_SENSOR)).toBe('pending');
  });

  it('is done once the device chosen is connected: a later problem is not the choice’s', () => {
    expect(outcomeOfChoice(phone, [device('virtual', 'connected'), device('phone', 'connected')], null)).toBe(
      'connected',
    );
  });
});
