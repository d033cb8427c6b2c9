// Which screen each entry of the browser's history stands for, so that the browser's Back closes
// History or Settings opened over the session, and a page reloaded on one of them comes back on it.
// Pure: the app shell reads and writes the browser's history with what these decide.

/** Which screen the app shows: the session itself, or (between sessions) the history or the settings. */
export type AppView = 'session' | 'history' | 'settings';

/** Where in a browser history entry the screen it stands for is kept. */
const VIEW_KEY = 'backbeatView';

/** The screen a browser history entry stands for: the session unless it is one the app pushed. */
export function viewOfEntry(entry: unknown): AppView {
  const view = (entry as Record<string, unknown> | null)?.[VIEW_KEY];
  return view === 'history' || view === 'settings' ? view : 'session';
}

/** The browser history entry's state for `view`, which viewOfEntry reads back. */
export function entryOfView(view: AppView): Record<string, AppView> {
  return { [VIEW_KEY]: view };
}

/**
 * What the browser's history does as the app goes from `previous` to `view`, its current entry standing
 * for `entryView`: a screen over the session is one entry, so that Back closes it. Back to the session
 * steps back over that entry (none where the page opened on the session's own entry); a screen opened
 * over the session pushes its entry; one screen over the session for another replaces it, so that one
 * Back still returns to the session.
 */
export function entryChange(
  previous: AppView,
  view: AppView,
  entryView: AppView,
): 'back' | 'push' | 'replace' | 'none' {
  if (view === 'session') return entryView === 'session' ? 'none' : 'back';
  return previous === 'session' ? 'push' : 'replace';
}
