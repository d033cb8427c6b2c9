// The words that ask for each exercise's start position and those that warn of a wrong one: they must
// name the same position, the one program.md gives.
import { describe, expect, it } from 'vitest';
import type { Posture } from '../../../src/motion/posture.ts';
import { type ExerciseId, exerciseById, PROGRAM, wrongPositionText } from '../../../src/workout/program.ts';

describe('the start position of each exercise', () => {
  // program.md's "Position" of each exercise; the warning for one posture the person may be in instead.
  const expected: ReadonlyArray<readonly [ExerciseId, string, Posture, string]> = [
    ['superman', 'Lie face down to start', 'face-up', 'Superman is face down; you seem to be on your back.'],
    [
      'glute-bridge',
      'Lie on your back to start',
      'face-down',
      'Glute bridge is on your back; you seem to be face down.',
    ],
    [
      'drawing-in',
      'Get on your hands and knees to start',
      'face-up',
      'Drawing-in is on your hands and knees; you seem to be on your back.',
    ],
    [
      'bird-dog',
      'Get on your hands and knees to start',
      'upright',
      'Bird dog is on your hands and knees; you seem to be upright.',
    ],
    [
      'bat-hang',
      'Lie on your back, legs up the wall, to start',
      'face-down',
      'Bat hang is on your back, legs up the wall; you seem to be face down.',
    ],
    [
      'lat-pulldown',
      'Sit upright at the machine to start',
      'face-up',
      'Wide-grip lat pulldown is sitting upright; you seem to be on your back.',
    ],
    [
      'elbow-plank',
      'Lie face down on your elbows to start',
      'side',
      'Elbow plank is face down on your elbows; you seem to be on your side.',
    ],
  ];

  it.each(expected)(
    '%s: the prompt and the wrong-position warning name the same position',
    (id, prompt, seen, warning) => {
      const exercise = exerciseById(id);
      expect(exercise.positionPrompt).toBe(prompt);
      expect(wrongPositionText(exercise, seen)).toBe(warning);
    },
  );

  it('never says an exercise done on hands and knees is done face down', () => {
    const onHandsAndKnees = PROGRAM.filter((e) => e.positionPrompt.includes('hands and knees'));
    expect(onHandsAndKnees.map((e) => e.id)).toEqual(['drawing-in', 'bird-dog']);
    for (const exercise of onHandsAndKnees) {
      expect(wrongPositionText(exercise, 'face-up')).toMatch(/^[\w -]+ is on your hands and knees;/);
    }
  });
});
