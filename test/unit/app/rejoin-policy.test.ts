// When a device picked on an earlier visit, not reached as the page loaded, is tried again.
import { describe, expect, it } from 'vitest';
import { rejoinDelayMs, retryLostDelayMs } from '../../../src/app/rejoin-policy.ts';

const onTheStartScreen = { sessionRunning: false, pageHidden: false };

describe('trying again a device of an earlier visit that was not reached', () => {
  it('waits 15 s at first, as a strap is often put on just after the page opens', () => {
    for (const failedAttempts of [0, 1, 2, 3]) {
      expect(rejoinDelayMs({ ...onTheStartScreen, failedAttempts })).toBe(15_000);
    }
  });

  it('then waits 30 s between tries, for as long as the start screen shows', () => {
    for (const failedAttempts of [4, 5, 40, 400]) {
      expect(rejoinDelayMs({ ...onTheStartScreen, failedAttempts })).toBe(30_000);
    }
  });

  it('does not try in a session: a strap joining would take the place of the virtual strap mid-set', () => {
    expect(rejoinDelayMs({ failedAttempts: 0, sessionRunning: true, pageHidden: false })).toBeNull();
  });

  it('does not try while the page is hidden: nobody is there to see it join', () => {
    expect(rejoinDelayMs({ failedAttempts: 2, sessionRunning: false, pageHidden: true })).toBeNull();
  });
});

describe('trying again a device the app gave up on (out of reach after its reconnection attempts)', () => {
  it('waits 15 s, then 30 s, as for a device of an earlier visit', () => {
    const onTheStartScreen = { sessionRunning: false, pageHidden: false };
    expect(retryLostDelayMs({ ...onTheStartScreen, failedAttempts: 0 })).toBe(15_000);
    expect(retryLostDelayMs({ ...onTheStartScreen, failedAttempts: 3 })).toBe(15_000);
    expect(retryLostDelayMs({ ...onTheStartScreen, failedAttempts: 4 })).toBe(30_000);
  });

  it('tries in a session, with the screen off too: the strap is the one the session counts with, and nothing else joins', () => {
    expect(retryLostDelayMs({ failedAttempts: 0, sessionRunning: true, pageHidden: false })).toBe(15_000);
    expect(retryLostDelayMs({ failedAttempts: 9, sessionRunning: true, pageHidden: true })).toBe(30_000);
  });

  it('does not try while the page is hidden with no session under way: nobody is waiting for it', () => {
    expect(retryLostDelayMs({ failedAttempts: 0, sessionRunning: false, pageHidden: true })).toBeNull();
  });
});
