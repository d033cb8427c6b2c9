// Reads a file a session at a time from a stream, however large, the layout of a line per session
// checked as it goes: a file cut short or broken partway is told from one whole.

import type { SessionBundle } from '../../store/records.ts';
import type { DamagedSession } from './damaged-sessions.ts';
import { checkHeader, HEADER_END, JSON_FORMAT_VERSION, type Preferences } from './format.ts';
import { notJson } from './not-a-backup.ts';
import { readJson, readSessionAt } from './read-file.ts';
import { ImportError, Reader } from './reader.ts';

/** A line longer than this cannot be a session of ours; it is a file of another layout or a broken one. */
const MAX_LINE_CHARS = 256 * 1024 * 1024;

export interface ReadOptions {
  /** Epoch ms: a session's time away (a gap) can be no longer than from its start to now. */
  readonly now: number;
  /** Where the fields this version does not know are listed, by path, as they are kept. */
  readonly unknownFields?: string[];
  /** Where what could not be read and was put right is told, in words, as it is (see readSnapshot). */
  readonly putRight?: string[];
  /** How far into the stream the reader is, in bytes. */
  readonly onBytes?: (bytes: number) => void;
  // How much text the reader holds at once before it gives up on a file: each must fit in one string.
  /** The longest line, in characters. */
  readonly lineChars?: number;
  /** The whole of a file in another layout, in characters. */
  readonly wholeChars?: number;
  /** Handed a backup's settings and what was learned of the person, before its first session. */
  readonly onPreferences?: (preferences: Preferences) => void;
  /** Told what is wrong with a backup's settings that could not be read, left out (see checkHeader). */
  readonly onPreferencesUnread?: (problem: string) => void;
  /**
   * Where the damaged sessions of a backup otherwise whole are told, each left out as the reading goes
   * on: without it, the first refuses the file.
   */
  readonly damaged?: DamagedSession[];
}

/**
 * Reads a file a session at a time, however large, holding only one session in memory: each is
 * checked as fully as by fromJson and handed on before the next is read. A file in another layout
 * (the single line of earlier versions, or a backup reformatted by an editor or `jq`) is read whole,
 * up to `options.wholeChars`.
 */
export async function* readSessionStream(
  stream: ReadableStream<Uint8Array>,
  options: ReadOptions,
): AsyncGenerator<SessionBundle> {
  const { now, unknownFields = [], putRight = [], onBytes, damaged } = options;
  const wholeLimit = options.wholeChars ?? MAX_LINE_CHARS;
  let index = 0;
  let state: 'header' | 'sessions' | 'whole' | 'done' = 'header';
  let version = JSON_FORMAT_VERSION;
  const whole: string[] = [];
  let wholeChars = 0;
  /** The session (counted from 1) whose line could not be read, until the next line tells why. */
  let unreadable: number | null = null;
  for await (const line of lines(stream, onBytes, options.lineChars ?? MAX_LINE_CHARS)) {
    // Not a session to a line: JSON laid out some other way is still a backup, read in one piece.
    if (state === 'header' && !line.trimEnd().endsWith(HEADER_END)) state = 'whole';
    if (state === 'whole') {
      wholeChars += line.length + 1;
      if (wholeChars > wholeLimit) throw tooLargeToReadWhole(wholeLimit);
      whole.push(line);
      continue;
    }
    if (state === 'done') {
      if (line.trim() === '') continue;
      throw new ImportError('This file is damaged: there is more after its end. Nothing was imported.');
    }
    if (state === 'header') {
      const header = checkHeader(new Reader(parseLine(`${line}]}`), 'file', unknownFields));
      if (header.preferences) options.onPreferences?.(header.preferences);
      if (header.preferencesUnread) options.onPreferencesUnread?.(header.preferencesUnread);
      version = header.version;
      state = 'sessions';
      continue;
    }
    const trimmed = line.trim();
    // A line that cannot be read is the end of a file cut short, or a damaged line with more after it.
    if (unreadable !== null && trimmed !== '') {
      if (!damaged) throw sessionUnreadable(unreadable);
      damaged.push({
        session: unreadable,
        problem: 'its text is broken off partway',
        message: sessionUnreadable(unreadable).message,
      });
      unreadable = null;
    }
    if (trimmed === ']}') {
      state = 'done';
      continue;
    }
    const text = trimmed.endsWith(',') ? trimmed.slice(0, -1) : trimmed;
    const at = index++;
    const parsed = parseSessionLine(text);
    if (parsed === UNREADABLE) {
      unreadable = index;
      continue;
    }
    const bundle = readSessionAt(parsed, at, { now, unknownFields, putRight, damaged }, version);
    if (bundle) yield bundle;
  }
  if (unreadable !== null) {
    throw new ImportError(
      `This file is incomplete: it stops partway through session ${unreadable}, its last words cut off (was it cut short while being saved or copied?). Nothing was imported.`,
    );
  }
  if (state === 'whole' || state === 'header') {
    const read = readJson(whole.join('\n'), now, damaged);
    unknownFields.push(...read.unknownFields);
    putRight.push(...read.putRight);
    if (read.preferences) options.onPreferences?.(read.preferences);
    if (read.preferencesUnread) options.onPreferencesUnread?.(read.preferencesUnread);
    yield* read.bundles;
    return;
  }
  // Cut at a line break, every line read was whole: only the missing end tells the file is incomplete.
  if (state === 'sessions') {
    const where = index === 0 ? 'before its first session' : `after session ${index}`;
    throw new ImportError(
      `This file is incomplete: it stops ${where}, before the end every backup has (was it cut short while being saved or copied?). Nothing was imported.`,
    );
  }
}

function tooLargeToReadWhole(limit: number): ImportError {
  return new ImportError(
    `This file is not laid out a session to a line, as Backbeat saves its backups (was it reformatted by another program?), and at over ${Math.round(limit / (1024 * 1024))} MB it is too large to read in one piece. Import the file as Backbeat saved it. Nothing was imported.`,
  );
}

function parseLine(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw notJson(text);
  }
}

/** A session's line that does not parse: the reader tells a file cut short from a damaged one. */
const UNREADABLE = Symbol('unreadable');

function parseSessionLine(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return UNREADABLE;
  }
}

/** A session's line that does not parse with more lines after it: damaged there, not cut short. */
function sessionUnreadable(session: number): ImportError {
  return new ImportError(
    `This file is damaged: session ${session} in it cannot be read, its text broken off partway. Nothing was imported.`,
  );
}

/** The lines of a UTF-8 stream, without their line breaks. */
async function* lines(
  stream: ReadableStream<Uint8Array>,
  onBytes: ((bytes: number) => void) | undefined,
  maxLineChars: number,
) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let pending: string[] = [];
  let pendingChars = 0;
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      onBytes?.(bytes);
      let text = decoder.decode(value, { stream: true });
      for (let cut = text.indexOf('\n'); cut >= 0; cut = text.indexOf('\n')) {
        pending.push(text.slice(0, cut));
        yield pending.join('');
        pending = [];
        pendingChars = 0;
        text = text.slice(cut + 1);
      }
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars > maxLineChars) {
        throw new ImportError(
          'This is not a Backbeat file, or it is damaged: it has no line breaks where they belong.',
        );
      }
    }
    pending.push(decoder.decode());
    const last = pending.join('');
    if (last !== '') yield last;
  } finally {
    reader.releaseLock();
  }
}
