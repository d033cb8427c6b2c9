import { describe, expect, it } from 'vitest';
import { sessionsOfItsMinuteAfter } from '../../../src/app/history-reading.ts';
import { SessionStore } from '../../../src/store/session-store.ts';
import { finishedSession } from '../../set-record.ts';

let dbCounter = 0;

/** A store of sessions begun `secondsAfter` 8:02 on 23 November 2026 (UTC), ids s0, s1… in that order. */
async function storeOf(...secondsAfter: number[]): Promise<SessionStore> {
  const store = await SessionStore.open({ name: `history-reading-${++dbCounter}` });
  const at = Date.UTC(2026, 10, 23, 8, 2);
  await store.importBundles(secondsAfter.map((s, i) => finishedSession(`s${i}`, at + s * 1000, [])));
  return store;
}

describe('sessionsOfItsMinuteAfter', () => {
  it('reads the sessions after the last listed that began in its minute, and none of the minute before', async () => {
    const store = await storeOf(90, 40, 30, 10, 10, -5);
    const page = await store.pageOfSessions(2);
    expect(page.map((s) => s.id)).toEqual(['s0', 's1']);
    const after = await sessionsOfItsMinuteAfter(store, page.at(-1));
    expect(after.map((s) => s.startedAt % 60_000)).toEqual([30_000, 10_000, 10_000]);
    store.close();
  });

  it('reads none after a session alone in its minute, or the last of all, or where nothing is listed', async () => {
    const store = await storeOf(90, 40, -5);
    const [first, second, last] = await store.pageOfSessions(3);
    expect(await sessionsOfItsMinuteAfter(store, first)).toEqual([]);
    expect(await sessionsOfItsMinuteAfter(store, second)).toEqual([]);
    expect(await sessionsOfItsMinuteAfter(store, last)).toEqual([]);
    expect(await sessionsOfItsMinuteAfter(store, undefined)).toEqual([]);
    store.close();
  });
});
