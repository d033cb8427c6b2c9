// The virtual strap: a device the user can pick like a real one. Behind it a simulated person does
// what the app asks of them (the way a real person follows the screen), and the strap streams what
// a chest strap would measure meanwhile: accelerometer packets at 50 Hz and heart rate with RR
// intervals once a second. It is the demo, the default device, and a test fixture.

import { asyncScheduler, filter, interval, map, type Observable, type SchedulerLike, share } from 'rxjs';
import type { AccelFrame, HeartRateSample, SourceInfo } from '../samples.ts';
import { BodyMotion } from './body-motion.ts';
import {
  type Activity,
  type BodyPosture,
  type Habit,
  POSTURE_UP,
  planPerformance,
  SIT_UP_MIN_REST_S,
  USUAL_SIT_UP_CHANCE,
} from './choreography.ts';
import { SimulatedHeart } from './heart.ts';
import { type SimulatedPerson, TYPICAL_PERSON } from './person.ts';
import { createRandom, hashString, type Random } from './random.ts';

export interface VirtualStrapOptions {
  readonly seed?: number;
  readonly person?: SimulatedPerson;
  readonly rateHz?: number;
  /** How often the strap sends a packet of samples. */
  readonly packetMs?: number;
  /** Chance that a packet is lost on the way, as happens over Bluetooth. */
  readonly dropoutChance?: number;
  /** The session's clock, in ms. */
  readonly now?: () => number;
  /** How the simulated person follows the screen (see Habit); `usual` by default. */
  readonly habit?: Habit;
  readonly scheduler?: SchedulerLike;
}

/** What the simulated person has done in an activity: the truth the app's counts can be held against. */
export interface PerformedActivity {
  readonly activity: Activity;
  /** Reps of the set so far, those counted before the person was told to go on with it included. */
  readonly repsDone: number;
  /** Length of the hold so far (or of the finished hold), seconds; null if this activity has none. */
  readonly holdS: number | null;
  readonly breathsDone: number;
  /** Getting into position: whether the person is in it now (and still, waiting for "Go"). */
  readonly inPosition: boolean;
  /** Getting into position: whether the person lies the wrong way now. */
  readonly wrongWay: boolean;
}

export interface VirtualPersonStatus {
  readonly current: PerformedActivity;
  readonly previous: PerformedActivity | null;
  /** How the person follows the screen. */
  readonly habit: Habit;
}

const HEART_RATE_PERIOD_MS = 1000;
// A tab in the background gets its timers throttled; rather than replay minutes of motion when it
// returns, the strap skips ahead, as a real strap's packets would simply have been missed.
const MAX_CATCH_UP_MS = 5000;

interface Tick {
  readonly frame: AccelFrame | null;
  readonly heartRate: HeartRateSample | null;
  readonly status: VirtualPersonStatus;
}

export class VirtualStrap {
  readonly info: SourceInfo = {
    id: 'virtual-strap',
    name: 'Virtual strap',
    kind: 'virtual',
    placement: 'chest',
  };
  readonly accel$: Observable<AccelFrame>;
  readonly heartRate$: Observable<HeartRateSample>;
  readonly status$: Observable<VirtualPersonStatus>;

  private readonly random: Random;
  private readonly person: SimulatedPerson;
  private readonly rateHz: number;
  private readonly now: () => number;
  private readonly heart: SimulatedHeart;
  private readonly sensorRandom: Random;
  private readonly radioRandom: Random;
  // Whether the person sits up for a rest: a stream of its own, so it changes no other draw.
  private readonly habitRandom: Random;
  private motion: BodyMotion | null = null;
  private pending: Activity = { kind: 'sit', durationS: 3600 };
  private previous: PerformedActivity | null = null;
  private posture: BodyPosture = 'seated';
  private readonly setsSoFar = new Map<string, number>();
  private nextSampleIndex = -1;
  private nextHeartRateMs = 0;
  private rrSinceLastReport: number[] = [];
  private lastAdvanceS = 0;
  private habitNow: Habit;
  private readonly clock = new PersonClock();

  constructor(private readonly options: VirtualStrapOptions = {}) {
    this.random = createRandom(options.seed ?? 1);
    this.habitNow = options.habit ?? 'usual';
    this.habitRandom = createRandom((options.seed ?? 1) ^ hashString('habit'));
    this.person = options.person ?? TYPICAL_PERSON;
    this.rateHz = options.rateHz ?? 50;
    this.now = options.now ?? (() => performance.now());
    this.heart = new SimulatedHeart(this.person, this.random.fork('heart'));
    this.sensorRandom = this.random.fork('sensor');
    this.radioRandom = this.random.fork('radio');
    const ticks$ = interval(options.packetMs ?? 100, options.scheduler ?? asyncScheduler).pipe(
      map(() => this.tick(this.now())),
      share(),
    );
    this.accel$ = ticks$.pipe(
      map((tick) => tick.frame),
      filter((frame) => frame !== null),
    );
    this.heartRate$ = ticks$.pipe(
      map((tick) => tick.heartRate),
      filter((sample) => sample !== null),
    );
    this.status$ = ticks$.pipe(map((tick) => tick.status));
  }

  get habit(): Habit {
    return this.habitNow;
  }

  /** Changes how the person follows the screen, from their next activity on. */
  setHabit(habit: Habit): void {
    this.habitNow = habit;
  }

  /** Tells the simulated person what to do now; repeating the same instruction changes nothing. */
  perform(activity: Activity): void {
    const current = this.motion?.performance.activity ?? this.pending;
    if (sameActivity(current, activity)) return;
    this.pending = activity;
    if (this.motion) this.startPending(this.clock.at(this.now() / 1000));
  }

  /**
   * The session is paused: the person stops where they are, mid-rep or mid-hold, and goes on from
   * there when `resume` is called, as someone who was told to wait would.
   */
  pause(): void {
    this.clock.stop(this.now() / 1000);
  }

  resume(): void {
    this.clock.go(this.now() / 1000);
  }

  private startPending(tS: number): void {
    const activity = this.pending;
    const fromUp = this.motion ? this.motion.upAt(tS) : POSTURE_UP[this.posture];
    if (this.motion) this.previous = this.performedAt(this.motion, tS, true);
    const key = activity.kind === 'exercise' ? activity.exercise : activity.kind;
    const setNumber = (this.setsSoFar.get(key) ?? 0) + 1;
    this.setsSoFar.set(key, setNumber);
    const floor = this.posture !== 'standing' && this.posture !== 'seated';
    const performance = planPerformance(activity, this.person, this.random.fork(`${key}#${setNumber}`), {
      previousPosture: this.posture,
      setNumber,
      untilTold: true,
      previousActivity: this.motion?.performance.activity,
      inPosition: this.previous?.inPosition,
      habit: this.habitNow,
      sitUp:
        activity.kind === 'rest' &&
        floor &&
        this.habitNow === 'usual' &&
        // Drawn for every rest, however long, so that the rests after a short one sit up as before.
        this.habitRandom.chance(USUAL_SIT_UP_CHANCE) &&
        (activity.durationS ?? Number.POSITIVE_INFINITY) >= SIT_UP_MIN_REST_S,
    });
    this.motion = new BodyMotion(performance, tS, fromUp, this.person, this.sensorRandom);
    this.posture = performance.endPosture ?? performance.posture;
  }

  private tick(nowMs: number): Tick {
    const dtMs = 1000 / this.rateHz;
    if (!this.motion) {
      this.startPending(this.clock.at(nowMs / 1000));
      this.nextSampleIndex = Math.ceil(nowMs / dtMs);
      this.nextHeartRateMs = nowMs + HEART_RATE_PERIOD_MS;
      this.lastAdvanceS = nowMs / 1000;
    }
    const motion = this.motion as BodyMotion;
    if (nowMs - this.nextSampleIndex * dtMs > MAX_CATCH_UP_MS) this.nextSampleIndex = Math.ceil(nowMs / dtMs);
    const lastIndex = Math.floor(nowMs / dtMs);
    const count = lastIndex - this.nextSampleIndex + 1;
    let frame: AccelFrame | null = null;
    if (count > 0) {
      const xyz = new Float32Array(count * 3);
      for (let i = 0; i < count; i++) {
        motion.sample(this.clock.at(((this.nextSampleIndex + i) * dtMs) / 1000), xyz, i * 3);
      }
      frame = { t0Ms: this.nextSampleIndex * dtMs, dtMs, xyz };
      this.nextSampleIndex = lastIndex + 1;
      if (this.options.dropoutChance && this.radioRandom.chance(this.options.dropoutChance)) frame = null;
    }
    const tS = nowMs / 1000;
    const personS = this.clock.at(tS);
    const effort =
      this.clock.stopped || personS - motion.startS < motion.performance.settleS
        ? 0.15
        : motion.performance.effort;
    this.rrSinceLastReport.push(...this.heart.advance(tS, Math.max(0, tS - this.lastAdvanceS), effort));
    this.lastAdvanceS = tS;
    let heartRate: HeartRateSample | null = null;
    if (nowMs >= this.nextHeartRateMs) {
      heartRate = { tMs: nowMs, bpm: this.heart.displayedBpm(), rrMs: this.rrSinceLastReport };
      this.rrSinceLastReport = [];
      this.nextHeartRateMs = Math.max(this.nextHeartRateMs + HEART_RATE_PERIOD_MS, nowMs);
    }
    return {
      frame,
      heartRate,
      status: {
        current: this.performedAt(motion, personS, false),
        previous: this.previous,
        habit: this.habitNow,
      },
    };
  }

  private performedAt(motion: BodyMotion, tS: number, ending: boolean): PerformedActivity {
    const local = tS - motion.startS;
    const truth = motion.performance.truth;
    const hold = truth.holds[0];
    let holdS: number | null = null;
    if (hold) {
      const end = Math.min(hold[1], local);
      holdS = Math.max(0, end - hold[0]);
      // A hold kept until told ends now, when the person is told to do something else.
      if (ending && !Number.isFinite(hold[1])) truth.holds[0] = [hold[0], local];
    }
    const inPositionS = truth.inPositionS[0] ?? Number.POSITIVE_INFINITY;
    const wrongFromS = truth.wrongPositionS[0] ?? Number.POSITIVE_INFINITY;
    const activity = motion.performance.activity;
    // A set resumed partway is reported as the app counts it: with the reps counted before.
    const alreadyDone = activity.kind === 'exercise' ? (activity.alreadyDone ?? 0) : 0;
    const breaths = activity.kind === 'exercise' && activity.exercise === 'bat-hang';
    return {
      activity,
      // Told to stop on the way down, the person finishes that rep as they settle into the next thing.
      repsDone:
        (ending ? truth.repReturnsS : truth.repEndsS).filter((time) => time <= local).length +
        (breaths ? 0 : alreadyDone),
      holdS,
      breathsDone:
        (ending ? truth.breathInhalesS : truth.breathEndsS).filter((time) => time <= local).length +
        (breaths ? alreadyDone : 0),
      inPosition: local >= inPositionS,
      wrongWay: local >= wrongFromS && local < inPositionS,
    };
  }
}

/**
 * The simulated person's own time line, which stands still while they wait (the session is paused):
 * their movements are planned on it, while the strap's packets and the heart go on in real time.
 */
class PersonClock {
  private stoppedAtS: number | null = null;
  private stoppedForS = 0;

  get stopped(): boolean {
    return this.stoppedAtS !== null;
  }

  /** The person's time at real time `tS` (seconds); before a stop it runs with it. */
  at(tS: number): number {
    return Math.min(tS, this.stoppedAtS ?? tS) - this.stoppedForS;
  }

  stop(tS: number): void {
    this.stoppedAtS ??= tS;
  }

  go(tS: number): void {
    if (this.stoppedAtS === null) return;
    this.stoppedForS += Math.max(0, tS - this.stoppedAtS);
    this.stoppedAtS = null;
  }
}

function sameActivity(a: Activity, b: Activity): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
