// Restoring a backup or importing an export, a session at a time and all or nothing: a damaged file,
// full storage or a cancel takes out again whatever the file had added, a backup partly damaged is
// offered without its damaged sessions, and settings that cannot be read are left as they were (an
// import cut off when its tab went is undone on the next start: see restore-host.ts). Persistence's
// restore and importJson load this module on the first import and call it with what of Persistence it
// needs (RestoreHost).

import {
  type DamagedSession,
  damagedSessionsNamed,
  ImportError,
  type Preferences,
  partlyDamagedWords,
  readSessionStream,
} from '../export/json.ts';
import { importFailed, importRefused, toStoreError } from '../store/errors.ts';
import type { SessionBundle } from '../store/records.ts';
import { parseRetention, sameRetention } from '../store/retention.ts';
import { IMPORT_JOURNAL_PREFIX, type ImportResult } from '../store/session-store.ts';
import { endedIfNothingToResume } from './end-interrupted.ts';
import type { PartlyDamaged } from './history-model.ts';
import type { TaskOptions } from './long-task.ts';
import { isAbort, type RestoreHost } from './restore-host.ts';

export interface RestoreChoice {
  leaveOutDamaged?: boolean;
  /** The choice whose tap this import is: offered again where storage has no room for them. */
  choice?: PartlyDamaged | null;
}

/** A backup read to its end with damaged sessions in it, which nothing was imported from. */
class PartlyDamagedFile extends ImportError {
  readonly button: string | null;
  readonly whenFull: string;
  constructor(damaged: readonly DamagedSession[], readable: number, adding: number) {
    const { notice, button, whenFull } = partlyDamagedWords(damaged, readable, adding);
    super(notice);
    this.button = button;
    this.whenFull = whenFull;
  }
}

/**
 * Imports a JSON export or backup, a session at a time, so a backup of any size restores in bounded
 * memory. All or nothing: a broken file (ImportError), a failure to save, or a cancel takes out
 * again whatever this file had added. Sessions already here are kept as they were, but for one
 * cut short when storage failed, which the whole of it replaces (see importBundles).
 *
 * A backup whole but for some damaged sessions is read to its end and refused too, the others
 * offered (HistoryState.partlyDamaged): for a person whose backup is their only copy, one damaged
 * session must not keep years of them out, nor may any be left out unasked. `leaveOutDamaged`, once
 * they chose so, imports the others, all or nothing as ever, and says which were left out.
 */
export async function restoreFile(
  host: RestoreHost,
  file: Blob,
  options: TaskOptions = {},
  { leaveOutDamaged = false, choice = null }: RestoreChoice = {},
): Promise<ImportResult> {
  // The settings an earlier file offered are that file's: whatever this one turns out to be (no
  // backup, called off, or one with settings of its own), a tap must never take them on now; nor
  // can a tap import the sessions of a damaged file picked before.
  host.history.update({ offeredPreferences: null, partlyDamaged: null });
  const store = host.usableStore();
  if (!store) throw importRefused(host.history.state.problem);
  const added: string[] = [];
  const skipped: string[] = [];
  const replaced: SessionBundle[] = [];
  const unknownFields: string[] = [];
  const putRight: string[] = [];
  const weeks = new Set<string>();
  const damaged: DamagedSession[] = [];
  let readable = 0;
  /** The file's readable sessions an import of them would add, of those a damaged file offers. */
  const adding = new Set<string>();
  let preferences: Preferences | null = null;
  let preferencesUnread: string | null = null;
  // Held while the import runs, so that another tab opened meanwhile leaves its journal alone.
  const journal = IMPORT_JOURNAL_PREFIX + crypto.randomUUID();
  const held = await host.tabs.hold(journal);
  /** Takes out what the file has added so far, the journal emptied with it: nothing of it is kept. */
  const takeOut = async () => {
    const replacedIds = new Set(replaced.map((before) => before.session.id));
    for (const id of added) {
      if (replacedIds.has(id)) continue;
      await store.takeOutImported(id).catch(() => undefined);
      host.forgetPast(id);
    }
    // Each in one step, only while it is still here: a session deleted meanwhile, in another tab,
    // stays deleted, where deleting the import's copy first and then putting the old one back
    // brought it back.
    // The sessions progression reads follow: the copy put back, or none where it stays deleted.
    // Failed to put back (null), the store keeps the import's copy, and so does progression.
    for (const before of replaced) {
      const putBack = await store.putBackReplaced(before).catch(() => null);
      if (putBack === true) host.rememberPast(before.session, before.sets);
      if (putBack === false) host.forgetPast(before.session.id);
    }
    // Another tab's write in one of those weeks meanwhile brought its row up to date with what was
    // then here, the file's sessions among them. A store with room puts it right; a full one took no
    // such write.
    await store.refreshWeeks(weeks).catch(() => undefined);
    // The journal names what the file added: a file that has added none (each session here already,
    // skipped) left nothing in it to take out.
    if (added.length > 0) await store.beginImport(journal).catch(() => undefined);
    added.length = 0;
    replaced.length = 0;
    weeks.clear();
  };
  try {
    await store.beginImport(journal);
    let bytesRead = 0;
    const onBytes = (bytes: number) => (bytesRead = bytes);
    const reading = readSessionStream(file.stream(), {
      now: host.wallNow(),
      unknownFields,
      putRight,
      onBytes,
      onPreferences: (found) => (preferences = found),
      onPreferencesUnread: (problem) => (preferencesUnread = problem),
      damaged,
    });
    for await (const read of reading) {
      options.signal?.throwIfAborted();
      const bundle = endedIfNothingToResume(read);
      readable++;
      // Damaged, the file is read on to its end only to tell what else is damaged and how many can
      // be read, and nothing of it stays in storage meanwhile: a tab closed, or another one reading
      // the store, in the meantime finds none of it, as the words will say.
      if (damaged.length > 0 && !leaveOutDamaged) {
        if (added.length > 0) await takeOut();
        if (await store.wouldAdd(bundle)) adding.add(bundle.session.id);
        options.onProgress?.(bytesRead, file.size);
        continue;
      }
      // Full before any damage is read, the person is told so at once: reading the rest of a large
      // backup to tell whether it is damaged kept them waiting (24 s after storage refused the 20th
      // write of a 438 MiB, five-year backup, where it is 0.4 s); the damage, if any, is told once
      // there is room and the file is imported again.
      const result = await store.importBundles([bundle], journal);
      for (const id of result.added) adding.add(id);
      if (result.added.length) host.rememberPast(bundle.session, bundle.sets);
      added.push(...result.added);
      skipped.push(...result.skipped);
      replaced.push(...(result.replaced ?? []));
      for (const week of result.weeks ?? []) weeks.add(week);
      options.onProgress?.(bytesRead, file.size);
    }
    options.signal?.throwIfAborted();
    if (damaged.length > 0 && !leaveOutDamaged) throw new PartlyDamagedFile(damaged, readable, adding.size);
    // The charts and the plan count the file's sessions only once all of it is in: until then,
    // taking it out again needs no room (see ImportResult.weeks).
    await store.refreshWeeks(weeks);
  } catch (error) {
    await takeOut();
    if (error instanceof PartlyDamagedFile && error.button) {
      const { message: notice, button, whenFull } = error;
      host.history.update({ partlyDamaged: { file, notice, button, whenFull } });
    }
    // Storage full as the others went in: the person frees space and taps again, rather than find
    // and pick the file once more.
    if (choice && !(error instanceof ImportError) && !isAbort(error) && toStoreError(error).kind === 'quota')
      host.history.update({ partlyDamaged: { ...choice, notice: choice.whenFull } });
    // Called off, the choice stays as it was, for a tap later rather than the file picked again.
    else if (choice && isAbort(error)) host.history.update({ partlyDamaged: choice });
    throw error instanceof ImportError || isAbort(error) ? error : importFailed(error);
  } finally {
    await store.endImport(journal).catch(() => undefined);
    held?.release();
    await host.refresh();
  }
  // A session the backup holds unfinished is offered to resume or keep, here as in the other tabs
  // (told below) and after a reload: its choice should not wait for one.
  if (added.length > 0) await host.lookForUnfinished();
  host.tabs.post({ type: 'changed' });
  const found: Preferences | null = preferences;
  // Offered with the sessions the backup brought, or from a file of settings alone. A backup whose
  // sessions are all here already was restored before, its settings offered then: asked again, the
  // person would be asked to undo the answer they gave.
  const restoredBefore = added.length === 0 && skipped.length > 0;
  const offered = found && !restoredBefore && (await wouldChangeAnything(host, found)) ? found : null;
  host.history.update({
    notice: importNotice(
      added.length,
      skipped.length,
      unknownFields,
      replaced.length,
      found !== null,
      putRight,
      damaged,
      preferencesUnread,
    ),
    offeredPreferences: offered,
  });
  return { added, skipped, unknownFields, ...(replaced.length ? { replaced } : {}) };
}

/** Whether taking on a backup's preferences would change anything here: its settings, or how long raw motion is kept. */
async function wouldChangeAnything(host: RestoreHost, preferences: Preferences): Promise<boolean> {
  if (host.preferences?.differ(preferences)) return true;
  if (preferences.motionRetention === undefined) return false;
  const here = await host.retention();
  return here !== null && !sameRetention(parseRetention(preferences.motionRetention), here);
}

function importNotice(
  added: number,
  skipped: number,
  unknownFields: readonly string[],
  replaced: number,
  holdsPreferences: boolean,
  putRight: readonly string[] = [],
  damaged: readonly DamagedSession[] = [],
  preferencesUnread: string | null = null,
): string {
  const leftOut =
    (damaged.length > 0 ? ` Left out as damaged: ${damagedSessionsNamed(damaged)}.` : '') +
    (preferencesUnread
      ? ` Its settings could not be read (${preferencesUnread}), so this device's are as they were.`
      : '');
  // A backup made before any session was kept: "Imported 0 sessions" would read as a failure.
  if (added + skipped === 0) {
    if (preferencesUnread)
      return `This file holds no sessions, and its settings could not be read (${preferencesUnread}): nothing was imported.`;
    return holdsPreferences
      ? 'This file holds settings and no sessions.'
      : 'This file holds no sessions: nothing was imported.';
  }
  let notice = `Imported ${added} session${added === 1 ? '' : 's'}`;
  if (replaced) {
    notice += replaced === added ? ',' : `, ${replaced} of them`;
    notice += ` in place of ${replaced === 1 ? 'its cut-short copy' : 'their cut-short copies'} here`;
  }
  notice += skipped ? `; ${skipped} already here, kept as they were.` : '.';
  if (unknownFields.length > 0) {
    const named = unknownFields.slice(0, 3).join(', ') + (unknownFields.length > 3 ? ', …' : '');
    notice += ` The file has ${unknownFields.length} field${unknownFields.length === 1 ? '' : 's'} this version does not use (${named}): kept with the sessions, and in every backup.`;
  }
  // A part of a session mended on its way in (see readSnapshot) is told, as the rest came in as it was.
  if (putRight.length > 0) {
    const told =
      putRight.slice(0, 2).join('; ') + (putRight.length > 2 ? `; and ${putRight.length - 2} more` : '');
    notice += ` Not all of ${added + skipped === 1 ? 'it' : 'them'} could be read: ${told}.`;
  }
  return notice + leftOut;
}
