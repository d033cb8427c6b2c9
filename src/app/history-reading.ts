// What History lists, counts and charts, read from the store; while storage is full, with the
// sessions memory holds whole in place of the store's cut-short copies or beside them.

import { progress, type WeekRow, weeksWithMemory } from '../store/progress.ts';
import type { SessionRecorder } from '../store/recorder.ts';
import type { SessionRow } from '../store/records.ts';
import type { SessionStore } from '../store/session-store.ts';
import { sessionWeek } from '../workout/calendar.ts';
import type { PastSession } from '../workout/progression.ts';
import type { HistoryState } from './history-model.ts';
import { countWithMemory, pageWithMemory, type SessionInMemory } from './listed-sessions.ts';

const MINUTE_MS = 60_000;

/** The history's first `shown` sessions, the count and the charts, and progression's past sessions. */
export async function readHistory(
  store: SessionStore,
  shown: number,
): Promise<{
  readonly listed: Pick<
    HistoryState,
    'sessions' | 'unlistedOfLastMinute' | 'sessionCount' | 'pastRead' | 'progress'
  >;
  readonly past: Map<string, PastSession>;
}> {
  const [sessions, sessionCount, weeks] = await Promise.all([
    store.pageOfSessions(shown),
    store.countSessions(),
    store.weeks(),
  ]);
  const unlistedOfLastMinute = await sessionsOfItsMinuteAfter(store, sessions.at(-1));
  // The week rows carry progression's past sessions too: one read serves the charts and the plan.
  return {
    listed: { sessions, unlistedOfLastMinute, sessionCount, pastRead: true, progress: progress(weeks) },
    past: pastOf(weeks),
  };
}

/**
 * The sessions after `last` in History's order that began in the same minute (that is, the next
 * page's first sessions, where they share its minute): its name tells it apart from them before they
 * are listed (see sessionTimes). Read one at a time: most minutes hold one session, or none after it.
 */
export async function sessionsOfItsMinuteAfter(
  store: SessionStore,
  last: SessionRow | undefined,
): Promise<SessionRow[]> {
  if (!last) return [];
  const minuteBegan = Math.floor(last.startedAt / MINUTE_MS) * MINUTE_MS;
  const found: SessionRow[] = [];
  for (let after = last; ; ) {
    const [next] = await store.pageOfSessions(1, after);
    if (!next || next.startedAt < minuteBegan) return found;
    found.push(next);
    after = next;
  }
}

/**
 * While storage is full, History lists and counts what a backup holds: the sessions the store saved
 * before it filled, and those memory holds whole (`inMemory`) in place of the store's cut-short
 * copies or beside them (see listed-sessions).
 */
export async function readHistoryWhileFull(
  store: SessionStore,
  shown: number,
  inMemory: readonly SessionRecorder[],
): Promise<Pick<HistoryState, 'sessions' | 'unlistedOfLastMinute' | 'sessionCount' | 'progress'>> {
  const held = inMemory.map((recorder) => ({
    sessions: [recorder.sessionRow()],
    sets: recorder.setRows(),
  }));
  const weeksHeld = [...new Set(held.map(({ sessions }) => sessionWeek(sessions[0]!)))];
  const [{ page, storeHasMore }, storeCount, listedInMemory, weeks, stored] = await Promise.all([
    storePage(store, shown),
    store.countSessions(),
    sessionsInMemory(store, inMemory),
    store.weeks(),
    Promise.all(weeksHeld.map((week) => store.sessionsOfWeek(week))),
  ]);
  const storedOf = new Map(weeksHeld.map((week, i) => [week, stored[i]!]));
  // The charts count what the list shows, memory's whole copies with the store's sessions, where
  // the store's rows alone left out every session storage had no room for.
  const charted = weeksWithMemory(weeks, held, (week) => storedOf.get(week)!);
  const sessions = pageWithMemory(page, listedInMemory, { storeHasMore });
  return {
    sessions,
    unlistedOfLastMinute: await sessionsOfItsMinuteAfter(store, sessions.at(-1)),
    sessionCount: countWithMemory(storeCount, listedInMemory),
    progress: progress(charted),
  };
}

/** While storage is full, the next `size` sessions after `after`, listed as readHistoryWhileFull lists them. */
export async function nextPageWhileFull(
  store: SessionStore,
  size: number,
  after: SessionRow | undefined,
  inMemory: readonly SessionRecorder[],
): Promise<SessionRow[]> {
  const [{ page, storeHasMore }, listedInMemory] = await Promise.all([
    storePage(store, size, after),
    sessionsInMemory(store, inMemory),
  ]);
  return pageWithMemory(page, listedInMemory, { after, storeHasMore });
}

/** The sessions a file of them all takes from memory, as History lists them, and whether the store has a copy. */
function sessionsInMemory(
  store: SessionStore,
  inMemory: readonly SessionRecorder[],
): Promise<SessionInMemory[]> {
  return Promise.all(
    inMemory.map(async (recorder) => ({
      row: recorder.sessionRow(),
      stored: (await store.getSession(recorder.sessionId)) !== undefined,
    })),
  );
}

/**
 * A page of the store's sessions after `after`, and whether the store has more after it, which is
 * where History lists the sessions memory alone holds (pageWithMemory): one more than the page is read
 * to know, the same for the first pages and the next.
 */
async function storePage(
  store: SessionStore,
  size: number,
  after?: Pick<SessionRow, 'startedAt' | 'id'>,
): Promise<{ page: SessionRow[]; storeHasMore: boolean }> {
  const read = await store.pageOfSessions(size + 1, after);
  return { page: read.slice(0, size), storeHasMore: read.length > size };
}

/**
 * The past sessions progression reads, from the chart rows of the weeks, which keep them with the
 * sets of the exercises progression follows: one small read, however many years.
 */
export async function readPast(store: SessionStore): Promise<Map<string, PastSession>> {
  return pastOf(await store.weeks());
}

function pastOf(weeks: readonly WeekRow[]): Map<string, PastSession> {
  return new Map(weeks.flatMap((w) => w.past.map(({ id, ...past }) => [id, past] as const)));
}
