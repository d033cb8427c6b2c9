// Scripted wearables for unit tests: the fake device answering with real bytes from
// ../shared/vectors/vectors.json (a real H10 as FST captured it).
import * as uuids from '../../../../src/protocol/uuids.ts';
import { readSharedJson } from '../../../shared.ts';
import { FakeDevice, hex } from './fake-device.ts';

export interface Vector {
  protocol: string;
  source: string;
  description: string;
  hex: string;
  stream?: string;
  expected?: Record<string, unknown>;
}

export function vectors(): Vector[] {
  return readSharedJson<Vector[]>('vectors/vectors.json');
}

export function vector(description: string): Vector {
  const v = vectors().find((x) => x.description.startsWith(description));
  if (!v) throw new Error(`no vector "${description}"`);
  return v;
}

/** An H10 as FST captured it: HR, PMD, battery and device information. */
export function fakeH10(
  startStatus: () => number[] = () => [0x00, 0x00, 0x01],
  name = 'Polar H10 0A1B2C3D',
): FakeDevice {
  const settingsResponse = hex(vector('H10 ACC settings response to 01 02').hex);
  return new FakeDevice(
    name,
    [
      {
        uuid: uuids.HEART_RATE_SERVICE,
        characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { notify: true } }],
      },
      {
        uuid: uuids.PMD_SERVICE,
        characteristics: [
          {
            uuid: uuids.PMD_CONTROL_POINT,
            properties: { read: true, write: true, indicate: true },
            read: hex(vector('H10 feature read (read of PMD CP)').hex),
          },
          { uuid: uuids.PMD_DATA, properties: { notify: true } },
        ],
      },
      {
        uuid: uuids.BATTERY_SERVICE,
        characteristics: [
          {
            uuid: uuids.BATTERY_LEVEL,
            properties: { read: true, notify: true },
            read: hex(vector('Real Polar H10 battery read').hex),
          },
        ],
      },
      {
        uuid: uuids.DEVICE_INFORMATION_SERVICE,
        characteristics: [
          { uuid: uuids.DEVICE_INFORMATION.modelNumber, properties: { read: true }, read: hex('48313000') },
          {
            uuid: uuids.DEVICE_INFORMATION.firmwareRevision,
            properties: { read: true },
            read: hex('352e302e3000'),
          },
        ],
      },
    ],
    (characteristic, bytes) => {
      if (characteristic !== uuids.PMD_CONTROL_POINT) return [];
      const command = Buffer.from(bytes).toString('hex');
      if (command === '0102') return [settingsResponse];
      // Start and stop answers as the H10 gives them: `F0 02 02 00 00 01` [P-DOC], `F0 03 02 00 00`.
      if (command.startsWith('0202')) return [Uint8Array.of(0xf0, 0x02, 0x02, ...startStatus())];
      if (command === '0302') return [hex('f003020000')];
      return [];
    },
  );
}

export function accFrames(stream: string): Uint8Array[] {
  return vectors()
    .filter((v) => v.protocol === 'pmd-acc' && v.stream === stream)
    .map((v) => hex(v.hex));
}

/** Raw motion as the watch gives it: 3 × int16 LE, 1 g = 1024. */
export function pineTimeMotion(x: number, y: number, z: number): Uint8Array {
  const bytes = new Uint8Array(6);
  const view = new DataView(bytes.buffer);
  for (const [i, v] of [x, y, z].entries()) view.setInt16(i * 2, v, true);
  return bytes;
}

/** A PineTime on InfiniTime ≥ 1.7: HR (`00 bpm`, no RR [IT]) and raw motion, whose read answers
 * `motion` (the accelerometer's values as they are) when given. No public captures exist
 * (PROTOCOLS.md §8), so its bytes are built from the documented layout. */
export function fakePineTime(motion?: Uint8Array): FakeDevice {
  return new FakeDevice('InfiniTime', [
    {
      uuid: uuids.HEART_RATE_SERVICE,
      characteristics: [{ uuid: uuids.HEART_RATE_MEASUREMENT, properties: { notify: true, read: true } }],
    },
    {
      uuid: uuids.INFINITIME_MOTION_SERVICE,
      characteristics: [
        { uuid: uuids.INFINITIME_MOTION, properties: { notify: true, read: true }, read: motion },
      ],
    },
  ]);
}

/** A micro:bit with the accelerometer service; like codal, it coerces the period it is given to
 * one it supports and reads back that one [MB]. */
export function fakeMicrobit(coercedPeriodMs: number): FakeDevice {
  return new FakeDevice('BBC micro:bit [zotep]', [
    {
      uuid: uuids.MICROBIT_ACCELEROMETER_SERVICE,
      characteristics: [
        { uuid: uuids.MICROBIT_ACCELEROMETER_DATA, properties: { notify: true, read: true } },
        {
          uuid: uuids.MICROBIT_ACCELEROMETER_PERIOD,
          properties: { read: true, write: true },
          read: Uint8Array.of(coercedPeriodMs & 0xff, coercedPeriodMs >> 8),
        },
      ],
    },
  ]);
}

/** A Bangle.js: the Nordic UART service, TX notifying, RX taking writes of up to 20 bytes [ESP]. */
export function fakeBangle(): FakeDevice {
  return new FakeDevice('Bangle.js 1a2b', [
    {
      uuid: uuids.NORDIC_UART_SERVICE,
      characteristics: [
        { uuid: uuids.NORDIC_UART_TX, properties: { notify: true } },
        { uuid: uuids.NORDIC_UART_RX, properties: { write: true, writeWithoutResponse: true } },
      ],
    },
  ]);
}
