// The app's own file format: every session with everything recorded in it, raw motion included, as
// JSON. One session or all of them (the backup) use the same format. The reader checks every field
// before anything is imported, so a damaged or foreign file is refused whole with a message that
// says where it is wrong, and nothing already stored is touched. What a session keeps beside its sets
// (its pause, a chunk of raw motion or heart rate, an event, a heart-rate figure of its summary) that
// cannot be read is put right or left out on its way in, and said (see readBundle); a backup's damaged
// sessions can be told and left out, the rest read, for an import the person chose (see DamagedSession).

import type {
  EventRow,
  HeartRateChunkRow,
  MotionChunkRow,
  SessionBundle,
  SessionRow,
  SessionSummary,
  SetRow,
  StateSnapshot,
} from '../store/records.ts';
import { summaryHoldMs, withSetsRecounted } from '../store/summary.ts';
import { localUtcOffsetMin } from '../workout/calendar.ts';
import { MAX_SET_COUNT } from '../workout/count-corrections.ts';
import type { DevicePause } from '../workout/device-drops.ts';
import { PROGRAM } from '../workout/program.ts';
import type { CurrentSet, SetTakenOver } from '../workout/session-state.ts';
import { LIMITS } from '../workout/settings.ts';
import { CSV_COLUMNS } from './csv.ts';

export const JSON_FORMAT = 'backbeat-sessions';
/**
 * 2: a session's summary.reps is its reps alone, its breath cycles in summary.breaths; in 1 reps was
 * their sum (as the store keeps it), read as such still. A session's pauses kept beside its row, where
 * it was imported without its saved state (SessionRow.pauses), were added within format 2 rather than
 * as a format 3: an older Backbeat imports the session with them kept as a field it does not use (its
 * History does not tell them) and writes them into its own backups, where a new version number would
 * make it refuse the whole backup.
 */
export const JSON_FORMAT_VERSION = 2;
/** The first version whose summary.reps leaves out the breath cycles. */
const REPS_APART_FROM_BREATHS = 2;

/**
 * The format of a device's recording (protocol/recording.ts), named here rather than imported (export
 * reads workout types only): Backbeat's recordings are JSON files named like its backups.
 */
const RECORDING_FORMAT = 'backbeat-recording';

export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/**
 * Typed arrays travel as base64 of their little-endian bytes: a third of the size of a JSON number
 * list for motion, and exact.
 */
type Columns<T> = {
  [K in keyof T]: T[K] extends ArrayBufferView ? string : T[K];
};

interface FileSession {
  readonly session: SessionRow;
  readonly sets: readonly SetRow[];
  readonly events: readonly EventRow[];
  readonly heartRate: readonly Columns<HeartRateChunkRow>[];
  readonly motion: readonly Columns<MotionChunkRow>[];
}

// The file is one JSON object, laid out one session to a line:
//   {"format":"backbeat-sessions","version":2,"exportedAt":"…","sessions":[
//   {…the first session…},
//   {…the second…}
//   ]}
// so that any JSON reader reads it whole, and Backbeat writes and reads it a session at a time: a
// backup of years never has to be one string (JSON.stringify never writes a raw line break).
const HEADER_END = '"sessions":[';
export const FILE_FOOTER = '\n]}\n';

/** The file's first line. */
/**
 * What a backup keeps beside the sessions: the settings and what the app learned of how the person
 * moves, as the app stores them (each read back by the app's own checks, which repair anything odd).
 */
export interface Preferences {
  readonly settings?: unknown;
  readonly personalTuning?: unknown;
  /**
   * How long raw motion is kept, as the store keeps it. Added within format 2 rather than as a
   * format 3: an older Backbeat reads only the preferences it knows and passes over this one, where a
   * new version number would make it refuse the whole backup. A backup without it leaves the setting
   * where it is restored as it was.
   */
  readonly motionRetention?: unknown;
}

export function fileHeader(exportedAt = new Date(), preferences?: Preferences): string {
  const head = JSON.stringify({
    format: JSON_FORMAT,
    version: JSON_FORMAT_VERSION,
    exportedAt,
    ...(preferences ? { preferences } : {}),
  });
  return `${head.slice(0, -1)},${HEADER_END}`;
}

/** One session's line; every line but the first is preceded by a separator. */
export function sessionLine(bundle: SessionBundle, first: boolean): string {
  const file: FileSession = {
    session: { ...bundle.session, summary: summaryInFile(bundle.session.summary) },
    sets: bundle.sets,
    events: bundle.events,
    heartRate: bundle.heartRate.map((c) => ({
      ...c,
      tMs: toBase64(c.tMs),
      bpm: toBase64(c.bpm),
      rrCount: toBase64(c.rrCount),
      rrMs: toBase64(c.rrMs),
    })),
    motion: bundle.motion.map((c) => ({
      ...c,
      frameT0Ms: toBase64(c.frameT0Ms),
      frameDtMs: toBase64(c.frameDtMs),
      frameLength: toBase64(c.frameLength),
      mg: toBase64(c.mg),
    })),
  };
  return `${first ? '\n' : ',\n'}${JSON.stringify(file)}`;
}

export function toJson(bundles: readonly SessionBundle[], exportedAt = new Date()): string {
  return fileHeader(exportedAt) + bundles.map((b, i) => sessionLine(b, i === 0)).join('') + FILE_FOOTER;
}

/**
 * The summary as a file keeps it: the reps alone in reps and the breath cycles in breaths, where the
 * store keeps their sum in reps, so that a program reading the file does not take a bat hang's breaths
 * for reps. A session kept before its breaths were told apart (no breaths) has only the sum to give.
 */
function summaryInFile(summary: SessionSummary): SessionSummary {
  return summary.breaths === undefined ? summary : { ...summary, reps: summary.reps - summary.breaths };
}

/** What a file gave, and the fields in it that this version does not know but kept as they were. */
export interface ReadSessions {
  readonly bundles: SessionBundle[];
  readonly unknownFields: string[];
  /** What of the file could not be read and was put right, in words (see readSnapshot). */
  readonly putRight: string[];
  /** A backup's settings and what was learned of the person, when it has them. */
  readonly preferences: Preferences | null;
  /** What is wrong with the settings, where they could not be read and were left out (see checkHeader). */
  readonly preferencesUnread: string | null;
}

/**
 * Reads a whole file written by toJson. Throws ImportError, naming the first thing that is wrong.
 * `now` (epoch ms): a session's time away (a gap) can be no longer than from its start to now.
 */
export function fromJson(text: string, now: number): SessionBundle[] {
  return readJson(text, now).bundles;
}

/**
 * `damaged`: where a session of a backup otherwise whole is damaged, it is told there and left out,
 * not the whole file refused (see DamagedSession).
 */
export function readJson(text: string, now: number, damaged?: DamagedSession[]): ReadSessions {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw notJson(text);
  }
  const unknownFields: string[] = [];
  const putRight: string[] = [];
  const root = new Reader(data, 'file', unknownFields, putRight);
  const { preferences, version, preferencesUnread } = checkHeader(root);
  const sessions = root.field('sessions');
  const list: unknown[] = Array.isArray(sessions.value) ? sessions.value : sessions.fail('should be a list');
  const bundles = list
    .map((value, index) => readSessionAt(value, index, { now, unknownFields, putRight, damaged }, version))
    .filter((bundle) => bundle !== null);
  return { bundles, unknownFields, putRight, preferences, preferencesUnread };
}

/**
 * A session of a backup that cannot be read, in a file otherwise whole: the rest of it can be imported
 * without it, once the person has chosen to (see partlyDamagedWords).
 */
export interface DamagedSession {
  /** Counted from 1, as the file's sessions are to a person. */
  readonly session: number;
  /** What is wrong, and where in the session: "set 1: \"count\" should be a number". */
  readonly problem: string;
  /** The refusal this damage alone gave, for a file of this session alone. */
  readonly message: string;
}

/**
 * Reads the session at `index` (from 0), with what it has put right and its unknown fields told only
 * when it is read whole. Damaged, it is told in `damaged` and null, where one is given; else refused.
 */
function readSessionAt(
  value: unknown,
  index: number,
  options: {
    now: number;
    unknownFields: string[];
    putRight: string[];
    damaged: DamagedSession[] | undefined;
  },
  version: number,
): SessionBundle | null {
  // A session left out puts nothing right and keeps no field: what it would have said goes with it.
  const unknown: string[] = [];
  const right: string[] = [];
  try {
    const bundle = readBundle(
      new Reader(value, `file.sessions[${index}]`, unknown, right),
      options.now,
      version,
    );
    options.unknownFields.push(...unknown);
    options.putRight.push(...right);
    return bundle;
  } catch (error) {
    if (!options.damaged || !(error instanceof DamagedField)) throw error;
    const { where, what } = placeOf(error.path);
    const within = where.replace(/^session \d+(, )?/, '');
    options.damaged.push({
      session: index + 1,
      problem: `${within ? `${within}: ` : ''}${what} ${error.problem}`,
      message: error.message,
    });
    return null;
  }
}

/**
 * The damaged sessions of a file, the first two named with what is wrong and then how many more, as
 * the notice of pauses left out tells them: "session 3 (set 1: …), session 9 (…) and 4 more".
 */
export function damagedSessionsNamed(damaged: readonly DamagedSession[]): string {
  const named = damaged.slice(0, 2).map((d) => `session ${d.session} (${d.problem})`);
  if (damaged.length <= 2) return named.join(' and ');
  return `${named.join(', ')} and ${damaged.length - 2} more`;
}

/**
 * The words of a backup some of whose sessions are damaged, read to its end and nothing imported: why,
 * and the button that imports the `adding` of its `readable` others not here yet (the rest are here
 * already, and would be kept as they are), without the damaged ones; no button where there are none.
 * `whenFull`: what the choice says once storage had no room for them, its button kept.
 */
export function partlyDamagedWords(
  damaged: readonly DamagedSession[],
  readable: number,
  adding = readable,
): { notice: string; button: string | null; whenFull: string } {
  const all = damaged.length + readable;
  const named = damagedSessionsNamed(damaged);
  if (readable === 0) {
    return {
      notice:
        damaged.length === 1
          ? damaged[0]!.message
          : `This file is damaged: none of its ${all} sessions can be read, ${named}. Nothing was imported.`,
      button: null,
      whenFull: '',
    };
  }
  const which =
    damaged.length === 1
      ? `session ${damaged[0]!.session} of its ${all} cannot be read (${damaged[0]!.problem})`
      : `${damaged.length} of its ${all} sessions cannot be read, ${damagedSessionsNamed(damaged)}`;
  const without = `without ${damaged.length === 1 ? 'it' : 'them'}`;
  const here = readable - adding;
  if (adding === 0) {
    return {
      notice: `This file is damaged: ${which}. Nothing was imported: ${readable === 1 ? 'the other one is' : `the other ${readable} are`} here already.`,
      button: null,
      whenFull: '',
    };
  }
  // A count of the others alone would promise sessions the import then finds here and keeps as they are.
  const { can, button, sessions } =
    here === 0
      ? {
          can: `${readable === 1 ? 'the other one' : `the other ${readable}`} can be, ${without}`,
          button: readable === 1 ? 'Import the other one' : `Import the other ${readable}`,
          sessions: readable === 1 ? 'the other session' : `the other ${readable} sessions`,
        }
      : {
          can: `of the other ${readable}, ${adding === 1 ? 'the one' : `the ${adding}`} not here yet can be, ${without}; ${here} ${here === 1 ? 'is' : 'are'} here already`,
          button: adding === 1 ? 'Import the one not here yet' : `Import the ${adding} not here yet`,
          sessions: adding === 1 ? 'the session not here yet' : `the ${adding} sessions not here yet`,
        };
  return {
    notice: `This file is damaged: ${which}. Nothing was imported: ${can}.`,
    button,
    // The choice stays for a tap once there is room, the file picked already: the words say so.
    whenFull: `Storage is full, so nothing was imported: ${sessions} did not fit, and the sessions here are as they were. Free some space on the device, then tap ${button} again; ${named} ${damaged.length === 1 ? 'stays' : 'stay'} out as damaged.`,
  };
}

const RECORDING_NOT_SESSIONS =
  'This is a recording of what a device sent, not a file of sessions: replay it from the device menu (Replay a recording). Nothing was imported.';

/** Checks the file is a backup this version can read whole; gives its version and the preferences it keeps. */
function checkHeader(root: Reader): {
  preferences: Preferences | null;
  version: number;
  preferencesUnread: string | null;
} {
  if (root.field('format').value === RECORDING_FORMAT) {
    throw new ImportError(RECORDING_NOT_SESSIONS);
  }
  if (root.field('format').value !== JSON_FORMAT) {
    throw new ImportError(
      'This is not a Backbeat backup: import a backup made in History, or a session exported as JSON. Nothing was imported.',
    );
  }
  const version = root.field('version').number();
  if (version > JSON_FORMAT_VERSION) {
    throw new ImportError(
      `This file was written by a newer Backbeat (format ${version}); update the app to import it. Nothing was imported.`,
    );
  }
  const extra = Object.keys(root.object()).filter(
    (key) => !['format', 'version', 'exportedAt', 'preferences', 'sessions'].includes(key),
  );
  // Fields beside the sessions have nowhere to be kept: refuse rather than lose them.
  if (extra.length > 0) {
    throw new ImportError(
      `This file holds more than this version of Backbeat can keep (${extra.map((k) => `file.${k}`).join(', ')}); update the app to import it. Nothing was imported.`,
    );
  }
  if (!root.has('preferences')) return { preferences: null, version, preferencesUnread: null };
  // The settings are the device's, apart from the sessions: ones that cannot be read are left out and
  // told, the sessions read as ever, and this device keeps its own. Read as anything else, a setting
  // that is no object would be offered as every setting put back to what it is at first.
  const unread = (error: unknown) => {
    if (!(error instanceof DamagedField)) throw error;
    return `${placeOf(error.path).what} ${error.problem}`;
  };
  let preferences: Record<string, unknown>;
  try {
    preferences = root.field('preferences').object();
  } catch (error) {
    return { preferences: null, version, preferencesUnread: unread(error) };
  }
  const found: { settings?: unknown; personalTuning?: unknown; motionRetention?: unknown } = {};
  let preferencesUnread: string | null = null;
  for (const key of ['settings', 'personalTuning', 'motionRetention'] as const) {
    if (preferences[key] === undefined) continue;
    try {
      root.field('preferences').field(key).object();
      found[key] = preferences[key];
    } catch (error) {
      preferencesUnread ??= unread(error);
    }
  }
  return { preferences: found, version, preferencesUnread };
}

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

/**
 * Why a file that is not JSON cannot be imported. Backbeat's own CSV and FIT exports are the likely
 * mistakes (they sit beside its backups in the downloads folder), so they are named as such.
 */
function notJson(text: string): ImportError {
  if (text.trim() === '') return new ImportError('This file is empty. Nothing was imported.');
  const unmarked = text.replace(/^\uFEFF/, '');
  if (unmarked.startsWith(CSV_COLUMNS.slice(0, 2).join(','))) {
    return new ImportError(
      'This is a CSV export, for other workout apps: Backbeat imports only its own backups (JSON). Nothing was imported.',
    );
  }
  // A FIT file names itself in bytes 8–11 of its header (decoded as text, the bytes before may shift it).
  if (text.slice(0, 16).includes('.FIT')) {
    return new ImportError(
      'This is a FIT export, for Garmin Connect or Strava: Backbeat imports only its own backups (JSON). Nothing was imported.',
    );
  }
  // A backup opens with "{": as UTF-16, read as UTF-8, a zero byte beside it (after a byte-order mark
  // that UTF-8 cannot read).
  const start = text.replace(/^\uFFFD\uFFFD/, '').slice(0, 2);
  if (start === '{\u0000' || start === '\u0000{') {
    return new ImportError(
      'This file was saved again as UTF-16 text by another program; Backbeat reads its backups as it saved them (UTF-8). Import the file as Backbeat saved it, or save it as UTF-8. Nothing was imported.',
    );
  }
  // A backup cut short still opens as one; a picture or a document does not open with "{" at all.
  if (!unmarked.trimStart().startsWith('{')) {
    return new ImportError(
      'This is not a Backbeat backup: Backbeat imports only the backups (JSON) it saved itself. Nothing was imported.',
    );
  }
  const opening = formatOpening(unmarked);
  if (opening === 'recording') return new ImportError(RECORDING_NOT_SESSIONS);
  if (opening === 'backup' && endsOpen(unmarked)) {
    const where = /"sessions"\s*:\s*\[/.test(unmarked)
      ? 'partway through its sessions'
      : 'before its first session';
    return new ImportError(
      `This file is incomplete: it stops ${where}, its last words cut off (was it cut short while being saved or copied?). Nothing was imported.`,
    );
  }
  if (opening === 'backup') {
    return new ImportError(
      'This file is damaged: it begins as a Backbeat backup, but its text is broken and cannot be read. Nothing was imported.',
    );
  }
  return new ImportError(
    'This is not a Backbeat file, or it is damaged: it cannot be read as a backup. Nothing was imported.',
  );
}

/**
 * Which of Backbeat's files a text opens as, by its first field, "format" (a backup's and a
 * recording's both come first), even when the text stops inside it: null when it names neither, or
 * stops before it tells.
 */
function formatOpening(text: string): 'backup' | 'recording' | null {
  const named = /^\s*\{\s*"format"\s*:\s*"([^"]*)("?)/.exec(text);
  if (!named) return null;
  const [, format, closed] = named;
  const names = (whole: string) =>
    closed ? format === whole : format.length >= 'backbeat-'.length && whole.startsWith(format);
  if (names(JSON_FORMAT)) return 'backup';
  if (names(RECORDING_FORMAT)) return 'recording';
  return null;
}

/**
 * Whether a text stops inside a string, an object or an array, as one cut short does; a text broken
 * in the middle has its brackets closed at the end (or closes them before it).
 */
function endsOpen(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      // The whole value closed with text still to come: not cut short.
      if (depth <= 0) return false;
    }
  }
  return inString || depth > 0;
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

function readBundle(r: Reader, now: number, version: number): SessionBundle {
  const session = readSession(r.field('session'), now + DAY_MS, version);
  const own = <T extends { sessionId: string }>(row: T, at: Reader): T => {
    if (row.sessionId !== session.id) at.fail(`belongs to session ${row.sessionId}, not ${session.id}`);
    return row;
  };
  const sets = r.field('sets').array((s) => own(readSet(s), s));
  // The events log what the detectors and the voice said as the session ran, and the heart-rate chunks
  // its readings: the sets keep what was done, so one that cannot be read is left out and said, as a
  // chunk of raw motion is, where it kept the whole session out.
  const events = r
    .field('events')
    .array((e) => e.orPutRight((x) => own(readEvent(x), x), 'that event was left out'))
    .filter((event) => event !== null);
  const heartRate = r
    .field('heartRate')
    .array((c) => c.orPutRight((h) => own(readHeartRate(h), h), 'that part of its heart rate was left out'))
    .filter((chunk) => chunk !== null);
  // Raw motion is what the session's counts were made from, not what it keeps of them: a chunk that
  // cannot be read is left out and said, the session's sets, holds and heart rate imported whole, where
  // it kept the whole session, and with it every other in the file, out.
  const motion = r
    .field('motion')
    .array((c) => c.orPutRight((m) => own(readMotion(m), m), 'that part of its raw motion was left out'))
    .filter((chunk) => chunk !== null);
  r.refuseUnknown(['session', 'sets', 'events', 'heartRate', 'motion']);
  // A backup written before the time held was totalled in whole seconds carries the sum of the
  // milliseconds, and one written before the sets cut short were counted calls them done: the
  // session's time held is what its holds' rows add up to, and its sets (and a bird dog's reps per
  // side, told as a total before, and the time held in holds broken by a pause, not told before) are
  // counted from their rows, as on upgrade.
  const summary = { ...withSetsRecounted(session.summary, sets), holdMs: summaryHoldMs(sets) };
  const same =
    summary.holdMs === session.summary.holdMs &&
    summary.skipped === session.summary.skipped &&
    summary.cutShort === session.summary.cutShort &&
    summary.pausedHoldMs === session.summary.pausedHoldMs &&
    JSON.stringify(summary.perSide) === JSON.stringify(session.summary.perSide);
  return { session: same ? session : { ...session, summary }, sets, events, heartRate, motion };
}

const EXERCISE_IDS = PROGRAM.map((e) => e.id);

const DAY_MS = 24 * 3600 * 1000;
// The times and lengths of time a session can have. A start 30,000 years ago or a session of −5 s
// would be listed as such and break the weekly charts, which draw every week from the first to the
// last. A device's clock can be wrong, though (reset to 1970, or years ahead), and what the app
// recorded by it must restore: any start from 1970 to 2100 is one it may have written.
const EARLIEST_START_MS = 0;
const LATEST_START_MS = Date.UTC(2100, 0, 1);
const WALL_TIME = 'should be a time from 1970 to 2100';
/** Above any heart rate (the app keeps none over 250 bpm): one edited to 5000 would flatten the charts. */
const MAX_BPM = 300;
const HEART_RATE = 'should be a heart rate from 0 to 300 bpm';
const RECOVERY = 'should be a change of heart rate from −300 to 300 bpm';
/** A month: longer than any session, even one left paused in an open tab over a holiday. */
const MAX_SESSION_MS = 31 * DAY_MS;
const LENGTH = 'should be a length of time from 0 to 31 days';
const IN_SESSION = 'should be a time within the session, from its start to 31 days after';
const timeInSession = (t: Reader) => t.within(0, MAX_SESSION_MS, IN_SESSION);
const maybeTimeInSession = (t: Reader) => t.nullable(timeInSession);
const WEIGHT = `should be a weight from ${LIMITS.weightKg.min} to ${LIMITS.weightKg.max} kg`;

/** A session row; `latest` (epoch ms) is the latest its time away (gaps) can have lasted until. */
function readSession(r: Reader, latest: number, version: number): SessionRow {
  const summary = r.field('summary');
  const snapshot = r.field('snapshot');
  const startedAt = r.field('startedAt').within(EARLIEST_START_MS, LATEST_START_MS, WALL_TIME);
  // The app may have been closed for longer than any session lasts: a gap is only bounded by now.
  const gaps = r.field('gaps').array((g) =>
    g.keep({
      atMs: timeInSession(g.field('atMs')),
      gapMs: g.field('gapMs').within(
        0,
        // A clock that was ahead when the session was recorded may put its start after now.
        Math.max(latest - startedAt, MAX_SESSION_MS),
        'should be a length of time from 0 to the time since the session began',
      ),
    }),
  );
  const timeAwayMs = gaps.reduce((sum, gap) => sum + gap.gapMs, 0);
  const breaths = summary.has('breaths')
    ? summary.field('breaths').count(MAX_SESSION_SETS * MAX_SET_COUNT)
    : null;
  const plan = r.field('plan').array((p) => {
    const dosage = p.field('dosage');
    return p.keep({
      exerciseId: p.field('exerciseId').oneOf(EXERCISE_IDS),
      dosage: dosage.keep({
        sets: dosage.field('sets').number(),
        target: dosage.field('target').number(),
        restS: dosage.field('restS').number(),
        ...(dosage.has('weightKg') ? { weightKg: dosage.field('weightKg').number() } : {}),
      }),
      ...(p.has('firstHoldLastTimeS') ? { firstHoldLastTimeS: p.field('firstHoldLastTimeS').number() } : {}),
      ...(p.has('sayHow') ? { sayHow: p.field('sayHow').boolean() } : {}),
    });
  });
  const saved = snapshot.value === null ? { snapshot: null } : readSnapshot(snapshot, plan.length);
  // A backup of a session imported without its saved state keeps its pauses beside it.
  const pauses = saved.pauses ?? (r.has('pauses') ? readPauses(r.field('pauses')) : null);
  return r.keep({
    id: r.field('id').string(),
    startedAt,
    // Files from before sessions kept their offset: the zone they are imported in is the best guess.
    utcOffsetMin: r.has('utcOffsetMin')
      ? r.field('utcOffsetMin').utcOffsetMin()
      : localUtcOffsetMin(startedAt),
    ...(r.has('endUtcOffsetMin') ? { endUtcOffsetMin: r.field('endUtcOffsetMin').utcOffsetMin() } : {}),
    endedAt: r
      .field('endedAt')
      .nullable((v) =>
        v.within(
          startedAt,
          startedAt + MAX_SESSION_MS + timeAwayMs,
          "should be a time from the session's start to 31 days after, besides the time the app was closed",
        ),
      ),
    status: r.field('status').oneOf(['active', 'finished'] as const),
    updatedAt: r.field('updatedAt').within(EARLIEST_START_MS, LATEST_START_MS, WALL_TIME),
    plan,
    snapshot: saved.snapshot,
    ...(pauses ? { pauses } : {}),
    summary: summary.keep({
      durationMs: summary.field('durationMs').within(0, MAX_SESSION_MS, LENGTH),
      sets: summary.field('sets').count(MAX_SESSION_SETS),
      ...(summary.has('skipped') ? { skipped: summary.field('skipped').count(MAX_SESSION_SETS) } : {}),
      ...(summary.has('cutShort') ? { cutShort: summary.field('cutShort').count(MAX_SESSION_SETS) } : {}),
      // Kept as the store keeps it, the reps and breath cycles together (see summaryInFile).
      reps:
        summary.field('reps').count(MAX_SESSION_SETS * MAX_SET_COUNT) +
        (version >= REPS_APART_FROM_BREATHS && breaths !== null ? breaths : 0),
      ...(breaths !== null ? { breaths } : {}),
      holdMs: summary.field('holdMs').within(0, MAX_SESSION_MS, LENGTH),
      ...(summary.has('pausedHoldMs')
        ? { pausedHoldMs: summary.field('pausedHoldMs').within(0, MAX_SESSION_MS, LENGTH) }
        : {}),
      // Figures of the heart rate alone: one that cannot be read is told and left out, as a session
      // with no strap has none, and the rest of the session is as true without it.
      avgBpm: heartFigure(summary.field('avgBpm'), (v) => v.within(0, MAX_BPM, HEART_RATE)),
      maxBpm: heartFigure(summary.field('maxBpm'), (v) => v.within(0, MAX_BPM, HEART_RATE)),
      recoveryBpm: heartFigure(summary.field('recoveryBpm'), (v) => v.within(-MAX_BPM, MAX_BPM, RECOVERY)),
      ...(summary.has('weights')
        ? {
            weights: summary.field('weights').array((w) =>
              w.keep({
                exerciseId: w.field('exerciseId').oneOf(EXERCISE_IDS),
                kg: w.field('kg').within(LIMITS.weightKg.min, LIMITS.weightKg.max, WEIGHT),
              }),
            ),
          }
        : {}),
      ...(summary.has('perSide')
        ? {
            perSide: summary.field('perSide').array((p) =>
              p.keep({
                exerciseId: p.field('exerciseId').oneOf(EXERCISE_IDS),
                right: p.field('right').count(MAX_SESSION_SETS * MAX_SET_COUNT),
                left: p.field('left').count(MAX_SESSION_SETS * MAX_SET_COUNT),
              }),
            ),
          }
        : {}),
    }),
    sources: r.field('sources').array((s) =>
      s.keep({
        id: s.field('id').string(),
        name: s.field('name').string(),
        kind: s.field('kind').oneOf(['virtual', 'bluetooth', 'replay', 'phone'] as const),
        placement: s.field('placement').nullable((p) => p.oneOf(PLACEMENTS)),
      }),
    ),
    gaps,
    ...(r.has('motionBytes') ? { motionBytes: r.field('motionBytes').number() } : {}),
    ...(r.has('motionDropped') ? { motionDropped: r.field('motionDropped').boolean() } : {}),
    ...(r.has('writer') ? { writer: r.field('writer').string() } : {}),
  });
}

/** A heart-rate figure of the summary, null where there is none or it cannot be read (told). */
function heartFigure(r: Reader, read: (r: Reader) => number): number | null {
  return r.orPutRight((v) => v.nullable(read), 'it was left out');
}

/**
 * A session's saved state as read: its snapshot, or null where it was left out, and then the pauses
 * in it that could be read on their own, which the session keeps apart (see SessionRow.pauses).
 */
interface SavedState {
  readonly snapshot: StateSnapshot | null;
  readonly pauses?: DevicePause[];
}

/**
 * The snapshot serves to resume on the device that recorded it, and a finished session's end and
 * pauses are read from it. What every snapshot has (where the session was, and when) is checked, and
 * the snapshot is left out as a whole where any of it cannot be read: a session cannot be resumed from
 * a state it never was in (an exercise past its plan, a time of NaN), and History, the summary and the
 * exports read the session from its sets, heart rate and summary without one, as they do for a session
 * saved before snapshots were kept. Its pauses over, each checked on its own, are kept even so: they
 * are the session's record of when it stood still (a device's drops told in History, the CSV and the
 * FIT timer), not where to resume. What a snapshot may lack (its pause and what the pause was for, its
 * pauses over) is left out alone where it cannot be read, the rest kept. Either is said.
 */
function readSnapshot(r: Reader, planLength: number): SavedState {
  const saved = r.orPutRight((s) => s.object(), 'its saved state was left out');
  if (!saved) return { snapshot: null };
  const {
    pauses: _,
    pausedForDevice: _device,
    pausedAtMs: _at,
    pausedToAsk: _ask,
    pausedFor: _for,
    ...rest
  } = saved;
  const pauses = r.has('pauses') ? readPauses(r.field('pauses')) : null;
  const whereItWas = r.orPutRight(
    (s) => ({
      phase: s.field('phase').oneOf(SESSION_PHASES),
      exerciseIndex: s.field('exerciseIndex').count(Math.max(planLength - 1, 0)),
      set: s.field('set').nullable(readCurrentSet),
      restEndsMs: maybeTimeInSession(s.field('restEndsMs')),
      nowMs: timeInSession(s.field('nowMs')),
      startedMs: maybeTimeInSession(s.field('startedMs')),
      endedMs: maybeTimeInSession(s.field('endedMs')),
    }),
    pauses?.length ? 'its saved state was left out, its pauses kept' : 'its saved state was left out',
  );
  if (!whereItWas) return pauses?.length ? { snapshot: null, pauses } : { snapshot: null };
  const pausedAtMs = r.has('pausedAtMs')
    ? r.orPutRight((s) => maybeTimeInSession(s.field('pausedAtMs')), 'it was left out')
    : null;
  // What the pause was for goes with it: a session that is not paused was paused for nothing.
  const pausedFor = pausedAtMs !== null ? readPausedFor(r) : {};
  const snapshot = {
    ...rest,
    ...whereItWas,
    ...(r.has('pausedAtMs') ? { pausedAtMs } : {}),
    ...pausedFor,
    ...(pauses ? { pauses } : {}),
  } as unknown as StateSnapshot;
  return { snapshot };
}

/** A session's pauses over, each left out alone where it cannot be read, or all where the list cannot be (told). */
function readPauses(r: Reader): DevicePause[] | null {
  const pauses = r.orPutRight((list) => list.array(readPause), 'its pauses were left out');
  return pauses?.filter((pause) => pause !== null) ?? null;
}

const SESSION_PHASES = ['ready', 'set', 'rest', 'summary'] as const;

/** Why the snapshot's session is paused, each part left out alone where it cannot be read (told). */
function readPausedFor(r: Reader): Pick<StateSnapshot, 'pausedToAsk' | 'pausedFor' | 'pausedForDevice'> {
  const pausedToAsk = r.has('pausedToAsk')
    ? r.orPutRight((s) => s.field('pausedToAsk').boolean(), 'it was left out')
    : null;
  const pausedFor = r.has('pausedFor')
    ? r.orPutRight((s) => s.field('pausedFor').oneOf(PAUSE_REASONS), 'it was left out')
    : null;
  // Left out, the pause stands as one kept before its device was: the page that resumes it finds
  // the device by itself, where a word no device is worn at would be given to the words that name it.
  const pausedForDevice =
    pausedFor && r.has('pausedForDevice')
      ? r.orPutRight((s) => s.field('pausedForDevice').oneOf(PLACEMENTS), 'it was left out')
      : null;
  return {
    ...(pausedToAsk ? { pausedToAsk: true as const } : {}),
    ...(pausedFor ? { pausedFor } : {}),
    ...(pausedForDevice ? { pausedForDevice } : {}),
  };
}

const PAUSE_REASONS = ['connection', 'lost', 'replay'] as const;

/**
 * The set under way: what the session screens and the reducer read of every set is checked, and the
 * set's state is left out with it where any of it cannot be read. What only some sets have (see
 * SET_OPTIONAL_FIELDS) is left out alone where it cannot be read, as sets saved before it was kept
 * lack it, and the rest of the set is kept: resumed, a value of the wrong kind would break the set
 * (a rep's time added to rep times that are a number stops the count).
 */
function readCurrentSet(r: Reader): CurrentSet {
  const sides = r.field('sides');
  const optional: Record<string, unknown> = {};
  for (const [key, read] of Object.entries(SET_OPTIONAL_FIELDS)) {
    if (!r.has(key)) continue;
    // Wrapped, so that a null the field may hold is told from one that could not be read.
    const value = r.orPutRight(
      (s) => ({ read: read(s.field(key)) }),
      key === 'repGapsMs' ? "the set's rep times were left out" : 'it was left out',
    );
    if (value) optional[key] = value.read;
  }
  const others = Object.fromEntries(
    Object.entries(r.object()).filter(([key]) => !Object.hasOwn(SET_OPTIONAL_FIELDS, key)),
  );
  return {
    ...others,
    ...optional,
    setNumber: r
      .field('setNumber')
      .within(1, MAX_SESSION_SETS, `should be a set number from 1 to ${MAX_SESSION_SETS}`),
    startedMs: timeInSession(r.field('startedMs')),
    count: r.field('count').count(MAX_SET_COUNT),
    sides: {
      left: sides.field('left').count(MAX_SET_COUNT),
      right: sides.field('right').count(MAX_SET_COUNT),
    },
    lastProgressMs: timeInSession(r.field('lastProgressMs')),
    holdStartMs: maybeTimeInSession(r.field('holdStartMs')),
    peakDeg: r.field('peakDeg').nullable((d) => d.number()),
    ...(r.has('formIssues') ? { formIssues: r.field('formIssues').array((f) => f.oneOf(FORM_ISSUES)) } : {}),
  } as CurrentSet;
}

const POSTURES = ['upright', 'face-down', 'face-up', 'side'] as const;

const yesOrNo = (b: Reader) => b.boolean();
// Read as a finished set's are (see readSet).
const tapCount = (n: Reader) => n.number();

/** The fields of CurrentSet that only some sets have, each with how it is read. */
const SET_OPTIONAL_FIELDS: Readonly<Record<string, (r: Reader) => unknown>> = {
  waiting: yesOrNo,
  wrongPosture: (p) => p.nullable((v) => v.oneOf(POSTURES)),
  warnedMs: maybeTimeInSession,
  warnedTimes: (n) => n.count(MAX_SET_COUNT),
  leftMs: maybeTimeInSession,
  inPosition: yesOrNo,
  startSeen: (s) => s.oneOf(['position', 'stillness'] as const),
  begunByHand: yesOrNo,
  heldSinceMs: maybeTimeInSession,
  goHeardMs: timeInSession,
  goSaidMs: timeInSession,
  ranBeforeInterruption: yesOrNo,
  workBeganMs: timeInSession,
  repGapsMs: (list) => list.array((gap) => gap.within(0, MAX_SESSION_MS, LENGTH)),
  holdConfirmedMs: timeInSession,
  settlingInMs: timeInSession,
  settledMs: timeInSession,
  atTopSinceMs: maybeTimeInSession,
  leftTopMs: timeInSession,
  deviceAway: yesOrNo,
  countedAway: tapCount,
  countedByHand: tapCount,
  takenOver: readTakenOver,
  formWarning: (w) =>
    w.nullable((v) =>
      v.keep({ issue: v.field('issue').oneOf(FORM_ISSUES), atMs: timeInSession(v.field('atMs')) }),
    ),
  corrections: tapCount,
  afterRecovery: yesOrNo,
  pausedInHold: yesOrNo,
  noRestBefore: yesOrNo,
};

/**
 * A pause of the session. One that cannot be timed (a start or length no session can have) is left
 * out, and one whose mark of a device's drop is no true or false reads as the person's own, as a
 * pause kept before drops were marked: each says so (see Reader.orPutRight), and the rest of the
 * session, and every other session, is imported as it is, where one such pause made the file's
 * sessions read wrong (a drop's time of NaN s) or refused whole.
 */
function readPause(r: Reader): DevicePause | null {
  const timed = r.orPutRight(
    (p) => ({
      atMs: timeInSession(p.field('atMs')),
      ms: p.field('ms').within(0, MAX_SESSION_MS, LENGTH),
    }),
    'the pause was left out',
  );
  if (!timed) return null;
  const mark = (key: 'deviceDropped' | 'deviceLost') =>
    r.has(key) && r.orPutRight((p) => p.field(key).boolean(), 'the pause reads as your own') === true
      ? true
      : undefined;
  const seenMs = r.has('seenMs')
    ? r.orPutRight(
        (p) => p.field('seenMs').within(0, timed.ms, 'should be a length of time within the pause'),
        'it was left out',
      )
    : null;
  // Absent in backups made before it was kept: the pause reads as said as a drop is.
  const saidAtOnce =
    r.has('saidAtOnce') && r.orPutRight((p) => p.field('saidAtOnce').boolean(), 'it was left out') === true;
  // Absent in backups made before it was kept: such a drop is said by the session's devices.
  const placement = r.has('placement')
    ? r.orPutRight((p) => p.field('placement').oneOf(PLACEMENTS), 'it was left out')
    : null;
  // Every field named, so that keep does not bring back as unknown one left out here.
  const pause = r.keep({
    ...timed,
    deviceDropped: mark('deviceDropped'),
    seenMs: seenMs ?? undefined,
    deviceLost: mark('deviceLost'),
    saidAtOnce: saidAtOnce ? (true as const) : undefined,
    placement: placement ?? undefined,
  });
  return Object.fromEntries(
    Object.entries(pause).filter(([, value]) => value !== undefined),
  ) as unknown as DevicePause;
}

const PLACEMENTS = ['chest', 'wrist', 'arm', 'phone'] as const;

const FORM_ISSUES = ['over-extension', 'tabletop-lost', 'plank-sag'] as const;
// Far above any plan the settings allow (10 sets of each of seven exercises), so that an older
// version's plan still reads, and far below what only an edit could make.
const MAX_SESSION_SETS = 1000;

function readSet(r: Reader): SetRow {
  const sides = r.field('sides');
  const startedMs = timeInSession(r.field('startedMs'));
  const endedMs = r
    .field('endedMs')
    .within(
      startedMs,
      MAX_SESSION_MS,
      "should be a time from the set's start to 31 days after the session's",
    );
  const set = r.keep({
    sessionId: r.field('sessionId').string(),
    index: r.field('index').number(),
    exerciseId: r.field('exerciseId').oneOf(EXERCISE_IDS),
    setNumber: r.field('setNumber').number(),
    target: r.field('target').number(),
    count: r.field('count').count(MAX_SET_COUNT),
    sides: sides.keep({
      left: sides.field('left').count(MAX_SET_COUNT),
      right: sides.field('right').count(MAX_SET_COUNT),
    }),
    holdMs: r.field('holdMs').nullable((v) => v.within(0, MAX_SESSION_MS, LENGTH)),
    peakDeg: r.field('peakDeg').nullable((v) => v.number()),
    startedMs,
    endedMs,
    // Absent in backups made before it was kept: such a set's work is timed from its start.
    ...(r.has('workBeganMs')
      ? {
          workBeganMs: r
            .field('workBeganMs')
            .within(
              startedMs,
              MAX_SESSION_MS,
              "should be a time from the set's start to 31 days after the session's",
            ),
        }
      : {}),
    endedBy: r.field('endedBy').oneOf(['target', 'stopped', 'form', 'skipped'] as const),
    formIssues: r.field('formIssues').array((f) => f.oneOf(FORM_ISSUES)),
    ...(r.has('corrections') ? { corrections: r.field('corrections').number() } : {}),
    ...(r.has('endedByHand') ? { endedByHand: r.field('endedByHand').boolean() } : {}),
    // Absent in backups made before a set skipped unbegun was told apart: such a set reads as begun.
    ...(r.has('neverBegun') ? { neverBegun: r.field('neverBegun').boolean() } : {}),
    ...(r.has('skippedUnderWay') ? { skippedUnderWay: r.field('skippedUnderWay').boolean() } : {}),
    ...(r.has('finishedUnderWay') ? { finishedUnderWay: r.field('finishedUnderWay').boolean() } : {}),
    ...(r.has('pausedInHold') && r.field('pausedInHold').boolean() ? { pausedInHold: true as const } : {}),
    ...(r.has('deviceAway') && r.field('deviceAway').boolean() ? { deviceAway: true as const } : {}),
    ...(r.has('countedAway') ? { countedAway: r.field('countedAway').number() } : {}),
    ...(r.has('countedByHand') ? { countedByHand: r.field('countedByHand').number() } : {}),
    // Absent in files made before it was kept, and where one device counted the set whole.
    ...(r.has('takenOver') ? { takenOver: readTakenOver(r.field('takenOver')) } : {}),
  });
  // Nothing was done in a set never begun: reps or a hold in it would count as done everywhere.
  if (set.neverBegun) {
    const neverBegun = 'in a set never begun ("neverBegun" is true)';
    if (set.count !== 0) r.field('count').fail(`should be 0 ${neverBegun}`);
    if (set.holdMs) r.field('holdMs').fail(`should be 0 or null ${neverBegun}`);
  }
  return set;
}

/** Which device took a set over part way through, from which, and how far the set had come. */
function readTakenOver(r: Reader): SetTakenOver {
  return r.keep({
    from: r.field('from').oneOf(PLACEMENTS),
    placement: r.field('placement').oneOf(PLACEMENTS),
    how: r.field('how').oneOf(['lost', 'stopped'] as const),
    countBefore: r.field('countBefore').count(MAX_SET_COUNT),
    heldMsBefore: r.field('heldMsBefore').nullable((v) => v.within(0, MAX_SESSION_MS, LENGTH)),
  });
}

function readEvent(r: Reader): EventRow {
  const data = r.field('data');
  const kind = data.field('kind').oneOf(['motion', 'cue'] as const);
  return r.keep({
    sessionId: r.field('sessionId').string(),
    seq: r.field('seq').number(),
    tMs: r.field('tMs').number(),
    data: data.keep(
      kind === 'cue'
        ? { kind, text: data.field('text').string() }
        : { kind, event: readMotionEvent(data.field('event')) },
    ),
  });
}

function readMotionEvent(r: Reader): Extract<EventRow['data'], { kind: 'motion' }>['event'] {
  const tMs = r.field('tMs').number();
  const emittedMs = r.field('emittedMs').number();
  const type = r
    .field('type')
    .oneOf(['rep', 'top', 'top-left', 'hold-start', 'hold-end', 'breath', 'form'] as const);
  switch (type) {
    case 'rep':
      return r.keep({
        type,
        tMs,
        emittedMs,
        startMs: r.field('startMs').number(),
        peakDeg: r.field('peakDeg').number(),
        ...(r.has('side') ? { side: r.field('side').oneOf(['left', 'right'] as const) } : {}),
      });
    case 'hold-end':
      return r.keep({
        type,
        tMs,
        emittedMs,
        reason: r.field('reason').oneOf(['left-pose', 'form'] as const),
      });
    case 'form':
      return r.keep({
        type,
        tMs,
        emittedMs,
        issue: r.field('issue').oneOf(FORM_ISSUES),
        ...(r.has('endsHold') ? { endsHold: r.field('endsHold').boolean() } : {}),
      });
    default:
      return r.keep({ type, tMs, emittedMs });
  }
}

function readHeartRate(r: Reader): HeartRateChunkRow {
  const row: HeartRateChunkRow = r.keep({
    sessionId: r.field('sessionId').string(),
    seq: r.field('seq').number(),
    sourceId: r.field('sourceId').string(),
    tMs: new Float64Array(r.field('tMs').bytes(8)),
    bpm: new Uint16Array(r.field('bpm').bytes(2)),
    rrCount: new Uint8Array(r.field('rrCount').bytes(1)),
    rrMs: new Uint16Array(r.field('rrMs').bytes(2)),
  });
  const rrTotal = row.rrCount.reduce((a, b) => a + b, 0);
  if (
    row.bpm.length !== row.tMs.length ||
    row.rrCount.length !== row.tMs.length ||
    rrTotal !== row.rrMs.length
  ) {
    r.fail('has columns of different lengths');
  }
  return row;
}

function readMotion(r: Reader): MotionChunkRow {
  const row: MotionChunkRow = r.keep({
    sessionId: r.field('sessionId').string(),
    seq: r.field('seq').number(),
    sourceId: r.field('sourceId').string(),
    frameT0Ms: new Float64Array(r.field('frameT0Ms').bytes(8)),
    frameDtMs: new Float32Array(r.field('frameDtMs').bytes(4)),
    frameLength: new Uint16Array(r.field('frameLength').bytes(2)),
    mg: new Int16Array(r.field('mg').bytes(2)),
  });
  const samples = row.frameLength.reduce((a, b) => a + b, 0);
  if (
    row.frameDtMs.length !== row.frameT0Ms.length ||
    row.frameLength.length !== row.frameT0Ms.length ||
    samples * 3 !== row.mg.length
  ) {
    r.fail('has frames that do not add up to its samples');
  }
  return row;
}

/**
 * Where a file is damaged, in words a person can find it by, and what is wrong there:
 * "file.sessions[0].sets[1].count" and "should be a number" read "This file is damaged (session 1,
 * set 2): "count" should be a number". The field keeps its name in the file, for whoever opens it.
 */
function damaged(path: string, problem: string): ImportError {
  const { where, what } = placeOf(path);
  return new DamagedField(
    `This file is damaged${where ? ` (${where})` : ''}: ${what} ${problem}. Nothing was imported.`,
    path,
    problem,
  );
}

/** A file damaged at one place: an ImportError, which an import that can put the place right catches. */
class DamagedField extends ImportError {
  constructor(
    message: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(message);
  }
}

/** A path in the file, in words: where ("session 1, set 2") and the field there ("\"count\"", or "it"). */
function placeOf(path: string): { where: string; what: string } {
  const places: string[] = [];
  let field: string[] = [];
  for (const part of path.split('.')) {
    const [name, ...indexes] = part.split('[');
    if (indexes.length === 0) {
      field.push(name);
      continue;
    }
    for (const index of indexes)
      places.push(`${PLACE_NAMES[name] ?? name} ${Number.parseInt(index, 10) + 1}`);
    field = [];
  }
  const named = field.filter((f) => f !== 'file');
  return { where: places.join(', '), what: named.length ? `"${named.join('.')}"` : 'it' };
}

/** The lists of the file, by what one item of each is. */
const PLACE_NAMES: Readonly<Record<string, string>> = {
  sessions: 'session',
  sets: 'set',
  events: 'event',
  heartRate: 'heart-rate chunk',
  motion: 'motion chunk',
  plan: 'plan entry',
  sources: 'device',
  formIssues: 'form issue',
  gaps: 'gap',
  weights: 'weight',
  perSide: 'count per side',
  pauses: 'pause',
  repGapsMs: 'rep time',
};

/** Walks untrusted JSON, remembering the path so that an error can say where the file is wrong. */
class Reader {
  constructor(
    readonly value: unknown,
    private readonly path: string,
    /** Where the fields this version does not know are listed, by path, as they are kept. */
    private readonly unknown: string[],
    /** Where what could not be read and was put right is told (see readSnapshot). */
    private readonly putRight: string[] = [],
  ) {}

  /**
   * Reads with `read`, or, where this place is damaged, tells where, what is wrong and what was done
   * about it (`so`): "session 1, pause 2: "atMs" should be a number, so the pause was left out"; null.
   */
  orPutRight<T>(read: (r: Reader) => T, so: string): T | null {
    try {
      return read(this);
    } catch (error) {
      if (!(error instanceof DamagedField)) throw error;
      const { where, what } = placeOf(error.path);
      this.putRight.push(`${where}: ${what} ${error.problem}, so ${so}`);
      return null;
    }
  }

  /**
   * The object read, with whatever else the file had at this place kept beside it: a newer version
   * may add fields, and an import must not lose them.
   */
  keep<T extends object>(known: T): T {
    const source = this.object();
    const extra = Object.keys(source).filter((key) => !(key in known) && source[key] !== undefined);
    if (extra.length === 0) return known;
    for (const key of extra) this.unknown.push(`${this.path}.${key}`);
    return { ...Object.fromEntries(extra.map((key) => [key, source[key]])), ...known };
  }

  /** Refuses fields this version has nowhere to keep. */
  refuseUnknown(known: readonly string[]): void {
    const extra = Object.keys(this.object()).filter((key) => !known.includes(key));
    if (extra.length > 0) {
      throw new ImportError(
        `This file holds more than this version of Backbeat can keep (${extra.map((k) => `${this.path}.${k}`).join(', ')}); update the app to import it. Nothing was imported.`,
      );
    }
  }

  fail(problem: string): never {
    throw damaged(this.path, problem);
  }

  object(): Record<string, unknown> {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) {
      this.fail('should be an object');
    }
    return this.value as Record<string, unknown>;
  }

  has(key: string): boolean {
    return this.object()[key] !== undefined;
  }

  field(key: string): Reader {
    return new Reader(this.object()[key], `${this.path}.${key}`, this.unknown, this.putRight);
  }

  string(): string {
    if (typeof this.value !== 'string') this.fail('should be text');
    return this.value;
  }

  boolean(): boolean {
    if (typeof this.value !== 'boolean') this.fail('should be true or false');
    return this.value;
  }

  number(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) this.fail('should be a number');
    return this.value;
  }

  /** A number from `min` to `max`, or the file is damaged with `problem`. */
  within(min: number, max: number, problem: string): number {
    const value = this.number();
    if (value < min || value > max) this.fail(problem);
    return value;
  }

  /** A count: a whole number from 0 to `max` (a file edited to −5 reps, or 9999, would skew every chart). */
  count(max: number): number {
    const value = this.number();
    if (!Number.isInteger(value) || value < 0 || value > max)
      this.fail(`should be a whole number from 0 to ${max}`);
    return value;
  }

  /**
   * A clock's offset from UTC, whole minutes: clocks run from 12 h behind to 14 h ahead, and the store
   * looks for a session's week within a day of its start (see weekStarts).
   */
  utcOffsetMin(): number {
    const value = this.number();
    if (!Number.isInteger(value) || value < -720 || value > 840)
      this.fail('should be a whole number of minutes from -720 to 840');
    return value;
  }

  oneOf<T extends string>(allowed: readonly T[]): T {
    if (!allowed.includes(this.value as T)) this.fail(`should be one of ${allowed.join(', ')}`);
    return this.value as T;
  }

  nullable<T>(read: (r: Reader) => T): T | null {
    return this.value === null ? null : read(this);
  }

  array<T>(read: (r: Reader) => T): T[] {
    if (!Array.isArray(this.value)) this.fail('should be a list');
    return this.value.map((item, i) =>
      read(new Reader(item, `${this.path}[${i}]`, this.unknown, this.putRight)),
    );
  }

  /** The bytes of a base64 column, checked to hold whole elements of the given size. */
  bytes(elementSize: number): ArrayBuffer {
    const bytes = fromBase64(this.string()) ?? this.fail('is not valid base64');
    if (bytes.byteLength % elementSize !== 0) this.fail(`does not hold whole ${elementSize}-byte values`);
    return littleEndianToNative(bytes, elementSize);
  }
}

const IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function littleEndianToNative(bytes: Uint8Array, elementSize: number): ArrayBuffer {
  const copy = bytes.slice();
  if (!IS_LITTLE_ENDIAN && elementSize > 1) {
    for (let i = 0; i < copy.length; i += elementSize) copy.subarray(i, i + elementSize).reverse();
  }
  return copy.buffer;
}

function toBase64(view: ArrayBufferView): string {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const elementSize = 'BYTES_PER_ELEMENT' in view ? (view.BYTES_PER_ELEMENT as number) : 1;
  const ordered = littleEndianToNative(bytes, elementSize);
  const u8 = new Uint8Array(ordered);
  let binary = '';
  // String.fromCharCode takes arguments on the stack: go in slices well below its limit.
  for (let i = 0; i < u8.length; i += 0x8000) binary += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
