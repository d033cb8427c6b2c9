// Conversions between what the app holds (frames, samples, the session state on the page's clock)
// and what the store keeps (compact column chunks, a snapshot on the session timeline).

import type { MotionEvent } from '../motion/events.ts';
import type { AccelFrame, HeartRateSample } from '../sensors/samples.ts';
import { exerciseById } from '../workout/program.ts';
import type { CurrentSet, PlannedExercise, SessionState, SetRecord } from '../workout/session.ts';
import type { Pause } from '../workout/session-state.ts';
import type {
  HeartRateChunkRow,
  MotionChunkRow,
  PlanEntry,
  SessionRow,
  SetRow,
  StateSnapshot,
} from './records.ts';

const MG_PER_G = 1000;
const INT16_MAX = 32767;

export function encodeMotionChunk(
  sessionId: string,
  seq: number,
  sourceId: string,
  frames: readonly AccelFrame[],
): MotionChunkRow {
  const samples = frames.reduce((n, f) => n + f.xyz.length, 0);
  const mg = new Int16Array(samples);
  const frameT0Ms = new Float64Array(frames.length);
  const frameDtMs = new Float32Array(frames.length);
  const frameLength = new Uint16Array(frames.length);
  let at = 0;
  frames.forEach((frame, i) => {
    frameT0Ms[i] = frame.t0Ms;
    frameDtMs[i] = frame.dtMs;
    frameLength[i] = frame.xyz.length / 3;
    for (let k = 0; k < frame.xyz.length; k++) {
      const value = Math.round(frame.xyz[k]! * MG_PER_G);
      mg[at++] = Math.max(-INT16_MAX, Math.min(INT16_MAX, value));
    }
  });
  return { sessionId, seq, sourceId, frameT0Ms, frameDtMs, frameLength, mg };
}

export function decodeMotionChunk(row: MotionChunkRow): AccelFrame[] {
  const frames: AccelFrame[] = [];
  let at = 0;
  for (let i = 0; i < row.frameT0Ms.length; i++) {
    const n = row.frameLength[i]! * 3;
    const xyz = new Float32Array(n);
    for (let k = 0; k < n; k++) xyz[k] = row.mg[at + k]! / MG_PER_G;
    at += n;
    frames.push({ t0Ms: row.frameT0Ms[i]!, dtMs: row.frameDtMs[i]!, xyz });
  }
  return frames;
}

export function encodeHeartRateChunk(
  sessionId: string,
  seq: number,
  sourceId: string,
  samples: readonly HeartRateSample[],
): HeartRateChunkRow {
  const rr = samples.flatMap((s) => s.rrMs);
  return {
    sessionId,
    seq,
    sourceId,
    tMs: Float64Array.from(samples, (s) => s.tMs),
    bpm: Uint16Array.from(samples, (s) => s.bpm),
    rrCount: Uint8Array.from(samples, (s) => s.rrMs.length),
    rrMs: Uint16Array.from(rr, (ms) => Math.round(ms)),
  };
}

export function decodeHeartRateChunk(row: HeartRateChunkRow): HeartRateSample[] {
  const samples: HeartRateSample[] = [];
  let at = 0;
  for (let i = 0; i < row.tMs.length; i++) {
    const n = row.rrCount[i]!;
    samples.push({ tMs: row.tMs[i]!, bpm: row.bpm[i]!, rrMs: Array.from(row.rrMs.subarray(at, at + n)) });
    at += n;
  }
  return samples;
}

export function toPlanEntries(plan: readonly PlannedExercise[]): PlanEntry[] {
  return plan.map((p) => ({
    exerciseId: p.exercise.id,
    dosage: p.dosage,
    ...(p.firstHoldLastTimeS === undefined ? {} : { firstHoldLastTimeS: p.firstHoldLastTimeS }),
    ...(p.sayHow === true ? { sayHow: true } : {}),
  }));
}

export function fromPlanEntries(entries: readonly PlanEntry[]): PlannedExercise[] {
  return entries.map((e) => ({
    exercise: exerciseById(e.exerciseId),
    dosage: e.dosage,
    ...(e.firstHoldLastTimeS === undefined ? {} : { firstHoldLastTimeS: e.firstHoldLastTimeS }),
    ...(e.sayHow === true ? { sayHow: true } : {}),
  }));
}

const shift = (ms: number, by: number): number => ms + by;
const shiftOrNull = (ms: number | null, by: number): number | null => (ms === null ? null : ms + by);

function shiftCurrentSet(set: CurrentSet | null, by: number): CurrentSet | null {
  if (!set) return null;
  return {
    ...set,
    startedMs: shift(set.startedMs, by),
    lastProgressMs: shift(set.lastProgressMs, by),
    holdStartMs: shiftOrNull(set.holdStartMs, by),
    ...(set.holdConfirmedMs !== undefined ? { holdConfirmedMs: shift(set.holdConfirmedMs, by) } : {}),
    ...(set.settlingInMs !== undefined ? { settlingInMs: shift(set.settlingInMs, by) } : {}),
    ...(set.settledMs !== undefined ? { settledMs: shift(set.settledMs, by) } : {}),
    ...(set.warnedMs != null ? { warnedMs: shift(set.warnedMs, by) } : {}),
    ...(set.heldSinceMs != null ? { heldSinceMs: shift(set.heldSinceMs, by) } : {}),
    ...(set.leftMs != null ? { leftMs: shift(set.leftMs, by) } : {}),
    ...(set.goHeardMs !== undefined ? { goHeardMs: shift(set.goHeardMs, by) } : {}),
    ...(set.goSaidMs !== undefined ? { goSaidMs: shift(set.goSaidMs, by) } : {}),
    ...(set.workBeganMs !== undefined ? { workBeganMs: shift(set.workBeganMs, by) } : {}),
    ...(set.atTopSinceMs != null ? { atTopSinceMs: shift(set.atTopSinceMs, by) } : {}),
    ...(set.leftTopMs !== undefined ? { leftTopMs: shift(set.leftTopMs, by) } : {}),
    ...(set.formWarning
      ? { formWarning: { ...set.formWarning, atMs: shift(set.formWarning.atMs, by) } }
      : {}),
  };
}

function shiftPauses(pauses: readonly Pause[], by: number): Pause[] {
  return pauses.map((pause) => ({ ...pause, atMs: shift(pause.atMs, by) }));
}

export function shiftSetRecord(record: SetRecord, by: number): SetRecord {
  return {
    ...record,
    startedMs: shift(record.startedMs, by),
    ...(record.workBeganMs !== undefined ? { workBeganMs: shift(record.workBeganMs, by) } : {}),
    endedMs: shift(record.endedMs, by),
  };
}

export function shiftMotionEvent(event: MotionEvent, by: number): MotionEvent {
  const moved = { ...event, tMs: shift(event.tMs, by), emittedMs: shift(event.emittedMs, by) };
  return moved.type === 'rep' ? { ...moved, startMs: shift(moved.startMs, by) } : moved;
}

/** The state as it is saved: every time moved from the page's clock to the session timeline. */
export function toSnapshot(state: SessionState, clockBaseMs: number): StateSnapshot {
  const by = -clockBaseMs;
  return {
    phase: state.phase,
    exerciseIndex: state.exerciseIndex,
    set: shiftCurrentSet(state.set, by),
    restEndsMs: shiftOrNull(state.restEndsMs, by),
    nowMs: shift(state.nowMs, by),
    startedMs: shiftOrNull(state.startedMs, by),
    endedMs: shiftOrNull(state.endedMs, by),
    pausedAtMs: shiftOrNull(state.pausedAtMs, by),
    ...(state.pausedToAsk ? { pausedToAsk: true } : {}),
    ...(state.pausedFor ? { pausedFor: state.pausedFor } : {}),
    ...(state.pausedFor && state.pausedForDevice ? { pausedForDevice: state.pausedForDevice } : {}),
    ...(state.pauses?.length ? { pauses: shiftPauses(state.pauses, by) } : {}),
  };
}

/** The state to resume from, on a page clock whose session timeline begins at `clockBaseMs`. */
export function fromSnapshot(
  snapshot: StateSnapshot,
  plan: readonly PlanEntry[],
  sets: readonly SetRow[],
  clockBaseMs: number,
): SessionState {
  const by = clockBaseMs;
  return {
    phase: snapshot.phase,
    plan: fromPlanEntries(plan),
    exerciseIndex: snapshot.exerciseIndex,
    set: shiftCurrentSet(snapshot.set, by),
    restEndsMs: shiftOrNull(snapshot.restEndsMs, by),
    nowMs: shift(snapshot.nowMs, by),
    startedMs: shiftOrNull(snapshot.startedMs, by),
    endedMs: shiftOrNull(snapshot.endedMs, by),
    // A session paused when the app went away comes back paused, where it was (see afterInterruption).
    pausedAtMs: shiftOrNull(snapshot.pausedAtMs ?? null, by),
    // Paused only to ask Finish's question: it goes on when resumed (see afterInterruption).
    ...(snapshot.pausedToAsk ? { pausedToAsk: true } : {}),
    // Paused for a device: how it is now is for the new page to say (see pausedAsDevicesAre).
    ...(snapshot.pausedFor ? { pausedFor: snapshot.pausedFor } : {}),
    ...(snapshot.pausedFor && snapshot.pausedForDevice ? { pausedForDevice: snapshot.pausedForDevice } : {}),
    ...(snapshot.pauses?.length ? { pauses: shiftPauses(snapshot.pauses, by) } : {}),
    completed: [...sets]
      .sort((a, b) => a.index - b.index)
      .map(({ sessionId: _s, index: _i, ...record }) => shiftSetRecord(record, by)),
  };
}

export function totalGapMs(session: Pick<SessionRow, 'gaps'>): number {
  return session.gaps.reduce((sum, g) => sum + g.gapMs, 0);
}

/**
 * Time spent in the app: the session timeline, on which the time the app was closed is cut out.
 * The end of a finished session is its snapshot's; an unfinished one ends at its last write (its
 * summary is rewritten less often).
 */
export function workoutMs(session: SessionRow): number {
  return session.snapshot?.endedMs ?? session.snapshot?.nowMs ?? session.summary.durationMs;
}

/** Wall-clock time (epoch ms) of a time on a saved session's timeline. */
export function wallTimeOf(session: Pick<SessionRow, 'startedAt' | 'gaps'>, sessionMs: number): number {
  const before = session.gaps.filter((g) => g.atMs <= sessionMs).reduce((sum, g) => sum + g.gapMs, 0);
  return session.startedAt + sessionMs + before;
}

/** About a minute of one-second chunks: a finished session's raw data in tens of rows, not thousands. */
export const CHUNKS_PER_COMPACT = 60;

/**
 * A finished session's chunks merged, per source and in order, into chunks of `per` of them. While a
 * session runs, a chunk a second bounds what a crash loses; once it is over, fewer and larger rows
 * make reading, backing up and restoring years of sessions many times faster. Nothing changes but
 * the grouping: every frame, sample and time stays as it was.
 */
function compact<T extends { readonly seq: number; readonly sourceId: string }>(
  rows: readonly T[],
  per: number,
): T[] {
  const bySource = new Map<string, T[]>();
  for (const row of [...rows].sort((a, b) => a.seq - b.seq)) {
    const list = bySource.get(row.sourceId);
    if (list) list.push(row);
    else bySource.set(row.sourceId, [row]);
  }
  const groups: T[][] = [];
  for (const list of bySource.values()) {
    for (let i = 0; i < list.length; i += per) groups.push(list.slice(i, i + per));
  }
  groups.sort((a, b) => a[0]!.seq - b[0]!.seq);
  return groups.map((group, seq) => mergeColumns(group, seq));
}

type Column = Float64Array | Float32Array | Uint16Array | Uint8Array | Int16Array;

/** Rows of one source in one: each typed-array column end to end, the rest from the first row. */
function mergeColumns<T extends object>(group: readonly T[], seq: number): T {
  const first = group[0] as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...first, seq };
  for (const [key, value] of Object.entries(first)) {
    if (!ArrayBuffer.isView(value)) continue;
    const parts = group.map((row) => (row as Record<string, unknown>)[key] as Column);
    const Type = (value as Column).constructor as new (length: number) => Column;
    const out = new Type(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    merged[key] = out;
  }
  return merged as T;
}

export function compactMotion(rows: readonly MotionChunkRow[], per = CHUNKS_PER_COMPACT): MotionChunkRow[] {
  return compact(rows, per);
}

export function compactHeartRate(
  rows: readonly HeartRateChunkRow[],
  per = CHUNKS_PER_COMPACT,
): HeartRateChunkRow[] {
  return compact(rows, per);
}
