// The Polar H10 as the end-to-end tests emulate it: heart rate, the PMD control point answering its
// real feature read, the PMD data stream and (optionally) the battery, with bytes from the shared
// vectors, and a test-side encoder of its ACC frames for a simulated person's set. UUIDs come from the
// app's own protocol layer.

import type { Browser, Page } from 'playwright-core';
import {
  BATTERY_LEVEL,
  BATTERY_SERVICE,
  HEART_RATE_MEASUREMENT,
  HEART_RATE_SERVICE,
  PMD_CONTROL_POINT,
  PMD_DATA,
  PMD_SERVICE,
} from '../../src/protocol/uuids.ts';
import { simulateRecording } from '../../src/sensors/virtual/recording.ts';
import { readSharedJson } from '../shared.ts';
import {
  type EmulatedPeripheral,
  emulatePeripheral,
  overOneRadio,
  type PeripheralOptions,
  type PeripheralSpec,
} from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';

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

export interface EmulatedH10Options extends PeripheralOptions {
  readonly battery: boolean;
  /** Whether its ACC stream runs as a start comes, answered ALREADY_IN_STATE then (default: never). */
  readonly streamRunning?: () => boolean;
  /** Each command written to its PMD control point, as hex, once its answer is chosen. */
  readonly commanded?: (hex: string) => void;
}

export interface EmulatedH10 extends EmulatedPeripheral {
  /** A notification of its heart rate or of its PMD service, after those sent before it. */
  send(characteristicUuid: string, bytes: number[]): Promise<void>;
}

/**
 * An H10 emulated for the page, set up after its last navigation (a reload silently ends the
 * emulation), its control point answering the app's ACC commands as the real strap does.
 */
export async function emulateH10(
  browser: Browser,
  page: Page,
  vectors: readonly Vector[],
  options: EmulatedH10Options,
): Promise<EmulatedH10> {
  const strap = await emulatePeripheral(browser, page, emulatedPolarH10(vectors, options), options);
  const notify = overOneRadio(strap);
  const send = (characteristicUuid: string, bytes: number[]) =>
    notify(
      characteristicUuid === HEART_RATE_MEASUREMENT ? HEART_RATE_SERVICE : PMD_SERVICE,
      characteristicUuid,
      bytes,
    );
  strap.onWrite(PMD_CONTROL_POINT, (command) => {
    const answer = accCommandAnswer(vectors, command, options.streamRunning?.() ?? false);
    options.commanded?.(toHex(command));
    // The stop the app writes as its page closes is answered to a page that may be gone.
    if (answer) send(PMD_CONTROL_POINT, answer).catch(() => undefined);
  });
  return Object.assign(strap, { send });
}

// ---- A test-side encoder of the H10's ACC frames (PROTOCOLS.md §2.5, §2.6) ----

/** The H10's clock restarts at 2019-01-01 (ns since 2000-01-01) [P-TIME]. */
const H10_CLOCK_START_NS = 599_616_000_000_000_000n;
const SAMPLES_PER_FRAME = 36;

export interface AppBesideH10 {
  readonly browser: Browser;
  readonly page: Page;
  readonly strap: EmulatedH10;
}

/**
 * Chromium launched, the app opened in it by `openPage`, and an H10 in reach of it answering with the
 * shared vectors' bytes, not connected yet.
 */
export async function openAppBesideH10(
  openPage: (browser: Browser) => Promise<Page>,
  options: EmulatedH10Options,
): Promise<AppBesideH10> {
  const vectors = readSharedJson<Vector[]>('vectors/vectors.json');
  const browser = await launchChromium();
  try {
    const page = await openPage(browser);
    const strap = await emulateH10(browser, page, vectors, options);
    return { browser, page, strap };
  } catch (error) {
    // The file's afterAll has no browser to close until this returns: one left open would outlive the run.
    await browser.close();
    throw error;
  }
}

/** Raw type 1: `02`, uint64 LE ns of the last sample, `01`, then int16 LE x,y,z in mG per sample. */
export function encodeAccFrame(
  lastSampleS: number,
  xyzG: Float32Array,
  from: number,
  count: number,
): number[] {
  const bytes = new Uint8Array(10 + count * 6);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x02;
  view.setBigUint64(1, H10_CLOCK_START_NS + BigInt(Math.round(lastSampleS * 1e9)), true);
  bytes[9] = 0x01;
  for (let i = 0; i < count * 3; i++) {
    view.setInt16(10 + i * 2, Math.round(xyzG[from * 3 + i] * 1000), true);
  }
  return [...bytes];
}

export interface EncodedFrame {
  /** Time of the frame's last sample from the start of the simulation, s. */
  readonly atS: number;
  readonly bytes: number[];
}

/** A simulated person's superman set, as the H10 on their chest would stream it at 50 Hz. */
export function supermanFrames(reps: number): { frames: EncodedFrame[]; repTimesS: number[] } {
  const sim = simulateRecording({
    seed: 7,
    activities: [{ kind: 'exercise', exercise: 'superman', target: reps }],
    rateHz: 50,
    startPosture: 'prone',
  });
  const frames: EncodedFrame[] = [];
  for (let from = 0; from + SAMPLES_PER_FRAME <= sim.tS.length; from += SAMPLES_PER_FRAME) {
    const atS = sim.tS[from + SAMPLES_PER_FRAME - 1];
    frames.push({ atS, bytes: encodeAccFrame(atS, sim.xyz, from, SAMPLES_PER_FRAME) });
  }
  return { frames, repTimesS: sim.truth.rep_times };
}

/**
 * The H10's answer to an ACC command written to its PMD control point, with the real responses from
 * the vectors: the settings, the start (or status 6 ALREADY_IN_STATE, in the short error form the
 * H10 uses [FST], when `streamRunning`) and the stop; null for a command it is not asked here.
 */
export function accCommandAnswer(
  vectors: readonly Vector[],
  command: readonly number[],
  streamRunning: boolean,
): number[] | null {
  const hex = toHex(command);
  if (hex === '0102') return vectorBytes(vectors, 'H10 ACC settings response to 01 02');
  if (hex.startsWith('0202')) {
    return streamRunning ? [0xf0, 0x02, 0x02, 0x06] : vectorBytes(vectors, 'H10: start ACC response');
  }
  if (hex === '0302') return vectorBytes(vectors, 'H10: stop ACC response');
  return null;
}
