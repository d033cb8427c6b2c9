// The virtual person's habit, kept from one visit to the next: what storage holds may be older,
// hand-edited or of another build, and only what is a habit comes back; one chosen is kept for the
// next visit, or for this one where there is no storage.

import { describe, expect, it } from 'vitest';
import { parseHabit, VIRTUAL_HABIT_KEY, VirtualStrapHabit } from '../../../src/app/virtual-strap-habit.ts';
import { MemoryStorage } from '../../memory-storage.ts';

describe("the virtual person's habit kept from an earlier visit", () => {
  it('comes back as it was chosen', () => {
    expect(['usual', 'follows', 'wrong-way', 'up-early', 'stays-up'].map(parseHabit)).toEqual([
      'usual',
      'follows',
      'wrong-way',
      'up-early',
      'stays-up',
    ]);
  });

  it('is the usual one where none, or none known, was kept', () => {
    expect([null, undefined, '', 'Follows', 'lazy', 3, ['follows']].map(parseHabit)).toEqual(
      Array(7).fill('usual'),
    );
  });
});

describe("the virtual person's habit chosen", () => {
  it('is the usual one on a first visit, and the one chosen from then on, on the next visit too', () => {
    const storage = new MemoryStorage();
    const habit = new VirtualStrapHabit(storage);
    expect(habit.habit).toBe('usual');
    habit.choose('stays-up');
    expect(habit.habit).toBe('stays-up');
    expect(storage.getItem(VIRTUAL_HABIT_KEY)).toBe('"stays-up"');
    expect(new VirtualStrapHabit(storage).habit).toBe('stays-up');
  });

  it('is kept for this visit where there is no storage', () => {
    const habit = new VirtualStrapHabit(null);
    habit.choose('wrong-way');
    expect(habit.habit).toBe('wrong-way');
    expect(new VirtualStrapHabit(null).habit).toBe('usual');
  });

  it('is kept for this visit where storage refuses it (full, or private browsing)', () => {
    const refusing = new MemoryStorage();
    refusing.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const habit = new VirtualStrapHabit(refusing);
    habit.choose('follows');
    expect(habit.habit).toBe('follows');
    expect(new VirtualStrapHabit(refusing).habit).toBe('usual');
  });
});
