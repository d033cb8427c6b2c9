// Keeps the screen on while a session runs: the person is on the mat and cannot tap the phone awake.
// The browser drops a screen wake lock whenever the page is hidden (another app, the power button), so
// the lock is asked for again each time the page becomes visible while it is still wanted.

import { BehaviorSubject, distinctUntilChanged, type Observable } from 'rxjs';

export interface WakeLockHost {
  readonly wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinel> };
}

export interface VisibilityHost {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export class ScreenWakeLock {
  private wanted = false;
  private sentinel: WakeLockSentinel | null = null;
  private requesting: Promise<void> | null = null;
  private readonly refused = new BehaviorSubject(false);
  /**
   * The screen is wanted on and cannot be kept so (no Wake Lock API, or the browser refused it, as in
   * battery saver): the person should know it may go off on the floor.
   */
  readonly cannotKeepOn$: Observable<boolean> = this.refused.pipe(distinctUntilChanged());
  private readonly onVisibility = () => {
    if (this.wanted && this.document.visibilityState === 'visible') void this.request();
  };

  constructor(
    private readonly navigator: WakeLockHost,
    private readonly document: VisibilityHost,
  ) {}

  get available(): boolean {
    return typeof this.navigator.wakeLock?.request === 'function';
  }

  /** The screen is being kept on right now. */
  get held(): boolean {
    return this.sentinel !== null && !this.sentinel.released;
  }

  /** Keeps the screen on from now until release(), across the page being hidden and shown again. */
  acquire(): Promise<void> {
    if (!this.wanted) {
      this.wanted = true;
      this.document.addEventListener('visibilitychange', this.onVisibility);
    }
    return this.request();
  }

  async release(): Promise<void> {
    if (this.wanted) {
      this.wanted = false;
      this.document.removeEventListener('visibilitychange', this.onVisibility);
    }
    this.refused.next(false);
    await this.requesting;
    const sentinel = this.sentinel;
    this.sentinel = null;
    try {
      if (sentinel && !sentinel.released) await sentinel.release();
    } catch {
      // Already gone.
    }
  }

  private request(): Promise<void> {
    if (!this.available) {
      this.refused.next(this.wanted);
      return Promise.resolve();
    }
    if (this.held || this.document.visibilityState !== 'visible') return Promise.resolve();
    this.requesting ??= this.navigator
      .wakeLock!.request('screen')
      .then(async (sentinel) => {
        // Released while the request was under way: give it straight back.
        if (!this.wanted) await sentinel.release();
        else {
          this.sentinel = sentinel;
          this.refused.next(false);
        }
      })
      .catch(() => {
        // Refused (battery saver, a policy): the session goes on; the screen may dim.
        this.refused.next(this.wanted);
      })
      .finally(() => {
        this.requesting = null;
      });
    return this.requesting;
  }
}
