// Benchmark of the motion pipeline: throughput and memory at 200 Hz.
//
//   npm run bench
//
// Feeds 200 Hz AccelFrames (as a Polar H10 sends them, ~36 samples a packet) through the full
// detector of every profile, and a two-hour stream through one detector while sampling the heap.
// PMD byte parsing is not in this loop yet: the parsers are being written on another branch.

import { createMotionDetector, MOTION_PROFILE_IDS } from '../src/motion/index.ts';
import type { AccelFrame } from '../src/sensors/samples.ts';

const RATE_HZ = 200;
const FRAME_SAMPLES = 36;
const DT_MS = 1000 / RATE_HZ;

/** A torso doing slow reps with noise: enough to keep every detector busy on every sample. */
function makeFrames(seconds: number): AccelFrame[] {
  const frames: AccelFrame[] = [];
  const n = Math.floor((seconds * RATE_HZ) / FRAME_SAMPLES);
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed / 4294967296 - 0.5) * 0.02;
  };
  for (let f = 0; f < n; f++) {
    const xyz = new Float32Array(FRAME_SAMPLES * 3);
    for (let i = 0; i < FRAME_SAMPLES; i++) {
      const t = (f * FRAME_SAMPLES + i) / RATE_HZ;
      const pitch = ((18 * Math.PI) / 180) * Math.max(0, Math.sin((2 * Math.PI * t) / 5)) ** 2;
      xyz[3 * i] = noise();
      xyz[3 * i + 1] = Math.sin(pitch) + noise();
      xyz[3 * i + 2] = -Math.cos(pitch) + noise();
    }
    frames.push({ t0Ms: f * FRAME_SAMPLES * DT_MS, dtMs: DT_MS, xyz });
  }
  return frames;
}

function throughput(frames: readonly AccelFrame[]): void {
  const samples = frames.length * FRAME_SAMPLES;
  console.log(`throughput, ${RATE_HZ} Hz frames of ${FRAME_SAMPLES} samples, ${samples} samples per run:`);
  for (const profile of MOTION_PROFILE_IDS) {
    // One warm-up run so the JIT has compiled the hot loop, then the best of five.
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 6; run++) {
      const detector = createMotionDetector(profile, 'chest');
      const start = process.hrtime.bigint();
      let events = 0;
      for (const frame of frames) events += detector.push(frame).length;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (run > 0) best = Math.min(best, ms);
      if (events < 0) console.log(events);
    }
    const perS = samples / (best / 1000);
    console.log(`  ${profile.padEnd(13)} ${(perS / 1e6).toFixed(2)} M samples/s`);
  }
}

function memory(hours: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) console.log('(run with node --expose-gc for exact heap figures)');
  // Re-use ten minutes of frames with shifted times, so the input itself does not grow the heap.
  const block = makeFrames(600);
  const blockMs = block.length * FRAME_SAMPLES * DT_MS;
  const blocks = Math.round((hours * 3600 * 1000) / blockMs);
  const detector = createMotionDetector('superman', 'chest');
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  for (let b = 0; b < blocks; b++) {
    for (const f of block) detector.push({ t0Ms: f.t0Ms + b * blockMs, dtMs: f.dtMs, xyz: f.xyz });
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  gc?.();
  const after = process.memoryUsage().heapUsed;
  const mb = (v: number) => (v / 1024 / 1024).toFixed(2);
  console.log(
    `memory over ${hours} simulated hours (${blocks * block.length * FRAME_SAMPLES} samples): ` +
      `heap growth ${mb(after - before)} MB (peak ${mb(peak - before)} MB above start)`,
  );
}

throughput(makeFrames(600));
memory(2);
