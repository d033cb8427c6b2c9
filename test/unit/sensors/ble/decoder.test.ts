// What the packet decoder passes on of a heart-rate notification: readings a person can have; a 0
// (the strap's word for lost skin contact) is no reading, nor is one it says it sent off the skin;
// anything else is a packet gone wrong.
import { describe, expect, it } from 'vitest';
import * as uuids from '../../../../src/protocol/uuids.ts';
import { PacketDecoder } from '../../../../src/sensors/ble/decoder.ts';

function decode(...packets: number[][]) {
  const bpm: number[] = [];
  const malformed: string[] = [];
  const decoder = new PacketDecoder({
    heartRate: (sample) => bpm.push(sample.bpm),
    accel: () => {},
    battery: () => {},
    malformed: (error) => malformed.push(error.message),
    problem: () => {},
  });
  for (const p of packets) decoder.notify(uuids.HEART_RATE_MEASUREMENT, Uint8Array.from(p), 0);
  return { bpm, malformed };
}

describe('PacketDecoder, heart rate', () => {
  it('passes on readings a person can have, 25 to 250 bpm', () => {
    expect(decode([0x00, 25], [0x00, 72], [0x01, 250, 0x00])).toEqual({ bpm: [25, 72, 250], malformed: [] });
  });

  it('drops a 0 (electrodes off the skin) quietly, and counts one out of range as a bad packet', () => {
    // 0x8080 = 32896 bpm in the 16-bit format; 12 and 251 bpm in the 8-bit and 16-bit ones.
    const { bpm, malformed } = decode(
      [0x00, 0],
      [0x01, 0x80, 0x80],
      [0x00, 12],
      [0x01, 251, 0x00],
      [0x00, 80],
    );
    expect(bpm).toEqual([80]);
    expect(malformed).toEqual([
      'a heart rate of 32896 bpm',
      'a heart rate of 12 bpm',
      'a heart rate of 251 bpm',
    ]);
  });

  it('drops a reading the strap sends while it says its electrodes have lost the skin, RR intervals and all', () => {
    // Flags 0x16: contact supported and detected, RR present; 0x14: supported, not detected, RR present.
    expect(
      decode([0x16, 99, 0x00, 0x04], [0x14, 88, 0x00, 0x04, 0xbc, 0x02], [0x16, 97, 0x00, 0x04]),
    ).toEqual({
      bpm: [99, 97],
      malformed: [],
    });
  });

  it('passes on the readings of a strap that cannot tell skin contact, as a real H10 sends them (flags 0x10)', () => {
    // Contact status without contact supported means nothing (PROTOCOLS.md §1.1).
    expect(decode([0x10, 75, 0x00, 0x04], [0x12, 76, 0x00, 0x04])).toEqual({ bpm: [75, 76], malformed: [] });
  });
});
