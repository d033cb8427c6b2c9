// What the detectors tell the session. Every event carries two times: `tMs`, the estimated time of
// what happened (a rep's end, a hold's start), and `emittedMs`, the data time at which the detector
// knew it. Their difference is the detector's latency, which the evaluation command reports.

export type Side = 'left' | 'right';

export type FormIssue =
  /** Superman lifted far past the usual range: the lower back is over-extending. */
  | 'over-extension'
  /** Bird dog rolled far to one side: the tabletop is lost. */
  | 'tabletop-lost'
  /** Plank hips dropped: the pose sags. */
  | 'plank-sag';

export interface RepEvent {
  readonly type: 'rep';
  readonly tMs: number;
  readonly emittedMs: number;
  /** When the movement of this rep began. */
  readonly startMs: number;
  /** Largest tilt away from the rest pose during the rep, in degrees (range of motion). */
  readonly peakDeg: number;
  /** For exercises done one side at a time (bird dog). */
  readonly side?: Side;
}

/**
 * The torso has come to a stop near the top of a rep under way: the pause the program asks for there
 * (a glute bridge's 3–5 s) has begun, at `tMs`. Told once a rep; the rep itself follows on the way
 * back, or nothing does if the excursion turns out to be no rep.
 */
export interface TopEvent {
  readonly type: 'top';
  readonly tMs: number;
  readonly emittedMs: number;
}

/**
 * The person has left the top after a TopEvent, on the way back (at `tMs`): the pause there is over,
 * whether or not it lasted as long as the program asks.
 */
export interface TopLeftEvent {
  readonly type: 'top-left';
  readonly tMs: number;
  readonly emittedMs: number;
}

export interface HoldStartEvent {
  readonly type: 'hold-start';
  readonly tMs: number;
  readonly emittedMs: number;
}

export interface HoldEndEvent {
  readonly type: 'hold-end';
  readonly tMs: number;
  readonly emittedMs: number;
  /** Why the hold ended: the pose was left, or form broke (see the form event just before, if any). */
  readonly reason: 'left-pose' | 'form';
}

export interface BreathEvent {
  readonly type: 'breath';
  /** End of the breath cycle. */
  readonly tMs: number;
  readonly emittedMs: number;
}

export interface FormEvent {
  readonly type: 'form';
  readonly tMs: number;
  readonly emittedMs: number;
  readonly issue: FormIssue;
  /**
   * The problem is what ended the hold (a plank whose hips sagged past the limit): the hold-end with
   * reason 'form' follows at once, at the same time. Absent for a problem seen while the set goes on.
   */
  readonly endsHold?: boolean;
}

export type MotionEvent =
  | RepEvent
  | TopEvent
  | TopLeftEvent
  | HoldStartEvent
  | HoldEndEvent
  | BreathEvent
  | FormEvent;
