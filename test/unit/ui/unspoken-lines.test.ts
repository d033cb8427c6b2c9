import { describe, expect, it } from 'vitest';
import { SPOKEN_MS_PER_CHAR } from '../../../src/cues/spoken-words.ts';
import {
  LINES_TOGETHER_MS,
  linesTrueAt,
  lineTrueUntilMs,
  READ_MS_PER_CHAR,
  readAsSentences,
  turnAsLines,
  type UnspokenLine,
  withLine,
} from '../../../src/ui/unspoken-lines.ts';

const line = (id: number, text: string, atMs: number): UnspokenLine => ({ id, text, atMs });

describe('how long a line takes to read', () => {
  it('is as long as the voice takes to say it', () => {
    expect(READ_MS_PER_CHAR).toBe(SPOKEN_MS_PER_CHAR);
  });
});

describe('the coach’s lines a screen reader is given', () => {
  it('keeps lines that came a moment before the new ones beside them, so both are read', () => {
    // The set's introduction, then "In position. Go." 11 ms later: replaced, the first was never read.
    const intro = line(1, 'Drawing-in, one set. Keep still there to start.', 1000);
    const go = line(2, 'In position. Go.', 1011);
    expect(withLine([intro], go)).toEqual([intro, go]);
  });

  it('lets lines go once they have had their time to be read', () => {
    const one = line(1, 'one.', 1000);
    const two = line(2, 'two.', 1000 + LINES_TOGETHER_MS);
    expect(withLine([one], two)).toEqual([two]);
    const three = line(3, 'three.', 1000 + 2 * LINES_TOGETHER_MS - 1);
    expect(withLine([one, two], three)).toEqual([two, three]);
  });

  it('keeps the same words said twice as two lines, each read', () => {
    const paused = line(1, 'Paused.', 1000);
    const again = line(2, 'Paused.', 1100);
    expect(withLine([paused], again)).toEqual([paused, again]);
  });

  it('keeps no more than a few lines, however fast they come', () => {
    let shown: readonly UnspokenLine[] = [];
    for (let id = 1; id <= 10; id++) shown = withLine(shown, line(id, `${id}.`, 1000 + id));
    expect(shown.map((l) => l.id)).toEqual([8, 9, 10]);
  });

  it('lets a line that tells the time left go once it has been there as long as it takes to read', () => {
    // 38 characters: some 3 s to read, where it went after 1 s and the region stood empty.
    const resumed = line(1, 'Rest goes on: thirty-six seconds left.', 1000);
    expect(lineTrueUntilMs(resumed)).toBe(1000 + 38 * 80);
    expect(linesTrueAt([resumed], 2500)).toEqual([resumed]);
    expect(linesTrueAt([resumed], 1000 + 38 * 80)).toEqual([]);
    const oneMinute = line(2, 'Rest goes on: one minute left.', 1000);
    expect(linesTrueAt([oneMinute], 1000 + 30 * 80)).toEqual([]);
  });

  it('lets only the time left of a rest picked up after a reload go, where and how to move staying', () => {
    const said =
      'Rest goes on: fifty-four seconds left. Next: Glute bridge, set one of one. Lie on your back, knees bent. ' +
      'Push through your heels and raise your hips.';
    let shown: readonly UnspokenLine[] = [];
    for (const [i, text] of turnAsLines(said).entries()) shown = withLine(shown, line(i + 1, text, 1000));
    expect(shown.map((l) => l.text).join(' ')).toBe(said);
    expect(linesTrueAt(shown, 5000).map((l) => l.text)).toEqual([
      'Next: Glute bridge, set one of one. Lie on your back, knees bent. Push through your heels and raise your hips.',
    ]);
  });

  it('holds a turn with no time left in it as one line', () => {
    expect(turnAsLines('Superman, set one of three. Ten reps. Lie face down.')).toEqual([
      'Superman, set one of three. Ten reps. Lie face down.',
    ]);
    expect(turnAsLines('Rest goes on: one minute left.')).toEqual(['Rest goes on: one minute left.']);
  });

  it('keeps every other line until the next ones come, a side called left among them', () => {
    // A count is true until the next rep, which replaces it (see withLine).
    const count = line(1, 'Three right, two left done.', 1000);
    const rest = line(2, 'Rest, thirty seconds. Next: Bird dog, one set.', 1000);
    expect(lineTrueUntilMs(count)).toBe(Number.POSITIVE_INFINITY);
    expect(linesTrueAt([count, rest], 60_000)).toEqual([count, rest]);
  });

  it('reads each line the voice would say as sentences, each begun with a capital and ended', () => {
    // The set's line is put together from parts, the dosage among them in lower case, as the voice
    // says it: read as written, "ten reps" began a sentence with a small letter.
    expect(readAsSentences(['Superman, set one of three. ten reps. Lie face down', 'In position. Go.'])).toBe(
      'Superman, set one of three. Ten reps. Lie face down. In position. Go.',
    );
    expect(readAsSentences(['one'])).toBe('One.');
    expect(readAsSentences(['Left, seven', 'Hips up!'])).toBe('Left, seven. Hips up!');
    expect(readAsSentences(['Rest. next: glute bridge? ready'])).toBe('Rest. Next: glute bridge? Ready.');
  });
});
