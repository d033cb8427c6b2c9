import { describe, expect, it } from 'vitest';
import { setsWithHeartRate } from '../../../src/ui/summary-heart.ts';
import type { SessionHeart } from '../../../src/workout/heart.ts';
import { supermanSet } from '../../set-record.ts';

const stats = (avgBpm: number) => ({ avgBpm, maxBpm: avgBpm + 10, minBpm: avgBpm - 10, samples: 40 });
const recovery = { peakBpm: 110, endBpm: 90, dropBpm: 20, afterMs: 60_000 };

function heartOf(sets: SessionHeart['sets']): SessionHeart {
  return { sets, recoveries: sets.map(() => recovery), rmssdBeforeMs: null, rmssdAfterMs: null };
}

describe('the sets the summary tells the heart rate of', () => {
  it('tells each set done, with the rest after it', () => {
    const records = [supermanSet(), supermanSet({ setNumber: 2 })];
    expect(setsWithHeartRate(records, heartOf([stats(90), stats(95)]))).toEqual([
      { record: records[0], stats: stats(90), recovery, skipped: false },
      { record: records[1], stats: stats(95), recovery, skipped: false },
    ]);
  });

  it('tells a set skipped after it began, as skipped: the person may have worked in it', () => {
    const skipped = supermanSet({ setNumber: 2, count: 0, endedBy: 'skipped' });
    const told = setsWithHeartRate([supermanSet(), skipped], heartOf([stats(90), stats(104)]));
    expect(told.map((t) => [t.record.setNumber, t.stats.avgBpm, t.skipped])).toEqual([
      [1, 90, false],
      [2, 104, true],
    ]);
  });

  it('leaves out a set never begun, and a set with no heart rate', () => {
    const neverBegun = supermanSet({ setNumber: 2, count: 0, endedBy: 'skipped', neverBegun: true });
    const records = [supermanSet(), neverBegun, supermanSet({ setNumber: 3 })];
    const told = setsWithHeartRate(records, heartOf([null, stats(80), stats(95)]));
    expect(told.map((t) => t.record.setNumber)).toEqual([3]);
  });
});
