// The words that ask for each exercise's start position and those that warn of a wrong one: they must
// name the same position, the one program.md gives.
import { describe, expect, it } from 'vitest';
import { spokenNumber } from '../../../src/cues/spoken-words.ts';
import type { Posture } from '../../../src/motion/posture.ts';
import {
  cutShortSidesText,
  type ExerciseId,
  everyWrongPositionText,
  exerciseById,
  FORM_ISSUE_TEXT,
  PROGRAM,
  perSideDoneText,
  perSideText,
  sidesText,
  wrongPositionText,
} from '../../../src/workout/program.ts';

describe('the start position of each exercise', () => {
  // program.md's "Position" of each exercise; the warning for one posture the person may be in instead.
  const expected: ReadonlyArray<readonly [ExerciseId, string, Posture, string]> = [
    ['superman', 'Lie face down to start', 'face-up', 'You seem to be on your back. Lie face down.'],
    ['glute-bridge', 'Lie on your back to start', 'face-down', 'You seem to be face down. Lie on your back.'],
    [
      'drawing-in',
      'Get on your hands and knees to start',
      'face-up',
      'You seem to be on your back. Get on your hands and knees.',
    ],
    [
      'bird-dog',
      'Get on your hands and knees to start',
      'upright',
      'You seem to be upright. Get on your hands and knees.',
    ],
    [
      'bat-hang',
      'Put your legs up the wall to start',
      'face-down',
      'You seem to be face down. Put your legs up the wall.',
    ],
    [
      'lat-pulldown',
      'Sit upright at the machine to start',
      'face-up',
      'You seem to be on your back. Sit upright at the machine.',
    ],
    [
      'elbow-plank',
      'Lie face down on your elbows to start',
      'side',
      'You seem to be on your side. Lie face down on your elbows.',
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
      expect(wrongPositionText(exercise, 'face-up')).toMatch(/\. Get on your hands and knees\.$/);
    }
  });
});

describe('every wrong-position warning of an exercise', () => {
  it('is one for each position the sensor tells, the set keeping the room of the longest', () => {
    expect(everyWrongPositionText(exerciseById('glute-bridge'))).toEqual([
      'You seem to be face down. Lie on your back.',
      'You seem to be on your back. Lie on your back.',
      'You seem to be on your side. Lie on your back.',
      'You seem to be upright. Lie on your back.',
    ]);
  });
});

describe('how each exercise is done, as the voice says it', () => {
  it('is a few short sentences, said in a breath or two from the mat', () => {
    for (const exercise of PROGRAM) {
      // Sentences, each begun with a capital; how short each is, see cue-planner's test of sentences.
      expect(exercise.spokenHow, exercise.id).toMatch(/^[A-Z][^.]*\.( [A-Z][^.]*\.)*$/);
      // Some 10 s at the voice's slowest estimate: said before "Go", it must not keep the person waiting.
      expect(exercise.spokenHow.length, exercise.id).toBeLessThanOrEqual(125);
      // Numbers in words: some voices read "3" oddly.
      expect(exercise.spokenHow, exercise.id).not.toMatch(/\d/);
    }
  });

  it('says nothing of the position it follows again: said after it, in one line, it was heard twice', () => {
    const words = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];
    for (const exercise of PROGRAM) {
      const position = words(exercise.position);
      const how = ` ${words(exercise.spokenHow).join(' ')} `;
      const runs = position.slice(0, -3).map((_, i) => position.slice(i, i + 4).join(' '));
      expect(
        runs.filter((run) => how.includes(` ${run} `)),
        exercise.id,
      ).toEqual([]);
    }
  });

  it('gives the drawing-in its breathing: out fully, in while drawing in, and on breathing', () => {
    const { spokenHow } = exerciseById('drawing-in');
    expect(spokenHow).toMatch(/breathe all the way out/i);
    expect(spokenHow).toMatch(/breathe in/i);
    expect(spokenHow).toMatch(/keep breathing/i);
    expect(exerciseById('bat-hang').spokenHow).toMatch(/breathe out/i);
  });

  // The bridge's how-to asked for "three to five seconds" where the screen counted "Hold 3" down to
  // "Down" and the voice said "Down" at three: a person holding on to five heard "Down" at three.
  it('asks for the pause at the top the screen counts and the voice ends with "Down", and no other', () => {
    const timed = PROGRAM.filter((exercise) => exercise.topPauseS !== undefined);
    expect(timed.map((exercise) => exercise.id)).toEqual(['glute-bridge']);
    for (const exercise of timed) {
      const seconds = exercise.topPauseS ?? 0;
      expect(exercise.spokenHow, exercise.id).toContain(`Hold ${spokenNumber(seconds)} seconds.`);
      expect(exercise.steps.join(' '), exercise.id).toContain(`hold ${seconds} seconds`);
      for (const words of [exercise.spokenHow, ...exercise.steps])
        expect(words, exercise.id).not.toMatch(/\bto (five|5)\b|–/);
    }
  });
});

describe('a bird dog set done, each side', () => {
  it('gives what each arm did of its own target, one number for both where they are the same', () => {
    expect(perSideDoneText(14, 20)).toBe('7 of 10 each side');
    // Stopped after a right arm's rep: the right is one ahead.
    expect(perSideDoneText(13, 20)).toBe('7 of 10 right, 6 of 10 left');
    // An odd target (the person's own setting) has one more on the right it starts on.
    expect(perSideDoneText(15, 15)).toBe('8 of 8 right, 7 of 7 left');
    expect(perSideDoneText(0, 20)).toBe('0 of 10 each side');
  });
});

describe('a bird dog count, each side', () => {
  it('leaves out an arm with none, where "1 right, 0 left" reads as a count of nothing', () => {
    expect(perSideText(20)).toBe('10 each side');
    expect(perSideText(3)).toBe('2 right, 1 left');
    expect(perSideText(1)).toBe('1 right');
    expect(sidesText({ right: 0, left: 2 })).toBe('2 left');
    expect(sidesText({ right: 0, left: 0 })).toBe('0 each side');
  });
});

describe('the one point of each exercise the voice says every session', () => {
  it('is one short sentence, heard in under 3 s from the mat, numbers in words', () => {
    for (const exercise of PROGRAM) {
      expect(exercise.keyPoint, exercise.id).toMatch(/^[A-Z][^.;!?]*\.$/);
      // 3 s at the voice's slowest estimate (spokenMs): it comes before "Go" and must not hold it.
      expect(exercise.keyPoint.length, exercise.id).toBeLessThanOrEqual(37);
      expect(exercise.keyPoint, exercise.id).not.toMatch(/\d/);
    }
  });

  it("gives each exercise program.md's safety or main form point", () => {
    const keyPoint = (id: ExerciseId) => exerciseById(id).keyPoint;
    expect(keyPoint('superman')).toMatch(/lower back/i);
    expect(keyPoint('glute-bridge')).toMatch(/heels.*glutes/i);
    expect(keyPoint('drawing-in')).toMatch(/hold your breath/i);
    expect(keyPoint('bird-dog')).toMatch(/stop short.*hurts/i);
    expect(keyPoint('bat-hang')).toMatch(/front ribs closed/i);
    expect(keyPoint('lat-pulldown')).toMatch(/less weight/i);
    // program.md's plank holds "as long as form holds": the hips sagging is where form ends.
    expect(keyPoint('elbow-plank')).toMatch(/stop.*sag/i);
  });

  it('has no "go" in it: "Go" is the word a person waits for to start, and may move on', () => {
    // The lat pulldown's "Go lighter if your form slips." began with it.
    for (const exercise of PROGRAM) expect(exercise.keyPoint, exercise.id).not.toMatch(/\bgo\b/i);
  });

  it('says something the how-to does not: the first sessions hear both', () => {
    // The plank said "Keep your back straight, eyes down." and then "Back straight, hips in line".
    const wordPairs = (text: string): string[] => {
      const words = text.toLowerCase().match(/[a-z'-]+/g) ?? [];
      return words.slice(1).map((word, i) => `${words[i]} ${word}`);
    };
    for (const exercise of PROGRAM) {
      const how = wordPairs(exercise.spokenHow);
      expect(
        wordPairs(exercise.keyPoint).filter((pair) => how.includes(pair)),
        exercise.id,
      ).toEqual([]);
    }
  });
});

describe('the words that could be taken the wrong way', () => {
  it('lets the bat hang round the low back by itself, not lift it', () => {
    const batHang = exerciseById('bat-hang');
    expect(batHang.position).not.toMatch(/lifts off/);
    expect(batHang.position).toMatch(/Stop once your back rounds/);
    // program.md: breathe into the upper and middle back.
    expect(batHang.spokenHow).toMatch(/upper and middle back/);
  });

  it('asks a plank for a straight line, never just for the hips up, which invites a pike', () => {
    const plank = exerciseById('elbow-plank');
    const words = [...plank.steps, ...plank.cues, plank.spokenHow, FORM_ISSUE_TEXT['plank-sag'].fix];
    expect(words.filter((line) => /hips up/i.test(line))).toEqual([]);
    expect(FORM_ISSUE_TEXT['plank-sag'].fix).toBe('Hips in line');
  });
});

describe('a bird dog set cut short', () => {
  it('says its reps, then how they fell on each side', () => {
    expect(cutShortSidesText(5)).toBe('5 reps, 3 right and 2 left');
    expect(cutShortSidesText(6)).toBe('6 reps, 3 each side');
    expect(cutShortSidesText(1)).toBe('1 rep, on the right');
    expect(cutShortSidesText(2, (n) => (n === 1 ? 'one' : 'two'))).toBe('two reps, one each side');
  });
});
