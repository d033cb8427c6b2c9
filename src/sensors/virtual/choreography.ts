// What a simulated person does, as a timeline of torso angles plus the ground truth of it: when each
// rep ended, which side it was, when a hold began and ended, when each breath cycle ended.
// The angles follow the "what the sensor sees" notes of program.md; the strap renderer turns them
// into accelerometer samples.

import type { SimulatedPerson } from './person.ts';
import type { Random } from './random.ts';
import { rotateAboutX, type Vec3 } from './rotation.ts';

/** The seven exercises of the program, by the ids of program.md. */
export type VirtualExercise =
  | 'superman'
  | 'glute-bridge'
  | 'drawing-in'
  | 'bird-dog'
  | 'bat-hang'
  | 'lat-pulldown'
  | 'elbow-plank';

/**
 * How the simulated body is placed, as the simulation poses it: finer than the `Posture` the
 * detectors judge from the accelerometer (motion/posture.ts), which sees prone, quadruped and plank
 * alike as face down.
 */
export type BodyPosture = 'standing' | 'seated' | 'prone' | 'supine' | 'quadruped' | 'plank';

/** The accelerometer's "up" in the body frame for each base posture (see rotation.ts for the axes). */
export const POSTURE_UP: Readonly<Record<BodyPosture, Vec3>> = {
  standing: [0, 1, 0],
  // Seated at a machine, leaning back a little against the pad.
  seated: rotateAboutX([0, 1, 0], 6),
  prone: [0, 0, -1],
  supine: [0, 0, 1],
  // Hands and knees with the chest lifted: the torso is near level, head end a touch higher.
  quadruped: rotateAboutX([0, 0, -1], 4),
  // On elbows and toes: shoulders above the feet by roughly a forearm's height.
  plank: rotateAboutX([0, 0, -1], 10),
};

export const EXERCISE_POSTURE: Readonly<Record<VirtualExercise, BodyPosture>> = {
  superman: 'prone',
  'glute-bridge': 'supine',
  'drawing-in': 'quadruped',
  'bird-dog': 'quadruped',
  'bat-hang': 'supine',
  'lat-pulldown': 'seated',
  'elbow-plank': 'plank',
};

/** Where the person waits for "Go": the plank starts lying face down, then lifts. */
const STARTING_POSTURE: Readonly<Record<VirtualExercise, BodyPosture>> = {
  ...EXERCISE_POSTURE,
  'elbow-plank': 'prone',
};

/**
 * How the person follows the screen: `usual` does as asked, now and then lying the wrong way
 * first or getting up before the set is done; `follows` always does as asked; the others do one
 * thing every time, to try it out.
 */
export const HABITS = ['usual', 'follows', 'wrong-way', 'up-early', 'stays-up'] as const;
export type Habit = (typeof HABITS)[number];

// How often the usual person lies the wrong way first, or gets up before the set is done.
const USUAL_WRONG_WAY_CHANCE = 0.15;
const USUAL_UP_EARLY_CHANCE = 0.1;
/** How often the usual person sits up for a rest between floor sets. */
export const USUAL_SIT_UP_CHANCE = 0.3;
/**
 * The shortest rest the usual person sits up for: sitting up and getting back into position take
 * longer than a shorter one lasts, and with none (a rest of 0 s) they stay in position.
 */
export const SIT_UP_MIN_REST_S = 10;

export type Activity =
  | {
      readonly kind: 'exercise';
      readonly exercise: VirtualExercise;
      readonly target: number;
      /**
       * Reps (or breaths) of the set already counted when the person was told to do it: a set resumed
       * after a reload goes on from its count, so the person does only the rest. Absent: none.
       */
      readonly alreadyDone?: number;
    }
  /**
   * Between sets: stays near the current posture, breathing, now and then shifting a little; or,
   * with `sitUp`, sits up from the floor to rest.
   */
  | { readonly kind: 'rest'; readonly durationS?: number; readonly sitUp?: boolean }
  | { readonly kind: 'sit'; readonly durationS?: number }
  | { readonly kind: 'walk'; readonly durationS?: number }
  /** From standing down to the floor: kneel, hands down, lie face down. */
  | { readonly kind: 'get-down' }
  /**
   * A set is due: after a moment to react, get into the exercise's starting position (or, by
   * habit, first into the wrong one for a while, or not at all), then keep still until told to go:
   * for `stillForS` seconds, or until the next activity when absent.
   */
  | {
      readonly kind: 'position';
      readonly exercise: VirtualExercise;
      readonly habit?: Habit;
      readonly stillForS?: number;
    };

/** A torso angle at a moment: pitch turns about the left–right axis, roll about the spine. */
export interface Keyframe {
  readonly tS: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
}

export interface Truth {
  readonly repStartsS: number[];
  /** When each rep turned back towards the start: a rep cut short after this still counts as done. */
  readonly repReturnsS: number[];
  readonly repEndsS: number[];
  readonly sides: ('left' | 'right')[];
  readonly peaksDeg: number[];
  /** [start, end]; end is Infinity while a hold goes on until the person is told to stop. */
  readonly holds: [number, number][];
  /** When the person was in the starting position and still (getting into position). */
  readonly inPositionS: number[];
  /** When the person lay still in the wrong position (getting into position the wrong way first). */
  readonly wrongPositionS: number[];
  /** When each breath cycle's inhale began: a cycle cut short after this still counts as done. */
  readonly breathInhalesS: number[];
  readonly breathEndsS: number[];
}

export interface Performance {
  readonly activity: Activity;
  readonly posture: BodyPosture;
  /** Seconds to turn from wherever the torso was into this posture. */
  readonly settleS: number;
  /** When the person is done; Infinity for a hold kept until the app says it is over. */
  readonly durationS: number;
  /** Angles relative to the posture, in time order; the last one holds after the end. */
  readonly keyframes: readonly Keyframe[];
  readonly truth: Truth;
  /** 0 at rest to 1 all-out, for the heart-rate model. */
  readonly effort: number;
  /** Multiplies the quiet-breathing tilt: deliberate breathing replaces it (bat hang). */
  readonly quietBreathing: number;
  /** Tremor amplitude in g at the start and at the end of the performance (a plank shakes more and more). */
  readonly tremorG: readonly [number, number];
  /** Up-and-down body bounce while walking: frequency in Hz and amplitude in g. */
  readonly bounce: { readonly hz: number; readonly g: number } | null;
  /** Seconds of reaction before the turn into the posture begins (the turn takes the rest of settleS). */
  readonly reactS?: number;
  /** Where the person is at the end, when not in `posture` (got up before the set was done). */
  readonly endPosture?: BodyPosture;
  /** Shaking of the turn into position, g; 0.08 when absent (a brisk, untidy move). */
  readonly joltG?: number;
}

const EFFORT: Readonly<Record<VirtualExercise, number>> = {
  superman: 0.35,
  'glute-bridge': 0.3,
  'drawing-in': 0.15,
  'bird-dog': 0.25,
  'bat-hang': 0.05,
  'lat-pulldown': 0.45,
  'elbow-plank': 0.4,
};

/** Everything about one set that varies with the person: how deep, how fast, how they pause. */
interface RepStyle {
  readonly riseS: number;
  readonly topS: number;
  /**
   * A pause at the top the voice times (the program's topPauseS): the person stays there until told
   * "Down", however quick they are otherwise, and lowers a moment after hearing it.
   */
  readonly toldDownAfterS?: number;
  readonly lowerS: number;
  readonly pauseS: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
}

const REP_STYLE: Partial<Record<VirtualExercise, RepStyle>> = {
  // Lift about 10–25°, hold about a second, lower.
  superman: { riseS: 1.0, topS: 1.0, lowerS: 1.1, pauseS: 1.2, pitchDeg: 17, rollDeg: 0 },
  // Hips up until knees, hips and shoulders line up: the sternum tilts head-down 15–35°; hold 3–5 s.
  'glute-bridge': {
    riseS: 1.3,
    topS: 3.8,
    toldDownAfterS: 3,
    lowerS: 1.4,
    pauseS: 1.2,
    pitchDeg: 24,
    rollDeg: 0,
  },
  // Weight onto one hand and knee: a small roll towards the support, a slight pitch; pause; back.
  'bird-dog': { riseS: 1.3, topS: 1.2, lowerS: 1.3, pauseS: 0.8, pitchDeg: 2.5, rollDeg: 6 },
  // Pull down with a small lean back, hold 1–2 s at the bottom, return slowly.
  'lat-pulldown': { riseS: 1.0, topS: 1.4, lowerS: 2.0, pauseS: 0.6, pitchDeg: 9, rollDeg: 0 },
};

const SETTLE_S: Readonly<Record<Activity['kind'], number>> = {
  exercise: 3,
  rest: 1.5,
  sit: 3,
  walk: 2,
  'get-down': 0.5,
  position: 2.5,
};
// Told "Down" at the top of a rep, a person starts to lower this long after.
const DOWN_REACTION_S = 0.5;
// After "Go", a person already in position takes a moment to start.
const GO_REACTION_S: readonly [number, number] = [0.5, 1.2];

export interface PlanOptions {
  readonly previousPosture: BodyPosture;
  readonly setNumber?: number;
  /** A hold goes on until the person is told otherwise (the live strap). */
  readonly untilTold?: boolean;
  /**
   * The activity before this one. An exercise right after its own `position` activity starts from
   * the position the person got into, on "Go".
   */
  readonly previousActivity?: Activity | null;
  /** After a `position` activity: whether the person had got into the position (absent: they had). */
  readonly inPosition?: boolean;
  /** Habit of the person (see Habit); `usual` when absent. */
  readonly habit?: Habit;
  /** A rest taken sitting up (see the rest activity). */
  readonly sitUp?: boolean;
}

/**
 * Plans one activity for one person. `setNumber` counts the sets of this exercise so far (1 for the
 * first), so that fatigue carries over from set to set.
 */
export function planPerformance(
  activity: Activity,
  person: SimulatedPerson,
  random: Random,
  options: PlanOptions = { previousPosture: 'standing' },
): Performance {
  const setNumber = options.setNumber ?? 1;
  switch (activity.kind) {
    case 'exercise':
      // Told to start before they were in position, the person gets into it and settles first, as
      // from anywhere else; only one already in it starts on "Go".
      return options.previousActivity?.kind === 'position' &&
        options.previousActivity.exercise === activity.exercise &&
        options.inPosition !== false
        ? planExerciseFromPosition(activity, person, random, setNumber, options)
        : planExercise(activity, person, random, setNumber, options.untilTold ?? false);
    case 'position':
      return planPosition(activity, person, random, options.previousPosture, activity.habit ?? options.habit);
    case 'rest':
      return planRest(activity, person, random, options.previousPosture, activity.sitUp ?? options.sitUp);
    case 'sit':
      return planFidgeting(activity, 'seated', person, random, 0.05, activity.durationS ?? 60);
    case 'walk':
      return {
        ...planFidgeting(activity, 'standing', person, random, 0.25, activity.durationS ?? 60),
        bounce: { hz: random.between(1.6, 2.1), g: random.between(0.15, 0.35) },
      };
    case 'get-down':
      return planGetDown(activity, person, random);
  }
}

/**
 * Whether two instructions ask the same of the person, whatever count each carried: a rep counted
 * during a set is not a new instruction, which would have them begin it again.
 */
export function sameTask(a: Activity, b: Activity): boolean {
  return JSON.stringify(withoutCount(a)) === JSON.stringify(withoutCount(b));
}

function withoutCount(activity: Activity): Activity {
  if (activity.kind !== 'exercise') return activity;
  const { alreadyDone: _counted, ...task } = activity;
  return task;
}

/**
 * The reps (or breaths) the person is still to do in a set: its target less those already counted,
 * so that a set resumed partway is finished, not begun again.
 */
export function repsLeft(activity: Extract<Activity, { kind: 'exercise' }>): number {
  return Math.max(0, activity.target - (activity.alreadyDone ?? 0));
}

function emptyTruth(): Truth {
  return {
    repStartsS: [],
    repReturnsS: [],
    repEndsS: [],
    sides: [],
    peaksDeg: [],
    holds: [],
    inPositionS: [],
    wrongPositionS: [],
    breathInhalesS: [],
    breathEndsS: [],
  };
}

function planExercise(
  activity: Extract<Activity, { kind: 'exercise' }>,
  person: SimulatedPerson,
  random: Random,
  setNumber: number,
  untilTold: boolean,
): Performance {
  const posture = EXERCISE_POSTURE[activity.exercise];
  const base = {
    activity,
    posture,
    settleS: SETTLE_S.exercise * person.tempo,
    effort: EFFORT[activity.exercise],
    quietBreathing: 1,
    tremorG: [0.001, 0.002] as const,
    bounce: null,
  };
  switch (activity.exercise) {
    case 'drawing-in':
      return { ...base, ...planStillHold(activity.target, person, random, base.settleS, untilTold, 1.6) };
    case 'elbow-plank':
      return { ...base, ...planPlank(person, random, base.settleS, setNumber) };
    case 'bat-hang':
      return {
        ...base,
        quietBreathing: 0.15,
        ...planBreathing(repsLeft(activity), person, random, base.settleS),
      };
    default:
      return {
        ...base,
        ...planReps(activity, person, random, base.settleS, setNumber),
      };
  }
}

/**
 * On "Go": the person is already in position, and starts after a moment to react (a plank lifts
 * from lying face down first). Now and then, by habit, they get up before the set is done.
 */
function planExerciseFromPosition(
  activity: Extract<Activity, { kind: 'exercise' }>,
  person: SimulatedPerson,
  random: Random,
  setNumber: number,
  options: PlanOptions,
): Performance {
  const exercise = activity.exercise;
  const posture = EXERCISE_POSTURE[exercise];
  const lifts = posture !== STARTING_POSTURE[exercise];
  // A drawing-in hold is the stillness the person is already in: it goes on from "Go".
  const settleS =
    exercise === 'drawing-in'
      ? 0
      : random.between(...GO_REACTION_S) * person.tempo + (lifts ? 1.5 * person.tempo : 0);
  const base = {
    activity,
    posture,
    settleS,
    effort: EFFORT[exercise],
    quietBreathing: 1,
    tremorG: [0.001, 0.002] as const,
    bounce: null,
    // Only lifting into a plank moves the body; starting a rep from stillness does not jolt it.
    joltG: lifts ? 0.03 : 0,
  };
  const habit = options.habit ?? 'usual';
  const getsUp =
    exercise !== 'lat-pulldown' &&
    (habit === 'up-early' || (habit === 'usual' && random.chance(USUAL_UP_EARLY_CHANCE)));
  const left = repsLeft(activity);
  const upAfter: GetUp | undefined =
    getsUp && left >= 3
      ? {
          reps: 1 + Math.floor(random.between(1, left - 1)),
          standPitchDeg: standPitchDeg(POSTURE_UP[posture]),
        }
      : undefined;
  switch (exercise) {
    case 'drawing-in':
      return {
        ...base,
        ...planStillHold(
          activity.target,
          person,
          random,
          settleS,
          options.untilTold ?? false,
          1.6,
          noSettling,
        ),
      };
    case 'elbow-plank':
      return { ...base, ...planPlank(person, random, settleS, setNumber, noSettling) };
    case 'bat-hang':
      return {
        ...base,
        quietBreathing: 0.15,
        ...planBreathing(left, person, random, settleS, noSettling, upAfter),
      };
    default:
      return {
        ...base,
        ...planReps(activity, person, random, settleS, setNumber, noSettling, upAfter),
      };
  }
}

/** The pitch that turns a torso whose "up" is `up` (in the body's y–z plane) to standing. */
function standPitchDeg(up: Vec3): number {
  return (Math.atan2(-up[2], up[1]) * 180) / Math.PI;
}

/**
 * A set is due: the person reacts, turns into the starting posture (the wrong one first, by habit,
 * lying still in it until they notice, then rolling over), settles, and keeps still until told to
 * go. A person already in position just stays. One who stays up never gets down.
 */
function planPosition(
  activity: Extract<Activity, { kind: 'position' }>,
  person: SimulatedPerson,
  random: Random,
  previousPosture: BodyPosture,
  habit: Habit = 'usual',
): Performance {
  const untilS = (fromS: number) =>
    activity.stillForS === undefined ? Number.POSITIVE_INFINITY : fromS + activity.stillForS;
  const posture = STARTING_POSTURE[activity.exercise];
  // An exercise done upright has nothing to stay up from: standing is as good as its position.
  if (habit === 'stays-up' && angleBetween(POSTURE_UP.standing, POSTURE_UP[posture]) >= 20) {
    const standing = planFidgeting(activity, 'standing', person, random, 0.05, activity.stillForS ?? 3600);
    return { ...standing, joltG: previousPosture === 'standing' ? 0 : 0.08 };
  }
  const truth = emptyTruth();
  const base = {
    activity,
    posture,
    effort: 0.1,
    quietBreathing: 1,
    tremorG: [0.001, 0.001] as const,
    bounce: null,
  };
  const turnDeg = angleBetween(POSTURE_UP[previousPosture], POSTURE_UP[posture]);
  // Lying the wrong way is a slip made on the way into position: someone lying in it already, as
  // after a rest between two sets of the same exercise, does not roll over out of it.
  const alreadyThere = turnDeg < 20;
  const wrongWay =
    !alreadyThere &&
    posture !== 'seated' &&
    (habit === 'wrong-way' || (habit === 'usual' && random.chance(USUAL_WRONG_WAY_CHANCE)));
  if (alreadyThere) {
    truth.inPositionS.push(0);
    return {
      ...base,
      settleS: 0.5,
      joltG: 0,
      keyframes: [{ tS: 0, pitchDeg: 0, rollDeg: 0 }],
      truth,
      durationS: untilS(0),
    };
  }
  const reactS = random.between(1, 3) * person.tempo;
  const settleS = reactS + SETTLE_S.position * person.tempo;
  const keyframes: Keyframe[] = [];
  let t = settleS;
  if (wrongWay) {
    // Face up instead of down (or down instead of up): the same posture rolled over, a half turn
    // about the spine; still there until they hear that it is wrong, then rolling over.
    keyframes.push({ tS: 0, pitchDeg: 0, rollDeg: 180 }, { tS: t, pitchDeg: 0, rollDeg: 180 });
    truth.wrongPositionS.push(t);
    t += random.between(8, 12);
    keyframes.push({ tS: t, pitchDeg: 0, rollDeg: 180 });
    t += 2.2 * person.tempo;
    keyframes.push({ tS: t, pitchDeg: 0, rollDeg: 0 });
  } else {
    keyframes.push({ tS: 0, pitchDeg: 0, rollDeg: 0 }, { tS: t, pitchDeg: 0, rollDeg: 0 });
  }
  const settled = settleKeyframes(random, t);
  keyframes.push(...settled.keyframes.slice(2));
  truth.inPositionS.push(settled.endS);
  return {
    ...base,
    settleS,
    reactS,
    joltG: 0.08 * Math.min(1, turnDeg / 45),
    keyframes,
    truth,
    durationS: untilS(settled.endS),
  };
}

function angleBetween(a: Vec3, b: Vec3): number {
  const dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  return (Math.acos(Math.max(-1, Math.min(1, dot))) * 180) / Math.PI;
}

/** How a performance opens: the keyframes up to the first rep, breath or hold, and when that is. */
type Lead = (random: Random, startS: number) => { keyframes: Keyframe[]; endS: number };

/** Already settled in position (on "Go"): still until startS, then straight on. */
const noSettling: Lead = (_random, startS) => ({
  keyframes: [
    { tS: 0, pitchDeg: 0, rollDeg: 0 },
    { tS: startS, pitchDeg: 0, rollDeg: 0 },
  ],
  endS: startS,
});

/** A short settling in place once the turn into position is over (at startS), before the first rep or the hold. */
function settleKeyframes(random: Random, startS: number): { keyframes: Keyframe[]; endS: number } {
  const keyframes: Keyframe[] = [
    { tS: 0, pitchDeg: 0, rollDeg: 0 },
    { tS: startS, pitchDeg: 0, rollDeg: 0 },
  ];
  let t = startS;
  const shifts = 1 + Math.floor(random.between(0, 2));
  for (let i = 0; i < shifts; i++) {
    // Shuffling hands and knees into place: a clear shift of a few degrees, then the next.
    t += random.between(0.4, 0.8);
    const sign = random.chance(0.5) ? 1 : -1;
    keyframes.push({ tS: t, pitchDeg: sign * random.between(1.5, 3.5), rollDeg: random.normal(0, 1.5) });
  }
  t += random.between(0.5, 1.0);
  keyframes.push({ tS: t, pitchDeg: 0, rollDeg: 0 });
  return { keyframes, endS: t };
}

/**
 * The reps left of a set (see repsLeft). A bird dog goes on from the reps already counted: after 3,
 * its next is on the left, the side the coach names from the count, not the right a set starts on.
 */
function planReps(
  activity: Extract<Activity, { kind: 'exercise' }>,
  person: SimulatedPerson,
  random: Random,
  settleS: number,
  setNumber: number,
  lead: Lead = settleKeyframes,
  upAfter?: GetUp,
): Pick<Performance, 'keyframes' | 'truth' | 'durationS' | 'endPosture'> {
  const { exercise, alreadyDone = 0 } = activity;
  const target = repsLeft(activity);
  const style = REP_STYLE[exercise];
  if (!style) throw new Error(`${exercise} is not done in reps`);
  const truth = emptyTruth();
  const { keyframes, endS } = lead(random, settleS);
  let t = endS + random.between(0.5, 1.5) * person.tempo;
  const setFatigue = 1 - person.fatigue * 0.15 * (setNumber - 1);
  for (let rep = 0; rep < target; rep++) {
    const progress = target > 1 ? rep / (target - 1) : 0;
    const fade = setFatigue * (1 - person.fatigue * 0.35 * progress);
    const vary = () => Math.max(0.6, 1 + random.normal(0, person.variability));
    const tempo = person.tempo * vary() * (1 + person.fatigue * 0.3 * progress);
    const depth = person.depth * vary() * fade;
    const side = exercise === 'bird-dog' ? birdDogSide(alreadyDone + rep) : undefined;
    // Right arm and left leg up: the weight goes onto the left hand, so the torso rolls to its left.
    const rollSign = side === 'left' ? -1 : 1;
    const pitch = style.pitchDeg * depth;
    const roll = style.rollDeg * depth * rollSign;
    const start = t;
    t += style.riseS * tempo;
    keyframes.push({ tS: t, pitchDeg: pitch, rollDeg: roll });
    // At the top the body does not stay perfectly still: a small settle of a fraction of a degree.
    const heldS = style.topS * tempo * vary();
    t += style.toldDownAfterS === undefined ? heldS : Math.max(heldS, style.toldDownAfterS + DOWN_REACTION_S);
    keyframes.push({
      tS: t,
      pitchDeg: pitch * random.between(0.95, 1.03),
      rollDeg: roll * random.between(0.95, 1.03),
    });
    truth.repReturnsS.push(t);
    t += style.lowerS * tempo;
    keyframes.push({ tS: t, pitchDeg: 0, rollDeg: 0 });
    truth.repStartsS.push(start);
    truth.repEndsS.push(t);
    truth.peaksDeg.push(Math.hypot(pitch, roll));
    if (side) truth.sides.push(side);
    t += style.pauseS * tempo * vary();
    if (upAfter && rep + 1 === upAfter.reps) return getUp(keyframes, truth, t, upAfter, person);
    if (rep < target - 1 && random.chance(person.fidgetiness)) t = addFidget(keyframes, random, t);
  }
  return { keyframes, truth, durationS: t + 1 };
}

/** A bird dog set starts on the right arm and alternates: the side of its rep `index`, 0 for the first. */
function birdDogSide(index: number): 'right' | 'left' {
  return index % 2 === 0 ? 'right' : 'left';
}

/** Getting up before the set is done: after `reps` reps (or breaths), up to standing. */
interface GetUp {
  readonly reps: number;
  /** The pitch from the exercise's posture to standing. */
  readonly standPitchDeg: number;
}

function getUp(
  keyframes: Keyframe[],
  truth: Truth,
  fromS: number,
  up: GetUp,
  person: SimulatedPerson,
): { keyframes: Keyframe[]; truth: Truth; durationS: number; endPosture: BodyPosture } {
  const t = fromS + 1.8 * person.tempo;
  keyframes.push({ tS: fromS, pitchDeg: 0, rollDeg: 0 }, { tS: t, pitchDeg: up.standPitchDeg, rollDeg: 0 });
  return { keyframes, truth, durationS: t + 1, endPosture: 'standing' };
}

/** A pause with a small shift of weight: the kind of movement that must never count as a rep. */
function addFidget(keyframes: Keyframe[], random: Random, startS: number): number {
  let t = startS + random.between(0.3, 1.0);
  keyframes.push({ tS: t, pitchDeg: 0, rollDeg: 0 });
  t += random.between(0.4, 0.9);
  keyframes.push({ tS: t, pitchDeg: random.normal(0, 1.5), rollDeg: random.normal(0, 1.5) });
  t += random.between(0.4, 0.9);
  keyframes.push({ tS: t, pitchDeg: 0, rollDeg: 0 });
  return t + random.between(1, 3);
}

function planStillHold(
  targetS: number,
  person: SimulatedPerson,
  random: Random,
  settleS: number,
  untilTold: boolean,
  breathDepth: number,
  lead: Lead = settleKeyframes,
): Pick<Performance, 'keyframes' | 'truth' | 'durationS' | 'quietBreathing'> {
  const truth = emptyTruth();
  const { keyframes, endS } = lead(random, settleS);
  const holdStart = endS;
  if (untilTold) {
    truth.holds.push([holdStart, Number.POSITIVE_INFINITY]);
    return { keyframes, truth, durationS: Number.POSITIVE_INFINITY, quietBreathing: breathDepth };
  }
  const holdEnd = holdStart + targetS * random.between(1.0, 1.15) * (person.tempo > 1.2 ? 1.05 : 1);
  keyframes.push({ tS: holdEnd, pitchDeg: 0, rollDeg: 0 });
  // Leaving the pose: sit back on the heels, torso rising.
  keyframes.push({ tS: holdEnd + 1.5 * person.tempo, pitchDeg: 55, rollDeg: random.normal(0, 3) });
  truth.holds.push([holdStart, holdEnd]);
  return { keyframes, truth, durationS: holdEnd + 3, quietBreathing: breathDepth };
}

function planPlank(
  person: SimulatedPerson,
  random: Random,
  settleS: number,
  setNumber: number,
  lead: Lead = settleKeyframes,
): Pick<Performance, 'keyframes' | 'truth' | 'durationS' | 'tremorG'> {
  const truth = emptyTruth();
  const { keyframes, endS } = lead(random, settleS);
  const holdStart = endS;
  // A plank is held for as long as form holds, whatever the target: capacity, less with each hold.
  const capacity = person.plankCapacityS * (1 - 0.08 * (setNumber - 1)) * random.between(0.9, 1.1);
  const tremorG = [0.002, 0.004 + 0.02 * person.fatigue + 0.006] as const;
  let t = holdStart + Math.max(8, capacity);
  keyframes.push({ tS: t, pitchDeg: 0, rollDeg: 0 });
  let formLost = t;
  if (random.chance(0.5)) {
    // The hips sag first: the torso pitches more and more head-up until form is clearly gone.
    const sagS = random.between(2.5, 4.5);
    keyframes.push({ tS: t + sagS, pitchDeg: random.between(9, 13), rollDeg: random.normal(0, 1) });
    formLost = t + sagS * 0.55;
    t += sagS;
  }
  // Down to the floor: the torso drops to flat.
  t += random.between(0.6, 1.0);
  keyframes.push({ tS: t, pitchDeg: -10, rollDeg: random.normal(0, 1.5) });
  truth.holds.push([holdStart, formLost]);
  return { keyframes, truth, durationS: t + 2, tremorG };
}

function planBreathing(
  breaths: number,
  person: SimulatedPerson,
  random: Random,
  settleS: number,
  lead: Lead = settleKeyframes,
  upAfter?: GetUp,
): Pick<Performance, 'keyframes' | 'truth' | 'durationS' | 'endPosture'> {
  const truth = emptyTruth();
  const { keyframes, endS } = lead(random, settleS);
  let t = endS + random.between(1, 2.5);
  for (let i = 0; i < breaths; i++) {
    // Exhale fully (ribs down and in), pause, inhale slowly into the back: a chest tilt of a few degrees.
    const depth = random.between(2, 4.5) * person.depth;
    t += random.between(2.5, 4) * person.tempo;
    keyframes.push({ tS: t, pitchDeg: -depth, rollDeg: 0 });
    t += random.between(0.8, 2) * person.tempo;
    keyframes.push({ tS: t, pitchDeg: -depth, rollDeg: 0 });
    truth.breathInhalesS.push(t);
    t += random.between(2.5, 4) * person.tempo;
    keyframes.push({ tS: t, pitchDeg: random.normal(0, 0.2), rollDeg: 0 });
    truth.breathEndsS.push(t);
    t += random.between(0.3, 1.2);
    if (upAfter && i + 1 === upAfter.reps) return getUp(keyframes, truth, t, upAfter, person);
  }
  return { keyframes, truth, durationS: t + 1 };
}

function planRest(
  activity: Extract<Activity, { kind: 'rest' }>,
  person: SimulatedPerson,
  random: Random,
  previousPosture: BodyPosture,
  sitUp = false,
): Performance {
  // A plank rests face down on the floor; everything else rests where it is, unless sitting up.
  const posture = sitUp ? 'seated' : previousPosture === 'plank' ? 'prone' : previousPosture;
  // Without a set length, a rest lasts until the person is told what to do next.
  return planFidgeting(activity, posture, person, random, 0, activity.durationS ?? 600);
}

function planFidgeting(
  activity: Activity,
  posture: BodyPosture,
  person: SimulatedPerson,
  random: Random,
  effort: number,
  durationS: number,
): Performance {
  const keyframes: Keyframe[] = [{ tS: 0, pitchDeg: 0, rollDeg: 0 }];
  let t = 0;
  let settled = keyframes[0];
  for (;;) {
    t += random.between(4, 15) / Math.max(0.3, person.fidgetiness * 5 + 0.5);
    if (t > durationS - 3) break;
    keyframes.push({ ...settled, tS: t });
    // Shifting, scratching, looking around: a few degrees, never the shape of a rep.
    t += random.between(0.5, 1.2);
    keyframes.push({ tS: t, pitchDeg: random.normal(0, 2), rollDeg: random.normal(0, 2) });
    t += random.between(0.5, 1.5);
    settled = { tS: t, pitchDeg: random.normal(0, 0.5), rollDeg: random.normal(0, 0.5) };
    keyframes.push(settled);
  }
  return {
    activity,
    posture,
    settleS: SETTLE_S[activity.kind] * person.tempo,
    durationS,
    keyframes,
    truth: emptyTruth(),
    effort,
    quietBreathing: 1,
    tremorG: [0.001, 0.001],
    bounce: null,
  };
}

function planGetDown(activity: Activity, person: SimulatedPerson, random: Random): Performance {
  // Relative to lying prone: standing is a pitch of +90°, kneeling upright about +75°, hands and knees ~+5°.
  const tempo = person.tempo;
  const keyframes: Keyframe[] = [
    { tS: 0, pitchDeg: 90, rollDeg: 0 },
    { tS: 1.5 * tempo, pitchDeg: 90, rollDeg: random.normal(0, 3) },
    { tS: 3.2 * tempo, pitchDeg: 72, rollDeg: random.normal(0, 6) },
    { tS: 5.0 * tempo, pitchDeg: 6, rollDeg: random.normal(0, 4) },
    { tS: 7.0 * tempo, pitchDeg: 3, rollDeg: random.normal(0, 3) },
    { tS: 9.0 * tempo, pitchDeg: 0, rollDeg: 0 },
  ];
  return {
    activity,
    posture: 'prone',
    settleS: SETTLE_S['get-down'],
    durationS: 12 * tempo,
    keyframes,
    truth: emptyTruth(),
    effort: 0.1,
    quietBreathing: 1,
    tremorG: [0.001, 0.001],
    bounce: null,
  };
}
