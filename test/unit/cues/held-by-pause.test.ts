import { describe, expect, it } from 'vitest';
import type { Topic } from '../../../src/cues/cue.ts';
import { HeldByPause } from '../../../src/cues/held-by-pause.ts';
import {
  firstSentenceOf,
  type HandedLine,
  type Line,
  WaitingLines,
} from '../../../src/cues/waiting-lines.ts';

const line = (text: string, topic: Topic, fields: Partial<Line> = {}): Line => ({
  text,
  topic,
  bySentence: false,
  reply: false,
  kept: false,
  atMs: 0,
  ...fields,
});

const handed = (fields: Partial<HandedLine>): HandedLine => ({
  interrupt: false,
  reply: false,
  topic: null,
  ends: null,
  ...fields,
});

const paused = handed({ interrupt: true, reply: true, topic: 'pause', ends: ['point', 'how'] });
const goesOn = handed({ interrupt: true, topic: 'position', ends: ['pause'] });

describe('the lines a pause cuts off', () => {
  it('are said whole after the line the session goes on with, once', () => {
    const held = new HeldByPause();
    const waiting = new WaitingLines();
    const { rest } = firstSentenceOf(
      line('On all fours. Hands under shoulders.', 'how', { bySentence: true }),
    );
    if (rest) waiting.push(rest);
    waiting.push(line('Keep your back straight', 'point'));
    held.keep(paused, line('Keep your back straight', 'point'), waiting);
    expect(held.linesAfter(handed({ topic: 'time' }))).toEqual([]);
    held.keep(goesOn, null, new WaitingLines());
    expect(held.linesAfter(goesOn).map(({ text, topic }) => ({ text, topic }))).toEqual([
      { text: 'Keep your back straight', topic: 'point' },
      { text: 'On all fours. Hands under shoulders.', topic: 'how' },
    ]);
    expect(held.linesAfter(goesOn)).toEqual([]);
  });

  it('are dropped by a newer line of their topic, or by an announcement that cuts everything off', () => {
    const held = new HeldByPause();
    held.keep(paused, line('Keep your back straight', 'point'), new WaitingLines());
    held.keep(handed({ topic: 'point' }), null, new WaitingLines());
    expect(held.linesAfter(goesOn)).toEqual([]);

    held.keep(paused, line('Keep your back straight', 'point'), new WaitingLines());
    held.keep(handed({ interrupt: true, topic: 'last-set' }), null, new WaitingLines());
    expect(held.linesAfter(goesOn)).toEqual([]);
  });

  it('are not kept where the pause does not end their topic', () => {
    const held = new HeldByPause();
    held.keep(paused, line('three', 'count'), new WaitingLines());
    expect(held.linesAfter(goesOn)).toEqual([]);
  });
});
