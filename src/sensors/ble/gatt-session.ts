// One Bluetooth device for as long as the page lives: connect, run its profiles, and when the link
// drops, reconnect to the same BluetoothDevice with backoff, rediscover, resubscribe and restart
// streams. After a drop every attribute object is dead and notifications in the gap are lost;
// no chooser is needed to reconnect (PROTOCOLS.md §6 [WB-SPEC]).

import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import { protocolForCharacteristic, type RecordedPacket, recordPacket } from '../../protocol/recording.ts';
import type { ParseError } from '../../protocol/result.ts';
import type { AccelFrame, HeartRateSample } from '../samples.ts';
import { PacketDecoder } from './decoder.ts';
import { BLUETOOTH_WORDS, BluetoothProblem, describeBluetoothError } from './errors.ts';
import { failureOnDemand, GattLink } from './gatt-link.ts';
import { GattQueue } from './gatt-queue.ts';
import { deviceProblem } from './problems.ts';
import type { DeviceDetails, DeviceProblem, Profile, ProfileContext, ProfileOutput } from './profile.ts';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'lost';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface GattSessionOptions {
  readonly now: () => number;
  readonly timers?: Timers;
  /** Wait before each reconnection attempt; the last value repeats. */
  readonly reconnectDelaysMs?: readonly number[];
  /** How long after a drop the session gives up and reports the device lost (see RECONNECT_WINDOW_MS). */
  readonly reconnectWindowMs?: number;
  /** No heart rate and no motion this long after connecting: say so. */
  readonly noDataTimeoutMs?: number;
  /** How long the connection step of an attempt may take before it is given up (see CONNECT_TIMEOUT_MS). */
  readonly connectTimeoutMs?: number;
}

export const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000] as const;
/**
 * 0.5 + 1 + 2 + 4 + 8 × 8 s, the first twelve waits: a bit more than a minute out of range before
 * it is called lost, and the person is told what to do. Counted in time, not attempts, for an
 * attempt may take up to ATTEMPT_TIMEOUT_MS: twelve of those would have kept the person waiting
 * minutes. Attempts go on as the delays say within it.
 */
export const RECONNECT_WINDOW_MS = 71_500;
export const NO_DATA_TIMEOUT_MS = 10_000;
/**
 * A device may never answer gatt.connect() (nothing in the spec ends it): the attempt is given up
 * after this long, so that the tries after it still come. Longer than a connection takes (a few
 * seconds), shorter than Android's own limit of about 30 s.
 */
export const CONNECT_TIMEOUT_MS = 20_000;
/**
 * The whole attempt, from gatt.connect() to streams running: a device may also stop answering in the
 * middle of its setup (a service, a characteristic, its notifications), and nothing of ours would end
 * an attempt waiting for that answer, nor make the tries after it. The connection's 20 s, the 10 s a
 * Polar control point is given to answer (a motion stream failing so leaves the heart rate working),
 * and 5 s for the rest of the setup, a Bangle's 1.5 s reset among it.
 */
export const ATTEMPT_TIMEOUT_MS = 35_000;
/**
 * How long a close waits for the setup under way and the stop after it before it lets the device go
 * regardless: a device that stopped answering in the middle of its setup would otherwise keep the
 * person who let it go waiting out ATTEMPT_TIMEOUT_MS, the device connected all along. A Bangle's
 * 1.5 s reset wait and the few writes of its stop fit in it.
 */
export const LET_GO_TIMEOUT_MS = 2_000;
/** About 2.5 h of an H10 at 200 Hz plus heart rate; the start (stream context) is what is kept. */
export const MAX_RECORDED_PACKETS = 50_000;

/** The page's own timers, which a test's fake clock stands in for. */
export const browserTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class GattSession {
  readonly connection$ = new BehaviorSubject<ConnectionState>('connecting');
  readonly battery$ = new BehaviorSubject<number | null>(null);
  readonly malformedPackets$ = new BehaviorSubject(0);
  readonly details$ = new BehaviorSubject<DeviceDetails>({});
  readonly heartRate$: Observable<HeartRateSample>;
  /** When a watch's heart sensor gave a reading it is unsure of: it is still finding the pulse. */
  readonly pulseSought$: Observable<number>;
  readonly accel$: Observable<AccelFrame>;
  /** When a watch was found holding a reading it did not send: its motion stream has stopped. */
  readonly motionUnsent$: Observable<number>;
  readonly problem$: Observable<DeviceProblem>;
  /** How long each successful reconnection took, from the drop to streams running again. */
  readonly reconnectTimesMs: number[] = [];

  private readonly heartRates = new Subject<HeartRateSample>();
  private readonly pulseSearches = new Subject<number>();
  private readonly frames = new Subject<AccelFrame>();
  private readonly unsentMotion = new Subject<number>();
  private readonly problems = new Subject<DeviceProblem>();
  private readonly queue = new GattQueue();
  private readonly decoder: PacketDecoder;
  private readonly timers: Timers;
  private link: GattLink | null = null;
  private context: ProfileContext | null = null;
  private closed = false;
  private generation = 0;
  private attempt = 0;
  /** Reconnection attempts begun since the page loaded: which one is the latest. */
  private attemptsBegun = 0;
  private droppedAtMs = 0;
  private retryTimer: unknown = null;
  private giveUpTimer: unknown = null;
  private watchdog: unknown = null;
  private dataSinceConnect = false;
  private suspended = false;
  private streamsChanged: Promise<void> = Promise.resolve();
  /** The profiles' setup on the latest connection, settled whatever its outcome. */
  private settingUp: Promise<void> = Promise.resolve();
  private closing: Promise<void> | null = null;

  constructor(
    readonly device: BluetoothDevice,
    private readonly profiles: readonly Profile[],
    private readonly options: GattSessionOptions,
  ) {
    this.timers = options.timers ?? browserTimers;
    this.heartRate$ = this.heartRates.asObservable();
    this.pulseSought$ = this.pulseSearches.asObservable();
    this.accel$ = this.frames.asObservable();
    this.motionUnsent$ = this.unsentMotion.asObservable();
    this.problem$ = this.problems.asObservable();
    const output: ProfileOutput = {
      heartRate: (sample) => {
        this.dataSinceConnect = true;
        this.heartRates.next(sample);
      },
      pulseSought: (tMs) => {
        this.dataSinceConnect = true;
        this.pulseSearches.next(tMs);
      },
      accel: (frame) => {
        this.dataSinceConnect = true;
        this.frames.next(frame);
      },
      motionUnsent: (tMs) => this.unsentMotion.next(tMs),
      battery: (percent) => this.battery$.next(percent),
      malformed: (_error: ParseError) => this.malformedPackets$.next(this.malformedPackets$.value + 1),
      problem: (problem) => this.problems.next(problem),
      details: (patch) => this.details$.next({ ...this.details$.value, ...patch }),
    };
    this.output = output;
    this.decoder = new PacketDecoder(output, this.record);
  }

  private readonly output: ProfileOutput;
  private readonly packets: RecordedPacket[] = [];

  /** Every notification and write so far (bytes and receive time), for a recording. */
  get recordedPackets(): readonly RecordedPacket[] {
    return this.packets;
  }

  private readonly record = (
    direction: 'notify' | 'write',
    characteristic: string,
    bytes: Uint8Array,
    tMs: number,
  ): void => {
    const protocol = protocolForCharacteristic(characteristic);
    if (!protocol || this.packets.length >= MAX_RECORDED_PACKETS) return;
    this.packets.push(
      recordPacket(protocol, bytes, tMs, {
        characteristic,
        direction,
        device: this.device.name || this.device.id,
      }),
    );
  };

  get state(): ConnectionState {
    return this.connection$.value;
  }

  /** The first connection. Throws a BluetoothProblem when it fails (the state is then 'lost'). */
  async connect(): Promise<void> {
    this.device.addEventListener('gattserverdisconnected', this.onDisconnected);
    if (this.connection$.value !== 'connecting') this.connection$.next('connecting');
    try {
      await this.establish();
      await this.stopIfHidden();
    } catch (error) {
      // Let go meanwhile, the close disconnects once its stop is written, and says 'lost' then: a
      // forget() on that word would cut the stop short. What the abandoned connection ended with (the
      // AbortError of a connection given up, an answer come too late) is the person's own choice.
      if (this.closed) throw new BluetoothProblem('cancelled', BLUETOOTH_WORDS['let-go']);
      this.connection$.next('lost');
      this.device.removeEventListener('gattserverdisconnected', this.onDisconnected);
      if (this.device.gatt?.connected) this.device.gatt.disconnect();
      throw describeBluetoothError(error);
    }
  }

  /** Stops device-side streams, then disconnects for good. */
  close(): Promise<void> {
    this.closing ??= this.letGo();
    return this.closing;
  }

  private async letGo(): Promise<void> {
    this.closed = true;
    this.clearTimers();
    this.device.removeEventListener('gattserverdisconnected', this.onDisconnected);
    // Not connected, a connection the browser may still be making is given up, its gatt.connect()
    // rejecting with AbortError [WB-SPEC disconnect()]: at once as the spec has it, in Chromium (156)
    // once its attempt ends, with no link made. There is nothing on the device to stop.
    if (!this.device.gatt?.connected) this.device.gatt?.disconnect();
    // Cut short once its time is up: the operation the device does not answer fails with the link, and
    // the answers that come after it go nowhere.
    const limit = new TimeLimit(this.timers, LET_GO_TIMEOUT_MS, () => this.link?.close());
    limit.start();
    await limit.race(this.stopBeforeLettingGo()).catch(() => undefined);
    limit.end();
    this.link?.close();
    for (const p of this.profiles) p.reset?.();
    if (this.device.gatt?.connected) this.device.gatt.disconnect();
    this.connection$.next('lost');
    this.heartRates.complete();
    this.pulseSearches.complete();
    this.frames.complete();
    this.unsentMotion.complete();
  }

  /**
   * After the setup under way (see ProfileContext.closed) and in turn with a hide's stop and a show's
   * upload: a stop written in between a Bangle's upload chunks garbles both, and the heart sensor stays
   * on. With no stop to write, a setup that stopped answering is not waited for.
   */
  private async stopBeforeLettingGo(): Promise<void> {
    if (this.profiles.some((p) => p.stop)) await this.settingUp;
    await this.changeStreams(() => this.stopStreams());
  }

  /** After the session gave up ('lost'): try again on the same device, without the chooser. */
  retry(): void {
    if (this.closed || this.connection$.value !== 'lost') return;
    this.startReconnecting();
  }

  /**
   * After the session gave up ('lost'): one attempt on the same device, without the chooser, that
   * leaves it 'lost' unless it reaches the device. True when it did.
   */
  async tryOnce(): Promise<boolean> {
    if (this.closed || this.connection$.value !== 'lost') return false;
    try {
      await this.establish();
      await this.stopIfHidden();
      return this.state === 'connected';
    } catch {
      return false;
    }
  }

  /** The page is hidden: stop streams the device would keep running (PMD), stay connected. */
  async suspendStreams(): Promise<void> {
    if (this.suspended) return;
    this.suspended = true;
    // A device still being set up is stopped once it is (see stopIfHidden): a stop written now would
    // go in between the writes of its setup, a Bangle's upload among them.
    await this.changeStreams(() => (this.state === 'connected' ? this.stopStreams() : Promise.resolve()));
  }

  /** The page is back: start what was stopped. */
  async resumeStreams(): Promise<void> {
    if (!this.suspended) return;
    this.suspended = false;
    await this.changeStreams(async () => {
      const context = this.context;
      // Not connected, the reconnection starts every stream itself; let go, the device is stopped
      // next and needs nothing uploaded first.
      if (this.closed || !context?.link.connected) return;
      for (const p of this.profiles) await p.resume?.(context).catch(() => undefined);
    });
  }

  /**
   * One stop or start of the streams after another, the close's stop among them: a page hidden and
   * shown at once would otherwise write a Bangle's upload in between the chunks of its stop, garbling
   * both.
   */
  private changeStreams(change: () => Promise<void>): Promise<void> {
    const changed = this.streamsChanged.then(change).catch(() => undefined);
    this.streamsChanged = changed;
    return changed;
  }

  /**
   * A device just set up while the page is hidden is stopped, in turn with a show's start, and only
   * if the page is still hidden when its turn comes.
   */
  private stopIfHidden(): Promise<void> {
    if (!this.suspended) return Promise.resolve();
    return this.changeStreams(async () => {
      if (this.suspended) await this.stopStreams();
    });
  }

  private async stopStreams(): Promise<void> {
    const context = this.context;
    if (!context?.link.connected) return;
    for (const p of this.profiles) await p.stop?.(context).catch(() => undefined);
  }

  /**
   * Connects and runs every profile; a required profile's failure fails the whole attempt, and
   * what it set up is undone unless another attempt (or a drop) began meanwhile: that is its own.
   */
  private async establish(): Promise<void> {
    const generation = ++this.generation;
    try {
      await this.setUp(generation);
    } catch (error) {
      if (generation === this.generation && !this.closed) {
        this.link?.close();
        this.decoder.reset();
        for (const p of this.profiles) p.reset?.();
      }
      throw error;
    }
  }

  private async setUp(generation: number): Promise<void> {
    const gatt = this.device.gatt;
    if (!gatt) throw new Error('This device offers no GATT server.');
    // Aborted as the connection step is (see connectInTime): the device gets no more of this attempt.
    const attemptLimit = new TimeLimit(this.timers, ATTEMPT_TIMEOUT_MS, () => gatt.disconnect());
    try {
      const server = await this.queue.run(() => {
        // From the connection's start, not from the wait behind an attempt still under way.
        attemptLimit.start();
        return this.connectInTime(gatt);
      });
      const settingUp = attemptLimit.race(this.setUpConnected(generation, server, attemptLimit));
      this.settingUp = settingUp.then(
        () => undefined,
        () => undefined,
      );
      await settingUp;
    } finally {
      attemptLimit.end();
    }
  }

  /** Everything after gatt.connect(): the profiles set up on a fresh link, then 'connected'. */
  private async setUpConnected(
    generation: number,
    server: BluetoothRemoteGATTServer,
    attemptLimit: TimeLimit,
  ): Promise<void> {
    // Connected only after the app let it go: that close is over or under way without this connection,
    // which nothing else would end.
    if (this.closed) void this.closing?.then(() => server.disconnect());
    this.checkCurrent(generation);
    this.link?.close();
    const link = new GattLink(server, this.queue, (uuid, bytes) =>
      this.decoder.wrote(uuid, bytes, this.options.now()),
    );
    this.link = link;
    const context: ProfileContext = {
      link,
      out: this.output,
      decoder: this.decoder,
      now: this.options.now,
      sleep: (ms) => new Promise((resolve) => this.timers.setTimeout(resolve, ms)),
      closed: () => this.closed,
    };
    this.context = context;
    this.dataSinceConnect = false;
    for (const profile of this.profiles) {
      try {
        await profile.start(context);
      } catch (error) {
        if (profile.required || !link.connected) throw error;
        // An optional service that misbehaves (battery, device info) costs nothing but its reading.
      }
    }
    this.checkCurrent(generation);
    // Answered at last, after the attempt was given up and the device disconnected.
    if (attemptLimit.isOver) throw new Error('The attempt was given up before the device was set up.');
    this.attempt = 0;
    // Reached by a try of its own while the person's Reconnect waited to begin: the attempt it
    // scheduled would set the device up a second time.
    this.clearReconnectTimers();
    this.connection$.next('connected');
    this.armWatchdog();
  }

  /** gatt.connect(), failed as a device that did not answer once CONNECT_TIMEOUT_MS has passed. */
  private async connectInTime(gatt: BluetoothRemoteGATTServer): Promise<BluetoothRemoteGATTServer> {
    const limit = new TimeLimit(this.timers, this.options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, () =>
      // Aborts the attempt the browser still has under way [WB-SPEC disconnect()]; Chromium ends it
      // with no link once the device answers (see letGo).
      gatt.disconnect(),
    );
    limit.start();
    try {
      return await limit.race(gatt.connect());
    } finally {
      limit.end();
    }
  }

  /** A drop (or close) during setup makes the rest of it pointless; the caller retries. */
  private checkCurrent(generation: number): void {
    if (generation !== this.generation || this.closed) {
      throw new Error('The connection dropped while it was being set up.');
    }
  }

  private readonly onDisconnected = (): void => {
    if (this.closed) return;
    this.generation++;
    this.link?.close();
    this.link = null;
    this.context = null;
    this.decoder.reset();
    for (const p of this.profiles) p.reset?.();
    if (this.watchdog !== null) this.timers.clearTimeout(this.watchdog);
    // Only a device that was set up starts a time of tries. One that drops while an attempt sets it up
    // fails that attempt, and the tries go on as they were: those of the time under way
    // ('reconnecting'), none after a first connection that fails ('connecting'), the app's own after
    // a device given up on ('lost'), which is not to be told lost a second time.
    if (this.connection$.value !== 'connected') return;
    this.startReconnecting();
  };

  /** Attempts with backoff from now, until RECONNECT_WINDOW_MS has passed with none reaching the device. */
  private startReconnecting(): void {
    this.droppedAtMs = this.options.now();
    this.attempt = 0;
    this.connection$.next('reconnecting');
    if (this.giveUpTimer !== null) this.timers.clearTimeout(this.giveUpTimer);
    this.giveUpTimer = this.timers.setTimeout(
      () => this.giveUp(),
      this.options.reconnectWindowMs ?? RECONNECT_WINDOW_MS,
    );
    this.scheduleReconnect();
  }

  /**
   * Out of reach for the whole window, whatever its attempts did: the person is told now. An attempt
   * under way may still reach the device; none follows it.
   */
  private giveUp(): void {
    this.giveUpTimer = null;
    if (this.closed || this.connection$.value !== 'reconnecting') return;
    this.clearReconnectTimers();
    this.connection$.next('lost');
    this.problems.next(deviceProblem('connection-lost', { device: this.device.name }));
  }

  private scheduleReconnect(): void {
    const delays = this.options.reconnectDelaysMs ?? RECONNECT_DELAYS_MS;
    const delay = delays[Math.min(this.attempt, delays.length - 1)];
    this.attempt++;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.reconnect();
    }, delay);
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    const attempt = ++this.attemptsBegun;
    try {
      await this.establish();
      if (this.connection$.value === 'connected') {
        this.reconnectTimesMs.push(this.options.now() - this.droppedAtMs);
        await this.stopIfHidden();
      }
    } catch {
      // Given up meanwhile (see giveUp), or another attempt reached the device or began (one from
      // before the give-up, failing after Reconnect's began): the next is not this one's to schedule.
      if (this.closed || this.connection$.value !== 'reconnecting' || attempt !== this.attemptsBegun) return;
      this.scheduleReconnect();
    }
  }

  private armWatchdog(): void {
    if (this.watchdog !== null) this.timers.clearTimeout(this.watchdog);
    const timeout = this.options.noDataTimeoutMs ?? NO_DATA_TIMEOUT_MS;
    this.watchdog = this.timers.setTimeout(() => {
      this.watchdog = null;
      if (this.dataSinceConnect || this.closed || this.connection$.value !== 'connected') return;
      this.problems.next(deviceProblem('no-data', { device: this.device.name }));
    }, timeout);
  }

  private clearReconnectTimers(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    if (this.giveUpTimer !== null) this.timers.clearTimeout(this.giveUpTimer);
    this.retryTimer = null;
    this.giveUpTimer = null;
  }

  private clearTimers(): void {
    this.clearReconnectTimers();
    if (this.watchdog !== null) this.timers.clearTimeout(this.watchdog);
    this.watchdog = null;
  }
}

/**
 * A time limit on what the browser has under way for a device that may never answer: once it is
 * over, that is aborted, and what was raced against the limit fails as a device that did not answer.
 */
class TimeLimit {
  private timer: unknown = null;
  private passed = false;
  private readonly expired = failureOnDemand();

  constructor(
    private readonly timers: Timers,
    private readonly limitMs: number,
    private readonly abort: () => void,
  ) {}

  get isOver(): boolean {
    return this.passed;
  }

  start(): void {
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.passed = true;
      // Failed first: the abort ends the work raced against the limit too (a connection given up
      // rejects with AbortError), and the limit is what ended it.
      this.expired.fail(new BluetoothProblem('failed', BLUETOOTH_WORDS['no-answer']));
      this.abort();
    }, this.limitMs);
  }

  /** `work`, unless the limit is over first. */
  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.expired.failed]);
  }

  end(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
