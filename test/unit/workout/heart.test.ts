import { describe, expect, it } from 'vitest';
import type { HeartRateSample } from '../../../src/sensors/samples.ts';
import {
  acceptedRr,
  hasRecovered,
  heartRateBetween,
  heartRateOfSet,
  heartZones,
  MIN_RR_PAIRS,
  maxHeartRate,
  mayEndRestEarly,
  recoveryAfter,
  recoveryInRest,
  rmssd,
  rmssdBetween,
  sessionHeart,
  zoneOf,
} from '../../../src/workout/heart.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import { initialSessionState, reduceSession } from '../../../src/workout/session.ts';
import { supermanSet } from '../../set-record.ts';

/** One reading per second from `fromS`, with the bpm a function of the second. */
function series(
  fromS: number,
  toS: number,
  bpm: (s: number) => number,
  rrMs: number[] = [],
): HeartRateSample[] {
  const out: HeartRateSample[] = [];
  for (let s = fromS; s <= toS; s++) out.push({ tMs: s * 1000, bpm: bpm(s), rrMs });
  return out;
}

describe('maximum heart rate and zones', () => {
  it('takes the person’s own maximum over 220 − age, and knows neither without data', () => {
    expect(maxHeartRate({ age: 40, maxHr: null })).toBe(180);
    expect(maxHeartRate({ age: 40, maxHr: 191 })).toBe(191);
    expect(maxHeartRate({ age: null, maxHr: null })).toBeNull();
    expect(maxHeartRate({ age: 0, maxHr: 0 })).toBeNull();
  });

  it('splits 50–100 % of the maximum into five zones', () => {
    expect(heartZones(200)).toEqual([
      { zone: 1, name: 'Very light', fromBpm: 100, toBpm: 120 },
      { zone: 2, name: 'Light', fromBpm: 120, toBpm: 140 },
      { zone: 3, name: 'Moderate', fromBpm: 140, toBpm: 160 },
      { zone: 4, name: 'Hard', fromBpm: 160, toBpm: 180 },
      { zone: 5, name: 'Maximum', fromBpm: 180, toBpm: 200 },
    ]);
    expect([60, 99, 100, 119, 120, 150, 179, 180, 210].map((bpm) => zoneOf(bpm, 200))).toEqual([
      0, 0, 1, 1, 2, 3, 4, 5, 5,
    ]);
  });
});

describe('heart rate per set', () => {
  const record = supermanSet({ peakDeg: 18, startedMs: 10_000, endedMs: 20_000 });

  it('averages the readings inside the set and keeps its maximum, ignoring 0 bpm from lost contact', () => {
    const samples = [
      ...series(0, 30, (s) => (s >= 10 && s <= 20 ? 100 + s : 70)),
      { tMs: 15_500, bpm: 0, rrMs: [] },
    ];
    expect(heartRateOfSet(samples, record)).toEqual({ avgBpm: 115, maxBpm: 120, minBpm: 110, samples: 11 });
  });

  it('has nothing to say without readings', () => {
    expect(heartRateBetween([], 0, 1000)).toBeNull();
    expect(
      heartRateOfSet(
        series(30, 40, () => 90),
        record,
      ),
    ).toBeNull();
  });
});

describe('recovery in the first minute of rest', () => {
  // Rest begins at 100 s; the heart peaks 3 s later and falls 0.5 bpm a second.
  const samples = series(80, 200, (s) =>
    s < 103 ? 120 + (s - 80) * 0.2 : Math.max(80, 124.6 - (s - 103) * 0.5),
  );

  it('reads the drop from the peak just after the set to the rate a minute later', () => {
    const recovery = recoveryAfter(samples, 100_000, 200_000);
    expect(recovery?.afterMs).toBe(60_000);
    expect(recovery?.peakBpm).toBeCloseTo(124.6);
    // At 156–160 s: 124.6 − (55…57 s) × 0.5 ≈ 96.6 on average.
    expect(recovery?.endBpm).toBe(97);
    expect(recovery?.dropBpm).toBeCloseTo(27.6, 0);
  });

  it('reads it up to now while the rest runs, or to the end of a shorter rest', () => {
    expect(recoveryAfter(samples, 100_000, 130_000)?.afterMs).toBe(30_000);
    expect(recoveryAfter(samples, 100_000, 100_000)).toBeNull();
    expect(recoveryAfter([], 100_000, 160_000)).toBeNull();
  });

  // "then no drop in the rest" was shown of a rest in which the strap was out of reach for most of it.
  it('reads no recovery in a rest whose readings cover less than half of it, as from a strap out of reach', () => {
    const flat = (fromS: number, toS: number) => series(fromS, toS, () => 110);
    // Readings at the end of the set and in the last seconds of the minute only: a drop of 0.
    const outOfReach = [...flat(90, 103), ...flat(150, 160)];
    expect(recoveryAfter(outOfReach, 100_000, 160_000)?.dropBpm).toBe(0);
    expect(recoveryInRest(outOfReach, 100_000, 160_000)).toBeNull();
    // Back for the second half of it: half the minute is read, enough to tell.
    expect(recoveryInRest([...flat(90, 103), ...flat(130, 160)], 100_000, 160_000)?.dropBpm).toBe(0);
    // A watch that sends a reading every three seconds covers all of it.
    const everyThird = series(90, 160, (s) => 130 - Math.max(0, s - 100) / 2).filter(
      (r) => r.tMs % 3000 === 0,
    );
    expect(recoveryInRest(everyThird, 100_000, 160_000)?.dropBpm).toBeGreaterThan(25);
  });

  it('calls the heart recovered after a normal drop, or once it is in the easiest zone', () => {
    expect(hasRecovered(samples, 100_000, 110_000, null)).toBe(false);
    expect(hasRecovered(samples, 100_000, 130_000, null)).toBe(true);
    // 60 % of 200 is 120: from the start of the rest it is below that… not here, it peaks at 124.6.
    expect(hasRecovered(samples, 100_000, 105_000, 200)).toBe(false);
    // 112–116 s average 119 bpm: under 120.
    expect(hasRecovered(samples, 100_000, 112_000, 200)).toBe(false);
    expect(hasRecovered(samples, 100_000, 116_000, 200)).toBe(true);
    expect(hasRecovered([], 100_000, 160_000, 200)).toBe(false);
  });
});

describe('early end of a rest', () => {
  const plan = [{ exercise: exerciseById('superman'), dosage: { sets: 2, target: 1, restS: 60 } }];
  const rest = reduceSession(reduceSession(initialSessionState(plan), { type: 'start', nowMs: 0 }), {
    type: 'motion',
    event: { type: 'rep', tMs: 10_000, emittedMs: 10_000, startMs: 8000, peakDeg: 15 },
  });
  const at = (nowMs: number) => reduceSession(rest, { type: 'tick', nowMs });
  const recovered = series(0, 100, (s) => (s <= 12 ? 130 : 100));

  it('waits for half the planned rest even when the heart has recovered', () => {
    expect(rest.phase).toBe('rest');
    expect(mayEndRestEarly(at(39_000), recovered, null)).toBe(false);
    expect(mayEndRestEarly(at(40_000), recovered, null)).toBe(true);
  });

  it('lets the rest run out without readings, or while the heart is still up', () => {
    expect(mayEndRestEarly(at(45_000), [], null)).toBe(false);
    expect(
      mayEndRestEarly(
        at(45_000),
        series(0, 100, () => 130),
        null,
      ),
    ).toBe(false);
    expect(mayEndRestEarly(at(5000), recovered, null)).toBe(false);
  });

  it('only applies to a rest', () => {
    expect(mayEndRestEarly(initialSessionState(plan), recovered, null)).toBe(false);
  });
});

describe('RMSSD', () => {
  it('is the root mean square of successive differences', () => {
    // Alternating 800/850: every difference is 50 ms.
    const rr = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 800 : 850));
    expect(rmssd(rr)).toBeCloseTo(50);
    // 1000, 1010, 1030, …: differences 10, 20, 10, 20 …
    const steps = [1000];
    for (let i = 1; i <= 24; i++) steps.push(steps[i - 1] + (i % 2 === 1 ? 10 : 20) * (i % 4 < 2 ? 1 : -1));
    const diffs = steps.slice(1).map((v, i) => v - steps[i]);
    const expected = Math.sqrt(diffs.reduce((a, d) => a + d * d, 0) / diffs.length);
    expect(rmssd(steps)).toBeCloseTo(expected);
  });

  it('drops implausible intervals and jumps of more than 20 %, and the differences across them', () => {
    expect(acceptedRr([800, 250, 820, 1640, 810, 2100, 790])).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
    const clean = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 800 : 840));
    // A missed beat (a doubled interval) inserted mid-way must not change the result.
    const withArtifact = [...clean.slice(0, 15), 1640, ...clean.slice(15)];
    expect(rmssd(withArtifact)).toBeCloseTo(40);
  });

  it('follows a real change of rhythm after three beats instead of rejecting it for ever', () => {
    expect(acceptedRr([540, 545, 850, 880, 850, 880])).toEqual([true, true, false, false, true, true]);
  });

  it('needs enough beats', () => {
    expect(rmssd(Array.from({ length: MIN_RR_PAIRS }, () => 800))).toBeNull();
    expect(rmssd(Array.from({ length: MIN_RR_PAIRS + 1 }, () => 800))).toBe(0);
  });

  it('reads the beats the strap sent in a window', () => {
    const samples = series(0, 59, () => 75, [790, 810]);
    expect(rmssdBetween(samples, 0, 59_000)).toBeCloseTo(20);
    expect(rmssdBetween(samples, 100_000, 200_000)).toBeNull();
  });
});

describe('the session’s heart rate', () => {
  it('summarises sets, the recovery in each rest and RMSSD before and after', () => {
    const sets = [0, 1].map((i) =>
      supermanSet({ setNumber: i + 1, startedMs: 200_000 + i * 120_000, endedMs: 240_000 + i * 120_000 }),
    );
    // Calm before (wide RR variation), work at 110, rest falling, calm after (narrower variation).
    const samples = [
      ...series(80, 199, () => 65, [900, 960]),
      ...series(200, 240, () => 110, [545, 545]),
      ...series(241, 319, (s) => Math.max(80, 110 - (s - 241) * 0.5), [700, 700]),
      ...series(320, 360, () => 112, [535, 535]),
      ...series(361, 500, () => 70, [850, 880]),
    ];
    const heart = sessionHeart(samples, sets, 200_000, 360_000);
    expect(heart.sets.map((s) => s?.avgBpm)).toEqual([110, 112]);
    expect(heart.recoveries).toHaveLength(1);
    expect(heart.recoveries[0]?.peakBpm).toBe(110);
    expect(heart.recoveries[0]?.dropBpm).toBeGreaterThan(25);
    expect(heart.rmssdBeforeMs).toBeCloseTo(60);
    // The last beats of the set (535, 535) add one difference of 0.
    expect(heart.rmssdAfterMs).toBeCloseTo(30, 0);
  });

  it('shows no recovery in a rest cut short by Start now: the heart had no time to slow down', () => {
    const sets = [
      supermanSet({ setNumber: 1, startedMs: 200_000, endedMs: 240_000 }),
      supermanSet({ setNumber: 2, startedMs: 243_000, endedMs: 283_000 }),
      supermanSet({ setNumber: 3, startedMs: 343_000, endedMs: 383_000 }),
    ];
    const samples = [
      ...series(200, 240, () => 110, [545, 545]),
      ...series(241, 243, () => 109, [550, 550]),
      ...series(243, 283, () => 112, [535, 535]),
      ...series(284, 343, (s) => Math.max(80, 112 - (s - 284) * 0.5), [700, 700]),
      ...series(343, 383, () => 111, [540, 540]),
    ];
    const heart = sessionHeart(samples, sets, 200_000, 383_000);
    expect(heart.recoveries).toHaveLength(2);
    expect(heart.recoveries[0]).toBeNull();
    expect(heart.recoveries[1]?.dropBpm).toBeGreaterThan(20);
  });

  it('has the recovery after the last set too when the session was finished in the rest after it', () => {
    const set = supermanSet({ startedMs: 200_000, endedMs: 240_000 });
    const samples = [
      ...series(200, 240, () => 110, [545, 545]),
      ...series(241, 300, (s) => Math.max(80, 110 - (s - 241) * 0.5), [700, 700]),
    ];
    expect(sessionHeart(samples, [set], 200_000, 240_000).recoveries).toEqual([]);
    // The summary a moment after the last set is no rest after it.
    expect(sessionHeart(samples, [set], 200_000, 241_000).recoveries).toEqual([]);
    const finishedInTheRest = sessionHeart(samples, [set], 200_000, 300_000);
    expect(finishedInTheRest.recoveries).toHaveLength(1);
    expect(finishedInTheRest.recoveries[0]?.dropBpm).toBeGreaterThan(25);
  });
});
