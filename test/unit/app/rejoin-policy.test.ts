// When a device not reached is tried again by itself: one picked on an earlier visit that did not
// answer as the page loaded, and one the app gave up on after its reconnection attempts.
import { describe, expect, it } from 'vitest';
import { tryAgainDelayMs } from '../../../src/app/rejoin-policy.ts';

const onTheStartScreen = { sessionRunning: false, pageHidden: false };

describe('trying again a device not reached', () => {
  it('waits 15 s at first, as a strap is often put on just after the page opens', () => {
    for (const failedAttempts of [0, 1, 2, 3]) {
      expect(tryAgainDelayMs({ ...onTheStartScreen, failedAttempts })).toBe(15_000);
    }
  });

  it('then waits 30 s between tries', () => {
    for (const failedAttempts of [4, 5, 40, 400]) {
      expect(tryAgainDelayMs({ ...onTheStartScreen, failedAttempts })).toBe(30_000);
    }
  });

  it('tries in a session, with the screen off too: the person on the mat waits for the strap', () => {
    expect(tryAgainDelayMs({ failedAttempts: 0, sessionRunning: true, pageHidden: false })).toBe(15_000);
    expect(tryAgainDelayMs({ failedAttempts: 9, sessionRunning: true, pageHidden: true })).toBe(30_000);
  });

  it('does not try while the page is hidden with no session under way: nobody is waiting for it', () => {
    expect(tryAgainDelayMs({ failedAttempts: 0, sessionRunning: false, pageHidden: true })).toBeNull();
    expect(tryAgainDelayMs({ failedAttempts: 2, sessionRunning: false, pageHidden: true })).toBeNull();
  });
});
