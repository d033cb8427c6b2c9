import { describe, expect, it } from 'vitest';
import { parseBatteryLevel } from '../../../src/protocol/battery.ts';
import { parseDeviceInfoString, parseSystemId } from '../../../src/protocol/device-info.ts';
import {
  buildResetEnergyExpended,
  parseBodySensorLocation,
  parseHeartRateControlPoint,
  parseHeartRateMeasurement,
  rrRawToMs,
} from '../../../src/protocol/heart-rate.ts';
import { bytesToHex, hexToBytes, type Result } from '../../../src/protocol/result.ts';

function bytes(hex: string): Uint8Array {
  const r = hexToBytes(hex);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected a value, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('heart rate measurement', () => {
  it('reads uint8 bpm with RR and no contact bits, as a real H10 sends it', () => {
    const m = value(parseHeartRateMeasurement(bytes('104b3b035903')));
    expect(m).toEqual({
      flags: 0x10,
      bpm: 75,
      contactSupported: false,
      contactDetected: false,
      energyExpendedKj: null,
      rrPresent: true,
      rrRaw: [827, 857],
      rrMs: [808, 837],
    });
  });

  it('reads uint16 bpm, contact, energy and three RR intervals', () => {
    const m = value(parseHeartRateMeasurement(bytes('1f0101320101000201ffff')));
    expect(m.bpm).toBe(257);
    expect(m.contactSupported).toBe(true);
    expect(m.contactDetected).toBe(true);
    expect(m.energyExpendedKj).toBe(306);
    expect(m.rrRaw).toEqual([1, 258, 65535]);
    expect(m.rrMs).toEqual([1, 252, 63999]);
  });

  it('reports contact only when the supported bit is set too', () => {
    expect(value(parseHeartRateMeasurement(bytes('0248'))).contactDetected).toBe(false);
    expect(value(parseHeartRateMeasurement(bytes('0448'))).contactDetected).toBe(false);
    expect(value(parseHeartRateMeasurement(bytes('0648'))).contactDetected).toBe(true);
  });

  it('keeps a packet whose RR flag has no RR bytes, with an empty list', () => {
    const m = value(parseHeartRateMeasurement(bytes('170101')));
    expect(m.bpm).toBe(257);
    expect(m.rrPresent).toBe(true);
    expect(m.rrRaw).toEqual([]);
  });

  it('accepts more RR intervals than fit a 23-byte MTU', () => {
    const rr = Array.from({ length: 30 }, (_, i) => 800 + i);
    const packet = new Uint8Array(2 + rr.length * 2);
    packet[0] = 0x10;
    packet[1] = 60;
    rr.forEach((v, i) => {
      packet[2 + i * 2] = v & 0xff;
      packet[3 + i * 2] = v >> 8;
    });
    expect(value(parseHeartRateMeasurement(packet)).rrRaw).toEqual(rr);
  });

  it('returns typed errors for truncated packets', () => {
    for (const [hex, code] of [
      ['', 'too-short'],
      ['16', 'too-short'],
      ['0148', 'too-short'],
      ['08480a', 'too-short'],
      ['104840', 'bad-length'],
    ] as const) {
      const r = parseHeartRateMeasurement(bytes(hex));
      expect(r.ok, hex).toBe(false);
      if (!r.ok) expect(r.error.code, hex).toBe(code);
    }
  });

  it('reads from a DataView over a larger buffer, as Web Bluetooth may hand it', () => {
    const buffer = new Uint8Array([0xaa, 0x00, 0x48, 0xbb]).buffer;
    expect(value(parseHeartRateMeasurement(new DataView(buffer, 1, 2))).bpm).toBe(72);
  });

  it('takes hex as logs print it', () => {
    expect([...bytes('0x10 0x4B, 0x34:03')]).toEqual([0x10, 0x4b, 0x34, 0x03]);
    expect(hexToBytes('1g').ok).toBe(false);
    expect(hexToBytes('104').ok).toBe(false);
  });

  it('writes every byte value as two lower-case hex digits, and reads them back', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const hex = bytesToHex(all);
    expect(hex).toHaveLength(512);
    expect(hex.slice(0, 8)).toBe('00010203');
    expect(hex.slice(-4)).toBe('feff');
    expect([...bytes(hex)]).toEqual([...all]);
    expect(bytesToHex(new Uint8Array(0))).toBe('');
  });

  it('rounds RR half up like Polar', () => {
    // 64 / 1024 s = 62.5 ms exactly.
    expect(rrRawToMs(64)).toBe(63);
    expect(rrRawToMs(1024)).toBe(1000);
  });
});

describe('other heart-rate-service and standard characteristics', () => {
  it('names body sensor locations, reserved codes as Unknown', () => {
    expect(value(parseBodySensorLocation(bytes('01')))).toEqual({ code: 1, location: 'Chest' });
    expect(value(parseBodySensorLocation(bytes('07'))).location).toBe('Unknown');
    expect(parseBodySensorLocation(bytes('')).ok).toBe(false);
  });

  it('builds and reads back the reset energy expended command', () => {
    const cmd = buildResetEnergyExpended();
    expect([...cmd]).toEqual([1]);
    expect(value(parseHeartRateControlPoint(cmd)).op).toBe('ResetEnergyExpended');
    expect(value(parseHeartRateControlPoint(bytes('2a'))).op).toBe('Reserved');
  });

  it('reads battery level and rejects values above 100', () => {
    expect(value(parseBatteryLevel(bytes('4b'))).percent).toBe(75);
    const r = parseBatteryLevel(bytes('65'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('out-of-range');
  });

  it('trims trailing NULs from device information strings', () => {
    expect(value(parseDeviceInfoString(bytes('48313000')))).toBe('H10');
    expect(value(parseDeviceInfoString(bytes('0000')))).toBe('');
    expect(value(parseSystemId(bytes('1515c5feff1a9ea0')))).toBe('A09E1AFFFEC51515');
  });
});
