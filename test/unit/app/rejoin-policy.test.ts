// When a device picked on an earlier visit, not reached as the page loaded, is tried again.
import { describe, expect, it } from 'vitest';
import { rejoinDelayMs } from '../../../src/app/rejoin-policy.ts';

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
