// Whether the devices' streams run, as the page is shown, hidden or gone and a session runs or not:
// the page's lifecycle (visibilitychange, pagehide, pageshow) followed for the devices.

import { BehaviorSubject, type Observable } from 'rxjs';
import type { RejoinCircumstances } from './rejoin-policy.ts';

/** What the page's lifecycle is followed into: the devices' streams, and the tries of those out of reach. */
export interface PageStreamingHost {
  /** Stops the streams every device would keep running. */
  suspendStreams(): void;
  /** Runs the devices' streams again. */
  resumeStreams(): void;
  /** The page or the session changed, which space the tries of the devices out of reach (see pace). */
  paceChanged(): void;
}

export class PageStreaming {
  /** The page is hidden (the screen went off, another app is in front). */
  private pageHidden = false;
  /** A session is under way: streams run on while the page is hidden (see keepStreaming). */
  private sessionRunning = false;
  /** The devices' streams are stopped on purpose (see applyStreaming): their silence is no news. */
  private readonly suspended = new BehaviorSubject(false);
  private readonly stopListening: () => void;

  /** Follows the lifecycle of the page in `win` for `host`; with no window, there is none to follow. */
  constructor(
    win: Window | null,
    private readonly host: PageStreamingHost,
  ) {
    this.stopListening = win ? this.listenToPageLifecycle(win) : () => {};
  }

  /** Whether the devices' streams are stopped on purpose: their silence is no news then. */
  get streamsSuspended(): Observable<boolean> {
    return this.suspended;
  }

  /**
   * A session is under way (or no longer): while it is, the devices' streams run on with the page
   * hidden, as a phone on the floor turns its screen off in the middle of a set; the set would
   * otherwise end for want of reps, or a hold run on unseen.
   */
  keepStreaming(sessionRunning: boolean): void {
    if (sessionRunning === this.sessionRunning) return;
    this.sessionRunning = sessionRunning;
    this.applyStreaming();
    this.host.paceChanged();
  }

  /** What spaces the tries by themselves of devices out of reach (see tryAgainDelayMs). */
  pace(): Omit<RejoinCircumstances, 'failedAttempts'> {
    return { sessionRunning: this.sessionRunning, pageHidden: this.pageHidden };
  }

  /** The page's lifecycle is followed no more. */
  dispose(): void {
    this.stopListening();
  }

  /** Streams stop while the page is hidden with no session under way, and run otherwise. */
  private applyStreaming(): void {
    const stop = this.pageHidden && !this.sessionRunning;
    this.suspended.next(stop);
    if (stop) this.host.suspendStreams();
    else this.host.resumeStreams();
  }

  /**
   * Streams the device would keep running are stopped when the page goes (the H10 otherwise runs
   * until its battery dies [P-KI]); hidden with no session under way only pauses them, and they
   * start again when it is back. Returns what stops the listening.
   */
  private listenToPageLifecycle(win: Window): () => void {
    const onVisibility = () => {
      this.pageHidden = win.document.visibilityState === 'hidden';
      this.applyStreaming();
      this.host.paceChanged();
    };
    const onPageHide = () => this.host.suspendStreams();
    const onPageShow = () => this.host.resumeStreams();
    win.document.addEventListener('visibilitychange', onVisibility);
    win.addEventListener('pagehide', onPageHide);
    win.addEventListener('pageshow', onPageShow);
    return () => {
      win.document.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('pagehide', onPageHide);
      win.removeEventListener('pageshow', onPageShow);
    };
  }
}
