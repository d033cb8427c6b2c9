// A rest's time left, as its ring counts it down and the voice calls it: one reckoning for both, so
// that "thirty seconds left" is said as the ring comes to 30, not a second before or after it.

import type { SessionState } from './session-state.ts';

/** How long the rest under way has left, standing still while the session is paused; 0 out of a rest. */
export function restLeftMs(state: Pick<SessionState, 'restEndsMs' | 'nowMs' | 'pausedAtMs'>): number {
  return (state.restEndsMs ?? state.nowMs) - (state.pausedAtMs ?? state.nowMs);
}

/** Whole seconds left of `leftMs`, rounded up: the ring shows 0 only once the rest is over. */
export function wholeSecondsLeft(leftMs: number): number {
  return Math.max(0, Math.ceil(leftMs / 1000));
}
