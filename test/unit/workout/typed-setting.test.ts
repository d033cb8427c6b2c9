import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/workout/settings.ts';
import { type TypedField, typedSetting } from '../../../src/workout/typed-setting.ts';

const maxHr: TypedField = {
  words: ['Maximum heart rate', ' bpm'],
  limits: LIMITS.maxHr,
  step: 1,
  optional: true,
};
const reps: TypedField = { words: ['Reps', ''], limits: LIMITS.reps, step: 1, optional: false };
const hold: TypedField = { words: ['A hold', ' s'], limits: LIMITS.holdS, step: 1, optional: false };
const weight: TypedField = {
  words: ['The weight', ' kg'],
  limits: LIMITS.weightKg,
  step: 0.5,
  optional: false,
};

describe('a number typed into a setting', () => {
  it('is kept as typed when the field takes it, with nothing to say', () => {
    expect(typedSetting(172, null, maxHr)).toEqual({ value: 172, words: null });
    expect(typedSetting(12, 10, reps)).toEqual({ value: 12, words: null });
    expect(typedSetting(12.5, 25, weight)).toEqual({ value: 12.5, words: null });
  });

  it('keeps the value from before when it is out of range, and says what was typed and what was kept', () => {
    // A resting pulse typed as the maximum: the maximum set before stays, not the lowest one allowed.
    expect(typedSetting(50, 180, maxHr)).toEqual({
      value: 180,
      words: 'Maximum heart rate: 50 bpm is below 100 bpm, the lowest it takes; 180 bpm kept.',
    });
    // With none set before, the field stays empty and the zones keep the estimate from age.
    expect(typedSetting(50, null, maxHr)).toEqual({
      value: null,
      words: 'Maximum heart rate: 50 bpm is below 100 bpm, the lowest it takes; left empty.',
    });
    expect(typedSetting(999, 10, reps)).toEqual({
      value: 10,
      words: 'Reps: 999 is above 100, the most it takes; 10 kept.',
    });
    expect(typedSetting(0, 45, hold)).toEqual({
      value: 45,
      words: 'A hold: 0 s is below 5 s, the lowest it takes; 45 s kept.',
    });
  });

  it('rounds a number between steps to the nearest, and says what was typed and what it became', () => {
    expect(typedSetting(12.3, 25, weight)).toEqual({
      value: 12.5,
      words: 'The weight: 12.3 kg rounded to 12.5 kg, as it takes steps of 0.5 kg.',
    });
    expect(typedSetting(12.75, 25, weight)).toEqual({
      value: 13,
      words: 'The weight: 12.75 kg rounded to 13 kg, as it takes steps of 0.5 kg.',
    });
    expect(typedSetting(12.4, 10, reps)).toEqual({
      value: 12,
      words: 'Reps: 12.4 rounded to 12, as it takes whole numbers.',
    });
    // Rounded to the value it had already: still said, or the field would seem to ignore what was typed.
    expect(typedSetting(180.5, 181, maxHr)).toEqual({
      value: 181,
      words: 'Maximum heart rate: 180.5 bpm rounded to 181 bpm, as it takes whole numbers.',
    });
  });

  it('empties an optional field that is cleared, and keeps a needed one', () => {
    expect(typedSetting(null, 180, maxHr)).toEqual({ value: null, words: null });
    expect(typedSetting(null, 10, reps)).toEqual({
      value: 10,
      words: 'Reps: whole numbers from 1 to 100; 10 kept.',
    });
    expect(typedSetting(Number.NaN, 180, maxHr)).toEqual({
      value: 180,
      words: 'Maximum heart rate: whole numbers from 100 to 230 bpm; 180 bpm kept.',
    });
  });
});
