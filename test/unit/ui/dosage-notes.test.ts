import { describe, expect, it } from 'vitest';
import {
  shownTargetChange,
  suggestedWeightKg,
  targetFieldNames,
  weightNote,
} from '../../../src/ui/dosage-notes.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import type { TargetChange } from '../../../src/workout/progression.ts';

describe("the notes on an exercise's numbers in the settings", () => {
  it('name the target by what is counted: reps, a hold in seconds, or breaths', () => {
    expect(targetFieldNames('reps')).toEqual({ label: 'reps', words: ['Reps', ''] });
    expect(targetFieldNames('hold')).toEqual({ label: 'hold, seconds', words: ['A hold', ' s'] });
    expect(targetFieldNames('breaths')).toEqual({ label: 'breaths', words: ['Breaths', ''] });
  });

  it("show a change of today's plan only where it moved the target or the sets, of that exercise", () => {
    const kept: TargetChange = { exerciseId: 'superman', setting: 10, today: 10, reason: 'r' };
    const raised: TargetChange = { exerciseId: 'superman', setting: 10, today: 11, reason: 'r' };
    const setAdded: TargetChange = {
      exerciseId: 'lat-pulldown',
      setting: 15,
      today: 15,
      sets: { setting: 3, today: 4 },
      reason: 'r',
    };
    expect(shownTargetChange([kept], 'superman')).toBeUndefined();
    expect(shownTargetChange([kept, raised], 'superman')).toBe(raised);
    expect(shownTargetChange([raised], 'lat-pulldown')).toBeUndefined();
    expect(shownTargetChange([raised, setAdded], 'lat-pulldown')).toBe(setAdded);
  });

  it("suggest last time's weight while none is logged, and say so", () => {
    const pulldown = exerciseById('lat-pulldown');
    expect(suggestedWeightKg(pulldown, {}, 32.5)).toBe(32.5);
    expect(weightNote(pulldown, {}, 32.5)).toBe('At 32.5 kg, as last time, until you log a weight here.');
  });

  it('ask for a weight where none is logged nor known from last time', () => {
    const pulldown = exerciseById('lat-pulldown');
    expect(suggestedWeightKg(pulldown, {}, undefined)).toBeNull();
    expect(weightNote(pulldown, {}, null)).toBe(
      'Pick a weight that keeps good form throughout, and log it here.',
    );
  });

  it('say nothing of a weight logged, nor of an exercise done without one', () => {
    const pulldown = exerciseById('lat-pulldown');
    expect(suggestedWeightKg(pulldown, { weightKg: 30 }, 32.5)).toBeNull();
    expect(weightNote(pulldown, { weightKg: 30 }, null)).toBeNull();
    const superman = exerciseById('superman');
    expect(suggestedWeightKg(superman, {}, 32.5)).toBeNull();
    expect(weightNote(superman, {}, null)).toBeNull();
  });
});
