import { describe, expect, it } from 'vitest';
import { skippedBeforeText, skippedJustBefore } from '../../../src/ui/format.ts';
import { currentSet, supermanSet } from '../../set-record.ts';

const waitingForSet3 = { exerciseId: 'superman', set: currentSet({ setNumber: 3, waiting: true }) } as const;

describe('the set skipped just before a set that waits for the position', () => {
  it('names the set of the same exercise skipped before anything in it was counted', () => {
    const skipped = supermanSet({ setNumber: 2, count: 0, endedBy: 'skipped' });
    expect(skippedJustBefore([supermanSet(), skipped], waitingForSet3.exerciseId, waitingForSet3.set)).toBe(
      2,
    );
    expect(skippedBeforeText(2, 3)).toBe('Set 2 skipped. Set 3 starts once you are in position and still.');
  });

  it('names none after a set done or cut short, of another exercise, or once the set is under way', () => {
    const done = supermanSet({ setNumber: 2 });
    const cutShort = supermanSet({ setNumber: 2, count: 4, endedBy: 'skipped' });
    const bridge = supermanSet({ exerciseId: 'glute-bridge', setNumber: 2, count: 0, endedBy: 'skipped' });
    for (const last of [done, cutShort, bridge])
      expect(skippedJustBefore([last], waitingForSet3.exerciseId, waitingForSet3.set)).toBeNull();
    const skipped = supermanSet({ setNumber: 2, count: 0, endedBy: 'skipped' });
    expect(skippedJustBefore([skipped], 'superman', currentSet({ setNumber: 3, count: 1 }))).toBeNull();
    expect(skippedJustBefore([], 'superman', waitingForSet3.set)).toBeNull();
  });
});
