import { describe, expect, it } from 'vitest';
import type { ExerciseId } from '../../../src/workout/program.ts';
import type { SetRecord } from '../../../src/workout/session.ts';
import { alternatesSides, cutShortText } from '../../../src/workout/set-words.ts';

const set = (exerciseId: ExerciseId, patch: Partial<SetRecord>) => ({
  exerciseId,
  holdMs: null,
  count: 0,
  target: 10,
  ...patch,
});

describe('cutShortText', () => {
  it('says a hold in one format of time, the time held as its target', () => {
    expect(cutShortText(set('drawing-in', { holdMs: 75_900, target: 90 }))).toBe(
      'cut short at 1 min 15 s of 1 min 30 s',
    );
    expect(cutShortText(set('elbow-plank', { holdMs: 20_400, target: 45 }))).toBe(
      'cut short at 20 s of 45 s',
    );
    expect(cutShortText(set('drawing-in', { holdMs: 45_000, target: 120 }))).toBe(
      'cut short at 45 s of 2 min',
    );
  });

  it('says reps and breaths of their target, in the words given for a count', () => {
    expect(cutShortText(set('superman', { count: 3 }))).toBe('cut short at 3 of 10 reps');
    expect(cutShortText(set('bat-hang', { count: 2, target: 5 }))).toBe('cut short at 2 of 5 breaths');
    expect(cutShortText(set('bat-hang', { count: 2, target: 5 }), (n) => `${n} breath cycles`)).toBe(
      'cut short at 2 of 5 breath cycles',
    );
  });

  it("says a bird dog's reps, then how they fell on each side", () => {
    expect(cutShortText(set('bird-dog', { count: 5, target: 20 }))).toBe(
      'cut short at 5 reps, 3 right and 2 left',
    );
  });
});

describe('alternatesSides', () => {
  it('is a set counted each side: a bird dog, not a hold or another count', () => {
    expect(alternatesSides(set('bird-dog', {}))).toBe(true);
    expect(alternatesSides(set('superman', {}))).toBe(false);
    expect(alternatesSides(set('elbow-plank', { holdMs: 30_000 }))).toBe(false);
  });
});
