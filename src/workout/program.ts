// The back-care program: seven exercises with their instructions in our own words and their default
// dosages (program.md). The session model walks through them; the user may change the dosages.

import type { MotionProfileId } from '../motion/detector.ts';
import type { FormIssue, Side } from '../motion/events.ts';
import type { Posture } from '../motion/posture.ts';

export type ExerciseId =
  | 'superman'
  | 'glute-bridge'
  | 'drawing-in'
  | 'bird-dog'
  | 'bat-hang'
  | 'lat-pulldown'
  | 'elbow-plank';

/** What a set of the exercise counts: reps, the length of one hold, or full breath cycles. */
export type ExerciseKind = 'reps' | 'hold' | 'breaths';

export interface Dosage {
  readonly sets: number;
  /** Reps per set (for an alternating exercise, the total of both sides), hold seconds, or breath cycles. */
  readonly target: number;
  /** Rest after each set, seconds. */
  readonly restS: number;
  /**
   * The weight a machine exercise is done with, kg, as the person logged it: none until they give one,
   * as program.md names none, only "a weight that keeps good form throughout (log the weight)".
   */
  readonly weightKg?: number;
}

export interface Exercise {
  readonly id: ExerciseId;
  readonly name: string;
  readonly kind: ExerciseKind;
  readonly motionProfile: MotionProfileId;
  /**
   * A device on the wrist sees the exercise: the hand travels with each rep, or holds still with the
   * hold and moves when it ends. The arms lie still in a glute bridge and a bat hang, one arm in two
   * moves in a bird dog, and the forearms stay on the floor when a plank drops (program.md): with a
   * watch alone those are counted by hand.
   */
  readonly seenFromWrist: boolean;
  /** Reps alternate between sides (bird dog). */
  readonly alternatesSides: boolean;
  /** Done with a weight the person picks and logs (the lat pulldown's machine). */
  readonly weighted: boolean;
  /**
   * program.md offers more sets than its dosage gives and names no most (the glute bridge's "1 set ×
   * ~15 reps (offer more sets)"): a set more is offered once the set is done well (see setOfferDue).
   */
  readonly offersMoreSets: boolean;
  /**
   * A hold that ends by itself when the target is reached (drawing-in); otherwise the hold goes on
   * for as long as form holds (plank) and the target is only a goal.
   */
  readonly holdEndsAtTarget: boolean;
  /**
   * The hold may be lifted into from the start position on "Go" (a plank, from lying face down on the
   * elbows), rather than being the start position kept still (drawing-in): stillness there that the
   * lift ends just after "Go" was the person waiting for it, not the hold (see LIFT_AFTER_GO_MS).
   */
  readonly liftsIntoHold: boolean;
  /**
   * The pause program.md asks for at the top of each rep, in seconds, where the voice times it: it
   * says "Hold" once the person is still at the top and "Down" when this long has passed since they
   * got there (the glute bridge's "hold 3–5 s": its least). The how-to and the steps ask for this
   * long and no longer, as the screen counts it: "three to five" had the person hear "Down" at three.
   * None where the pause is a moment only.
   */
  readonly topPauseS?: number;
  /**
   * Where to be, in short sentences: the voice says it a sentence at a time as the set waits, and
   * "In position. Go." waits for the sentence under way, so none is longer than about 3 s to say.
   */
  readonly position: string;
  /** The posture the set starts in: it begins once the person is in it and still. */
  readonly startPosture: Posture;
  /**
   * What the screen and the voice ask for while the set waits for the person to be in position: one
   * sentence of at most about 3 s to say, as `position`'s.
   */
  readonly positionPrompt: string;
  readonly steps: readonly string[];
  /**
   * The movement as the voice says it, once, to a person new to the exercise (PlannedExercise.sayHow):
   * `steps` and `cues` in short sentences, numbers in words, heard from the mat. It is said a sentence
   * at a time, and a person who sets off before "Go" ends it at the sentence under way, their first
   * count said then: each sentence is as short as a where-to-be one (about 3 s at the voice's rate).
   */
  readonly spokenHow: string;
  readonly cues: readonly string[];
  /**
   * The one point the voice says every session, not only to a person new to the exercise: its safety
   * or most important form point (program.md), before the first set of it goes. One sentence, under
   * 3 s to say: "In position. Go." waits for it. Never with "go" in it, the word a person waits for to
   * start ("Go lighter if …" was one), nor the how-to's words again, which the first sessions hear too.
   */
  readonly keyPoint: string;
  readonly dosage: Dosage;
  /**
   * The reps or breath cycles of a set as program.md gives them, a range ("10–12 reps"): the target
   * grows within it as the person reaches it (see progression.ts). None where it gives one number.
   */
  readonly targetRange?: TargetRange;
  /**
   * The sets as program.md gives them, a range ("3–4 sets"): a set is added once every set reaches the
   * top of `targetRange`, its reps starting again at the bottom (see progression.ts). None where it
   * gives one number; the glute bridge's "offer more sets" names no most, so a set more is offered
   * (see offersMoreSets) and the person adds any after it.
   */
  readonly setRange?: TargetRange;
}

/** The lowest and the highest the program gives for a set's target, or for the sets, both included. */
export interface TargetRange {
  readonly low: number;
  readonly high: number;
}

export const PROGRAM: readonly Exercise[] = [
  {
    id: 'superman',
    name: 'Superman',
    kind: 'reps',
    motionProfile: 'superman',
    seenFromWrist: true,
    alternatesSides: false,
    weighted: false,
    offersMoreSets: false,
    holdEndsAtTarget: false,
    liftsIntoHold: false,
    position: 'Lie face down. Stretch your arms out past your head.',
    startPosture: 'face-down',
    positionPrompt: 'Lie face down to start',
    steps: [
      'Raise arms, legs, head and chest together, only as high as feels comfortable.',
      'Stay up for about a second.',
      'Lower everything back down slowly.',
    ],
    spokenHow:
      'Lift arms, legs, head and chest. Only as high as is comfortable. Stay up a second. Then lower slowly.',
    cues: ['Keep your lower back long: lift, do not crank.', 'Let the range grow over the weeks.'],
    keyPoint: 'Do not over-arch your lower back.',
    dosage: { sets: 3, target: 10, restS: 45 },
    targetRange: { low: 10, high: 12 },
  },
  {
    id: 'glute-bridge',
    name: 'Glute bridge',
    kind: 'reps',
    motionProfile: 'glute-bridge',
    seenFromWrist: false,
    alternatesSides: false,
    weighted: false,
    offersMoreSets: true,
    holdEndsAtTarget: false,
    liftsIntoHold: false,
    topPauseS: 3,
    position: 'Lie on your back, knees bent. Feet flat, weight in your heels.',
    startPosture: 'face-up',
    positionPrompt: 'Lie on your back to start',
    steps: [
      'Press through your heels and squeeze your glutes to lift your hips.',
      'Stop when knees, hips and shoulders make one straight line; hold 3 seconds.',
      'Lower your hips back to the floor.',
    ],
    spokenHow:
      'Push through your heels. Lift your hips. Knees, hips and shoulders in a line. Hold three seconds. Then lower.',
    cues: ['Push through the heels, not the toes.'],
    keyPoint: 'Heels down, squeeze your glutes.',
    dosage: { sets: 1, target: 15, restS: 45 },
  },
  {
    id: 'drawing-in',
    name: 'Drawing-in',
    kind: 'hold',
    motionProfile: 'drawing-in',
    seenFromWrist: true,
    alternatesSides: false,
    weighted: false,
    offersMoreSets: false,
    holdEndsAtTarget: true,
    liftsIntoHold: false,
    position: 'On your hands and knees. Back flat, chest lifted. Eyes on the floor.',
    startPosture: 'face-down',
    positionPrompt: 'Get on your hands and knees to start',
    steps: [
      'Breathe all the way out.',
      'Breathe in deeply while pulling your belly button in towards your spine.',
      'Keep it drawn in and your abs tight while you keep breathing normally.',
    ],
    spokenHow:
      'Breathe all the way out. Breathe in deeply. Draw your belly button to your spine. Keep it in, abs tight. Keep breathing.',
    cues: ['Keep breathing: the hold is in the belly, not the breath.'],
    keyPoint: 'Do not hold your breath.',
    dosage: { sets: 1, target: 45, restS: 30 },
  },
  {
    id: 'bird-dog',
    name: 'Bird dog',
    kind: 'reps',
    motionProfile: 'bird-dog',
    seenFromWrist: false,
    alternatesSides: true,
    weighted: false,
    offersMoreSets: false,
    holdEndsAtTarget: false,
    liftsIntoHold: false,
    position:
      'Hands under shoulders. Knees under hips. Eyes just ahead of your hands. Brace your core, back flat.',
    startPosture: 'face-down',
    positionPrompt: 'Get on your hands and knees to start',
    steps: [
      'Reach one arm forward and the opposite leg back until both are level with the floor.',
      'Pause there, then lower them slowly.',
      'Switch sides each time.',
    ],
    spokenHow:
      'Reach one arm forward. And the opposite leg back. Both level with the floor. Pause, lower slowly, switch sides.',
    cues: ['Keep the tabletop flat.', 'Stop short if your form slips or anything hurts.'],
    keyPoint: 'Stop short if form slips or it hurts.',
    dosage: { sets: 1, target: 20, restS: 45 },
  },
  {
    id: 'bat-hang',
    name: 'Bat hang',
    kind: 'breaths',
    motionProfile: 'bat-hang',
    seenFromWrist: false,
    alternatesSides: false,
    weighted: false,
    offersMoreSets: false,
    holdEndsAtTarget: false,
    liftsIntoHold: false,
    position:
      'Lie on your back at a wall. Seat against it, legs straight up. Walk your heels up the wall. Stop once your back rounds.',
    startPosture: 'face-up',
    positionPrompt: 'Put your legs up the wall to start',
    steps: [
      'Breathe out fully, letting the ribs sink down, in and back.',
      'Pause.',
      'Breathe in quietly through your nose into your upper and middle back, front ribs staying closed.',
    ],
    spokenHow:
      'Breathe out fully. Ribs sink down, in and back. Pause. Breathe in quietly through your nose. Into your upper and middle back.',
    cues: ['Slow breaths: each one a full cycle.'],
    keyPoint: 'Keep your front ribs closed.',
    dosage: { sets: 2, target: 4, restS: 30 },
    targetRange: { low: 3, high: 5 },
  },
  {
    id: 'lat-pulldown',
    name: 'Wide-grip lat pulldown',
    kind: 'reps',
    motionProfile: 'lat-pulldown',
    seenFromWrist: true,
    alternatesSides: false,
    weighted: true,
    offersMoreSets: false,
    holdEndsAtTarget: false,
    liftsIntoHold: false,
    position:
      'Sit at the pulldown machine. Thighs under the pads. Bar held overhand. Hands wider than shoulders.',
    startPosture: 'upright',
    positionPrompt: 'Sit upright at the machine to start',
    steps: [
      'Breathe out and pull the bar down to just above your chest, elbows in, shoulder blades squeezed.',
      'Hold for a second or two.',
      'Let the bar rise slowly and under control.',
    ],
    spokenHow:
      'Breathe out, pull the bar down. Just above your chest, elbows in. Shoulder blades squeezed. Hold a second or two. Up slowly.',
    cues: ['Pick a weight you can move with good form on every rep.'],
    keyPoint: 'Use less weight if your form slips.',
    dosage: { sets: 3, target: 12, restS: 60 },
    targetRange: { low: 12, high: 15 },
    setRange: { low: 3, high: 4 },
  },
  {
    id: 'elbow-plank',
    name: 'Elbow plank',
    kind: 'hold',
    motionProfile: 'elbow-plank',
    seenFromWrist: false,
    alternatesSides: false,
    weighted: false,
    offersMoreSets: false,
    holdEndsAtTarget: false,
    liftsIntoHold: true,
    position: 'Face down, elbows under shoulders. Lift onto elbows and toes. Or knees, to make it easier.',
    startPosture: 'face-down',
    positionPrompt: 'Lie face down on your elbows to start',
    steps: [
      'Tuck your pelvis towards the floor and squeeze your core.',
      'Keep your back straight and your eyes down.',
      'Hold for as long as your form holds.',
    ],
    spokenHow: 'Tuck your pelvis, squeeze your core. Keep your back straight, eyes down.',
    cues: [
      'Hips in line with your shoulders and heels: not sagging, not raised.',
      'Try to hold each one a little longer than the last.',
    ],
    keyPoint: 'Stop when your hips start to sag.',
    dosage: { sets: 3, target: 30, restS: 60 },
  },
];

/** How the posture the person seems to be in is put: "You seem to be on your back." */
const POSTURE_WORDS: Readonly<Record<Posture, string>> = {
  'face-down': 'face down',
  'face-up': 'on your back',
  side: 'on your side',
  upright: 'upright',
};

/**
 * What the screen shows and the voice says when the person is still in another position: what the
 * sensor sees, then where to be, in the prompt's words ("You seem to be upright. Get on your hands and
 * knees."; the sensor's "face down" also covers hands and knees). Two sentences, each said in under
 * 3 s, as where to be is: the voice says it a sentence at a time, and "In position. Go." for a person
 * who turns over while it is said waits for the one under way. Said as one ("… Wide-grip lat pulldown
 * is done sitting upright."), it took 6 s.
 */
export function wrongPositionText(exercise: Exercise, seen: Posture): string {
  // The prompt's "to start" is the set's to say as it waits, not a correction's.
  const where = exercise.positionPrompt.replace(/ to start$/, '');
  return `${seenPositionText(seen)} ${where}.`;
}

/** What the sensor sees of a wrong position, the first sentence of wrongPositionText. */
export function seenPositionText(seen: Posture): string {
  return `You seem to be ${POSTURE_WORDS[seen]}.`;
}

/** Every line seenPositionText may say, one for each position the sensor tells. */
export function everySeenPositionText(): string[] {
  return (Object.keys(POSTURE_WORDS) as Posture[]).map(seenPositionText);
}

/**
 * What the voice adds when it says a wrong position again (20 s on), and the screen shows: the sensor
 * may be the one that is wrong (worn oddly), and the way on is the button. A question and its answer,
 * each under 3 s to say.
 */
export const WRONG_POSITION_WAY_ON = 'Already in position? Tap Start the set.';

/**
 * Every line wrongPositionText may say of `exercise`, one for each position the sensor tells: the set
 * keeps the room of the longest under the position to take, so that none moves its buttons.
 */
export function everyWrongPositionText(exercise: Exercise): string[] {
  return (Object.keys(POSTURE_WORDS) as Posture[]).map((seen) => wrongPositionText(exercise, seen));
}

/**
 * Each form problem the detectors report (program.md's cues): what to do about it, said and shown
 * while the set goes on, and what went wrong, listed with the set afterwards.
 */
export const FORM_ISSUE_TEXT: Readonly<
  Record<FormIssue, { readonly fix: string; readonly problem: string }>
> = {
  'over-extension': { fix: 'Keep your lower back long', problem: 'lower back over-extended' },
  'tabletop-lost': { fix: 'Keep the tabletop flat', problem: 'tabletop lost' },
  'plank-sag': { fix: 'Hips in line', problem: 'hips sagged' },
};

/**
 * The reps of a set that alternates sides, per side. The set starts on the right arm, so an odd total
 * (a person's own setting) has one more on the right.
 */
export function repsPerSide(target: number): Readonly<Record<Side, number>> {
  return { right: Math.ceil(target / 2), left: Math.floor(target / 2) };
}

/** What one of a rep or breath exercise's counts is called: "rep", or "breath" for the bat hang's cycles. */
export function countUnit(exercise: Exercise): 'rep' | 'breath' {
  return exercise.kind === 'breaths' ? 'breath' : 'rep';
}

/** "10 reps", "1 breath": a count of a rep or breath exercise, as the plan and progression say it. */
export function countText(exercise: Exercise, count: number): string {
  return `${count} ${countUnit(exercise)}${count === 1 ? '' : 's'}`;
}

/** "10–12 reps", "3–5 breaths": a range of counts of a rep or breath exercise. */
export function countRangeText(exercise: Exercise, { low, high }: TargetRange): string {
  return `${low}–${countText(exercise, high)}`;
}

/**
 * "10 each side", or for an odd total "8 right, 7 left": the screen and the voice (with its own
 * `number` in words) say a bird dog set the same.
 */
export function perSideText(target: number, number: (n: number) => string = String): string {
  return sidesText(repsPerSide(target), number);
}

/**
 * "10 each side", "8 right, 7 left": reps known per side, as perSideText says a total split. An arm
 * with none is left out, "1 right": "one right, zero left done" is heard as a count of nothing.
 */
export function sidesText(
  { right, left }: Readonly<Record<Side, number>>,
  number: (n: number) => string = String,
): string {
  if (right === left) return `${number(right)} each side`;
  if (left === 0) return `${number(right)} right`;
  if (right === 0) return `${number(left)} left`;
  return `${number(right)} right, ${number(left)} left`;
}

/**
 * What a bird dog set a tap cut short did: its reps, then how they fell on each side, "5 reps, 3 right
 * and 2 left", "6 reps, 3 each side", "1 rep, on the right", as the voice ("Set cut short: five reps,
 * three right and two left"), the rest after it and the CSV say it, where "Set cut short: three
 * right, two left done" left a listener to work out what was done of what.
 */
export function cutShortSidesText(count: number, number: (n: number) => string = String): string {
  const { right, left } = repsPerSide(count);
  const reps = `${number(count)} rep${count === 1 ? '' : 's'}`;
  if (right === left) return `${reps}, ${number(right)} each side`;
  if (left === 0) return `${reps}, on the right`;
  return `${reps}, ${number(right)} right and ${number(left)} left`;
}

/**
 * A bird dog set done, "7 of 10 each side", or "7 of 10 right, 6 of 10 left" where the arms differ:
 * each arm's reps of its own target, as the voice counted them ("Left, seven") and the set's ring
 * showed them, where "13 of 20 reps" is a number neither said. The numbers as `number` writes them
 * (the voice's in words).
 */
export function perSideDoneText(
  count: number,
  target: number,
  number: (n: number) => string = String,
): string {
  const done = repsPerSide(count);
  const of = repsPerSide(target);
  return done.right === done.left && of.right === of.left
    ? `${number(done.right)} of ${number(of.right)} each side`
    : `${number(done.right)} of ${number(of.right)} right, ${number(done.left)} of ${number(of.left)} left`;
}

/**
 * Program.md's word on the weight of a machine exercise, "a weight that keeps good form throughout
 * (log the weight)": what the voice asks before the first set and the plan and settings show, where
 * no weight is logged yet (see weightToLog).
 */
export const PICK_A_WEIGHT = 'Pick a weight that keeps good form throughout';

/**
 * Whether the exercise is done with a weight the person has not logged yet: the plan names no number
 * for it, and the voice, the plan and the settings ask for one (PICK_A_WEIGHT).
 */
export function weightToLog(exercise: Pick<Exercise, 'weighted'>, dosage: Pick<Dosage, 'weightKg'>): boolean {
  return exercise.weighted && dosage.weightKg === undefined;
}

export function exerciseById(id: ExerciseId): Exercise {
  const exercise = PROGRAM.find((e) => e.id === id);
  if (!exercise) throw new Error(`Unknown exercise ${id}`);
  return exercise;
}
