// The Polar H10 as the end-to-end tests emulate it: heart rate, the PMD control point answering its
// real feature read, the PMD data stream and (optionally) the battery, with bytes from the shared
// vectors. UUIDs come from the app's own protocol layer.
import {
  BATTERY_LEVEL,
  BATTERY_SERVICE,
  HEART_RATE_MEASUREMENT,
  HEART_RATE_SERVICE,
  PMD_CONTROL_POINT,
  PMD_DATA,
  PMD_SERVICE,
} from '../../src/protocol/uuids.ts';
import type { PeripheralSpec } from './ble-peripheral.ts';

export interface Vector {
  readonly protocol: string;
  readonly source: string;
  readonly description: string;
  readonly hex: string;
  readonly stream?: string;
}

export const hexBytes = (hex: string): number[] => hex.match(/../g)?.map((b) => Number.parseInt(b, 16)) ?? [];
export const toHex = (bytes: readonly number[]): string =>
  bytes.map((b) => b.toString(16).padStart(2, '0')).join('');

/** The bytes of the vector whose description starts with `description`. */
export function vectorBytes(vectors: readonly Vector[], description: string): number[] {
  const found = vectors.find((v) => v.description.startsWith(description));
  if (!found) throw new Error(`no vector "${description}"`);
  return hexBytes(found.hex);
}

export function emulatedPolarH10(vectors: readonly Vector[], options: { battery: boolean }): PeripheralSpec {
  return {
    address: '0C:8C:DC:00:00:10',
    name: 'Polar H10 0000E2E0',
    services: [
      {
        uuid: HEART_RATE_SERVICE,
        characteristics: [{ uuid: HEART_RATE_MEASUREMENT, properties: { notify: true } }],
      },
      {
        uuid: PMD_SERVICE,
        characteristics: [
          {
            uuid: PMD_CONTROL_POINT,
            properties: { read: true, write: true, indicate: true },
            // The real H10's feature read: ECG + ACC [FST].
            readValue: vectorBytes(vectors, 'H10 feature read (read of PMD CP)'),
          },
          { uuid: PMD_DATA, properties: { notify: true } },
        ],
      },
      ...(options.battery
        ? [
            {
              uuid: BATTERY_SERVICE,
              characteristics: [
                {
                  uuid: BATTERY_LEVEL,
                  properties: { read: true },
                  readValue: vectorBytes(vectors, 'Real Polar H10 battery read'),
                },
              ],
            },
          ]
        : []),
    ],
  };
}
