// The breaths of a drawing-in hold belong to it. The breath counter counts wherever the person is
// still; this keeps the breaths that fall inside a hold, and only once that hold has lasted longer
// than any still moment on the way into or out of it: standing before getting down or kneeling on
// the way up is a "hold" to the hold detector too, and its breathing is not the exercise's.

import type { BreathEvent, MotionEvent } from './events.ts';

// Far from both: drawing-in holds last 45 s and more (program.md); the pauses around one, seconds.
const MIN_HOLD_FOR_BREATHS_MS = 20000;
// A breath is let through once the hold has gone on this long after it: the hold's end is known a
// moment after the person starts to leave, and is dated back to when they did, so that the breath
// that the leaving itself completes falls after it.
const SETTLE_MS = 3000;
// A breath finished before the hold was confirmed can still turn out to be inside it: the hold is
// dated back to when the person went still, a few seconds before it is confirmed.
const WAIT_MS = 30000;

export class HoldBreaths {
  private holdStartMs = Number.NaN;
  private waiting: BreathEvent[] = [];

  /** countFrom: tells the breath counter where a hold starts, so that it counts over the hold alone. */
  constructor(private readonly countFrom: (holdStartMs: number) => void) {}

  /** Filters one frame's events in place; nowMs is the data time of the frame's last sample. */
  filter(events: MotionEvent[], nowMs: number): void {
    // Most frames bring no event and find no breath waiting: nothing to do, nothing to allocate.
    if (events.length === 0 && this.waiting.length === 0) return;
    const kept: MotionEvent[] = [];
    for (const e of events) {
      if (e.type === 'breath') {
        this.waiting.push(e);
        continue;
      }
      if (e.type === 'hold-start') {
        this.holdStartMs = e.tMs;
        this.waiting = this.waiting.filter((b) => b.tMs >= e.tMs);
        this.countFrom(e.tMs);
      } else if (e.type === 'hold-end') {
        // The breaths of the hold up to its end count if it was the exercise's; any after it do not.
        if (e.tMs - this.holdStartMs >= MIN_HOLD_FOR_BREATHS_MS) this.release(kept, e.tMs, nowMs);
        this.holdStartMs = Number.NaN;
        this.waiting.length = 0;
      }
      kept.push(e);
    }
    if (!Number.isNaN(this.holdStartMs) && nowMs - this.holdStartMs >= MIN_HOLD_FOR_BREATHS_MS) {
      this.release(kept, nowMs - SETTLE_MS, nowMs);
    }
    if (Number.isNaN(this.holdStartMs)) this.waiting = this.waiting.filter((b) => b.tMs > nowMs - WAIT_MS);
    events.length = 0;
    events.push(...kept);
  }

  /** Lets through the waiting breaths that ended by untilMs. */
  private release(kept: MotionEvent[], untilMs: number, nowMs: number): void {
    const due = this.waiting.filter((b) => b.tMs <= untilMs);
    if (due.length === 0) return;
    for (const b of due) kept.push({ ...b, emittedMs: nowMs });
    this.waiting = this.waiting.filter((b) => b.tMs > untilMs);
  }
}
