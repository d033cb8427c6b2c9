import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/export/csv.ts';
import { toFit } from '../../../src/export/fit.ts';
import {
  FILE_FOOTER,
  fileHeader,
  fromJson,
  ImportError,
  type ReadOptions,
  readJson,
  readSessionStream,
  sessionLine,
  toJson,
} from '../../../src/export/json.ts';
import type { SessionBundle } from '../../../src/store/records.ts';
import { SessionStore } from '../../../src/store/session-store.ts';
import { begunAt, IMPORTED_AT, recordSession } from './recorded-session.ts';

/** A stream of the text in pieces of `size` bytes, cut anywhere (inside a line, inside a number). */
function streamOf(text: string | Uint8Array, size: number): ReadableStream<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else controller.enqueue(bytes.subarray(at, (at += size)));
    },
  });
}

async function readAll(
  stream: ReadableStream<Uint8Array>,
  unknown: string[] = [],
  limits: Partial<ReadOptions> = {},
): Promise<SessionBundle[]> {
  const bundles: SessionBundle[] = [];
  const options = { now: IMPORTED_AT, unknownFields: unknown, ...limits };
  for await (const bundle of readSessionStream(stream, options)) bundles.push(bundle);
  return bundles;
}

const DAY_MS = 86_400_000;

/** The same session recorded a day later under another id. */
function renamed(bundle: SessionBundle, id: string): SessionBundle {
  const own = <T extends { sessionId: string }>(rows: readonly T[]) =>
    rows.map((r) => ({ ...r, sessionId: id }));
  const later = begunAt(bundle, bundle.session.startedAt + DAY_MS).session;
  return {
    session: { ...later, id },
    sets: own(bundle.sets),
    events: own(bundle.events),
    heartRate: own(bundle.heartRate),
    motion: own(bundle.motion),
  };
}

describe("a backup's preferences", () => {
  const preferences = {
    settings: { muted: true, age: 52 },
    personalTuning: { superman: { rangeScale: 0.7 } },
  };

  it('are kept in its first line and handed on before its sessions, however the file is laid out', async () => {
    const first = await recordSession();
    const text = fileHeader(new Date(IMPORTED_AT), preferences) + sessionLine(first, true) + FILE_FOOTER;
    const handed: unknown[] = [];
    const bundles: SessionBundle[] = [];
    for await (const bundle of readSessionStream(streamOf(text, 1000), {
      now: IMPORTED_AT,
      onPreferences: (p) => handed.push(p),
    })) {
      expect(handed).toHaveLength(1);
      bundles.push(bundle);
    }
    expect(handed).toEqual([preferences]);
    expect(bundles).toEqual([first]);
    expect(readJson(text, IMPORTED_AT).preferences).toEqual(preferences);
    // Reformatted by another program, the file is read whole, and they are still there.
    const indented = JSON.stringify(JSON.parse(text), null, 2);
    handed.length = 0;
    await readAll(streamOf(indented, 1000), [], { onPreferences: (p) => handed.push(p) });
    expect(handed).toEqual([preferences]);
  });

  it('are none in an export of sessions alone, or a backup from before they were kept', async () => {
    const text = toJson([await recordSession()]);
    expect(readJson(text, IMPORTED_AT).preferences).toBeNull();
    const handed: unknown[] = [];
    await readAll(streamOf(text, 1000), [], { onPreferences: (p) => handed.push(p) });
    expect(handed).toEqual([]);
  });

  it('that cannot be read are left out and told, the sessions read as ever', async () => {
    const session = await recordSession();
    for (const [preferences, problem, readable] of [
      ['7', '"preferences" should be an object', null],
      [
        '{"settings":"loud","personalTuning":{}}',
        '"preferences.settings" should be an object',
        { personalTuning: {} },
      ],
      ['{"personalTuning":[1]}', '"preferences.personalTuning" should be an object', {}],
    ] as const) {
      const text = toJson([session]).replace('"exportedAt"', `"preferences":${preferences},"exportedAt"`);
      const handed: unknown[] = [];
      const unread: string[] = [];
      const read = {
        onPreferences: (p: unknown) => handed.push(p),
        onPreferencesUnread: (p: string) => unread.push(p),
      };
      expect(await readAll(streamOf(text, 1000), [], read)).toEqual([session]);
      // Read whole, as a backup laid out another way is.
      expect(await readAll(streamOf(JSON.stringify(JSON.parse(text), null, 2), 1000), [], read)).toEqual([
        session,
      ]);
      expect(unread).toEqual([problem, problem]);
      // What could be read of them is still handed on; nothing where none could.
      expect(handed).toEqual(readable ? [readable, readable] : []);
      expect(readJson(text, IMPORTED_AT).preferencesUnread).toBe(problem);
    }
  });
});

describe('the sessions file, a session to a line', () => {
  it('is one JSON object that any reader reads whole, and reads back a session at a time from any cut', async () => {
    const first = await recordSession();
    const bundles = [first, renamed(first, 'session-2'), renamed(first, 'session-3')];
    const text = toJson(bundles);
    expect(text.split('\n')).toHaveLength(6);
    expect(JSON.parse(text).sessions).toHaveLength(3);
    expect(fromJson(text, IMPORTED_AT)).toEqual(bundles);
    for (const size of [997, 4096, 1 << 20]) expect(await readAll(streamOf(text, size))).toEqual(bundles);
    // The layout of earlier versions (everything on one line) still reads.
    const oneLine = JSON.stringify(JSON.parse(text));
    expect(await readAll(streamOf(oneLine, 1000))).toEqual(bundles);
    // So does a file with no sessions.
    expect(await readAll(streamOf(toJson([]), 5))).toEqual([]);
  }, 30_000);

  it('reads a backup reformatted by another program, however it is laid out', async () => {
    const first = await recordSession();
    const bundles = [first, renamed(first, 'session-2')];
    const file = JSON.parse(toJson(bundles));
    const indented = JSON.stringify(file, null, 2);
    // As `jq .` writes it, and as an editor on Windows saves it.
    for (const text of [
      indented,
      indented.replaceAll('\n', '\r\n'),
      `${JSON.stringify(file, null, '\t')}\n`,
    ]) {
      expect(await readAll(streamOf(text, 997))).toEqual(bundles);
    }
    // Fields in another order, the sessions first.
    const { sessions, ...head } = file;
    const reordered = JSON.stringify({ sessions, ...head }, null, 1);
    expect(await readAll(streamOf(reordered, 4096))).toEqual(bundles);
    // Damaged, it is refused as the app's own layout is, saying where.
    file.sessions[1].sets[0].count = 'many';
    await expect(readAll(streamOf(JSON.stringify(file, null, 2), 4096))).rejects.toThrow(
      'This file is damaged (session 2, set 1): "count" should be a number. Nothing was imported.',
    );
  }, 30_000);

  it('reads another layout whole only up to a size, and says why it stops there', async () => {
    const indented = JSON.stringify(JSON.parse(toJson([await recordSession()])), null, 2);
    await expect(
      readAll(streamOf(indented, 4096), [], { wholeChars: indented.length - 100 }),
    ).rejects.toThrow(
      /not laid out a session to a line, as Backbeat saves its backups .* too large to read in one piece\. Import the file as Backbeat saved it\. Nothing was imported\.$/,
    );
    expect(await readAll(streamOf(indented, 4096), [], { wholeChars: indented.length + 100 })).toHaveLength(
      1,
    );
  });

  it('refuses a file cut short, or with more after its end', async () => {
    const first = await recordSession();
    const text = toJson([first, renamed(first, 'session-2')]);
    const lines = text.split('\n');
    // Cut at a line break: every line is whole, and only its missing end tells.
    await expect(readAll(streamOf(`${lines.slice(0, 3).join('\n')}\n`, 100))).rejects.toThrow(
      'This file is incomplete: it stops after session 2, before the end every backup has (was it cut short while being saved or copied?). Nothing was imported.',
    );
    await expect(readAll(streamOf(lines.slice(0, 2).join('\n'), 100))).rejects.toThrow(
      /^This file is incomplete: it stops after session 1,/,
    );
    await expect(readAll(streamOf(`${lines[0]}\n`, 100))).rejects.toThrow(
      /^This file is incomplete: it stops before its first session,/,
    );
    const cutInLine = text.slice(0, Math.floor(text.length / 2));
    // Cut inside a line: where it stops, in words of the file's sessions, not of a session's fields.
    await expect(readAll(streamOf(cutInLine, 100))).rejects.toThrow(
      'This file is incomplete: it stops partway through session 1, its last words cut off (was it cut short while being saved or copied?). Nothing was imported.',
    );
    // A line that cannot be read with more after it: damaged there, not cut short.
    const garbled = [lines[0], lines[1].slice(0, 40), ...lines.slice(2)].join('\n');
    await expect(readAll(streamOf(garbled, 100))).rejects.toThrow(
      'This file is damaged: session 1 in it cannot be read, its text broken off partway. Nothing was imported.',
    );
    const lastGarbled = [...lines.slice(0, 2), lines[2].slice(0, 40), ...lines.slice(3)].join('\n');
    await expect(readAll(streamOf(lastGarbled, 100))).rejects.toThrow(
      'This file is damaged: session 2 in it cannot be read, its text broken off partway. Nothing was imported.',
    );
    await expect(readAll(streamOf(`${text}{"more":1}`, 100))).rejects.toBeInstanceOf(ImportError);
  });

  it('says a backup cut inside its first line, or a reformatted one cut anywhere, is incomplete', async () => {
    const text = toJson([await recordSession()]);
    const beforeFirst =
      'This file is incomplete: it stops before its first session, its last words cut off (was it cut short while being saved or copied?). Nothing was imported.';
    for (const cut of [20, 24, 40, text.indexOf('"sessions"') + 4]) {
      await expect(readAll(streamOf(text.slice(0, cut), 100)), `cut at ${cut}`).rejects.toThrow(beforeFirst);
    }
    // A backup with settings opens with them, on its first line too.
    const withSettings = fileHeader(new Date(IMPORTED_AT), { settings: { muted: true, exercises: [] } });
    await expect(readAll(streamOf(withSettings.slice(0, 90), 100))).rejects.toThrow(beforeFirst);
    // Laid out by another program, it is read whole: cut in its sessions, it says so.
    const indented = JSON.stringify(JSON.parse(text), null, 2);
    await expect(readAll(streamOf(indented.slice(0, indented.length / 2), 4096))).rejects.toThrow(
      'This file is incomplete: it stops partway through its sessions, its last words cut off (was it cut short while being saved or copied?). Nothing was imported.',
    );
  });

  it('says a backup broken inside its first line, with the rest after it, is damaged, not cut short', async () => {
    const text = toJson([await recordSession()]);
    const broken = text.replace('"version":', '"version":,');
    await expect(readAll(streamOf(broken, 100))).rejects.toThrow(
      'This file is damaged: it begins as a Backbeat backup, but its text is broken and cannot be read. Nothing was imported.',
    );
  });

  it('says of a file that begins as no Backbeat file, and cannot be read, just that', async () => {
    const notOurs =
      'This is not a Backbeat file, or it is damaged: it cannot be read as a backup. Nothing was imported.';
    await expect(readAll(streamOf('{"format": "strong", "sess', 100))).rejects.toThrow(notOurs);
    await expect(readAll(streamOf('{"workouts": [{"name": "Squat"', 100))).rejects.toThrow(notOurs);
  });

  it("says of a device's recording cut short that it is a recording, not a file of sessions", async () => {
    await expect(
      readAll(streamOf('{"format":"backbeat-recording","version":1,"packets":[{"t', 100)),
    ).rejects.toThrow(
      /^This is a recording of what a device sent, not a file of sessions: replay it from the device menu/,
    );
  });

  it('says a file is empty, or saved again as UTF-16 by another program, rather than cut short', async () => {
    await expect(readAll(streamOf('', 100))).rejects.toThrow('This file is empty. Nothing was imported.');
    await expect(readAll(streamOf('\n  \n', 100))).rejects.toThrow(
      'This file is empty. Nothing was imported.',
    );
    const text = toJson([await recordSession()]);
    // As Windows Notepad saves "Unicode": a byte-order mark, then two bytes a letter, low byte first.
    const utf16 = new Uint8Array(2 + 2 * text.length);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    await expect(readAll(new Blob([utf16]).stream())).rejects.toThrow(
      /^This file was saved again as UTF-16 text by another program.*Nothing was imported\.$/,
    );
  });

  it("names Backbeat's own CSV and FIT exports, read a piece at a time as an import reads them, not as broken JSON", async () => {
    const first = await recordSession();
    const csv =
      /^This is a CSV export, for other workout apps: Backbeat imports only its own backups \(JSON\)\. Nothing was imported\.$/;
    const fit =
      /^This is a FIT export, for Garmin Connect or Strava: Backbeat imports only its own backups \(JSON\)\. Nothing was imported\.$/;
    // Pieces of one byte cut the FIT header's ".FIT" and the CSV's header line apart.
    for (const size of [1, 7, 64 * 1024]) {
      await expect(readAll(streamOf(toCsv([first]), size))).rejects.toThrow(csv);
      await expect(readAll(streamOf(toCsv([first, renamed(first, 'session-2')]), size))).rejects.toThrow(csv);
      await expect(readAll(streamOf(await toFit(first), size))).rejects.toThrow(fit);
    }
  });

  it('keeps fields it does not know, through the store and into the next backup', async () => {
    const bundle = await recordSession();
    const file = JSON.parse(toJson([bundle]));
    file.sessions[0].session.mood = 'good';
    file.sessions[0].session.summary.steps = 42;
    file.sessions[0].sets[1].rpe = 7;
    file.sessions[0].motion[0].temperatureC = 'AAAA';
    const unknown: string[] = [];
    const [read] = await readAll(streamOf(JSON.stringify(file), 1 << 16), unknown);
    expect(unknown.sort()).toEqual([
      'file.sessions[0].motion[0].temperatureC',
      'file.sessions[0].session.mood',
      'file.sessions[0].session.summary.steps',
      'file.sessions[0].sets[1].rpe',
    ]);

    const store = await SessionStore.open({ name: `unknown-fields-${Date.now()}` });
    await store.importBundles([read!]);
    const again = JSON.parse(toJson(await store.allBundles()));
    store.close();
    expect(again.sessions[0].session.mood).toBe('good');
    expect(again.sessions[0].session.summary.steps).toBe(42);
    expect(again.sessions[0].sets[1].rpe).toBe(7);
    expect(again.sessions[0].motion[0].temperatureC).toBe('AAAA');
    expect(readJson(JSON.stringify(again), IMPORTED_AT).unknownFields).toHaveLength(4);
  });

  it('refuses, with a message, fields it would have nowhere to keep', async () => {
    const file = JSON.parse(toJson([await recordSession()]));
    file.settings = { voice: 'x' };
    expect(() => fromJson(JSON.stringify(file), IMPORTED_AT)).toThrow(
      'This file holds more than this version of Backbeat can keep (file.settings); update the app to import it. Nothing was imported.',
    );
    delete file.settings;
    file.sessions[0].photos = [];
    expect(() => fromJson(JSON.stringify(file), IMPORTED_AT)).toThrow(
      /can keep \(file\.sessions\[0\]\.photos\)/,
    );
  });
});
