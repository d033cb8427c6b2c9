// What a restore needs of Persistence, and the part of restoring that runs at every start: undoing an
// import cut off when its tab went. Kept apart from restore.ts, which reads the files with the JSON
// reader: that is loaded on the first import, not with the app (see Restoring.restore).

import type { SessionRow, SetRow } from '../store/records.ts';
import type { MotionRetention } from '../store/retention.ts';
import type { SessionStore } from '../store/session-store.ts';
import type { HistoryModel } from './history-model.ts';
import type { PreferencesPort } from './persistence.ts';
import type { Tabs } from './tabs.ts';

/** What of Persistence a restore reads and changes. */
export interface RestoreHost {
  readonly history: HistoryModel;
  readonly tabs: Tabs;
  readonly preferences: PreferencesPort | undefined;
  /** How long raw motion is kept here, null where there is no store to keep it. */
  retention(): Promise<MotionRetention | null>;
  readonly wallNow: () => number;
  usableStore(): SessionStore | null;
  /** Progression's past sessions gain one the file added, or lose one taken out again. */
  rememberPast(session: Pick<SessionRow, 'id' | 'startedAt' | 'plan'>, sets: readonly SetRow[]): void;
  forgetPast(id: string): void;
  /** Reads the history again, as after any change to the store. */
  refresh(): Promise<void>;
  lookForUnfinished(): Promise<void>;
}

/**
 * Takes out what an import had added when its tab went in the middle of it (closed, reloaded,
 * crashed): an import is all or nothing, and the person is told to import the file again. An import
 * another tab is running now is left to it.
 */
export async function undoCutImports(host: RestoreHost, store: SessionStore): Promise<void> {
  let undone = 0;
  for (const journal of await store.importJournals()) {
    const held = await host.tabs.hold(journal.key, { ifAvailable: true });
    if (!held) continue;
    try {
      // Taken out as a failed import takes them out (see takeOutImported), which a store full by
      // now takes too: a delete that puts their weeks right in the same step it refuses.
      const weeks = new Set(journal.weeks ?? []);
      for (const id of journal.added) {
        const week = await store.takeOutImported(id);
        if (week !== null) weeks.add(week);
      }
      // Those kept (each in place of its cut-short copy) are counted in their weeks only now, and a
      // week another write counted the others in is put right. A full store leaves the rows as they
      // were until a write of their week.
      await store.refreshWeeks(weeks).catch(() => undefined);
      await store.endImport(journal.key);
      undone += journal.added.length;
    } finally {
      held.release();
    }
  }
  if (undone > 0) {
    host.history.update({
      notice: `An import was cut off when Backbeat closed: the ${undone === 1 ? 'session' : `${undone} sessions`} it had added ${undone === 1 ? 'was' : 'were'} taken out again. Import the file again to bring in all of it.`,
    });
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
