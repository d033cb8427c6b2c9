import { describe, expect, it } from 'vitest';
import type { HeartRateSample } from '../../../src/sensors/samples.ts';
import { meanRecovery, summarize, withSetsRecounted } from '../../../src/store/summary.ts';
import type { SetRecord } from '../../../src/workout/session.ts';

const plank = (setNumber: number, holdMs: number): SetRecord => ({
  exerciseId: 'elbow-plank',
  setNumber,
  target: 30,
  count: 0,
  sides: { left: 0, right: 0 },
  holdMs,
  peakDeg: null,
  startedMs: setNumber * 120_000,
  endedMs: setNumber * 120_000 + holdMs,
  endedBy: 'stopped',
  formIssues: [],
});

describe('summarize', () => {
  it('keeps the time held as the whole seconds each set shows, so that History adds up with the sets', () => {
    const summary = summarize([plank(1, 47_600), plank(2, 47_600), plank(3, 44_500)], [], 5 * 60_000);
    expect(summary).toMatchObject({ sets: 3, reps: 0, holdMs: 138_000 });
  });

  it('keeps the breath cycles and the sets skipped before they counted anything apart, for History', () => {
    const bathang = {
      ...plank(4, 0),
      exerciseId: 'bat-hang' as const,
      holdMs: null,
      count: 4,
      endedBy: 'target' as const,
    };
    const skipped = {
      ...plank(5, 0),
      exerciseId: 'superman' as const,
      holdMs: null,
      endedBy: 'skipped' as const,
    };
    const superman = { ...skipped, setNumber: 6, count: 10, endedBy: 'target' as const };
    const neverBegun = { ...skipped, setNumber: 7, neverBegun: true };
    const summary = summarize([bathang, skipped, superman, neverBegun], [], 5 * 60_000);
    expect(summary).toMatchObject({ sets: 4, skipped: 2, reps: 14, breaths: 4 });
  });

  // History says the sets a tap ended short of their target (Skip set, End hold, Finish) apart.
  it('keeps the sets cut short apart from those done, as Finish and the voice count them', () => {
    const endedByItself = plank(1, 20_000);
    const endHoldEarly = { ...plank(2, 12_000), endedByHand: true };
    const skippedEarly = { ...plank(5, 8_000), skippedUnderWay: true };
    const finishedEarly = { ...plank(3, 9_000), finishedUnderWay: true };
    const heldPastTarget = { ...plank(4, 40_000), finishedUnderWay: true };
    const summary = summarize(
      [endedByItself, endHoldEarly, skippedEarly, finishedEarly, heldPastTarget],
      [],
      10 * 60_000,
    );
    // End hold, like Skip set and Finish, is the person's tap ending the hold short of its target.
    expect(summary).toMatchObject({ sets: 5, skipped: 0, cutShort: 3 });
    // None cut short: the field is left out, as in sessions saved before it was kept.
    expect(summarize([endedByItself], [], 60_000)).not.toHaveProperty('cutShort');
  });

  it('keeps the weight of each exercise done with one, for History, and none for a set never begun', () => {
    const plan = [
      { exerciseId: 'superman', dosage: { sets: 3, target: 10, restS: 60 } },
      { exerciseId: 'lat-pulldown', dosage: { sets: 3, target: 12, restS: 60, weightKg: 27.5 } },
    ] as const;
    const lat = (count: number, endedBy: SetRecord['endedBy']): SetRecord => ({
      ...plank(1, 0),
      exerciseId: 'lat-pulldown',
      holdMs: null,
      count,
      endedBy,
    });
    const superman = { ...lat(10, 'target'), exerciseId: 'superman' as const };
    expect(summarize([superman, lat(12, 'target')], [], 60_000, plan).weights).toEqual([
      { exerciseId: 'lat-pulldown', kg: 27.5 },
    ]);
    expect(summarize([superman, lat(0, 'skipped')], [], 60_000, plan)).not.toHaveProperty('weights');
    expect(summarize([lat(2, 'skipped')], [], 60_000, plan).weights).toHaveLength(1);
  });
});

describe('summarize, for a bird dog', () => {
  const birdDog = (setNumber: number, count: number, patch: Partial<SetRecord> = {}): SetRecord => ({
    ...plank(setNumber, 0),
    exerciseId: 'bird-dog',
    holdMs: null,
    target: 20,
    count,
    endedBy: count >= 20 ? 'target' : 'stopped',
    ...patch,
  });

  it("keeps its reps per side as each set's screen counted them, from the right, for History", () => {
    // 20 reps: 10 each side; 15: the right's 8 and the left's 7, the set starting on the right.
    const summary = summarize([birdDog(1, 20), birdDog(2, 15)], [], 5 * 60_000);
    expect(summary.perSide).toEqual([{ exerciseId: 'bird-dog', right: 18, left: 17 }]);
    expect(summary.reps).toBe(35);
  });

  it('keeps no reps per side where none was done on either', () => {
    const neverBegun = birdDog(1, 0, { endedBy: 'skipped', neverBegun: true });
    expect(summarize([neverBegun], [], 60_000)).not.toHaveProperty('perSide');
    expect(summarize([plank(1, 30_000)], [], 60_000)).not.toHaveProperty('perSide');
  });

  it('works out the reps per side again from the rows of a session saved before they were kept', () => {
    const sets = [birdDog(1, 20)];
    const { perSide: _, ...older } = summarize(sets, [], 60_000);
    expect(withSetsRecounted(older, sets).perSide).toEqual([{ exerciseId: 'bird-dog', right: 10, left: 10 }]);
    // Its rows not all there: the sides of the sets lost are not known.
    expect(withSetsRecounted({ ...older, sets: 2 }, sets)).not.toHaveProperty('perSide');
  });
});

describe('meanRecovery', () => {
  it('leaves out a rest cut short by Start now, which would pull the recovery towards nothing', () => {
    const at = (s: number, bpm: number): HeartRateSample => ({ tMs: s * 1000, bpm, rrMs: [] });
    const samples = [
      ...Array.from({ length: 60 }, (_, s) => at(60 + s, 120)),
      // Two seconds of rest after the first hold, a full minute after the second.
      ...Array.from({ length: 60 }, (_, s) => at(120 + s, 120)),
      ...Array.from({ length: 61 }, (_, s) => at(180 + s, 120 - s / 2)),
    ];
    const first = { ...plank(1, 58_000), startedMs: 60_000, endedMs: 118_000 };
    const second = { ...plank(2, 60_000), startedMs: 120_000, endedMs: 180_000 };
    expect(meanRecovery([first, second], samples)).toBeGreaterThan(25);
  });
});

describe('withSetsRecounted', () => {
  const skippedEarly = { ...plank(1, 8_000), skippedUnderWay: true };
  const heldToTheEnd = plank(2, 31_000);
  // As a session saved before the sets cut short were kept: both called done.
  const { cutShort: _none, ...older } = summarize([skippedEarly, heldToTheEnd], [], 5 * 60_000);
  const olderSummary = { ...older, skipped: 0 };

  it('counts the sets a tap ended short of their target again from their rows', () => {
    expect(withSetsRecounted(olderSummary, [skippedEarly, heldToTheEnd])).toEqual({
      ...olderSummary,
      cutShort: 1,
    });
  });

  it('leaves a summary whose sets are not all in the rows as it was', () => {
    expect(withSetsRecounted(olderSummary, [skippedEarly])).toBe(olderSummary);
  });
});
