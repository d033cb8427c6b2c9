import { css, html, type ReactiveControllerHost } from 'lit';
import {
  type AppMoment,
  type LazyScreen,
  type ScreenLoad,
  screenLoadWords,
  screensToFetchAhead,
} from './screen-load.ts';
import { whenIdleAfterLoad } from './when-idle.ts';

/**
 * Each lazy screen's module, one import() apiece: in one expression, Vite preloaded the dependencies of
 * the one for the other, and History fetched the settings' code.
 */
const SCREEN_CODE: Record<LazyScreen, () => Promise<unknown>> = {
  history: () => import('./bb-history.ts'),
  settings: () => import('./bb-settings.ts'),
};

/** The look of the line that stands in a lazy screen's place (see LazyScreens.renderLoad). */
export const lazyScreenStyles = css`
  .screen-load {
    display: grid;
    gap: 1rem;
    justify-items: center;
    max-width: 44rem;
    margin: 2rem auto;
    text-align: center;
    font-size: 1.25rem;
  }
`;

/**
 * The code of History and of Settings for the component that opens them (see screen-load.ts): fetched
 * when a screen is first opened, or ahead once the app is idle, and what stands in a screen's place
 * until its code arrives. Each change renders the host again.
 */
export class LazyScreens {
  /** Where each screen's code is: absent until first opened or fetched ahead. */
  loads: Readonly<Partial<Record<LazyScreen, ScreenLoad>>> = {};
  /** The code of the screen opened arrived since the host last asked (see takeArrived). */
  private arrived = false;
  /** The code waits for the app to be idle, to be fetched ahead (see fetchAhead). */
  private waitingToFetchAhead = false;
  /** The code was fetched ahead once: one that failed is fetched when opened, not again. */
  private fetchedAhead = false;

  /** `openScreen` is the lazy screen the host shows now, if any. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly openScreen: () => LazyScreen | null,
  ) {}

  isLoaded(screen: LazyScreen): boolean {
    return this.loads[screen] === 'loaded';
  }

  /** The code of the screen opened arrived since the last call: it opens now, as a new screen. */
  takeArrived(): boolean {
    const arrived = this.arrived;
    this.arrived = false;
    return arrived;
  }

  /**
   * Fetches a screen's code, once at a time; a fetch that failed is tried again when asked. One fetched
   * ahead that failed says so only if the screen was opened meanwhile: else its opening tries again.
   */
  load(screen: LazyScreen, { ahead = false } = {}): void {
    if (this.loads[screen] === 'loading' || this.loads[screen] === 'loaded') return;
    this.setLoads({ ...this.loads, [screen]: 'loading' });
    SCREEN_CODE[screen]().then(
      () => {
        this.arrived = this.openScreen() === screen;
        this.setLoads({ ...this.loads, [screen]: 'loaded' });
      },
      () => {
        const { [screen]: _failed, ...others } = this.loads;
        this.setLoads(ahead && this.openScreen() !== screen ? others : { ...others, [screen]: 'failed' });
      },
    );
  }

  /**
   * Fetches History's and Settings' code once the app is idle after the start screen has shown, so
   * that their first opening does not wait for the network; never before Start can be tapped, nor while
   * a session runs (see screensToFetchAhead): begun before the app was idle, they wait for its end.
   * `moment` is read both now and once idle.
   */
  fetchAhead(moment: () => AppMoment): void {
    if (this.fetchedAhead || this.waitingToFetchAhead) return;
    if (screensToFetchAhead(moment(), this.loads).length === 0) return;
    this.waitingToFetchAhead = true;
    whenIdleAfterLoad(() => {
      this.waitingToFetchAhead = false;
      const screens = screensToFetchAhead(moment(), this.loads);
      if (screens.length === 0) return;
      this.fetchedAhead = true;
      for (const screen of screens) this.load(screen, { ahead: true });
    });
  }

  /** In the place of History or Settings until its code arrives, with Try again where it failed. */
  renderLoad(screen: LazyScreen) {
    const load = this.loads[screen] === 'failed' ? 'failed' : 'loading';
    if (load === 'loading')
      return html`<p class="screen-load" role="status">${screenLoadWords(screen, load)}</p>`;
    return html`<div class="screen-load" role="alert">
      <p>${screenLoadWords(screen, load)}</p>
      <button class="primary" @click=${() => this.load(screen)}>Try again</button>
    </div>`;
  }

  private setLoads(loads: Readonly<Partial<Record<LazyScreen, ScreenLoad>>>): void {
    this.loads = loads;
    this.host.requestUpdate();
  }
}
