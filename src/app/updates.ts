// Whether a new version of the app is waiting in the service worker, and the command to switch to
// it. Kept apart from the registration (pwa.ts) so the prompt can be tested without a service worker.

import { Model } from '../workout/model.ts';

export interface UpdateState {
  /** A new version is installed and waits for the person to reload. */
  readonly updateReady: boolean;
  /** The app is cached and works offline from now on. */
  readonly offlineReady: boolean;
  /**
   * The app is being cached for the first time: the news that it works offline is still to come, and
   * the start screen keeps a place for it (see BbUpdatePrompt.keepsPlace and offlineNewsDue).
   */
  readonly offlineNewsDue: boolean;
}

/**
 * What the browser reports of the service worker for the app's scope as the page opens: its
 * registration (getRegistration), none yet, or 'unavailable' where it will not keep one for the page
 * (service workers blocked, a private window that allows none).
 */
export type ServiceWorkerFound = Pick<ServiceWorkerRegistration, 'active'> | undefined | 'unavailable';

/**
 * Whether "Backbeat now works offline" is still to come: no service worker is active for the app
 * yet. Not whether one controls this page: a hard reload bypasses an active worker, and the app,
 * cached long since, has no such news to give.
 */
export function offlineNewsDue(found: ServiceWorkerFound): boolean {
  return found !== 'unavailable' && !found?.active;
}

export class UpdateModel extends Model<UpdateState> {
  constructor(
    private readonly activate: () => Promise<void> = async () => {},
    initial: Partial<UpdateState> = {},
  ) {
    super({ updateReady: false, offlineReady: false, offlineNewsDue: false, ...initial });
  }

  update(patch: Partial<UpdateState>): void {
    this.setState({ ...this.state, ...patch });
  }

  /** Switches to the waiting version and reloads the page. */
  reload(): Promise<void> {
    return this.activate();
  }

  dismiss(): void {
    this.setState({ updateReady: false, offlineReady: false, offlineNewsDue: false });
  }
}
