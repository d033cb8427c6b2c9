// How the program grows with the person, from what they did in past sessions (program.md): each plank
// hold aims above the last one, the drawing-in hold climbs 45 s → 60 s → 2 min, the reps or breath
// cycles of an exercise the program gives a range for grow by one within it, then the lat pulldown
// adds a set within its range of sets, and the superman's lift angle is followed as range of motion.
// Pure functions over saved set records; the store keeps them.

import { formatDuration, heldS } from './held-seconds.ts';
import { Model } from './model.ts';
import {
  countRangeText,
  countText,
  type Exercise,
  type ExerciseId,
  PROGRAM,
  type TargetRange,
} from './program.ts';
import type { PlannedExercise, SetRecord } from './session-state.ts';
import { endedAtTap } from './set-outcomes.ts';

/**
 * The exercises whose past sets progression reads: a history given to it may hold only their sets
 * (the store keeps these apart, so that years of history cost one small read).
 */
export const PROGRESSION_EXERCISES: readonly ExerciseId[] = [
  'drawing-in',
  'elbow-plank',
  ...PROGRAM.filter((exercise) => exercise.targetRange || exercise.offersMoreSets).map(
    (exercise) => exercise.id,
  ),
];

/** What progression reads of a past set: a whole SetRecord will do, and so will just these. */
export type PastSet = Pick<
  SetRecord,
  | 'exerciseId'
  | 'setNumber'
  | 'target'
  | 'holdMs'
  | 'peakDeg'
  | 'endedBy'
  | 'pausedInHold'
  | 'endedByHand'
  | 'skippedUnderWay'
  | 'finishedUnderWay'
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
  /**
   * Every exercise of which a set began in the session, not only those progression follows: the
   * voice explains an exercise's movement in the first sessions that did it (see HOW_SAID_SESSIONS).
   * Absent in a history given without it: its sets are then all there is to go by.
   */
  readonly exercisesDone?: readonly ExerciseId[];
  /**
   * The weight the session planned for each exercise done with one, kg: absent in a history written
   * before it was kept, and where the session planned none.
   */
  readonly plannedWeightKg?: Readonly<Partial<Record<ExerciseId, number>>>;
}

/**
 * How many of the sessions did each exercise: began a set of it, however many sets. One pass over the
 * history, read at every start and settings change: years of it are read once, not once an exercise.
 */
export function sessionsPerExercise(history: readonly PastSession[]): ReadonlyMap<ExerciseId, number> {
  const counts = new Map<ExerciseId, number>();
  for (const session of history) {
    for (const id of exercisesDid(session)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function exercisesDid(session: PastSession): Set<ExerciseId> {
  return new Set(session.exercisesDone ?? session.sets.map((set) => set.exerciseId));
}

/**
 * The weight the latest session that did the exercise planned for it, kg, or null where none did.
 * A person who logged no weight (a fresh browser, a backup's sessions taken without its settings)
 * still lifted one, and their sessions say which: the plan starts from it rather than asking afresh.
 */
export function lastWeightKg(history: readonly PastSession[], id: ExerciseId): number | null {
  const latestFirst = chronological(history).reverse();
  const last = latestFirst.find(
    (session) => session.plannedWeightKg?.[id] !== undefined && exercisesDid(session).has(id),
  );
  return last?.plannedWeightKg?.[id] ?? null;
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
 * A new session's first plank goal, from the first real plank hold of the last session with one: a
 * step above it; or, where the person's tap ended that hold short of its goal (End hold, Skip set,
 * Finish), that goal kept. Program.md's plank is held "as long as form holds", "trying to hold
 * longer each time": a hold form ended is where the person is, but one they stopped themselves is a
 * bad day, which lowers no goal, as a shorter drawing-in hold or a set short of its reps lowers none.
 * Null before there is a real plank hold.
 */
interface FirstPlankGoal {
  readonly targetS: number;
  /** That first hold, whole seconds. */
  readonly heldS: number;
  /** Its goal kept: the hold was ended by a tap short of it. */
  readonly kept: boolean;
}

function firstPlankGoal(history: readonly PastSession[]): FirstPlankGoal | null {
  let goal = firstPlankGoals.get(history);
  if (goal === undefined) {
    goal = readFirstPlankGoal(history);
    firstPlankGoals.set(history, goal);
  }
  return goal;
}

/**
 * firstPlankGoal of each history read: years of sessions are sorted and walked back once, where the
 * plans made of one history (today's, the full session's) and the changes told of them each did it.
 * A history is not changed once given: a new session read is a new one.
 */
const firstPlankGoals = new WeakMap<readonly PastSession[], FirstPlankGoal | null>();

function readFirstPlankGoal(history: readonly PastSession[]): FirstPlankGoal | null {
  for (const session of chronological(history).reverse()) {
    const first = setsOf(session, 'elbow-plank').find(isPlankHold);
    if (first?.holdMs == null) continue;
    return goalAfterHold(first, first.holdMs);
  }
  return null;
}

/**
 * The goal of the plank hold after `hold`, a real one (see isPlankHold): a step above it, or its own
 * goal kept where the person's tap ended it short of that goal, in the session or in the next (see
 * firstPlankGoal).
 */
function goalAfterHold(hold: PastSet, holdMs: number): FirstPlankGoal {
  const held = heldS(holdMs);
  return endedAtTap(hold) && held < hold.target
    ? { targetS: hold.target, heldS: held, kept: true }
    : { targetS: nextPlankTargetS(holdMs), heldS: held, kept: false };
}

/** The last real plank hold of those done in this session, in ms; null before there is one. */
function lastPlankHoldMs(doneToday: readonly SetRecord[]): number | null {
  return doneToday.filter(isPlankHold).at(-1)?.holdMs ?? null;
}

/**
 * A plank held for some time but too short to count (a false start, a set ended by tap seconds in) or
 * broken by a pause, after the last real hold: the goal is still set from the real one, which is then
 * not the last held.
 */
function shortPlankHoldSince(doneToday: readonly SetRecord[]): boolean {
  const planks = doneToday.filter((set) => set.exerciseId === 'elbow-plank');
  const lastReal = planks.findLastIndex(isPlankHold);
  return planks.slice(lastReal + 1).some((set) => (set.holdMs ?? 0) > 0);
}

/**
 * A plank set held long enough to count as a hold (see PLANK_MIN_HOLD_MS), in one go: a hold broken
 * by a pause was two shorter ones, and a goal 5 s past their sum is not a step a tiring person can make.
 */
function isPlankHold(set: PastSet): boolean {
  return set.exerciseId === 'elbow-plank' && (set.holdMs ?? 0) >= PLANK_MIN_HOLD_MS && !set.pausedInHold;
}

/**
 * The goal of the plank hold after the ones already done in this session: a step above the last real
 * hold, or that hold's goal where the person's tap ended it short of it (program.md: "as long as form
 * holds"; a hold they stopped themselves does not say where form ends, and lowers no goal).
 */
export function plankTargetAfter(doneToday: readonly SetRecord[], firstTargetS: number): number {
  const last = doneToday.filter(isPlankHold).at(-1);
  return last?.holdMs == null ? firstTargetS : goalAfterHold(last, last.holdMs).targetS;
}

/**
 * The hold a plank's goal was set a step above, in whole seconds: one done today (the goal moved from
 * the one set, 6 s to 53 s after a hold of 48 s), or, for the first hold of a session, the first of
 * the last session with one.
 */
export interface PlankGoalFrom {
  readonly heldS: number;
  readonly today: boolean;
  /**
   * A hold too short to build on, or broken by a pause, came after today's it was set from (see
   * shortPlankHoldSince): "your last hold" would be that one, 3 s, where the goal is 59 s.
   */
  readonly shortHoldSince: boolean;
}

/**
 * The hold `planned`'s goal was set a step above, so that the person is told why the goal is what it
 * is; null for a goal not set so: the one set, or another exercise's.
 */
export function plankGoalSetFrom(
  planned: PlannedExercise,
  doneToday: readonly SetRecord[],
): PlankGoalFrom | null {
  return goalSetFromHold(planned, lastPlankHoldMs(doneToday), shortPlankHoldSince(doneToday));
}

/**
 * plankGoalSetFrom, given the last plank hold of the sets done before it in the session, if any, and
 * whether a hold too short to count, or broken by a pause, came after it.
 */
function goalSetFromHold(
  planned: PlannedExercise,
  lastMs: number | null,
  shortHoldSince: boolean,
): PlankGoalFrom | null {
  if (planned.exercise.id !== 'elbow-plank') return null;
  if (lastMs !== null) {
    return nextPlankTargetS(lastMs) === planned.dosage.target
      ? { heldS: heldS(lastMs), today: true, shortHoldSince }
      : null;
  }
  const lastTimeS = planned.firstHoldLastTimeS;
  return lastTimeS !== undefined && nextPlankTargetS(lastTimeS * 1000) === planned.dosage.target
    ? { heldS: lastTimeS, today: false, shortHoldSince: false }
    : null;
}

/**
 * The hold each of a session's kept sets, `records`, had its goal set a step above, as the set screen
 * and the voice told it (null where none: not a plank, or its goal not set so), with the plan of its
 * session. In one pass over the sets, the last plank hold kept as it goes: the summary asks of every
 * row.
 */
export function keptPlankGoalsSetFrom(
  records: readonly SetRecord[],
  plan: readonly PlannedExercise[],
): (PlankGoalFrom | null)[] {
  let lastMs: number | null = null;
  let shortSince = false;
  return records.map((record) => {
    const planned = plan.find((p) => p.exercise.id === record.exerciseId);
    const from = planned
      ? goalSetFromHold(
          { ...planned, dosage: { ...planned.dosage, target: record.target } },
          lastMs,
          shortSince,
        )
      : null;
    if (isPlankHold(record)) {
      lastMs = record.holdMs;
      shortSince = false;
    } else if (record.exerciseId === 'elbow-plank' && (record.holdMs ?? 0) > 0) {
      shortSince = true;
    }
    return from;
  });
}

/**
 * Why a plank's goal is what it is, in few words for a person on the floor: "5 s past your last
 * hold" on the screen, "five seconds past your last hold" in the voice's `duration`; "5 s past your
 * first plank last time" for a session's first. Where a hold too short to count, or broken by a
 * pause, came after the one it was set from, that one is named by its length, "5 s past your hold of 54 s": the person knows
 * their last was 3 s, and the longer goal would not be theirs.
 */
export function pastLastHoldText(
  goalS: number,
  from: PlankGoalFrom,
  duration: (totalS: number) => string = formatDuration,
): string {
  return `${duration(goalS - from.heldS)} past your ${goalFromWords(from, duration)}`;
}

function goalFromWords(from: PlankGoalFrom, duration: (totalS: number) => string): string {
  if (!from.today) return 'first plank last time';
  return from.shortHoldSince ? `hold of ${duration(from.heldS)}` : 'last hold';
}

// ---- Drawing-in: 45 s → 60 s → 2 min ----------------------------------------------------------------

export const DRAWING_IN_STEPS_S = [45, 60, 120] as const;

/**
 * A hold counts as done when it lasted its whole target (the reducer ends it there by itself) in one
 * go: one broken by a pause is not the hold the step asks for.
 */
function heldToTarget(set: PastSet): boolean {
  return set.holdMs !== null && set.holdMs >= set.target * 1000 && !set.pausedInHold;
}

/** Where the drawing-in stands on its ladder, and the hold that put it there. */
interface DrawingInStep {
  readonly targetS: number;
  /**
   * The target of the latest hold kept to its end on (or above) its step: the hold that earned the
   * step, or kept the top one. Null before any.
   */
  readonly heldS: number | null;
  /**
   * The last session with a drawing-in held a hold of that length whole: the one that earned the
   * step, or one as long since (a 45 s planned by the person after 45 s had earned 60 s), not a
   * shorter one.
   */
  readonly heldLastTime: boolean;
}

/**
 * The drawing-in step for the next session: one step up the ladder after each session in which the
 * hold was kept for the whole of the current step, and never down (a bad day is not lost strength).
 */
function drawingInStep(history: readonly PastSession[]): DrawingInStep {
  let step = 0;
  let heldS: number | null = null;
  let longestWholeLastTimeS = 0;
  for (const session of chronological(history)) {
    const sets = setsOf(session, 'drawing-in');
    if (sets.length === 0) continue;
    const whole = sets.filter(heldToTarget).map((set) => set.target);
    longestWholeLastTimeS = Math.max(0, ...whole);
    const reached = whole.filter((targetS) => targetS >= DRAWING_IN_STEPS_S[step]);
    if (reached.length === 0) continue;
    heldS = Math.max(...reached);
    if (step < DRAWING_IN_STEPS_S.length - 1) step++;
  }
  const heldLastTime = heldS !== null && longestWholeLastTimeS >= heldS;
  return { targetS: DRAWING_IN_STEPS_S[step], heldS, heldLastTime };
}

/** The drawing-in target for the next session, on its ladder. */
export function drawingInTargetS(history: readonly PastSession[]): number {
  return drawingInStep(history).targetS;
}

// ---- Reps and breath cycles: one more, within the program's range, then a set more -----------------

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

/** The sets of an exercise and the target of each: what a session did, or what today asks. */
export interface CountDose {
  readonly sets: number;
  readonly target: number;
}

/**
 * The dose `a` asks more than `b`. With a range of sets, more sets are more whatever their reps (3 × 15
 * comes before 4 × 12, as the reps start again at the bottom when a set is added); without, only the
 * target counts, as a short session's one set of a superman is still a set of its reps.
 */
function asksMore(exercise: Exercise, a: CountDose, b: CountDose): boolean {
  if (exercise.setRange && a.sets !== b.sets) return a.sets > b.sets;
  return a.target > b.target;
}

/**
 * The most a session in which every set reached its target did, and what the sessions with the
 * exercise since did instead, if any: a set short of its target, or every set of a target (or sets)
 * the person set lower.
 */
interface CountsReached {
  /** Null before any session in which every set reached its target. */
  readonly reached: CountDose | null;
  /** The session that did `reached`: the latest to do it, or more. */
  readonly reachedIn: PastSession | null;
  readonly shortSince: boolean;
  readonly easierSince: boolean;
}

function countsReached(history: readonly PastSession[], exercise: Exercise): CountsReached {
  let reached: CountDose | null = null;
  let reachedIn: PastSession | null = null;
  let shortSince = false;
  let easierSince = false;
  for (const session of chronological(history)) {
    const sets = setsOf(session, exercise.id);
    if (sets.length === 0) continue;
    const done = reachedEverySet(session, sets, exercise.id)
      ? { sets: sets.length, target: Math.max(...sets.map((set) => set.target)) }
      : null;
    if (done === null) shortSince = true;
    else if (reached !== null && asksMore(exercise, reached, done)) easierSince = true;
    else {
      reached = done;
      reachedIn = session;
      shortSince = false;
      easierSince = false;
    }
  }
  return { reached, reachedIn, shortSince, easierSince };
}

/**
 * A set more is due: every set reached the top of the reps' range, and the program gives more sets
 * than were done.
 */
function addsSet(exercise: Exercise, reached: CountDose): boolean {
  const { targetRange, setRange } = exercise;
  return (
    targetRange !== undefined &&
    setRange !== undefined &&
    reached.target >= targetRange.high &&
    reached.sets >= setRange.low &&
    reached.sets < setRange.high
  );
}

/**
 * The step after a session that reached `reached` in every set: one more rep or breath up to the top
 * of the range; there, a set more where the program gives a range of sets, its reps starting again at
 * the bottom (double progression: 3 × 15 is followed by 4 × 12, not 4 × 15).
 */
function nextDose(exercise: Exercise, range: TargetRange, reached: CountDose): CountDose {
  if (addsSet(exercise, reached)) return { sets: reached.sets + 1, target: range.low };
  return { sets: reached.sets, target: Math.min(range.high, reached.target + 1) };
}

/**
 * The least the program gives a set of the exercise where past sessions raise it: the bottom of its
 * range ("10–12 reps": 10), or the drawing-in's first step (45 s). Null where they raise none from
 * the program's dose (an exercise without a range) or aim past the last hold wherever it was set (the
 * plank).
 */
export function programBottom(exercise: Exercise): number | null {
  if (exercise.id === 'drawing-in') return DRAWING_IN_STEPS_S[0];
  return exercise.targetRange?.low ?? null;
}

/**
 * A target set below the program's dose (see programBottom): the person chose less than the program
 * gives (a back that hurts), so past sessions leave it as set. Raising it a step would push past that
 * choice, and the more done before the setting was lowered would undo it at once: the history does
 * not tell when a setting changed.
 */
export function belowProgramDose(exercise: Exercise, settingTarget: number): boolean {
  const bottom = programBottom(exercise);
  return bottom !== null && settingTarget < bottom;
}

/**
 * The most program.md gives a set of the exercise: the top of its range ("10–12 reps": 12), the
 * drawing-in's last step (2 min), or its one dose (15 glute bridges, 10 bird dogs a side). Null for a
 * hold kept as long as form holds (the plank), which names no most.
 */
export function programTop(exercise: Exercise): number | null {
  if (exercise.id === 'drawing-in') return DRAWING_IN_STEPS_S.at(-1) ?? null;
  if (exercise.kind === 'hold' && !exercise.holdEndsAtTarget) return null;
  return exercise.targetRange?.high ?? exercise.dosage.target;
}

/**
 * Past this a plank is far from where the program starts one (30 s): a person may hold longer in good
 * form, but one who typed it is better told to build up to it.
 */
const FAR_ABOVE_PLANK_S = 120;

/**
 * A target far above the program's dosage, about twice its top or more (a plank: past
 * FAR_ABOVE_PLANK_S): more than a back in care should start at, and often a number mistyped.
 */
export function farAboveProgram(exercise: Exercise, target: number): boolean {
  const top = programTop(exercise);
  return target > (top === null ? FAR_ABOVE_PLANK_S : 2 * top);
}

/** Sets the person chose outside the program's range of them: theirs to change, not progression's. */
function setsOutsideRange(exercise: Exercise, settingSets: number): boolean {
  const range = exercise.setRange;
  return range !== undefined && (settingSets < range.low || settingSets > range.high);
}

/**
 * The sets and target of an exercise counted in reps or breath cycles for the next session: a step
 * (see nextDose) after the most a session did in which every set reached its target, and never down
 * (a bad day is not lost strength). Never below `setting` either, so a target or sets the person set
 * above the range stay theirs; a target set below it stays too (see belowProgramDose), and so do
 * sets chosen outside the program's range of them, the reps growing within theirs. An exercise
 * without a range keeps its setting.
 */
export function countDose(
  history: readonly PastSession[],
  exercise: Exercise,
  setting: CountDose,
): CountDose {
  const range = exercise.targetRange;
  const { reached } = countsReached(history, exercise);
  if (!range || belowProgramDose(exercise, setting.target) || reached === null) return setting;
  const oneMore = Math.max(setting.target, Math.min(range.high, reached.target + 1));
  if (!exercise.setRange) return { sets: setting.sets, target: oneMore };
  // The reps of fewer sets than the setting's are not the reps of its sets: those begin at its own.
  if (reached.sets < setting.sets) return setting;
  if (setsOutsideRange(exercise, setting.sets)) return { sets: setting.sets, target: oneMore };
  const next = nextDose(exercise, range, reached);
  return { sets: next.sets, target: Math.max(setting.target, next.target) };
}

// ---- More sets where the program offers them: the glute bridge's ------------------------------------

/**
 * The sessions in a row in which every set of the exercise reached its target before a set more is
 * offered: a second good session shows the set is in hand, where one could be a good day.
 */
export const SET_OFFERED_AFTER_SESSIONS = 2;

/**
 * A set more is to be offered (program.md: "offer more sets"): the exercise is one the program offers
 * them for, the person has its sets as the program gives them, and every set reached its target in
 * each of the last SET_OFFERED_AFTER_SESSIONS sessions that did it. Whether it was answered already is
 * the settings' to know.
 */
export function setOfferDue(
  history: readonly PastSession[],
  exercise: Exercise,
  setting: CountDose,
): boolean {
  if (!exercise.offersMoreSets || setting.sets !== exercise.dosage.sets) return false;
  const last = chronological(history)
    .map((session) => ({ session, sets: setsOf(session, exercise.id) }))
    .filter(({ sets }) => sets.length > 0)
    .slice(-SET_OFFERED_AFTER_SESSIONS);
  return (
    last.length === SET_OFFERED_AFTER_SESSIONS &&
    last.every(({ session, sets }) => reachedEverySet(session, sets, exercise.id))
  );
}

// ---- A weighted exercise at the top of its range: the weight is what grows next ---------------------

/**
 * The exercises of today's plan done with a weight for which it is time to try a heavier one: the
 * plan asks the most the program does (the lat pulldown's 4 × 15), and every set of that was done, as
 * progression counts it (see countsReached), at the weight planned today or a heavier one (or one not
 * kept). An easier session since, a short one's single set, leaves the plan at 4 × 15 and so the
 * advice too; a set short of it since does not. The program gives the dose with "a weight that keeps
 * good form throughout" and says no more of it, so this is advice only: the weight is the person's to
 * raise, and a heavier one leaves the plan as it is.
 */
export function heavierWeightsDue(
  today: readonly PlannedExercise[],
  history: readonly PastSession[],
): ExerciseId[] {
  return today.filter((planned) => heavierWeightDue(planned, history)).map((p) => p.exercise.id);
}

function heavierWeightDue({ exercise, dosage }: PlannedExercise, history: readonly PastSession[]): boolean {
  const { targetRange, setRange } = exercise;
  if (dosage.weightKg === undefined || !targetRange || !setRange) return false;
  const atTop = (dose: CountDose) => dose.sets >= setRange.high && dose.target >= targetRange.high;
  if (!atTop(dosage)) return false;
  const { reached, reachedIn, shortSince } = countsReached(history, exercise);
  if (!reached || !reachedIn || shortSince || !atTop(reached)) return false;
  const reachedKg = reachedIn.plannedWeightKg?.[exercise.id];
  return reachedKg === undefined || dosage.weightKg <= reachedKg;
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
 * the person set, and not at all from a hold set below its first step), the first plank hold above last session's, reps and breath cycles within the range,
 * and the lat pulldown's sets within theirs. `plan` is the full session's: a short one takes a set of
 * each afterwards, or its one set would read as the sets the person set.
 */
export function progressPlan(
  plan: readonly PlannedExercise[],
  history: readonly PastSession[],
): PlannedExercise[] {
  return plan.map((planned) => {
    const { dosage } = planned;
    switch (planned.exercise.id) {
      case 'drawing-in':
        if (belowProgramDose(planned.exercise, dosage.target)) return planned;
        return withDose(planned, {
          sets: dosage.sets,
          target: Math.max(dosage.target, drawingInTargetS(history)),
        });
      case 'elbow-plank': {
        // A new session's first goal: a step above the first hold of the last session with a real
        // plank, or its goal kept where a tap ended it short (see firstPlankGoal).
        const goal = firstPlankGoal(history);
        if (goal === null) return planned;
        const target = goal.targetS;
        // The set screen and the voice say a goal set a step above the hold, not one kept.
        return goal.kept
          ? { ...planned, dosage: { ...dosage, target } }
          : { ...planned, dosage: { ...dosage, target }, firstHoldLastTimeS: goal.heldS };
      }
      default:
        return withDose(planned, countDose(history, planned.exercise, dosage));
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
  /** The sets in the settings and today's, where a set was added. */
  readonly sets?: { readonly setting: number; readonly today: number };
  /**
   * Why, as the end of a sentence, in the plan's words for a duration or a count: "you held the whole
   * 1 min", "you did every set of 10 reps last time".
   */
  readonly reason: string;
}

/**
 * Where progression moved today's plan away from the settings (`asSet`, the plan before progression),
 * with the reason, so the start screen and the settings can say why they differ.
 */
export function targetChanges(
  asSet: readonly PlannedExercise[],
  today: readonly PlannedExercise[],
  history: readonly PastSession[],
): TargetChange[] {
  const changes: TargetChange[] = [];
  for (const planned of today) {
    const setting = asSet.find((p) => p.exercise.id === planned.exercise.id)?.dosage;
    if (setting === undefined) continue;
    const { sets, target } = planned.dosage;
    // A plank goal kept at the setting through a hold ended short by hand is said too: the person
    // who stopped at 12 s wonders why 30 s stands (see firstPlankGoal).
    const kept = planned.exercise.id === 'elbow-plank' && firstPlankGoal(history)?.kept === true;
    if (setting.target === target && setting.sets === sets && !kept) continue;
    changes.push({
      exerciseId: planned.exercise.id,
      setting: setting.target,
      today: target,
      ...(setting.sets === sets ? {} : { sets: { setting: setting.sets, today: sets } }),
      reason: reasonFor(planned, setting, history),
    });
  }
  return changes;
}

/**
 * The change a plan entry's target is told with, or null. The entry is the session's plan and the
 * changes are made beside it: one made for another plan (an older one, another tab's) is not this
 * entry's reason, and told beside it read "3 × 10 reps, raised from 10 reps".
 */
export function changeBehind(
  changes: readonly TargetChange[],
  { exercise, dosage }: PlannedExercise,
): TargetChange | null {
  const change = changes.find((c) => c.exerciseId === exercise.id);
  if (!change || change.today !== dosage.target) return null;
  return change.sets && change.sets.today !== dosage.sets ? null : change;
}

function reasonFor(
  { exercise, dosage }: PlannedExercise,
  setting: PlannedExercise['dosage'],
  history: readonly PastSession[],
): string {
  switch (exercise.id) {
    case 'drawing-in':
      return drawingInReason(history);
    case 'elbow-plank':
      return plankReason(dosage.target, setting.target, firstPlankGoal(history));
    default:
      return countReason(history, exercise, setting.sets !== dosage.sets, dosage.target);
  }
}

/**
 * "you did every set of 10 reps last time"; where today's sets differ from the setting, how many
 * sets did it ("all 4 sets of 13 reps"), and when every one reached the top of the range, that a set
 * is added and the reps start again at its bottom, or at the person's own target where that is
 * higher (never below the setting): `todayTarget`, the reps today's plan asks.
 */
function countReason(
  history: readonly PastSession[],
  exercise: Exercise,
  setsChanged: boolean,
  todayTarget: number,
): string {
  // Only a session in which every set reached its target raises a count.
  const { reached, shortSince, easierSince } = countsReached(history, exercise);
  const { sets, target } = reached ?? { sets: 0, target: 0 };
  const did = `you did ${setsChanged ? `all ${sets} sets` : 'every set'} of ${countText(exercise, target)}`;
  const range = exercise.targetRange;
  const startsAt =
    range && todayTarget > range.low
      ? `the ${countText(exercise, todayTarget)} you set`
      : countText(exercise, range?.low ?? todayTarget);
  // Sets the person chose outside the program's range keep their number: none is added to them.
  const setAdded =
    setsChanged && reached && range && addsSet(exercise, reached)
      ? `, the top of the program's ${countRangeText(exercise, range)}, so ${sets + 1} sets start again at ${startsAt}`
      : '';
  if (shortSince || easierSince) {
    const since =
      shortSince && easierSince
        ? 'the sessions since, easier or a set short, do not lower it'
        : shortSince
          ? 'a set short of it since does not lower it'
          : 'an easier session you set since does not lower it';
    return `${did} in an earlier session${setAdded}, and ${since}`;
  }
  if (setAdded) return `${did} last time${setAdded}`;
  return target >= (range?.high ?? Infinity)
    ? `${did} last time, the most the program asks for`
    : `${did} last time`;
}

/**
 * Why the drawing-in is above its setting. Only a step past the first puts it there, and a hold kept
 * whole earned that step: a setting below the first step stays as set (belowProgramDose), and one
 * from it up is at or above the first step already. So there is always a hold to name.
 */
function drawingInReason(history: readonly PastSession[]): string {
  const { heldS, heldLastTime } = drawingInStep(history);
  const held = formatDuration(heldS!);
  return heldLastTime
    ? `you held the whole ${held} last time`
    : `you held the whole ${held} in an earlier session, and a shorter hold does not lower it`;
}

function plankReason(todayS: number, settingS: number, goal: FirstPlankGoal | null): string {
  // A goal kept: the hold it was kept through, ended by the person's tap (see firstPlankGoal).
  if (goal?.kept) {
    const heldS = formatDuration(goal.heldS);
    // Below a setting raised since, the plan reads "Lowered from": the goal kept is what lowered it,
    // and "which does not lower it" would deny the line's own first words.
    return goal.targetS < settingS
      ? `last time's goal of ${formatDuration(goal.targetS)}, kept as you ended your first plank yourself at ${heldS}`
      : `last time's goal, as you ended your first plank yourself, at ${heldS}, which does not lower it`;
  }
  // In the words the set screen and the voice give it, with the hold it was set from, "(2 min 9 s)":
  // the first plank last time is today's target less the step.
  const firstLastTimeS = todayS - PLANK_STEP_S;
  return `${pastLastHoldText(todayS, { heldS: firstLastTimeS, today: false, shortHoldSince: false })} (${formatDuration(firstLastTimeS)})`;
}

function withDose(planned: PlannedExercise, { sets, target }: CountDose): PlannedExercise {
  return target === planned.dosage.target && sets === planned.dosage.sets
    ? planned
    : { ...planned, dosage: { ...planned.dosage, sets, target } };
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

/** The exercises of today's plan for which a heavier weight is due (see heavierWeightsDue), for the screens. */
export class HeavierWeightsModel extends Model<readonly ExerciseId[]> {
  constructor() {
    super([]);
  }

  set(ids: readonly ExerciseId[]): void {
    this.setState(ids);
  }
}

/** The exercises of today's plan offered a set more (see setOffers in settings.ts), for the start screen. */
export class SetOffersModel extends Model<readonly ExerciseId[]> {
  constructor() {
    super([]);
  }

  set(ids: readonly ExerciseId[]): void {
    this.setState(ids);
  }
}
