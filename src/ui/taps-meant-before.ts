// Which taps on the set's buttons were meant for the button before the one under the finger, and what
// the set says of them, so that a tap it lets go is never met with nothing.

/**
 * A press this soon after the button under the finger changed was meant for the button before it,
 * and is let go: Pause just after it was Resume (the app resumed by itself, a strap back, as the
 * finger came down), End hold just after it was Start hold, Start hold just after Start the set (see
 * BbSetView.onHoldButton). A finger that tapped twice, or a key pressed twice or held down. One for
 * every button that takes another's place, so that each lets go of the same double tap; no plank is
 * held, nor got down to from Start the set, in less.
 */
export const PRESS_MEANT_FOR_THE_BUTTON_BEFORE_MS = 800;

/** Whether a press `sincePressOrChangeMs` after the button before was pressed, or turned into this one, was meant for it. */
export function meantForTheButtonBefore(sincePressOrChangeMs: number): boolean {
  return sincePressOrChangeMs < PRESS_MEANT_FOR_THE_BUTTON_BEFORE_MS;
}

/** What the set says of a tap it let go: that the button's next tap does what it says. */
export function tapAgainText(word: string): string {
  return `Tap again to ${word}`;
}
