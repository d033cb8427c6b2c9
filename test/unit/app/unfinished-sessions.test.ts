import { describe, expect, it } from 'vitest';
import {
  heldInMemoryLock,
  liveSessionsNotActive,
  refusedFromTheFirstWrite,
  unfinishedByTab,
  unsavedSessionLock,
} from '../../../src/app/unfinished-sessions.ts';
import type { SessionRow } from '../../../src/store/records.ts';
import { finishedSession, supermanSet } from '../../set-record.ts';

const HOUR = 3_600_000;

/** A session left unfinished, begun `hoursIn` hours into the day, newest first as the store lists them. */
function unfinished(id: string, hoursIn: number): SessionRow {
  const { session } = finishedSession(id, Date.UTC(2026, 10, 23) + hoursIn * HOUR, [
    supermanSet({ count: 4 }),
  ]);
  return { ...session, status: 'active', endedAt: null };
}

describe('the unfinished sessions by where they are', () => {
  const left = unfinished('left', 3);
  const live = unfinished('live', 2);
  const heldWhole = unfinished('held-whole', 1);

  it('offers to resume one no tab holds, and tells apart one recorded in another tab and one held whole in its memory', () => {
    const locks = new Set([live.id, heldInMemoryLock(heldWhole.id)]);
    expect(unfinishedByTab([left, live, heldWhole], locks, undefined)).toEqual({
      unfinished: left,
      elsewhere: live,
      inMemoryElsewhere: [heldWhole],
    });
  });

  it('offers neither to resume nor to move the session this tab records', () => {
    const locks = new Set([left.id]);
    expect(unfinishedByTab([left], locks, left.id)).toEqual({
      unfinished: null,
      elsewhere: null,
      inMemoryElsewhere: [],
    });
  });

  it('offers the newest of those no tab holds, once the tab that held one whole has gone', () => {
    expect(unfinishedByTab([left, heldWhole], new Set(), undefined)).toEqual({
      unfinished: left,
      elsewhere: null,
      inMemoryElsewhere: [],
    });
    expect(unfinishedByTab([heldWhole], new Set(), undefined).unfinished).toBe(heldWhole);
  });

  it('names the sessions locked live that the store lists as none of its unfinished ones, not the one recorded here, nor the other locks', () => {
    const locks = new Set([
      live.id,
      'unsaved',
      'recorded-here',
      heldInMemoryLock(heldWhole.id),
      'import:8d1f0c2a-journal',
    ]);
    expect(liveSessionsNotActive(locks, [left, live, heldWhole], 'recorded-here')).toEqual(['unsaved']);
  });

  it('takes those locked with no row for sessions a full store refused only once their tab says so: until then their first write is under way', () => {
    const notActive = ['refused', 'first-write-under-way'];
    const locks = new Set([...notActive, unsavedSessionLock('refused')]);
    expect(refusedFromTheFirstWrite(notActive, locks)).toEqual(['refused']);
    expect(refusedFromTheFirstWrite(notActive, new Set(notActive))).toEqual([]);
  });
});
