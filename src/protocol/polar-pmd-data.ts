// PMD data frames (notifications on fb005c82): header, ACC and ECG content, and a stream decoder
// that keeps the per-(type, frame type) previous timestamp the SDK keeps. PROTOCOLS.md §2.5–§2.8.

import { PmdMeasurementType, type PmdMeasurementTypeName, pmdMeasurementTypeName } from './polar-pmd.ts';
import { decodeDeltaFrame } from './polar-pmd-delta.ts';
import { pmdSampleTimestamps } from './polar-pmd-time.ts';
import { type BytesLike, fail, ok, type ParseError, type Result, toBytes, toDataView } from './result.ts';

export const PMD_FRAME_HEADER_BYTES = 10;

/** Frame-type values the SDK knows; anything else is an error there too [P-PMD]. */
const KNOWN_FRAME_TYPES = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14]);

export interface PmdFrameHeader {
  readonly measurementType: number;
  readonly measurementTypeName: PmdMeasurementTypeName | null;
  /** ns since 2000-01-01T00:00:00Z of the frame's LAST sample; above 2^53 on real devices. */
  readonly timeStampNs: bigint;
  readonly frameTypeByte: number;
  readonly frameType: number;
  readonly compressed: boolean;
  readonly content: Uint8Array;
}

export function parsePmdFrameHeader(input: BytesLike): Result<PmdFrameHeader> {
  const b = toBytes(input);
  if (b.length < PMD_FRAME_HEADER_BYTES) {
    return fail(
      'too-short',
      `PMD data frame needs a ${PMD_FRAME_HEADER_BYTES}-byte header, got ${b.length} bytes`,
    );
  }
  const view = toDataView(b);
  const measurementType = b[0] & 0x3f;
  const frameTypeByte = b[9];
  const frameType = frameTypeByte & 0x7f;
  if (!KNOWN_FRAME_TYPES.has(frameType)) {
    return fail('unknown-type', `PMD frame type 0x${frameType.toString(16)} is not one the SDK knows`);
  }
  return ok({
    measurementType,
    measurementTypeName: pmdMeasurementTypeName(measurementType),
    timeStampNs: view.getBigUint64(1, true),
    frameTypeByte,
    frameType,
    compressed: (frameTypeByte & 0x80) !== 0,
    content: b.subarray(PMD_FRAME_HEADER_BYTES),
  });
}

export interface PmdFrameContext {
  /** FACTOR from the start response; 1 when the device sent none (the H10) [P-DOC, FST]. */
  readonly factor?: number;
  /** Needed for the first frame's sample times. */
  readonly sampleRateHz?: number;
  /** Timestamp of the previous frame of the same type and frame type; 0n (or absent) for none. */
  readonly previousTimeStampNs?: bigint;
}

interface Timed {
  /** Per-sample times in PMD ns, or null when the context was not enough (see `timestampError`). */
  readonly timestampsNs: readonly bigint[] | null;
  readonly timestampError: ParseError | null;
}

export interface PmdAccFrame extends Timed {
  readonly kind: 'acc';
  readonly header: PmdFrameHeader;
  readonly sampleCount: number;
  /** Integers as on the wire, interleaved x,y,z (mG for raw frames, counts for compressed ones). */
  readonly raw: Int32Array;
  /** Interleaved x,y,z in g, our app's unit. */
  readonly xyzG: Float32Array;
}

export interface PmdEcgFrame extends Timed {
  readonly kind: 'ecg';
  readonly header: PmdFrameHeader;
  readonly sampleCount: number;
  readonly microVolts: Int32Array;
}

export type PmdDataFrame = PmdAccFrame | PmdEcgFrame;

const ACC_CHANNELS = 3;
// Compressed ACC references are 16-bit [P-ACC; §2.6 table].
const ACC_COMPRESSED_RESOLUTION = 16;

function readRawSamples(
  content: Uint8Array,
  bytesPerValue: number,
  valuesPerSample: number,
): Result<Int32Array> {
  const stride = bytesPerValue * valuesPerSample;
  if (content.length === 0) return fail('too-short', 'PMD frame has no samples');
  if (content.length % stride !== 0) {
    // A frame cut short is the usual sign of an ATT MTU below the frame size (§2.9, §7.11).
    return fail(
      'bad-length',
      `${content.length} content bytes is not a whole number of ${stride}-byte samples (truncated frame? MTU)`,
    );
  }
  const out = new Int32Array(content.length / bytesPerValue);
  for (let i = 0, o = 0; i < content.length; i += bytesPerValue, o++) {
    let v = 0;
    for (let k = 0; k < bytesPerValue; k++) v |= content[i + k] << (8 * k);
    const shift = 32 - 8 * bytesPerValue;
    out[o] = (v << shift) >> shift;
  }
  return ok(out);
}

/** ACC content to integers and g. Units per frame type: PROTOCOLS.md §2.6 / §7.7. */
export function parsePmdAccContent(
  header: PmdFrameHeader,
  factor = 1,
): Result<{ raw: Int32Array; xyzG: Float32Array; sampleCount: number }> {
  if (!Number.isFinite(factor) || factor <= 0)
    return fail('bad-context', `factor ${factor} is not a positive number`);
  let raw: Int32Array;
  // Multiplier from the wire integer to g.
  let toG: number;
  if (!header.compressed) {
    const bytesPerValue = header.frameType + 1; // raw types 0/1/2 = int8/int16/int24
    if (header.frameType > 2)
      return fail('unknown-type', `raw ACC frame type ${header.frameType} is not 0–2`);
    const r = readRawSamples(header.content, bytesPerValue, ACC_CHANNELS);
    if (!r.ok) return r;
    raw = r.value;
    // Raw frames are mG with no factor in the SDK. P-DOC says type 0 is G on Verity Sense; no device
    // we support sends type 0, so we follow the SDK.
    toG = 1 / 1000;
  } else {
    if (header.frameType > 1)
      return fail('unknown-type', `compressed ACC frame type ${header.frameType} is not 0–1`);
    const d = decodeDeltaFrame(header.content, ACC_CHANNELS, ACC_COMPRESSED_RESOLUTION);
    if (!d.ok) return d;
    if (d.value.truncated) {
      return fail('bad-length', 'compressed ACC frame ends inside a delta block (truncated frame? MTU)');
    }
    raw = d.value.samples;
    // Type 0 (Verity Sense): counts × FACTOR = G. Type 1: counts × FACTOR = mG, and the SDK applies
    // the factor only when it is not 1.0 [P-ACC].
    toG = header.frameType === 0 ? factor : (factor !== 1 ? factor : 1) / 1000;
  }
  const xyzG = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) xyzG[i] = raw[i] * toG;
  return ok({ raw, xyzG, sampleCount: raw.length / ACC_CHANNELS });
}

/** ECG content: raw frame type 0 is int24 LE µV per sample [P-PMD; FST: 73 samples in 229 bytes]. */
export function parsePmdEcgContent(
  header: PmdFrameHeader,
): Result<{ microVolts: Int32Array; sampleCount: number }> {
  if (header.compressed || header.frameType !== 0) {
    return fail(
      'unknown-type',
      `ECG frame type 0x${header.frameTypeByte.toString(16)} is not supported (only raw type 0)`,
    );
  }
  const r = readRawSamples(header.content, 3, 1);
  if (!r.ok) return r;
  return ok({ microVolts: r.value, sampleCount: r.value.length });
}

function timestamps(header: PmdFrameHeader, sampleCount: number, context: PmdFrameContext): Timed {
  const r = pmdSampleTimestamps({
    previousNs: context.previousTimeStampNs ?? 0n,
    frameNs: header.timeStampNs,
    sampleCount,
    sampleRateHz: context.sampleRateHz ?? 0,
  });
  return r.ok
    ? { timestampsNs: r.value, timestampError: null }
    : { timestampsNs: null, timestampError: r.error };
}

/** One data frame on its own: samples always, sample times when the context allows. */
export function parsePmdDataFrame(input: BytesLike, context: PmdFrameContext = {}): Result<PmdDataFrame> {
  const h = parsePmdFrameHeader(input);
  if (!h.ok) return h;
  const header = h.value;
  if (header.measurementType === PmdMeasurementType.ACC) {
    const c = parsePmdAccContent(header, context.factor ?? 1);
    if (!c.ok) return c;
    return ok({ kind: 'acc', header, ...c.value, ...timestamps(header, c.value.sampleCount, context) });
  }
  if (header.measurementType === PmdMeasurementType.ECG) {
    const c = parsePmdEcgContent(header);
    if (!c.ok) return c;
    return ok({ kind: 'ecg', header, ...c.value, ...timestamps(header, c.value.sampleCount, context) });
  }
  return fail('unknown-type', `PMD measurement type ${header.measurementType} is not decoded by this app`);
}

export function parsePmdAccFrame(input: BytesLike, context: PmdFrameContext = {}): Result<PmdAccFrame> {
  const r = parsePmdDataFrame(input, context);
  if (!r.ok) return r;
  if (r.value.kind !== 'acc') return fail('unknown-type', 'not an ACC frame');
  return ok(r.value);
}

export function parsePmdEcgFrame(input: BytesLike, context: PmdFrameContext = {}): Result<PmdEcgFrame> {
  const r = parsePmdDataFrame(input, context);
  if (!r.ok) return r;
  if (r.value.kind !== 'ecg') return fail('unknown-type', 'not an ECG frame');
  return ok(r.value);
}

/**
 * Mean sample spacing of a frame in ms, from its sample times (0 for a one-sample frame). The app
 * places frames on its own clock by receive time and uses this only to space samples (§2.5).
 */
export function pmdSampleSpacingMs(timestampsNs: readonly bigint[]): number {
  if (timestampsNs.length < 2) return 0;
  return Number(timestampsNs[timestampsNs.length - 1] - timestampsNs[0]) / 1e6 / (timestampsNs.length - 1);
}

export interface PmdStreamSettings {
  readonly sampleRateHz: number;
  readonly factor?: number;
}

/**
 * Decodes the frames of running streams in order, keeping the previous frame timestamp per
 * (measurement type, frame type) as the SDK does [P-PMD]. Call `start` with the settings the device
 * accepted, and `reset` when a stream stops or the device disconnects.
 */
export class PmdStreamDecoder {
  private readonly settings = new Map<number, PmdStreamSettings>();
  private readonly previous = new Map<string, bigint>();

  start(measurementType: number, settings: PmdStreamSettings): void {
    this.settings.set(measurementType, settings);
    this.reset(measurementType);
  }

  /** Forget previous timestamps (of one type, or all). */
  reset(measurementType?: number): void {
    for (const key of [...this.previous.keys()]) {
      if (measurementType === undefined || key.startsWith(`${measurementType}:`)) this.previous.delete(key);
    }
  }

  previousTimeStampNs(measurementType: number, frameType: number): bigint {
    return this.previous.get(`${measurementType}:${frameType}`) ?? 0n;
  }

  /**
   * Every frame must have complete sample times here. A frame timestamp that does not increase is
   * treated as a clock reset (the H10 restarts at 2019-01-01 after a power-down [P-TIME]): that frame
   * is spaced by the sample rate instead of throwing as the SDK would (§7.8).
   */
  decode(input: BytesLike): Result<PmdDataFrame> {
    const h = parsePmdFrameHeader(input);
    if (!h.ok) return h;
    const { measurementType, frameType, timeStampNs } = h.value;
    const settings = this.settings.get(measurementType);
    const key = `${measurementType}:${frameType}`;
    let previousTimeStampNs = this.previous.get(key) ?? 0n;
    if (previousTimeStampNs !== 0n && timeStampNs <= previousTimeStampNs) previousTimeStampNs = 0n;
    const r = parsePmdDataFrame(input, {
      factor: settings?.factor,
      sampleRateHz: settings?.sampleRateHz,
      previousTimeStampNs,
    });
    if (!r.ok) return r;
    if (r.value.timestampError) return { ok: false, error: r.value.timestampError };
    this.previous.set(key, timeStampNs);
    return r;
  }
}
