// The session as a pure reducer: the state of a workout and how each thing that happens (a command
// from the screen, a motion event, the clock moving on) changes it. No timers and no I/O here; the
// Model around it and the app feed it actions.

import type { FormIssue, MotionEvent, Side } from '../motion/events.ts';
import type { PositionEvent } from '../motion/position.ts';
import type { Posture } from '../motion/posture.ts';
import type { Placement } from '../sensors/samples.ts';
import { type Dosage, type Exercise, type ExerciseId, exerciseById, PROGRAM } from './program.ts';
import { plankTargetAfter } from './progression.ts';

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

/**
 * Whole seconds held, as the set's timer counts them: the voice, every screen and the exports say a
 * hold the same, from the set record's `holdMs` (a hold ended by a sag is dated to when form was last
 * good, a moment before the detectors could tell).
 */
export function heldS(holdMs: number): number {
  return Math.max(0, Math.floor(holdMs / 1000));
}

/**
 * How long the hold under way has been held at `nowMs`, as its clock shows it; null before it began.
 * While the person settles after "Go" (see CurrentSet.settlingInMs), only what the detectors saw held
 * still up to the movement: the seconds since are kept only if they are seen still again within
 * STILL_AGAIN_WITHIN_MS, so the clock stands until then, and goes on from "Go" once they are.
 */
export function heldSoFarMs(
  set: Pick<CurrentSet, 'holdStartMs' | 'settlingInMs'>,
  nowMs: number,
): number | null {
  if (set.holdStartMs === null) return null;
  return Math.max(0, Math.min(nowMs, set.settlingInMs ?? nowMs) - set.holdStartMs);
}

/** "45 s", "1 min", "1 min 7 s": for sentences, where 1:07 would read badly aloud. */
export function formatDuration(totalS: number): string {
  if (totalS < 60) return `${totalS} s`;
  const minutes = Math.floor(totalS / 60);
  const seconds = totalS % 60;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** The seconds held over a session's sets: the sum of each hold as said and shown, not a second more. */
export function totalHeldS(records: readonly Pick<SetRecord, 'holdMs'>[]): number {
  return records.reduce((n, record) => n + (record.holdMs === null ? 0 : heldS(record.holdMs)), 0);
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
   * hold only if no lift follows (see LIFT_AFTER_GO_MS).
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
   * When the stillness of a hold timed from "Go" (see heldFromGo) was seen to end within
   * FALSE_START_HOLD_MS of it: the person drawing in on "Go", a breath and a small movement of the
   * belly, not the end of the hold. The hold goes on from "Go" if they are still again within
   * STILL_AGAIN_WITHIN_MS, and is forgotten as a false start if not. Absent while the hold is still.
   */
  readonly settlingInMs?: number;
  /**
   * When the person who moved on "Go" (see settlingInMs) was seen still again: the hold goes on from
   * "Go", held from here in the pose they drew into, not the one they heard "Go" in, and End hold is
   * read against it (see personal-tuning's leftHold). Absent otherwise.
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

/** A rep set in which the detectors counted a rep and then nothing for this long is over. */
export const STOPPED_AFTER_MS = 15_000;
/**
 * A breath set waits this long for the next breath. The bat hang's breath is a full breath out, a
 * pause and a slow breath in: 15 s at 4 breaths a minute, a common slow pace, and up to 20 s for the
 * slowest breather. Twice that lets one such breath go uncounted (too shallow for the counter) without
 * ending the set, and every cycle the breath counter counts (up to 40 s, see the motion profiles) fits
 * in it. Waiting long costs little: a person who gets up from the wall ends the set at once (see
 * onPosition), and one who stops breathing deeply there has the set dated to their last breath.
 */
export const BREATH_STOPPED_AFTER_MS = 40_000;

/** How long a set under way waits for the next rep or breath before the person has stopped. */
function stoppedAfterMs(exercise: Exercise): number {
  return exercise.kind === 'breaths' ? BREATH_STOPPED_AFTER_MS : STOPPED_AFTER_MS;
}

/**
 * The most reps or breaths one set may hold: far above any dosage the settings allow (100 reps), so a
 * count put right by hand stays a count a backup of it can be read back with.
 */
export const MAX_SET_COUNT = 1000;

/** A hold that ends sooner than this was the person still settling into position: keep waiting. */
export const FALSE_START_HOLD_MS = 5_000;
/**
 * A hold timed from "Go" whose stillness ended within FALSE_START_HOLD_MS of it (see settlingInMs)
 * goes on if the detectors see the person still again within this long of that end: drawing in (a
 * full breath out, then in with the navel drawn in, some 4 to 6 s) and the 3 s the detectors watch
 * stillness before they report it fit in it. Not still by then, the person moved off: the hold is
 * forgotten, as any false start, before its first time call (15 s in) could be said.
 */
export const STILL_AGAIN_WITHIN_MS = 10_000;
/**
 * Lifting into a plank on "Go" takes a second or two: stillness that ends within this long of it was
 * the person on the floor, waiting to hear it (the set's instructions take up to 15 s to say), and
 * stillness that goes on past it was the person up in the plank already.
 */
export const LIFT_AFTER_GO_MS = 4_000;

/**
 * Back in position within this long of being seen leaving it, before anything was counted, was the
 * person settling onto the mat (rolled onto a side to place the arms, and back): the set goes on as
 * begun, and the voice says neither where to lie nor "Go" a second time. The position judge takes a
 * second to see a person leave and a second to see them back and still (IN_POSITION_MS,
 * LEFT_FOR_MS), so a shift of up to 3 s passes unsaid, while a person who got up hears where to lie
 * about 4 s after getting up.
 */
export const SETTLE_BACK_MS = 3_000;

/** A wrong position is said again after this long, while the person stays in it. */
export const WRONG_POSITION_REPEAT_MS = 20_000;
/**
 * How often a set says the wrong position: after that the person has heard it and the way on, and a
 * voice going on every 20 s for as long as the app is open helps no one.
 */
export const WRONG_POSITION_TIMES = 3;

/**
 * A form warning stays on the set screen this long after the detectors saw the problem: time to look
 * up from the mat at the voice, or to read it in place of a voice that was missed, without it staying
 * on over the reps done well after it. (The detectors report each problem once, when it happens.)
 */
export const FORM_WARNING_SHOWN_MS = 10_000;

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

/** Whether the devices connected now leave an exercise to be counted by hand (see countedByDevice). */
export function countedByHand(
  state: Pick<SessionState, 'countedByDevice'>,
  exercise: Pick<Exercise, 'id'>,
): boolean {
  return state.countedByDevice !== undefined && !state.countedByDevice.includes(exercise.id);
}

/**
 * The exercises of `exercises` (a plan's, in its order) that the devices connected now leave to be
 * counted by hand (see countedByHand): none until what the devices count is known.
 */
export function exercisesCountedByHand<E extends Pick<Exercise, 'id'>>(
  state: Pick<SessionState, 'countedByDevice'>,
  exercises: readonly E[],
): E[] {
  return exercises.filter((exercise) => countedByHand(state, exercise));
}

/**
 * Whether the device that counts an exercise is out of reach now (see motionAwaySinceMs): the person
 * counts it with +1 until it is back.
 */
export function motionAwayFor(state: Pick<SessionState, 'motionAwaySinceMs'>, exercise: Exercise): boolean {
  return motionAwaySince(state, exercise) !== undefined;
}

/**
 * The exercises whose device is out of reach now (see motionAwaySinceMs), in the program's order:
 * the voice says the first whose drop became news, whichever order the drops were told in.
 */
export function motionAwayExercises(state: Pick<SessionState, 'motionAwaySinceMs'>): ExerciseId[] {
  const away = state.motionAwaySinceMs ?? {};
  return PROGRAM.map((e) => e.id).filter((id) => away[id] !== undefined);
}

/**
 * Whether no device connected now sees the exercise: none of them counts it, or the one that does is
 * out of reach. The person counts it with +1, or begins and ends its hold with a tap.
 */
export function unseenByDevices(
  state: Pick<SessionState, 'countedByDevice' | 'motionAwaySinceMs'>,
  exercise: Exercise,
): boolean {
  return countedByHand(state, exercise) || motionAwayFor(state, exercise);
}

/** When the voice said the "Go" of a set under way (see CurrentSet.goSaidMs). */
export function goSaidAt(set: Pick<CurrentSet, 'startedMs' | 'goSaidMs'>): number {
  return set.goSaidMs ?? set.startedMs;
}

/**
 * Whether the device that counts an exercise, away for it (see motionAwayFor), is connected but has
 * stopped sending its motion (see SessionState.motionStopped), rather than out of reach.
 */
export function motionStoppedFor(
  state: Pick<SessionState, 'motionStopped'>,
  exercise: Pick<Exercise, 'id'>,
): boolean {
  return state.motionStopped?.includes(exercise.id) === true;
}

/** Since when the device that counts an exercise has been out of reach (session clock), if it is. */
export function motionAwaySince(
  state: Pick<SessionState, 'motionAwaySinceMs'>,
  exercise: Exercise,
): number | undefined {
  return state.motionAwaySinceMs?.[exercise.id];
}

/**
 * Whether a set of this exercise waits for the person to be in position: a device there sees it. Not
 * one counted by hand: the device that cannot count it is a watch, which sees stillness, not where
 * the person lies (a chest strap counts every exercise), and there is no count to keep the getting
 * into position off. Nor one whose position the device that sees it is out of reach for (see
 * positionAway), though another counts it. Such a set is under way from its "Go", not from an "In
 * position" nothing saw.
 */
export function waitsForPosition(state: SessionState, exercise: Exercise | undefined): boolean {
  return (
    state.startsByPosition === true &&
    state.positionAway !== true &&
    !(exercise !== undefined && unseenByDevices(state, exercise))
  );
}

/**
 * Which set the session is in ("2/1": the third exercise's first set), due or begun; null between
 * sets. A set skipped before it began is followed by the next in the same phase: this tells them apart.
 */
export function setKey(state: Pick<SessionState, 'phase' | 'exerciseIndex' | 'set'>): string | null {
  return state.phase === 'set' && state.set ? `${state.exerciseIndex}/${state.set.setNumber}` : null;
}

/** A bird dog's arm for the next rep: the right after an even count, as the set starts on the right. */
export function nextArm(set: Pick<CurrentSet, 'count'>): 'right' | 'left' {
  return armOfRep(set.count + 1).arm;
}

/**
 * The arm of a bird dog set's rep `n` (from 1), and which of that arm's reps it is: the set starts on
 * the right and alternates, so rep 5 is the right arm's third, as the screen's "Next: right arm" had it.
 */
export function armOfRep(n: number): { readonly arm: 'right' | 'left'; readonly ofArm: number } {
  return { arm: n % 2 === 1 ? 'right' : 'left', ofArm: Math.ceil(n / 2) };
}

export function currentPlanned(state: SessionState): PlannedExercise | null {
  return state.plan[state.exerciseIndex] ?? null;
}

/** The set number the next set of the current exercise will have. */
function nextSetNumber(state: SessionState, exerciseIndex: number): number {
  const id = state.plan[exerciseIndex]?.exercise.id;
  return state.completed.filter((r) => r.exerciseId === id).length + 1;
}

function newSet(setNumber: number, nowMs: number, waiting: boolean): CurrentSet {
  return {
    setNumber,
    startedMs: nowMs,
    ...(waiting ? { waiting: true, wrongPosture: null, warnedMs: null, heldSinceMs: null } : {}),
    count: 0,
    sides: { left: 0, right: 0 },
    lastProgressMs: nowMs,
    holdStartMs: null,
    peakDeg: null,
    formIssues: [],
  };
}

export function reduceSession(state: SessionState, action: SessionAction): SessionState {
  const next = withHoldConfirmed(state, reduce(state, action));
  // A rest of 0 s is none: the next set comes at once, not a rest screen until the clock next ticks.
  const noRest = state.phase === 'set' && next.phase === 'rest' && currentPlanned(next)?.dosage.restS === 0;
  return noRest ? beginNextSet(next, { noRestBefore: true }) : next;
}

/** Marks when a hold that began between these states became known (see holdConfirmedMs). */
function withHoldConfirmed(before: SessionState, after: SessionState): SessionState {
  const set = after.set;
  if (!set || set.holdStartMs === null || (before.set?.holdStartMs ?? null) !== null) return after;
  return { ...after, set: { ...set, holdConfirmedMs: after.nowMs } };
}

function reduce(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'reset':
      // A new session keeps knowing what the devices connected now can see.
      return withDevicesOf(state, initialSessionState(action.plan ?? state.plan));
    case 'start':
      if (state.phase !== 'ready' || state.plan.length === 0) return state;
      return {
        ...state,
        phase: 'set',
        nowMs: action.nowMs,
        startedMs: action.nowMs,
        exerciseIndex: 0,
        set: newSet(1, action.nowMs, waitsForPosition(state, state.plan[0]?.exercise)),
      };
    case 'tick': {
      const ticked = { ...state, nowMs: Math.max(state.nowMs, action.nowMs) };
      return state.pausedAtMs === null ? onTick(ticked) : ticked;
    }
    case 'motion':
      return state.pausedAtMs === null
        ? onMotion(state, action.event, action.nowMs ?? action.event.emittedMs)
        : state;
    case 'position':
      return onPosition(state, action.event);
    case 'begin':
      // A set begun in position whose "Go" the voice has yet to say (see showsSetUnderWay): the tap is
      // the person's own "Go".
      return state.set?.waiting
        ? beginSet({ ...state, nowMs: Math.max(state.nowMs, action.nowMs) }, action.nowMs, true)
        : reduceSession(state, { type: 'go-heard', nowMs: action.nowMs });
    case 'devices-sensing': {
      const counted = countedNow(state, action.exercises, action.placements);
      return beginIfUnseen({ ...counted, startsByPosition: action.seesPosition }, action.nowMs);
    }
    case 'motion-reach':
      return motionReach(
        state,
        action.away,
        action.positionAway === true,
        action.nowMs,
        action.stopped ?? [],
      );
    case 'device-joined':
      return state.phase === 'set' || state.phase === 'rest'
        ? {
            ...state,
            deviceJoined: { atMs: Math.max(state.nowMs, action.nowMs), placement: action.placement },
          }
        : state;
    case 'device-took-over':
      return state.phase === 'set' || state.phase === 'rest'
        ? {
            ...state,
            set: setTakenOver(state, action),
            deviceTookOver: {
              atMs: Math.max(state.nowMs, action.nowMs),
              from: action.from,
              placement: action.placement,
              how: action.how,
            },
          }
        : state;
    case 'heart-rate-reach':
      return heartRateReach(state, action.away, action.nowMs);
    case 'pause':
      if (state.phase !== 'set' && state.phase !== 'rest') return state;
      if (state.pausedAtMs !== null) {
        // A pause the app made says what became of the device since; the person's own stays theirs.
        const changed = state.pausedFor !== undefined && action.reason && action.reason !== state.pausedFor;
        if (!changed) return state;
        const { pausedForDevice: _before, ...unnamed } = state;
        return {
          ...unnamed,
          pausedFor: action.reason,
          pausedForSinceMs: action.nowMs,
          ...(action.device ? { pausedForDevice: action.device } : {}),
        };
      }
      return {
        ...state,
        nowMs: Math.max(state.nowMs, action.nowMs),
        pausedAtMs: action.nowMs,
        ...(action.reason ? { pausedFor: action.reason, pausedForSinceMs: action.nowMs } : {}),
        ...(action.reason && action.device ? { pausedForDevice: action.device } : {}),
        ...(action.reason === 'lost' ? { pausedSaidAtOnce: true } : {}),
        ...(action.toAsk ? { pausedToAsk: true } : {}),
      };
    case 'resume':
      return resume(state, action.nowMs);
    case 'skip':
      if (state.phase === 'set' && state.set) {
        const tapped = endingAtTap(state, state.set);
        // Skipped while paused: the pause is no time spent in the set.
        const never = neverRan(tapped.set, state.pausedAtMs ?? action.nowMs);
        const endedBy = endedByHand(tapped.set);
        const how: SetEndedHow = never
          ? { neverBegun: true }
          : endedBy === 'stopped'
            ? { skippedUnderWay: true }
            : {};
        const ended = endSet({ ...tapped.state, nowMs: action.nowMs }, action.nowMs, endedBy, how);
        // Skipped before the person got into position or set to work: nothing was done to rest from.
        return never && ended.phase === 'rest' ? beginNextSet(ended) : ended;
      }
      if (state.phase === 'rest') return beginNextSet({ ...state, nowMs: action.nowMs });
      return state;
    case 'recovered':
      if (state.phase !== 'rest' || state.pausedAtMs !== null) return state;
      return beginNextSet({ ...state, nowMs: Math.max(state.nowMs, action.nowMs) }, { afterRecovery: true });
    case 'adjust':
      // The last set has no rest after it: the summary is where it is put right.
      return state.phase === 'rest' || state.phase === 'summary'
        ? correctSetJustDone(state, action.delta)
        : adjustCount(state, action.delta, action.nowMs);
    case 'adjust-last':
      return setJustDoneToCorrect(state) ? correctSetJustDone(state, action.delta) : state;
    case 'go-heard': {
      const set = state.set;
      if (state.phase !== 'set' || !set || set.waiting || set.goHeardMs !== undefined) return state;
      const goHeardMs = Math.max(set.startedMs, action.nowMs);
      // Reps counted before "Go" (a set picked up on a new page, said again) wait for the next from it.
      const heard = {
        ...workBegun(set, goHeardMs),
        goHeardMs,
        lastProgressMs: Math.max(set.lastProgressMs, goHeardMs),
      };
      const exercise = currentPlanned(state)?.exercise;
      return { ...state, set: exercise ? heldFromGo(exercise, heard) : heard };
    }
    case 'start-hold': {
      const set = state.set;
      const planned = currentPlanned(state);
      if (state.phase !== 'set' || !set || set.waiting || state.pausedAtMs !== null) return state;
      if (planned?.exercise.kind !== 'hold' || set.holdStartMs !== null) return state;
      const nowMs = Math.max(state.nowMs, action.nowMs);
      return {
        ...state,
        nowMs,
        set: { ...withoutLeaving(set), holdStartMs: nowMs, heldSinceMs: null, lastProgressMs: nowMs },
      };
    }
    case 'end-hold': {
      const set = state.set;
      if (state.phase !== 'set' || !set || set.holdStartMs === null) return state;
      // Tapped while the person settles after "Go" (see settlingInMs): the detectors saw the stillness
      // end, no end they missed to teach the hold detector, and no hold of FALSE_START_HOLD_MS. The set
      // ends with none, as Skip set ends it then.
      if (set.settlingInMs !== undefined) {
        const tapped = endingAtTap(state, set).state;
        return endSet({ ...tapped, nowMs: action.nowMs }, action.nowMs, 'skipped');
      }
      return endSet({ ...state, nowMs: action.nowMs }, action.nowMs, 'stopped', { endedByHand: true });
    }
    case 'finish': {
      // The set under way ends where the person stopped it, with what it counted (not a hold ended
      // by hand: the detectors missed nothing); one that had counted nothing yet was skipped. A set
      // that never ran (still getting into position, or ended moments after "Go" with nothing done:
      // see neverRan) is no set at all.
      // Finished while paused (Finish's question pauses, too): the pause is no workout time, and a
      // hold under way ends where the pause began, held whole up to there.
      const tapped = state.set ? endingAtTap(state, state.set) : null;
      const running = endPause(pastRest(tapped?.state ?? state), action.nowMs, false);
      const ran =
        tapped !== null &&
        (tapped.set.ranBeforeInterruption === true ||
          !neverRan(tapped.set, state.pausedAtMs ?? action.nowMs));
      const set = running.phase === 'set' && running.set && ran ? running.set : null;
      const endedBy = set ? endedByHand(set) : 'skipped';
      const how: SetEndedHow = endedBy === 'stopped' ? { finishedUnderWay: true } : {};
      const ended = set ? endSet(running, action.nowMs, endedBy, how) : running;
      const cut = set ? ended.completed.at(-1) : undefined;
      return {
        ...ended,
        ...(cut && !reachedTarget(cut) ? { finishedShort: true } : {}),
        phase: 'summary',
        set: null,
        restEndsMs: null,
        nowMs: action.nowMs,
        endedMs: action.nowMs,
      };
    }
  }
}

/**
 * The session, and its set under way, as a tap that ends that set (Skip set, Finish) finds them. A hold
 * timed from "Go" whose stillness ended moments after it, the person not seen still again (see
 * settlingInMs), held nothing the detectors saw for FALSE_START_HOLD_MS, the least any hold lasts: the
 * set ends with no hold, as it would had the window run out before the tap.
 */
function endingAtTap(
  state: SessionState,
  set: CurrentSet,
): { readonly state: SessionState; readonly set: CurrentSet } {
  if (set.settlingInMs === undefined) return { state, set };
  const unheld = noHold(set);
  return { state: { ...state, set: unheld }, set: unheld };
}

/**
 * `session` with what the devices of `sensed` see, count and where they are worn, and which are out
 * of reach, in place of its own: they are the devices connected now, kept over a new session and over
 * one put back after a reload (which saves none of them).
 */
export function withDevicesOf(sensed: SessionState, session: SessionState): SessionState {
  const {
    startsByPosition: _position,
    countedByDevice: _counted,
    motionPlacements: _placements,
    motionAwaySinceMs: _awaySince,
    motionStopped: _stopped,
    positionAway: _positionAway,
    heartRateAwaySinceMs: _heartRateAway,
    deviceJoined: _joined,
    deviceTookOver: _tookOver,
    ...rest
  } = session;
  return {
    ...rest,
    ...(sensed.startsByPosition ? { startsByPosition: true } : {}),
    ...(sensed.countedByDevice ? { countedByDevice: sensed.countedByDevice } : {}),
    ...(sensed.motionPlacements ? { motionPlacements: sensed.motionPlacements } : {}),
    ...(sensed.motionAwaySinceMs !== undefined ? { motionAwaySinceMs: sensed.motionAwaySinceMs } : {}),
    ...(sensed.motionStopped !== undefined ? { motionStopped: sensed.motionStopped } : {}),
    ...(sensed.positionAway ? { positionAway: true } : {}),
    ...(sensed.heartRateAwaySinceMs !== undefined
      ? { heartRateAwaySinceMs: sensed.heartRateAwaySinceMs }
      : {}),
  };
}

/** The state with what the devices connected now count, and where each is worn (see countedByDevice). */
function countedNow(
  state: SessionState,
  exercises: readonly ExerciseId[],
  placements: Partial<Record<ExerciseId, Placement>> | undefined,
): SessionState {
  const { motionPlacements: _before, ...rest } = state;
  return { ...rest, countedByDevice: exercises, ...(placements ? { motionPlacements: placements } : {}) };
}

/**
 * A set waiting for a position that no device connected now sees (none sees posture, or the one that
 * would counts it by hand) begins now, at `nowMs`; a paused one at Resume (see resume), as the devices
 * changing in a pause (a watch taking over other exercises from a strap given up for lost) do not
 * begin a set the person has not gone on with.
 */
function beginIfUnseen(sensed: SessionState, nowMs: number): SessionState {
  const waiting = sensed.phase === 'set' && sensed.set?.waiting === true && sensed.pausedAtMs === null;
  const unseen = waiting && !waitsForPosition(sensed, currentPlanned(sensed)?.exercise);
  return unseen ? beginSet(sensed, Math.max(sensed.nowMs, nowMs)) : sensed;
}

/**
 * Whether the set has not begun: the person is getting into position, or left it before anything was
 * counted and is waiting again unless back within SETTLE_BACK_MS. Skip set and Finish take such a set
 * as they will once it waits, so that a set the person never did reads the same whichever second it
 * was skipped in.
 */
function notBegun(set: CurrentSet): boolean {
  return set.waiting === true || set.leftMs != null;
}

/**
 * Skipped this soon after its "Go" with nothing counted or held, a set never ran: no rep, breath or
 * hold of the program is done sooner at the pace it asks (a superman's lift, hold and lowering took
 * 4 to 5 s a rep, a bat hang's breath longer), so it has no reps the detectors missed to give it, and
 * the heart rate of its seconds is the rest's. A person who tapped Start now and then Skip set took 2
 * to 3 s.
 */
const NOTHING_DONE_YET_MS = 5_000;

/**
 * Whether Skip set or Finish at `nowMs` ends a set that never ran, which Skip set keeps as never begun
 * and Finish not at all: one not begun (see notBegun), or one in which nothing was counted or held
 * before its "Go" was heard by `nowMs` (a person seen in position waits for it, the screen showing
 * where to be: see showsSetUnderWay), or, where nothing saw where the person was, within
 * NOTHING_DONE_YET_MS of it. A person seen in position as "Go" was heard, or who said they were with
 * Start the set, was in the set. A set skipped 2 s after "Go" with nothing seeing the person was
 * offered "counted wrong? −1 +1" on the summary, and the 2 s of resting heart rate as its own.
 * Skipped while paused, `nowMs` is when the pause began: a "Go" the voice was free to say only once
 * the pause's line had cut the set's short was not heard before it.
 */
function neverRan(set: CurrentSet, nowMs: number): boolean {
  if (notBegun(set)) return true;
  if (set.begunByHand === true || set.count > 0 || set.holdStartMs !== null) return false;
  if (set.goHeardMs === undefined || set.goHeardMs > nowMs) return true;
  return set.startSeen === undefined && nowMs - set.goHeardMs < NOTHING_DONE_YET_MS;
}

/** What timerMs reads of a session state, or of one saved. */
export interface SessionTimes {
  readonly startedMs: number | null;
  readonly endedMs: number | null;
  readonly nowMs: number;
  readonly pausedAtMs?: number | null;
  readonly pauses?: readonly Pause[];
}

/**
 * How long the session's timer ran: from its start to its end (or now), less the time it stood
 * paused (Finish's question included). The summary, History and the exports all give this length.
 */
export function timerMs(times: SessionTimes): number {
  const endMs = times.endedMs ?? times.nowMs;
  const pausedMs =
    (times.pauses ?? []).reduce((sum, pause) => sum + pause.ms, 0) +
    (times.pausedAtMs != null ? Math.max(0, endMs - times.pausedAtMs) : 0);
  return Math.max(0, endMs - (times.startedMs ?? endMs) - pausedMs);
}

/**
 * Whether the session ran through its plan: every set of it ended by itself (at its target, reps that
 * stopped coming, a hold the detectors or End hold ended) or by Skip set, none left undone or cut
 * short by Finish. What the voice calls a complete session; any other ended early.
 */
export function planRanThrough(state: Pick<SessionState, 'plan' | 'completed' | 'finishedShort'>): boolean {
  const planned = state.plan.reduce((n, p) => n + p.dosage.sets, 0);
  return state.completed.length >= planned && !state.finishedShort;
}

/** The exercises of the plan of which no set was reached, kept or skipped: a session ended early's. */
export function notReached(
  plan: readonly PlannedExercise[],
  completed: readonly Pick<SetRecord, 'exerciseId'>[],
): Exercise[] {
  const reached = new Set(completed.map((record) => record.exerciseId));
  return plan.filter((p) => !reached.has(p.exercise.id)).map((p) => p.exercise);
}

/**
 * The set did what it was set to: its reps or breaths counted, or its time held (a plank held past
 * its target has no end of its own there, and Finish or End hold ends it done).
 */
function reachedTarget(record: SetRecord): boolean {
  return (record.holdMs === null ? record.count : heldS(record.holdMs)) >= record.target;
}

/**
 * The sets the session keeps if it is finished now, as Finish would keep them (the set under way
 * ended at the tap, or left out if it never began): what the question before Finish counts, and
 * the voice after it.
 */
export function recordsKeptOnFinish(state: SessionState): readonly SetRecord[] {
  if (state.phase === 'summary') return state.completed;
  return reduceSession(state, { type: 'finish', nowMs: state.nowMs }).completed;
}

/** A set skipped before anything in it was counted. */
export function skippedUndone(record: SetRecord): boolean {
  return record.endedBy === 'skipped' && record.count === 0 && !record.holdMs;
}

/**
 * Whether a session with these sets is kept: one of them was done, not only skipped before it
 * counted anything. What the question before Finish, the voice, the summary and the store go by.
 */
export function anySetDone(records: readonly SetRecord[]): boolean {
  return records.some((record) => !skippedUndone(record));
}

/** How a set kept in a session counts (see setOutcome). */
type SetOutcome = 'done' | 'cut short' | 'skipped';

/**
 * How a set counts wherever sets are counted (Finish's question, the voice, the summary, History, a
 * notice of the session in another tab): skipped when nothing in it was counted or held; cut short
 * when the person's tap ended it short of its target (Skip set, Finish, End hold), something counted
 * or held; else done, at its target or ended by itself (reps that stopped coming, a hold the
 * detectors saw end). End hold before the target is the person stopping short, as Skip set is (when
 * it counted done, "Done: twenty seconds" of a 45 s hold was heard as held to its end). Put right up
 * to its target, a set cut short is done; down to nothing, skipped.
 */
export function setOutcome(record: SetRecord): SetOutcome {
  if (skippedUndone(record)) return 'skipped';
  return endedAtTap(record) && !reachedTarget(record) ? 'cut short' : 'done';
}

/**
 * The person's tap ended the set, something counted or held: Skip set, Finish or End hold, where
 * reps that stopped coming, a target reached or a hold the detectors saw end ended it by itself. The
 * voice's closing line of such a set answers the tap.
 */
export function endedAtTap(
  record: Pick<SetRecord, 'skippedUnderWay' | 'finishedUnderWay' | 'endedByHand'>,
): boolean {
  return record.skippedUnderWay === true || record.finishedUnderWay === true || record.endedByHand === true;
}

/**
 * Whether these states differ by more than the clock and the counts the detectors add as they go: a
 * count put right by hand, a pause begun or ended, a set begun or ended, a hold started, a set or a
 * rest skipped, mostly the person's taps. What a reload a moment later must not lose: written at once
 * with all that came in since the last write (the reps counted as they come: see countedSince).
 */
export function savedAtOnce(before: SessionState, after: SessionState): boolean {
  return (
    before.phase !== after.phase ||
    before.exerciseIndex !== after.exerciseIndex ||
    before.completed !== after.completed ||
    before.pausedAtMs !== after.pausedAtMs ||
    before.set?.setNumber !== after.set?.setNumber ||
    before.set?.waiting !== after.set?.waiting ||
    before.set?.corrections !== after.set?.corrections ||
    before.set?.holdStartMs !== after.set?.holdStartMs
  );
}

/**
 * Whether the set under way counted a rep or a breath since `before` (or one was put right): the
 * session's state is written then too, as a reload in the second before the next write lost the reps
 * in it. Written alone, it costs a small write a rep; the motion it came from waits for that write.
 */
export function countedSince(before: SessionState, after: SessionState): boolean {
  return before.set !== null && after.set !== null && before.set.count !== after.set.count;
}

/**
 * Whether a session picked up after the app went away comes back paused: when the person paused it,
 * or the app did for a device (which may not be back). A pause made only to ask Finish's question
 * does not: the question went with the page. The offer to resume says which it will be.
 */
export function staysPausedAfterInterruption(state: {
  readonly pausedAtMs?: number | null;
  readonly pausedToAsk?: true;
}): boolean {
  return state.pausedAtMs != null && state.pausedToAsk !== true;
}

/**
 * A session picked up after the app went away (a reload, or a move from another tab). A hold under
 * way cannot go on from where it was: the new page's detectors did not see it begin, and the person
 * may have let go meanwhile. It starts over, timed from the next hold they settle into, once they
 * are in position again where a device sees it. Reps counted so far stay counted. Paused only to ask
 * Finish's question, it goes on (see staysPausedAfterInterruption); the time the question was shown
 * is kept as a pause.
 *
 * The new page says a set under way again, to its "Go" ("… three done. Lie on your back, … Go"): the
 * person has stopped only if no rep comes for its wait (stoppedAfterMs) from when they heard it, not
 * from their last rep before the app went. Between the two lay the move (the other tab ran on while
 * the person opened this one) and the set's lines, which take up to 15 s: time without reps that was
 * not the person stopping. A rest under way goes on with what is left of it, said again from the
 * moment it is picked up (restPickedUpMs).
 */
export function afterInterruption(interrupted: SessionState): SessionState {
  const goesOn =
    interrupted.pausedAtMs !== null && !staysPausedAfterInterruption(interrupted)
      ? endPause(interrupted, interrupted.nowMs)
      : interrupted;
  // A rest that stays paused is said again by its resume instead, from when that comes.
  const state =
    goesOn.phase === 'rest' && goesOn.pausedAtMs === null
      ? { ...goesOn, restPickedUpMs: goesOn.nowMs }
      : goesOn;
  const ran =
    interrupted.set !== null && !neverRan(interrupted.set, interrupted.pausedAtMs ?? interrupted.nowMs);
  const said =
    state.phase === 'set' && state.set && !state.set.waiting ? saidAgain(state.set, state.nowMs, ran) : null;
  const set = said ?? state.set;
  if (state.phase !== 'set' || !set || (set.holdStartMs === null && set.heldSinceMs == null)) {
    return said ? { ...state, set: said } : state;
  }
  const restarted = noHold(set);
  const waits = waitsForPosition(state, currentPlanned(state)?.exercise);
  return { ...state, set: waits ? waitingAgain(restarted) : restarted };
}

/**
 * A set under way as a new page picks it up at `nowMs`: its "Go" is to be heard again (see
 * `go-heard`), and until then the wait for the next rep counts from the moment it goes on. Whether it
 * had run on the old page (`ran`) is kept for Finish (see ranBeforeInterruption).
 */
function saidAgain(set: CurrentSet, nowMs: number, ran: boolean): CurrentSet {
  const { goHeardMs: _heardOnTheOldPage, ...unheard } = set;
  return {
    ...unheard,
    goSaidMs: nowMs,
    lastProgressMs: Math.max(set.lastProgressMs, nowMs),
    ...(ran ? { ranBeforeInterruption: true as const } : {}),
  };
}

/**
 * A pause the app made for a device, picked up on a new page: the device is as that page finds it,
 * reconnected as it loaded or not, whatever it was when the old page went. Still away (`reasonNow`),
 * the pause says what became of it and lifts when the device is back, as on the page it began on;
 * back already, the session waits for the person, as after their own pause, who taps Resume. The
 * pause up to then is kept as the device's: the set stood still for want of it, which the summary
 * says; only the wait for Resume is the person's.
 */
export function pausedAsDevicesAre(
  state: SessionState,
  reasonNow: PauseReason | null,
  nowMs: number,
): SessionState {
  if (state.pausedAtMs === null || state.pausedFor === undefined) return state;
  if (reasonNow === null) {
    // Found again by a new page, not within the old one's reconnecting: as a device given up on.
    const atMs = Math.max(state.pausedAtMs, nowMs);
    // Lost only now: the old page said the drop as it says any, not at once.
    const { pausedForSinceMs: _since, ...droppedAt } = state;
    const lost = state.pausedFor === 'lost' ? state : { ...droppedAt, pausedFor: 'lost' as const };
    return { ...endPause(lost, atMs), pausedAtMs: atMs };
  }
  const { pausedFor: _before, pausedForSinceMs: _since, ...paused } = state;
  return { ...paused, pausedFor: reasonNow, pausedForSinceMs: nowMs };
}

/**
 * How a set the person ends by hand (Skip set, Finish) is recorded: stopped short with what it
 * counted, or skipped when it had counted nothing yet.
 */
function endedByHand(set: CurrentSet): SetEnd {
  return set.count > 0 || set.holdStartMs !== null ? 'stopped' : 'skipped';
}

/**
 * Picks up where the pause began; a set waiting for the person begins if they got into position, or
 * if the device that would see it is out of reach (Resume is the person going on without it): the one
 * that counts it, or the one that sees where the person is.
 */
function resume(state: SessionState, nowMs: number): SessionState {
  if (state.pausedAtMs === null) return state;
  const resumed = endPause(state, nowMs);
  const planned = currentPlanned(resumed);
  const set = resumed.set;
  // Counted to its target with +1 while paused (see adjustCount): done, as the session goes on.
  if (resumed.phase === 'set' && set && planned && !set.waiting && countReached(set.count, planned)) {
    return endSet(resumed, resumed.nowMs, 'target');
  }
  const unseen = !waitsForPosition(resumed, planned?.exercise);
  return set?.waiting && (set.inPosition || unseen) ? beginSet(resumed, nowMs) : resumed;
}

/**
 * The devices out of reach change. A set whose device is back had no rep seen while it was away: the
 * person has stopped only if none comes for its wait (stoppedAfterMs) from its return (from the
 * resume, if it came back during a pause).
 */
function motionReach(
  state: SessionState,
  away: readonly ExerciseId[],
  positionAway: boolean,
  nowMs: number,
  stopped: readonly ExerciseId[] = [],
): SessionState {
  const {
    motionAwaySinceMs: sinceMs,
    positionAway: _positionBefore,
    motionStopped: _stopped,
    ...rest
  } = state;
  const atMs = Math.max(state.nowMs, nowMs);
  const awaySinceMs = Object.fromEntries(away.map((id) => [id, sinceMs?.[id] ?? atMs]));
  const stillStopped = stopped.filter((id) => away.includes(id));
  // The session's clock is put at the news, between two ticks: a "Go" said next, which tells to count
  // with +1 from it, is said after the going, not timed before it by the last tick, and the news
  // of the going told it again 2 s later.
  const heard = {
    ...rest,
    nowMs: atMs,
    ...(positionAway ? { positionAway: true as const } : {}),
    ...(stillStopped.length > 0 ? { motionStopped: stillStopped } : {}),
  };
  const reached: SessionState = away.length > 0 ? { ...heard, motionAwaySinceMs: awaySinceMs } : heard;
  const exercise = currentPlanned(state)?.exercise;
  const set = state.set;
  if (state.phase !== 'set' || !set || set.waiting || !exercise) return reached;
  if (motionAwayFor(reached, exercise) && !set.deviceAway)
    return { ...reached, set: { ...set, deviceAway: true } };
  const back = motionAwayFor(state, exercise) && !motionAwayFor(reached, exercise);
  if (!back) return reached;
  const backMs = state.pausedAtMs ?? Math.max(state.nowMs, nowMs);
  // The detectors start again with the device: the top of a rep it went away in is never left.
  return {
    ...reached,
    set: { ...set, lastProgressMs: Math.max(set.lastProgressMs, backMs), atTopSinceMs: null },
  };
}

/** The heart rate alone goes out of reach, from now if it was there, or is back. */
function heartRateReach(state: SessionState, away: boolean, nowMs: number): SessionState {
  const { heartRateAwaySinceMs: sinceMs, ...rest } = state;
  return away ? { ...rest, heartRateAwaySinceMs: sinceMs ?? Math.max(state.nowMs, nowMs) } : rest;
}

/**
 * Whether the session is paused for a device's connection, and has been since the pause began: the
 * device dropped out and the app is reaching for it again, neither given up for lost nor tried again
 * at the person's word since.
 */
export function droppedSincePaused(
  state: Pick<SessionState, 'pausedAtMs' | 'pausedFor' | 'pausedForSinceMs'>,
): boolean {
  return (
    state.pausedAtMs !== null &&
    state.pausedFor === 'connection' &&
    state.pausedForSinceMs === state.pausedAtMs
  );
}

/**
 * A device's drop back sooner than this was never said: the voice waits as long before "Paused:
 * connection lost" (the cues' CONNECTION_LOST_SAID_AFTER_MS is this), so a strap back within a second
 * was a moment the person on the mat knew nothing of: it breaks no hold, and the record says nothing
 * of it.
 */
export const UNSAID_DROP_MS = 2000;

/** A device's drop back before the voice said it (see UNSAID_DROP_MS); kept before seenMs was, by its length. */
export function unsaidDrop(pause: Pause): boolean {
  return pause.deviceDropped === true && (pause.seenMs ?? pause.ms) < UNSAID_DROP_MS;
}

/**
 * Whether a pause breaks the hold it fell in: one the person made, or one they were told of, stops
 * them holding (a hold paused for 6 min at 13 s and run on to 45 s was not 45 s held); a strap's
 * drop they never heard of does not, nor Finish's question answered with "keep going" (see endPause).
 */
function breaksHold(pause: Pause): boolean {
  return pause.ms > 0 && !unsaidDrop(pause);
}

/**
 * Ends the pause at `nowMs`: its time is kept apart as time the session's timer stood still, and
 * every running timer moves on by its length. A hold under way goes on in parts (see breaksHold),
 * unless `holdGoesOn` is false: it ends where the pause began.
 */
function endPause(state: SessionState, nowMs: number, holdGoesOn = true): SessionState {
  if (state.pausedAtMs === null) return state;
  const pausedMs = Math.max(0, nowMs - state.pausedAtMs);
  const {
    pausedFor: _reason,
    pausedForSinceMs: _since,
    pausedForDevice: _device,
    pausedToAsk: _asked,
    pausedSaidAtOnce: _saidAtOnce,
    ...unpaused
  } = state;
  const pause: Pause = {
    atMs: state.pausedAtMs,
    ms: pausedMs,
    ...(droppedSincePaused(state)
      ? { deviceDropped: true, seenMs: Math.min(pausedMs, Math.max(0, state.nowMs - state.pausedAtMs)) }
      : state.pausedFor === 'connection' || state.pausedFor === 'lost'
        ? {
            deviceLost: true,
            ...(state.pausedSaidAtOnce ||
            (state.pausedFor === 'lost' && state.pausedForSinceMs === state.pausedAtMs)
              ? { saidAtOnce: true }
              : {}),
          }
        : {}),
  };
  const set = state.set;
  // Finish's question answered with "keep going" is no stop the person asked for: they held on.
  const holdBroken =
    holdGoesOn && !state.pausedToAsk && set?.holdStartMs != null && !set.waiting && breaksHold(pause);
  const resumed: SessionState = {
    ...unpaused,
    nowMs: Math.max(state.nowMs, nowMs),
    pausedAtMs: null,
    ...(pausedMs > 0 ? { pauses: [...(state.pauses ?? []), pause] } : {}),
    restEndsMs: state.restEndsMs === null ? null : state.restEndsMs + pausedMs,
    set: set && {
      ...set,
      lastProgressMs: set.lastProgressMs + pausedMs,
      holdStartMs: set.holdStartMs === null ? null : set.holdStartMs + pausedMs,
      ...(set.settlingInMs !== undefined ? { settlingInMs: set.settlingInMs + pausedMs } : {}),
      ...(set.heldSinceMs != null && !set.waiting ? { heldSinceMs: set.heldSinceMs + pausedMs } : {}),
      ...(set.leftMs != null ? { leftMs: set.leftMs + pausedMs } : {}),
      // The pause at the top is timed as the hold is: what was held before the pause counts.
      ...(set.atTopSinceMs != null ? { atTopSinceMs: set.atTopSinceMs + pausedMs } : {}),
      ...(set.leftTopMs !== undefined ? { leftTopMs: set.leftTopMs + pausedMs } : {}),
      ...(holdBroken ? { pausedInHold: true } : {}),
      // "Go" heard while paused (the pause's line cut the set's short) is heard as the set goes on.
      ...(set.goHeardMs !== undefined ? { goHeardMs: Math.min(set.goHeardMs + pausedMs, nowMs) } : {}),
      ...(set.formWarning
        ? { formWarning: { ...set.formWarning, atMs: set.formWarning.atMs + pausedMs } }
        : {}),
    },
  };
  return resumed;
}

function onTick(state: SessionState): SessionState {
  const planned = currentPlanned(state);
  if (state.phase === 'rest' && state.restEndsMs !== null && state.nowMs >= state.restEndsMs) {
    return beginNextSet(state);
  }
  if (state.phase !== 'set' || !state.set || !planned) return state;
  const set = state.set;
  if (set.waiting) return warnIfDue(state, set);
  if (set.leftMs != null) {
    // With no device left that sees posture, nothing would see the person back: the set goes on.
    if (!state.startsByPosition) return { ...state, set: withoutLeaving(set) };
    return state.nowMs - set.leftMs >= SETTLE_BACK_MS ? { ...state, set: waitingAgain(set) } : state;
  }
  const { exercise, dosage } = planned;
  if (exercise.kind === 'hold') {
    const upAlready = exercise.liftsIntoHold ? liftedBeforeGo(set, state.nowMs) : null;
    if (upAlready) return { ...state, set: upAlready };
    if (set.settlingInMs !== undefined) {
      // Whether the person is still in the hold is not known until they are seen still again.
      return settledOrNot(state);
    }
    if (
      exercise.holdEndsAtTarget &&
      set.holdStartMs !== null &&
      state.nowMs - set.holdStartMs >= dosage.target * 1000
    ) {
      return endSet(state, set.holdStartMs + dosage.target * 1000, 'target');
    }
    return state;
  }
  // Counted by hand alone (+1 with a heart-rate-only strap), a gap between taps is the phone out of
  // reach on the mat, not the person stopping: such a set ends at its target, or by Skip set. So
  // does one whose device is out of reach: no rep could be seen, so none stopped coming.
  const detected = set.count - (set.corrections ?? 0);
  if (motionAwayFor(state, exercise)) return state;
  // Hips held up at the top of a rep (a glute bridge held 20 s) is a rep under way, not a person who
  // stopped: the detectors count it once the hips are down, and the wait for the next runs from there.
  if (set.atTopSinceMs != null) return state;
  const movedMs = Math.max(set.lastProgressMs, set.leftTopMs ?? Number.NEGATIVE_INFINITY);
  if (detected > 0 && state.nowMs - movedMs >= stoppedAfterMs(exercise))
    return endSet(state, movedMs, 'stopped');
  return state;
}

/**
 * A detector's event, which reached the session at `receivedMs`: the clock moves on to then, so that
 * a rest it begins lasts its full length from the moment the person hears that it has begun.
 */
function onMotion(state: SessionState, event: MotionEvent, receivedMs: number): SessionState {
  const planned = currentPlanned(state);
  const set = state.set;
  if (state.phase !== 'set' || !set || !planned) return state;
  // Before the person is in position (or while out of it, settling) nothing counts; a hold they are
  // already in is remembered.
  if (set.waiting || set.leftMs != null) {
    if (event.type === 'hold-start') return { ...state, set: { ...set, heldSinceMs: event.tMs } };
    if (event.type === 'hold-end') return { ...state, set: { ...set, heldSinceMs: null } };
    return state;
  }
  // A hold dated back to when the person settled, a moment before the set began, runs from its start.
  if (event.type === 'hold-start' && event.tMs < set.startedMs && event.emittedMs >= set.startedMs)
    return onMotion(state, { ...event, tMs: set.startedMs }, receivedMs);
  // Movement before the set began, during rest or after the end belongs to no set.
  if (event.tMs < set.startedMs) return state;
  const now = settledOrNot({ ...state, nowMs: Math.max(state.nowMs, receivedMs) });
  const counted = now.set ? countMotion(now, planned, now.set, event) : null;
  return counted ?? (now.set === set ? state : now);
}

/** What an event of the set changes in it, or null for nothing. */
function countMotion(
  state: SessionState,
  { exercise, dosage }: PlannedExercise,
  set: CurrentSet,
  event: MotionEvent,
): SessionState | null {
  switch (event.type) {
    case 'rep': {
      if (exercise.kind !== 'reps') return null;
      const sides = event.side ? { ...set.sides, [event.side]: set.sides[event.side] + 1 } : set.sides;
      const gapMs = event.tMs - set.lastProgressMs;
      const counted: CurrentSet = {
        ...workBegun(set, event.tMs),
        count: set.count + 1,
        sides,
        lastProgressMs: event.tMs,
        // A rep dated before the progress it follows (counted late, after "Go" or a tap) shows no pace.
        ...(gapMs > 0 ? { repGapsMs: [...(set.repGapsMs ?? []), gapMs] } : {}),
        peakDeg: Math.max(set.peakDeg ?? 0, event.peakDeg),
        ...(set.atTopSinceMs != null ? { atTopSinceMs: null } : {}),
      };
      const next = { ...state, set: counted };
      return counted.count >= dosage.target ? endSet(next, event.tMs, 'target') : next;
    }
    case 'top':
      if (exercise.topPauseS === undefined) return null;
      return { ...state, set: { ...set, atTopSinceMs: event.tMs } };
    case 'top-left':
      if (set.atTopSinceMs == null) return null;
      return { ...state, set: { ...set, atTopSinceMs: null, leftTopMs: event.tMs } };
    case 'breath': {
      if (exercise.kind !== 'breaths') return null;
      const counted: CurrentSet = {
        ...workBegun(set, event.tMs),
        count: set.count + 1,
        lastProgressMs: event.tMs,
      };
      const next = { ...state, set: counted };
      return counted.count >= dosage.target ? endSet(next, event.tMs, 'target') : next;
    }
    case 'hold-start':
      // Still again after drawing in: the hold goes on as timed, from "Go", and said once.
      if (set.settlingInMs !== undefined) {
        const { settlingInMs: _settled, ...still } = set;
        return { ...state, set: { ...still, settledMs: event.tMs } };
      }
      if (exercise.kind !== 'hold' || set.holdStartMs !== null) return null;
      if (!exercise.liftsIntoHold)
        return { ...state, set: heldFromGo(exercise, { ...set, heldSinceMs: event.tMs }) };
      if (!heardGoBefore(set, event.tMs)) return { ...state, set: { ...set, heldSinceMs: event.tMs } };
      return {
        ...state,
        set: { ...set, holdStartMs: event.tMs, heldSinceMs: null, lastProgressMs: event.tMs },
      };
    case 'hold-end':
      if (exercise.kind !== 'hold') return null;
      // Stillness from before "Go" that the lift ends was the wait, and is forgotten unsaid.
      if (set.holdStartMs === null) {
        if (set.heldSinceMs == null) return null;
        const upAlready = liftedBeforeGo(set, event.tMs);
        if (!upAlready) return { ...state, set: { ...set, heldSinceMs: null } };
        return endHold(state, exercise, upAlready, event.tMs, event.reason === 'form' ? 'form' : 'stopped');
      }
      return endHold(state, exercise, set, event.tMs, event.reason === 'form' ? 'form' : 'stopped');
    case 'form': {
      // Said once per set (see the cues), but shown again each time the detectors see it.
      const formIssues = set.formIssues.includes(event.issue)
        ? set.formIssues
        : [...set.formIssues, event.issue];
      // The problem that ended the hold ends it here, so that it is told as the end's reason rather
      // than as a warning to correct a hold that is already over; the hold-end after it finds no hold.
      if (event.endsHold && exercise.kind === 'hold' && set.holdStartMs !== null)
        return endHold(state, exercise, { ...set, formIssues }, event.tMs, 'form');
      const formWarning = { issue: event.issue, atMs: state.nowMs };
      return { ...state, set: { ...set, formIssues, formWarning } };
    }
  }
}

/** The set with its work begun at `atMs`, unless it had begun already. */
function workBegun(set: CurrentSet, atMs: number): CurrentSet {
  return set.workBeganMs === undefined ? { ...set, workBeganMs: atMs } : set;
}

/**
 * The hold of `set` ended at `endMs`: the set is over, unless it was too short to be the hold, or,
 * for a hold lifted into (a plank), it was the person still on the floor, waiting for "Go".
 */
function endHold(
  state: SessionState,
  exercise: Exercise,
  set: CurrentSet,
  endMs: number,
  endedBy: SetEnd,
): SessionState {
  const heldMs = set.holdStartMs === null ? 0 : endMs - set.holdStartMs;
  if (heldMs < FALSE_START_HOLD_MS && timedFromGo(exercise, set))
    return { ...state, set: { ...set, settlingInMs: endMs } };
  if (heldMs < FALSE_START_HOLD_MS || waitedForGo(exercise, set, endMs))
    return { ...state, set: noHold(set) };
  return endSet({ ...state, set }, endMs, endedBy);
}

/** The set with its hold forgotten: a false start, or stillness that was not the hold. */
function noHold(set: CurrentSet): CurrentSet {
  const { pausedInHold: _notTheHold, settlingInMs: _settling, settledMs: _settled, ...rest } = set;
  return { ...rest, holdStartMs: null, heldSinceMs: null };
}

/**
 * Whether the hold under way is one held still into that the person was still in as "Go" was heard,
 * timed from it (see heldFromGo): what moves them in its first seconds is the person getting into
 * the hold they were told to begin (drawing the navel in), not its end.
 */
function timedFromGo(exercise: Exercise, set: CurrentSet): boolean {
  return (
    exercise.kind === 'hold' &&
    !exercise.liftsIntoHold &&
    set.goHeardMs !== undefined &&
    set.holdStartMs === set.goHeardMs
  );
}

/**
 * The set at the session's clock: a hold whose person moved on "Go" (see settlingInMs) and was not
 * seen still again within STILL_AGAIN_WITHIN_MS was a false start, and is forgotten.
 */
function settledOrNot(state: SessionState): SessionState {
  const set = state.set;
  if (set?.settlingInMs === undefined || state.nowMs - set.settlingInMs < STILL_AGAIN_WITHIN_MS) return state;
  return { ...state, set: noHold(set) };
}

/**
 * A hold held still into (drawing-in) is timed from "Go" at the earliest: stillness seen before it is
 * the person in position waiting to be told, not yet holding. Stillness that goes on through "Go" is
 * the hold from "Go"; until "Go" is heard it waits, and a hold-end before then holds nothing.
 */
function heldFromGo(exercise: Exercise, set: CurrentSet): CurrentSet {
  if (exercise.kind !== 'hold' || exercise.liftsIntoHold || set.holdStartMs !== null) return set;
  const stillSinceMs = set.heldSinceMs ?? null;
  if (stillSinceMs === null || set.goHeardMs === undefined || set.waiting || set.leftMs != null) return set;
  const startMs = Math.max(stillSinceMs, set.goHeardMs);
  return { ...set, holdStartMs: startMs, heldSinceMs: null, lastProgressMs: startMs };
}

/** Whether the person had heard the set's "Go" by `tMs`. */
function heardGoBefore(set: CurrentSet, tMs: number): boolean {
  return set.goHeardMs !== undefined && set.goHeardMs < tMs;
}

/**
 * Whether a hold that ends at `endMs` was the person lying still before lifting into the exercise's
 * hold on "Go": it began before "Go" was heard and ends as the person reacts to it. Such stillness
 * waits to become the hold until LIFT_AFTER_GO_MS has passed (see onTick); this catches the lift
 * the detectors date back across that moment.
 */
function waitedForGo(exercise: Exercise, set: CurrentSet, endMs: number): boolean {
  if (!exercise.liftsIntoHold || set.holdStartMs === null) return false;
  const goMs = set.goHeardMs ?? set.startedMs;
  return set.holdStartMs <= goMs && endMs - goMs < LIFT_AFTER_GO_MS;
}

/**
 * Stillness from before "Go" that no lift ended within LIFT_AFTER_GO_MS of it: the person was up in
 * the hold already, and it is the hold, from the stillness (or the set's start) on.
 */
function liftedBeforeGo(set: CurrentSet, nowMs: number): CurrentSet | null {
  const stillSinceMs = set.heldSinceMs ?? null;
  if (set.holdStartMs !== null || stillSinceMs === null || set.goHeardMs === undefined) return null;
  if (nowMs - set.goHeardMs < LIFT_AFTER_GO_MS) return null;
  return { ...set, holdStartMs: stillSinceMs, heldSinceMs: null, lastProgressMs: stillSinceMs };
}

/**
 * The person's position, while the set is due: in it and still begins the set; still in another
 * is said (at most every WRONG_POSITION_REPEAT_MS); gone from it ends a set that has counted
 * something, or sends one that has not back to waiting unless the person is back within
 * SETTLE_BACK_MS.
 */
function onPosition(state: SessionState, event: PositionEvent): SessionState {
  const planned = currentPlanned(state);
  const set = state.set;
  if (state.phase !== 'set' || !set || !planned) return state;
  const nowMs = Math.max(state.nowMs, event.emittedMs);
  if (set.waiting) {
    const { startSeen: _seenBefore, ...unseen } = set;
    const seen: CurrentSet = {
      ...unseen,
      inPosition: event.status === 'in',
      wrongPosture: event.status === 'wrong' ? event.posture : null,
      // In position with no posture told: a device that sees only stillness (a watch).
      ...(event.status === 'in' ? { startSeen: event.posture === null ? 'stillness' : 'position' } : {}),
    };
    if (state.pausedAtMs !== null) return { ...state, set: seen };
    if (event.status === 'in')
      return beginSet({ ...state, nowMs, set: seen }, Math.max(set.startedMs, event.tMs));
    return warnIfDue({ ...state, nowMs, set: seen }, seen);
  }
  if (set.leftMs != null) {
    // Seen back or in another position even while paused: the judge says so once. Back, the set goes
    // on as begun; elsewhere, it waits again, the position kept to be said on resume, as a waiting
    // set's is.
    if (event.status === 'in') return { ...state, set: backInPosition(planned.exercise, set, nowMs) };
    if (event.status === 'wrong') return onPosition({ ...state, set: waitingAgain(set) }, event);
    return state;
  }
  if (event.status !== 'away' || state.pausedAtMs !== null) return state;
  const isHold = planned.exercise.kind === 'hold';
  // Moved on "Go" and then out of position: no drawing in, but a false start, forgotten as one.
  if (set.settlingInMs !== undefined) return onPosition({ ...state, set: noHold(set) }, event);
  // A hold ends by itself when the pose is left (the hold detector dates it better).
  if (isHold && set.holdStartMs !== null) return state;
  if (!isHold && set.count > 0) {
    return endSet({ ...state, nowMs }, Math.max(set.lastProgressMs, event.tMs), 'stopped', { gotUp: true });
  }
  if (set.begunByHand) return state;
  // Waits again once the person has stayed out of position for SETTLE_BACK_MS (see onTick).
  return { ...state, nowMs, set: { ...set, leftMs: nowMs } };
}

/**
 * The set waits for the person again: out of position for SETTLE_BACK_MS before anything was counted,
 * or a hold picked up after a reload. When they left is the old wait's, and is forgotten.
 */
function waitingAgain(set: CurrentSet): CurrentSet {
  const { startSeen: _seenBefore, ...waiting } = withoutLeaving(set);
  return { ...waiting, waiting: true, inPosition: false, wrongPosture: null, heldSinceMs: null };
}

/**
 * Back in position within SETTLE_BACK_MS, seen at `backMs`: the set goes on from its start. Stillness
 * seen since is the hold, from "Go" at the earliest, as at the set's start. A plank is lifted into
 * once the person is settled: a "Go" heard before they left is taken as heard now, so that lying on
 * the elbows back in position waits for the lift as it does after "Go" (see liftedBeforeGo).
 */
function backInPosition(exercise: Exercise, set: CurrentSet, backMs: number): CurrentSet {
  const rest = withoutLeaving(set);
  if (exercise.liftsIntoHold) {
    return set.goHeardMs === undefined ? rest : { ...rest, goHeardMs: Math.max(set.goHeardMs, backMs) };
  }
  if (exercise.kind === 'hold') return heldFromGo(exercise, rest);
  const held = set.heldSinceMs ?? null;
  if (held === null) return rest;
  return { ...rest, holdStartMs: held, heldSinceMs: null, lastProgressMs: held };
}

/**
 * The set with the moment the person left position forgotten: it waits for them again, they are back,
 * or it stays begun because they counted or started the hold by hand (reaching over to the phone
 * takes them out of position) or no device sees posture any more.
 */
function withoutLeaving(set: CurrentSet): CurrentSet {
  const { leftMs: _left, ...rest } = set;
  return rest;
}

/**
 * The set begins at `startMs`: counting starts. A hold the person is already still in waits for this
 * start's "Go" (see heldFromGo, liftedBeforeGo).
 */
function beginSet(state: SessionState, startMs: number, byHand = false): SessionState {
  const set = state.set;
  if (!set) return state;
  const held = set.heldSinceMs == null ? null : Math.max(set.heldSinceMs, startMs);
  // Stillness before "Go" is the person waiting to be told: a hold is timed from "Go" at the earliest.
  const waitsForGo = held !== null && currentPlanned(state)?.exercise.kind === 'hold';
  const { goHeardMs: _goOfAnEarlierStart, workBeganMs: _workOfAnEarlierStart, startSeen, ...begun } = set;
  return {
    ...state,
    set: {
      ...begun,
      // What the device saw is kept only where the set begins on it: not where a tap or the device's
      // going began it while the person was getting into position.
      ...(startSeen && set.inPosition && !byHand ? { startSeen } : {}),
      startedMs: startMs,
      // Said now, as the change that begins it is known: the person seen in position a moment ago.
      goSaidMs: Math.max(state.nowMs, startMs),
      lastProgressMs: startMs,
      holdStartMs: held === null || waitsForGo ? set.holdStartMs : held,
      waiting: false,
      inPosition: false,
      wrongPosture: null,
      heldSinceMs: waitsForGo ? held : null,
      ...(byHand ? { begunByHand: true } : {}),
    },
  };
}

/**
 * Says the wrong position (through the cues) unless it was said within WRONG_POSITION_REPEAT_MS, or
 * has been said WRONG_POSITION_TIMES already: the screen goes on showing it.
 */
function warnIfDue(state: SessionState, set: CurrentSet): SessionState {
  const times = set.warnedTimes ?? 0;
  const due =
    set.wrongPosture &&
    times < WRONG_POSITION_TIMES &&
    (set.warnedMs == null || state.nowMs - set.warnedMs >= WRONG_POSITION_REPEAT_MS);
  const warned = due ? { ...set, warnedMs: state.nowMs, warnedTimes: times + 1 } : set;
  return state.set === warned ? state : { ...state, set: warned };
}

function adjustCount(state: SessionState, delta: number, atMs: number): SessionState {
  const planned = currentPlanned(state);
  const set = state.set;
  if (state.phase !== 'set' || !set || !planned || planned.exercise.kind === 'hold' || set.waiting)
    return state;
  const nowMs = Math.max(state.nowMs, atMs);
  const count = Math.max(0, set.count + delta);
  const corrections = (set.corrections ?? 0) + count - set.count;
  const sides = planned.exercise.alternatesSides ? sidesCorrected(set.sides, count - set.count) : set.sides;
  const byHand = countedByHand(state, planned.exercise);
  const away = motionAwayFor(state, planned.exercise);
  // Where no device counts the exercise, a watch that cannot see it going out of reach changes nothing:
  // the taps are the count itself, before and after.
  const countedAway = (set.countedAway ?? 0) + (away && !byHand ? count - set.count : 0);
  const adjusted = {
    ...state,
    nowMs,
    set: {
      ...withoutLeaving(count > set.count ? workBegun(set, nowMs) : set),
      count,
      corrections,
      sides,
      lastProgressMs: nowMs,
      ...(away ? { deviceAway: true as const, countedAway } : {}),
      ...(byHand ? { countedByHand: (set.countedByHand ?? 0) + count - set.count } : {}),
    },
  };
  // Put right to its target while paused, the set ends once the session goes on (see resume): ended
  // in the pause, its rest began standing still, and nothing was said of its end.
  const reached = countReached(count, planned) && state.pausedAtMs === null;
  return reached ? endSet(adjusted, nowMs, 'target') : adjusted;
}

/** A rep or breath set's count at its target: the set is done (a hold's is its time, not a count). */
function countReached(count: number, planned: PlannedExercise): boolean {
  return planned.exercise.kind !== 'hold' && count >= planned.dosage.target;
}

/**
 * Whether the set just done can have its count put right during the rest after it (or on the summary,
 * for the session's last): any rep or breath set that began, one skipped with nothing counted too. A
 * set whose every rep the detectors missed never ends by itself (only reps seen can stop coming), so
 * Skip set is how the person who did them goes on, and the rest after it is where they give them;
 * so is it for reps done with a heart-rate-only strap and no +1, counted nowhere else. Not a set
 * skipped before it began: +1 would make a set never done into one done. A hold's time is the
 * detectors' alone. The summary asks more of the session's last (see lastSetToCorrect).
 */
export function correctableInRest(record: SetRecord): boolean {
  return record.holdMs === null && !record.neverBegun;
}

/**
 * The session's last set, where its summary offers to put its count right (see correctableInRest);
 * null where it does not. Not a set Finish ended before anything in it was counted: the person ended
 * the session with it undone, as Finish's question told them ("End the session? 3 sets done, 1
 * skipped"), and +1 would make a set never done into one done. Skip set is how a person whose every
 * rep went uncounted goes on, and that set is put right; so is one Finish ended with reps counted
 * (finishedUnderWay), down to none and back.
 */
export function lastSetToCorrect(state: {
  readonly completed: readonly SetRecord[];
  readonly finishedShort?: boolean;
}): SetRecord | null {
  const last = state.completed.at(-1);
  if (!last || !correctableInRest(last)) return null;
  const finishedUndone = state.finishedShort === true && last.finishedUnderWay !== true;
  return finishedUndone ? null : last;
}

/**
 * The set just done, while the set after it, with no rest between them (a rest of 0 s), has counted
 * nothing: no rest screen came to offer −1 / +1 for it, so the set screen offers them until the
 * person is under way. Null otherwise, and after a set skipped before it began: that set was never
 * done (+1 would make it one), and the time to put right the set before it was that set's wait, as a
 * rest is.
 */
export function setJustDoneToCorrect(state: SessionState): SetRecord | null {
  const record = state.completed.at(-1);
  const set = state.set;
  if (state.phase !== 'set' || !set?.noRestBefore || !record || !correctableInRest(record)) return null;
  return set.count > 0 || set.holdStartMs !== null ? null : record;
}

/**
 * The person saw, once the set was over, that it was counted wrong: an overcount that ended the set
 * early, or reps missed and not put right in time. The record keeps the net correction, as one made
 * during the set would have.
 */
function correctSetJustDone(state: SessionState, delta: number): SessionState {
  const record = state.phase === 'summary' ? lastSetToCorrect(state) : state.completed.at(-1);
  if (!record || !correctableInRest(record)) return state;
  const count = Math.min(MAX_SET_COUNT, Math.max(0, record.count + delta));
  if (count === record.count) return state;
  const { corrections: before, countedByHand: handBefore, ...rest } = record;
  const corrections = (before ?? 0) + count - record.count;
  // Still no device that counts the exercise: the tap is a rep done and not tapped in time, not one
  // a detector missed (a heart-rate-only strap's set skipped with nothing tapped is given its reps here).
  const byHand =
    (handBefore ?? 0) + (countedByHand(state, exerciseById(record.exerciseId)) ? count - record.count : 0);
  const sides = exerciseById(record.exerciseId).alternatesSides
    ? sidesCorrected(record.sides, count - record.count)
    : record.sides;
  // How a rep set ended follows from its count (see endedByHand): put right, it ends as that count would.
  const endedBy: SetEnd = count >= record.target ? 'target' : count > 0 ? 'stopped' : 'skipped';
  const corrected: SetRecord = {
    ...rest,
    count,
    sides,
    endedBy,
    ...(corrections ? { corrections } : {}),
    ...(byHand ? { countedByHand: byHand } : {}),
  };
  return { ...state, completed: [...state.completed.slice(0, -1), corrected] };
}

/**
 * The reps per side after the count of an exercise done one side at a time is put right by hand,
 * so that they still add up to it. Sides alternate from the right, as the coach asks: a rep added
 * goes to the side with fewer (the right on a tie), a rep taken away from the side with more (the
 * left on a tie, the last done).
 */
export function sidesCorrected(sides: Readonly<Record<Side, number>>, delta: number): Record<Side, number> {
  let { left, right } = sides;
  for (let i = 0; i < delta; i++) {
    if (left < right) left++;
    else right++;
  }
  for (let i = 0; i > delta && left + right > 0; i--) {
    if (right > left) right--;
    else left--;
  }
  return { left, right };
}

/**
 * How a set ended beyond why: by hand (a hold), skipped before it began, skipped or finished under way,
 * the person getting up.
 */
type SetEndedHow = Pick<
  SetRecord,
  'endedByHand' | 'neverBegun' | 'skippedUnderWay' | 'finishedUnderWay' | 'gotUp'
>;

/**
 * The set under way as another device takes it over (see SetTakenOver): marked where something was
 * already counted or held, as only then did two devices share it; a set taken over before it began is
 * counted wholly by the one that took it, as the sets after it are. The first take-over is kept: the
 * count goes on from the same device to the set's end (see motionDeviceFor).
 */
function setTakenOver(state: SessionState, takeOver: DeviceTakeOver): CurrentSet | null {
  const set = state.set;
  if (state.phase !== 'set' || !set || set.waiting || set.takenOver) return set;
  const heldMsBefore = heldSoFarMs(set, state.pausedAtMs ?? state.nowMs);
  if (set.count === 0 && !heldMsBefore) return set;
  const { from, placement, how } = takeOver;
  return { ...set, takenOver: { from, placement, how, countBefore: set.count, heldMsBefore } };
}

function endSet(state: SessionState, endedMs: number, endedBy: SetEnd, how: SetEndedHow = {}): SessionState {
  const planned = currentPlanned(state);
  const set = state.set;
  if (!planned || !set) return state;
  const isHold = planned.exercise.kind === 'hold';
  // Ended while paused (skipped, or finished): the hold stopped and the rest's clock stands from
  // when the pause began, as they would have had the person resumed first.
  const stoppedMs = state.pausedAtMs === null ? endedMs : Math.min(endedMs, state.pausedAtMs);
  const record: SetRecord = {
    exerciseId: planned.exercise.id,
    setNumber: set.setNumber,
    target: planned.dosage.target,
    count: isHold ? 0 : set.count,
    sides: set.sides,
    holdMs: isHold ? (set.holdStartMs === null ? 0 : Math.max(0, stoppedMs - set.holdStartMs)) : null,
    peakDeg: set.peakDeg,
    startedMs: set.startedMs,
    ...(set.workBeganMs !== undefined ? { workBeganMs: set.workBeganMs } : {}),
    endedMs,
    endedBy,
    formIssues: set.formIssues,
    ...(set.corrections ? { corrections: set.corrections } : {}),
    ...(set.deviceAway ? { deviceAway: true as const } : {}),
    ...(set.countedAway ? { countedAway: set.countedAway } : {}),
    ...(set.countedByHand ? { countedByHand: set.countedByHand } : {}),
    ...(set.takenOver ? { takenOver: set.takenOver } : {}),
    ...(isHold && set.pausedInHold && set.holdStartMs !== null ? { pausedInHold: true } : {}),
    ...how,
  };
  const completed = [...state.completed, record];
  const after = { ...state, completed, set: null };
  if (!hasNextSet(after)) {
    return { ...after, phase: 'summary', restEndsMs: null, endedMs: Math.max(state.nowMs, endedMs) };
  }
  return {
    ...after,
    phase: 'rest',
    restEndsMs:
      (state.pausedAtMs === null ? Math.max(state.nowMs, endedMs) : stoppedMs) + planned.dosage.restS * 1000,
  };
}

function hasNextSet(state: SessionState): boolean {
  const planned = currentPlanned(state);
  if (!planned) return false;
  return (
    nextSetNumber(state, state.exerciseIndex) <= planned.dosage.sets ||
    state.exerciseIndex < state.plan.length - 1
  );
}

/** How the set after a rest came: early, as the heart rate had recovered, or with no rest at all. */
type SetStart = Pick<CurrentSet, 'afterRecovery' | 'noRestBefore'>;

function beginNextSet(rest: SessionState, start: SetStart = {}): SessionState {
  const state = pastRest(rest);
  const planned = currentPlanned(state);
  if (!planned) return { ...state, phase: 'summary', endedMs: state.nowMs };
  let exerciseIndex = state.exerciseIndex;
  let setNumber = nextSetNumber(state, exerciseIndex);
  if (setNumber > planned.dosage.sets) {
    exerciseIndex += 1;
    if (exerciseIndex >= state.plan.length)
      return { ...state, phase: 'summary', restEndsMs: null, endedMs: state.nowMs };
    setNumber = nextSetNumber(state, exerciseIndex);
  }
  return {
    ...state,
    phase: 'set',
    exerciseIndex,
    plan: retargetPlank(state.plan, exerciseIndex, state.completed),
    restEndsMs: null,
    set: {
      ...newSet(setNumber, state.nowMs, waitsForPosition(state, state.plan[exerciseIndex]?.exercise)),
      ...start,
    },
  };
}

/** The state without what belongs to the rest just over: when a new page picked it up. */
function pastRest(state: SessionState): SessionState {
  const { restPickedUpMs: _pickedUp, ...past } = state;
  return past;
}

/** Why the set came before its rest was over is shown at most this long into the set. */
export const RECOVERED_SHOWN_MS = 10_000;

/**
 * Whether the set screen says that the rest ended early because the heart rate had recovered: all the
 * while the person gets into position, then the first seconds of the set, until it counts something.
 */
export function showsRecovery(set: CurrentSet, nowMs: number): boolean {
  if (!set.afterRecovery) return false;
  if (set.waiting) return true;
  return set.count === 0 && set.holdStartMs === null && nowMs - set.startedMs < RECOVERED_SHOWN_MS;
}

/** What a device can see of the person getting into position: see CurrentSet.startSeen. */
export type StartSeen = 'position' | 'stillness';

/**
 * How the voice's "Go" and the screen before it name what the device saw as the set began: "In
 * position" where it saw the position, "Ready" where it saw a still wrist (a watch cannot tell lying
 * face down from sitting); null where nothing saw the person, who is told "Go" and no more.
 */
export function startSeenWord(set: Pick<CurrentSet, 'startSeen'>): 'In position' | 'Ready' | null {
  switch (set.startSeen) {
    case 'position':
      return 'In position';
    case 'stillness':
      return 'Ready';
    default:
      return null;
  }
}

/**
 * Whether the set screen shows the set under way, or still where to be. A set begun as the person was
 * seen in position is under way from the voice's "Go", which may wait twenty seconds behind a first
 * set's instructions: the person on the mat goes by what they hear, and a screen that moved on before
 * it told them to go while the voice still said how to lie. Under way at once when something is counted
 * (the person set off early), when a tap began it (the screen answers the tap), and when it never
 * waited for a position (nothing sees it: the person counts on screen).
 */
export function showsSetUnderWay(set: CurrentSet): boolean {
  if (set.waiting === undefined) return true;
  if (set.waiting) return false;
  return set.goHeardMs !== undefined || set.begunByHand === true || set.count > 0 || set.holdStartMs !== null;
}

/** The form problem the set screen shows now, if the detectors saw one within FORM_WARNING_SHOWN_MS. */
export function shownFormIssue(set: CurrentSet, nowMs: number): FormIssue | null {
  const warning = set.formWarning;
  if (!warning || nowMs - warning.atMs >= FORM_WARNING_SHOWN_MS) return null;
  return warning.issue;
}

/**
 * Each plank hold aims above the last one (program.md: three holds, each longer than the last), so
 * the plank's target for the coming set is set from the holds done so far today.
 */
function retargetPlank(
  plan: readonly PlannedExercise[],
  exerciseIndex: number,
  completed: readonly SetRecord[],
): readonly PlannedExercise[] {
  const planned = plan[exerciseIndex];
  if (planned?.exercise.id !== 'elbow-plank') return plan;
  const target = plankTargetAfter(completed, planned.dosage.target);
  if (target === planned.dosage.target) return plan;
  return plan.map((p, i) => (i === exerciseIndex ? { ...p, dosage: { ...p.dosage, target } } : p));
}

/**
 * The exercise a set or rest concerns: a set's own; in a rest, the set after it, which the rest's
 * end begins. What the session needs of the devices follows it, and what it goes on without.
 * Undefined outside them, and in a rest with no set after it.
 */
export function concernedExercise(state: SessionState): Exercise | undefined {
  if (state.phase === 'set') return currentPlanned(state)?.exercise;
  return state.phase === 'rest' ? upNext(state)?.exercise : undefined;
}

/** The set after the current set or rest, and how many sets its exercise has in the plan. */
export interface NextSet {
  readonly exercise: Exercise;
  readonly setNumber: number;
  readonly sets: number;
}

/** What comes after the current set or rest: for the rest screen's "next up". */
export function upNext(state: SessionState): NextSet | null {
  const planned = currentPlanned(state);
  if (!planned) return null;
  const setNumber = nextSetNumber(state, state.exerciseIndex);
  if (setNumber <= planned.dosage.sets)
    return { exercise: planned.exercise, setNumber, sets: planned.dosage.sets };
  const following = state.plan[state.exerciseIndex + 1];
  return following
    ? {
        exercise: following.exercise,
        setNumber: nextSetNumber(state, state.exerciseIndex + 1),
        sets: following.dosage.sets,
      }
    : null;
}
