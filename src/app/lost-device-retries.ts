// The Bluetooth devices given up for lost after their reconnection attempts, tried again by themselves
// now and then (see tryAgainDelayMs): a strap that comes back is not left until the person thinks of
// Reconnect.

import type { GattSession, Timers } from '../sensors/ble/gatt-session.ts';
import { type RejoinCircumstances, tryAgainDelayMs } from './rejoin-policy.ts';

/** What the devices given up on are found through, and what spaces their tries. */
export interface LostDeviceHost {
  /** The Bluetooth devices given up on after their reconnection attempts, out of reach. */
  lostSessions(): GattSession[];
  /** Whether a session is under way and the page hidden, which space the tries by themselves. */
  pace(): Omit<RejoinCircumstances, 'failedAttempts'>;
}

export class LostDeviceRetries {
  private lostRetryTimer: unknown = null;
  /** The devices given up on are being tried now. */
  private retryingLost = false;
  /** Tries by themselves of the devices given up on, since none was given up on. */
  private failedLostRetries = 0;

  /** `timers` space the tries: the page's own in the app, a fake clock in a test. */
  constructor(
    private readonly host: LostDeviceHost,
    private readonly timers: Timers,
  ) {}

  /**
   * The next try of the devices given up on, by themselves (see tryAgainDelayMs): a strap that
   * comes back is not left until the person thinks of Reconnect. A try already due stays due.
   */
  schedule(): void {
    if (this.retryingLost) return;
    const lost = this.host.lostSessions();
    if (lost.length === 0) this.failedLostRetries = 0;
    const delay =
      lost.length === 0
        ? null
        : tryAgainDelayMs({
            failedAttempts: this.failedLostRetries,
            ...this.host.pace(),
          });
    if (delay === null) {
      if (this.lostRetryTimer !== null) this.timers.clearTimeout(this.lostRetryTimer);
      this.lostRetryTimer = null;
      return;
    }
    if (this.lostRetryTimer !== null) return;
    this.lostRetryTimer = this.timers.setTimeout(() => {
      this.lostRetryTimer = null;
      void this.retryLost();
    }, delay);
  }

  private async retryLost(): Promise<void> {
    this.retryingLost = true;
    try {
      for (const session of this.host.lostSessions()) await session.tryOnce();
    } finally {
      this.retryingLost = false;
    }
    this.failedLostRetries++;
    this.schedule();
  }

  /** No try is made any more. */
  dispose(): void {
    if (this.lostRetryTimer !== null) this.timers.clearTimeout(this.lostRetryTimer);
    this.lostRetryTimer = null;
  }
}
