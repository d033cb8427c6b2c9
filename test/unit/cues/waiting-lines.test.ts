import { describe, expect, it } from 'vitest';
import { firstSentenceOf, type Line, MAX_QUEUED, WaitingLines } from '../../../src/cues/waiting-lines.ts';

const line = (text: string, fields: Partial<Line> = {}): Line => ({
  text,
  topic: null,
  bySentence: false,
  reply: false,
  kept: false,
  atMs: 0,
  ...fields,
});

const texts = (waiting: WaitingLines): string[] => {
  const all: string[] = [];
  for (let next = waiting.takeNext(); next; next = waiting.takeNext()) all.push(next.text);
  return all;
};

describe('the lines waiting for the voice', () => {
  it('put a reply ahead of the announcements, behind the replies before it', () => {
    const waiting = new WaitingLines();
    waiting.push(line('Next: bird dog'));
    waiting.putAheadOfAnnouncements(line('Four reps', { reply: true }));
    waiting.putAheadOfAnnouncements(line('Paused', { reply: true }));
    waiting.push(line('Two sets'));
    expect(texts(waiting)).toEqual(['Four reps', 'Paused', 'Next: bird dog', 'Two sets']);
  });

  it('drop the oldest announcements beyond room, never a reply', () => {
    const waiting = new WaitingLines();
    for (let i = 1; i <= MAX_QUEUED + 2; i++) waiting.push(line(`announcement ${i}`));
    waiting.putAheadOfAnnouncements(line('Four reps', { reply: true }));
    waiting.dropAnnouncementsBeyondRoom();
    expect(waiting.length).toBe(MAX_QUEUED + 1);
    expect(texts(waiting)).toEqual([
      'Four reps',
      'announcement 3',
      'announcement 4',
      'announcement 5',
      'announcement 6',
    ]);
  });

  it('drop those stale, keep the rest in order, and put a line first', () => {
    const waiting = new WaitingLines();
    waiting.push(line('three', { topic: 'count' }));
    waiting.push(line('Keep your back straight', { topic: 'point' }));
    waiting.push(line('four', { topic: 'count' }));
    waiting.drop((waiting) => waiting.topic === 'count');
    waiting.putFirst(line('Go'));
    expect(waiting.next?.text).toBe('Go');
    expect(texts(waiting)).toEqual(['Go', 'Keep your back straight']);
  });
});

describe('the first sentence of a line said a sentence at a time', () => {
  it('is said now, the rest waiting as a line begun, knowing the whole', () => {
    const onStart = () => {};
    const { now, rest } = firstSentenceOf(
      line('On all fours. Hands under shoulders.', { bySentence: true, onStart }),
    );
    expect(now.text).toBe('On all fours.');
    expect(now.onStart).toBe(onStart);
    expect(rest?.text).toBe('Hands under shoulders.');
    expect(rest?.whole).toBe('On all fours. Hands under shoulders.');
    expect(rest?.onStart).toBeUndefined();
  });

  it('is the whole of a line of one sentence, or one said whole', () => {
    expect(firstSentenceOf(line('Four reps.', { bySentence: true })).rest).toBeNull();
    const whole = line('On all fours. Hands under shoulders.');
    expect(firstSentenceOf(whole)).toEqual({ now: whole, rest: null });
  });

  it('keeps the whole line handed over through what is left of it', () => {
    const { rest } = firstSentenceOf(line('One. Two. Three.', { bySentence: true }));
    const later = rest ? firstSentenceOf(rest).rest : null;
    expect(later?.text).toBe('Three.');
    expect(later?.whole).toBe('One. Two. Three.');
  });
});
