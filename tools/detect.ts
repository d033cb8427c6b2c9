// One recording through the detectors, exactly as the app runs them: cut into the frames a device
// would send and pushed in order. Sees nothing of a manifest entry but the exercise, the placement
// and the rate.

import { isMotionProfileId, type MotionProfileId } from '../src/motion/detector.ts';
import type { MotionEvent } from '../src/motion/events.ts';
import { createMotionDetector } from '../src/motion/index.ts';
import { positionedSet } from './position.ts';
import { type Recording, toFrames, toPlacement } from './recordings.ts';

/** What the detectors may know of a recording. */
export interface DetectorInput {
  readonly exercise: string;
  readonly placement: string;
  readonly rateHz: number;
}

/** What they found, times in seconds from the recording's start. */
export interface Detected {
  readonly reps: number;
  readonly rep_times: number[];
  readonly rep_emitted: number[];
  readonly sides: (string | null)[];
  readonly holds: [number, number][];
  readonly breaths: number;
  readonly breath_times: number[];
  /** When each pause at the top of a rep began (s), as the voice times it (see TopEvent). */
  readonly tops: number[];
  /** When the detectors told each of those pauses (s). */
  readonly top_emitted: number[];
  /** When the person left the top after each of them (s), as told. */
  readonly top_left: number[];
  /** When the person was judged in the exercise's position and still (s), or null. */
  readonly set_start: number | null;
  /** When they were first judged still in another position before that (s), or null. */
  readonly wrong_position: number | null;
}

/**
 * `setByPosition`: count only what the session would, from when the person is in the exercise's
 * position (see position.ts), as the evaluation does. Without it, everything the detectors found
 * counts: their own robustness is judged so, under any turn of the sensor at all, which no posture
 * survives.
 */
export function detect(
  rec: Recording,
  input: DetectorInput,
  options: { setByPosition?: boolean } = {},
): Detected {
  const profile: MotionProfileId = isMotionProfileId(input.exercise) ? input.exercise : 'generic';
  const placement = toPlacement(input.placement);
  const detector = createMotionDetector(profile, placement);
  const frames = toFrames(rec, input.rateHz);
  const detected: MotionEvent[] = [];
  for (const frame of frames) detected.push(...detector.push(frame));
  const set = positionedSet(frames, input.exercise, placement, detected);
  const events = options.setByPosition ? set.events : detected;
  const s = (ms: number) => Math.round(ms) / 1000;
  const repTimes: number[] = [];
  const repEmitted: number[] = [];
  const sides: (string | null)[] = [];
  const holds: [number, number][] = [];
  const breathTimes: number[] = [];
  const tops: number[] = [];
  const topEmitted: number[] = [];
  const topLeft: number[] = [];
  let holdStart: number | null = null;
  for (const e of events) {
    if (e.type === 'rep') {
      repTimes.push(s(e.tMs));
      repEmitted.push(s(e.emittedMs));
      sides.push(e.side ?? null);
    } else if (e.type === 'top') {
      tops.push(s(e.tMs));
      topEmitted.push(s(e.emittedMs));
    } else if (e.type === 'top-left') {
      topLeft.push(s(e.emittedMs));
    } else if (e.type === 'breath') {
      breathTimes.push(s(e.tMs));
    } else if (e.type === 'hold-start') {
      holdStart = e.tMs;
    } else if (e.type === 'hold-end' && holdStart !== null) {
      holds.push([s(holdStart), s(e.tMs)]);
      holdStart = null;
    }
  }
  // A hold still going when the recording stops ends with it.
  if (holdStart !== null && rec.tS.length > 0)
    holds.push([s(holdStart), s(rec.tS[rec.tS.length - 1] * 1000)]);
  return {
    reps: repTimes.length,
    rep_times: repTimes,
    rep_emitted: repEmitted,
    sides,
    holds,
    breaths: breathTimes.length,
    breath_times: breathTimes,
    tops,
    top_emitted: topEmitted,
    top_left: topLeft,
    set_start: set.startMs === null ? null : s(set.startMs),
    wrong_position: set.wrongMs === null ? null : s(set.wrongMs),
  };
}
