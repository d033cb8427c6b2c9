// A backup whole but for some damaged sessions: which can be read, which cannot and why, in words.
import { describe, expect, it } from 'vitest';
import {
  type DamagedSession,
  partlyDamagedWords,
  readJson,
  readSessionStream,
  toJson,
} from '../../../src/export/json.ts';
import type { SessionBundle } from '../../../src/store/records.ts';
import { begunAt, IMPORTED_AT, recordSession } from './recorded-session.ts';

const DAY_MS = 86_400_000;

function streamOf(text: string, size = 333): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else controller.enqueue(bytes.subarray(at, (at += size)));
    },
  });
}

async function readLeavingOut(text: string) {
  const damaged: DamagedSession[] = [];
  const putRight: string[] = [];
  const bundles: SessionBundle[] = [];
  for await (const bundle of readSessionStream(streamOf(text), { now: IMPORTED_AT, damaged, putRight }))
    bundles.push(bundle);
  return { ids: bundles.map((b) => b.session.id), damaged, putRight };
}

/** Five sessions a day apart, session-1 to session-5. */
async function fiveSessions(): Promise<SessionBundle[]> {
  const first = await recordSession();
  return [1, 2, 3, 4, 5].map((n) => {
    const id = `session-${n}`;
    const own = <T extends { sessionId: string }>(rows: readonly T[]) =>
      rows.map((r) => ({ ...r, sessionId: id }));
    const later = begunAt(first, first.session.startedAt - n * DAY_MS);
    return {
      session: { ...later.session, id },
      sets: own(first.sets),
      events: own(first.events),
      heartRate: own(first.heartRate),
      motion: own(first.motion),
    };
  });
}

describe('a backup with damaged sessions, read leaving them out', () => {
  it('gives the readable sessions and tells each damaged one, where and what is wrong', async () => {
    const bundles = await fiveSessions();
    const file = JSON.parse(toJson(bundles));
    file.sessions[1].sets[0].count = 'many';
    file.sessions[3].session.startedAt = -5;
    // Laid out a session to a line, as the app saves it; the fourth line's text broken off as well.
    const lines =
      `${JSON.stringify({ ...file, sessions: undefined }).slice(0, -1)},"sessions":[\n${file.sessions
        .map((s: unknown) => JSON.stringify(s))
        .join(',\n')}\n]}\n`.split('\n');
    lines[5] = lines[5]!.slice(0, 80);
    const { ids, damaged } = await readLeavingOut(lines.join('\n'));
    expect(ids).toEqual(['session-1', 'session-3']);
    expect(damaged.map(({ session, problem }) => [session, problem])).toEqual([
      [2, 'set 1: "count" should be a number'],
      [4, '"session.startedAt" should be a time from 1970 to 2100'],
      [5, 'its text is broken off partway'],
    ]);
    expect(damaged[0]!.message).toBe(
      'This file is damaged (session 2, set 1): "count" should be a number. Nothing was imported.',
    );
  });

  it('reads a backup laid out another way (reformatted) the same', async () => {
    const bundles = await fiveSessions();
    const file = JSON.parse(toJson(bundles));
    file.sessions[0].sets[0].sessionId = 'other';
    const damaged: DamagedSession[] = [];
    const read = readJson(JSON.stringify(file, null, 2), IMPORTED_AT, damaged);
    expect(read.bundles.map((b) => b.session.id)).toEqual([
      'session-2',
      'session-3',
      'session-4',
      'session-5',
    ]);
    expect(damaged.map((d) => d.problem)).toEqual(['set 1: it belongs to session other, not session-1']);
    const streamed = await readLeavingOut(JSON.stringify(file, null, 2));
    expect(streamed.ids).toEqual(read.bundles.map((b) => b.session.id));
  });

  it('still refuses whole a file cut short, of a newer format, or with fields it cannot keep', async () => {
    const bundles = await fiveSessions();
    const text = toJson(bundles);
    const lines = text.split('\n');
    await expect(readLeavingOut(lines.slice(0, 4).join('\n'))).rejects.toThrow(/^This file is incomplete/);
    await expect(readLeavingOut(text.slice(0, text.length / 2))).rejects.toThrow(
      /^This file is incomplete: it stops partway through session 3/,
    );
    await expect(readLeavingOut(text.replace('"version":2', '"version":3'))).rejects.toThrow(
      /written by a newer Backbeat/,
    );
    const file = JSON.parse(text);
    file.sessions[2].extra = 1;
    await expect(readLeavingOut(JSON.stringify(file))).rejects.toThrow(/holds more than this version/);
    await expect(readLeavingOut('')).rejects.toThrow('This file is empty. Nothing was imported.');
  });

  it('keeps nothing a damaged session would have put right, nor its unknown fields', async () => {
    const bundles = await fiveSessions();
    const file = JSON.parse(toJson(bundles));
    file.sessions[1].session.snapshot.pauses = [{ atMs: 'x' }];
    file.sessions[1].sets[0].count = 'many';
    file.sessions[1].session.newerField = 1;
    const damaged: DamagedSession[] = [];
    const read = readJson(JSON.stringify(file), IMPORTED_AT, damaged);
    expect(read.bundles).toHaveLength(4);
    expect([read.putRight, read.unknownFields]).toEqual([[], []]);
    // Read whole, the same session's pause is put right and said.
    file.sessions[1].sets[0].count = 1;
    expect(readJson(JSON.stringify(file), IMPORTED_AT, damaged).putRight).toHaveLength(1);
  });
});

describe('partlyDamagedWords', () => {
  const damage = (session: number, problem: string): DamagedSession => ({
    session,
    problem,
    message: `This file is damaged (session ${session}): ${problem}. Nothing was imported.`,
  });

  it('names one damaged session, why, and offers the others', () => {
    expect(partlyDamagedWords([damage(3, 'set 1: "count" should be a number')], 41)).toEqual({
      notice:
        'This file is damaged: session 3 of its 42 cannot be read (set 1: "count" should be a number). Nothing was imported: the other 41 can be, without it.',
      button: 'Import the other 41',
      whenFull:
        'Storage is full, so nothing was imported: the other 41 sessions did not fit, and the sessions here are as they were. Free some space on the device, then tap Import the other 41 again; session 3 (set 1: "count" should be a number) stays out as damaged.',
    });
    expect(partlyDamagedWords([damage(1, 'its text is broken off partway')], 1)).toEqual({
      notice:
        'This file is damaged: session 1 of its 2 cannot be read (its text is broken off partway). Nothing was imported: the other one can be, without it.',
      button: 'Import the other one',
      whenFull:
        'Storage is full, so nothing was imported: the other session did not fit, and the sessions here are as they were. Free some space on the device, then tap Import the other one again; session 1 (its text is broken off partway) stays out as damaged.',
    });
  });

  it('names the first two of many, then how many more', () => {
    const damaged = [damage(3, 'a'), damage(9, 'b'), damage(10, 'c'), damage(12, 'd')];
    expect(partlyDamagedWords(damaged, 38).notice).toBe(
      'This file is damaged: 4 of its 42 sessions cannot be read, session 3 (a), session 9 (b) and 2 more. Nothing was imported: the other 38 can be, without them.',
    );
    expect(partlyDamagedWords(damaged.slice(0, 2), 5).notice).toBe(
      'This file is damaged: 2 of its 7 sessions cannot be read, session 3 (a) and session 9 (b). Nothing was imported: the other 5 can be, without them.',
    );
  });

  it('counts in its offer the others not here yet, and says how many are', () => {
    const damaged = [damage(2, 'set 1: "count" should be a number')];
    expect(partlyDamagedWords(damaged, 4, 2)).toEqual({
      notice:
        'This file is damaged: session 2 of its 5 cannot be read (set 1: "count" should be a number). Nothing was imported: of the other 4, the 2 not here yet can be, without it; 2 are here already.',
      button: 'Import the 2 not here yet',
      whenFull:
        'Storage is full, so nothing was imported: the 2 sessions not here yet did not fit, and the sessions here are as they were. Free some space on the device, then tap Import the 2 not here yet again; session 2 (set 1: "count" should be a number) stays out as damaged.',
    });
    expect(partlyDamagedWords(damaged, 2, 1)).toMatchObject({
      notice:
        'This file is damaged: session 2 of its 3 cannot be read (set 1: "count" should be a number). Nothing was imported: of the other 2, the one not here yet can be, without it; 1 is here already.',
      button: 'Import the one not here yet',
    });
    expect(partlyDamagedWords(damaged, 4, 0)).toMatchObject({
      notice:
        'This file is damaged: session 2 of its 5 cannot be read (set 1: "count" should be a number). Nothing was imported: the other 4 are here already.',
      button: null,
    });
  });

  it('offers nothing where no session can be read', () => {
    const one = damage(1, 'set 2: "count" should be a number');
    expect(partlyDamagedWords([one], 0)).toMatchObject({ notice: one.message, button: null });
    expect(partlyDamagedWords([damage(1, 'a'), damage(2, 'b'), damage(3, 'c')], 0)).toMatchObject({
      notice:
        'This file is damaged: none of its 3 sessions can be read, session 1 (a), session 2 (b) and 1 more. Nothing was imported.',
      button: null,
    });
  });
});
