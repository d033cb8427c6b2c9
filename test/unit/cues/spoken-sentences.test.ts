import { describe, expect, it } from 'vitest';
import {
  bare,
  fromFirstUnheard,
  type HowSaid,
  runIn,
  spokenSentences,
  unheardOf,
} from '../../../src/cues/spoken-sentences.ts';

const how = 'On all fours. Hands under shoulders. Reach one arm forward; and the opposite leg back';
const said = (heard: readonly string[]): HowSaid => ({
  sentences: spokenSentences(how),
  heard: new Set(heard.map(bare)),
});

describe('the sentences of a line said a sentence at a time', () => {
  it('are split after a full stop, a semicolon, or a mark', () => {
    expect(spokenSentences(how)).toEqual([
      'On all fours.',
      'Hands under shoulders.',
      'Reach one arm forward;',
      'and the opposite leg back',
    ]);
    expect(spokenSentences('Ready? Go!')).toEqual(['Ready?', 'Go!']);
    expect(spokenSentences('Four')).toEqual(['Four']);
  });

  it('are the same without the full stop the last of a line lacks', () => {
    expect(bare('Hands under shoulders.')).toBe('Hands under shoulders');
    expect(bare('Ready?!')).toBe('Ready');
    expect(bare('and the opposite leg back')).toBe('and the opposite leg back');
  });
});

describe('where to lie and how, said again after a rest said it', () => {
  it('is said from the first sentence not heard to its end', () => {
    expect(fromFirstUnheard(said(['On all fours.']))).toBe(
      'Hands under shoulders. Reach one arm forward; and the opposite leg back',
    );
    expect(
      fromFirstUnheard(said(['On all fours.', 'Hands under shoulders.', 'Reach one arm forward;'])),
    ).toBe('and the opposite leg back');
  });

  it('is said from a sentence not heard though one after it was', () => {
    expect(fromFirstUnheard(said(['Hands under shoulders.']))).toBe(how);
  });

  it('is not said where every sentence was heard, or every one up to where it is said to', () => {
    expect(fromFirstUnheard(said(spokenSentences(how)))).toBe('');
    expect(fromFirstUnheard(said(['On all fours.', 'Hands under shoulders.']), 2)).toBe('');
    expect(fromFirstUnheard(said(['On all fours.']), 2)).toBe('Hands under shoulders.');
  });

  it('finds where its sentences stand among those the rest said, full stop or none', () => {
    expect(runIn(said([]), ['Hands under shoulders'])).toBe(1);
    expect(runIn(said([]), ['Reach one arm forward;', 'and the opposite leg back'])).toBe(2);
    expect(runIn(said([]), ['Kneel'])).toBe(-1);
    expect(runIn(said([]), spokenSentences(`${how}. Kneel`))).toBe(-1);
  });

  it('is said from the first unheard where it is the end of what the rest said, else as it is', () => {
    const twoHeard = said(['On all fours.', 'Hands under shoulders.']);
    expect(unheardOf(twoHeard, 'Reach one arm forward; and the opposite leg back')).toBe(
      'Reach one arm forward; and the opposite leg back',
    );
    expect(
      unheardOf(said(['Hands under shoulders.']), 'Reach one arm forward; and the opposite leg back'),
    ).toBe(how);
    expect(unheardOf(twoHeard, 'On all fours.')).toBe('On all fours.');
  });
});
