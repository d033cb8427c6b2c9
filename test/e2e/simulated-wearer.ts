// The app's own simulated person doing a set, streamed sample by sample at the pace they do it, as a
// wearable that sends one accelerometer reading per notification (a micro:bit, a Bangle.js) would.
// The stream can be cut in the middle, as when the device goes out of reach, and goes on afterwards
// where the person is then.

import type { Page } from 'playwright-core';
import type { VirtualExercise } from '../../src/sensors/virtual/choreography.ts';
import { simulateRecording } from '../../src/sensors/virtual/recording.ts';
import { PROGRAM } from '../../src/workout/program.ts';
import { SETTINGS_KEY } from '../../src/workout/settings.ts';
import type { EmulatedBangle } from './ble-peripheral.ts';

export type Xyz = readonly [number, number, number];

export interface SimulatedSet {
  /** Time of each sample from the start of the set, s. */
  readonly tS: Float64Array;
  /** Each sample, in g. */
  readonly samples: readonly Xyz[];
  /** When each rep ends, s. */
  readonly repTimesS: readonly number[];
}

export function simulatedSet(exercise: VirtualExercise, reps: number, rateHz: number): SimulatedSet {
  const sim = simulateRecording({
    seed: 7,
    activities: [{ kind: 'exercise', exercise, target: reps }],
    rateHz,
    startPosture: 'prone',
  });
  const samples: Xyz[] = [];
  for (let i = 0; i < sim.tS.length; i++)
    samples.push([sim.xyz[i * 3], sim.xyz[i * 3 + 1], sim.xyz[i * 3 + 2]]);
  return { tS: sim.tS, samples, repTimesS: sim.truth.rep_times };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends every sample of the set in turn at the pace of the simulated person. Once the set is past
 * `dropAfterS`, `drop` is awaited (the device goes and comes back), and the stream then goes on from
 * the next sample, as the person waited for the device.
 */
export async function streamSet(
  set: SimulatedSet,
  send: (xyz: Xyz) => Promise<void>,
  options: { readonly dropAfterS?: number; readonly drop?: () => Promise<void> } = {},
): Promise<void> {
  let startedAt = Date.now();
  let dropped = false;
  for (const [i, xyz] of set.samples.entries()) {
    const atS = set.tS[i];
    if (!dropped && options.drop && options.dropAfterS !== undefined && atS > options.dropAfterS) {
      dropped = true;
      await options.drop();
      startedAt = Date.now() - atS * 1000;
    }
    const waitMs = startedAt + atS * 1000 - Date.now();
    if (waitMs > 0) await sleep(waitMs);
    await send(xyz);
  }
}

/** The settings, as stored, of a short session of the lat pulldown alone, one set, moved on by hand. */
export const LAT_PULLDOWN_ALONE: Readonly<Record<string, string>> = {
  [SETTINGS_KEY]: JSON.stringify({
    length: 'short',
    autoProgress: false,
    exercises: PROGRAM.map(({ id, dosage }) => ({ id, included: id === 'lat-pulldown', dosage })),
  }),
};

/** Espruino's default accelerometer poll: 80 ms [ESP Data Streaming]. */
const BANGLE_SAMPLE_MS = 80;
/** One pull of the bar and its return, as the wrist sees it. */
export const PULL_S = 3;

/**
 * A wrist at the lat pulldown machine as a Bangle.js streams it on the page's paused clock: each call
 * sends `seconds` of readings, a sample every BANGLE_SAMPLE_MS, pulling (or still), going on from
 * where the last call ended.
 */
export function wristAtThePulldown(page: Page, watch: EmulatedBangle) {
  let streamedS = 0;
  return async (seconds: number, pulling: boolean): Promise<void> => {
    for (let t = 0; t < seconds; t += BANGLE_SAMPLE_MS / 1000) {
      const swing = pulling ? 0.4 * Math.sin((2 * Math.PI * streamedS) / PULL_S) : 0;
      const [x, y, z] = [0.3 + swing * 0.6, 0.9 + swing * 0.8, 0.1].map((g) => Math.round(g * 100));
      await page.clock.runFor(BANGLE_SAMPLE_MS);
      await watch.print(`A,${x},${y},${z}\n`);
      streamedS += BANGLE_SAMPLE_MS / 1000;
    }
  };
}
