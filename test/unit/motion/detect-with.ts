// Runs a simulated recording through the detector of an exercise as the app would, with a tuning.
import { createMotionDetector, type PersonalTuning } from '../../../src/motion/index.ts';
import type { VirtualExercise } from '../../../src/sensors/virtual/choreography.ts';
import type { SimulatedRecording } from '../../../src/sensors/virtual/recording.ts';
import { toFrames } from '../../../tools/recordings.ts';

/** The reps counted in a 50 Hz recording. */
export function detectWith(
  exercise: VirtualExercise,
  rec: SimulatedRecording,
  tuning: PersonalTuning,
): number {
  const detector = createMotionDetector(exercise, 'chest', tuning);
  let reps = 0;
  for (const frame of toFrames(rec, 50)) for (const e of detector.push(frame)) if (e.type === 'rep') reps++;
  return reps;
}
