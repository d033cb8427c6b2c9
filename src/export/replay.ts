// A saved session's sensor data back as the streams the app records: frames and heart-rate samples on
// the session timeline, in time order, for the detectors to run through again and for the heart rate
// summed up when a session the app was closed in the middle of is ended. (Recordings of what a
// Bluetooth device sent replay through sensors/replay/ instead.)

import type { AccelFrame, HeartRateSample } from '../sensors/samples.ts';
import { decodeHeartRateChunk, decodeMotionChunk } from '../store/codec.ts';
import type { SessionBundle } from '../store/records.ts';

export interface ReplayStreams {
  readonly accel: ReadonlyMap<string, readonly AccelFrame[]>;
  readonly heartRate: ReadonlyMap<string, readonly HeartRateSample[]>;
}

export function replayStreams(bundle: SessionBundle): ReplayStreams {
  const accel = new Map<string, AccelFrame[]>();
  for (const chunk of [...bundle.motion].sort((a, b) => a.seq - b.seq)) {
    const frames = accel.get(chunk.sourceId) ?? [];
    frames.push(...decodeMotionChunk(chunk));
    accel.set(chunk.sourceId, frames);
  }
  const heartRate = new Map<string, HeartRateSample[]>();
  for (const chunk of [...bundle.heartRate].sort((a, b) => a.seq - b.seq)) {
    const samples = heartRate.get(chunk.sourceId) ?? [];
    samples.push(...decodeHeartRateChunk(chunk));
    heartRate.set(chunk.sourceId, samples);
  }
  for (const frames of accel.values()) frames.sort((a, b) => a.t0Ms - b.t0Ms);
  for (const samples of heartRate.values()) samples.sort((a, b) => a.tMs - b.tMs);
  return { accel, heartRate };
}

/** All heart-rate samples of a session from every source, in time order. */
export function allHeartRate(bundle: SessionBundle): HeartRateSample[] {
  return [...replayStreams(bundle).heartRate.values()].flat().sort((a, b) => a.tMs - b.tMs);
}
