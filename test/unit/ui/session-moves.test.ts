// The app shell's new screens as the session goes: a new phase or set, and a set that begins.
import { describe, expect, it } from 'vitest';
import {
  type ShownSession,
  sessionMovedOn,
  setBegan,
  shownSessionOf,
} from '../../../src/ui/session-moves.ts';
import { currentSet } from '../../set-record.ts';

const waitingForPosition = currentSet({
  waiting: true,
  wrongPosture: null,
  warnedMs: null,
  heldSinceMs: null,
});
const goneOnFromGo = currentSet({ waiting: false, goHeardMs: 1200 });

describe('what a render shows of the session', () => {
  it('is its phase, its set, and whether that set is under way', () => {
    expect(shownSessionOf({ phase: 'ready', exerciseIndex: 0, set: null })).toEqual({
      phase: 'ready',
      set: null,
      underWay: false,
    });
    expect(shownSessionOf({ phase: 'set', exerciseIndex: 2, set: waitingForPosition })).toEqual({
      phase: 'set',
      set: '2/1',
      underWay: false,
    });
    expect(shownSessionOf({ phase: 'set', exerciseIndex: 2, set: goneOnFromGo })).toEqual({
      phase: 'set',
      set: '2/1',
      underWay: true,
    });
  });
});

describe('the session moving on', () => {
  const set = (key: string, underWay = false): ShownSession => ({ phase: 'set', set: key, underWay });
  const rest: ShownSession = { phase: 'rest', set: null, underWay: false };

  it('is a new phase, or a new set in the same phase (a set skipped before it began)', () => {
    expect(sessionMovedOn(set('0/1', true), rest)).toBe(true);
    expect(sessionMovedOn(rest, set('0/2'))).toBe(true);
    expect(sessionMovedOn(set('0/1'), set('0/2'))).toBe(true);
  });

  it('is not the same set rendered again, nor the first render', () => {
    expect(sessionMovedOn(set('0/1'), set('0/1', true))).toBe(false);
    expect(sessionMovedOn(null, set('0/1'))).toBe(false);
  });

  it('begins a set once the set shown waiting is under way, once', () => {
    expect(setBegan(set('0/1'), set('0/1', true))).toBe(true);
    expect(setBegan(set('0/1', true), set('0/1', true))).toBe(false);
    expect(setBegan(set('0/1'), set('0/1'))).toBe(false);
  });

  it('begins no set that was not shown before: a new set under way at once is a new screen already', () => {
    expect(setBegan(set('0/1'), set('0/2', true))).toBe(false);
    expect(setBegan(rest, set('0/2', true))).toBe(false);
    expect(setBegan(null, set('0/1', true))).toBe(false);
  });
});
