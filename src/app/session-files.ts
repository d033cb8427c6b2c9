// The files made of sessions: one session as FIT, CSV or JSON, every session in one backup, and
// every session's sets in one CSV. The JSON and FIT writers are loaded on first use, not with the app.

import { type CsvSession, toCsv } from '../export/csv.ts';
import type { Preferences } from '../export/json.ts';
import type { SessionRecorder } from '../store/recorder.ts';
import { type SessionBundle, setsBySession } from '../store/records.ts';
import type { SessionStore } from '../store/session-store.ts';
import { fileStamp } from '../workout/calendar.ts';
import type { TaskOptions } from './long-task.ts';

export type ExportFormat = 'fit' | 'csv' | 'json';

export interface ExportedFile {
  readonly filename: string;
  readonly blob: Blob;
}

/**
 * Where a file of every session takes them from: the store (none where it is off or failed), and the
 * sessions memory holds whole, asked for only once the store has been read, as a session may end
 * meanwhile (see SessionsInMemory.all).
 */
export interface EverySession {
  readonly store: SessionStore | null;
  readonly fromMemory: () => SessionRecorder[];
}

/** A file of every session, and the sessions of it taken from memory. */
export interface EverySessionFile {
  readonly file: ExportedFile;
  readonly fromMemory: readonly SessionRecorder[];
}

/**
 * Every session in one file, to restore on another device or after clearing the browser, with
 * `preferences` beside them. Written a session at a time into parts of a Blob, which the browser
 * keeps out of the page's memory (on disk when large), so that years of raw motion back up in
 * bounded memory.
 */
export async function backupFile(
  { store, fromMemory }: EverySession,
  preferences: () => Promise<Preferences | undefined>,
  wallNow: () => number,
  options: TaskOptions = {},
): Promise<EverySessionFile> {
  const ids = store ? await store.sessionIds() : [];
  const inMemory = fromMemory();
  const memoryOnly = inMemory.filter((recorder) => !ids.includes(recorder.sessionId));
  const total = ids.length + memoryOnly.length;
  const { fileHeader, sessionLine, FILE_FOOTER } = await loadJsonWriter().catch((error: Error) => {
    throw new Error(`The backup could not be made: ${error.message}`);
  });
  const parts: BlobPart[] = [fileHeader(new Date(wallNow()), await preferences())];
  const add = (bundle: SessionBundle) => {
    parts.push(new Blob([sessionLine(bundle, parts.length === 1)]));
    options.onProgress?.(parts.length - 1, total);
  };
  for (const id of ids) {
    options.signal?.throwIfAborted();
    const recorder = inMemory.find((kept) => kept.sessionId === id);
    const bundle = recorder ? recorder.bundle() : await store!.loadBundle(id);
    if (bundle) add(bundle);
  }
  for (const recorder of memoryOnly) add(recorder.bundle());
  options.signal?.throwIfAborted();
  parts.push(FILE_FOOTER);
  return {
    file: {
      filename: `backbeat-backup-${fileStamp(wallNow())}.json`,
      blob: new Blob(parts, { type: 'application/json' }),
    },
    fromMemory: inMemory,
  };
}

/**
 * Every session's sets in one CSV, the way Strong exports a whole history. Read from the session
 * and set rows alone: no heart rate or motion is loaded, so years of sessions make a small file.
 */
export async function historyCsvFile(
  { store, fromMemory }: EverySession,
  wallNow: () => number,
): Promise<ExportedFile> {
  const rows = store ? await store.listSessions() : [];
  const bySession = setsBySession(rows.length && store ? await store.allSets() : []);
  const inMemory = fromMemory();
  // One memory holds is taken whole from there, as a backup takes it: the store may have only the
  // part of it written before storage filled up.
  const sessions: CsvSession[] = rows.map(
    (session) =>
      inMemory.find((recorder) => recorder.sessionId === session.id)?.bundle() ?? {
        session,
        sets: bySession.get(session.id) ?? [],
      },
  );
  for (const recorder of inMemory) {
    if (!rows.some((row) => row.id === recorder.sessionId)) sessions.push(recorder.bundle());
  }
  if (sessions.length === 0) throw new Error('There are no sessions to export yet.');
  return {
    filename: `backbeat-history-${fileStamp(wallNow())}.csv`,
    blob: new Blob([toCsv(sessions)], { type: 'text/csv' }),
  };
}

/**
 * The JSON writer and reader (about 21 kB) are needed only for a file: loaded on the first
 * export, backup or import, not with the app, so that a phone's first visit offers Start sooner. Where
 * they cannot be loaded the session stays as it was, kept, and the person is told to try again.
 */
function loadJsonWriter(): Promise<typeof import('../export/json.ts')> {
  return import('../export/json.ts').catch(() => {
    throw new Error(WRITER_NOT_LOADED);
  });
}

/**
 * Why a file whose writer is loaded on first use (FIT, JSON) could not be made. CSV is the way that
 * is left: its writer comes with the app.
 */
const WRITER_NOT_LOADED =
  'its writer could not be loaded (is the device offline?). Nothing is lost: try again once online, or save it as CSV now.';

export async function exportBundle(bundle: SessionBundle, format: ExportFormat): Promise<ExportedFile> {
  // Named by the time the session had where it was done, as History lists it.
  const stem = `backbeat-${fileStamp(bundle.session.startedAt, bundle.session.utcOffsetMin)}`;
  switch (format) {
    case 'csv':
      return { filename: `${stem}.csv`, blob: new Blob([toCsv([bundle])], { type: 'text/csv' }) };
    case 'json': {
      const { toJson } = await loadJsonWriter();
      return { filename: `${stem}.json`, blob: new Blob([toJson([bundle])], { type: 'application/json' }) };
    }
    case 'fit': {
      // The FIT writer pulls in Garmin's SDK: loaded on the first FIT export, not with the app.
      const { toFit } = await import('../export/fit.ts').catch(() => {
        throw new Error(WRITER_NOT_LOADED);
      });
      const bytes = await toFit(bundle);
      return {
        filename: `${stem}.fit`,
        blob: new Blob([bytes as BlobPart], { type: 'application/vnd.ant.fit' }),
      };
    }
  }
}
