// The format of a backup: its name, its versions, how its text is laid out, and its first line (the
// version, and the settings a backup keeps beside its sessions), checked before any session is read.

import { DamagedField, ImportError, placeOf, type Reader } from './reader.ts';

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
export const REPS_APART_FROM_BREATHS = 2;

/**
 * The format of a device's recording (protocol/recording.ts), named here rather than imported (export
 * reads workout types only): Backbeat's recordings are JSON files named like its backups.
 */
export const RECORDING_FORMAT = 'backbeat-recording';

// The file is one JSON object, laid out one session to a line:
//   {"format":"backbeat-sessions","version":2,"exportedAt":"…","sessions":[
//   {…the first session…},
//   {…the second…}
//   ]}
// so that any JSON reader reads it whole, and Backbeat writes and reads it a session at a time: a
// backup of years never has to be one string (JSON.stringify never writes a raw line break).
export const HEADER_END = '"sessions":[';
export const FILE_FOOTER = '\n]}\n';

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

export const RECORDING_NOT_SESSIONS =
  'This is a recording of what a device sent, not a file of sessions: replay it from the device menu (Replay a recording). Nothing was imported.';

/** Checks the file is a backup this version can read whole; gives its version and the preferences it keeps. */
export function checkHeader(root: Reader): {
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
