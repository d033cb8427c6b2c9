// Bytes → readings for every characteristic we stream, shared by live devices and the replay of a
// recording, so that a bug report replays through exactly the code that met the bytes live.
// Stream context (PMD rate and factor) is learnt from the commands written and their responses, as
// protocol/recording.ts does offline.

import { LineFramer, parseBangleLine } from '../../protocol/bangle.ts';
import { parseBatteryLevel } from '../../protocol/battery.ts';
import { parseHeartRateMeasurement } from '../../protocol/heart-rate.ts';
import { parseInfiniTimeMotion } from '../../protocol/infinitime.ts';
import { parseMicrobitAccelerometer } from '../../protocol/microbit.ts';
import {
  PMD_FEATURE_READ_CODE,
  PmdMeasurementType,
  PmdOpCode,
  type PmdResponse,
  PmdResponseAssembler,
  parsePmdCommand,
  parsePmdControlPointNotification,
  pmdFactorFromStartParameters,
} from '../../protocol/polar-pmd.ts';
import { PmdStreamDecoder, pmdSampleSpacingMs } from '../../protocol/polar-pmd-data.ts';
import * as uuids from '../../protocol/uuids.ts';
import { deviceProblem } from './problems.ts';
import type { ProfileOutput } from './profile.ts';

export type DecoderOutput = Pick<
  ProfileOutput,
  'heartRate' | 'pulseSought' | 'accel' | 'battery' | 'malformed' | 'problem'
>;

/** Sees every packet before it is parsed, to record a session for a bug report. */
export type PacketTap = (
  direction: 'notify' | 'write',
  characteristic: string,
  bytes: Uint8Array,
  tMs: number,
) => void;

/** A PMD notification answering a command, or the sensor saying it stopped streams by itself. */
export type PmdControlEvent =
  | { readonly kind: 'response'; readonly response: PmdResponse }
  | { readonly kind: 'stopped'; readonly types: readonly number[] };

const ACC = PmdMeasurementType.ACC;
/**
 * Heart rates a person can have, resting to flat out; a reading outside them is a packet gone wrong
 * (garbage, or bits flipped), and one would spoil the session's average, peak and zones.
 */
const MIN_BPM = 25;
const MAX_BPM = 250;
/** The least confidence (%) a watch's optical reading needs to be passed on (see bangleHeart). */
const MIN_OPTICAL_CONFIDENCE = 50;
/**
 * A packet size too small cuts every motion frame; one frame cut now and then is a radio's hiccup,
 * counted as dropped like any other bad packet.
 */
const CUT_FRAMES_IN_A_ROW = 3;

export class PacketDecoder {
  private readonly pmd = new PmdStreamDecoder();
  private readonly assembler = new PmdResponseAssembler();
  private readonly requestedRate = new Map<number, number>();
  private readonly requestedResolution = new Map<number, number>();
  private readonly framer = new LineFramer();
  private lastAccEndMs: number | null = null;
  private cutFramesInARow = 0;
  private truncatedReported = false;

  constructor(
    private readonly out: DecoderOutput,
    private readonly tap: PacketTap | null = null,
  ) {}

  /** A command the app wrote: a PMD start carries the rate the frames will be spaced by. */
  wrote(characteristic: string, bytes: Uint8Array, tMs = 0): void {
    this.tap?.('write', characteristic, bytes, tMs);
    if (characteristic !== uuids.PMD_CONTROL_POINT) return;
    const command = parsePmdCommand(bytes);
    if (!command.ok || command.value.measurementType === null) return;
    const { opCode, measurementType, settings } = command.value;
    if (opCode === PmdOpCode.REQUEST_MEASUREMENT_START) {
      const rate = settings.SAMPLE_RATE?.[0];
      if (rate !== undefined) this.requestedRate.set(measurementType, rate);
      const resolution = settings.RESOLUTION?.[0];
      if (resolution !== undefined) this.requestedResolution.set(measurementType, resolution);
    } else if (opCode === PmdOpCode.STOP_MEASUREMENT) {
      this.pmd.reset(measurementType);
    }
  }

  /** One notification (or read) of `characteristic`, received at `tMs`. */
  notify(characteristic: string, bytes: Uint8Array, tMs: number): PmdControlEvent | null {
    this.tap?.('notify', characteristic, bytes, tMs);
    switch (characteristic) {
      case uuids.HEART_RATE_MEASUREMENT: {
        const r = parseHeartRateMeasurement(bytes);
        if (!r.ok) this.out.malformed(r.error);
        // 0 is what straps send while the electrodes lose the skin: no reading, not a packet gone wrong.
        else if (r.value.bpm === 0) return null;
        // Some straps keep sending a number (and RR intervals) once off the skin, and say so in the
        // contact bits: that number is no heart rate. Without contact supported the bits mean nothing
        // (a real H10 sends neither while worn, PROTOCOLS.md §1.1).
        else if (r.value.contactSupported && !r.value.contactDetected) return null;
        else if (r.value.bpm < MIN_BPM || r.value.bpm > MAX_BPM)
          this.out.malformed({ code: 'out-of-range', message: `a heart rate of ${r.value.bpm} bpm` });
        else this.out.heartRate({ tMs, bpm: r.value.bpm, rrMs: r.value.rrMs });
        return null;
      }
      case uuids.BATTERY_LEVEL: {
        const r = parseBatteryLevel(bytes);
        if (r.ok) this.out.battery(r.value.percent);
        else this.out.malformed(r.error);
        return null;
      }
      case uuids.PMD_CONTROL_POINT:
        return this.pmdControl(bytes);
      case uuids.PMD_DATA:
        this.pmdData(bytes, tMs);
        return null;
      case uuids.INFINITIME_MOTION: {
        // Change-driven at most every 100 ms: one sample, timed on receipt [IT SystemTask.cpp].
        const r = parseInfiniTimeMotion(bytes);
        if (r.ok) this.oneSample(tMs, r.value.xyzG);
        else this.out.malformed(r.error);
        return null;
      }
      case uuids.MICROBIT_ACCELEROMETER_DATA: {
        const r = parseMicrobitAccelerometer(bytes);
        if (r.ok) this.oneSample(tMs, r.value.xyzG);
        else this.out.malformed(r.error);
        return null;
      }
      case uuids.NORDIC_UART_TX:
        for (const line of this.framer.push(bytes)) {
          const r = parseBangleLine(line);
          if (!r.ok) this.out.malformed(r.error);
          else if (r.value.kind === 'accel') this.oneSample(tMs, r.value.xyzG);
          else if (r.value.kind === 'heart') this.bangleHeart(tMs, r.value.bpm, r.value.confidence);
        }
        return null;
      default:
        return null;
    }
  }

  /**
   * A reading of a watch's optical sensor: passed on once the watch has found the pulse and is at least
   * half sure of it. Below that the figure it prints is its last guess, often minutes old or a step
   * off, and one would spoil the session's zones; readings come about once a second, so what is
   * passed over leaves the last sure one showing. It is told all the same, whatever its figure: the
   * sensor is on and finding the pulse, which the person is told while there is no sure one.
   */
  private bangleHeart(tMs: number, bpm: number, confidence: number): void {
    if (bpm === 0 || confidence < MIN_OPTICAL_CONFIDENCE) {
      this.out.pulseSought?.(tMs);
      return;
    }
    if (bpm < MIN_BPM || bpm > MAX_BPM)
      this.out.malformed({ code: 'out-of-range', message: `a heart rate of ${bpm} bpm` });
    else this.out.heartRate({ tMs, bpm, rrMs: [] });
  }

  /** After a drop: half-assembled responses, frame timestamps and half lines belong to the old link. */
  reset(): void {
    this.pmd.reset();
    this.assembler.reset();
    this.framer.reset();
    this.lastAccEndMs = null;
    this.cutFramesInARow = 0;
  }

  private pmdControl(bytes: Uint8Array): PmdControlEvent | null {
    // A read of the CP (the feature bitmap `0F …`) also fires characteristicvaluechanged [WB-SPEC]:
    // it is not a response, and not malformed either.
    if (bytes[0] === PMD_FEATURE_READ_CODE) return null;
    const r = parsePmdControlPointNotification(bytes);
    if (!r.ok) {
      this.out.malformed(r.error);
      return null;
    }
    if (r.value.kind === 'measurement-stopped') {
      for (const t of r.value.stoppedTypes) this.pmd.reset(t);
      return { kind: 'stopped', types: r.value.stoppedTypes };
    }
    const whole = this.assembler.push(r.value);
    if (!whole) return null;
    if (whole.opCode === PmdOpCode.REQUEST_MEASUREMENT_START && whole.status === 0) {
      const type = whole.measurementType;
      this.pmd.start(type, {
        sampleRateHz: this.requestedRate.get(type) ?? 0,
        factor: pmdFactorFromStartParameters(whole.parameters),
      });
      if (type === ACC) this.lastAccEndMs = null;
    }
    return { kind: 'response', response: whole };
  }

  private pmdData(bytes: Uint8Array, tMs: number): void {
    const r = this.pmd.decode(bytes);
    if (!r.ok) {
      this.out.malformed(r.error);
      // Frames cut short, one after another, are the sign of an ATT MTU below 232 (PROTOCOLS.md
      // §2.9, §7.11).
      if (r.error.code === 'bad-length') this.cutFramesInARow++;
      if (this.cutFramesInARow >= CUT_FRAMES_IN_A_ROW && !this.truncatedReported) {
        this.truncatedReported = true;
        this.out.problem(deviceProblem('truncated-frames'));
      }
      return;
    }
    const frame = r.value;
    // A raw frame's type says how wide its samples are (types 0/1/2: 8/16/24 bits, PROTOCOLS.md §2.6).
    // One that is not the resolution the stream was started at has a type byte gone wrong: read as
    // it says, its bytes would be nonsense motion (a 16-bit stream read as 8-bit samples is near 0 g).
    const resolution = this.requestedResolution.get(frame.header.measurementType);
    const rawBits = frame.header.compressed ? null : (frame.header.frameType + 1) * 8;
    if (frame.kind === 'acc' && rawBits !== null && resolution !== undefined && rawBits !== resolution) {
      this.out.malformed({
        code: 'unknown-type',
        message: `a raw ${rawBits}-bit ACC frame in a ${resolution}-bit stream`,
      });
      return;
    }
    this.cutFramesInARow = 0;
    // Whole frames take the report back (see Devices): a later run of cut ones is told anew.
    this.truncatedReported = false;
    if (frame.kind !== 'acc' || frame.sampleCount === 0) return;
    const n = frame.sampleCount;
    const rate = this.requestedRate.get(ACC) ?? 0;
    // Device timestamps only space the samples; host receive time places the frame, whose last
    // sample is the frame's timestamp (PROTOCOLS.md §2.5; DESIGN "Time and units").
    let dtMs = frame.timestampsNs ? pmdSampleSpacingMs(frame.timestampsNs) : 0;
    if (!(dtMs > 0) && rate > 0) dtMs = 1000 / rate;
    let t0Ms = tMs - (n - 1) * dtMs;
    // Notification latency jitters by milliseconds; frames that follow on keep the device's spacing
    // rather than overlap or gap, and a real gap (lost frames) re-anchors on receive time.
    if (this.lastAccEndMs !== null) {
      const expected = this.lastAccEndMs + dtMs;
      if (Math.abs(t0Ms - expected) < (n * dtMs) / 2) t0Ms = expected;
    }
    this.lastAccEndMs = t0Ms + (n - 1) * dtMs;
    this.out.accel({ t0Ms, dtMs: n > 1 ? dtMs : 0, xyz: frame.xyzG });
  }

  private oneSample(tMs: number, xyzG: readonly [number, number, number]): void {
    this.out.accel({ t0Ms: tMs, dtMs: 0, xyz: Float32Array.from(xyzG) });
  }
}
