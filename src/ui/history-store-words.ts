// What History says where the store has stopped saving or would not open: the app hands it the
// problem (HistoryState.problem), and these words are History's own, beside its Import a file and in
// place of its list.

import type { StoreError, StoreErrorKind } from '../store/errors.ts';

/**
 * Why no import can be tried now, said beside the import's button before a file is picked: the store
 * has stopped saving, and an import would only be refused (store/errors.ts, importRefused).
 */
const IMPORT_BARS: Record<StoreErrorKind, string> = {
  // No reload: Backbeat asks the full store again every half minute and when the page is back, and
  // saves again (the sessions waiting first) as soon as it has room.
  quota:
    'Nothing can be imported while storage is full. Free some space on the device: importing comes back by itself once Backbeat can save again.',
  blocked:
    'Nothing can be imported while an older Backbeat open in another tab stops saving. Close it: importing comes back by itself.',
  version:
    'Nothing can be imported while the data on this device is from a newer Backbeat. Reload to get it.',
  upgraded: 'Nothing can be imported until this tab is reloaded: Backbeat was updated in another tab.',
  moved:
    'Nothing can be imported in this tab: it stopped saving when its session moved to another tab. Import there, or reload this tab.',
  unavailable:
    'Nothing can be imported while this browser does not let Backbeat save data here (storage is off or private).',
  unknown: 'Nothing can be imported until Backbeat is reloaded: saving failed earlier.',
};

/** Why no import can be tried while the store has stopped saving (`problem`, if known). */
export function importBarred(problem: StoreError | null): string {
  return IMPORT_BARS[problem?.kind ?? 'unavailable'];
}

/**
 * What History says in place of its sessions when the store would not open for a reason that leaves
 * those saved on the device where they were, only unread by this page: "No sessions saved yet" read
 * as years of them lost. The other kinds stop a store that had opened (its sessions are listed), or
 * leave nothing to say there are any (storage off or private).
 */
const SESSIONS_UNREAD: Partial<Record<StoreErrorKind, string>> = {
  blocked:
    'The sessions saved on this device cannot be shown while an older Backbeat open in another tab holds them. Close that tab, and they are shown here.',
  version:
    'The sessions saved on this device were saved by a newer Backbeat, and this page cannot show them. Reload to get that version and see them.',
};

/** Why History shows none of the sessions saved on the device (`problem`, if known), or null. */
export function sessionsUnread(problem: StoreError | null): string | null {
  return (problem && SESSIONS_UNREAD[problem.kind]) ?? null;
}

/**
 * What History says in place of "No sessions saved yet" where the browser never let the store open
 * (storage off or private), of the `ended` sessions memory holds from this tab: they are not saved,
 * yet they are here until the tab closes, and a backup keeps them. Null where it has none, or where
 * the store opened, or would have but for an older tab or a newer Backbeat's data (see sessionsUnread).
 */
export function keptUntilTabCloses(
  problem: StoreError | null,
  storeOpened: boolean,
  ended: number,
): string | null {
  if (storeOpened || ended === 0 || !problem || !NEVER_OPENS.has(problem.kind)) return null;
  return ended === 1
    ? 'Not saved in this browser: the session ended here is kept only until this tab closes. Back it up to keep it.'
    : `Not saved in this browser: the ${ended} sessions ended here are kept only until this tab closes. Back them up to keep them.`;
}

/** Kinds of problem that leave the store unopened for the whole visit: nothing saves it by itself. */
const NEVER_OPENS: ReadonlySet<StoreErrorKind> = new Set(['unavailable', 'unknown']);
