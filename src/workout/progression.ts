// How the program grows with the person, from what they did in past sessions (program.md): each plank
// hold aims above the last one, the drawing-in hold climbs 45 s → 60 s → 2 min, the reps or breath
// cycles of an exercise the program gives a range for grow by one within it, and the superman's lift
// angle is followed as range of motion. Pure functions over saved set records; the store keeps them.

import { Model } from './model.ts';
import { countText, type Exercise, type ExerciseId, PROGRAM } from './program.ts';
import { formatDuration, type PlannedExercise, type SetRecord } from './session.ts';

/**
 * The exercises whose past sets progression reads: a history given to it may hold only their sets
 * (the store keeps these apart, so that years of history cost one small read).
 */
export const PROGRESSION_EXERCISES: readonly ExerciseId[] = [
  'drawing-in',
  'elbow-plank',
  ...PROGRAM.filter((exercise) => exercise.targetRange).map((exercise) => exercise.id),
];

/** What progression reads of a past set: a whole SetRecord will do, and so will just these. */
export type PastSet = Pick<
  SetRecord,
  'exerciseId' | 'setNumber' | 'target' | 'holdMs' | 'peakDeg' | 'endedBy'
>;

/** A finished session as progression reads it: when it began (epoch ms) and its sets. */
export interface PastSession {
  readonly startedAt: number;
  readonly sets: readonly PastSet[];
  /**
   * How many sets of each exercise the session planned: a session finished early holds fewer. Absent
   * in a history written before it was kept (its sets are then all there is to go by).
   */
  readonly plannedSets?: Readonly<Partial<Record<ExerciseId, number>>>;
}

function chronological(history: readonly PastSession[]): PastSession[] {
  return [...history].sort((a, b) => a.startedAt - b.startedAt);
}

function setsOf(session: PastSession, id: ExerciseId): PastSet[] {
  return session.sets.filter((set) => set.exerciseId === id).sort((a, b) => a.setNumber - b.setNumber);
}

// ---- Elbow plank: each hold longer than the last ----------------------------------------------------

/** How far above the last hold the next one aims: a step a tiring person can still make. */
export const PLANK_STEP_S = 5;
/** A plank hold below this is a false start (a wobble into the pose), not a result to build on. */
const PLANK_MIN_HOLD_MS = 5_000;

/** The goal of the next plank hold: the last hold's whole seconds plus a step. */
export function nextPlankTargetS(lastHoldMs: number): number {
  return Math.floor(lastHoldMs / 1000) + PLANK_STEP_S;
}

/**
 * The goal of the first plank hold of a new session: a step above the first hold of the last session
 * with a real plank, or the planned target when there is none yet.
 */
export function firstPlankTargetS(history: readonly PastSession[], plannedS: number): number {
  for (const session of chronological(history).reverse()) {
    const first = setsOf(session, 'elbow-plank').find((set) => (set.holdMs ?? 0) >= PLANK_MIN_HOLD_MS);
    if (first?.holdMs != null) return nextPlankTargetS(first.holdMs);
  }
  return plannedS;
}

/** The goal of the plank hold after the ones already done in this session. */
export function plankTargetAfter(doneToday: readonly SetRecord[], firstTargetS: number): number {
  const holds = doneToday.filter(
    (set) => set.exerciseId === 'elbow-plank' && (set.holdMs ?? 0) >= PLANK_MIN_HOLD_MS,
  );
  const last = holds.at(-1);
  return last?.holdMs != null ? nextPlankTargetS(last.holdMs) : firstTargetS;
}

// ---- Drawing-in: 45 s → 60 s → 2 min ----------------------------------------------------------------

export const DRAWING_IN_STEPS_S = [45, 60, 120] as const;

/** A hold counts as done when it lasted its whole target (the reducer ends it there by itself). */
function heldToTarget(set: PastSet): boolean {
  return set.holdMs !== null && set.holdMs >= set.target * 1000;
}

/** Where the drawing-in stands on its ladder, and the hold that put it there. */
interface DrawingInStep {
  readonly targetS: number;
  /**
   * The target of the latest hold kept to its end on (or above) its step: the hold that earned the
   * step, or kept the top one. Null before any.
   */
  readonly heldS: number | null;
  /** That hold was in the last session with a drawing-in, not before a shorter one. */
  readonly heldLastTime: boolean;
}

/**
 * The drawing-in step for the next session: one step up the ladder after each session in which the
 * hold was kept for the whole of the current step, and never down (a bad day is not lost strength).
 */
function drawingInStep(history: readonly PastSession[]): DrawingInStep {
  let step = 0;
  let heldS: number | null = null;
  let heldLastTime = false;
  for (const session of chronological(history)) {
    const sets = setsOf(session, 'drawing-in');
    if (sets.length === 0) continue;
    const reached = sets
      .filter((set) => heldToTarget(set) && set.target >= DRAWING_IN_STEPS_S[step])
      .map((set) => set.target);
    heldLastTime = reached.length > 0;
    if (!heldLastTime) continue;
    heldS = Math.max(...reached);
    if (step < DRAWING_IN_STEPS_S.length - 1) step++;
  }
  return { targetS: DRAWING_IN_STEPS_S[step], heldS, heldLastTime };
}

/** The drawing-in target for the next session, on its ladder. */
export function drawingInTargetS(history: readonly PastSession[]): number {
  return drawingInStep(history).targetS;
}

// ---- Reps and breath cycles: one more, within the program's range ---------------------------------

/**
 * Every set of the exercise the session planned was done and reached its target: ended by 'target',
 * which a count put right by hand also ends by once it reaches it (the person's count is the truth).
 * A set skipped or stopped short, or one never begun because the session was finished early, earns
 * nothing.
 */
function reachedEverySet(session: PastSession, sets: readonly PastSet[], id: ExerciseId): boolean {
  const planned = session.plannedSets?.[id] ?? sets.length;
  return sets.length > 0 && sets.length >= planned && sets.every((set) => set.endedBy === 'target');
}

/** The highest target every set of a session reached, and whether it was reached the last time. */
interface CountsReached {
  /** Null before any session in which every set reached its target. */
  readonly target: number | null;
  /** That session was the last one with the exercise, not one before a session short of it. */
  readonly lastTime: boolean;
}

function countsReached(history: readonly PastSession[], id: ExerciseId): CountsReached {
  let target: number | null = null;
  let lastTime = false;
  for (const session of chronological(history)) {
    const sets = setsOf(session, id);
    if (sets.length === 0) continue;
    const reached = reachedEverySet(session, sets, id) ? Math.max(...sets.map((set) => set.target)) : null;
    lastTime = reached !== null && reached >= (target ?? reached);
    if (lastTime) target = reached;
  }
  return { target, lastTime };
}

/**
 * A count set below the program's range: the person chose less than the program's dose (a back that
 * hurts), so past sessions leave it as set. Raising it a rep a session would push past that choice,
 * and the higher counts done before the setting was lowered would undo it at once: the history does
 * not tell when a setting changed.
 */
export function belowProgramRange(exercise: Exercise, settingTarget: number): boolean {
  return exercise.targetRange !== undefined && settingTarget < exercise.targetRange.low;
}

/**
 * The target of an exercise counted in reps or breath cycles for the next session: one more than the
 * highest target every set of a session reached, up to the top of the program's range, and never down
 * (a bad day is not lost strength). Never below `settingTarget` either, so a target the person set
 * above the range stays theirs; one set below it stays too (see belowProgramRange). An exercise
 * without a range keeps its setting.
 */
export function countTarget(
  history: readonly PastSession[],
  exercise: Exercise,
  settingTarget: number,
): number {
  const { target } = countsReached(history, exercise.id);
  if (!exercise.targetRange || belowProgramRange(exercise, settingTarget) || target === null)
    return settingTarget;
  return Math.max(settingTarget, Math.min(exercise.targetRange.high, target + 1));
}

// ---- Superman: range of motion ----------------------------------------------------------------------

export interface RangePoint {
  readonly startedAt: number;
  /** The highest lift of the session, degrees of torso pitch. */
  readonly peakDeg: number;
}

export interface RangeOfMotion {
  readonly points: readonly RangePoint[];
  readonly bestDeg: number;
  readonly latestDeg: number;
  /** Latest minus first: how much the range has grown (negative when it shrank). */
  readonly changeDeg: number;
}

/**
 * The superman's lift angle over the sessions. The highest lift of each session stands for its range
 * (program.md: the range should grow as strength and mobility improve). Null before any superman.
 */
export function supermanRange(history: readonly PastSession[]): RangeOfMotion | null {
  const points: RangePoint[] = [];
  for (const session of chronological(history)) {
    const peaks = setsOf(session, 'superman').flatMap((set) => (set.peakDeg === null ? [] : [set.peakDeg]));
    if (peaks.length > 0) points.push({ startedAt: session.startedAt, peakDeg: Math.max(...peaks) });
  }
  if (points.length === 0) return null;
  const first = points[0].peakDeg;
  const latest = points[points.length - 1].peakDeg;
  return {
    points,
    bestDeg: Math.max(...points.map((p) => p.peakDeg)),
    latestDeg: latest,
    changeDeg: latest - first,
  };
}

// ---- Applying progression to a plan -----------------------------------------------------------------

/**
 * The plan for today with the progressed targets: the drawing-in on its ladder step (never below what
 * the person set), the first plank hold above last session's, reps and breath cycles within the range.
 */
export function progressPlan(
  plan: readonly PlannedExercise[],
  history: readonly PastSession[],
): PlannedExercise[] {
  return plan.map((planned) => {
    switch (planned.exercise.id) {
      case 'drawing-in':
        return withTarget(planned, Math.max(planned.dosage.target, drawingInTargetS(history)));
      case 'elbow-plank':
        return withTarget(planned, firstPlankTargetS(history, planned.dosage.target));
      default:
        return withTarget(planned, countTarget(history, planned.exercise, planned.dosage.target));
    }
  });
}

/**
 * A target today's plan sets apart from the person's setting, and why. Targets are in the exercise's
 * unit (Dosage.target): seconds of a hold, reps, or breath cycles.
 */
export interface TargetChange {
  readonly exerciseId: ExerciseId;
  /** The target in the settings. */
  readonly setting: number;
  /** Today's target. */
  readonly today: number;
  /**
   * Why, as the end of a sentence, in the plan's words for a duration or a count: "you held the whole
   * 1 min", "you did every set of 10 reps last time".
   */
  readonly reason: string;
}

/**
 * Where progression moved today's targets away from the settings (`plan`, before progression), with
 * the reason, so the start screen and the settings can say why they differ.
 */
export function targetChanges(
  plan: readonly PlannedExercise[],
  history: readonly PastSession[],
): TargetChange[] {
  const changes: TargetChange[] = [];
  for (const planned of progressPlan(plan, history)) {
    const setting = plan.find((p) => p.exercise.id === planned.exercise.id)?.dosage.target;
    const today = planned.dosage.target;
    if (setting === undefined || setting === today) continue;
    changes.push({ exerciseId: planned.exercise.id, setting, today, reason: reasonFor(planned, history) });
  }
  return changes;
}

function reasonFor({ exercise, dosage }: PlannedExercise, history: readonly PastSession[]): string {
  switch (exercise.id) {
    case 'drawing-in':
      return drawingInReason(history);
    case 'elbow-plank':
      return plankReason(dosage.target);
    default:
      return countReason(history, exercise);
  }
}

function countReason(history: readonly PastSession[], exercise: Exercise): string {
  const { target, lastTime } = countsReached(history, exercise.id);
  // Only a session in which every set reached its target raises a count.
  const reached = target ?? 0;
  const did = `you did every set of ${countText(exercise, reached)}`;
  if (!lastTime) return `${did} in an earlier session, and a set short of it since does not lower it`;
  return reached >= (exercise.targetRange?.high ?? Infinity)
    ? `${did} last time, the most the program asks for`
    : `${did} last time`;
}

function drawingInReason(history: readonly PastSession[]): string {
  const { heldS, heldLastTime } = drawingInStep(history);
  if (heldS === null) return `the drawing-in starts at ${formatDuration(DRAWING_IN_STEPS_S[0])}`;
  const held = formatDuration(heldS);
  return heldLastTime
    ? `you held the whole ${held} last time`
    : `you held the whole ${held} in an earlier session, and a shorter hold does not lower it`;
}

function plankReason(todayS: number): string {
  // In the plan's words, "2 min 14 s": the first plank last time is today's target less the step.
  return `${formatDuration(PLANK_STEP_S)} above your first plank last time (${formatDuration(todayS - PLANK_STEP_S)})`;
}

function withTarget(planned: PlannedExercise, target: number): PlannedExercise {
  return target === planned.dosage.target ? planned : { ...planned, dosage: { ...planned.dosage, target } };
}

/** Today's target changes, for the screens: set whenever the plan is made from the history. */
export class TargetChangesModel extends Model<readonly TargetChange[]> {
  constructor() {
    super([]);
  }

  set(changes: readonly TargetChange[]): void {
    this.setState(changes);
  }
}
