// The app's own simulated person doing a set, streamed sample by sample at the pace they do it, as a
// wearable that sends one accelerometer reading per notification (a micro:bit, a Bangle.js) would.
// The stream can be cut in the middle, as when the device goes out of reach, and goes on afterwards
// where the person is then.

import type { VirtualExercise } from '../../src/sensors/virtual/choreography.ts';
import { simulateRecording } from '../../src/sensors/virtual/recording.ts';

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
