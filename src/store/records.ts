// What a saved session is made of: the rows the store keeps and the bundle the exporters read.
// Times inside a session are ms on the session timeline: 0 at the session's start, gaps while the app
// was closed cut out, so that a resumed session carries on where it was. `startedAt` (epoch ms) and
// `gaps` map the timeline back to wall-clock time for exports.

import type { MotionEvent } from '../motion/events.ts';
import type { Placement, SourceInfo } from '../sensors/samples.ts';
import type { DevicePause } from '../workout/device-drops.ts';
import type { Dosage, ExerciseId } from '../workout/program.ts';
import type { CurrentSet, SetRecord } from '../workout/session.ts';
import type { PauseReason, SessionPhase } from '../workout/session-state.ts';

export type SessionStatus = 'active' | 'finished';

export interface PlanEntry {
  readonly exerciseId: ExerciseId;
  readonly dosage: Dosage;
  /**
   * A plank's first hold last time, whole seconds, where the session's first goal was set a step
   * above it (PlannedExercise.firstHoldLastTimeS): a page that resumes the session still says why the
   * goal is what it is. Absent otherwise, and in plans saved before it was kept.
   */
  readonly firstHoldLastTimeS?: number;
  /**
   * The voice explains the exercise before its first set, the person still new to it
   * (PlannedExercise.sayHow): a page that resumes the session still explains one not yet reached.
   * Absent otherwise, and in plans saved before it was kept.
   */
  readonly sayHow?: boolean;
}

/** The session state as saved for resuming: the reducer's state with the plan by id. */
export interface StateSnapshot {
  readonly phase: SessionPhase;
  readonly exerciseIndex: number;
  readonly set: CurrentSet | null;
  readonly restEndsMs: number | null;
  readonly nowMs: number;
  readonly startedMs: number | null;
  readonly endedMs: number | null;
  /** Absent in snapshots saved before sessions could pause. */
  readonly pausedAtMs?: number | null;
  /** Paused only while Finish's question was asked (see SessionState.pausedToAsk): absent otherwise. */
  readonly pausedToAsk?: true;
  /**
   * Paused by the app for a device (see SessionState.pausedFor): absent for the person's own pause.
   * The page that resumes it says the device as it finds it (see pausedAsDevicesAre).
   */
  readonly pausedFor?: PauseReason;
  /**
   * Where the device that pause was made for is worn (see SessionState.pausedForDevice), for the page
   * that resumes it to name it where the devices it finds cannot tell (two not answering yet). Absent
   * where it was not known, and in snapshots saved before it was kept, which name no device.
   */
  readonly pausedForDevice?: Placement;
  /**
   * The pauses over (absent when none, and in snapshots saved before they were kept), a device's drop
   * with where that device was worn (see DevicePause).
   */
  readonly pauses?: readonly DevicePause[];
}

/** A stretch of wall-clock time during which the app was closed, cut out of the session timeline. */
export interface TimelineGap {
  /** Session time at which the app went away. */
  readonly atMs: number;
  readonly gapMs: number;
}

export interface SessionSummary {
  readonly durationMs: number;
  readonly sets: number;
  /** Of `sets`, those skipped before they counted anything (absent in sessions saved before 2026-12). */
  readonly skipped?: number;
  /**
   * Of `sets`, those a tap ended short of their target, something counted or held (see setOutcome):
   * absent when none was, and in sessions saved before 2026-12, which read as none.
   */
  readonly cutShort?: number;
  /** Reps and breath cycles together. */
  readonly reps: number;
  /** Of `reps`, the breath cycles (absent in sessions saved before 2026-12). */
  readonly breaths?: number;
  readonly holdMs: number;
  /**
   * Of `holdMs`, that of holds broken by a pause (SetRecord.pausedInHold), whole seconds a set as
   * holdMs: History says it, as the rest and the voice said each. Absent when none was.
   */
  readonly pausedHoldMs?: number;
  readonly avgBpm: number | null;
  readonly maxBpm: number | null;
  /** Mean drop in heart rate during the first minute after each set: the recovery. */
  readonly recoveryBpm: number | null;
  /**
   * The weight each exercise done with one was done with (the lat pulldown's), for History: absent
   * when none was, and in sessions saved before 2026-12.
   */
  readonly weights?: readonly ExerciseWeight[];
  /**
   * Of `reps`, those of each exercise done one side at a time (the bird dog's), per side, as each
   * set's screen and voice counted them: History tells them per side, as every other screen does.
   * Absent when none was done, and where a session's sets are not all kept: its total is then all
   * there is to tell.
   */
  readonly perSide?: readonly ExerciseSides[];
}

export interface ExerciseWeight {
  readonly exerciseId: ExerciseId;
  readonly kg: number;
}

export interface ExerciseSides {
  readonly exerciseId: ExerciseId;
  readonly right: number;
  readonly left: number;
}

export interface SessionRow {
  readonly id: string;
  /** Wall-clock start, epoch ms. */
  readonly startedAt: number;
  /**
   * How far the clock was ahead of UTC where and when the session began, minutes (-240 in New York in
   * summer). With `startedAt` it fixes the day and week the session belongs to (see sessionWeek),
   * whatever zone the app is opened in later.
   */
  readonly utcOffsetMin: number;
  /**
   * The clock's offset from UTC at the session's end, when it was not the one it began at (the clocks
   * went forward or back during it): the local time a FIT file gives its end.
   */
  readonly endUtcOffsetMin?: number;
  /** Wall-clock end, epoch ms; null while the session is active. */
  readonly endedAt: number | null;
  readonly status: SessionStatus;
  /** Wall-clock time of the last write, epoch ms. */
  readonly updatedAt: number;
  readonly plan: readonly PlanEntry[];
  /** State at the last write, for resuming; kept after the end for the summary screen. */
  readonly snapshot: StateSnapshot | null;
  /**
   * The pauses over of a session kept without its snapshot, which holds them otherwise (see
   * StateSnapshot.pauses): a backup's session whose saved state could not be read is imported without
   * it, and the pauses in it, each read on its own, still tell History and the exports when the
   * session stood still. Absent otherwise, and in sessions imported before they were kept so. Read
   * through workout/device-drops.ts's sessionPauses.
   */
  readonly pauses?: readonly DevicePause[];
  readonly summary: SessionSummary;
  readonly sources: readonly SourceInfo[];
  readonly gaps: readonly TimelineGap[];
  /**
   * Bytes of raw motion kept for the session (see motionChunkBytes). Absent in rows written before it
   * was counted, until the store counts them.
   */
  readonly motionBytes?: number;
  /** The raw motion was removed to free space (the retention setting); the rest of the session stays. */
  readonly motionDropped?: boolean;
  /**
   * The tab that records the session (an id per page load). A write from any other tab is refused,
   * so that a session moved to another tab is never written by two.
   */
  readonly writer?: string;
}

/**
 * Where the store keeps a session's resume snapshot. It changes every second while a session runs,
 * so it lives in its own small row: rewriting the whole session row that often cost about 2 kB of
 * disk per second until the database compacts.
 */
export interface SnapshotRow {
  readonly sessionId: string;
  readonly snapshot: StateSnapshot;
}

export interface SetRow extends SetRecord {
  readonly sessionId: string;
  /** Position of the set in the session, from 0. */
  readonly index: number;
}

/** Sets read from the store all at once, grouped by the session they belong to. */
export function setsBySession(sets: readonly SetRow[]): Map<string, SetRow[]> {
  const bySession = new Map<string, SetRow[]>();
  for (const set of sets) {
    const list = bySession.get(set.sessionId);
    if (list) list.push(set);
    else bySession.set(set.sessionId, [set]);
  }
  return bySession;
}

export type StoredEvent =
  | { readonly kind: 'motion'; readonly event: MotionEvent }
  /** What the coach said or showed, as text. */
  | { readonly kind: 'cue'; readonly text: string };

export interface EventRow {
  readonly sessionId: string;
  readonly seq: number;
  readonly tMs: number;
  readonly data: StoredEvent;
}

/**
 * About one second of heart rate from one source, column-wise. RR intervals are whole ms as the
 * sources deliver them (the parser rounds the wire's 1/1024 s); `rrCount[i]` of them belong to sample i.
 */
export interface HeartRateChunkRow {
  readonly sessionId: string;
  readonly seq: number;
  readonly sourceId: string;
  readonly tMs: Float64Array;
  readonly bpm: Uint16Array;
  readonly rrCount: Uint8Array;
  readonly rrMs: Uint16Array;
}

/**
 * About one second of accelerometer data from one source. Samples are Int16 in milli-g (the unit
 * Polar's PMD stream uses, ±32 g): a third of the size of Float64 and no loss that matters at 1 mg.
 * The source's frames are kept as runs (start, spacing, length) so irregular timing survives.
 */
export interface MotionChunkRow {
  readonly sessionId: string;
  readonly seq: number;
  readonly sourceId: string;
  readonly frameT0Ms: Float64Array;
  readonly frameDtMs: Float32Array;
  readonly frameLength: Uint16Array;
  /** x0,y0,z0,x1,… in mg. */
  readonly mg: Int16Array;
}

/** What a motion chunk's columns take: the figure the retention setting adds up. */
export function motionChunkBytes(row: MotionChunkRow): number {
  return row.mg.byteLength + row.frameT0Ms.byteLength + row.frameDtMs.byteLength + row.frameLength.byteLength;
}

/** Everything about one session: what the store holds and what JSON export and import carry. */
export interface SessionBundle {
  readonly session: SessionRow;
  readonly sets: readonly SetRow[];
  readonly events: readonly EventRow[];
  readonly heartRate: readonly HeartRateChunkRow[];
  readonly motion: readonly MotionChunkRow[];
}
