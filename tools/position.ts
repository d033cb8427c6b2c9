// The set as the session sees it in a recording: when the person was judged in the exercise's
// position (the set starts there), when they were first judged still in another one, and which of
// the detectors' events belong to the set. The same posture tracker and judge as the app, fed the
// same frames as the detectors.

import type { MotionEvent } from '../src/motion/events.ts';
import { type PositionEvent, PositionJudge } from '../src/motion/position.ts';
import { type Posture, PostureTracker } from '../src/motion/posture.ts';
import type { AccelFrame, Placement } from '../src/sensors/samples.ts';
import { type ExerciseId, PROGRAM } from '../src/workout/program.ts';

/** The posture an exercise of the program starts in; undefined for any other exercise (not judged). */
export function startPostureOf(exercise: string): Posture | undefined {
  return PROGRAM.find((e) => e.id === (exercise as ExerciseId))?.startPosture;
}

/** Position events over the whole recording, judged at the end of each frame as the app does. */
export function judgeRecording(
  frames: readonly AccelFrame[],
  placement: Placement,
  required: Posture,
): PositionEvent[] {
  const tracker = new PostureTracker(placement);
  const judge = new PositionJudge(required);
  const events: PositionEvent[] = [];
  for (const frame of frames) {
    const event = judge.update(tracker.push(frame));
    if (event) events.push(event);
  }
  return events;
}

export interface SetByPosition {
  /** When the set started: the person judged in position and still, ms; null if never. */
  readonly startMs: number | null;
  /** When they were first judged still in another position before that, ms; null if never. */
  readonly wrongMs: number | null;
  /** The detectors' events that count for the set. */
  readonly events: MotionEvent[];
}

/**
 * The session's rule over a recording: counting runs from when the person was in position (a hold
 * already begun counts from there) until they leave it; leaving before anything was counted sends
 * the set back to waiting, leaving after ends it. A hold that began runs to its own end.
 */
export function setByPosition(
  events: readonly MotionEvent[],
  positions: readonly PositionEvent[],
): SetByPosition {
  const start = positions.find((p) => p.status === 'in');
  const wrong = positions.find((p) => p.status === 'wrong' && (!start || p.emittedMs < start.emittedMs));
  // Spans of time in position: from each `in` to the `away` after it.
  const spans: [number, number][] = [];
  for (const p of positions) {
    if (p.status === 'in') spans.push([p.tMs, Number.POSITIVE_INFINITY]);
    else if (p.status === 'away' && spans.length > 0 && spans.at(-1)![1] === Number.POSITIVE_INFINITY)
      spans.at(-1)![1] = p.tMs;
  }
  const kept: MotionEvent[] = [];
  for (const [from, to] of spans) {
    let holdOpen = false;
    let progress = false;
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      if (e.type === 'hold-start') {
        const end = events.slice(i + 1).find((x) => x.type === 'hold-end');
        // A hold under way when the person came into position is timed from then.
        if (e.tMs < to && (end === undefined || end.tMs > from)) {
          kept.push(e.tMs < from ? { ...e, tMs: from } : e);
          holdOpen = true;
          progress = true;
        }
      } else if (e.type === 'hold-end') {
        if (holdOpen) kept.push(e);
        holdOpen = false;
      } else if (e.tMs >= from && e.tMs < to) {
        kept.push(e);
        if (e.type === 'rep' || e.type === 'breath') progress = true;
      }
    }
    if (progress) break;
    kept.length = 0;
  }
  return { startMs: start?.emittedMs ?? null, wrongMs: wrong?.emittedMs ?? null, events: kept };
}

/**
 * The set in a recording of an exercise of the program, judged on the frames the detectors got; an
 * exercise the program does not have names no position, and all its events count.
 */
export function positionedSet(
  frames: readonly AccelFrame[],
  exercise: string,
  placement: Placement,
  events: readonly MotionEvent[],
): SetByPosition {
  const required = startPostureOf(exercise);
  if (required === undefined) return { startMs: null, wrongMs: null, events: [...events] };
  return setByPosition(events, judgeRecording(frames, placement, required));
}
