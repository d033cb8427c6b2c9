// Reading recordings in the shared dataset format (CSV `t,ax,ay,az[,gx,gy,gz]`, t in seconds) and
// cutting them into the AccelFrames a live source would deliver, so that the evaluation runs the
// detectors exactly as the app does.

import { readFileSync } from 'node:fs';
import type { AccelFrame, Placement } from '../src/sensors/samples.ts';

/**
 * A manifest entry as the detectors may see it (../shared/datasets/README.md): the recording, the
 * exercise, where the sensor sat and its rate. Nothing of the answers.
 */
export interface ManifestEntry {
  readonly file: string;
  readonly exercise: string;
  readonly placement: string;
  readonly rate_hz: number;
}

/** The answers an entry may carry, read for scoring only, never by the detectors. */
export interface ManifestLabels {
  readonly reps?: number;
  readonly rep_times?: number[];
  readonly sides?: string[];
  readonly holds?: [number, number][];
  readonly breaths?: number;
}

/** An entry with its answers, as scoring and the corpus tests read it. */
export type LabelledEntry = ManifestEntry & ManifestLabels;

/**
 * One dataset recording's accelerometer samples, as read from its CSV: not the packet `Recording` of
 * src/protocol/recording.ts, which replays what a Bluetooth device sent.
 */
export interface Recording {
  /** Sample times in s, as the CSV's `t`. */
  readonly tS: Float64Array;
  /** Interleaved x,y,z in g. */
  readonly xyz: Float32Array;
}

export function readRecordingCsv(path: string): Recording {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines[0].trim().split(',');
  const it = header.indexOf('t');
  const ix = header.indexOf('ax');
  const iy = header.indexOf('ay');
  const iz = header.indexOf('az');
  if (it < 0 || ix < 0 || iy < 0 || iz < 0) throw new Error(`${path}: expected columns t,ax,ay,az`);
  const tS: number[] = [];
  const xyz: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.length === 0) continue;
    const f = line.split(',');
    tS.push(Number(f[it]));
    xyz.push(Number(f[ix]), Number(f[iy]), Number(f[iz]));
  }
  return { tS: Float64Array.from(tS), xyz: Float32Array.from(xyz) };
}

/**
 * Frames as a device would send them: evenly spaced runs of at most `maxSamples`, broken wherever the
 * spacing departs from the nominal rate (a gap, a jitter); an irregular source yields one-sample frames.
 */
export function toFrames(rec: Recording, rateHz: number, maxSamples = 10): AccelFrame[] {
  const frames: AccelFrame[] = [];
  const n = rec.tS.length;
  const nominalS = 1 / rateHz;
  let start = 0;
  const flush = (end: number) => {
    if (end <= start) return;
    const count = end - start;
    const dtMs = count > 1 ? ((rec.tS[end - 1] - rec.tS[start]) / (count - 1)) * 1000 : 0;
    frames.push({ t0Ms: rec.tS[start] * 1000, dtMs, xyz: rec.xyz.slice(start * 3, end * 3) });
    start = end;
  };
  for (let i = 1; i <= n; i++) {
    if (i === n) {
      flush(i);
      break;
    }
    const step = rec.tS[i] - rec.tS[i - 1];
    const regular = Math.abs(step - nominalS) < 0.1 * nominalS;
    if (!regular || i - start >= maxSamples) flush(i);
  }
  return frames;
}

/** The shared corpora name more body places than the app knows; limbs are counted alike. */
export function toPlacement(name: string): Placement {
  if (name === 'chest' || name === 'wrist' || name === 'arm' || name === 'phone') return name;
  return 'arm';
}
