// When a Bluetooth device not reached is tried again by itself: one picked on an earlier visit that
// did not answer as the page loaded (off, or not yet in reach), and one the app gave up on after its
// reconnection attempts. At a low rate, as each try wakes the phone's radio.

/** The first tries come sooner: a strap is often wetted and put on just after the page opens. */
export const REJOIN_EARLY_DELAY_MS = 15_000;
const REJOIN_EARLY_ATTEMPTS = 4;
/** After the first minute, one try every half minute. */
const REJOIN_LATER_DELAY_MS = 30_000;

export interface RejoinCircumstances {
  /** Tries made by themselves, none of which reached the device. */
  readonly failedAttempts: number;
  /** A session is under way. */
  readonly sessionRunning: boolean;
  /** The page is hidden (the screen off, another app in front). */
  readonly pageHidden: boolean;
}

/**
 * How long to wait before the next try, or null when no try is to be made now. In a session too: the
 * person on the mat waits for the strap (a set picked up after a reload is paused for it), and one
 * that joins takes the place of the virtual strap standing in for it, as one picked mid-set does.
 * The phone lies on the floor with its screen off then, so it is tried with the page hidden too; out
 * of a session, with the page hidden, nobody is waiting for it.
 */
export function tryAgainDelayMs({
  failedAttempts,
  sessionRunning,
  pageHidden,
}: RejoinCircumstances): number | null {
  if (pageHidden && !sessionRunning) return null;
  return failedAttempts < REJOIN_EARLY_ATTEMPTS ? REJOIN_EARLY_DELAY_MS : REJOIN_LATER_DELAY_MS;
}
