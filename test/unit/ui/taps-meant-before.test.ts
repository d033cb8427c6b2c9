import { describe, expect, it } from 'vitest';
import {
  END_HOLD_MEANT_AS_START_HOLD_MS,
  holdButtonTap,
  holdStartedText,
  meantForTheButtonBefore,
  PRESS_MEANT_FOR_THE_BUTTON_BEFORE_MS,
  tapAgainText,
} from '../../../src/ui/taps-meant-before.ts';

/** End hold of a hold the device began, tapped `sinceMs` after Start hold turned into it. */
const endHoldOfADeviceHold = (sinceMs: number) => ({
  endsHold: true,
  sinceButtonBeforeMs: sinceMs,
  begunByTap: false,
  takenAsStartHoldBefore: false,
});

describe('meantForTheButtonBefore', () => {
  it('takes a press within the double tap of the button before as meant for it, and none after', () => {
    expect(meantForTheButtonBefore(0)).toBe(true);
    expect(meantForTheButtonBefore(PRESS_MEANT_FOR_THE_BUTTON_BEFORE_MS - 1)).toBe(true);
    expect(meantForTheButtonBefore(PRESS_MEANT_FOR_THE_BUTTON_BEFORE_MS)).toBe(false);
    expect(meantForTheButtonBefore(Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe('holdButtonTap', () => {
  it('lets go of the second tap of a double tap, on Start hold and on End hold', () => {
    expect(holdButtonTap({ ...endHoldOfADeviceHold(200), endsHold: false })).toBe('let-go');
    expect(holdButtonTap(endHoldOfADeviceHold(PRESS_MEANT_FOR_THE_BUTTON_BEFORE_MS - 1))).toBe('let-go');
    expect(holdButtonTap({ ...endHoldOfADeviceHold(200), begunByTap: true })).toBe('let-go');
  });

  it('takes End hold tapped within a reach of the device beginning the hold as the Start hold meant', () => {
    expect(holdButtonTap(endHoldOfADeviceHold(PRESS_MEANT_FOR_THE_BUTTON_BEFORE_MS))).toBe(
      'taken-as-start-hold',
    );
    expect(holdButtonTap(endHoldOfADeviceHold(1500))).toBe('taken-as-start-hold');
    expect(holdButtonTap(endHoldOfADeviceHold(END_HOLD_MEANT_AS_START_HOLD_MS - 1))).toBe(
      'taken-as-start-hold',
    );
  });

  it('ends the hold past that reach, once the set has said so, or where Start hold began it', () => {
    expect(holdButtonTap(endHoldOfADeviceHold(END_HOLD_MEANT_AS_START_HOLD_MS))).toBe('acts');
    expect(holdButtonTap({ ...endHoldOfADeviceHold(1500), takenAsStartHoldBefore: true })).toBe('acts');
    expect(holdButtonTap({ ...endHoldOfADeviceHold(1500), begunByTap: true })).toBe('acts');
  });

  it('starts a hold with Start hold past a double tap, however soon', () => {
    expect(holdButtonTap({ ...endHoldOfADeviceHold(1500), endsHold: false })).toBe('acts');
  });
});

describe('the lines of a tap taken otherwise than it looks', () => {
  it('name the button to tap again, and how a hold begun by the device ends', () => {
    expect(tapAgainText('End hold')).toBe('Tap again to End hold');
    expect(holdStartedText(true)).toBe('Hold started: tap End hold when you come down');
    expect(holdStartedText(false)).toBe('Hold started: tap End hold when you let go');
  });
});
