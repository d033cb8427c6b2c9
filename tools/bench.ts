// Benchmark of the motion pipeline: throughput and memory at 200 Hz, from the strap's bytes.
//
//   npm run bench
//
// Builds Polar H10 PMD accelerometer notifications (raw int16 frames in mG, 36 samples each, as the
// H10 sends at 200 Hz), then runs the full path the app runs: PMD decoding → AccelFrame → the
// detector of each profile. A two-hour stream runs through one detector while the heap is sampled.

import {
  createMotionDetector,
  MOTION_PROFILE_IDS,
  PositionJudge,
  PostureTracker,
} from '../src/motion/index.ts';
import { PmdMeasurementType } from '../src/protocol/polar-pmd.ts';
import { PmdStreamDecoder, pmdSampleSpacingMs } from '../src/protocol/polar-pmd-data.ts';
import { recordPacket } from '../src/protocol/recording.ts';
import type { AccelFrame } from '../src/sensors/samples.ts';

const RATE_HZ = 200;
const FRAME_SAMPLES = 36;
const DT_MS = 1000 / RATE_HZ;
const HEADER_BYTES = 10;
// Raw ACC frame type 1: int16 per axis, mG.
const FRAME_TYPE_INT16 = 1;

/** PMD notifications of a torso doing slow reps with noise, enough to keep every detector busy. */
function makePackets(seconds: number): Uint8Array[] {
  const packets: Uint8Array[] = [];
  const n = Math.floor((seconds * RATE_HZ) / FRAME_SAMPLES);
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed / 4294967296 - 0.5) * 0.02;
  };
  // Any plausible device clock: ns since 2000; the frame stamp is its last sample's time.
  const startNs = 800_000_000_000_000_000n;
  for (let f = 0; f < n; f++) {
    const bytes = new Uint8Array(HEADER_BYTES + FRAME_SAMPLES * 6);
    const view = new DataView(bytes.buffer);
    bytes[0] = PmdMeasurementType.ACC;
    const lastNs = startNs + BigInt(Math.round(((f + 1) * FRAME_SAMPLES - 1) * DT_MS * 1e6));
    view.setBigUint64(1, lastNs, true);
    bytes[9] = FRAME_TYPE_INT16;
    for (let i = 0; i < FRAME_SAMPLES; i++) {
      const t = (f * FRAME_SAMPLES + i) / RATE_HZ;
      const pitch = ((18 * Math.PI) / 180) * Math.max(0, Math.sin((2 * Math.PI * t) / 5)) ** 2;
      const o = HEADER_BYTES + 6 * i;
      view.setInt16(o, Math.round(noise() * 1000), true);
      view.setInt16(o + 2, Math.round((Math.sin(pitch) + noise()) * 1000), true);
      view.setInt16(o + 4, Math.round((-Math.cos(pitch) + noise()) * 1000), true);
    }
    packets.push(bytes);
  }
  return packets;
}

/** The app's path from a notification to a frame: decode, and place it on the session clock. */
function decoder(): (packet: Uint8Array, receivedMs: number) => AccelFrame {
  const pmd = new PmdStreamDecoder();
  pmd.start(PmdMeasurementType.ACC, { sampleRateHz: RATE_HZ });
  return (packet, receivedMs) => {
    const r = pmd.decode(packet);
    if (!r.ok || r.value.kind !== 'acc') throw new Error('bench packet did not decode');
    const dtMs = r.value.timestampsNs ? pmdSampleSpacingMs(r.value.timestampsNs) : DT_MS;
    // The frame's last sample arrived at receivedMs; the earlier ones are spaced back from it.
    return { t0Ms: receivedMs - (r.value.sampleCount - 1) * dtMs, dtMs, xyz: r.value.xyzG };
  };
}

const receivedAt = (index: number) => ((index + 1) * FRAME_SAMPLES - 1) * DT_MS;

function throughput(packets: readonly Uint8Array[]): void {
  const samples = packets.length * FRAME_SAMPLES;
  console.log(
    `throughput, PMD frames of ${FRAME_SAMPLES} samples at ${RATE_HZ} Hz, ${samples} samples per run:`,
  );
  const decodeOnly = measure(() => {
    const decode = decoder();
    for (let i = 0; i < packets.length; i++) decode(packets[i], receivedAt(i));
  });
  console.log(`  PMD decoding alone  ${(samples / decodeOnly / 1000).toFixed(2)} M samples/s`);
  const decode = decoder();
  const frames = packets.map((p, i) => decode(p, receivedAt(i)));
  console.log('  profile             PMD → events      frames → events');
  for (const profile of MOTION_PROFILE_IDS) {
    const full = measure(() => {
      const decodeRun = decoder();
      const detector = createMotionDetector(profile, 'chest');
      for (let i = 0; i < packets.length; i++) detector.push(decodeRun(packets[i], receivedAt(i)));
    });
    const detectOnly = measure(() => {
      const detector = createMotionDetector(profile, 'chest');
      for (const f of frames) detector.push(f);
    });
    const rate = (ms: number) => `${(samples / ms / 1000).toFixed(2)} M samples/s`;
    console.log(`  ${profile.padEnd(19)} ${rate(full).padEnd(17)} ${rate(detectOnly)}`);
  }
  // Beside the detectors the app tracks posture on every sample and judges the set's position.
  const positionFull = measure(() => {
    const decodeRun = decoder();
    const tracker = new PostureTracker('chest');
    const judge = new PositionJudge('face-down');
    for (let i = 0; i < packets.length; i++) judge.update(tracker.push(decodeRun(packets[i], receivedAt(i))));
  });
  const positionOnly = measure(() => {
    const tracker = new PostureTracker('chest');
    const judge = new PositionJudge('face-down');
    for (const f of frames) judge.update(tracker.push(f));
  });
  const rate = (ms: number) => `${(samples / ms / 1000).toFixed(2)} M samples/s`;
  console.log(`  ${'posture + position'.padEnd(19)} ${rate(positionFull).padEnd(17)} ${rate(positionOnly)}`);
}

/** Best of five timed runs after one warm-up run (so the JIT has compiled the hot loop), in ms. */
function measure(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 6; i++) {
    const start = process.hrtime.bigint();
    run();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i > 0) best = Math.min(best, ms);
  }
  return best;
}

function memory(hours: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) console.log('(run with node --expose-gc for exact heap figures)');
  // Ten minutes of packets replayed with advancing time, so the input itself does not grow the heap.
  const block = makePackets(600);
  const blockMs = block.length * FRAME_SAMPLES * DT_MS;
  const blocks = Math.round((hours * 3600 * 1000) / blockMs);
  const decode = decoder();
  const detector = createMotionDetector('superman', 'chest');
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let index = 0;
  for (let b = 0; b < blocks; b++) {
    for (const packet of block) {
      // Restamp the packet so the device clock keeps advancing across the replayed blocks.
      const lastNs = 800_000_000_000_000_000n + BigInt(Math.round(receivedAt(index) * 1e6));
      new DataView(packet.buffer).setBigUint64(1, lastNs, true);
      detector.push(decode(packet, receivedAt(index)));
      index++;
    }
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  gc?.();
  const after = process.memoryUsage().heapUsed;
  const mb = (v: number) => (v / 1024 / 1024).toFixed(2);
  console.log(
    `memory over ${hours} simulated hours (${index * FRAME_SAMPLES} samples, PMD → detector): ` +
      `heap growth ${mb(after - before)} MB (peak ${mb(peak - before)} MB above start)`,
  );
}

/**
 * What a connected strap's packets cost kept for "Save a recording" (every notification is kept
 * while a device is connected, up to the GATT session's cap): heap per packet over `minutes`.
 */
function recordingMemory(minutes: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  const packets = makePackets(minutes * 60);
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = packets.map((bytes, i) => recordPacket('pmd-data', bytes, receivedAt(i)));
  gc?.();
  const grown = process.memoryUsage().heapUsed - before;
  console.log(
    `recording ${minutes} min of 200 Hz PMD packets (${kept.length}, ${packets[0]!.length} bytes each): ` +
      `${(grown / kept.length / 1024).toFixed(2)} KB of heap per packet, ${(grown / 1024 / 1024).toFixed(2)} MB in all`,
  );
}

throughput(makePackets(600));
memory(2);
recordingMemory(20);
