// Two tabs of the app in one browser profile (two pages of one persistent context, as two tabs of a
// person's browser): a session is recorded by one tab only. The second tab says so and never offers
// to resume it; moving it there stops the first tab, which says so; nothing written by either is lost
// or overwritten; and once the recording tab closes, the other offers the interrupted session.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';

interface SessionInDb {
  status: string;
  writer: string | undefined;
  sets: number;
  /** The first frame time of each motion chunk, in chunk order. */
  chunkStarts: number[];
}

/** The session as IndexedDB holds it, read with the raw API in the page. */
function readSession(page: Page): Promise<SessionInDb | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('backbeat');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string, range?: IDBKeyRange) =>
      new Promise<T[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll(range);
        request.onsuccess = () => resolve(request.result as T[]);
      });
    const [session] = await all<{ id: string; status: string; writer?: string }>('sessions');
    if (!session) return null;
    const range = IDBKeyRange.bound([session.id, -Infinity], [session.id, Infinity]);
    const sets = await all<unknown>('sets', range);
    const motion = await all<{ seq: number; frameT0Ms: Float64Array }>('motion', range);
    db.close();
    return {
      status: session.status,
      writer: session.writer,
      sets: sets.length,
      chunkStarts: motion.sort((a, b) => a.seq - b.seq).map((c) => c.frameT0Ms[0] ?? Number.NaN),
    };
  });
}

/** The header's heart rate: its number, and what a screen reader is told of it. */
async function heartRateShown(page: Page): Promise<{ bpm: string; label: string }> {
  const heart = page.locator('header bb-heart-rate');
  return {
    bpm: (await heart.locator('.bpm').textContent()) ?? '',
    label: (await heart.locator('.visually-hidden').textContent()) ?? '',
  };
}

/** A tab's header while another tab records the session. */
const HEART_RATE_ELSEWHERE = {
  bpm: '--',
  label: 'Heart rate: no reading, the session is being recorded in another tab',
};

const notice = (page: Page) => page.locator('bb-storage-notice');
/** What the storage notice says, inside its shadow root. */
const noticeText = async (page: Page) => (await notice(page).locator('section').allTextContents()).join(' ');

describe('two tabs of the app', () => {
  const profile = mkdtempSync(join(tmpdir(), 'backbeat-tabs-'));
  let context: BrowserContext;
  let first: Page;
  let second: Page;

  beforeAll(async () => {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1000, height: 900 },
    });
    first = context.pages()[0] ?? (await context.newPage());
    await first.goto(inject('baseUrl'));
  });

  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('tells the second tab that the first is recording, and offers no resume there', async () => {
    await first.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => first.locator('bb-set-view').count(), { timeout: 20_000 }).toBe(1);
    // A few seconds of recording, saved every second.
    await expect
      .poll(async () => (await readSession(first))?.chunkStarts.length ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(3);

    second = await context.newPage();
    await second.goto(inject('baseUrl'));
    await expect
      .poll(() => noticeText(second), { timeout: 20_000 })
      .toMatch(/Backbeat is recording in another tab/);
    expect(await second.getByRole('button', { name: 'Resume where I was' }).count()).toBe(0);
    expect(await noticeText(second)).not.toMatch(/interrupted/);
    // Its header shows no heart rate of its own (its virtual strap's, a made-up number beside the
    // real session in the other tab), and says why to a screen reader and to a pointer over it.
    await expect.poll(() => heartRateShown(second), { timeout: 10_000 }).toEqual(HEART_RATE_ELSEWHERE);
    // Nor can a second session be started beside it: the second tab says where the session is.
    expect(await second.getByRole('button', { name: 'Start', exact: true }).count()).toBe(0);
    await expect
      .poll(() => second.getByText('Your session is being recorded in another tab').count())
      .toBe(1);
    // Nor delete all sessions from under it.
    await second.getByRole('button', { name: 'History', exact: true }).click();
    await second.getByRole('heading', { name: 'History', exact: true }).waitFor();
    expect(await second.getByRole('button', { name: 'Delete all sessions' }).count()).toBe(0);
    await second.getByRole('button', { name: 'History', exact: true }).click();
    expect((await readSession(second))?.status).toBe('active');
  });

  it('moves the session to the second tab: the first stops, saves and says so; nothing is overwritten', async () => {
    const before = await readSession(first);
    await second.getByRole('button', { name: 'Move the session here' }).click();
    await expect.poll(() => second.locator('bb-set-view, bb-rest-view').count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => noticeText(first), { timeout: 20_000 })
      .toMatch(
        /recording in another tab.*It moved there from this tab; everything up to the move is saved\./s,
      );
    expect(await first.locator('bb-set-view, bb-rest-view').count()).toBe(0);
    expect(await noticeText(second)).not.toMatch(/recording in another tab/);
    // The heart rate is the recording tab's: the second shows it now, the first none, and why.
    await expect.poll(async () => (await heartRateShown(second)).bpm, { timeout: 10_000 }).toMatch(/^\d+$/);
    expect(await heartRateShown(first)).toEqual(HEART_RATE_ELSEWHERE);

    // The second tab records on from where the first stopped, and only it writes.
    const moved = await readSession(second);
    await expect
      .poll(async () => (await readSession(second))?.chunkStarts.length ?? 0, { timeout: 20_000 })
      .toBeGreaterThan((moved?.chunkStarts.length ?? 0) + 3);
    const after = (await readSession(second))!;
    expect(after.status).toBe('active');
    expect(after.writer).toBeDefined();
    expect(after.writer).not.toBe(before?.writer);
    // Every chunk written before the move is still there, unchanged, and the later ones follow it in time.
    expect(after.chunkStarts.slice(0, before!.chunkStarts.length)).toEqual(before!.chunkStarts);
    for (let i = 1; i < after.chunkStarts.length; i++) {
      expect(after.chunkStarts[i]).toBeGreaterThan(after.chunkStarts[i - 1]!);
    }
  });

  it('offers the session as interrupted in the first tab once the recording tab has closed', async () => {
    await second.close();
    await expect
      .poll(() => notice(first).locator('#resume-title').textContent(), { timeout: 20_000 })
      .toMatch(/was interrupted/);
    // No tab records it now: this tab's device is the person's heart again.
    await expect.poll(async () => (await heartRateShown(first)).bpm, { timeout: 10_000 }).toMatch(/^\d+$/);
    await first.getByRole('button', { name: 'Resume where I was' }).click();
    await expect.poll(() => first.locator('bb-set-view, bb-rest-view').count(), { timeout: 20_000 }).toBe(1);
    expect((await readSession(first))?.status).toBe('active');
  });
});
