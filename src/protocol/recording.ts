// Recordings: every notification of a session (and the writes and reads that shaped it) with its
// receive time, so that a bug report is a file and a session can be replayed through the same
// parsers. Pure: the app records and saves, tools/decode.ts and replay read.
import { bangleLineFields, LineFramer } from './bangle.ts';
import { decodePacket, frameJson, isPacketProtocol, type PacketProtocol } from './decode.ts';
import {
  PMD_STATUS_SUCCESS,
  PmdOpCode,
  PmdResponseAssembler,
  parsePmdCommand,
  parsePmdControlPointNotification,
  pmdFactorFromStartParameters,
} from './polar-pmd.ts';
import { PmdStreamDecoder } from './polar-pmd-data.ts';
import { bytesToHex, fail, hexToBytes, ok, type ParseError, type Result } from './result.ts';
import * as uuids from './uuids.ts';

export const RECORDING_FORMAT = 'backbeat-recording';
/** The format of Backbeat's backups and session exports (export/json.ts), told apart from recordings. */
const SESSIONS_FORMAT = 'backbeat-sessions';
export const RECORDING_VERSION = 1;

export type RecordedDirection = 'notify' | 'read' | 'write';

export interface RecordedPacket {
  /** Receive (or write) time in ms on the session's time base. */
  readonly tMs: number;
  /** How to parse the bytes: a protocol name as in vectors.json (see decode.ts). */
  readonly protocol: PacketProtocol;
  /** The characteristic UUID, when known. */
  readonly characteristic?: string;
  /** Notifications are the default; writes and reads matter for PMD (they set stream context). */
  readonly direction?: RecordedDirection;
  readonly hex: string;
  /** Which device, when several are connected (a strap and a watch). */
  readonly device?: string;
}

export interface Recording {
  readonly format: typeof RECORDING_FORMAT;
  readonly version: typeof RECORDING_VERSION;
  readonly startedAt?: string;
  readonly packets: readonly RecordedPacket[];
}

const PROTOCOL_BY_CHARACTERISTIC = new Map<string, PacketProtocol>([
  [uuids.HEART_RATE_MEASUREMENT, 'hrs'],
  [uuids.BODY_SENSOR_LOCATION, 'hrs-body-sensor-location'],
  [uuids.HEART_RATE_CONTROL_POINT, 'hrs-control-point'],
  [uuids.BATTERY_LEVEL, 'bas'],
  ...Object.values(uuids.DEVICE_INFORMATION).map((u) => [u, 'dis'] as [string, PacketProtocol]),
  [uuids.SYSTEM_ID, 'dis-system-id'],
  [uuids.PMD_CONTROL_POINT, 'pmd-control'],
  [uuids.PMD_DATA, 'pmd-data'],
  [uuids.INFINITIME_MOTION, 'infinitime-motion'],
  [uuids.INFINITIME_STEP_COUNT, 'infinitime-steps'],
  [uuids.MICROBIT_ACCELEROMETER_DATA, 'microbit-acc'],
  [uuids.MICROBIT_ACCELEROMETER_PERIOD, 'microbit-period'],
  [uuids.NORDIC_UART_TX, 'bangle-uart'],
  [uuids.NORDIC_UART_RX, 'bangle-uart'],
]);

/** The protocol of a characteristic's bytes, or null for one we do not parse. */
export function protocolForCharacteristic(uuid: string): PacketProtocol | null {
  return PROTOCOL_BY_CHARACTERISTIC.get(uuid.toLowerCase()) ?? null;
}

/** One packet to add to a recording; bytes are copied into hex at once, as Web Bluetooth reuses buffers. */
export function recordPacket(
  protocol: PacketProtocol,
  bytes: Uint8Array,
  tMs: number,
  extra: { characteristic?: string; direction?: RecordedDirection; device?: string } = {},
): RecordedPacket {
  return { tMs, protocol, hex: bytesToHex(bytes), ...extra };
}

export function createRecording(packets: readonly RecordedPacket[], startedAt?: string): Recording {
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    ...(startedAt ? { startedAt } : {}),
    packets,
  };
}

/** JSON with one packet per line, so that recordings diff and grep well. */
export function serializeRecording(recording: Recording): string {
  const { packets, ...head } = recording;
  const headJson = JSON.stringify(head).slice(0, -1);
  if (packets.length === 0) return `${headJson},"packets":[]}\n`;
  return `${headJson},"packets":[\n${packets.map((p) => JSON.stringify(p)).join(',\n')}\n]}\n`;
}

const DIRECTIONS = new Set(['notify', 'read', 'write']);

/**
 * A packet that cannot be replayed, as the person who picked the file can place it: counted from one,
 * out of how many, and what is wrong with it in plain words ("its bytes are unreadable").
 */
function packetError(i: number, count: number, problem: string): Result<never> {
  return fail('bad-format', `it is damaged at packet ${i + 1} of ${count} (${problem})`);
}

/**
 * Why a file of some other kind cannot be replayed: what would be, and where one comes from, rather than
 * the name of a field it lacks, which tells the person nothing they can do.
 */
const NOT_A_RECORDING = 'only a file made with Save a recording can be';

/**
 * Why a file that does not parse is no recording. A recording opens with "{" (serializeRecording), so
 * one that does and stops parsing may have been cut short while saved or copied; a file that opens
 * otherwise (a shopping list, a picture) never was one, and a hint that it ends early would mislead.
 */
function notJsonReason(text: string): string {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') return 'it is empty';
  if (!start.startsWith('{')) return NOT_A_RECORDING;
  return 'it stops partway or is broken (was it cut short while being saved or copied?)';
}

/** Reads a recording file; checks every packet so that replay never meets a malformed one. */
export function parseRecording(text: string): Result<Recording> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // The parser's own words ("Unexpected end of JSON input") mean nothing to the person who picked the file.
    return fail('bad-format', notJsonReason(text));
  }
  if (typeof data !== 'object' || data === null) return fail('bad-format', NOT_A_RECORDING);
  const d = data as Record<string, unknown>;
  // Backbeat's backups and exports are JSON files named like recordings: the likely mix-up.
  if (d.format === SESSIONS_FORMAT) {
    return fail('bad-format', 'it is a file of saved sessions (a backup or an export); import it in History');
  }
  if (d.format !== RECORDING_FORMAT) return fail('bad-format', NOT_A_RECORDING);
  if (d.version !== RECORDING_VERSION)
    return fail(
      'bad-format',
      `it was recorded by a newer Backbeat (recording version ${String(d.version)}); update the app to replay it`,
    );
  if (!Array.isArray(d.packets)) return fail('bad-format', 'it is damaged: it has no list of packets');
  const packets: RecordedPacket[] = [];
  const count = d.packets.length;
  for (const [i, raw] of (d.packets as unknown[]).entries()) {
    if (typeof raw !== 'object' || raw === null) return packetError(i, count, 'it is not a packet');
    const p = raw as Record<string, unknown>;
    if (typeof p.tMs !== 'number' || !Number.isFinite(p.tMs))
      return packetError(i, count, 'its time is missing');
    if (typeof p.protocol !== 'string' || !isPacketProtocol(p.protocol)) {
      return packetError(
        i,
        count,
        `it names a kind of data this version does not know, ${JSON.stringify(p.protocol)}`,
      );
    }
    if (typeof p.hex !== 'string' || !hexToBytes(p.hex).ok)
      return packetError(i, count, 'its bytes are unreadable');
    if (p.direction !== undefined && !DIRECTIONS.has(p.direction as string)) {
      return packetError(i, count, `its direction, ${JSON.stringify(p.direction)}, is none a device has`);
    }
    for (const key of ['characteristic', 'device'] as const) {
      if (p[key] !== undefined && typeof p[key] !== 'string')
        return packetError(i, count, `its ${key} is not a name`);
    }
    packets.push({
      tMs: p.tMs,
      protocol: p.protocol,
      hex: p.hex,
      ...(p.characteristic !== undefined ? { characteristic: p.characteristic as string } : {}),
      ...(p.direction !== undefined ? { direction: p.direction as RecordedDirection } : {}),
      ...(p.device !== undefined ? { device: p.device as string } : {}),
    });
  }
  return ok({
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    ...(typeof d.startedAt === 'string' ? { startedAt: d.startedAt } : {}),
    packets,
  });
}

export interface ReplayedPacket {
  readonly tMs: number;
  readonly protocol: PacketProtocol;
  readonly device?: string;
  readonly direction: RecordedDirection;
  readonly result: Result<unknown>;
}

export interface ReplayOptions {
  /** Sample rate for PMD streams whose start command is not in the recording. */
  readonly sampleRateHz?: number;
  readonly factor?: number;
}

/**
 * Per-device state a live session keeps: the PMD stream decoder (previous timestamps, and the rate
 * and factor taken from the recorded start command and its response), the PMD response assembler
 * and the NUS line framer.
 */
class DeviceReplay {
  readonly pmd = new PmdStreamDecoder();
  readonly assembler = new PmdResponseAssembler();
  readonly framer = new LineFramer();
  readonly requestedRate = new Map<number, number>();
  readonly started = new Set<number>();

  constructor(private readonly options: ReplayOptions) {}

  replay(packet: RecordedPacket, bytes: Uint8Array): Result<unknown> {
    const direction = packet.direction ?? 'notify';
    if (packet.protocol === 'pmd-control' && direction === 'write') return this.pmdWrite(bytes);
    if (packet.protocol === 'pmd-control' && direction === 'notify') return this.pmdNotify(bytes);
    if (packet.protocol === 'pmd-data') return this.pmdData(bytes);
    if (packet.protocol === 'bangle-uart' && direction === 'notify') {
      const lines = this.framer.push(bytes);
      return ok({ lines: lines.map(bangleLineFields) });
    }
    return decodePacket(packet.protocol, bytes, { direction });
  }

  private pmdWrite(bytes: Uint8Array): Result<unknown> {
    const r = parsePmdCommand(bytes);
    if (!r.ok) return r;
    const c = r.value;
    if (c.opCode === PmdOpCode.REQUEST_MEASUREMENT_START && c.measurementType !== null) {
      const rate = c.settings.SAMPLE_RATE?.[0];
      if (rate !== undefined) this.requestedRate.set(c.measurementType, rate);
    }
    if (c.opCode === PmdOpCode.STOP_MEASUREMENT && c.measurementType !== null) this.stop(c.measurementType);
    return ok({ kind: 'command', ...c });
  }

  private pmdNotify(bytes: Uint8Array): Result<unknown> {
    const r = parsePmdControlPointNotification(bytes);
    if (!r.ok) return r;
    if (r.value.kind === 'measurement-stopped') {
      for (const t of r.value.stoppedTypes) this.stop(t);
      return r;
    }
    const whole = this.assembler.push(r.value);
    if (
      whole &&
      whole.opCode === PmdOpCode.REQUEST_MEASUREMENT_START &&
      whole.status === PMD_STATUS_SUCCESS
    ) {
      const type = whole.measurementType;
      const rate = this.requestedRate.get(type) ?? this.options.sampleRateHz ?? 0;
      this.pmd.start(type, { sampleRateHz: rate, factor: pmdFactorFromStartParameters(whole.parameters) });
      this.started.add(type);
    }
    return decodePacket('pmd-control', bytes, { direction: 'notify' });
  }

  private pmdData(bytes: Uint8Array): Result<unknown> {
    const type = bytes.length > 0 ? bytes[0] & 0x3f : -1;
    if (type >= 0 && !this.started.has(type) && this.options.sampleRateHz !== undefined) {
      this.pmd.start(type, { sampleRateHz: this.options.sampleRateHz, factor: this.options.factor });
      this.started.add(type);
    }
    const r = this.pmd.decode(bytes);
    return r.ok ? ok(frameJson(r.value)) : r;
  }

  private stop(type: number): void {
    this.pmd.reset(type);
    this.started.delete(type);
  }
}

/** Replays a recording through the parsers in order. Malformed packets yield errors, never throws. */
export function replayRecording(recording: Recording, options: ReplayOptions = {}): ReplayedPacket[] {
  const devices = new Map<string, DeviceReplay>();
  return recording.packets.map((packet) => {
    const key = packet.device ?? '';
    let device = devices.get(key);
    if (!device) {
      device = new DeviceReplay(options);
      devices.set(key, device);
    }
    const bytes = hexToBytes(packet.hex);
    const result: Result<unknown> = bytes.ok ? device.replay(packet, bytes.value) : bytes;
    return {
      tMs: packet.tMs,
      protocol: packet.protocol,
      direction: packet.direction ?? 'notify',
      ...(packet.device !== undefined ? { device: packet.device } : {}),
      result,
    };
  });
}

/** Counts for a replay summary: decoded vs failed per protocol, and the first errors. */
export function summariseReplay(replayed: readonly ReplayedPacket[]): {
  readonly decoded: number;
  readonly failed: number;
  readonly byProtocol: Record<string, { decoded: number; failed: number }>;
  readonly firstErrors: readonly { index: number; error: ParseError }[];
} {
  const byProtocol: Record<string, { decoded: number; failed: number }> = {};
  const firstErrors: { index: number; error: ParseError }[] = [];
  let decoded = 0;
  let failed = 0;
  replayed.forEach((p, index) => {
    const entry = byProtocol[p.protocol] ?? { decoded: 0, failed: 0 };
    if (p.result.ok) {
      entry.decoded++;
      decoded++;
    } else {
      entry.failed++;
      failed++;
      if (firstErrors.length < 10) firstErrors.push({ index, error: p.result.error });
    }
    byProtocol[p.protocol] = entry;
  });
  return { decoded, failed, byProtocol, firstErrors };
}
