// History's and Settings' code is fetched ahead of their first opening once the app is idle, once Start
// can be tapped, and between sessions only.
import { describe, expect, it } from 'vitest';
import { screensToFetchAhead } from '../../../src/ui/screen-load.ts';

describe('the screens whose code is fetched ahead', () => {
  const startScreen = { phase: 'ready', startWaiting: false } as const;

  it('are both on the start screen once Start can be tapped, and on the summary, until fetched', () => {
    expect(screensToFetchAhead(startScreen, {})).toEqual(['history', 'settings']);
    expect(screensToFetchAhead({ phase: 'summary', startWaiting: false }, {})).toEqual([
      'history',
      'settings',
    ]);
  });

  it('are none while Start waits for the past sessions to be read', () => {
    expect(screensToFetchAhead({ phase: 'ready', startWaiting: true }, {})).toEqual([]);
  });

  it('are none while a session runs, in a set or in a rest', () => {
    expect(screensToFetchAhead({ phase: 'set', startWaiting: false }, {})).toEqual([]);
    expect(screensToFetchAhead({ phase: 'rest', startWaiting: false }, {})).toEqual([]);
  });

  it('leave out a screen whose code has come, is on its way, or failed when opened', () => {
    expect(screensToFetchAhead(startScreen, { history: 'loaded' })).toEqual(['settings']);
    expect(screensToFetchAhead(startScreen, { history: 'loading', settings: 'failed' })).toEqual([]);
  });
});
