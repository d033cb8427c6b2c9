// When a set's work was done, on the session clock: what a training log calls the set, as Garmin's
// watches write one. A set record runs from when the set fell due, with the exercise's name and how it
// is done still to be said, often 15 to 25 s of it; the work is a hold's hold, and a rep set's reps.
// The time between two sets' work is the rest.

import type { MotionEvent } from '../motion/events.ts';
import type { EventRow, StateSnapshot } from '../store/records.ts';
import { exerciseById } from '../workout/program.ts';
import type { SetRecord } from '../workout/session.ts';

/** A stretch of the session clock, from and to (ms). */
export type Span = readonly [number, number];

export interface WorkSpan {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * When the session stood still, on its clock, in order: the pauses over, and the one it ended in (up to
 * `endMs`). Time away from the app is not on the session clock at all.
 */
export function pausedSpans(
  snapshot: Pick<StateSnapshot, 'pauses' | 'pausedAtMs'> | null,
  endMs: number,
): Span[] {
  const spans: Span[] = (snapshot?.pauses ?? []).map((pause) => [pause.atMs, pause.atMs + pause.ms]);
  if (snapshot?.pausedAtMs != null && snapshot.pausedAtMs < endMs) spans.push([snapshot.pausedAtMs, endMs]);
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * The set's work. It ends with the set, or where the pause it was ended in (Skip set or Finish while
 * paused) began: nothing was done after. A hold's work is the hold, reached back from its end by the
 * time held (which leaves out pauses); a rep or breath set's runs from when its work began ("Go"
 * heard, or its first rep before it), or from the set's start in a set kept before that was. Never
 * before the set began.
 */
export function workSpan(set: SetRecord, paused: readonly Span[]): WorkSpan {
  const endMs = paused.find(([from, to]) => from < set.endedMs && set.endedMs <= to)?.[0] ?? set.endedMs;
  const startMs =
    set.holdMs === null
      ? goingOn(set.workBeganMs ?? set.startedMs, paused)
      : runBack(endMs, set.holdMs, paused);
  return { startMs: Math.min(endMs, Math.max(set.startedMs, startMs)), endMs };
}

/** `atMs`, or the end of the pause it falls in: "Go" heard as the voice went on through a pause. */
function goingOn(atMs: number, paused: readonly Span[]): number {
  return paused.find(([from, to]) => from <= atMs && atMs < to)?.[1] ?? atMs;
}

/** The moment `runMs` of running time (the session not paused) before `endMs`. */
function runBack(endMs: number, runMs: number, paused: readonly Span[]): number {
  let atMs = endMs;
  let left = runMs;
  for (const [from, to] of [...paused].sort((a, b) => b[0] - a[0])) {
    if (from >= atMs) continue;
    const runningAfter = atMs - Math.min(atMs, to);
    if (runningAfter >= left) break;
    left -= runningAfter;
    atMs = from;
  }
  return atMs - left;
}

/**
 * When the work of a rep or breath set kept before sets kept it (no workBeganMs) began, as the
 * detectors' events kept with the session tell it: the first rep's movement, or the first breath
 * cycle, its end less the set's mean cycle (its end alone where the set counted one). Without it the
 * set would run from when it fell due, its exercise's name and how it is done said first, often 15 to
 * 25 s. Undefined for a hold, where nothing was counted within the set, and where an event of the log
 * from before the set to its last is missing (left out of a backup as unreadable, or never written):
 * the missing one may have been its first rep or a breath of it, and the event read as the first
 * would move the set's start later, or its cycle longer. The set then runs from when it fell due, which
 * is certain.
 */
export function workBeganFromEvents(set: SetRecord, rows: readonly EventRow[]): number | undefined {
  const kind = exerciseById(set.exerciseId).kind;
  if (set.holdMs !== null || kind === 'hold') return undefined;
  const type = kind === 'reps' ? 'rep' : 'breath';
  const withinRows = rows.filter(
    (row) =>
      row.data.kind === 'motion' &&
      row.data.event.type === type &&
      row.data.event.tMs > set.startedMs &&
      row.data.event.tMs <= set.endedMs,
  );
  if (!wholeFromBefore(set.startedMs, withinRows, rows)) return undefined;
  const within = withinRows.flatMap((row) => (row.data.kind === 'motion' ? [row.data.event] : []));
  const first = within.reduce<MotionEvent | undefined>((a, e) => (a && a.tMs <= e.tMs ? a : e), undefined);
  if (!first) return undefined;
  if (first.type === 'rep') return first.startMs;
  const lastMs = Math.max(...within.map((e) => e.tMs));
  return within.length > 1 ? first.tMs - (lastMs - first.tMs) / (within.length - 1) : first.tMs;
}

/**
 * The log has every event from the last one written before `fromMs` to the last of `within`: a
 * session's events are numbered one after another as they are written (EventRow.seq), so one missing
 * leaves a gap in the numbers, wherever in time it fell.
 */
function wholeFromBefore(fromMs: number, within: readonly EventRow[], rows: readonly EventRow[]): boolean {
  if (within.length === 0) return true;
  const lastSeq = Math.max(...within.map((row) => row.seq));
  const before = rows.filter((row) => row.tMs <= fromMs && row.seq < lastSeq).map((row) => row.seq);
  const firstSeq = before.length > 0 ? Math.max(...before) : 0;
  const seqs = new Set(rows.filter((row) => row.seq >= firstSeq && row.seq <= lastSeq).map((row) => row.seq));
  return seqs.size === lastSeq - firstSeq + 1;
}
