// Whether the start screen keeps room for "Backbeat now works offline", decided from what the browser
// reports of the service worker for the app's scope as the page opens.
import { describe, expect, it } from 'vitest';
import { offlineNewsDue } from '../../../src/app/updates.ts';

const worker = {} as ServiceWorker;

describe('the news that the app works offline', () => {
  it('is due on a first visit, with no service worker registered yet', () => {
    expect(offlineNewsDue(undefined)).toBe(true);
  });

  it('is due while the first service worker is still being installed', () => {
    expect(offlineNewsDue({ active: null })).toBe(true);
  });

  it('is not due once a service worker is active, though this load is not under it (a hard reload)', () => {
    expect(offlineNewsDue({ active: worker })).toBe(false);
  });

  it('is not due where the browser keeps no service worker for the page: no such news will come', () => {
    expect(offlineNewsDue('unavailable')).toBe(false);
  });
});
