import { describe, expect, it } from 'vitest';
import { heldAlone, memoryCopyOf, takenFromMemory } from '../../../src/app/sessions-in-memory.ts';

const session = (sessionId: string) => ({ sessionId });
const underWay = session('under way');
const lastEnded = session('last ended');
const waiting = session('waiting for room');
const failed = session('failed by the store');

describe('the sessions a file of every session takes from memory', () => {
  it('takes the one under way first, then those that ended with no whole copy in the store', () => {
    expect(takenFromMemory(underWay, lastEnded, [waiting, failed])).toEqual([underWay, waiting, failed]);
  });

  it('takes the last one ended where it is kept in memory alone and none is under way', () => {
    expect(takenFromMemory(null, lastEnded, [waiting])).toEqual([lastEnded, waiting]);
    expect(takenFromMemory(null, null, [waiting])).toEqual([waiting]);
  });

  it('takes each once, the last one ended being among those waiting too', () => {
    expect(takenFromMemory(null, lastEnded, [waiting, lastEnded])).toEqual([lastEnded, waiting]);
  });
});

describe('the sessions memory alone holds', () => {
  it('counts the one under way only while storage does not save it', () => {
    expect(heldAlone([underWay, waiting], underWay, true)).toEqual([waiting]);
    expect(heldAlone([underWay, waiting], underWay, false)).toEqual([underWay, waiting]);
  });

  it('counts every one that ended, storage saving or not', () => {
    expect(heldAlone([lastEnded, failed], null, true)).toEqual([lastEnded, failed]);
  });
});

describe("a session's file, taken from memory", () => {
  it('is the one recorded now or last, where it is that session', () => {
    expect(memoryCopyOf('last ended', lastEnded, [])).toBe(lastEnded);
  });

  it('is one memory alone holds, where that is the session', () => {
    expect(memoryCopyOf('waiting for room', lastEnded, [waiting, failed])).toBe(waiting);
  });

  it('is none where memory has no whole copy of the session: the store has it', () => {
    expect(memoryCopyOf('saved long ago', lastEnded, [waiting])).toBeUndefined();
    expect(memoryCopyOf('saved long ago', null, [])).toBeUndefined();
  });
});
