// A backup whole but for some damaged sessions: nothing of it is imported until the person chooses
// to import the others, and then they come in, all or nothing, the damaged ones named.
import { describe, expect, it, vi } from 'vitest';
import { Backbeat } from '../../../src/app/backbeat.ts';
import { FILE_FOOTER, fileHeader, sessionLine } from '../../../src/export/json.ts';
import { SessionStore } from '../../../src/store/session-store.ts';
import { MemoryStorage } from '../../memory-storage.ts';
import { finishedSession, supermanSetsReached } from '../../set-record.ts';

let dbCounter = 0;

async function startedDevice() {
  const name = `damaged-backup-${++dbCounter}`;
  const app = new Backbeat({
    navigator: {} as Navigator,
    settingsStorage: new MemoryStorage(),
    persistence: { openStore: () => SessionStore.open({ name }), page: null },
  });
  await app.persistence.start();
  return app;
}

/** Sessions session-1 … session-n a day apart, each a line of the file as the app saves it. */
function sessionLines(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    sessionLine(
      finishedSession(`session-${i + 1}`, Date.UTC(2026, 9, 1 + i, 8), supermanSetsReached()),
      i === 0,
    ),
  );
}

/** A backup of five sessions, with settings, whose second has a count that is no number. */
function backupDamagedAtTheSecond(muted: boolean): Blob {
  const lines = sessionLines(5);
  lines[1] = lines[1]!.replace(/"count":\d+/, '"count":"many"');
  const app = new Backbeat({ navigator: {} as Navigator, settingsStorage: new MemoryStorage() });
  app.settings.setMuted(muted);
  return new Blob([fileHeader(new Date(), app.preferences!.read()) + lines.join('') + FILE_FOOTER]);
}

/**
 * A file whose first read gives `text` and whose next never ends: the rest of a large backup on its
 * way. `size` is what it says of itself; `onReadingOn` is called as that next read begins.
 */
function fileWithTheRestOnItsWay(text: string, size: number, onReadingOn: () => void): Blob {
  let sent = false;
  return {
    size,
    stream: () =>
      new ReadableStream<Uint8Array>(
        {
          pull: (reading) => {
            if (!sent) {
              sent = true;
              reading.enqueue(new TextEncoder().encode(text));
              return;
            }
            onReadingOn();
            return new Promise<void>(() => undefined);
          },
        },
        { highWaterMark: 0 },
      ),
  } as unknown as Blob;
}

describe('a backup with a damaged session', () => {
  it('imports nothing until asked, then the other sessions, saying which was left out and why', async () => {
    const app = await startedDevice();
    const file = backupDamagedAtTheSecond(true);
    await expect(app.persistence.restore(file)).rejects.toThrow(
      'This file is damaged: session 2 of its 5 cannot be read (set 1: "count" should be a number). Nothing was imported: the other 4 can be, without it.',
    );
    // The session read before the damaged one was taken out again.
    expect(app.persistence.history.state.sessionCount).toBe(0);
    expect(app.persistence.history.state.partlyDamaged).toMatchObject({
      file,
      button: 'Import the other 4',
    });
    expect(app.persistence.history.state.offeredPreferences).toBeNull();

    await app.persistence.restore(file, {}, { leaveOutDamaged: true });
    expect(app.persistence.history.state.sessions.map((s) => s.id).sort()).toEqual([
      'session-1',
      'session-3',
      'session-4',
      'session-5',
    ]);
    expect(app.persistence.history.state.notice).toBe(
      'Imported 4 sessions. Left out as damaged: session 2 (set 1: "count" should be a number).',
    );
    expect(app.persistence.history.state.partlyDamaged).toBeNull();
    // Its settings are offered as any backup's are, once its sessions are in.
    expect(app.persistence.history.state.offeredPreferences).not.toBeNull();
    expect(app.settings.state.muted).toBe(false);

    // The same file again: its sessions are here already, and importing them again would add none.
    await expect(app.persistence.restore(file, {}, { leaveOutDamaged: true })).resolves.toMatchObject({
      added: [],
    });
    expect(app.persistence.history.state.notice).toBe(
      'Imported 0 sessions; 4 already here, kept as they were. Left out as damaged: session 2 (set 1: "count" should be a number).',
    );
    expect(app.persistence.history.state.sessionCount).toBe(4);
  });

  it('is refused whole, offering nothing, where no session can be read', async () => {
    const app = await startedDevice();
    const lines = sessionLines(2).map((line) => line.replace(/"count":\d+/, '"count":"many"'));
    await expect(
      app.persistence.restore(new Blob([fileHeader() + lines.join('') + FILE_FOOTER])),
    ).rejects.toThrow(
      'This file is damaged: none of its 2 sessions can be read, session 1 (set 1: "count" should be a number) and session 2 (set 1: "count" should be a number). Nothing was imported.',
    );
    expect(app.persistence.history.state.partlyDamaged).toBeNull();
  });

  it('is offered no longer once another file is picked, or the person says Import none', async () => {
    const app = await startedDevice();
    await expect(app.persistence.restore(backupDamagedAtTheSecond(false))).rejects.toThrow(/damaged/);
    await app.persistence.restore(new Blob([fileHeader() + sessionLines(1).join('') + FILE_FOOTER]));
    expect(app.persistence.history.state.partlyDamaged).toBeNull();
    await expect(app.persistence.restore(backupDamagedAtTheSecond(false))).rejects.toThrow(/damaged/);
    app.persistence.keepOutPartlyDamaged();
    expect(app.persistence.history.state.partlyDamaged).toBeNull();
    expect(app.persistence.history.state.notice).toBe('Nothing was imported.');
    expect(app.persistence.history.state.sessionCount).toBe(1);
  });

  it('keeps the choice when storage is full as the others are imported, so that a tap after freeing space imports them', async () => {
    const app = await startedDevice();
    const file = backupDamagedAtTheSecond(false);
    await expect(app.persistence.restore(file)).rejects.toThrow(/damaged/);
    const choice = app.persistence.history.state.partlyDamaged;
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await expect(
        app.persistence.restore(file, {}, { leaveOutDamaged: true, choice }),
      ).rejects.toMatchObject({
        kind: 'quota',
      });
    } finally {
      full.mockRestore();
    }
    expect(app.persistence.history.state.sessionCount).toBe(0);
    expect(app.persistence.history.state.partlyDamaged).toMatchObject({
      file,
      button: 'Import the other 4',
      notice:
        'Storage is full, so nothing was imported: the other 4 sessions did not fit, and the sessions here are as they were. Free some space on the device, then tap Import the other 4 again; session 2 (set 1: "count" should be a number) stays out as damaged.',
    });

    await app.persistence.restore(file, {}, { leaveOutDamaged: true });
    expect(app.persistence.history.state.sessionCount).toBe(4);
    expect(app.persistence.history.state.partlyDamaged).toBeNull();
  });

  it('keeps the choice when the import of the others is cancelled, the sessions here as they were', async () => {
    const app = await startedDevice();
    await app.persistence.restore(new Blob([fileHeader() + sessionLines(1).join('') + FILE_FOOTER]));
    const file = backupDamagedAtTheSecond(false);
    await expect(app.persistence.restore(file)).rejects.toThrow(/damaged/);
    const choice = app.persistence.history.state.partlyDamaged;
    // Cancel tapped once the import of the others has stored some of them.
    let stored = 0;
    const imported = await app.persistence.runTask(
      'Importing',
      'Import cancelled: nothing was imported.',
      (options) =>
        app.persistence.restore(
          file,
          {
            ...options,
            onProgress: (done, total) => {
              options.onProgress?.(done, total);
              if (++stored === 3) app.persistence.cancelTask();
            },
          },
          { leaveOutDamaged: true, choice },
        ),
    );
    expect(imported).toBeNull();
    expect(app.persistence.history.state.notice).toBe('Import cancelled: nothing was imported.');
    expect(app.persistence.history.state.sessions.map((s) => s.id)).toEqual(['session-1']);
    expect(app.persistence.history.state.partlyDamaged).toEqual(choice);

    await app.persistence.restore(file, {}, { leaveOutDamaged: true, choice });
    expect(app.persistence.history.state.sessionCount).toBe(4);
  });

  it('keeps none of its sessions in storage once a damaged one is found, while the rest of the file is read', async () => {
    const app = await startedDevice();
    const lines = sessionLines(3);
    lines[1] = lines[1]!.replace(/"count":\d+/, '"count":"many"');
    const text = `${fileHeader()}${lines.join('')}\n`;
    let reachedTheRest!: () => void;
    const reached = new Promise<void>((resolve) => (reachedTheRest = resolve));
    const file = fileWithTheRestOnItsWay(text, text.length * 2, reachedTheRest);
    void app.persistence.restore(file).catch(() => undefined);
    await reached;
    const store = await SessionStore.open({ name: `damaged-backup-${dbCounter}` });
    try {
      expect(await store.countSessions()).toBe(0);
    } finally {
      store.close();
    }
  });

  it('says at once that storage is full, before its damaged session is read, and the damage once there is room', async () => {
    const app = await startedDevice();
    const file = backupDamagedAtTheSecond(false);
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await expect(app.persistence.restore(file)).rejects.toThrow(
        'Storage is full, so nothing was imported: the file did not fit, and the sessions here are as they were. Free some space on the device, then import it again.',
      );
    } finally {
      full.mockRestore();
    }
    expect(app.persistence.history.state.partlyDamaged).toBeNull();
    expect(app.persistence.history.state.sessionCount).toBe(0);

    await expect(app.persistence.restore(file)).rejects.toThrow(
      'This file is damaged: session 2 of its 5 cannot be read (set 1: "count" should be a number). Nothing was imported: the other 4 can be, without it.',
    );
    expect(app.persistence.history.state.partlyDamaged).toMatchObject({ button: 'Import the other 4' });
  });

  it('tells storage full without reading the rest of the file, which may take minutes', async () => {
    const app = await startedDevice();
    const text = fileHeader() + sessionLines(3).join('');
    let readOn!: () => void;
    const readingOn = new Promise<string>((resolve) => (readOn = () => resolve('read on')));
    const file = fileWithTheRestOnItsWay(text, text.length * 100, readOn);
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const told = app.persistence.restore(file).then(
        () => 'imported',
        (error: Error) => error.message,
      );
      expect(await Promise.race([told, readingOn])).toMatch(/^Storage is full, so nothing was imported/);
    } finally {
      full.mockRestore();
    }
    expect(app.persistence.history.state.sessionCount).toBe(0);
  });

  it('counts in its button the sessions it would add, not those here already', async () => {
    const app = await startedDevice();
    const lines = sessionLines(5);
    await app.persistence.restore(new Blob([`${fileHeader()}${lines[0]}${lines[2]}${FILE_FOOTER}`]));
    expect(app.persistence.history.state.sessionCount).toBe(2);
    const file = backupDamagedAtTheSecond(false);
    await expect(app.persistence.restore(file)).rejects.toThrow(
      'This file is damaged: session 2 of its 5 cannot be read (set 1: "count" should be a number). Nothing was imported: of the other 4, the 2 not here yet can be, without it; 2 are here already.',
    );
    const choice = app.persistence.history.state.partlyDamaged;
    expect(choice?.button).toBe('Import the 2 not here yet');
    await app.persistence.restore(file, {}, { leaveOutDamaged: true, choice });
    expect(app.persistence.history.state.notice).toBe(
      'Imported 2 sessions; 2 already here, kept as they were. Left out as damaged: session 2 (set 1: "count" should be a number).',
    );
    // All of it here now but the damaged one: nothing is left to import, and no button offers it.
    await expect(app.persistence.restore(file)).rejects.toThrow(
      'This file is damaged: session 2 of its 5 cannot be read (set 1: "count" should be a number). Nothing was imported: the other 4 are here already.',
    );
    expect(app.persistence.history.state.partlyDamaged).toBeNull();
  });

  it('imports at once a session whose heart-rate figure alone is damaged, saying it was left out', async () => {
    const app = await startedDevice();
    const lines = sessionLines(3);
    lines[1] = lines[1]!.replace('"avgBpm":null', '"avgBpm":"high"');
    await app.persistence.restore(new Blob([fileHeader() + lines.join('') + FILE_FOOTER]));
    expect(app.persistence.history.state.partlyDamaged).toBeNull();
    expect(app.persistence.history.state.sessionCount).toBe(3);
    expect(app.persistence.history.state.notice).toBe(
      'Imported 3 sessions. Not all of them could be read: session 2: "session.summary.avgBpm" should be a number, so it was left out.',
    );
  });

  it('imports the sessions of a backup whose settings cannot be read, saying they were not', async () => {
    const app = await startedDevice();
    const header = fileHeader().replace('"exportedAt"', '"preferences":"muted","exportedAt"');
    await app.persistence.restore(new Blob([header + sessionLines(2).join('') + FILE_FOOTER]));
    expect(app.persistence.history.state.sessionCount).toBe(2);
    expect(app.persistence.history.state.offeredPreferences).toBeNull();
    expect(app.persistence.history.state.notice).toBe(
      'Imported 2 sessions. Its settings could not be read ("preferences" should be an object), so this device\'s are as they were.',
    );
  });
});
