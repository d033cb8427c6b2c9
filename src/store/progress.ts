// The series the progress charts draw, from the saved sessions and their sets. Pure: the charts only
// plot what these return. x values are epoch seconds (uPlot's time axis unit).

import { type ExerciseId, exerciseById } from '../workout/program.ts';
import type { SessionRow, SetRow } from './records.ts';

export interface ChartLine {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** A goal to compare against (drawn dashed), not a measurement. */
  readonly target?: boolean;
}

export interface ChartSeries {
  readonly x: readonly number[];
  readonly lines: readonly ChartLine[];
}

export interface Progress {
  /** Reps (breath cycles for the bat hang) per exercise and week. */
  readonly repsPerWeek: ChartSeries;
  /** Longest plank and drawing-in hold of each session, seconds, with the target of that session. */
  readonly holds: ChartSeries;
  /** Superman range of motion per session: the best and the mean of the sets' peak lift, degrees. */
  readonly supermanRange: ChartSeries;
  /** Average and peak heart rate and the one-minute recovery, per session, bpm. */
  readonly heartRate: ChartSeries;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Monday 00:00 local time of the week a time falls in. */
export function weekStart(epochMs: number): number {
  const d = new Date(epochMs);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d.getTime();
}

export function progress(sessions: readonly SessionRow[], sets: readonly SetRow[]): Progress {
  const byStart = [...sessions].sort((a, b) => a.startedAt - b.startedAt);
  const setsOf = new Map<string, SetRow[]>();
  for (const set of sets) setsOf.set(set.sessionId, [...(setsOf.get(set.sessionId) ?? []), set]);
  const sessionX = byStart.map((s) => s.startedAt / 1000);

  return {
    repsPerWeek: repsPerWeek(byStart, setsOf),
    holds: {
      x: sessionX,
      lines: (['elbow-plank', 'drawing-in'] as const).flatMap((id) => [
        {
          label: `${exerciseById(id).name} (s)`,
          values: byStart.map((s) => longestHoldS(setsOf.get(s.id), id)),
        },
        {
          label: `${exerciseById(id).name} target (s)`,
          values: byStart.map((s) => s.plan.find((p) => p.exerciseId === id)?.dosage.target ?? null),
          target: true,
        },
      ]),
    },
    supermanRange: {
      x: sessionX,
      lines: [
        { label: 'Best lift (°)', values: byStart.map((s) => peak(setsOf.get(s.id), Math.max)) },
        { label: 'Mean of sets (°)', values: byStart.map((s) => peak(setsOf.get(s.id), mean)) },
      ],
    },
    heartRate: {
      x: sessionX,
      lines: [
        { label: 'Average (bpm)', values: byStart.map((s) => s.summary.avgBpm) },
        { label: 'Peak (bpm)', values: byStart.map((s) => s.summary.maxBpm) },
        { label: 'Recovery in 1 min (bpm)', values: byStart.map((s) => s.summary.recoveryBpm) },
      ],
    },
  };
}

function repsPerWeek(sessions: readonly SessionRow[], setsOf: ReadonlyMap<string, SetRow[]>): ChartSeries {
  const weeks = new Map<number, Map<ExerciseId, number>>();
  const exercises = new Set<ExerciseId>();
  for (const session of sessions) {
    const week = weekStart(session.startedAt);
    const totals = weeks.get(week) ?? new Map<ExerciseId, number>();
    for (const set of setsOf.get(session.id) ?? []) {
      if (exerciseById(set.exerciseId).kind === 'hold') continue;
      exercises.add(set.exerciseId);
      totals.set(set.exerciseId, (totals.get(set.exerciseId) ?? 0) + set.count);
    }
    weeks.set(week, totals);
  }
  // Every week from the first to the last, so a week without training shows as a gap, not as nothing.
  const first = Math.min(...weeks.keys());
  const last = Math.max(...weeks.keys());
  const x: number[] = [];
  for (let w = first; weeks.size && w <= last; w = weekStart(w + WEEK_MS + 12 * 3600 * 1000)) x.push(w);
  return {
    x: x.map((w) => w / 1000),
    lines: [...exercises].map((id) => ({
      label: exerciseById(id).name,
      values: x.map((w) => weeks.get(w)?.get(id) ?? null),
    })),
  };
}

function longestHoldS(sets: readonly SetRow[] | undefined, id: ExerciseId): number | null {
  const holds = (sets ?? []).filter((s) => s.exerciseId === id && s.holdMs !== null).map((s) => s.holdMs!);
  return holds.length ? Math.round(Math.max(...holds) / 100) / 10 : null;
}

function peak(sets: readonly SetRow[] | undefined, combine: (...values: number[]) => number): number | null {
  const peaks = (sets ?? [])
    .filter((s) => s.exerciseId === 'superman' && s.peakDeg !== null)
    .map((s) => s.peakDeg!);
  return peaks.length ? Math.round(combine(...peaks) * 10) / 10 : null;
}

function mean(...values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
