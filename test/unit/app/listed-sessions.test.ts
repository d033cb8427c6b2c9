import { describe, expect, it } from 'vitest';
import { countWithMemory, listedBefore, pageWithMemory } from '../../../src/app/listed-sessions.ts';
import type { SessionRow } from '../../../src/store/records.ts';
import { finishedSession, supermanSet } from '../../set-record.ts';

const HOUR = 3_600_000;

/** A finished session begun `hoursIn` hours into the day, with one superman set of `reps`. */
function session(id: string, hoursIn: number, reps = 10): SessionRow {
  return finishedSession(id, Date.UTC(2026, 10, 23) + hoursIn * HOUR, [supermanSet({ count: reps })]).session;
}

/** The store's cut-short copy of a session: begun, with the reps written before storage filled. */
function cutShort(whole: SessionRow, reps: number): SessionRow {
  return { ...whole, status: 'active', endedAt: null, summary: { ...whole.summary, reps } };
}

describe("History's list while storage is full", () => {
  const monday = session('monday', 1);
  const tuesday = session('tuesday', 25);
  const wednesday = session('wednesday', 49, 12);
  const thursday = session('thursday', 73);

  it("lists memory's whole copy of a session in place of the store's cut-short one, counted once", () => {
    const inMemory = [{ row: wednesday, stored: true }];
    const page = pageWithMemory([cutShort(wednesday, 4), tuesday, monday], inMemory, { storeHasMore: false });
    expect(page).toEqual([wednesday, tuesday, monday]);
    expect(countWithMemory(3, inMemory)).toBe(3);
  });

  it('lists a session the store holds nothing of where it falls, and counts it', () => {
    const inMemory = [
      { row: thursday, stored: false },
      { row: wednesday, stored: true },
    ];
    const page = pageWithMemory([cutShort(wednesday, 4), tuesday, monday], inMemory, { storeHasMore: false });
    expect(page.map((row) => row.id)).toEqual(['thursday', 'wednesday', 'tuesday', 'monday']);
    expect(countWithMemory(3, inMemory)).toBe(4);
  });

  it("leaves one older than the page's last to the next page while the store has more, and lists it there once", () => {
    // A clock set back: the session ended while storage was full began before the store's latest.
    const inMemory = [{ row: monday, stored: false }];
    const first = pageWithMemory([thursday, wednesday], inMemory, { storeHasMore: true });
    expect(first.map((row) => row.id)).toEqual(['thursday', 'wednesday']);
    const next = pageWithMemory([tuesday], inMemory, { after: first.at(-1), storeHasMore: false });
    expect(next.map((row) => row.id)).toEqual(['tuesday', 'monday']);
  });

  it('lists on no later page one an earlier page listed', () => {
    const inMemory = [{ row: thursday, stored: false }];
    const first = pageWithMemory([wednesday], inMemory, { storeHasMore: true });
    expect(first.map((row) => row.id)).toEqual(['thursday', 'wednesday']);
    const next = pageWithMemory([tuesday, monday], inMemory, { after: first.at(-1), storeHasMore: false });
    expect(next.map((row) => row.id)).toEqual(['tuesday', 'monday']);
  });

  it('orders sessions begun at one moment as the store does: the greater id first', () => {
    const a = session('a', 1);
    const b = session('b', 1);
    expect([a, b].sort(listedBefore).map((row) => row.id)).toEqual(['b', 'a']);
    expect(
      pageWithMemory([a], [{ row: b, stored: false }], { storeHasMore: false }).map((r) => r.id),
    ).toEqual(['b', 'a']);
  });

  it('lists the store as it is when memory holds nothing', () => {
    expect(pageWithMemory([tuesday, monday], [], { storeHasMore: true })).toEqual([tuesday, monday]);
    expect(countWithMemory(2, [])).toBe(2);
  });
});
