// The composition root: picks the sources, wires sensor → detectors → session → cues, and owns every
// subscription. The UI gets this object and reads its models; it never reaches the sources directly.

import {
  asapScheduler,
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  EMPTY,
  filter,
  from,
  interval,
  map,
  merge,
  type Observable,
  of,
  pairwise,
  Subscription,
  scan,
  share,
  shareReplay,
  startWith,
  switchMap,
  timer,
  withLatestFrom,
} from 'rxjs';
import { type CueSettings, planCues } from '../cues/cue-planner.ts';
import { type CueHosts, CuePlayer } from '../cues/cue-player.ts';
import type { SpineDirection } from '../motion/detector.ts';
import type { MotionEvent } from '../motion/events.ts';
import { detectMotion, judgePosition, trackPosture } from '../motion/index.ts';
import type { PositionEvent } from '../motion/position.ts';
import type { PostureReading } from '../motion/posture.ts';
import { motionProfile } from '../motion/profiles.ts';
import type { AccelFrame, HeartRateSample, Placement, SourceInfo } from '../sensors/samples.ts';
import { type Activity, sameTask } from '../sensors/virtual/choreography.ts';
import type { VirtualPersonStatus } from '../sensors/virtual/virtual-strap.ts';
import { readAsSentences } from '../ui/unspoken-lines.ts';
import { maxHeartRate, mayEndRestEarly, type SessionHeart, sessionHeart } from '../workout/heart.ts';
import { Model } from '../workout/model.ts';
import { concernedExercise } from '../workout/next-set.ts';
import {
  LessonStore,
  parseTunings,
  SetLessons,
  TUNING_KEY,
  TuningModel,
  TuningStore,
} from '../workout/personal-tuning.ts';
import { type ExerciseId, exerciseById, PROGRAM } from '../workout/program.ts';
import {
  HeavierWeightsModel,
  heavierWeightsDue,
  type PastSession,
  SetOffersModel,
  sessionsPerExercise,
  TargetChangesModel,
  targetChanges,
} from '../workout/progression.ts';
import { currentPlanned, type PlannedExercise, type SessionState } from '../workout/session.ts';
import { SessionModel } from '../workout/session-model.ts';
import { setKey } from '../workout/sets-and-rests.ts';
import {
  type KeyValueStorage,
  parseSettings,
  planOf,
  SETTINGS_KEY,
  SettingsModel,
  SettingsStore,
  setOffers,
} from '../workout/settings.ts';
import {
  countedByMotion,
  droppedDevicePlacement,
  exercisesMotionStopped,
  exercisesOutOfReach,
  heartRateAloneAway,
  motionPlacementsOf,
  neededConnection,
  PAUSE_FOR_CONNECTION,
  pauseForConnectionOnRestore,
  positionOutOfReach,
  type SetNeeds,
  setNeeds,
  takenOverOf,
} from './device-needs.ts';
import type { DeviceStatus, MotionFeed, Source } from './device-status.ts';
import { Devices } from './devices.ts';
import { goWhenHeard, voiceDone } from './go-when-heard.ts';
import { recordedInAnotherTab } from './history-model.ts';
import { detectAroundPauses } from './pause-cut.ts';
import { Persistence, type PersistenceOptions, type PreferencesPort } from './persistence.ts';

export type { DeviceState } from './device-status.ts';

export interface BackbeatOptions {
  readonly now?: () => number;
  readonly navigator?: Navigator;
  /** Seed of the virtual strap's simulated person. */
  readonly seed?: number;
  /**
   * Where the settings, what was learned of the person and the virtual person's habit are
   * remembered (localStorage in the app); none keeps them for this visit.
   */
  readonly settingsStorage?: KeyValueStorage | null;
  /**
   * Where another tab's change of the stored settings is heard (the window, whose `storage` event
   * says which key changed); none hears none.
   */
  readonly storageEvents?: EventTarget | null;
  /** The browser objects the voice, tones, vibration and wake lock use; none plays no cues. */
  readonly cueHosts?: CueHosts | null;
  readonly persistence?: PersistenceOptions;
}

const TICK_MS = 250;
/**
 * The lines alone, whatever the settings, each true as it is shown: lines$ is for the screen reader,
 * not the speaker.
 */
const SCREEN_READER_LINES: CueSettings = { muted: false, tones: false, vibration: false, readOnScreen: true };
/** Heart-rate readings kept for the session's analysis: about three hours at one a second. */
const MAX_HEART_SAMPLES = 10_000;
/**
 * How long today's plan, and a Start tapped as the page opens, wait for the sessions stored before:
 * three years of them are read in about a second.
 */
const START_WAITS_FOR_PLAN_MS = 5000;

/**
 * What today's plan waits for: the sessions stored before, read as the app starts ('reading': until
 * then the plan is the settings' alone), and a Start tapped meanwhile ('start-asked'). 'none' once it
 * is made from them, and before the app starts reading anything.
 */
export type PlanWait = 'none' | 'reading' | 'start-asked';

class PlanWaitModel extends Model<PlanWait> {
  constructor() {
    super('none');
  }

  set(state: PlanWait): void {
    this.setState(state);
  }
}

export class Backbeat {
  readonly settings: SettingsModel;
  /** What the app has learned of how this person moves, from the counts they corrected. */
  readonly tunings: TuningModel;
  /** What the corrections of this session's sets taught the tunings. */
  readonly lessons: SetLessons;
  readonly session: SessionModel;
  /** Where today's plan sets a target apart from the settings, and why (progression). */
  readonly targetChanges = new TargetChangesModel();
  /** The exercises of today's plan for which it is time to try a heavier weight. */
  readonly heavierWeights = new HeavierWeightsModel();
  /** The exercises of today's plan offered a set more, as program.md offers the glute bridge's. */
  readonly setOffers = new SetOffersModel();
  /** Whether today's plan still waits for the sessions stored before, and Start was tapped meanwhile. */
  readonly planWait = new PlanWaitModel();
  readonly persistence: Persistence;
  readonly cues: CuePlayer | null;
  readonly devices: Devices;
  /** Every heart-rate reading of the active device, as it comes (null before the first): what the session and the store keep. */
  readonly heartRate$: Observable<HeartRateSample | null>;
  /** The heart rate now: null before the first reading, and while the device it comes from is away or has ended. */
  readonly heartRateNow$: Observable<HeartRateSample | null>;
  readonly virtualPerson$: Observable<VirtualPersonStatus | null>;
  /** The active device's accelerometer frames, with the device they came from: what the store records. */
  readonly accel$: Observable<{ readonly source: SourceInfo; readonly frame: AccelFrame }>;
  /** What the detectors found, shared by the session and the store so the detectors run once. */
  readonly motion$: Observable<MotionEvent>;
  /**
   * The person's posture after each frame of the device that sees it best (a chest strap), tracked
   * for as long as the device streams, so that a set can begin at once for a person already in position.
   */
  readonly posture$: Observable<PostureReading>;
  /**
   * What the coach says, or would say with the voice muted, at each turn of the session (its lines
   * of one moment together): what a screen reader is given where the voice is not heard, so that one
   * channel, never two at once, tells the session.
   */
  readonly lines$: Observable<string>;

  /** The settings and what was learned of the person, as a backup keeps them beside the sessions. */
  readonly preferences: PreferencesPort = {
    read: () => ({ settings: this.settings.state, personalTuning: this.tunings.state }),
    // Both sides read as the app reads a stored value, so that order and repaired fields compare alike.
    differ: ({ settings, personalTuning }) =>
      (settings !== undefined && !sameJson(parseSettings(settings), parseSettings(this.settings.state))) ||
      (personalTuning !== undefined &&
        !sameJson(parseTunings(personalTuning), parseTunings(this.tunings.state))),
    apply: ({ settings, personalTuning }) => {
      if (settings !== undefined) this.settings.takeOn(settings);
      if (personalTuning !== undefined) this.tunings.takeOn(personalTuning);
    },
  };

  private readonly subscriptions = new Subscription();
  private readonly now: () => number;
  /** Which way the person's head is in the posture device's axes, once its tracker has learned it. */
  private spine: SpineDirection | null = null;
  /** This visit's heart-rate readings: the early end of a rest and the summary's heart rate read them. */
  private readonly heartSamples: HeartRateSample[] = [];

  constructor(options: BackbeatOptions = {}) {
    const now = options.now ?? (() => performance.now());
    this.now = now;
    this.settings = new SettingsModel(new SettingsStore(options.settingsStorage ?? null));
    this.tunings = new TuningModel(new TuningStore(options.settingsStorage ?? null));
    this.session = new SessionModel(now, planOf(this.settings.state));
    this.lessons = new SetLessons(
      this.tunings,
      {
        expectedPeakDeg,
        holdLeaveDeg,
        countedByMotion: (id) => countedByMotion(this.devices.state.devices, id),
      },
      new LessonStore(options.settingsStorage ?? null),
    );
    this.followOtherTabs(options.storageEvents ?? null);
    this.devices = new Devices({
      now,
      navigator: options.navigator ?? navigator,
      seed: options.seed ?? 1,
      storage: options.settingsStorage ?? null,
    });
    this.heartRate$ = this.devices.source$.pipe(
      switchMap((source) => source.heartRate$.pipe(startWith(null))),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    // A reading stands for the heart rate now only while its device is there and for a few seconds
    // (see heartRateFreshMs): once the strap is out of reach, off the skin or a replay has ended there
    // is none, unless a device beside it has one (see chooseHeartRate), and after a reconnection the
    // next reading counts.
    const deviceReading$ = this.devices.source$.pipe(switchMap((source) => source.heartRateNow$));
    this.accel$ = merge(
      this.devices.source$.pipe(
        switchMap((source) => source.accel$?.pipe(map((frame) => ({ source: source.info, frame }))) ?? EMPTY),
      ),
      this.setCounterFramesBesideMain(),
    ).pipe(share());
    this.motion$ = this.motionEvents().pipe(share());
    this.lines$ = this.session.state$.pipe(
      pairwise(),
      // Finish's question is read where it takes the focus: its spoken line, for a person who looked
      // away from the screen, would be read over it.
      filter(([prev, next]) => !(next.pausedToAsk && prev.pausedAtMs === null)),
      map(([prev, next]) =>
        readAsSentences(
          planCues(prev, next, SCREEN_READER_LINES).flatMap((cue) => (cue.kind === 'say' ? [cue.text] : [])),
        ),
      ),
      filter((said) => said !== ''),
      share(),
    );
    this.posture$ = this.devices.source$.pipe(
      switchMap((source) =>
        source.accel$ && source.info.placement
          ? source.accel$.pipe(trackPosture(source.info.placement))
          : EMPTY,
      ),
      share(),
    );
    this.virtualPerson$ = this.devices.source$.pipe(
      switchMap((source) => (source.virtual ? source.virtual.status$ : of(null))),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    this.persistence = new Persistence(this, { now, ...options.persistence });
    // While another tab records the session this tab's device is not the person's heart: the virtual
    // strap it starts with made up a number beside the real session there. None until the session is
    // moved here or ends there (see noReadingReason).
    this.heartRateNow$ = this.persistence.history.select(recordedInAnotherTab).pipe(
      switchMap((elsewhere) => (elsewhere ? of(null) : deviceReading$)),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    this.cues = options.cueHosts
      ? CuePlayer.forBrowser(
          this.session.state$,
          this.settings.state$,
          options.cueHosts,
          this.persistence.history.select((history) => history.problem?.kind === 'quota'),
        )
      : null;
  }

  /**
   * The Start button: from a tap, so the browser lets the tones and the voice begin. Tapped while the
   * store is still being read, the session begins once today's plan is made from it (or after
   * START_WAITS_FOR_PLAN_MS): begun at once, it ran the settings' plan, as though no session had gone
   * before. Not when the read finds an unfinished session to offer: the offer is shown instead.
   */
  startSession(): void {
    this.cues?.unlock();
    if (this.planWait.state === 'none') {
      this.session.start();
      return;
    }
    this.planWait.set('start-asked');
  }

  /** Back to the start screen with today's plan, from the settings and the sessions done before. */
  async newSession(): Promise<void> {
    this.plan(await this.persistence.pastSessions());
  }

  /** Starts the pipeline. The virtual strap is connected until a Bluetooth device replaces it. */
  start(): void {
    // The set under way is known to the devices before its detectors are fed (see motionEvents, which
    // the store's subscription starts): the device counting it keeps it to its end.
    this.subscriptions.add(
      this.session.state$
        .pipe(
          map((state) => {
            const key = setKey(state);
            const planned = currentPlanned(state);
            return key !== null && planned ? { key, exercise: planned.exercise.id } : null;
          }),
        )
        .subscribe((set) => this.devices.countSetUnderWay(set)),
    );
    this.subscriptions.add(
      interval(TICK_MS).subscribe(() => {
        this.session.tick();
        this.endRestIfRecovered();
      }),
    );
    // Before the store: a session's last state hands the voice lines said after its end, which its
    // record keeps, knowing them for its own as they are handed while it is still recorded.
    this.cues?.start();
    // Progression needs the past sessions: before the session starts, the plan is rebuilt whenever
    // the settings or the sessions kept change (the store opening, an import, a delete, another tab).
    void this.persistence.start();
    // Asked once it has begun: with no store to read (see PersistenceOptions.openStore) there is
    // nothing to wait for.
    if (!this.persistence.history.state.pastRead) {
      this.planWait.set('reading');
      // A store that never opens (IndexedDB's open hangs in some browsers) must not hold the session
      // back for good: the plan is the one as set, as it would be with no store at all, and a Start
      // asked for begins it.
      this.subscriptions.add(
        timer(START_WAITS_FOR_PLAN_MS).subscribe(() => {
          const startAsked = this.planWait.state === 'start-asked';
          this.planWait.set('none');
          if (startAsked && this.session.state.phase === 'ready') this.session.start();
        }),
      );
    }
    // The strap of the last visit, if the browser still lets the app use it, replaces the virtual one.
    void this.devices.reconnectKnownDevices();
    this.subscriptions.add(
      combineLatest([
        this.settings.state$,
        this.persistence.history.select((h) => h.sessionCount),
        // An unfinished session is no "last time" until it is over (see pastSessions): the plan is made
        // again when one is offered or recorded elsewhere, and once it ends, kept as it is or finished.
        this.persistence.history.select((h) =>
          [h.unfinished?.id, h.elsewhere?.id, ...h.sessions.map((row) => `${row.id}:${row.status}`)].join(),
        ),
        this.persistence.history.select((h) => h.pastRead),
      ])
        .pipe(
          // One store update changes several of these at once: the plan is made once for them all.
          debounceTime(0, asapScheduler),
          // From the latest read alone: reads answer in any order, and one asked before the store had
          // opened, or before a session ended, answering last made the plan from a part of the history.
          switchMap(() => this.readForPlan()),
        )
        .subscribe((read) => this.replan(read)),
    );
    this.subscriptions.add(
      this.motion$.subscribe((event) => {
        // The lessons hear of a counted rep before the session does: the rep that ends a set is that
        // set's, and a +1 on the summary must not take its movement for one the detectors missed.
        if (event.type === 'rep') this.lessons.seeRep(event.startMs, event.tMs);
        this.session.handleMotion(event);
      }),
    );
    // When the person has heard a set's "Go": a plank is lifted into then (see LIFT_AFTER_GO_MS).
    const talking$ = this.cues?.outputs.speech.talking$ ?? null;
    this.subscriptions.add(
      this.session.state$
        .pipe(
          map((state) => (state.set?.waiting ? null : setKey(state))),
          distinctUntilChanged(),
          switchMap((begun) => (begun === null ? EMPTY : talking$ ? voiceDone(talking$) : of(begun))),
        )
        .subscribe(() => this.session.goHeard()),
    );
    // Posture runs from the first frame, not from the first set (see posture$); the spine it learns
    // while the person is upright tells each bird-dog set which side is which.
    this.subscriptions.add(
      this.posture$.subscribe((reading) => {
        this.spine = reading.spine;
      }),
    );
    this.subscriptions.add(this.positionEvents().subscribe((event) => this.session.handlePosition(event)));
    // Sets wait for the person to be in position when a device can see it, else begin when due; what
    // the devices count by themselves, and so what the person counts by hand (and says so). Told
    // together: a set that stops waiting as a strap turns heart-rate-only says to count with +1.
    this.subscriptions.add(
      merge(
        this.devices.source$.pipe(
          map(
            (source): DevicesSensed => ({
              seesPosition: source.accel$ !== null && source.info.placement !== null,
              // Of the source just published, which the detectors are fed from (see motionEvents), by
              // the rule the devices' counts follow (see DeviceStatus.counts): those are not yet updated
              // as a device that stops giving motion publishes its source, and are told a moment later.
              exercises: PROGRAM.filter((e) => source.motionFor(e.id) !== null).map((e) => e.id),
              // Where the device each is up to is worn, that the voice names it: the one that counts it,
              // else the one that cannot see it.
              placements: motionPlacements(source),
            }),
          ),
        ),
        // A device beside the one motion is mostly read from that stops or starts giving motion (a
        // watch beside the H10) publishes no source, yet hands its exercises to another: where each
        // is counted follows what the devices count.
        this.devices
          .select((s) => motionPlacementsOf(s.devices), sameJson)
          .pipe(map((placements) => ({ placements }))),
      )
        .pipe(
          scan<Partial<DevicesSensed>, DevicesSensed | null>(
            (told, news) => (isWhole(news) ? news : told && { ...told, ...news }),
            null,
          ),
          filter((sensed) => sensed !== null),
          distinctUntilChanged<DevicesSensed>(sameJson),
        )
        .subscribe(({ seesPosition, exercises, placements }) =>
          this.session.senseDevices(seesPosition, exercises, placements),
        ),
    );
    // Which of them have their device out of reach now: their sets go on counted by +1, not ended
    // for want of reps no one could see; and whether the one that sees where the person is is: no set
    // waits for a position nothing sees. Told before the pause for the device is lifted (see
    // pauseWhileDeviceAway, which follows the same state later), so that a set resumed as the device
    // comes back waits for the person's position as before.
    this.subscriptions.add(
      this.devices
        .select(
          (s) => ({
            away: exercisesOutOfReach(s.devices),
            positionAway: positionOutOfReach(s.devices),
            stopped: exercisesMotionStopped(s.devices),
          }),
          sameJson,
        )
        .subscribe(({ away, positionAway, stopped }) =>
          this.session.senseMotionAway(away, positionAway, stopped),
        ),
    );
    // The person's own device in the virtual strap's place, in a set or rest (a strap of an earlier
    // visit come into reach): the count so far stays, and the voice says it counts from there, where
    // it counts what is under way; one that cannot see it has that set counted by hand, and says so.
    this.subscriptions.add(
      this.devices.source$.pipe(pairwise()).subscribe(([before, after]) => {
        if (!before.virtual || after.virtual || after.info.kind === 'replay') return;
        const exercise = concernedExercise(this.session.state);
        const placement = exercise ? after.motionFor(exercise.id)?.placement : undefined;
        if (placement) this.session.deviceJoined(placement);
      }),
    );
    // The heart rate alone out of reach (a plain strap): the session goes on, and the voice says so.
    this.subscriptions.add(
      this.devices
        .select((s) => heartRateAloneAway(s.devices) !== null)
        .subscribe((away) => this.session.senseHeartRateAway(away)),
    );
    // The screen going off in a set or a rest stops no stream: the session goes on on the mat.
    this.subscriptions.add(
      this.session.state$
        .pipe(
          map((state) => state.phase === 'set' || state.phase === 'rest'),
          distinctUntilChanged(),
        )
        .subscribe((running) => this.devices.keepStreaming(running)),
    );
    // A set the person corrected teaches the detectors of that exercise how this person moves.
    this.subscriptions.add(this.session.state$.subscribe((state) => this.lessons.observe(state)));
    // What the device counting a set saw of the person tells a +1 for a rep it missed from one tapped
    // while they had not moved.
    this.subscriptions.add(
      this.setTilts().subscribe((reading) =>
        this.lessons.seeTilt(reading.tMs, reading.upX, reading.upY, reading.upZ),
      ),
    );
    // A device given up for lost, where one beside it can see the set under way (in a rest, the set
    // after it): that one counts it from here, and the voice says so as the pause made for the device
    // is lifted (see pauseWhileDeviceAway, which hears of it after this).
    this.subscriptions.add(
      this.devices
        .select((s) => s.devices)
        .pipe(pairwise())
        .subscribe(([before, after]) => {
          const exercise = concernedExercise(this.session.state);
          const tookOver = exercise && takenOverOf(after, exercise.id);
          if (tookOver && !takenOverOf(before, exercise.id)) this.session.deviceTookOver(tookOver);
        }),
    );
    this.pauseWhileDeviceAway();
    this.keepHeartSamples();
    this.directVirtualPerson();
  }

  /**
   * A device that counts or sees the set under way (in a rest, the set after it) and drops out pauses
   * the set or rest, so no rep is lost and no hold runs on unseen (see neededConnection); one that
   * counts other exercises alone, or gives heart rate alone, does not: the person goes on, and is
   * told so (see heartRateAloneAway). Read as the devices change, against what the session needs
   * then: a set that comes while a device it needs is away begins without it, counted by hand, and
   * is not paused for it, nor later as that device goes from reconnecting to given up on or back to
   * reconnecting at Reconnect: what it does while away is news only to a pause made for it.
   * The session knows a pause the app made (`pausedFor`): it takes the device's latest news, while
   * the person's own pause stays theirs (the reducer keeps it), and only the app's is lifted when
   * the device is back. Back is any change to a state that pauses nothing: a pause picked up from an
   * earlier page while the device was being connected is lifted once it is connected.
   */
  private pauseWhileDeviceAway(): void {
    const needs$ = this.session.state$.pipe(map(setNeeds), distinctUntilChanged<SetNeeds | null>(sameJson));
    this.subscriptions.add(
      combineLatest([this.devices.select((s) => s.devices), needs$])
        .pipe(
          startWith(null),
          pairwise(),
          // The devices before and after a change, both against what the session needs now: a change
          // of needs alone (a set that comes while its device is away) pauses nothing.
          map(([before, after]) => {
            const [devices, needs] = after!;
            const reasonOf = (d: readonly DeviceStatus[]) => PAUSE_FOR_CONNECTION[neededConnection(d, needs)];
            return {
              before: before && reasonOf(before[0]),
              reason: reasonOf(devices),
              first: !before,
              // Kept with the drop: the session's devices alone cannot say which of two it was.
              placement: droppedDevicePlacement(devices, needs),
              severalWorn: devices.length > 1,
            };
          }),
          filter(({ before, reason, first }) => first || before !== reason),
        )
        .subscribe(({ before, reason, placement, severalWorn }) => {
          if (reason === null) {
            if (this.session.state.pausedFor !== undefined) this.session.resume();
          } else if (!before || this.session.state.pausedFor !== undefined)
            this.session.pause(reason, placement, severalWorn);
        }),
    );
    // A pause picked up from an earlier page while the strap of the last visit was being connected
    // again (the virtual strap 'connected' in its place meanwhile, which pauses nothing above) follows
    // that strap: it goes on once the strap is connected, and says it out of reach if it does not
    // answer. Heard after the rule above, which has its say whenever the devices there pause a set.
    this.subscriptions.add(
      this.devices.state$
        .pipe(
          withLatestFrom(needs$),
          map(([devices, needs]) => ({
            reason: pauseForConnectionOnRestore(devices, needs),
            neededAway: PAUSE_FOR_CONNECTION[neededConnection(devices.devices, needs)] !== null,
            placement: droppedDevicePlacement(devices.devices, needs),
            severalWorn: devices.devices.length > 1,
          })),
          distinctUntilChanged((a, b) => a.reason === b.reason),
          pairwise(),
        )
        .subscribe(([, { reason, neededAway, placement, severalWorn }]) => {
          if (this.session.state.pausedFor === undefined || neededAway) return;
          if (reason) this.session.pause(reason, placement, severalWorn);
          else this.session.resume();
        }),
    );
  }

  /** Keeps this visit's heart-rate readings (see heartSamples), the oldest dropped past MAX_HEART_SAMPLES. */
  private keepHeartSamples(): void {
    this.subscriptions.add(
      this.heartRate$.subscribe((sample) => {
        // heartRate$ replays its last reading to each subscriber; keep each reading once.
        if (!sample || sample.tMs <= (this.heartSamples.at(-1)?.tMs ?? -Infinity)) return;
        this.heartSamples.push(sample);
        if (this.heartSamples.length > MAX_HEART_SAMPLES) this.heartSamples.splice(0, 1000);
      }),
    );
  }

  /**
   * The simulated person follows the screen, as a real one would, from the moment the virtual strap
   * is connected (in the middle of a set too), and waits where they are while the session is paused.
   */
  private directVirtualPerson(): void {
    const virtual$ = this.devices.source$.pipe(
      map((source) => source.virtual),
      distinctUntilChanged(),
    );
    this.subscriptions.add(
      virtual$
        .pipe(
          switchMap((virtual) =>
            virtual
              ? this.session.state$.pipe(
                  map(activityFor),
                  // The count goes with the telling (a set begun or resumed, the strap connected):
                  // a rep counted after it is no new instruction, which would start the set over.
                  distinctUntilChanged<Activity>(sameTask),
                  goWhenHeard(this.cues?.outputs.speech.talking$ ?? null),
                  map((activity) => ({ virtual, activity })),
                )
              : EMPTY,
          ),
        )
        .subscribe(({ virtual, activity }) => virtual.perform(activity)),
    );
    this.subscriptions.add(
      combineLatest([
        virtual$,
        this.session.state$.pipe(
          map((state) => state.pausedAtMs !== null),
          distinctUntilChanged(),
        ),
      ]).subscribe(([virtual, paused]) => {
        if (paused) virtual?.pause();
        else virtual?.resume();
      }),
    );
  }

  /**
   * Settings changed in another tab are this tab's too: a tab left open with old settings would
   * otherwise write them all back at its next edit.
   */
  private followOtherTabs(events: EventTarget | null): void {
    if (!events) return;
    const onStorage = (event: Event) => {
      // A null key: the whole storage was cleared.
      const key = (event as StorageEvent).key;
      if (key === null || key === SETTINGS_KEY) this.settings.reload();
      if (key === null || key === TUNING_KEY) this.tunings.reload();
    };
    events.addEventListener('storage', onStorage);
    this.subscriptions.add(() => events.removeEventListener('storage', onStorage));
  }

  dispose(): void {
    this.subscriptions.unsubscribe();
    this.cues?.dispose();
    void this.persistence.dispose();
    this.devices.dispose();
  }

  /** Heart rate per set, recovery in each rest, RMSSD before and after: for the summary. */
  heartSummary(): SessionHeart | null {
    const { startedMs, endedMs, completed } = this.session.state;
    if (startedMs === null) return null;
    // After a reload this page heard only the later part of the session: the store has the rest.
    const firstHeardMs = this.heartSamples[0]?.tMs ?? Number.POSITIVE_INFINITY;
    const earlier = this.persistence.heartRateOfSession().filter((s) => s.tMs < firstHeardMs);
    return sessionHeart([...earlier, ...this.heartSamples], completed, startedMs, endedMs ?? this.now());
  }

  /** Ends a rest once the heart rate has recovered, when the person turned that on in the settings. */
  private endRestIfRecovered(): void {
    const settings = this.settings.state;
    if (!settings.endRestOnRecovery || this.session.state.pausedAtMs !== null) return;
    if (mayEndRestEarly(this.session.state, this.heartSamples, maxHeartRate(settings)))
      this.session.recovered();
  }

  /**
   * The sessions stored before, for today's plan, with whether they had all been read when asked for
   * (a plan made from them is made from every session stored); none while a session runs. Read on the
   * summary too: the settings opened from it tell the next session's plan.
   */
  private readForPlan(): Observable<{
    readonly read: boolean;
    readonly history: readonly PastSession[] | null;
  }> {
    const read = this.persistence.history.state.pastRead;
    const { phase } = this.session.state;
    if (phase !== 'ready' && phase !== 'summary') return of({ read, history: null });
    return from(this.persistence.pastSessions()).pipe(map((history) => ({ read, history })));
  }

  private replan({
    read,
    history,
  }: {
    readonly read: boolean;
    readonly history: readonly PastSession[] | null;
  }): void {
    const ready = this.session.state.phase === 'ready';
    if (ready && history) this.plan(history);
    // The summary stays on screen: only what the settings say of the next session's plan is made new.
    else if (history) this.tellPlan(history);
    if (!read) return;
    const startAsked = this.planWait.state === 'start-asked';
    // Over as well when a session began or was resumed meanwhile: nothing waits for this plan, and the
    // next session's Start must not wait for one.
    this.planWait.set('none');
    if (!ready) return;
    // The offer to resume came with the plan, and the person has not seen it yet: a Start tapped
    // before it was no choice between going on with that session and closing it for a new one.
    const offered = this.persistence.history.state.unfinished !== null;
    if (startAsked && !offered) this.session.start();
  }

  /** Today's plan from the settings and the sessions done before, and what progression changed in it. */
  private plan(history: readonly PastSession[]): void {
    const sessionsDid = sessionsPerExercise(history);
    const today = planOf(this.settings.state, history, sessionsDid);
    this.session.reset(today);
    this.tellPlan(history, sessionsDid, today);
  }

  /**
   * What progression changed in today's plan (`today`, made here when not given) and the weights it is
   * time to try heavier, for the start screen and the settings. `sessionsDid` is sessionsPerExercise of
   * `history`: counted once for every plan made of it.
   */
  private tellPlan(
    history: readonly PastSession[],
    sessionsDid = sessionsPerExercise(history),
    today = planOf(this.settings.state, history, sessionsDid),
  ): void {
    const settings = this.settings.state;
    // Read against the targets as set, before any progression: a change is told from what the person set.
    const asSet = planOf({ ...settings, autoProgress: false });
    this.targetChanges.set(settings.autoProgress ? targetChanges(asSet, today, history) : []);
    this.setOffers.set(setOffers(settings, history));
    if (!settings.autoProgress) {
      this.heavierWeights.set([]);
      return;
    }
    // Read of the full session's plan: a short one's single set is not the sets that reached the top.
    const full =
      settings.length === 'full' ? today : planOf({ ...settings, length: 'full' }, history, sessionsDid);
    this.heavierWeights.set(heavierWeightsDue(full, history));
  }

  /** Changes when a set falls due (or ends): each set gets fresh detectors. */
  private setKey$(): Observable<string | null> {
    return this.session.state$.pipe(map(setKey), distinctUntilChanged());
  }

  /** Whether the person is in the position the set's exercise starts in, judged afresh for every set. */
  private positionEvents(): Observable<PositionEvent> {
    return this.setKey$().pipe(
      switchMap((key) => {
        const planned = currentPlanned(this.session.state);
        return key === null || !planned
          ? EMPTY
          : this.posture$.pipe(judgePosition(planned.exercise.startPosture));
      }),
    );
  }

  /**
   * The frames of the device counting the set under way where it is not the one motion is read from
   * for most exercises (a watch in a lat pulldown, or in a superman in the place of a strap given up
   * for lost), with that device: kept beside the main device's, so that the recording of the set has
   * the motion that counted it.
   */
  private setCounterFramesBesideMain(): Observable<{
    readonly source: SourceInfo;
    readonly frame: AccelFrame;
  }> {
    return this.perSetFeed((feed, _planned, source) =>
      feed.accel$ === source.accel$
        ? EMPTY
        : feed.accel$.pipe(map((frame) => ({ source: feed.source, frame }))),
    );
  }

  /** Which way gravity points for the device that counts the set under way, as its frames come. */
  private setTilts(): Observable<PostureReading> {
    return this.perSetFeed((feed) => feed.accel$.pipe(trackPosture(feed.placement)));
  }

  /** A fresh detector for every set, fed by whichever device has an accelerometer. */
  private motionEvents() {
    return this.perSetFeed((feed, planned, source) => {
      const tuning = this.tunings.tuningFor(planned.exercise.id);
      // The spine is in the axes of the device posture is tracked on: the chest strap's.
      const spine = feed.placement === 'chest' && source.info.placement === 'chest' ? this.spine : null;
      const detect = detectMotion(planned.exercise.motionProfile, feed.placement, tuning, spine);
      return feed.accel$.pipe(detectAroundPauses(this.session.state$, detect));
    });
  }

  /** `read` afresh for every set, of the motion feed that counts its exercise, where one does. */
  private perSetFeed<T>(
    read: (feed: MotionFeed, planned: PlannedExercise, source: Source) => Observable<T>,
  ): Observable<T> {
    const setKey$ = this.setKey$();
    return this.devices.source$.pipe(
      switchMap((source) =>
        setKey$.pipe(
          switchMap((key) => {
            const planned = currentPlanned(this.session.state);
            const feed = key === null || !planned ? null : source.motionFor(planned.exercise.id);
            return feed && planned ? read(feed, planned, source) : EMPTY;
          }),
        ),
      ),
    );
  }
}

/** Whether the devices see posture, what they count by themselves, and where the device each exercise is up to is worn. */
interface DevicesSensed {
  readonly seesPosition: boolean;
  readonly exercises: readonly ExerciseId[];
  readonly placements: Partial<Record<ExerciseId, Placement>>;
}

/** All of what the devices sense, as a source published tells it, not its placements alone. */
function isWhole(sensed: Partial<DevicesSensed>): sensed is DevicesSensed {
  return sensed.exercises !== undefined;
}

/** Where the device each exercise is up to is worn (see SessionState.motionPlacements). */
function motionPlacements(source: Source): Partial<Record<ExerciseId, Placement>> {
  const placements: Partial<Record<ExerciseId, Placement>> = {};
  for (const e of PROGRAM) {
    const placement = source.motionFor(e.id)?.placement ?? source.info.placement;
    if (placement) placements[e.id] = placement;
  }
  return placements;
}

/** What the simulated person is asked to do in each phase of the session. */
export function activityFor(state: SessionState): Activity {
  const planned = currentPlanned(state);
  if (state.phase === 'set' && planned) {
    if (state.set?.waiting) return { kind: 'position', exercise: planned.exercise.id };
    const task = { kind: 'exercise', exercise: planned.exercise.id, target: planned.dosage.target } as const;
    // A set resumed with reps counted goes on from them (a hold is timed from its start again).
    const counted = planned.exercise.kind === 'hold' ? 0 : (state.set?.count ?? 0);
    return counted > 0 ? { ...task, alreadyDone: counted } : task;
  }
  // The rest's length as set: the person does not sit up for a rest too short for it.
  if (state.phase === 'rest' && planned) return { kind: 'rest', durationS: planned.dosage.restS };
  if (state.phase === 'rest') return { kind: 'rest' };
  return { kind: 'sit', durationS: 3600 };
}

/** The range of motion an exercise's reps are expected to reach, that corrections are read against. */
function expectedPeakDeg(id: ExerciseId): number | undefined {
  return motionProfile(exerciseById(id).motionProfile, 'chest').reps?.expectedPeakDeg;
}

/** How far from a hold's pose the person moves before its detector ends the hold, as the program expects. */
function holdLeaveDeg(id: ExerciseId): number | undefined {
  return motionProfile(exerciseById(id).motionProfile, 'chest').hold?.leaveDeg;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
