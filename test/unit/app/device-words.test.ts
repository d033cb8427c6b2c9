// What the app says of its devices, from their states alone: the line of a device a set goes on
// without, named as the person knows it, and what a device of an earlier visit not found asks of them.
// The words of a strap whose set the watch took over are stated beside the Devices model (devices.test.ts).

import { describe, expect, it } from 'vitest';
import { goneOnWithout } from '../../../src/app/device-needs.ts';
import type { DeviceStatus } from '../../../src/app/device-status.ts';
import { goneOnWithoutLine, goneOnWithoutWords, notFoundWords } from '../../../src/app/device-words.ts';
import type { BleDeviceKind } from '../../../src/sensors/ble/device-kinds.ts';
import { chestStrapStatus, heartRateStrapStatus, watchStatus } from '../../device-status.ts';

const superman = { exercise: 'superman', position: false } as const;

/** The lines of the devices a superman goes on without, beside an H10 that counts it. */
function linesBesideH10(...others: DeviceStatus[]): string[] {
  const devices = [chestStrapStatus({ heartRate: false }), ...others];
  return goneOnWithout(devices, superman).map((d) => goneOnWithoutLine(devices, d, 'superman'));
}

/** A device of this kind and name that gives the heart rate alone (its motion refused, or none). */
const heartRateOnly = (patch: Partial<DeviceStatus>): DeviceStatus =>
  heartRateStrapStatus({ id: 'other', heartRate: false, ...patch });

describe('the line of a device a set goes on without', () => {
  it('names a plain strap, or a chest strap whose motion will not stream, a heart-rate strap', () => {
    expect(linesBesideH10(heartRateOnly({ connection: 'reconnecting' }))).toEqual([
      'Heart-rate strap reconnecting: keep going',
    ]);
    const h9 = heartRateOnly({
      name: 'Polar H9 0A1B2C3D',
      kind: 'polar',
      placement: 'chest',
      connection: 'lost',
    });
    expect(linesBesideH10(h9)).toEqual(['Heart-rate strap out of reach: keep going']);
  });

  it('names a watch or an armband that gives the heart rate alone as what it is, not a strap', () => {
    const watch = heartRateOnly({
      name: 'InfiniTime',
      kind: 'pinetime',
      placement: 'wrist',
      connection: 'reconnecting',
    });
    expect(linesBesideH10(watch)).toEqual(['Watch reconnecting: keep going']);
    const sense = heartRateOnly({
      name: 'Polar Sense 0A1B2C3D',
      kind: 'polar',
      placement: 'arm',
      connection: 'lost',
    });
    expect(linesBesideH10(sense)).toEqual(['Armband out of reach: keep going']);
  });

  it('says how each is gone, the words after the name the same as the header shows', () => {
    const devices = [
      chestStrapStatus({ counts: ['superman'] }),
      watchStatus({ motionStopped: true }),
      heartRateOnly({ id: 'hrm', connection: 'lost' }),
    ];
    const gone = goneOnWithout(devices, superman);
    expect(gone.map((d) => goneOnWithoutLine(devices, d, 'superman'))).toEqual([
      'Watch motion stopped: keep going',
      'Heart-rate strap out of reach: keep going',
    ]);
    // Before a set is known, the same words.
    expect(gone.map((d) => goneOnWithoutWords(devices, d, undefined))).toEqual([
      'motion stopped: keep going',
      'out of reach: keep going',
    ]);
  });
});

describe('a device of an earlier visit not found', () => {
  const device = (name: string | undefined) => ({ name }) as BluetoothDevice;
  const said = (name: string | undefined, kind: BleDeviceKind) => notFoundWords(device(name), kind);
  const tail =
    ', or bring it closer: it is tried again by itself. Meanwhile the virtual strap stands in, with a simulated heart.';

  it('asks for a strap to be put on wet, and a watch to be woken, by its name', () => {
    expect(said('Polar H10 0A1B2C3D', 'polar')).toBe(
      `Not found: Polar H10 0A1B2C3D did not answer. Put it on with its contacts wet${tail}`,
    );
    expect(said('HRM-Dual', 'heart-rate')).toBe(
      `Not found: HRM-Dual did not answer. Put it on with its contacts wet${tail}`,
    );
    expect(said('InfiniTime', 'pinetime')).toBe(`Not found: InfiniTime did not answer. Wake it${tail}`);
    expect(said('Bangle.js 1a2b', 'bangle')).toBe(`Not found: Bangle.js 1a2b did not answer. Wake it${tail}`);
    // A Verity Sense is worn on the arm, and reads the pulse by light: no contacts to wet.
    expect(said('Polar Sense 0A1B2C3D', 'polar')).toBe(
      `Not found: Polar Sense 0A1B2C3D did not answer. Wake it${tail}`,
    );
  });

  it('asks for a micro:bit strapped to the chest to be woken: it has no contacts to wet', () => {
    expect(said('BBC micro:bit [zuvat]', 'microbit')).toBe(
      `Not found: BBC micro:bit [zuvat] did not answer. Wake it${tail}`,
    );
  });

  it('names a device that gives no name by its kind, and a long name whole', () => {
    expect(said(undefined, 'heart-rate')).toBe(
      `Not found: Heart-rate strap did not answer. Put it on with its contacts wet${tail}`,
    );
    expect(said('', 'pinetime')).toBe(`Not found: PineTime did not answer. Wake it${tail}`);
    const long = 'Polar H10 0A1B2C3D of the physiotherapy room, second shelf';
    expect(said(long, 'polar')).toBe(
      `Not found: ${long} did not answer. Put it on with its contacts wet${tail}`,
    );
  });
});
