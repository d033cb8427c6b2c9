import type { Observable } from 'rxjs';
import type { MotionEvent } from '../motion/events.ts';
import type { PositionEvent } from '../motion/position.ts';
import type { Placement } from '../sensors/samples.ts';
import { withDevicesOf } from './device-changes.ts';
import { withDropPlacement } from './device-drops.ts';
import { Model } from './model.ts';
import type { ExerciseId } from './program.ts';
import { reduceSession } from './session.ts';
import {
  currentPlanned,
  type DeviceTakeOver,
  initialSessionState,
  type PauseReason,
  type PlannedExercise,
  type SessionAction,
  type SessionPhase,
  type SessionState,
} from './session-state.ts';

/** The session's one owner: every change goes through the reducer, stamped with the session clock. */
export class SessionModel extends Model<SessionState> {
  readonly phase$: Observable<SessionPhase> = this.select((s) => s.phase);
  readonly current$: Observable<PlannedExercise | null> = this.select(currentPlanned);

  /**
   * Where the device whose drop the session is paused for was worn, as the app told it (see pause):
   * kept with the pause as it ends, until the session is no longer paused; null once a device worn
   * elsewhere, or one the app could not tell, was away in the same pause, which then keeps none.
   */
  private droppedPlacement: Placement | null | undefined = undefined;

  constructor(
    private readonly now: () => number,
    plan?: readonly PlannedExercise[],
  ) {
    super(initialSessionState(plan));
  }

  start(): void {
    this.dispatch({ type: 'start', nowMs: this.now() });
  }

  /** Lets the clock move the session on: hold targets, rest countdowns, a person who has stopped. */
  tick(): void {
    this.dispatch({ type: 'tick', nowMs: this.now() });
  }

  handleMotion(event: MotionEvent): void {
    this.dispatch({ type: 'motion', event, nowMs: this.now() });
  }

  handlePosition(event: PositionEvent): void {
    this.dispatch({ type: 'position', event });
  }

  /** Starts a set that is waiting for the person to be in position ("Start now"). */
  beginSet(): void {
    this.dispatch({ type: 'begin', nowMs: this.now() });
  }

  /**
   * What the devices connected now see and count, as they change: whether one sees posture, and which
   * exercises they count by themselves, where worn (see `devices-sensing`, SessionState.countedByDevice).
   */
  senseDevices(
    seesPosition: boolean,
    exercises: readonly ExerciseId[],
    placements?: Partial<Record<ExerciseId, Placement>>,
  ): void {
    this.dispatch({
      type: 'devices-sensing',
      seesPosition,
      exercises,
      ...(placements ? { placements } : {}),
      nowMs: this.now(),
    });
  }

  /**
   * Which exercises' device is out of reach now (see SessionState.motionAwaySinceMs), and whether the one that
   * sees where the person is is (see SessionState.positionAway); of them, those whose device is
   * connected but sends no motion (see SessionState.motionStopped).
   */
  senseMotionAway(
    exercises: readonly ExerciseId[],
    positionAway: boolean,
    stopped: readonly ExerciseId[] = [],
  ): void {
    this.dispatch({ type: 'motion-reach', away: exercises, positionAway, stopped, nowMs: this.now() });
  }

  /** A device of the person's own, worn at `placement`, took the virtual strap's place (see SessionState.deviceJoined). */
  deviceJoined(placement: Placement): void {
    this.dispatch({ type: 'device-joined', placement, nowMs: this.now() });
  }

  /** The device worn at `placement` took over from the one at `from`, gone `how` (see SessionState.deviceTookOver). */
  deviceTookOver({ from, placement, how }: DeviceTakeOver): void {
    this.dispatch({ type: 'device-took-over', from, placement, how, nowMs: this.now() });
  }

  /** Whether the heart rate alone is out of reach now (see SessionState.heartRateAwaySinceMs). */
  senseHeartRateAway(away: boolean): void {
    this.dispatch({ type: 'heart-rate-reach', away, nowMs: this.now() });
  }

  /**
   * `reason` when the app pauses by itself (a device away), not the person; `placement`, where the
   * device away is worn, where the app knows which it is (see withDropPlacement); `severalWorn`, that
   * the voice names it, as the person has more than one (see SessionState.pausedForDevice).
   */
  pause(reason?: PauseReason, placement?: Placement, severalWorn = false): void {
    if (reason) {
      const before = this.droppedPlacement;
      // A page put back mid-pause may not know the device at first: a placement heard after none is
      // still the drop's own.
      this.droppedPlacement = before === undefined || before === placement ? placement : null;
    }
    const named = reason && severalWorn && placement ? { device: placement } : {};
    this.dispatch({ type: 'pause', nowMs: this.now(), ...(reason ? { reason } : {}), ...named });
  }

  /** Holds the session still while Finish's question is asked. */
  pauseToAsk(): void {
    this.dispatch({ type: 'pause', nowMs: this.now(), toAsk: true });
  }

  resume(): void {
    this.dispatch({ type: 'resume', nowMs: this.now() });
  }

  skip(): void {
    this.dispatch({ type: 'skip', nowMs: this.now() });
  }

  /** Ends the rest early: the heart rate has recovered. */
  recovered(): void {
    this.dispatch({ type: 'recovered', nowMs: this.now() });
  }

  adjustCount(delta: number): void {
    this.dispatch({ type: 'adjust', delta, nowMs: this.now() });
  }

  /** Corrects the set just done from the set after it, where there was no rest between them. */
  adjustSetJustDone(delta: number): void {
    this.dispatch({ type: 'adjust-last', delta, nowMs: this.now() });
  }

  /** Starts the hold by hand ("Start hold"), where no device has seen it start. */
  startHold(): void {
    this.dispatch({ type: 'start-hold', nowMs: this.now() });
  }

  /** The voice has said the set's start: the person has heard "Go". */
  goHeard(): void {
    this.dispatch({ type: 'go-heard', nowMs: this.now() });
  }

  endHold(): void {
    this.dispatch({ type: 'end-hold', nowMs: this.now() });
  }

  finish(): void {
    this.dispatch({ type: 'finish', nowMs: this.now() });
  }

  /** Back to the start screen, with a new plan if one is given. */
  reset(plan?: readonly PlannedExercise[]): void {
    this.dispatch({ type: 'reset', plan });
  }

  /** Puts back a saved session (already moved onto this page's clock) so that it goes on from there. */
  restore(state: SessionState): void {
    // Whether sets wait for position, what is counted by hand, where each device is worn and which
    // are out of reach depend on the devices connected now, not when it was saved (nor are they saved).
    this.setState(withDevicesOf(this.state, state));
  }

  private dispatch(action: SessionAction): void {
    const next = withDropPlacement(
      this.state,
      reduceSession(this.state, action),
      this.droppedPlacement ?? undefined,
    );
    if (next.pausedAtMs === null) this.droppedPlacement = undefined;
    this.setState(next);
  }
}
