// Which taps on the set's buttons were meant for the button before the one under the finger, and what
// the set says of them, so that a tap it does not take as it looks is never met with nothing.

import { FALSE_START_HOLD_MS } from '../workout/hold-timing.ts';

/**
 * A press this soon after the button under the finger changed was meant for the button before it,
 * and is let go: Pause just after it was Resume (the app resumed by itself, a strap back, as the
 * finger came down), End hold just after it was Start hold, Start hold just after Start the set (see
 * BbSetView.onHoldButton). A finger that tapped twice, or a key pressed twice or held down. One for
 * every button that takes another's place, so that each lets go of the same double tap; no plank is
 * held, nor got down to from Start the set, in less.
 */
export const PRESS_MEANT_FOR_THE_BUTTON_BEFORE_MS = 800;

/**
 * End hold tapped this soon after the device began the hold, and Start hold turned into it, was the
 * finger that reached for Start hold: a reach from the mat to a phone beside it takes 1 to 3 s. No
 * hold of the program is ended by choice so soon after it began (a drawing-in is held 45 s to 2 min,
 * a plank's three holds each longer than the last), and the detectors keep none shorter than
 * FALSE_START_HOLD_MS, counted from the stillness they saw some 3 s before telling of it. A person who
 * did mean to stop comes down, which the device sees.
 */
export const END_HOLD_MEANT_AS_START_HOLD_MS = FALSE_START_HOLD_MS;

/** Whether a press `sincePressOrChangeMs` after the button before was pressed, or turned into this one, was meant for it. */
export function meantForTheButtonBefore(sincePressOrChangeMs: number): boolean {
  return sincePressOrChangeMs < PRESS_MEANT_FOR_THE_BUTTON_BEFORE_MS;
}

/** The set's Start hold / End hold button as a tap finds it. */
export interface HoldButtonAtTap {
  /** The button says End hold: a hold is under way. */
  readonly endsHold: boolean;
  /** How long ago Start the set was pressed (Start hold), or Start hold turned into End hold. */
  readonly sinceButtonBeforeMs: number;
  /** The hold under way was begun with Start hold, not by the device. */
  readonly begunByTap: boolean;
  /** An End hold tapped earlier in this hold was already taken as Start hold. */
  readonly takenAsStartHoldBefore: boolean;
}

/**
 * What a tap on the hold button does: what it says (`acts`), nothing as the second of a double tap
 * (`let-go`), or, End hold tapped soon after the device began the hold, nothing but say that the hold
 * has begun (`taken-as-start-hold`): the Start hold the finger was reaching for. Once only: End hold
 * tapped again after the set said so is meant.
 */
export function holdButtonTap(button: HoldButtonAtTap): 'acts' | 'let-go' | 'taken-as-start-hold' {
  if (meantForTheButtonBefore(button.sinceButtonBeforeMs)) return 'let-go';
  const meantAsStart =
    button.endsHold &&
    !button.begunByTap &&
    !button.takenAsStartHoldBefore &&
    button.sinceButtonBeforeMs < END_HOLD_MEANT_AS_START_HOLD_MS;
  return meantAsStart ? 'taken-as-start-hold' : 'acts';
}

/** What the set says of a tap it let go: that the button's next tap does what it says. */
export function tapAgainText(word: string): string {
  return `Tap again to ${word}`;
}

/** What the set says of an End hold taken as Start hold: the hold is on, and how it ends. */
export function holdStartedText(liftsIntoHold: boolean): string {
  return `Hold started: tap End hold when you ${liftsIntoHold ? 'come down' : 'let go'}`;
}
