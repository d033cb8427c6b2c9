import { describe, expect, it } from 'vitest';
import { pausedSpans, workBeganFromEvents, workSpan } from '../../../src/export/work-span.ts';
import { supermanSet } from '../../set-record.ts';

const drawingIn = (patch = {}) =>
  supermanSet({
    exerciseId: 'drawing-in',
    target: 15,
    count: 0,
    peakDeg: null,
    holdMs: 15_000,
    startedMs: 103_763,
    endedMs: 135_499,
    ...patch,
  });

describe('the work of a set', () => {
  it("is a hold's hold: from its start to its end, not the instructions said before it", () => {
    expect(workSpan(drawingIn(), [])).toEqual({ startMs: 120_499, endMs: 135_499 });
  });

  it('reaches back over a pause within the hold, which the hold leaves out', () => {
    // Held 10 s, paused 8 s, held 5 s more.
    expect(workSpan(drawingIn({ endedMs: 143_499 }), [[130_499, 138_499]])).toEqual({
      startMs: 120_499,
      endMs: 143_499,
    });
  });

  it('ends where the pause the set was ended in (Skip set or Finish while paused) began', () => {
    // Paused at 130.5 s, 10 s into the hold, and finished 20 s later: the hold was held until the pause.
    const held10 = drawingIn({ holdMs: 10_000, endedMs: 150_499, endedBy: 'stopped' });
    expect(workSpan(held10, [[130_499, 150_499]])).toEqual({ startMs: 120_499, endMs: 130_499 });
  });

  it('does not begin before its set did', () => {
    expect(workSpan(drawingIn({ holdMs: 60_000 }), []).startMs).toBe(103_763);
  });

  it('runs from the start of a rep set where nothing says when its work began', () => {
    expect(workSpan(supermanSet({ startedMs: 48_513, endedMs: 93_514 }), [])).toEqual({
      startMs: 48_513,
      endMs: 93_514,
    });
  });
});

describe('the work of a rep set', () => {
  it('runs from when it began ("Go" heard, or the first rep before it) to its end', () => {
    const superman = supermanSet({ startedMs: 0, workBeganMs: 14_000, endedMs: 38_414 });
    expect(workSpan(superman, [])).toEqual({ startMs: 14_000, endMs: 38_414 });
  });

  it('begins as the session goes on where "Go" was heard in a pause', () => {
    const superman = supermanSet({ startedMs: 0, workBeganMs: 14_000, endedMs: 38_414 });
    expect(workSpan(superman, [[10_000, 18_000]])).toEqual({ startMs: 18_000, endMs: 38_414 });
  });
});

describe('the work of a set kept before its start was', () => {
  const breath = (tMs: number, seq: number) => ({
    sessionId: 's',
    seq,
    tMs,
    data: { kind: 'motion' as const, event: { type: 'breath' as const, tMs, emittedMs: tMs + 500 } },
  });

  it('runs a breath set from its first breath cycle, its end less the cycle the set kept, and one that counted none from when it fell due', () => {
    const batHang = supermanSet({
      exerciseId: 'bat-hang',
      target: 3,
      count: 3,
      peakDeg: null,
      startedMs: 10_000,
      endedMs: 50_000,
    });
    const events = [breath(5_000, 0), breath(34_000, 1), breath(42_000, 2), breath(50_000, 3)];
    expect(workBeganFromEvents(batHang, events)).toBe(26_000);
    expect(workBeganFromEvents(batHang, [])).toBeUndefined();
  });

  it('runs a set from when it fell due where an event of its log is missing, as the one read first may not be', async () => {
    const batHang = supermanSet({
      exerciseId: 'bat-hang',
      target: 3,
      count: 3,
      peakDeg: null,
      startedMs: 10_000,
      endedMs: 50_000,
    });
    const cue = (tMs: number, seq: number) => ({
      sessionId: 's',
      seq,
      tMs,
      data: { kind: 'cue' as const, text: 'Go' },
    });
    const whole = [
      cue(1_000, 0),
      breath(5_000, 1),
      cue(12_000, 2),
      breath(34_000, 3),
      breath(42_000, 4),
      breath(50_000, 5),
    ];
    expect(workBeganFromEvents(batHang, whole)).toBe(26_000);
    // The breath at 42 s unreadable: the two left would make one cycle of 16 s, the set's start 18 s.
    expect(workBeganFromEvents(batHang, whole.toSpliced(4, 1))).toBeUndefined();
    // "Go" unreadable: written after the last event before the set, it may as well have been a breath in it.
    expect(workBeganFromEvents(batHang, whole.toSpliced(2, 1))).toBeUndefined();
    // One missing before the last event before the set, or after its last breath, cannot have been the set's.
    expect(workBeganFromEvents(batHang, whole.toSpliced(0, 1).concat(cue(60_000, 7)))).toBe(26_000);
  });
});

describe('the times a session stood still', () => {
  it('are its pauses over, and the pause it ended in up to its end', () => {
    const snapshot = { pauses: [{ atMs: 177_906, ms: 15_657 }], pausedAtMs: 330_000 };
    expect(pausedSpans(snapshot, 340_821)).toEqual([
      [177_906, 193_563],
      [330_000, 340_821],
    ]);
    expect(pausedSpans(null, 340_821)).toEqual([]);
  });
});
