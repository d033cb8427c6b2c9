// The device heart rate is read from, reading by reading: the best-ranked one with a current reading.
import { BehaviorSubject, Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { choiceAmong, chooseHeartRate, type HeartRateChoice } from '../../../src/app/heart-rate-choice.ts';
import type { HeartRateSample } from '../../../src/sensors/samples.ts';

describe('chooseHeartRate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const reading = (bpm: number): HeartRateSample => ({ tMs: Date.now(), bpm, rrMs: [] });
  const shown = (c: HeartRateChoice | undefined) => c && [c.from, c.now?.bpm ?? null, c.arrived];

  it('reads the first feed with a current reading, and keeps only what came from the feed read', () => {
    const strap = {
      heartRate$: new Subject<HeartRateSample>(),
      there$: new BehaviorSubject(true),
      freshMs: 5000,
    };
    const watch = {
      heartRate$: new Subject<HeartRateSample>(),
      there$: new BehaviorSubject(true),
      freshMs: 15_000,
    };
    const choices: HeartRateChoice[] = [];
    const sub = chooseHeartRate([strap, watch]).subscribe((c) => choices.push(c));
    // No reading yet: the first feed, whose absence is the one to tell.
    expect(shown(choices.at(-1))).toEqual([0, null, false]);
    watch.heartRate$.next(reading(80));
    expect(shown(choices.at(-1))).toEqual([1, 80, true]);
    strap.heartRate$.next(reading(78));
    expect(shown(choices.at(-1))).toEqual([0, 78, true]);
    // The watch's reading while the strap is read is none of the session's.
    vi.advanceTimersByTime(1000);
    watch.heartRate$.next(reading(82));
    expect(shown(choices.at(-1))).toEqual([0, 78, false]);
    // The strap's reading grows old: the watch's current one is shown, not kept again.
    vi.advanceTimersByTime(4000);
    expect(shown(choices.at(-1))).toEqual([1, 82, false]);
    // Away, the strap's next reading is none either; the watch's are read as they come.
    strap.there$.next(false);
    strap.heartRate$.next(reading(90));
    watch.heartRate$.next(reading(84));
    expect(shown(choices.at(-1))).toEqual([1, 84, true]);
    // Both too old: none, and the strap's absence is the one to tell.
    vi.advanceTimersByTime(15_000);
    expect(shown(choices.at(-1))).toEqual([0, null, false]);
    sub.unsubscribe();
  });

  it('is none with no feed', () => {
    const choices: HeartRateChoice[] = [];
    chooseHeartRate([]).subscribe((c) => choices.push(c));
    expect(choices).toEqual([{ from: -1, now: null, arrived: false }]);
  });
});

describe('choiceAmong', () => {
  const strap: HeartRateSample = { tMs: 1000, bpm: 90, rrMs: [] };
  const watch: HeartRateSample = { tMs: 1200, bpm: 94, rrMs: [] };
  const shown = (c: HeartRateChoice) => [c.from, c.now?.bpm ?? null, c.arrived];

  it('reads the best-ranked feed with a current reading, the first where none has one, none where there is no feed', () => {
    expect(shown(choiceAmong([strap, watch], [null, null]))).toEqual([0, 90, true]);
    expect(shown(choiceAmong([null, watch], [null, null]))).toEqual([1, 94, true]);
    expect(shown(choiceAmong([null, null], [null, null]))).toEqual([0, null, false]);
    expect(shown(choiceAmong([], []))).toEqual([-1, null, false]);
  });

  it('keeps a reading only as it comes from the feed read, not one the feed read had before', () => {
    // The strap's reading again: not a new one.
    expect(shown(choiceAmong([strap, watch], [strap, null]))).toEqual([0, 90, false]);
    // The strap's reading grown old: the watch's, which came while the strap was read, is shown, not kept.
    expect(shown(choiceAmong([null, watch], [strap, watch]))).toEqual([1, 94, false]);
  });
});
