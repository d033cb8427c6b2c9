// History (with uPlot and its charts) and Settings are about a fifth of the app's code, and neither is
// needed to show the start screen or to run a session: their modules are not fetched before Start is
// shown, so that a phone's first visit offers Start sooner, but once the app is idle after that, between
// sessions, so that their first opening need not wait for the network; or when first opened, if sooner.
// The service worker precaches them with the rest.

import type { SessionPhase } from '../workout/session-state.ts';

/** A screen whose code comes when it is first opened. */
export type LazyScreen = 'history' | 'settings';

/** Where a lazy screen's code is: on its way, arrived, or not to be had (offline before it was cached). */
export type ScreenLoad = 'loading' | 'loaded' | 'failed';

const NAMES: Record<LazyScreen, string> = { history: 'History', settings: 'Settings' };

/** Where the app is, for what it may fetch ahead. */
export interface AppMoment {
  readonly phase: SessionPhase;
  /** Start waits for the past sessions to be read (see start-screen.ts): it cannot be tapped yet. */
  readonly startWaiting: boolean;
}

/**
 * The screens whose code to fetch ahead of their first opening, now that the app is idle: those not
 * fetched nor on their way; none before Start can be tapped, which they must not hold up; and none
 * while a session runs, whose count, cues and saving must not share the network or a slow phone's
 * processor with them (they are fetched once it has ended).
 */
export function screensToFetchAhead(
  { phase, startWaiting }: AppMoment,
  loads: Readonly<Partial<Record<LazyScreen, ScreenLoad>>>,
): LazyScreen[] {
  if (phase === 'set' || phase === 'rest' || (phase === 'ready' && startWaiting)) return [];
  return (Object.keys(NAMES) as LazyScreen[]).filter((screen) => loads[screen] === undefined);
}

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
