import { describe, expect, it } from 'vitest';
import { fromJson, toJson } from '../../../src/export/json.ts';
import { replayStreams } from '../../../src/export/replay.ts';
import { createMotionDetector } from '../../../src/motion/index.ts';
import type { AccelFrame } from '../../../src/sensors/samples.ts';
import { simulateRecording } from '../../../src/sensors/virtual/recording.ts';
import { SessionRecorder } from '../../../src/store/recorder.ts';
import { SessionModel } from '../../../src/workout/session-model.ts';

const STRAP = { id: 'strap', name: 'Strap', kind: 'virtual', placement: 'chest' } as const;

function detectReps(frames: readonly AccelFrame[]): number[] {
  const detector = createMotionDetector('superman', 'chest');
  return frames
    .flatMap((f) => detector.push(f))
    .flatMap((e) => (e.type === 'rep' ? [Math.round(e.tMs)] : []));
}

describe('a saved session replayed through the detectors', () => {
  it('counts the same reps from the imported JSON as from the live frames, each within a sample of its time', () => {
    const rateHz = 100;
    const rec = simulateRecording({
      seed: 5,
      rateHz,
      startPosture: 'prone',
      activities: [
        { kind: 'rest', durationS: 5 },
        { kind: 'exercise', exercise: 'superman', target: 10 },
      ],
    });
    // The live stream: packets of 10 samples on the session clock, as a strap sends them.
    const live: AccelFrame[] = [];
    for (let i = 0; i + 10 <= rec.tS.length; i += 10) {
      live.push({ t0Ms: rec.tS[i]! * 1000, dtMs: 1000 / rateHz, xyz: rec.xyz.slice(i * 3, (i + 10) * 3) });
    }
    const model = new SessionModel(() => 0);
    model.start();
    const recorder = SessionRecorder.start(null, model.state, [STRAP]);
    live.forEach((frame, i) => {
      recorder.recordAccel(STRAP.id, frame);
      if (i % 10 === 9) void recorder.flush();
    });
    const [imported] = fromJson(toJson([recorder.bundle()]), Date.now());
    const replayed = replayStreams(imported!).accel.get(STRAP.id)!;

    const liveReps = detectReps(live);
    expect(liveReps.length).toBeGreaterThanOrEqual(9);
    const replayedReps = detectReps(replayed);
    expect(replayedReps).toHaveLength(liveReps.length);
    // Stored at 1 mg, the signal may cross a threshold one sample (10 ms) earlier or later.
    const shifts = replayedReps.map((t, i) => Math.abs(t - liveReps[i]!));
    expect(Math.max(...shifts)).toBeLessThanOrEqual(1000 / rateHz);
  });
});
