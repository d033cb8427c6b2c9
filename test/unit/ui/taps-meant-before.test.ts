import { describe, expect, it } from 'vitest';
import {
  meantForTheButtonBefore,
  PRESS_MEANT_FOR_THE_BUTTON_BEFORE_MS,
  tapAgainText,
} from '../../../src/ui/taps-meant-before.ts';

describe('meantForTheButtonBefore', () => {
  it('takes a press within the double tap of the button before as meant for it, and none after', () => {
    expect(meantForTheButtonBefore(0)).toBe(true);
    expect(meantForTheButtonBefore(PRESS_MEANT_FOR_THE_BUTTON_BEFORE_MS - 1)).toBe(true);
    expect(meantForTheButtonBefore(PRESS_MEANT_FOR_THE_BUTTON_BEFORE_MS)).toBe(false);
    expect(meantForTheButtonBefore(Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe('the line of a tap let go', () => {
  it('names the button to tap again', () => {
    expect(tapAgainText('End hold')).toBe('Tap again to End hold');
  });
});
