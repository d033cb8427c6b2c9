import { describe, expect, it } from 'vitest';
import { setRingDisplay } from '../../../src/ui/set-ring-display.ts';
import type { ExerciseId } from '../../../src/workout/program.ts';
import { exerciseById } from '../../../src/workout/program.ts';
import type { CurrentSet } from '../../../src/workout/session.ts';
import { currentSet } from '../../set-record.ts';

/** The ring of a set of `exerciseId` with a target of `target`, as `set` and the rest of `patch` have it. */
function ringOf(exerciseId: ExerciseId, target: number, set: Partial<CurrentSet>, patch = {}) {
  return setRingDisplay({
    planned: { exercise: exerciseById(exerciseId), dosage: { sets: 3, target, restS: 60 } },
    set: currentSet(set),
    nowMs: 20_000,
    paused: false,
    pauseReason: null,
    tappedByHand: false,
    unseen: false,
    ...patch,
  });
}

describe('setRingDisplay', () => {
  it('counts reps against the target, the unit going with the target', () => {
    const ring = ringOf('superman', 10, { count: 6 });
    expect(ring).toMatchObject({ value: 6, max: 10, digits: '6', unit: 'of 10 reps', label: 'Reps' });
    expect(ring.valueText).toBe('6 of 10 reps');
    expect(ring.tapHint).toBeNull();
    expect(ringOf('superman', 1, { count: 0 }).unit).toBe('of 1 rep');
  });

  it('asks for +1 after each rep of a set counted by hand, until the first is counted', () => {
    expect(ringOf('superman', 10, { count: 0 }, { tappedByHand: true }).tapHint).toEqual([
      'tap +1',
      'after each rep',
    ]);
    expect(ringOf('bat-hang', 10, { count: 0 }, { tappedByHand: true }).tapHint).toEqual([
      'tap +1',
      'after each breath',
    ]);
    expect(ringOf('superman', 10, { count: 1 }, { tappedByHand: true }).tapHint).toBeNull();
  });

  it("shows a bird dog's count of the arm of the last rep, the ring filling with both arms' reps", () => {
    const ring = ringOf('bird-dog', 20, { count: 13 });
    expect(ring.value).toBe(13);
    expect(ring.detail).toMatch(/ arm$/);
    expect(Number(ring.digits)).toBeLessThan(13);
    expect(ring.valueText).toBe(`${ring.digits} ${ring.unit}, ${ring.detail}`);
    expect(ringOf('bird-dog', 20, { count: 0 })).toMatchObject({ digits: '0', detail: null });
  });

  it('times a hold from its start, and stands the clock while a drawing-in settles in', () => {
    const held = ringOf('drawing-in', 45, { holdStartMs: 8_000 });
    expect(held).toMatchObject({ value: 12, max: 45, digits: '12', suffix: 's', label: 'Hold time' });
    expect(held.valueText).toBe('12 of 45 seconds');
    const settling = ringOf('drawing-in', 45, { holdStartMs: 8_000, settlingInMs: 11_000 });
    expect(settling).toMatchObject({ value: 3, unit: 'hold still' });
    expect(settling.valueText).toBe('3 of 45 seconds, hold still');
  });

  it('asks for the hold before it starts: lifted into, held still, or tapped where nothing sees it', () => {
    expect(ringOf('elbow-plank', 30, {}).unit).toBe('lift and hold still');
    expect(ringOf('drawing-in', 45, {}).unit).toBe('hold still to start');
    expect(ringOf('elbow-plank', 30, {}, { unseen: true })).toMatchObject({
      unit: 'tap Start hold',
      unitAsksTap: true,
    });
    expect(ringOf('elbow-plank', 30, {}, { tappedByHand: true, paused: true }).unitAsksTap).toBe(false);
  });

  it('names the ring paused while the set is, and why where the app paused it', () => {
    expect(ringOf('superman', 10, { count: 5 }).label).toBe('Reps');
    expect(ringOf('superman', 10, { count: 5 }, { paused: true })).toMatchObject({
      label: 'Reps, paused',
      valueText: '5 of 10 reps',
    });
    expect(ringOf('bat-hang', 10, { count: 2 }, { paused: true, pauseReason: 'connection' }).label).toBe(
      'Breath cycles, paused: connection lost',
    );
    expect(ringOf('elbow-plank', 30, { holdStartMs: 0 }, { paused: true }).label).toBe('Hold time, paused');
  });
});
