import type { Timers } from '../src/sensors/ble/gatt-session.ts';

/**
 * Timers and a clock that move only when the test moves them (the platform boundary): each timer due
 * runs at its time, in order, and what it set off (promises of a fake device answering) settles
 * before the clock moves on.
 */
export class FakeClock implements Timers {
  private nowMs = 0;
  private nextHandle = 1;
  private readonly due = new Map<number, { readonly atMs: number; readonly fn: () => void }>();

  readonly now = (): number => this.nowMs;

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.due.set(handle, { atMs: this.nowMs + Math.max(0, ms), fn });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }

  /** The timers waiting to run. */
  get pending(): number {
    return this.due.size;
  }

  /** Moves the clock on by `ms`, running each timer as its time comes. */
  async advance(ms: number): Promise<void> {
    const endMs = this.nowMs + ms;
    await settled();
    for (let next = this.nextDue(endMs); next; next = this.nextDue(endMs)) {
      this.due.delete(next.handle);
      this.nowMs = next.atMs;
      next.fn();
      await settled();
    }
    this.nowMs = endMs;
  }

  /** The timer due first (the earliest set first among those due together), up to `endMs`. */
  private nextDue(
    endMs: number,
  ): { readonly handle: number; readonly atMs: number; readonly fn: () => void } | null {
    let first: { handle: number; atMs: number; fn: () => void } | null = null;
    for (const [handle, timer] of this.due) {
      if (timer.atMs <= endMs && (first === null || timer.atMs < first.atMs)) first = { handle, ...timer };
    }
    return first;
  }
}

/** Every promise already on its way settled: a macrotask of Node's own, which no fake clock holds. */
function settled(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
