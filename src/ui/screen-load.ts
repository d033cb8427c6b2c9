// History (with uPlot and its charts) and Settings are about a fifth of the app's code, and neither is
// needed to show the start screen or to run a session: their modules are fetched when first opened,
// so that a phone's first visit offers Start sooner. The service worker precaches them with the rest.

/** A screen whose code comes when it is first opened. */
export type LazyScreen = 'history' | 'settings';

/** Where a lazy screen's code is: on its way, arrived, or not to be had (offline before it was cached). */
export type ScreenLoad = 'loading' | 'loaded' | 'failed';

const NAMES: Record<LazyScreen, string> = { history: 'History', settings: 'Settings' };

/**
 * What shows in a screen's place until its code arrives: a short line while it is on its way, never
 * a blank page; and where it cannot be fetched, that it is not on this device yet and what to do.
 */
export function screenLoadWords(screen: LazyScreen, load: Exclude<ScreenLoad, 'loaded'>): string {
  const name = NAMES[screen];
  return load === 'loading'
    ? `Loading ${name}…`
    : `${name} could not be loaded: it is not saved on this device yet and the network is out of reach. ` +
        'Try again once online. Your sessions are safe.';
}
