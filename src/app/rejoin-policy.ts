// When a Bluetooth device picked on an earlier visit, and not reached as the page loaded (off, or not
// yet in reach), is tried again by itself: at a low rate, as each try wakes the phone's radio, and
// only on the start screen with the page in sight. So is a device the app gave up on after its
// reconnection attempts, in a session too.

/** The first tries come sooner: a strap is often wetted and put on just after the page opens. */
export const REJOIN_EARLY_DELAY_MS = 15_000;
const REJOIN_EARLY_ATTEMPTS = 4;
/** After the first minute, one try every half minute, for as long as the start screen shows. */
const REJOIN_LATER_DELAY_MS = 30_000;

export interface RejoinCircumstances {
  /** Tries made since the page loaded, none of which reached the device. */
  readonly failedAttempts: number;
  /** A session is under way: a device joining would take the virtual strap's place mid-set. */
  readonly sessionRunning: boolean;
  /** The page is hidden (the screen off, another app in front): nobody sees the device join. */
  readonly pageHidden: boolean;
}

/** How long to wait before the next try, or null when no try is to be made now. */
export function rejoinDelayMs({
  failedAttempts,
  sessionRunning,
  pageHidden,
}: RejoinCircumstances): number | null {
  if (sessionRunning || pageHidden) return null;
  return delayAfter(failedAttempts);
}

/**
 * How long to wait before the next try of a device the app gave up on (out of reach after its
 * reconnection attempts), or null when no try is to be made now. In a session it is the device the
 * session counts with, so its joining takes no other's place; the phone lies on the floor with its
 * screen off then, and the person waits for the strap, so it is tried with the page hidden too.
 */
export function retryLostDelayMs({
  failedAttempts,
  sessionRunning,
  pageHidden,
}: RejoinCircumstances): number | null {
  if (pageHidden && !sessionRunning) return null;
  return delayAfter(failedAttempts);
}

function delayAfter(failedAttempts: number): number {
  return failedAttempts < REJOIN_EARLY_ATTEMPTS ? REJOIN_EARLY_DELAY_MS : REJOIN_LATER_DELAY_MS;
}
