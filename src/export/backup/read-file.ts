// Reads a whole file at once, each of its sessions checked and, where a backup's session is damaged and
// the import may go on without it, told and left out.

import type { SessionBundle } from '../../store/records.ts';
import type { DamagedSession } from './damaged-sessions.ts';
import { checkHeader, type Preferences } from './format.ts';
import { notJson } from './not-a-backup.ts';
import { readBundle } from './read-session.ts';
import { DamagedField, placeOf, Reader } from './reader.ts';

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
 * Reads the session at `index` (from 0), with what it has put right and its unknown fields told only
 * when it is read whole. Damaged, it is told in `damaged` and null, where one is given; else refused.
 */
export function readSessionAt(
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
