// History's side of a restore: a file imported (its reader, restore.ts, loaded on the first import,
// not with the app), an import cut off when its tab went undone as the store opens, and the
// settings a restored backup offers, taken on or kept out.

import { parseRetention } from '../store/retention.ts';
import type { ImportResult, SessionStore } from '../store/session-store.ts';
import type { TaskOptions } from './long-task.ts';
import { retentionOf } from './motion-retention.ts';
import type { MotionSetting } from './motion-setting.ts';
import type { PreferencesPort } from './persistence.ts';
import type { RestoreChoice } from './restore.ts';
import { type RestoreHost, undoCutImports } from './restore-host.ts';

/** What of Persistence a restore reads and changes, beside the raw-motion setting a backup may carry. */
export interface RestoringHost extends Omit<RestoreHost, 'preferences' | 'retention'> {
  readonly motion: MotionSetting;
  /** The settings and what was learned of the person, as the app gives them (none in some tests). */
  preferences(): PreferencesPort | undefined;
}

export class Restoring {
  constructor(private readonly host: RestoringHost) {}

  /** Imports a JSON export or backup given as text. */
  importJson(text: string): Promise<ImportResult> {
    return this.restore(new Blob([text]));
  }

  /** Imports a JSON export or backup, all or nothing (see restoreFile), its reader loaded on the first. */
  async restore(file: Blob, options: TaskOptions = {}, choice: RestoreChoice = {}): Promise<ImportResult> {
    const { restoreFile } = await import('./restore.ts').catch(() => {
      throw new Error(
        'Nothing was imported: the code that reads the file could not be loaded (is the device offline?). Try again once online.',
      );
    });
    return restoreFile(this.restoreHost(), file, options, choice);
  }

  /** Takes out what an import cut off when its tab went had added (see undoCutImports). */
  undoCutImports(store: SessionStore): Promise<void> {
    return undoCutImports(this.restoreHost(), store);
  }

  /**
   * Takes on the settings and what was learned of the person from the backup just restored, and how
   * long it kept raw motion, which removes here what that no longer keeps, as the setting does.
   */
  async usePreferences(): Promise<void> {
    const { history } = this.host;
    const offered = history.state.offeredPreferences;
    if (offered) this.host.preferences()?.apply(offered);
    const taken = "The backup's settings are this device's now.";
    history.update({
      offeredPreferences: null,
      notice: offered ? taken : history.state.notice,
    });
    if (offered?.motionRetention === undefined) return;
    await this.host.motion.keepAs(parseRetention(offered.motionRetention), (removed) =>
      removed ? `${taken} ${removed}` : taken,
    );
  }

  /** Keeps this device's settings: the backup's are no longer offered. */
  keepPreferences(): void {
    this.host.history.update({ offeredPreferences: null });
  }

  private restoreHost(): RestoreHost {
    const { host } = this;
    return {
      history: host.history,
      tabs: host.tabs,
      preferences: host.preferences(),
      retention: async () => {
        const store = host.usableStore();
        return store ? retentionOf(store) : null;
      },
      wallNow: host.wallNow,
      usableStore: () => host.usableStore(),
      rememberPast: (session, sets) => host.rememberPast(session, sets),
      forgetPast: (id) => host.forgetPast(id),
      refresh: () => host.refresh(),
      lookForUnfinished: () => host.lookForUnfinished(),
    };
  }
}
