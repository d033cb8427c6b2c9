import { describe, expect, it } from 'vitest';
import type { MotionEvent } from '../../../src/motion/events.ts';
import { NEUTRAL_TUNING } from '../../../src/motion/tuning.ts';
import { type LessonSources, learnFromLastSet } from '../../../src/workout/personal-tuning.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import {
  initialSessionState,
  reduceSession,
  type SessionAction,
  type SessionState,
} from '../../../src/workout/session.ts';
import { devicesCount } from '../../devices-sensed.ts';

const rep = (tMs: number): MotionEvent => ({
  type: 'rep',
  tMs,
  emittedMs: tMs + 200,
  startMs: tMs - 2500,
  peakDeg: 15,
});
const run = (state: SessionState, ...actions: SessionAction[]) => actions.reduce(reduceSession, state);
// The strap is connected and counts the superman: its detector is what a correction would teach.
const sources: LessonSources = {
  expectedPeakDeg: () => 18,
  countedByMotion: () => true,
  tuningFor: () => NEUTRAL_TUNING,
};

describe('what a superman set teaches the counter', () => {
  /** Two reps seen by the strap, then `tapped` reps counted with +1, `away` the strap out of reach first. */
  function setEnded(tapped: number, away: boolean): SessionState {
    let s = run(
      initialSessionState([
        { exercise: exerciseById('superman'), dosage: { sets: 1, target: 10, restS: 45 } },
      ]),
      devicesCount(['superman']),
      { type: 'start', nowMs: 0 },
      { type: 'go-heard', nowMs: 1000 },
      { type: 'motion', event: rep(4000) },
      { type: 'motion', event: rep(7000) },
    );
    if (away) s = run(s, { type: 'motion-reach', away: ['superman'], nowMs: 8000 });
    for (let i = 0; i < tapped; i++) s = run(s, { type: 'adjust', delta: 1, nowMs: 10_000 + i * 3000 });
    return run(s, { type: 'finish', nowMs: 30_000 });
  }

  it('learns nothing from reps counted with +1 while the strap that counts it was out of reach', () => {
    const s = setEnded(3, true);
    expect(s.completed[0]).toMatchObject({ count: 5 });
    expect(learnFromLastSet(null, s.completed, 0, true, sources).teach).toBeNull();
  });

  it('learns from reps put right with +1 that the strap, there all along, did not count', () => {
    const s = setEnded(3, false);
    expect(s.completed[0]).toMatchObject({ count: 5, corrections: 3 });
    expect(learnFromLastSet(null, s.completed, 0, true, sources).teach?.rangeScale).toBeLessThan(1);
  });
});
