// Polar Measurement Data (H10, Verity Sense, OH1): the accelerometer stream (PROTOCOLS.md §2).
// Setup order: notifications on the control point, feature read, notifications on data, and only
// then commands [P-PMD clientReady; FST §3; P-ISS #287/#360].

import {
  buildGetMeasurementSettings,
  buildStartMeasurement,
  buildStopMeasurement,
  choosePmdStartSettings,
  type PmdAccWish,
  PmdMeasurementType,
  PmdOpCode,
  type PmdResponse,
  type PmdStartOutcome,
  parsePmdFeatures,
  parsePmdSettings,
  pmdStartOutcome,
} from '../../protocol/polar-pmd.ts';
import { PMD_CONTROL_POINT, PMD_DATA, PMD_SERVICE } from '../../protocol/uuids.ts';
import type { PmdControlEvent } from './decoder.ts';
import { deviceProblem } from './problems.ts';
import type { Profile, ProfileContext } from './profile.ts';

const ACC = PmdMeasurementType.ACC;

/** 50 Hz is plenty for trunk tilt and costs a quarter of 200 Hz; 8 G is both devices' default
 * range [P-H10, P-VS]. The device's own offer decides: Verity Sense gets its 52 Hz. */
export const PMD_ACC_WISH: PmdAccWish = { sampleRateHz: 50, rangeG: 8 };

/** The SDK waits 30 s for a response [P-PMD]; a person waiting at the screen should not. */
const RESPONSE_TIMEOUT_MS = 10_000;

/** The sensor did not answer a command on the control point in time. */
class NoAnswerError extends Error {
  constructor(opCode: number) {
    super(`no answer from the sensor to command 0x${opCode.toString(16)}`);
  }
}

interface Waiter {
  readonly opCode: number;
  readonly resolve: (response: PmdResponse) => void;
  readonly reject: (error: Error) => void;
}

export class PolarPmdProfile implements Profile {
  readonly id = 'polar-pmd';
  readonly services = [PMD_SERVICE];
  readonly required = true;

  private controlPoint: BluetoothRemoteGATTCharacteristic | null = null;
  private waiters: Waiter[] = [];
  private context: ProfileContext | null = null;
  private streaming = false;

  constructor(private readonly wish: PmdAccWish = PMD_ACC_WISH) {}

  async start(context: ProfileContext): Promise<void> {
    const { link, decoder, now } = context;
    this.context = context;
    const service = await link.service(PMD_SERVICE);
    const cp = service && (await link.characteristic(service, PMD_CONTROL_POINT));
    const data = service && (await link.characteristic(service, PMD_DATA));
    // Without PMD (or its accelerometer, below) the strap is a heart-rate strap still: it stays, counted by hand.
    if (!service || !cp || !data)
      return this.failed(context, 'the sensor offers no measurement data service');
    this.controlPoint = cp;
    let featureBytes: Uint8Array;
    try {
      await link.subscribe(cp, (bytes) =>
        this.onControlEvent(decoder.notify(PMD_CONTROL_POINT, bytes, now())),
      );
      featureBytes = await link.read(cp);
    } catch (error) {
      return this.failedOn(context, error);
    }
    const features = parsePmdFeatures(featureBytes);
    // The H10 reads `0F 05 …` (ECG + ACC) [FST]; an unreadable bitmap is not a reason to give up.
    if (features.ok && !features.value.acc) return this.failed(context, 'the sensor has no accelerometer');
    try {
      await link.subscribe(data, (bytes) => decoder.notify(PMD_DATA, bytes, now()));
      await this.startAcc(context);
    } catch (error) {
      this.failedOn(context, error);
    }
  }

  async stop(context: ProfileContext): Promise<void> {
    if (!this.streaming || !this.controlPoint || !context.link.connected) return;
    this.streaming = false;
    // Left running, the H10 stays awake until its battery dies, even off the strap [P-KI; P-ISS #148].
    await this.command(context, buildStopMeasurement(ACC), PmdOpCode.STOP_MEASUREMENT).catch(() => undefined);
  }

  /** Starts the stream again, after the page was hidden (its streams were stopped then). */
  async resume(): Promise<void> {
    if (this.context && !this.streaming && this.context.link.connected) await this.startAcc(this.context);
  }

  reset(): void {
    this.streaming = false;
    this.controlPoint = null;
    for (const w of this.waiters) w.reject(new Error('The connection dropped.'));
    this.waiters = [];
  }

  private async startAcc(context: ProfileContext): Promise<void> {
    const settingsResponse = await this.command(
      context,
      buildGetMeasurementSettings(ACC),
      PmdOpCode.GET_MEASUREMENT_SETTINGS,
    );
    if (settingsResponse.status !== 0) {
      return this.failed(context, `the sensor refused to list its settings (${settingsResponse.statusName})`);
    }
    const chosen = choosePmdStartSettings(parsePmdSettings(settingsResponse.parameters).settings, this.wish);
    if (!chosen.ok) return this.failed(context, chosen.error.message);
    const start = buildStartMeasurement(ACC, chosen.value);
    if (!start.ok) return this.failed(context, start.error.message);
    let outcome: PmdStartOutcome = pmdStartOutcome(
      await this.command(context, start.value, PmdOpCode.REQUEST_MEASUREMENT_START),
    );
    if (outcome.kind === 'already-running') {
      // After a reconnect the old stream may still run: stop it, then start [P-PMD codes; P-KI].
      await this.command(context, buildStopMeasurement(ACC), PmdOpCode.STOP_MEASUREMENT);
      outcome = pmdStartOutcome(
        await this.command(context, start.value, PmdOpCode.REQUEST_MEASUREMENT_START),
      );
    }
    switch (outcome.kind) {
      case 'started':
        this.streaming = true;
        context.out.details({ sampleRateHz: chosen.value.SAMPLE_RATE, rangeG: chosen.value.RANGE });
        return;
      case 'mtu-too-small':
        // Status 10: Web Bluetooth cannot ask for a bigger MTU (PROTOCOLS.md §2.9 [P-ISS #222]).
        context.out.problem(deviceProblem('mtu-too-small'));
        return;
      case 'charging':
        context.out.problem(deviceProblem('charging'));
        return;
      case 'already-running':
        return this.failed(context, 'the sensor kept its old stream running');
      case 'failed':
        return this.failed(context, `the sensor refused the start (${outcome.statusName})`);
    }
  }

  /**
   * A command or subscription of the motion stream failed on a link still up: the strap's heart rate
   * works without it, so the device stays, counted by hand. A dropped link is the session's to retry.
   */
  private failedOn(context: ProfileContext, error: unknown): void {
    if (!context.link.connected) throw error;
    this.failed(
      context,
      error instanceof NoAnswerError
        ? 'the sensor did not answer'
        : 'the sensor did not take a Bluetooth command',
    );
  }

  private failed(context: ProfileContext, why: string): void {
    context.out.problem(deviceProblem('stream-failed', { why }));
  }

  private command(context: ProfileContext, bytes: Uint8Array, opCode: number): Promise<PmdResponse> {
    const cp = this.controlPoint;
    if (!cp) return Promise.reject(new Error('not connected'));
    return new Promise<PmdResponse>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waiter: Waiter = {
        opCode,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new NoAnswerError(opCode));
      }, RESPONSE_TIMEOUT_MS);
      this.waiters.push(waiter);
      context.link.write(cp, bytes).catch((error: unknown) => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  private onControlEvent(event: PmdControlEvent | null): void {
    if (!event) return;
    if (event.kind === 'response') {
      // Responses are matched to commands by opcode, as the SDK does [P-PMD sendPmdCommand].
      const index = this.waiters.findIndex((w) => w.opCode === event.response.opCode);
      if (index < 0) return;
      const [waiter] = this.waiters.splice(index, 1);
      waiter.resolve(event.response);
      return;
    }
    if (event.types.includes(ACC) && this.streaming && this.context) {
      // The sensor ended the stream itself (ONLINE_MEASUREMENT_STOPPED [P-PMD]): start it again.
      this.streaming = false;
      const context = this.context;
      context.out.problem(deviceProblem('stream-stopped'));
      this.startAcc(context).catch((error: unknown) => {
        if (context.link.connected) this.failedOn(context, error);
      });
    }
  }
}
