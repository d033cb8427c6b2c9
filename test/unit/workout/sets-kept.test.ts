import { describe, expect, it } from 'vitest';
import { spokenNumber } from '../../../src/cues/cue-planner.ts';
import { finishQuestionText, setsKeptText } from '../../../src/workout/sets-kept.ts';

describe('setsKeptText', () => {
  it('says the sets done, and those cut short and skipped only when there are any', () => {
    expect(setsKeptText({ done: 1, cutShort: 0, skipped: 0 })).toBe('1 set done');
    expect(setsKeptText({ done: 4, cutShort: 2, skipped: 0 })).toBe('4 sets done, 2 cut short');
    expect(setsKeptText({ done: 4, cutShort: 0, skipped: 1 })).toBe('4 sets done, 1 skipped');
    expect(setsKeptText({ done: 4, cutShort: 1, skipped: 3 })).toBe('4 sets done, 1 cut short, 3 skipped');
  });

  // "0 sets done, 2 cut short" would read as nothing kept, and the session is kept.
  it('names the sets cut short first when none was done in full', () => {
    expect(setsKeptText({ done: 0, cutShort: 2, skipped: 0 })).toBe('2 sets cut short');
    expect(setsKeptText({ done: 0, cutShort: 1, skipped: 1 })).toBe('1 set cut short, 1 skipped');
  });

  it('writes the numbers as it is told, for the voice in words', () => {
    expect(setsKeptText({ done: 4, cutShort: 2, skipped: 1 }, spokenNumber)).toBe(
      'four sets done, two cut short, one skipped',
    );
  });
});

describe('finishQuestionText', () => {
  it('does not call sets skipped partway done', () => {
    expect(finishQuestionText({ done: 4, cutShort: 2, skipped: 0 })).toBe(
      'End the session? 4 sets done, 2 cut short',
    );
    expect(finishQuestionText({ done: 2, cutShort: 0, skipped: 1 })).toBe(
      'End the session? 2 sets done, 1 skipped',
    );
  });

  it('says a session with nothing done in any set will not be kept', () => {
    expect(finishQuestionText({ done: 0, cutShort: 0, skipped: 0 })).toBe(
      'End the session? No sets done, so it will not be kept',
    );
    expect(finishQuestionText({ done: 0, cutShort: 0, skipped: 2 })).toBe(
      'End the session? No sets done (2 skipped), so it will not be kept',
    );
    // Partly done is kept.
    expect(finishQuestionText({ done: 0, cutShort: 1, skipped: 0 })).toBe('End the session? 1 set cut short');
  });
});
