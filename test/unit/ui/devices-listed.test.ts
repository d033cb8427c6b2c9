import { describe, expect, it } from 'vitest';
import type { DeviceState, DeviceStatus } from '../../../src/app/device-status.ts';
import { devicesListed, someRecordable } from '../../../src/ui/devices-listed.ts';
import { chestStrapStatus } from '../../device-status.ts';

/** The devices' state as the list reads it: a Polar H10 as the source, `devices` in use. */
function state(devices: DeviceStatus[], patch: Partial<DeviceState> = {}) {
  return {
    source: { id: 'h10', name: 'Polar H10 0A1B2C3D', kind: 'bluetooth', placement: 'chest' } as const,
    connection: 'connected' as const,
    countsMotion: true,
    malformedPackets: 0,
    battery: 80,
    devices,
    ...patch,
  };
}

describe('the devices the panel lists', () => {
  it('are the devices in use', () => {
    const h10 = chestStrapStatus();
    expect(devicesListed(state([h10]))).toEqual([h10]);
  });

  it('are one, read from the source, of a state with no list of devices', () => {
    const [one, ...more] = devicesListed(state([], { connection: 'reconnecting', malformedPackets: 2 }));
    expect(more).toEqual([]);
    expect(one).toMatchObject({
      id: 'h10',
      name: 'Polar H10 0A1B2C3D',
      kind: 'heart-rate',
      connection: 'reconnecting',
      battery: 80,
      malformedPackets: 2,
      motion: true,
      // Which exercises it counts such a state does not tell: no part is said of it.
      counts: [],
    });
  });

  it('are none where there is no source', () => {
    expect(devicesListed(state([], { source: null }))).toEqual([]);
  });
});

describe('a recording of the devices in use', () => {
  it('keeps what Bluetooth devices send, not phone motion nor the virtual strap', () => {
    expect(someRecordable([{ kind: 'polar' }])).toBe(true);
    expect(someRecordable([{ kind: 'virtual' }, { kind: 'bangle' }])).toBe(true);
    expect(someRecordable([{ kind: 'phone' }])).toBe(false);
    expect(someRecordable([{ kind: 'virtual' }])).toBe(false);
    expect(someRecordable([])).toBe(false);
  });
});
