// The composition root: picks the sources, wires sensor → detectors → session → cues, and owns every
// subscription. The UI gets this object and reads its models; it never reaches the sources directly.

import {
  BehaviorSubject,
  distinctUntilChanged,
  EMPTY,
  interval,
  map,
  type Observable,
  of,
  Subscription,
  share,
  shareReplay,
  startWith,
  switchMap,
} from 'rxjs';
import type { MotionEvent } from '../motion/events.ts';
import { detectMotion } from '../motion/index.ts';
import {
  type BluetoothProblem,
  bluetoothOf,
  describeBluetoothError,
  HeartRateStrap,
  requestHeartRateStrap,
} from '../sensors/ble/heart-rate-strap.ts';
import type { AccelFrame, HeartRateSample, SourceInfo } from '../sensors/samples.ts';
import type { Activity } from '../sensors/virtual/choreography.ts';
import { type VirtualPersonStatus, VirtualStrap } from '../sensors/virtual/virtual-strap.ts';
import { Model } from '../workout/model.ts';
import { currentPlanned, type SessionState } from '../workout/session.ts';
import { SessionModel } from '../workout/session-model.ts';

/** One connected device as the app uses it. */
interface Source {
  readonly info: SourceInfo;
  readonly accel$: Observable<AccelFrame> | null;
  readonly heartRate$: Observable<HeartRateSample>;
  readonly connection$: Observable<DeviceState['connection']>;
  readonly malformedPackets$: Observable<number>;
  readonly virtual: VirtualStrap | null;
  disconnect(): void;
}

export interface DeviceState {
  readonly source: SourceInfo | null;
  readonly connection: 'connecting' | 'connected' | 'lost';
  /** The device has an accelerometer, so reps and holds are counted by themselves. */
  readonly countsMotion: boolean;
  readonly malformedPackets: number;
  /** Something to tell the person: no Web Bluetooth, permission denied, a dropped connection. */
  readonly problem: string | null;
  readonly bluetoothAvailable: boolean;
}

export class DeviceModel extends Model<DeviceState> {
  constructor(bluetoothAvailable: boolean) {
    super({
      source: null,
      connection: 'connecting',
      countsMotion: false,
      malformedPackets: 0,
      problem: null,
      bluetoothAvailable,
    });
  }

  update(patch: Partial<DeviceState>): void {
    this.setState({ ...this.state, ...patch });
  }
}

export interface BackbeatOptions {
  readonly now?: () => number;
  readonly navigator?: Navigator;
  /** Seed of the virtual strap's simulated person. */
  readonly seed?: number;
}

const TICK_MS = 250;

export class Backbeat {
  readonly session: SessionModel;
  readonly devices: DeviceModel;
  readonly heartRate$: Observable<HeartRateSample | null>;
  readonly virtualPerson$: Observable<VirtualPersonStatus | null>;
  /** The active device's accelerometer frames, with the device they came from: what the store records. */
  readonly accel$: Observable<{ readonly source: SourceInfo; readonly frame: AccelFrame }>;
  /** What the detectors found, shared by the session and the store so the detectors run once. */
  readonly motion$: Observable<MotionEvent>;

  private readonly now: () => number;
  private readonly source$: BehaviorSubject<Source>;
  private readonly subscriptions = new Subscription();
  private sourceSubscriptions = new Subscription();

  constructor(private readonly options: BackbeatOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.session = new SessionModel(this.now);
    const bluetooth = bluetoothOf(options.navigator ?? navigator);
    this.devices = new DeviceModel(bluetooth !== null);
    this.source$ = new BehaviorSubject(this.createVirtualSource());
    this.heartRate$ = this.source$.pipe(
      switchMap((source) => source.heartRate$.pipe(startWith(null))),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    this.accel$ = this.source$.pipe(
      switchMap((source) => source.accel$?.pipe(map((frame) => ({ source: source.info, frame }))) ?? EMPTY),
      share(),
    );
    this.motion$ = this.motionEvents().pipe(share());
    this.virtualPerson$ = this.source$.pipe(
      switchMap((source) => (source.virtual ? source.virtual.status$ : of(null))),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
  }

  /** Starts the pipeline. The virtual strap is connected until a Bluetooth device replaces it. */
  start(): void {
    this.subscriptions.add(interval(TICK_MS).subscribe(() => this.session.tick()));
    this.subscriptions.add(this.source$.subscribe((source) => this.watchSource(source)));
    this.subscriptions.add(this.motion$.subscribe((event) => this.session.handleMotion(event)));
    this.subscriptions.add(this.heartRate$.subscribe());
    // The simulated person follows the screen, as a real one would.
    this.subscriptions.add(
      this.session.state$
        .pipe(
          map(activityFor),
          distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        )
        .subscribe((activity) => this.source$.value.virtual?.perform(activity)),
    );
  }

  dispose(): void {
    this.subscriptions.unsubscribe();
    this.sourceSubscriptions.unsubscribe();
    this.source$.value.disconnect();
  }

  /** Must be called from a click or tap: the browser shows its device chooser. */
  async connectBluetoothStrap(): Promise<void> {
    const bluetooth = bluetoothOf(this.options.navigator ?? navigator);
    let strap: HeartRateStrap;
    try {
      const device = await requestHeartRateStrap(bluetooth);
      strap = new HeartRateStrap(device, this.now);
      this.replaceSource({
        info: strap.info,
        accel$: null,
        heartRate$: strap.heartRate$,
        connection$: strap.connection$,
        malformedPackets$: strap.malformedPackets$,
        virtual: null,
        disconnect: () => strap.disconnect(),
      });
      await strap.connect();
    } catch (error) {
      const problem: BluetoothProblem = describeBluetoothError(error);
      // Closing the chooser is a choice, not a failure: go quietly back.
      this.devices.update({ problem: problem.kind === 'cancelled' ? null : problem.message });
    }
  }

  useVirtualStrap(): void {
    if (this.source$.value.virtual) return;
    this.replaceSource(this.createVirtualSource());
  }

  dismissProblem(): void {
    this.devices.update({ problem: null });
  }

  private replaceSource(source: Source): void {
    this.source$.value.disconnect();
    this.source$.next(source);
  }

  private watchSource(source: Source): void {
    this.sourceSubscriptions.unsubscribe();
    this.sourceSubscriptions = new Subscription();
    this.devices.update({
      source: source.info,
      countsMotion: source.accel$ !== null,
      malformedPackets: 0,
      problem: null,
    });
    this.sourceSubscriptions.add(
      source.connection$.subscribe((connection) => this.devices.update({ connection })),
    );
    this.sourceSubscriptions.add(
      source.malformedPackets$.subscribe((malformedPackets) => this.devices.update({ malformedPackets })),
    );
  }

  /** A fresh detector for every set, fed by whichever device has an accelerometer. */
  private motionEvents() {
    const setKey$ = this.session.state$.pipe(
      map((state) =>
        state.phase === 'set' && state.set ? `${state.exerciseIndex}/${state.set.setNumber}` : null,
      ),
      distinctUntilChanged(),
    );
    return this.source$.pipe(
      switchMap((source) =>
        setKey$.pipe(
          switchMap((key) => {
            const planned = currentPlanned(this.session.state);
            if (key === null || !planned || !source.accel$ || !source.info.placement) return EMPTY;
            return source.accel$.pipe(detectMotion(planned.exercise.motionProfile, source.info.placement));
          }),
        ),
      ),
    );
  }

  private createVirtualSource(): Source {
    const strap = new VirtualStrap({ seed: this.options.seed ?? 1, now: this.now });
    return {
      info: strap.info,
      accel$: strap.accel$,
      heartRate$: strap.heartRate$,
      connection$: of('connected' as const),
      malformedPackets$: of(0),
      virtual: strap,
      disconnect: () => {},
    };
  }
}

/** What the simulated person is asked to do in each phase of the session. */
export function activityFor(state: SessionState): Activity {
  const planned = currentPlanned(state);
  if (state.phase === 'set' && planned) {
    return { kind: 'exercise', exercise: planned.exercise.id, target: planned.dosage.target };
  }
  if (state.phase === 'rest') return { kind: 'rest' };
  return { kind: 'sit', durationS: 3600 };
}
