// Why a file that does not read as JSON is no backup to import: which file it is instead (an export, a
// recording, a file saved again in another encoding), or how it was cut short or broken.

import { CSV_COLUMNS } from '../csv.ts';
import { JSON_FORMAT, RECORDING_FORMAT, RECORDING_NOT_SESSIONS } from './format.ts';
import { ImportError } from './reader.ts';

/**
 * Why a file that is not JSON cannot be imported. Backbeat's own CSV and FIT exports are the likely
 * mistakes (they sit beside its backups in the downloads folder), so they are named as such.
 */
export function notJson(text: string): ImportError {
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
