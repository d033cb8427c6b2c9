// A pause in the middle of a set is cut out of what the detectors see. Paused, the person stops where
// they are, perhaps halfway up a rep; had the detectors watched them stay there, a rep would have
// looked like a shift of weight held for seconds, and the rep under way would be lost. With the paused
// stretch cut out, the movement before the pause joins the movement after it, and the events come back
// on the session's clock.

import {
  defer,
  distinctUntilChanged,
  filter,
  ignoreElements,
  map,
  merge,
  type Observable,
  type OperatorFunction,
  tap,
} from 'rxjs';
import type { MotionEvent } from '../motion/events.ts';
import type { AccelFrame } from '../sensors/samples.ts';

/** The session's pause as the cut needs it: when it began (null when running) and the clock. */
export interface PauseState {
  readonly pausedAtMs: number | null;
  readonly nowMs: number;
}

interface Pause {
  readonly fromMs: number;
  toMs: number;
}

/** The pauses of one set, and the two clocks they make: the session's, and the detectors'. */
export class PauseCut {
  private readonly pauses: Pause[] = [];

  /** Follows the session: a pause begins at `pausedAtMs`, and ends at the clock's time on resume. */
  update({ pausedAtMs, nowMs }: PauseState): void {
    const open = this.pauses.at(-1);
    const paused = open !== undefined && !Number.isFinite(open.toMs);
    if (pausedAtMs !== null && !paused) {
      this.pauses.push({ fromMs: pausedAtMs, toMs: Number.POSITIVE_INFINITY });
    } else if (pausedAtMs === null && paused) open.toMs = Math.max(open.fromMs, nowMs);
  }

  /** The frame on the detectors' clock: samples taken while paused are dropped, later ones moved back. */
  frame(frame: AccelFrame): AccelFrame | null {
    if (this.pauses.length === 0) return frame;
    const n = frame.xyz.length / 3;
    // Frames are short (a tenth of a second): where they meet a pause, they are cut sample by sample.
    let first = 0;
    while (first < n && this.inPause(frame.t0Ms + first * frame.dtMs)) first++;
    if (first === n) return null;
    let last = first;
    const shift = this.cutBefore(frame.t0Ms + first * frame.dtMs);
    while (last + 1 < n) {
      const t = frame.t0Ms + (last + 1) * frame.dtMs;
      if (this.inPause(t) || this.cutBefore(t) !== shift) break;
      last++;
    }
    return {
      t0Ms: frame.t0Ms + first * frame.dtMs - shift,
      dtMs: frame.dtMs,
      xyz: first === 0 && last === n - 1 ? frame.xyz : frame.xyz.subarray(first * 3, (last + 1) * 3),
    };
  }

  /** An event of the detectors back on the session's clock. */
  event(event: MotionEvent): MotionEvent {
    if (this.pauses.length === 0) return event;
    const tMs = this.toSession(event.tMs);
    const emittedMs = this.toSession(event.emittedMs);
    if (event.type === 'rep') return { ...event, tMs, emittedMs, startMs: this.toSession(event.startMs) };
    return { ...event, tMs, emittedMs };
  }

  private inPause(t: number): boolean {
    return this.pauses.some((p) => t >= p.fromMs && t < p.toMs);
  }

  /** Paused time before session time `t`. */
  private cutBefore(t: number): number {
    let cut = 0;
    for (const p of this.pauses) if (p.toMs <= t) cut += p.toMs - p.fromMs;
    return cut;
  }

  /** The session time of detector time `t`: every pause that began before it lies between. */
  private toSession(t: number): number {
    let session = t;
    for (const p of this.pauses) {
      if (p.fromMs > session || !Number.isFinite(p.toMs)) break;
      session += p.toMs - p.fromMs;
    }
    return session;
  }
}

/**
 * Runs `detect` over a set's frames with the session's pauses cut out (see PauseCut). A fresh cut for
 * each subscription: one per set, like the detector.
 */
export function detectAroundPauses(
  pauses$: Observable<PauseState>,
  detect: OperatorFunction<AccelFrame, MotionEvent>,
): OperatorFunction<AccelFrame, MotionEvent> {
  return (frames) =>
    defer(() => {
      const cut = new PauseCut();
      return merge(
        pauses$.pipe(
          distinctUntilChanged((a, b) => a.pausedAtMs === b.pausedAtMs),
          tap((state) => cut.update(state)),
          ignoreElements(),
        ),
        frames.pipe(
          map((frame) => cut.frame(frame)),
          filter((frame): frame is AccelFrame => frame !== null),
          detect,
          map((event) => cut.event(event)),
        ),
      );
    });
}
