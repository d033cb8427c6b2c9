// The session's state as the reducer keeps it: the plan, the set under way, the sets done, the
// devices and the pauses, the actions that change it, and the state a session begins in.

import type { FormIssue, MotionEvent, Side } from '../motion/events.ts';
import type { PositionEvent } from '../motion/position.ts';
import type { Posture } from '../motion/posture.ts';
import type { Placement } from '../sensors/samples.ts';
import { type Dosage, type Exercise, type ExerciseId, PROGRAM } from './program.ts';

export type SessionPhase = 'ready' | 'set' | 'rest' | 'summary';

export interface PlannedExercise {
  readonly exercise: Exercise;
  readonly dosage: Dosage;
  /**
   * A plank's first hold in the last session with one, in whole seconds, where today's first goal
   * was set a step above it (see progressPlan): the person is told why the goal is not the one set.
   * Kept with the session's stored plan, so a page that picks the session up still tells it; absent
   * otherwise, and in a plan stored before it was kept.
   */
  readonly firstHoldLastTimeS?: number;
  /**
   * The voice says how the exercise is done (its spokenHow) before its first set of the session: the
   * person is new to the exercise (see HOW_SAID_SESSIONS). Kept with the session's stored plan, so a
   * page that picks the session up still explains an exercise not yet reached; absent otherwise, and
   * in a plan stored before it was kept.
   */
  readonly sayHow?: boolean;
}

/** Why a set ended. */
export type SetEnd = 'target' | 'stopped' | 'form' | 'skipped';

/** A finished set, as it is kept, shown in the summary and saved. */
export interface SetRecord {
  readonly exerciseId: Exercise['id'];
  readonly setNumber: number;
  readonly target: number;
  /** Reps or breath cycles counted (0 for a hold). */
  readonly count: number;
  readonly sides: Readonly<Record<Side, number>>;
  /** Length of the hold, ms; null for reps and breaths. */
  readonly holdMs: number | null;
  /** Largest tilt of a rep in the set, degrees: the range of motion. */
  readonly peakDeg: number | null;
  readonly startedMs: number;
  /**
   * When the set's work began (see CurrentSet.workBeganMs): "Go" heard, after the instructions said
   * from `startedMs`, or the first rep or breath where it came before. Absent where neither came, and
   * in sets saved before it was kept.
   */
  readonly workBeganMs?: number;
  readonly endedMs: number;
  readonly endedBy: SetEnd;
  readonly formIssues: readonly FormIssue[];
  /** The person's net correction of the count by hand (+1 / −1), when there was one. */
  readonly corrections?: number;
  /** The person ended the hold by hand (the detector still saw it held). */
  readonly endedByHand?: boolean;
  /**
   * The device that counts the exercise was out of reach (or its motion stopped) for part of the set:
   * what it did not count then, and the +1 that counted it, tell nothing of how the detector reads
   * the person. Absent where it was there throughout.
   */
  readonly deviceAway?: true;
  /**
   * Of `deviceAway`, the device stayed connected each time, its motion stopped (see
   * SessionState.motionStopped): the record says that, not that it was out of reach. Absent where it
   * went out of reach at least once, and in sets kept before it was told apart.
   */
  readonly deviceStopped?: true;
  /**
   * Of `corrections`, the net of those tapped while that device was out of reach: reps the voice asked
   * to count with +1, which nothing could see, not a miscount put right. Absent where none were.
   */
  readonly countedAway?: number;
  /**
   * Of `corrections`, the net of those tapped, in the set or in the rest after it, while no device
   * connected counted the exercise (a heart-rate-only strap, a watch in a glute bridge): the reps
   * themselves, tapped as the ring asked ("tap +1 after each rep"), not a miscount put right. Absent
   * where none were, and in sets saved before it was kept, whose taps read as put right.
   */
  readonly countedByHand?: number;
  /**
   * Skipped before it began (the person still getting into position, or out of it again before
   * anything counted; see notBegun): nothing was done in it, so it has no count to put right. Absent
   * for a set that began, and in sets saved before it was kept, which read as they always did: begun.
   */
  readonly neverBegun?: boolean;
  /**
   * The person tapped Skip set once something was counted or held (endedBy 'stopped'): the set
   * ended at their tap, not by itself (reps that stopped coming, a hold the detectors saw end), and
   * the voice answers the tap. Absent otherwise: a set skipped with nothing done says so by its
   * endedBy, and sets saved before it was kept read as they always did.
   */
  readonly skippedUnderWay?: boolean;
  /**
   * The person tapped Finish with this set under way, something counted or held: like Skip set, it
   * ended at their tap, not by itself. Absent otherwise, and in sets saved before it was kept, which
   * read as ended by themselves.
   */
  readonly finishedUnderWay?: boolean;
  /**
   * The person got up, out of the exercise's position, once reps or breaths were counted, and that
   * ended the set (see onPosition): the voice tells them it saw them get up, where reps or breaths that
   * stopped coming were "Set over" too. Absent otherwise. Kept with the session as it runs, for the
   * line said at the set's end; the sets stored for History do not keep it.
   */
  readonly gotUp?: true;
  /**
   * The session stood paused while the hold was under way (see breaksHold): its time is the time
   * held before the pause and after it, not one hold kept whole, and no step of progression is
   * earned by it or set from it. Absent otherwise, and in sets saved before it was kept.
   */
  readonly pausedInHold?: true;
  /**
   * Another device took the set over part way through, its own given up for lost or its motion
   * stopped (see SetTakenOver). Absent where one device counted it all, and in sets saved before it
   * was kept.
   */
  readonly takenOver?: SetTakenOver;
}

export interface CurrentSet {
  readonly setNumber: number;
  /** When the set began; while `waiting`, when it fell due. */
  readonly startedMs: number;
  /**
   * The person is getting into the exercise's position: the set begins once they are in it and
   * still ("In position. Go."), and nothing is counted until then. Absent for a set that began
   * at once (no device sees posture) and in sets saved before sets began by position.
   */
  readonly waiting?: boolean;
  /** While waiting: the other position the person is still in, as last seen. */
  readonly wrongPosture?: Posture | null;
  /** When the wrong position was last said (at most every WRONG_POSITION_REPEAT_MS). */
  readonly warnedMs?: number | null;
  /** How often the wrong position was said in this set (at most WRONG_POSITION_TIMES). */
  readonly warnedTimes?: number;
  /**
   * When the person, in position at the set's start, was seen leaving it before anything was counted:
   * the set waits again unless they are back within SETTLE_BACK_MS. Null or absent while in position.
   */
  readonly leftMs?: number | null;
  /** The person was in position when the session paused: the set begins on resume. */
  readonly inPosition?: boolean;
  /**
   * What the device saw as the person came into position, the set beginning by it: the exercise's
   * position (a chest strap tells lying from sitting), or stillness and no more (a watch sees only
   * that the wrist is still). Absent where nothing saw the person (the set began as the device that
   * would see it went, or by a tap), and in sets saved before it was kept.
   */
  readonly startSeen?: StartSeen;
  /**
   * The person began the set by hand ("Start the set") while the sensor saw them elsewhere: it
   * stays begun, whatever position the sensor sees next.
   */
  readonly begunByHand?: boolean;
  /**
   * Stillness the detectors saw begin before "Go" was heard: the person in position, waiting to be
   * told. A hold held still into (drawing-in) is timed from "Go" if the stillness goes on through it;
   * for a hold lifted into (a plank), the person may be on the floor waiting for it, so it becomes the
   * hold only if no lift follows (see LIFT_AFTER_GO_MS). Kept through a tap of Start hold until it
   * ends: a lift that ends it soon after the tap is the person getting into the hold they tapped.
   */
  readonly heldSinceMs?: number | null;
  /**
   * When the voice had said the set's start ("Go"), where the app told it (see `go-heard`): no hold
   * begins before it, and a hold lifted into begins after it. Absent until then, and in sets saved
   * before it was kept.
   */
  readonly goHeardMs?: number;
  /**
   * When the voice said the set's "Go", where that was not as the set began (startedMs): a set begun
   * as the person was seen in position is dated back to when they were still, a second or so before
   * it was seen and its "Go" said, and a set a new page picks up is said again as the page picks it
   * up. What that "Go" told of how to count (with plus one while a device is away) holds from then
   * (see goSaidAt). Absent for a set under way from when it fell due, and in sets saved before it was kept.
   */
  readonly goSaidMs?: number;
  /**
   * The set had run on the page that went away (see neverRan), and a new page picked it up, to say it
   * again: Finish before the "Go" heard there keeps it as Finish would have kept it on the old page,
   * where it read the "Go" not yet heard as a set never begun and left out what the person had done
   * in it. Skip set does not read it: skipped during its lines, it goes to the next set with no rest,
   * nothing done since the new page to rest from. Absent otherwise.
   */
  readonly ranBeforeInterruption?: true;
  /**
   * When the person set to work: "Go" heard, or a rep or breath counted before it was. As it
   * happened, on the session clock: not moved on by a pause, as the timers that run from "Go" are.
   * Absent until then, and in sets saved before it was kept.
   */
  readonly workBeganMs?: number;
  readonly count: number;
  readonly sides: Readonly<Record<Side, number>>;
  /** When the last rep or breath ended, or the set began: the person has stopped if this gets old. */
  readonly lastProgressMs: number;
  /**
   * The time each rep the detectors counted took, from the progress before it (the rep before, "Go",
   * or a tap of +1 or −1), pauses left out: the set's pace, by which a set ended with a tap tells a rep
   * it cut off from one missed (see repCutAtEnd). Absent before the first, and in sets saved before it
   * was kept.
   */
  readonly repGapsMs?: readonly number[];
  readonly holdStartMs: number | null;
  /**
   * When the app learned that the hold under way had begun, and the voice said "Hold": the hold is
   * timed from the stillness that began it (holdStartMs), which the detectors confirm some 2 s later,
   * so the two differ by what was already held when "Hold" was said. Absent before a hold begins, and
   * in sets saved before it was kept.
   */
  readonly holdConfirmedMs?: number;
  /**
   * The hold under way was begun with Start hold, not by the detectors or from "Go": its end by End
   * hold teaches the hold detector only where it later saw the person still (see settledMs). Absent
   * otherwise, and in sets saved before it was kept.
   */
  readonly holdBegunByTap?: true;
  /**
   * When the stillness of a hold timed from "Go" (see heldFromGo) was seen to end within
   * FALSE_START_HOLD_MS of it: the person drawing in on "Go", a breath and a small movement of the
   * belly, not the end of the hold. The hold goes on from "Go" if they are still again within
   * STILL_AGAIN_WITHIN_MS, and is forgotten as a false start if not. Absent while the hold is still.
   */
  readonly settlingInMs?: number;
  /**
   * When the person who moved on "Go" (see settlingInMs), or after tapping Start hold (lifting into
   * the plank), was first seen still: the hold goes on as timed, held from here in the pose they
   * drew or lifted into, not the one they were in at "Go" or the tap, and End hold is read against
   * it (see personal-tuning's leftHold). Absent otherwise.
   */
  readonly settledMs?: number;
  readonly peakDeg: number | null;
  /**
   * When the person came to a stop at the top of the rep under way, for an exercise whose pause there
   * the voice times (Exercise.topPauseS); null once they leave it, or the rep is counted. Absent
   * before the first.
   */
  readonly atTopSinceMs?: number | null;
  /**
   * When the person last left the top of a rep held there (see atTopSinceMs): the wait for the next
   * rep runs from then, as from a rep, where the hips stayed up longer than reps take. No progress
   * (lastProgressMs) of its own: the rep counted just after it would seem to take the second between,
   * and the set's pace (repGapsMs) read from it would take a rep cut off by Finish for one missed.
   */
  readonly leftTopMs?: number;
  /** The device that counts the set was out of reach during it (see SetRecord.deviceAway). */
  readonly deviceAway?: true;
  /** Of `deviceAway`, its motion only stopped, the device connected (see SetRecord.deviceStopped). */
  readonly deviceStopped?: true;
  /** Of `corrections`, those tapped while that device was out of reach (see SetRecord.countedAway). */
  readonly countedAway?: number;
  /** Of `corrections`, those tapped while no device counted the exercise (see SetRecord.countedByHand). */
  readonly countedByHand?: number;
  /** Another device took the set over part way through (see SetRecord.takenOver). */
  readonly takenOver?: SetTakenOver;
  readonly formIssues: readonly FormIssue[];
  /**
   * The latest form problem the detectors saw in the set, and when it reached the session: the set
   * screen shows it for FORM_WARNING_SHOWN_MS. Absent in sets saved before the screen showed it.
   */
  readonly formWarning?: FormWarning | null;
  /** Net correction of the count by hand so far (+1 / −1). */
  readonly corrections?: number;
  /** The rest before this set ended early because the heart rate had recovered. */
  readonly afterRecovery?: boolean;
  /** The hold under way stood paused (see SetRecord.pausedInHold); absent before it did. */
  readonly pausedInHold?: true;
  /**
   * No rest came between the set before and this one (a rest of 0 s): this set followed it at once,
   * where a rest screen would have come.
   */
  readonly noRestBefore?: boolean;
}

export interface FormWarning {
  readonly issue: FormIssue;
  readonly atMs: number;
}

/**
 * A device's exercise counted by another in its place: where the one gone is worn (`from`), where the
 * one that counts is, and how the first is gone, given up for lost or its motion stopped.
 */
export interface DeviceTakeOver {
  readonly from: Placement;
  readonly placement: Placement;
  readonly how: 'lost' | 'stopped';
}

/**
 * A set the device beside its own took over part way through (a watch beside a strap lost, in a
 * superman): who took it from whom and how, and how far the set had come by then, its count, or for a
 * hold the time held (ms), so that the summary can say which device counted which part.
 */
export interface SetTakenOver extends DeviceTakeOver {
  readonly countBefore: number;
  /** Null for reps and breaths. */
  readonly heldMsBefore: number | null;
}

export interface SessionState {
  readonly phase: SessionPhase;
  readonly plan: readonly PlannedExercise[];
  readonly exerciseIndex: number;
  readonly set: CurrentSet | null;
  readonly restEndsMs: number | null;
  readonly nowMs: number;
  readonly startedMs: number | null;
  readonly endedMs: number | null;
  readonly completed: readonly SetRecord[];
  /**
   * When the session was paused (by the person, or while a device reconnects), or null. Paused, the
   * hold timer, the rest countdown and the stopped-set timer stand still and movement is not counted.
   */
  readonly pausedAtMs: number | null;
  /** Why the app paused by itself, when it did: said to the person lying on the mat, not a bare "Paused". */
  readonly pausedFor?: PauseReason;
  /**
   * Since when the app's reason for the pause has held (the pause's start, or the moment the device
   * it paused for was given up for lost, or tried again): how long the app has been reconnecting.
   */
  readonly pausedForSinceMs?: number;
  /**
   * Where the device the app paused for is worn, where more than one device is worn and it is known
   * which went: the voice names it ("The watch is out of reach"), where "The device" left the person
   * with a strap and a watch to guess which to bring back. Absent with one device alone, which needs
   * no name, and in the person's own pause.
   */
  readonly pausedForDevice?: Placement;
  /**
   * The pause began with the device already given up for lost, which the voice said as it began (see
   * Pause.saidAtOnce): kept through Reconnect, which tries the device again and says nothing, where
   * pausedFor and its since then tell of the try alone.
   */
  readonly pausedSaidAtOnce?: true;
  /**
   * The pause holds the session still while Finish's question is asked (see SessionAction's pause):
   * the voice says the session waits for the answer, not a bare "Paused".
   */
  readonly pausedToAsk?: true;
  /** The pauses over so far, in order (absent when none): time the session's timer stood still. */
  readonly pauses?: readonly Pause[];
  /**
   * When a new page picked up the rest under way and went on with it (see afterInterruption): the
   * voice said the rest again from then, what was left of it, and what the old page was saying of
   * it went with that page. Absent otherwise, and once the rest is over.
   */
  readonly restPickedUpMs?: number;
  /**
   * Finish ended the set under way short of its target: the session ended before its plan ran
   * through, though every set of it may have its record (see planRanThrough).
   */
  readonly finishedShort?: true;
  /**
   * A device sees the person's posture (an accelerometer): each set waits for them to be in
   * position. Without one (a heart-rate-only strap) a set begins as soon as it is due.
   */
  readonly startsByPosition?: boolean;
  /**
   * The exercises a connected device counts by itself (a watch does not see a glute bridge; a
   * heart-rate-only strap sees none); absent until the devices are known. The others are counted by
   * hand, and their holds start with a tap.
   */
  readonly countedByDevice?: readonly ExerciseId[];
  /**
   * Where the device each exercise is up to is worn: the one that counts it, or, for one counted by
   * hand, the one that cannot see it (a watch in a glute bridge). The voice and the screen name it
   * ("The watch is out of reach"); absent where no such device is known.
   */
  readonly motionPlacements?: Partial<Record<ExerciseId, Placement>>;
  /**
   * Of those, the exercises whose device is out of reach now (reconnecting, given up for lost, or a
   * replay played to its end): nothing sees the person move or where they lie,
   * so no set of them ends for want of reps or waits for a position (see motionAwayFor). Each with since
   * when (session clock): a moment's drop is not spoken of. Each is timed from its own going: a watch
   * that goes while the strap has long been away is news a moment later, and back within that moment
   * it is not. Absent while every device is there.
   */
  readonly motionAwaySinceMs?: Partial<Record<ExerciseId, number>>;
  /**
   * Of those, the exercises whose device stays connected but has stopped sending its motion (a
   * watch's stream that stopped): the voice and the screen say so, not that it is out of reach.
   * Absent when none.
   */
  readonly motionStopped?: readonly ExerciseId[];
  /**
   * The device that sees where the person is (the chest strap, beside a watch that counts the lat
   * pulldown) is out of reach now: no set waits for a position nothing can see, though the device that
   * counts it is there. Absent while it is there.
   */
  readonly positionAway?: true;
  /**
   * A device of the person's own took the place of the virtual strap standing in for it while the
   * set or rest went on (a strap of an earlier visit come into reach, or one picked now): when, and
   * where it is worn, that the voice says it counts from there. The count so far stays. Absent
   * before, and in a session put back on a new page.
   */
  readonly deviceJoined?: { readonly atMs: number; readonly placement: Placement };
  /**
   * A device beside the one given up for lost, or whose motion stopped (worn at `from`), took over the
   * exercise of the set or rest under way, which it can see (a watch beside a strap lost, in a
   * superman): when, where each is worn and how the first is gone, that the voice says which counts
   * from there. Absent before, and in a session put back on a new page.
   */
  readonly deviceTookOver?: DeviceTakeOver & { readonly atMs: number };
  /**
   * Since when (session clock) the heart rate alone has been out of reach: its device counts and sees
   * nothing of the exercises (a plain heart-rate strap), so the session goes on without it and the
   * voice says so once, a moment later (see heartRateAloneAway). Absent while it is there.
   */
  readonly heartRateAwaySinceMs?: number;
}

/** A pause that is over: when it began (session clock) and how long it lasted. */
export interface Pause {
  readonly atMs: number;
  readonly ms: number;
  /**
   * The app paused for a device that dropped out and went on once it was back, never having given it
   * up for lost: a strap that is often back within a second, which the voice need not speak of.
   */
  readonly deviceDropped?: true;
  /**
   * How long the pause had lasted when the session last saw it on, before the moment it ended: the
   * most the voice can have said of it, its lines planned as the session changes (a tick each quarter
   * second, or each second where the browser slows a page's timers).
   * Absent in pauses kept before it was.
   */
  readonly seenMs?: number;
  /**
   * The app paused for a device that dropped out and gave it up for lost (or tried it again at
   * Reconnect) before the pause ended: the device back later, or the person gone on without it. Time
   * nothing was counted for want of the device, as a drop it came back from (`deviceDropped`), which
   * the summary, History and the CSV say under the set it fell in. Absent for the person's own pause,
   * and in pauses kept before it was, which read as the person's.
   */
  readonly deviceLost?: true;
  /**
   * The pause began with the device already given up for lost, which the voice said as it began, not
   * CONNECTION_LOST_SAID_AFTER_MS later as a drop is: what it cut off of the line under way was cut
   * off then. Absent otherwise, and in pauses kept before it was, which read as said as a drop is.
   */
  readonly saidAtOnce?: true;
}

/**
 * A device the app reads from dropped out ('connection'), then could not be reached again ('lost'),
 * or a replay played to its end.
 */
export type PauseReason = 'connection' | 'lost' | 'replay';

export type SessionAction =
  | { readonly type: 'start'; readonly nowMs: number }
  | { readonly type: 'tick'; readonly nowMs: number }
  /**
   * What the detectors found. `nowMs` is when it reached the session (by its clock); a replay
   * without one takes the time the detector emitted it.
   */
  | { readonly type: 'motion'; readonly event: MotionEvent; readonly nowMs?: number }
  /** Whether the person is in the exercise's position (see motion/position.ts). */
  | { readonly type: 'position'; readonly event: PositionEvent }
  /** Starts a set that waits for the person to be in position, by hand. */
  | { readonly type: 'begin'; readonly nowMs: number }
  /**
   * What the devices connected now see and count, as they change: whether one sees posture (sets
   * wait for the person to be in position), which exercises they count by themselves, and where the
   * device each is up to is worn. Told in one, a set that stops waiting for a position begins as what
   * counts it now says: a strap turned heart-rate-only, told that nothing sees posture before it was
   * told that nothing counts, began its set with a bare "Go".
   */
  | {
      readonly type: 'devices-sensing';
      readonly seesPosition: boolean;
      readonly exercises: readonly ExerciseId[];
      readonly placements?: Partial<Record<ExerciseId, Placement>>;
      readonly nowMs: number;
    }
  /**
   * Which exercises' device is out of reach now (see SessionState.motionAwaySinceMs), and whether the one that
   * sees where the person is is among them (see SessionState.positionAway; absent: it is there).
   */
  | {
      readonly type: 'motion-reach';
      readonly away: readonly ExerciseId[];
      readonly positionAway?: boolean;
      /** Of `away`, those whose device is connected but sends no motion (see SessionState.motionStopped). */
      readonly stopped?: readonly ExerciseId[];
      readonly nowMs: number;
    }
  /** Whether the heart rate alone is out of reach now (see SessionState.heartRateAwaySinceMs). */
  | { readonly type: 'heart-rate-reach'; readonly away: boolean; readonly nowMs: number }
  /** A device of the person's own, worn at `placement`, took the virtual strap's place (see SessionState.deviceJoined). */
  | { readonly type: 'device-joined'; readonly placement: Placement; readonly nowMs: number }
  /** The device worn at `placement` took over from the one at `from`, gone `how` (see SessionState.deviceTookOver). */
  | ({ readonly type: 'device-took-over'; readonly nowMs: number } & DeviceTakeOver)
  /** `reason` is set when the app pauses by itself, not the person. */
  /** `toAsk`: to ask whether to end the session (Finish), not a pause the person asked for. */
  | {
      readonly type: 'pause';
      readonly nowMs: number;
      readonly reason?: PauseReason;
      /** With `reason`: where the device that went is worn, to be named (see SessionState.pausedForDevice). */
      readonly device?: Placement;
      readonly toAsk?: boolean;
    }
  | { readonly type: 'resume'; readonly nowMs: number }
  /** Ends the set now (keeping what was counted), or cuts the rest short. */
  | { readonly type: 'skip'; readonly nowMs: number }
  /** The heart rate has recovered: the rest ends early, and the next set says why. */
  | { readonly type: 'recovered'; readonly nowMs: number }
  /** Corrects the count by hand (+1 / −1). */
  | { readonly type: 'adjust'; readonly delta: number; readonly nowMs: number }
  /** Corrects the set just done from the set after it, where there was no rest (see setJustDoneToCorrect). */
  | { readonly type: 'adjust-last'; readonly delta: number; readonly nowMs: number }
  /**
   * Starts the hold by hand: no connected device sees the person hold still (a heart-rate-only
   * strap), or the one that does has not seen it yet.
   */
  | { readonly type: 'start-hold'; readonly nowMs: number }
  /** The voice has said the set's start: the person has heard "Go" (at once without a voice). */
  | { readonly type: 'go-heard'; readonly nowMs: number }
  | { readonly type: 'end-hold'; readonly nowMs: number }
  | { readonly type: 'finish'; readonly nowMs: number }
  | { readonly type: 'reset'; readonly plan?: readonly PlannedExercise[] };

/** What a device can see of the person getting into position: see CurrentSet.startSeen. */
export type StartSeen = 'position' | 'stillness';

export function defaultPlan(): PlannedExercise[] {
  return PROGRAM.map((exercise) => ({ exercise, dosage: exercise.dosage }));
}

export function initialSessionState(plan: readonly PlannedExercise[] = defaultPlan()): SessionState {
  return {
    phase: 'ready',
    plan,
    exerciseIndex: 0,
    set: null,
    restEndsMs: null,
    nowMs: 0,
    startedMs: null,
    endedMs: null,
    completed: [],
    pausedAtMs: null,
  };
}

export function currentPlanned(state: SessionState): PlannedExercise | null {
  return state.plan[state.exerciseIndex] ?? null;
}
