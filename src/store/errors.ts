// Why the store could not do what was asked, in words the app can show. Whatever the kind, the
// session in memory is untouched and can still be exported.

export type StoreErrorKind =
  /** The browser refused more data: the disk or the site's quota is full. */
  | 'quota'
  /** Another tab holds the database open at an older version, so this one cannot upgrade it. */
  | 'blocked'
  /** The data on this device was written by a newer version of the app; this page is an older copy. */
  | 'version'
  /** A newer version of the app, open in another tab, is upgrading the database; this tab must reload. */
  | 'upgraded'
  /** The session was moved to another tab, which records it from now on. */
  | 'moved'
  /** IndexedDB is missing or refused to open (private mode, storage disabled). */
  | 'unavailable'
  | 'unknown';

/**
 * How a person makes room where the store is full, with what Backbeat gives: the sessions waiting for
 * room are saved once it frees (see FullStoreCatchUp). Exporting alone left them to guess.
 */
export const MAKE_ROOM_IN_HISTORY = 'make room in History, deleting old sessions or freeing their raw motion';

// Shown above any screen: the store may stop before a session (a newer Backbeat's data met as the app
// opens, an upgrade in another tab while History is open), so the words that may come so speak of "a
// session here", not of "this session".
const MESSAGES: Record<StoreErrorKind, string> = {
  quota: `Storage is full, so this session is no longer being saved. It is still here: ${MAKE_ROOM_IN_HISTORY}, and it is saved; or export it before you close the app.`,
  blocked:
    'Backbeat is open in another tab with an older version. Close that tab, and this one saves sessions by itself, a session here so far with them; until then it is kept in memory only.',
  version:
    'The data saved on this device comes from a newer version of Backbeat than this page. Reload to get that version; until then nothing is saved, and a session here is kept in memory only: export it before you reload.',
  upgraded:
    'Backbeat was updated in another tab. Reload to keep saving; until then a session here goes on in memory only: export it before you reload.',
  moved: 'This session moved to another tab and is recorded there now. Nothing was lost.',
  unavailable:
    'This browser does not let Backbeat save data here (storage is off or private). Sessions stay in memory only: export them to keep them.',
  unknown: 'Saving failed. This session is still in memory: export it to keep it.',
};

/** The same in a line, for the screen of a set or a rest: what to do about it is said at the summary. */
const BRIEFS: Record<StoreErrorKind, string> = {
  // Not "this session is not saved": what was written before the store filled up is kept.
  quota: 'Storage is full: not saving.',
  blocked: 'An older Backbeat in another tab stops saving.',
  version: 'Not saving: the data is from a newer Backbeat.',
  upgraded: 'Not saving: Backbeat was updated in a tab.',
  moved: 'This session moved to another tab.',
  unavailable: 'This browser does not let Backbeat save.',
  unknown: 'Saving failed: this session is not saved.',
};

/**
 * The same on the summary, above the session's files, with what to do: there the person can act.
 * The other kinds ask for nothing but the files beside it, and say their line as it is.
 */
const SUMMARY_NOTES: Partial<Record<StoreErrorKind, string>> = {
  quota:
    'Storage is full: not all of this session is saved. Save it as a file below now, and free some space on the device.',
};

/**
 * A full store's words on the summary of a session it has taken nothing of (refused whole as it
 * opened once an older tab let go, or from its first write): "not all of this session is saved" said
 * some of it was.
 */
const NOT_SAVED_YET_AT_SUMMARY =
  'Storage is full: this session has not been saved yet. Save it as a file below now, and free some space on the device.';

/** What the summary of a session says of the store's problem; `sessionEverSaved`: the store holds some of it. */
export function noteAtSummary(problem: StoreError, sessionEverSaved: boolean): string {
  return problem.kind === 'quota' && !sessionEverSaved ? NOT_SAVED_YET_AT_SUMMARY : problem.atSummary;
}

/** Why an import was not even tried: the store stopped saving before it was asked. */
const IMPORT_REFUSALS: Record<StoreErrorKind, string> = {
  quota:
    'Storage is full, so nothing was imported. Free some space on the device, and import once Backbeat is saving again.',
  blocked:
    'Nothing was imported: an older Backbeat open in another tab stops saving. Close it, then import again.',
  version:
    'Nothing was imported: the data on this device is from a newer Backbeat. Reload to get it, then import again.',
  upgraded: 'Nothing was imported: Backbeat was updated in another tab. Reload, then import again.',
  moved:
    'Nothing was imported here: this tab stopped saving when its session moved to another tab. Import there, or reload this tab.',
  unavailable:
    'Nothing was imported: this browser does not let Backbeat save data here (storage is off or private).',
  unknown: 'Nothing was imported: saving failed earlier. Reload Backbeat and import again.',
};

/**
 * Why an import tried failed, all of it taken out again: the store goes on saving, so these speak of
 * the file, not of a session kept in memory as MESSAGES do.
 */
const IMPORT_FAILURES: Record<StoreErrorKind, string> = {
  ...IMPORT_REFUSALS,
  quota:
    'Storage is full, so nothing was imported: the file did not fit, and the sessions here are as they were. Free some space on the device, then import it again.',
  unknown: 'Saving failed, so nothing was imported. Reload Backbeat and import the file again.',
};

/**
 * Why a delete asked was not done, after what was not deleted: nothing of it went. Said beside the
 * buttons, as a person deleting old sessions to make room must know whether they made any.
 */
const DELETE_FAILURES: Record<StoreErrorKind, string> = {
  quota: 'the browser refused it, its storage full. Free some space on the device, then try again.',
  blocked: 'an older Backbeat open in another tab stops saving. Close it, then try again.',
  version: 'the data on this device is from a newer Backbeat. Reload to get it, then try again.',
  upgraded: 'Backbeat was updated in another tab. Reload, then try again.',
  moved:
    'this tab stopped saving when its session moved to another tab. Delete it there, or reload this tab.',
  unavailable: 'this browser does not let Backbeat change the data saved here (storage is off or private).',
  unknown: 'saving failed. Reload Backbeat and try again.',
};

export class StoreError extends Error {
  override readonly name = 'StoreError';
  /** The message in a line. */
  readonly brief: string;
  /** The message on the summary of the session, above its files: what to do about it, in short. */
  readonly atSummary: string;

  constructor(
    readonly kind: StoreErrorKind,
    override readonly cause?: unknown,
    message = MESSAGES[kind],
  ) {
    super(message);
    this.brief = BRIEFS[kind];
    this.atSummary = SUMMARY_NOTES[kind] ?? BRIEFS[kind];
  }
}

/** The error to show for an import asked of a store that has stopped saving (`problem`, if known). */
export function importRefused(problem: StoreError | null): StoreError {
  const kind = problem?.kind ?? 'unavailable';
  return new StoreError(kind, problem, IMPORT_REFUSALS[kind]);
}

/** The error to show for an import that failed as it saved (what IndexedDB threw): nothing of it kept. */
export function importFailed(error: unknown): StoreError {
  const { kind } = toStoreError(error);
  return new StoreError(kind, error, IMPORT_FAILURES[kind]);
}

/** The error to show for a delete the store refused or failed (what it threw): nothing was deleted. */
export function deleteFailed(error: unknown, what: 'session' | 'all'): StoreError {
  const { kind } = toStoreError(error);
  if (what === 'session' && kind === 'quota') return new StoreError(kind, error, SESSION_DELETE_REFUSED);
  const nothing = what === 'session' ? 'The session was not deleted' : 'No session was deleted';
  return new StoreError(kind, error, `${nothing}: ${DELETE_FAILURES[kind]}`);
}

/**
 * A session the full store would not delete even once its raw motion had gone to make room (see
 * SessionStore.deleteSession): it is listed and charted as before, but for that motion.
 */
const SESSION_DELETE_REFUSED =
  "The session was not deleted: storage is so full that its week's chart could not be rewritten without it, and the two go together. Its raw motion was removed to make room; free some space on the device, then delete it again.";

/** Classifies what IndexedDB threw (a DOMException, or idb's wrapper around it). */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = errorName(error);
  if (name === 'QuotaExceededError') return new StoreError('quota', error);
  if (name === 'VersionError') return new StoreError('version', error);
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'NotFoundError') {
    return new StoreError('unavailable', error);
  }
  return new StoreError('unknown', error);
}

function errorName(error: unknown): string | null {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') {
    return error.name;
  }
  return null;
}
