// A backup or an import runs as the one long task the history shows (HistoryState.task): kept there,
// not by the screen that began it, with its progress and its Cancel.

import type { HistoryModel } from './history-model.ts';
import { isAbort } from './restore-host.ts';

/** How a long task (a backup, an import) reports how far it is, and how it is called off. */
export interface TaskOptions {
  /** Sessions written of all of them, for a backup; bytes read of the file's size, for an import. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export class LongTasks {
  /** Calls off the long task under way (see run). */
  private controller: AbortController | null = null;

  constructor(private readonly history: HistoryModel) {}

  /**
   * Runs `work` as the one long task, with its progress and a way to call it off (cancel). Called off,
   * it gives null once what it did is undone, and the history's notice says `cancelled`: a choice,
   * not an error.
   */
  async run<T>(
    label: string,
    cancelled: string,
    work: (options: TaskOptions) => Promise<T>,
  ): Promise<T | null> {
    if (this.controller) throw new Error('A backup or an import is already under way: wait for it to end.');
    const controller = new AbortController();
    this.controller = controller;
    this.history.update({ task: { label, done: 0, total: 0, cancelling: false } });
    try {
      return await work({
        signal: controller.signal,
        onProgress: (done, total) => {
          const task = this.history.state.task;
          if (task) this.history.update({ task: { ...task, done, total } });
        },
      });
    } catch (error) {
      if (!isAbort(error)) throw error;
      this.history.update({ notice: cancelled });
      return null;
    } finally {
      this.controller = null;
      this.history.update({ task: null });
    }
  }

  /** Calls off the long task; it says at once that it is cancelling, as undoing can take seconds. */
  cancel(): void {
    const task = this.history.state.task;
    if (!this.controller || !task || task.cancelling) return;
    this.history.update({ task: { ...task, cancelling: true } });
    this.controller.abort();
  }
}
