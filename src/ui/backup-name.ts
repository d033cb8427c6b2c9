// What History's backup button is called: a backup holds every saved session, a session recorded here
// that the store does not hold (under way, or kept in memory while the browser does not let Backbeat
// save), and the settings with what was learned of how the person moves. Named for what it holds, so
// that "everything" never stands beside no sessions, and not offered when it would hold nothing.

export interface BackupHoldings {
  /** Sessions History counts: the store's, and while storage is full those memory alone holds. */
  readonly savedSessions: number;
  /**
   * Sessions the backup takes from memory: one under way, and those kept there while the browser
   * does not let Backbeat save (every one ended in the tab, where the store never opened). Not one
   * the person deleted, nor one not kept for having no set done.
   */
  readonly sessionsInMemory: number;
  /** The backup carries the settings and what was learned of how the person moves. */
  readonly settings: boolean;
}

export function backupButtonName(holds: BackupHoldings): string | null {
  if (holds.savedSessions > 0) return 'Back up everything';
  if (holds.sessionsInMemory > 0) {
    const sessions =
      holds.sessionsInMemory === 1 ? 'this session' : `these ${holds.sessionsInMemory} sessions`;
    return holds.settings ? `Back up ${sessions} and settings` : `Back up ${sessions}`;
  }
  return holds.settings ? 'Back up your settings' : null;
}
