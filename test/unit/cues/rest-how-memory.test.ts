import { describe, expect, it } from 'vitest';
import { RestHowMemory } from '../../../src/cues/rest-how-memory.ts';
import {
  firstSentenceOf,
  type HandedLine,
  type Line,
  WaitingLines,
} from '../../../src/cues/waiting-lines.ts';

const how = 'On all fours. Hands under shoulders. Reach one arm forward';

const restHowLine = (text: string): Line => ({
  text,
  topic: 'how',
  bySentence: true,
  reply: false,
  kept: false,
  atMs: 0,
  role: { kind: 'rest-how' },
});

const handed = (fields: Partial<HandedLine>): HandedLine => ({
  interrupt: false,
  reply: false,
  topic: null,
  ends: null,
  ...fields,
});

describe('what the voice keeps of where to lie and how a rest says', () => {
  it('says it whole the first time, and again only from the first sentence not heard to its end', () => {
    const memory = new RestHowMemory();
    const waiting = new WaitingLines();
    expect(memory.toSay(how, { topic: 'how', role: { kind: 'rest-how' } }, waiting, 0).text).toBe(how);
    memory.heard('On all fours.');
    const again = memory.toSay(how, { topic: 'how', role: { kind: 'rest-how' } }, waiting, 10_000);
    expect(again.text).toBe('Hands under shoulders. Reach one arm forward');
  });

  it('says nothing again where every sentence was heard', () => {
    const memory = new RestHowMemory();
    const waiting = new WaitingLines();
    memory.toSay(how, { topic: 'how', role: { kind: 'rest-how' } }, waiting, 0);
    for (const sentence of ['On all fours.', 'Hands under shoulders.', 'Reach one arm forward'])
      memory.heard(sentence);
    expect(memory.toSay(how, { topic: 'how', role: { kind: 'rest-how' } }, waiting, 10_000).text).toBe('');
  });

  it('gives what the rest goes on with after a pause its room until the countdown', () => {
    const memory = new RestHowMemory();
    const waiting = new WaitingLines();
    memory.toSay(
      'Rest goes on',
      { topic: 'pause', role: { kind: 'rest-goes-on', roomMs: 8000 } },
      waiting,
      1000,
    );
    expect(memory.toSay(how, { topic: 'how', role: { kind: 'rest-how' } }, waiting, 1500).untilMs).toBe(9000);
  });

  it("says what a number of the countdown cut off after the set's first line, as a line of how it is done", () => {
    const memory = new RestHowMemory();
    const waiting = new WaitingLines();
    memory.toSay(how, { topic: 'how', role: { kind: 'rest-how' } }, waiting, 0);
    const { rest } = firstSentenceOf(restHowLine(how));
    if (rest) waiting.push(rest);
    memory.keepCut(handed({ interrupt: true, topic: 'time' }), null, waiting);
    expect(memory.linesAfter(handed({ topic: 'time' }))).toEqual([]);
    const after = memory.linesAfter(handed({ interrupt: true, role: { kind: 'set-after-rest-how' } }));
    expect(after.map(({ text, topic, bySentence, role }) => ({ text, topic, bySentence, role }))).toEqual([
      {
        text: 'Hands under shoulders. Reach one arm forward',
        topic: 'how',
        bySentence: true,
        role: undefined,
      },
    ]);
    expect(memory.linesAfter(handed({ interrupt: true, role: { kind: 'set-after-rest-how' } }))).toEqual([]);
  });

  it('drops what the countdown cut off where another line cuts off what is said', () => {
    const memory = new RestHowMemory();
    const waiting = new WaitingLines();
    memory.keepCut(handed({ interrupt: true, topic: 'time' }), restHowLine(how), waiting);
    memory.keepCut(handed({ interrupt: true, topic: 'position' }), null, waiting);
    expect(memory.linesAfter(handed({ interrupt: true, role: { kind: 'set-after-rest-how' } }))).toEqual([]);
  });
});
