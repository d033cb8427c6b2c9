// The series the progress charts draw, from the saved sessions and their sets. Pure: the charts only
// plot what these return. A point is a week, so five years draw about 260 points, not 780 sessions;
// its x is midnight UTC at the start of the week's Monday, in epoch seconds (uPlot's time axis unit):
// the same instant in every zone, which the axis reads as a date in UTC (see week-axis.ts).

import { nextWeek, sessionWeek, type Week, weekUtcMs } from '../workout/calendar.ts';
import { formatDuration, heldS } from '../workout/held-seconds.ts';
import {
  type ExerciseId,
  type ExerciseKind,
  exerciseById,
  PROGRAM,
  repsPerSide,
} from '../workout/program.ts';
import { type PastSession, type PastSet, PROGRESSION_EXERCISES } from '../workout/progression.ts';
import { withPauseText } from '../workout/set-words.ts';
import type { SessionRow, SetRow } from './records.ts';

export interface ChartLine {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /**
   * A goal to compare against, not a measurement: the goal of the line just before it, drawn in that
   * line's colour, dashed, wide and pale beneath it, so that a line on its target shows both.
   */
  readonly target?: boolean;
  /**
   * The values are reps of each side (the bird dog's): as its plan, its voice and its summary say a
   * set that alternates sides, "2 each side", and program.md gives it, "10 per side".
   */
  readonly perSide?: boolean;
  /**
   * Which of its chart's colours and markers the line takes: fixed by what it measures, never by
   * which other lines have values, so that a line looks the same in every week and at every stage
   * (the drawing-in, its plank not yet begun, is not drawn in the plank's colour). A target takes its
   * line's.
   */
  readonly styleSlot: number;
}

export interface ChartSeries {
  readonly x: readonly number[];
  readonly lines: readonly ChartLine[];
  /**
   * A week at a time, what it did that the lines leave out, in words, or null: "Drawing-in 45 s, with
   * a pause", a week whose only drawing-in was broken by a pause, which a gap alone left unsaid.
   * Absent where no week left anything out.
   */
  readonly notCharted?: readonly (string | null)[];
}

export interface Progress {
  /**
   * The most reps done in one set of each week per exercise counted in reps, with the target of that
   * week: what the person can do, which a week's sum of reps hid under how often they trained (a
   * week of two sessions rose to twice the one before, and fell back the week after).
   */
  readonly bestSetReps: ChartSeries;
  /** The same of breath cycles (the bat hang's): a breath is not a rep, so they are apart. */
  readonly bestSetBreaths: ChartSeries;
  /**
   * The lat pulldown by week: the heaviest weight it was done at, kg (its load is what progresses).
   * A chart of its own, beside its reps': on one axis 30 kg and 30 reps were one mark of the scale,
   * and from the floor the legend's units are too small to tell them apart by.
   */
  readonly pulldownWeight: ChartSeries;
  /**
   * Its best set against its target, reps, which step back as the weight steps up. Apart from the
   * other exercises' reps, where its target of 12 lay on the superman's of 10, two bands in one.
   */
  readonly pulldownReps: ChartSeries;
  /** Longest plank and drawing-in hold of each week, seconds, with the target of that week. */
  readonly holds: ChartSeries;
  /**
   * How many plank and drawing-in holds were broken by a pause, which `holds` leaves out: a chart
   * they alone would have filled is empty, and must not read as if their sessions were lost.
   */
  readonly brokenHolds: number;
  /** Superman range of motion per week: the best and the mean of the sets' peak lift, degrees. */
  readonly supermanRange: ChartSeries;
  /** Average and peak heart rate per week, bpm. */
  readonly heartRate: ChartSeries;
  /**
   * The one-minute recovery per week, bpm: a drop, some 20 bpm, charted apart from the heart rate,
   * whose axis it held near zero, a session's 95 to 130 bpm a thin band at the top of it.
   */
  readonly recovery: ChartSeries;
}

/**
 * One week of training as the charts draw it, kept in the store and brought up to date whenever a
 * session of that week changes: opening the history reads a row a week, not every session and set.
 */
export interface WeekRow {
  /** The week of its sessions (see sessionWeek): the date of its Monday, "2026-11-02". */
  readonly week: Week;
  readonly sessions: number;
  /** The most reps (breath cycles for the bat hang) counted in one set, per exercise counted so. */
  readonly bestCount: Partial<Record<ExerciseId, number>>;
  /**
   * Per exercise counted in reps or breaths, the highest of the week's sessions' targets, each the
   * target of the first set of a session that counted any of it: the goal progression set for that
   * session, as a hold's target is read. The highest, as the week's figure is its best set: a short
   * session of easy goals after a full one does not make the full one's best read far above target.
   */
  readonly countTarget: Partial<Record<ExerciseId, number>>;
  /** The heaviest planned weight of each weighted exercise of which a set counted a rep, kg. */
  readonly heaviestKg: Partial<Record<ExerciseId, number>>;
  /** The longest hold of the week per hold exercise, ms, of those held in one go (no pause in them). */
  readonly longestHoldMs: Partial<Record<ExerciseId, number>>;
  /** The superman's best lift of the week, and the sum and count of its sets' lifts (for the mean). */
  readonly supermanBestDeg: number | null;
  readonly supermanLiftSumDeg: number;
  readonly supermanLiftSets: number;
  /** Mean of the sessions' average heart rate, highest peak, mean one-minute recovery. */
  readonly avgBpm: number | null;
  readonly maxBpm: number | null;
  readonly recoveryBpm: number | null;
  /**
   * The week's sessions as the plan reads them: their start, their sets of the exercises progression
   * follows, and every exercise each did (see pastSession).
   */
  readonly past: readonly (PastSession & { readonly id: string })[];
}

const HOLD_CHARTED = ['elbow-plank', 'drawing-in'] as const;

function isHoldCharted(id: ExerciseId): boolean {
  return (HOLD_CHARTED as readonly ExerciseId[]).includes(id);
}

/** The week row of the sessions (and their sets) of `week`. */
export function summarizeWeek(week: Week, sessions: readonly SessionRow[], sets: readonly SetRow[]): WeekRow {
  const bestCount: Partial<Record<ExerciseId, number>> = {};
  const longestHoldMs: Partial<Record<ExerciseId, number>> = {};
  let supermanBestDeg: number | null = null;
  let supermanLiftSumDeg = 0;
  let supermanLiftSets = 0;
  for (const set of sets) {
    const kind = exerciseById(set.exerciseId).kind;
    if (kind !== 'hold') {
      if (set.count > 0) bestCount[set.exerciseId] = Math.max(bestCount[set.exerciseId] ?? 0, set.count);
    } else if (set.holdMs !== null && !set.pausedInHold) {
      // A hold broken by a pause is not one held that long, as the next day's plan reads it: no step
      // of the drawing-in's ladder, no plank goal set from it.
      longestHoldMs[set.exerciseId] = Math.max(longestHoldMs[set.exerciseId] ?? 0, set.holdMs);
    }
    if (set.exerciseId === 'superman' && set.peakDeg !== null) {
      supermanBestDeg = Math.max(supermanBestDeg ?? -Infinity, set.peakDeg);
      supermanLiftSumDeg += set.peakDeg;
      supermanLiftSets++;
    }
  }
  const byStart = [...sessions].sort((a, b) => a.startedAt - b.startedAt);
  const meanOf = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10 : null;
  };
  const countTarget: Partial<Record<ExerciseId, number>> = {};
  const heaviestKg: Partial<Record<ExerciseId, number>> = {};
  for (const session of byStart) {
    const counted = sets
      .filter((set) => set.sessionId === session.id && set.count > 0)
      .sort((a, b) => a.setNumber - b.setNumber);
    for (const set of counted) {
      if (set === counted.find((first) => first.exerciseId === set.exerciseId))
        countTarget[set.exerciseId] = Math.max(countTarget[set.exerciseId] ?? 0, set.target);
    }
    for (const { exerciseId, dosage } of session.plan) {
      if (dosage.weightKg && counted.some((set) => set.exerciseId === exerciseId))
        heaviestKg[exerciseId] = Math.max(heaviestKg[exerciseId] ?? 0, dosage.weightKg);
    }
  }
  const peaks = byStart.map((s) => s.summary.maxBpm).filter((v): v is number => v !== null);
  return {
    week,
    sessions: sessions.length,
    bestCount,
    countTarget,
    heaviestKg,
    longestHoldMs,
    supermanBestDeg,
    supermanLiftSumDeg,
    supermanLiftSets,
    avgBpm: meanOf(byStart.map((s) => s.summary.avgBpm)),
    maxBpm: peaks.length ? Math.max(...peaks) : null,
    recoveryBpm: meanOf(byStart.map((s) => s.summary.recoveryBpm)),
    past: byStart.map((session) => ({
      id: session.id,
      ...pastSession(
        session,
        sets.filter((set) => set.sessionId === session.id).sort((a, b) => a.index - b.index),
      ),
    })),
  };
}

/**
 * A session as the plan reads it: its sets of the exercises progression follows, and its plan's sets and weights of them; and
 * every exercise it began a set of, for the voice's explaining of the ones still new.
 */
export function pastSession(
  session: Pick<SessionRow, 'startedAt' | 'plan'>,
  sets: readonly SetRow[],
): PastSession {
  const followed = (id: ExerciseId) => PROGRESSION_EXERCISES.includes(id);
  const weights = session.plan.flatMap(({ exerciseId, dosage }) =>
    followed(exerciseId) && dosage.weightKg !== undefined ? [[exerciseId, dosage.weightKg] as const] : [],
  );
  return {
    startedAt: session.startedAt,
    sets: sets.filter((set) => followed(set.exerciseId)).map(pastSet),
    plannedSets: Object.fromEntries(
      session.plan.filter((p) => followed(p.exerciseId)).map((p) => [p.exerciseId, p.dosage.sets]),
    ),
    exercisesDone: [...new Set(sets.filter((set) => !set.neverBegun).map((set) => set.exerciseId))],
    // Only a session with a weighted exercise keeps weights: years of the others stay as small.
    ...(weights.length > 0 ? { plannedWeightKg: Object.fromEntries(weights) } : {}),
  };
}

/** Only what progression reads of a set: years of them are read at every start. */
export function pastSet(set: PastSet): PastSet {
  const { exerciseId, setNumber, target, holdMs, peakDeg, endedBy, pausedInHold } = set;
  return {
    exerciseId,
    setNumber,
    target,
    holdMs,
    peakDeg,
    endedBy,
    ...(pausedInHold ? { pausedInHold } : {}),
    // Whether a tap ended it: a plank's goal is kept through one ended short of it (see progressPlan).
    ...(set.endedByHand ? { endedByHand: true } : {}),
    ...(set.skippedUnderWay ? { skippedUnderWay: true } : {}),
    ...(set.finishedUnderWay ? { finishedUnderWay: true } : {}),
  };
}

/** A week's sessions and their sets: what its row is made of. */
export interface SessionsOfWeek {
  readonly sessions: readonly SessionRow[];
  readonly sets: readonly SetRow[];
}

/**
 * The store's week rows with the sessions memory holds whole while storage is full (`inMemory`, each
 * with its sets): each week one of them falls in is made again from the store's sessions of it
 * (`storedOf`), memory's whole copy in place of the store's cut-short one or beside the others, so
 * that the charts count what History lists and a backup holds, each session once. Oldest first.
 */
export function weeksWithMemory(
  weeks: readonly WeekRow[],
  inMemory: readonly SessionsOfWeek[],
  storedOf: (week: Week) => SessionsOfWeek,
): WeekRow[] {
  const byWeek = new Map(weeks.map((row) => [row.week, row]));
  const held = new Set(inMemory.flatMap(({ sessions }) => sessions.map((s) => s.id)));
  for (const week of new Set(inMemory.flatMap(({ sessions }) => sessions.map(sessionWeek)))) {
    const stored = storedOf(week);
    const sessions = [
      ...stored.sessions.filter((s) => !held.has(s.id)),
      ...inMemory.flatMap((m) => m.sessions.filter((s) => sessionWeek(s) === week)),
    ];
    const ids = new Set(sessions.map((s) => s.id));
    const sets = [
      ...stored.sets.filter((set) => !held.has(set.sessionId)),
      ...inMemory.flatMap((m) => m.sets.filter((set) => ids.has(set.sessionId))),
    ];
    byWeek.set(week, summarizeWeek(week, sessions, sets));
  }
  return [...byWeek.values()].sort((a, b) => weekUtcMs(a.week) - weekUtcMs(b.week));
}

/** Week rows of any sessions and sets, oldest first: for building the store's rows from scratch. */
export function weeksOf(sessions: readonly SessionRow[], sets: readonly SetRow[]): WeekRow[] {
  const setsOf = new Map<string, SetRow[]>();
  for (const set of sets) {
    const list = setsOf.get(set.sessionId);
    if (list) list.push(set);
    else setsOf.set(set.sessionId, [set]);
  }
  const byWeek = new Map<Week, SessionRow[]>();
  for (const session of sessions) {
    const week = sessionWeek(session);
    const list = byWeek.get(week);
    if (list) list.push(session);
    else byWeek.set(week, [session]);
  }
  return [...byWeek.entries()]
    .sort(([a], [b]) => weekUtcMs(a) - weekUtcMs(b))
    .map(([week, rows]) =>
      summarizeWeek(
        week,
        rows,
        rows.flatMap((s) => setsOf.get(s.id) ?? []),
      ),
    );
}

/**
 * The charts' series, a point per week: every week from the first to the last, so that a week without
 * training is a gap in every chart rather than a line drawn across it.
 */
export function progress(weeks: readonly WeekRow[]): Progress {
  const sorted = everyWeek(weeks);
  const x = sorted.map((w) => weekUtcMs(w.week) / 1000);
  const round1 = (v: number) => Math.round(v * 10) / 10;
  return {
    bestSetReps: bestSetsByWeek(sorted, x, 'reps', [PULLDOWN]),
    bestSetBreaths: bestSetsByWeek(sorted, x, 'breaths'),
    ...pulldownByWeek(sorted, x),
    holds: {
      x,
      ...notChartedOf(sorted.map(brokenHoldsText)),
      lines: HOLD_CHARTED.flatMap((id, styleSlot) => [
        {
          label: `${exerciseById(id).name} (s)`,
          styleSlot,
          values: sorted.map((w) => {
            const ms = longestHeldMs(w, id);
            // In the whole seconds the set's timer showed, as everywhere else a hold is told.
            return ms === null ? null : heldS(ms);
          }),
        },
        {
          label: `${exerciseById(id).name} target (s)`,
          values: sorted.map((w) => weekHoldTargetS(w, id)),
          target: true,
          styleSlot,
        },
      ]),
    },
    brokenHolds: weeks
      .flatMap((w) => w.past)
      .flatMap((session) => session.sets)
      .filter((set) => isHoldCharted(set.exerciseId) && set.holdMs && set.pausedInHold).length,
    supermanRange: {
      x,
      lines: [
        {
          label: 'Best lift (°)',
          styleSlot: 0,
          values: sorted.map((w) => (w.supermanBestDeg === null ? null : round1(w.supermanBestDeg))),
        },
        {
          label: 'Mean of sets (°)',
          styleSlot: 1,
          values: sorted.map((w) =>
            w.supermanLiftSets ? round1(w.supermanLiftSumDeg / w.supermanLiftSets) : null,
          ),
        },
      ],
    },
    // In whole bpm, as heart rate is told everywhere else. The week rows keep the means of the week's
    // sessions to a tenth, which no strap measures; and the Numbers table writes a whole column to the
    // decimals of its most precise value, so one 98.5 turned every other week into "85.0".
    heartRate: {
      x,
      lines: [
        { label: 'Average (bpm)', values: sorted.map((w) => wholeOrNull(w.avgBpm)), styleSlot: 0 },
        { label: 'Peak (bpm)', values: sorted.map((w) => w.maxBpm), styleSlot: 1 },
      ],
    },
    // In the colour and marker it had beside the heart rate.
    recovery: {
      x,
      lines: [
        {
          label: 'Recovery in 1 min (bpm)',
          values: sorted.map((w) => wholeOrNull(w.recoveryBpm)),
          styleSlot: 2,
        },
      ],
    },
  };
}

function wholeOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}

/**
 * A gap longer than this between two weeks with sessions is a date gone wrong (a clock, or a file
 * edited by hand), not a pause in training: filled week by week, it would be millions of points.
 */
const MAX_FILLED_GAP_MS = 100 * 365 * 24 * 3600 * 1000;

/**
 * The weeks oldest first, with an empty week for each one without a session between them; a gap of
 * over a century is marked by one empty week, which is enough to break the lines across it.
 */
function everyWeek(weeks: readonly WeekRow[]): WeekRow[] {
  const sorted = [...weeks].sort((a, b) => weekUtcMs(a.week) - weekUtcMs(b.week));
  const all: WeekRow[] = [];
  sorted.forEach((week, i) => {
    all.push(week);
    const next = sorted[i + 1];
    if (next === undefined) return;
    const nextMs = weekUtcMs(next.week);
    if (nextMs - weekUtcMs(week.week) > MAX_FILLED_GAP_MS) {
      all.push(summarizeWeek(nextWeek(week.week), [], []));
      return;
    }
    for (let w = nextWeek(week.week); weekUtcMs(w) < nextMs; w = nextWeek(w))
      all.push(summarizeWeek(w, [], []));
  });
  return all;
}

/**
 * The target of a hold exercise for a week: the highest of the goals of the first holds of the week's
 * sessions that held the exercise in one go (a hold broken by a pause is not charted), each the goal progression set for that session; the highest, as
 * the week's figure is its longest hold (a short session's 6 s plank, after a full session's 47 s,
 * made a 57 s hold read as far above its target). Not a session's plan: the plank's plan
 * moves up after each hold (each aims a step above the one before), so it ends on the last hold's
 * goal; and not a later session's plan that never reached the exercise (one that ended after the
 * superman, or skipped the hold before it began), whose raised target was never attempted and, beside
 * the week's hold, would read as falling short of it. A week without a hold of the exercise has none.
 * Read from the sets the week row keeps for progression, so rows stored before need no rebuild.
 */
export function weekHoldTargetS(week: WeekRow, id: ExerciseId): number | null {
  if (longestHeldMs(week, id) === null) return null;
  let highest: number | null = null;
  for (const session of week.past) {
    const sets = session.sets
      .filter((set) => set.exerciseId === id)
      .sort((a, b) => a.setNumber - b.setNumber);
    if (sets.some((set) => set.holdMs && !set.pausedInHold))
      highest = Math.max(highest ?? 0, sets[0]!.target);
  }
  return highest;
}

/**
 * The holds broken by a pause of a week that charts no hold of their exercise, the longest of each
 * as the rest and the voice said it: "Drawing-in 45 s, with a pause". Null where there are none.
 */
function brokenHoldsText(week: WeekRow): string | null {
  const sets = week.past.flatMap((session) => session.sets);
  const told = HOLD_CHARTED.flatMap((id) => {
    if (longestHeldMs(week, id) !== null) return [];
    const broken = sets.filter((set) => set.exerciseId === id && set.pausedInHold && set.holdMs);
    if (broken.length === 0) return [];
    const longestS = heldS(Math.max(...broken.map((set) => set.holdMs ?? 0)));
    return [`${exerciseById(id).name} ${withPauseText(formatDuration(longestS), { pausedInHold: true })}`];
  });
  return told.length > 0 ? told.join('; ') : null;
}

/** The series' notCharted, where some week has anything in it. */
function notChartedOf(notes: readonly (string | null)[]): Pick<ChartSeries, 'notCharted'> {
  return notes.some((note) => note !== null) ? { notCharted: notes } : {};
}

/**
 * The week's longest hold of the exercise, or null when it held none: a hold kept as 0 s was
 * skipped before it began.
 */
function longestHeldMs(week: WeekRow, id: ExerciseId): number | null {
  return week.longestHoldMs[id] || null;
}

const PULLDOWN: ExerciseId = 'lat-pulldown';

/**
 * The best set of each week of the exercises of one kind, reps or breath cycles, each against its
 * week's target, but those `charted apart`. A line for each exercise done in some week, in the
 * program's order and with its place among the exercises of the kind for its style, whichever the
 * person did first.
 */
function bestSetsByWeek(
  weeks: readonly WeekRow[],
  x: readonly number[],
  kind: Exclude<ExerciseKind, 'hold'>,
  chartedApart: readonly ExerciseId[] = [],
): ChartSeries {
  const done = new Set(weeks.flatMap((week) => Object.keys(week.bestCount)));
  const charted = PROGRAM.filter((exercise) => exercise.kind === kind && !chartedApart.includes(exercise.id));
  return {
    x,
    lines: charted.flatMap(({ id, name, alternatesSides }, styleSlot) => {
      if (!done.has(id)) return [];
      // A set that alternates sides, each side's reps (see repsPerSide): done, those both sides did,
      // the left arm's where an odd count gave the right, which it starts on, one more; the target, the
      // most either side is asked. Ten right and nine left is not "10 each side" on its target.
      const perSideOf = (total: number | undefined, side: 'left' | 'right') =>
        total === undefined ? null : alternatesSides ? repsPerSide(total)[side] : total;
      const perSide = alternatesSides ? { perSide: true } : {};
      return [
        {
          label: name,
          values: weeks.map((w) => perSideOf(w.bestCount[id], 'left')),
          styleSlot,
          ...perSide,
        },
        {
          label: `${name} target`,
          values: weeks.map((w) => perSideOf(w.countTarget[id], 'right')),
          target: true,
          styleSlot,
          ...perSide,
        },
      ];
    }),
  };
}

/**
 * The lat pulldown's colours and markers: its weight in the ones it had in the chart of reps, in the
 * program's place after the other three exercises, and its reps in the next, which no exercise of that
 * chart takes: a blue triangle just above it is the superman, never the lat pulldown.
 */
const WEIGHT_SLOT = 3;
const REPS_SLOT = 4;

/**
 * The lat pulldown's two charts, its weight and its best set against its target, while any week did
 * it: each on an axis of one unit.
 */
function pulldownByWeek(
  weeks: readonly WeekRow[],
  x: readonly number[],
): Pick<Progress, 'pulldownWeight' | 'pulldownReps'> {
  const done = weeks.some((w) => w.heaviestKg[PULLDOWN] || w.bestCount[PULLDOWN] !== undefined);
  if (!done) return { pulldownWeight: { x, lines: [] }, pulldownReps: { x, lines: [] } };
  return {
    pulldownWeight: {
      x,
      lines: [
        {
          label: 'Weight (kg)',
          values: weeks.map((w) => w.heaviestKg[PULLDOWN] ?? null),
          styleSlot: WEIGHT_SLOT,
        },
      ],
    },
    pulldownReps: {
      x,
      lines: [
        {
          label: 'Best set (reps)',
          values: weeks.map((w) => w.bestCount[PULLDOWN] ?? null),
          styleSlot: REPS_SLOT,
        },
        {
          label: 'Target (reps)',
          values: weeks.map((w) => w.countTarget[PULLDOWN] ?? null),
          target: true,
          styleSlot: REPS_SLOT,
        },
      ],
    },
  };
}
