// Decode by protocol name: one entry point over every parser, used by the `decode` command and by
// the replay of recordings. Protocol names are those of the `protocol` field of the shared
// vectors.json, plus `pmd-data` (any PMD data frame) and a few characteristics without vectors.
import { bangleLineFields } from './bangle.ts';
import { parseBatteryLevel } from './battery.ts';
import { parseDeviceInfoString, parseSystemId } from './device-info.ts';
import {
  parseBodySensorLocation,
  parseHeartRateControlPoint,
  parseHeartRateMeasurement,
} from './heart-rate.ts';
import { parseInfiniTimeMotion, parseInfiniTimeStepCount } from './infinitime.ts';
import { parseMicrobitAccelerometer, parseMicrobitPeriod } from './microbit.ts';
import {
  PMD_FEATURE_READ_CODE,
  PMD_RESPONSE_CODE,
  PmdOpCode,
  parsePmdCommand,
  parsePmdControlPointNotification,
  parsePmdFeatures,
  parsePmdSettings,
} from './polar-pmd.ts';
import {
  type PmdDataFrame,
  type PmdFrameContext,
  type PmdFrameHeader,
  PmdStreamDecoder,
  parsePmdDataFrame,
  parsePmdFrameHeader,
} from './polar-pmd-data.ts';
import { decodeDeltaFrame } from './polar-pmd-delta.ts';
import { pmdSampleTimestamps } from './polar-pmd-time.ts';
import { bytesToHex, fail, ok, type Result } from './result.ts';

/** Protocols whose input is one packet. */
export const PACKET_PROTOCOLS = [
  'hrs',
  'bas',
  'dis',
  'dis-system-id',
  'hrs-body-sensor-location',
  'hrs-control-point',
  'pmd-control',
  'pmd-settings',
  'pmd-acc',
  'pmd-ecg',
  'pmd-data',
  'pmd-header',
  'pmd-delta',
  'bangle-uart',
  'microbit-acc',
  'microbit-period',
  'infinitime-motion',
  'infinitime-steps',
] as const;
/** Protocols whose input is a sequence of PMD data frames of one stream, in order. */
export const STREAM_PROTOCOLS = ['pmd-acc-stream', 'pmd-ecg-stream'] as const;
export type PacketProtocol = (typeof PACKET_PROTOCOLS)[number];
export type StreamProtocol = (typeof STREAM_PROTOCOLS)[number];

export function isPacketProtocol(name: string): name is PacketProtocol {
  return (PACKET_PROTOCOLS as readonly string[]).includes(name);
}

export function isStreamProtocol(name: string): name is StreamProtocol {
  return (STREAM_PROTOCOLS as readonly string[]).includes(name);
}

export interface DecodeOptions {
  readonly sampleRateHz?: number;
  readonly factor?: number;
  readonly previousTimeStampNs?: bigint;
  /**
   * A PMD control-point packet is a command when the client wrote it and a response or a
   * sensor-initiated command when it was notified; `01 02` is either "get ACC settings" or "ACC
   * stopped". Without a direction, 0x0F is the feature read, 0xF0 a response, anything else a write.
   */
  readonly direction?: 'write' | 'notify' | 'read';
  /** Delta content without a header needs its channel count and resolution (default 3 × 16 bit). */
  readonly channels?: number;
  readonly resolution?: number;
}

/** A value ready for JSON.stringify: BigInt as decimal strings, bytes as hex, typed arrays as arrays. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A decoded value as a JsonValue (a value, not text: the sessions file's JSON is export/json.ts's toJson). */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Uint8Array) return bytesToHex(value);
  // float32 carries about 7 significant digits; more would print its rounding noise (0.00899999961).
  if (value instanceof Float32Array) return Array.from(value, (x) => Number(x.toPrecision(7)));
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonValue(v);
    return out;
  }
  return String(value);
}

function headerJson(h: PmdFrameHeader): Record<string, unknown> {
  const { content, ...rest } = h;
  return { ...rest, contentBytes: content.length };
}

/** A data frame for output: the header without its content bytes (they are the input). */
export function frameJson(f: PmdDataFrame): Record<string, unknown> {
  return { ...f, header: headerJson(f.header) };
}

function decodePmdControl(bytes: Uint8Array, direction: DecodeOptions['direction']): Result<unknown> {
  if (direction === 'read' || (direction === undefined && bytes[0] === PMD_FEATURE_READ_CODE)) {
    const r = parsePmdFeatures(bytes);
    return r.ok ? ok({ kind: 'features', ...r.value }) : r;
  }
  if (direction === 'notify' || (direction === undefined && bytes[0] === PMD_RESPONSE_CODE)) {
    const r = parsePmdControlPointNotification(bytes);
    if (!r.ok || r.value.kind !== 'response') return r;
    // Settings ride in the parameters of get-settings and start responses.
    const carriesSettings =
      r.value.opCode === PmdOpCode.GET_MEASUREMENT_SETTINGS ||
      r.value.opCode === PmdOpCode.GET_SDK_MODE_MEASUREMENT_SETTINGS ||
      r.value.opCode === PmdOpCode.REQUEST_MEASUREMENT_START;
    return ok(carriesSettings ? { ...r.value, ...parsePmdSettings(r.value.parameters) } : r.value);
  }
  const r = parsePmdCommand(bytes);
  return r.ok ? ok({ kind: 'command', ...r.value }) : r;
}

function frameContext(options: DecodeOptions): PmdFrameContext {
  return {
    factor: options.factor,
    sampleRateHz: options.sampleRateHz,
    previousTimeStampNs: options.previousTimeStampNs,
  };
}

function decodeBangleChunk(bytes: Uint8Array): Result<unknown> {
  // One notification on its own: the complete lines in it (a recording replay frames across them).
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const lines = text.split('\n').filter((l) => l.length > 0);
  return ok({
    text,
    lines: lines.map((line) => ({ ...bangleLineFields(line.replace(/\r$/, '')), line })),
  });
}

/** Decodes one packet of the named protocol into a plain value (not yet JSON: see `toJsonValue`). */
export function decodePacket(
  protocol: string,
  bytes: Uint8Array,
  options: DecodeOptions = {},
): Result<unknown> {
  if (!isPacketProtocol(protocol)) {
    return fail(
      'unknown-type',
      `unknown protocol "${protocol}"; one of: ${[...PACKET_PROTOCOLS, ...STREAM_PROTOCOLS].join(', ')}`,
    );
  }
  switch (protocol) {
    case 'hrs':
      return parseHeartRateMeasurement(bytes);
    case 'bas':
      return parseBatteryLevel(bytes);
    case 'dis':
      return parseDeviceInfoString(bytes);
    case 'dis-system-id':
      return parseSystemId(bytes);
    case 'hrs-body-sensor-location':
      return parseBodySensorLocation(bytes);
    case 'hrs-control-point':
      return parseHeartRateControlPoint(bytes);
    case 'pmd-control':
      return decodePmdControl(bytes, options.direction);
    case 'pmd-settings':
      return ok(parsePmdSettings(bytes));
    case 'pmd-acc':
    case 'pmd-ecg':
    case 'pmd-data': {
      const r = parsePmdDataFrame(bytes, frameContext(options));
      if (!r.ok) return r;
      const want = protocol === 'pmd-acc' ? 'acc' : protocol === 'pmd-ecg' ? 'ecg' : r.value.kind;
      if (r.value.kind !== want) return fail('unknown-type', `not a ${want.toUpperCase()} frame`);
      return ok(frameJson(r.value));
    }
    case 'pmd-header': {
      const r = parsePmdFrameHeader(bytes);
      return r.ok ? ok({ ...r.value, content: r.value.content }) : r;
    }
    case 'pmd-delta':
      return decodeDeltaFrame(bytes, options.channels ?? 3, options.resolution ?? 16);
    case 'bangle-uart':
      return decodeBangleChunk(bytes);
    case 'microbit-acc':
      return parseMicrobitAccelerometer(bytes);
    case 'microbit-period':
      return parseMicrobitPeriod(bytes);
    case 'infinitime-motion':
      return parseInfiniTimeMotion(bytes);
    case 'infinitime-steps':
      return parseInfiniTimeStepCount(bytes);
  }
}

/** Decodes the frames of one PMD stream in order, as the app's stream decoder would. */
export function decodeStream(
  protocol: string,
  frames: readonly Uint8Array[],
  options: DecodeOptions = {},
): Result<unknown> {
  if (!isStreamProtocol(protocol)) return fail('unknown-type', `"${protocol}" is not a stream protocol`);
  const type = protocol === 'pmd-acc-stream' ? 2 : 0;
  if (options.sampleRateHz === undefined && options.previousTimeStampNs === undefined) {
    return fail('bad-context', 'a stream needs --rate (or --previous-timestamp) for its first frame');
  }
  const decoder = new PmdStreamDecoder();
  decoder.start(type, { sampleRateHz: options.sampleRateHz ?? 0, factor: options.factor });
  const out: unknown[] = [];
  for (const [i, frame] of frames.entries()) {
    const r = decoder.decode(frame);
    if (!r.ok) return fail(r.error.code, `frame ${i}: ${r.error.message}`);
    out.push(frameJson(r.value));
  }
  return ok({ frames: out });
}

/** The SDK timestamp algorithm on its own (the pmd-timestamp vectors have no packet). */
export function decodeTimestamps(input: {
  previousTimeStampNs?: bigint;
  frameTimeStampNs?: bigint;
  samples?: number;
  sampleRateHz?: number;
}): Result<unknown> {
  if (input.frameTimeStampNs === undefined || input.samples === undefined) {
    return fail('bad-context', 'pmd-timestamp needs --frame-timestamp and --samples');
  }
  const r = pmdSampleTimestamps({
    previousNs: input.previousTimeStampNs ?? 0n,
    frameNs: input.frameTimeStampNs,
    sampleCount: input.samples,
    sampleRateHz: input.sampleRateHz ?? 0,
  });
  return r.ok ? ok({ timestampsNs: r.value }) : r;
}
