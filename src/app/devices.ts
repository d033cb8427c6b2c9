// Which device feeds the app, and how it is doing. The virtual strap is connected until the person
// picks a Bluetooth device; the session reads heart rate and motion from whichever source is active.

import { BehaviorSubject, type Observable, of, Subscription } from 'rxjs';
import {
  type BluetoothProblem,
  bluetoothOf,
  describeBluetoothError,
  HeartRateStrap,
  requestHeartRateStrap,
} from '../sensors/ble/heart-rate-strap.ts';
import type { AccelFrame, HeartRateSample, SourceInfo } from '../sensors/samples.ts';
import { VirtualStrap } from '../sensors/virtual/virtual-strap.ts';
import { Model } from '../workout/model.ts';

/** One connected device as the app uses it. */
export interface Source {
  readonly info: SourceInfo;
  readonly accel$: Observable<AccelFrame> | null;
  readonly heartRate$: Observable<HeartRateSample>;
  readonly connection$: Observable<DeviceState['connection']>;
  readonly malformedPackets$: Observable<number>;
  /** Set for the virtual strap, whose simulated person the app tells what to do. */
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

export interface DevicesOptions {
  readonly now: () => number;
  readonly navigator: Navigator;
  /** Seed of the virtual strap's simulated person. */
  readonly seed: number;
}

export class Devices extends Model<DeviceState> {
  private readonly source: BehaviorSubject<Source>;
  readonly source$: Observable<Source>;
  private sourceSubscriptions = new Subscription();

  constructor(private readonly options: DevicesOptions) {
    super({
      source: null,
      connection: 'connecting',
      countsMotion: false,
      malformedPackets: 0,
      problem: null,
      bluetoothAvailable: bluetoothOf(options.navigator) !== null,
    });
    this.source = new BehaviorSubject(this.createVirtualSource());
    this.source$ = this.source.asObservable();
    this.watch(this.source.value);
  }

  get active(): Source {
    return this.source.value;
  }

  /** Must be called from a click or tap: the browser shows its device chooser. */
  async connectBluetoothStrap(): Promise<void> {
    try {
      const device = await requestHeartRateStrap(bluetoothOf(this.options.navigator));
      const strap = new HeartRateStrap(device, this.options.now);
      this.replace({
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
      this.update({ problem: problem.kind === 'cancelled' ? null : problem.message });
    }
  }

  useVirtualStrap(): void {
    if (this.source.value.virtual) return;
    this.replace(this.createVirtualSource());
  }

  dismissProblem(): void {
    this.update({ problem: null });
  }

  dispose(): void {
    this.sourceSubscriptions.unsubscribe();
    this.source.value.disconnect();
  }

  private update(patch: Partial<DeviceState>): void {
    this.setState({ ...this.state, ...patch });
  }

  private replace(source: Source): void {
    this.source.value.disconnect();
    this.watch(source);
    this.source.next(source);
  }

  private watch(source: Source): void {
    this.sourceSubscriptions.unsubscribe();
    this.sourceSubscriptions = new Subscription();
    this.update({
      source: source.info,
      countsMotion: source.accel$ !== null,
      malformedPackets: 0,
      problem: null,
    });
    this.sourceSubscriptions.add(source.connection$.subscribe((connection) => this.update({ connection })));
    this.sourceSubscriptions.add(
      source.malformedPackets$.subscribe((malformedPackets) => this.update({ malformedPackets })),
    );
  }

  private createVirtualSource(): Source {
    const strap = new VirtualStrap({ seed: this.options.seed, now: this.options.now });
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
