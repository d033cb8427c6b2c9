import { describe, expect, it } from 'vitest';
import { heldMotionToDrop } from '../../../src/store/retention.ts';

describe('raw motion held in memory while an older tab keeps the store closed', () => {
  it('is kept whole while it fits, and past that the oldest sessions lose theirs first', () => {
    expect(heldMotionToDrop([], 10)).toBe(0);
    expect(heldMotionToDrop([4, 3, 3], 10)).toBe(0);
    expect(heldMotionToDrop([4, 3, 4], 10)).toBe(1);
    expect(heldMotionToDrop([4, 3, 4, 9], 10)).toBe(3);
    // One already without its motion frees nothing more, and the next goes.
    expect(heldMotionToDrop([0, 6, 5], 10)).toBe(2);
    // A session larger than all of it alone loses its motion too.
    expect(heldMotionToDrop([11], 10)).toBe(1);
  });

  it('holds a month of daily sessions at 50 Hz, some 1 MB each', () => {
    expect(heldMotionToDrop(Array.from({ length: 30 }, () => 1e6))).toBe(0);
    expect(heldMotionToDrop(Array.from({ length: 33 }, () => 1e6))).toBe(1);
  });
});
