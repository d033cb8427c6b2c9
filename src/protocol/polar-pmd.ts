// Polar Measurement Data (PMD) control point: measurement types, commands, responses, settings TLVs
// and the feature bitmap. Everything here is from PROTOCOLS.md §2.1–§2.4 [P-PMD, P-DOC, FST].
import { type BytesLike, fail, ok, type Result, toBytes, toDataView } from './result.ts';

/** Measurement type ids [P-PMD `PmdMeasurementType`]. In data frames the type is `byte0 & 0x3F`. */
export const PmdMeasurementType = {
  ECG: 0,
  PPG: 1,
  ACC: 2,
  PPI: 3,
  GYRO: 5,
  MAG: 6,
  SKIN_TEMP: 7,
  SDK_MODE: 9,
  LOCATION: 10,
  PRESSURE: 11,
  TEMPERATURE: 12,
  OFFLINE_RECORDING: 13,
  OFFLINE_HR: 14,
} as const;
export type PmdMeasurementTypeName = keyof typeof PmdMeasurementType;

/** A table of named ids turned round: the name of each id. */
function namesById<Name extends string>(ids: Readonly<Record<Name, number>>): ReadonlyMap<number, Name> {
  return new Map(Object.entries<number>(ids).map(([name, id]) => [id, name as Name]));
}

const MEASUREMENT_TYPE_NAMES = namesById(PmdMeasurementType);

/** The name of a measurement type id, or null for an id Polar has not defined. */
export function pmdMeasurementTypeName(id: number): PmdMeasurementTypeName | null {
  return MEASUREMENT_TYPE_NAMES.get(id) ?? null;
}

export const PmdOpCode = {
  GET_MEASUREMENT_SETTINGS: 0x01,
  REQUEST_MEASUREMENT_START: 0x02,
  STOP_MEASUREMENT: 0x03,
  GET_SDK_MODE_MEASUREMENT_SETTINGS: 0x04,
  GET_MEASUREMENT_STATUS: 0x05,
  GET_SDK_MODE_STATUS: 0x06,
  GET_OFFLINE_RECORDING_TRIGGER_STATUS: 0x07,
  SET_OFFLINE_RECORDING_TRIGGER_MODE: 0x08,
  SET_OFFLINE_RECORDING_TRIGGER_SETTINGS: 0x09,
} as const;
export type PmdOpCodeName = keyof typeof PmdOpCode;
const OP_CODE_NAMES = namesById(PmdOpCode);

export function pmdOpCodeName(code: number): PmdOpCodeName | null {
  return OP_CODE_NAMES.get(code) ?? null;
}

/** Response status codes, named as in the SDK's `PmdControlPointResponseCode` [P-PMD]. */
export const PMD_STATUS_NAMES = [
  'SUCCESS',
  'ERROR_INVALID_OP_CODE',
  'ERROR_INVALID_MEASUREMENT_TYPE',
  'ERROR_NOT_SUPPORTED',
  'ERROR_INVALID_LENGTH',
  'ERROR_INVALID_PARAMETER',
  'ERROR_ALREADY_IN_STATE',
  'ERROR_INVALID_RESOLUTION',
  'ERROR_INVALID_SAMPLE_RATE',
  'ERROR_INVALID_RANGE',
  'ERROR_INVALID_MTU',
  'ERROR_INVALID_NUMBER_OF_CHANNELS',
  'ERROR_INVALID_STATE',
  'ERROR_DEVICE_IN_CHARGER',
  'ERROR_DISK_FULL',
] as const;
export type PmdStatusName = (typeof PMD_STATUS_NAMES)[number] | 'UNKNOWN_STATUS';

export const PMD_STATUS_SUCCESS = 0;
/** A start answered with this after a reconnect means the old stream still runs: stop, then start. */
export const PMD_STATUS_ALREADY_IN_STATE = 6;
/** Seen in the field when the ATT MTU is below 232 (P-ISS #222); the UI must say so. */
export const PMD_STATUS_INVALID_MTU = 10;
export const PMD_STATUS_DEVICE_IN_CHARGER = 13;

export function pmdStatusName(code: number): PmdStatusName {
  return PMD_STATUS_NAMES[code] ?? 'UNKNOWN_STATUS';
}

export type PmdRecordingType = 'online' | 'offline';

function typeByte(type: number, recording: PmdRecordingType): number {
  return ((recording === 'offline' ? 1 : 0) << 7) | (type & 0x7f);
}

// ---- Settings TLVs (§2.3) ----

export type PmdSettingName =
  | 'SAMPLE_RATE'
  | 'RESOLUTION'
  | 'RANGE'
  | 'RANGE_MILLIUNIT'
  | 'CHANNELS'
  | 'FACTOR'
  | 'SECURITY';

interface SettingSpec {
  readonly id: number;
  readonly name: PmdSettingName;
  readonly size: number;
}

/** Field sizes per setting type [P-PMD `PmdSetting.kt`; P-DOC Table 5]. */
const SETTING_SPECS: readonly SettingSpec[] = [
  { id: 0, name: 'SAMPLE_RATE', size: 2 },
  { id: 1, name: 'RESOLUTION', size: 2 },
  { id: 2, name: 'RANGE', size: 2 },
  { id: 3, name: 'RANGE_MILLIUNIT', size: 4 },
  { id: 4, name: 'CHANNELS', size: 1 },
  { id: 5, name: 'FACTOR', size: 4 },
  { id: 6, name: 'SECURITY', size: 16 },
];
const SPEC_BY_ID = new Map(SETTING_SPECS.map((s) => [s.id, s]));
const SPEC_BY_NAME = new Map(SETTING_SPECS.map((s) => [s.name, s]));

/** Every option a device offers per setting. SECURITY values are their 16 bytes as hex. */
export interface PmdSettings {
  SAMPLE_RATE?: number[];
  RESOLUTION?: number[];
  RANGE?: number[];
  RANGE_MILLIUNIT?: number[];
  CHANNELS?: number[];
  FACTOR?: number[];
  SECURITY?: string[];
}

export interface PmdSettingsParse {
  readonly settings: PmdSettings;
  /**
   * Where parsing stopped early, or null when every byte was used. An unknown setting type has no
   * known size, so the parser stops rather than guess [FST PROTOCOL §3.3]; a TLV cut short stops it
   * too. What was read before stays usable.
   */
  readonly stopped: { readonly offset: number; readonly reason: 'unknown-type' | 'truncated' } | null;
}

function readSettingValue(view: DataView, offset: number, spec: SettingSpec): number | string {
  switch (spec.name) {
    case 'CHANNELS':
      return view.getUint8(offset);
    // Polar Android reads 4-byte fields as signed (0xFFFFFFFF → −1); iOS reads them unsigned.
    case 'RANGE_MILLIUNIT':
      return view.getInt32(offset, true);
    case 'FACTOR':
      return view.getFloat32(offset, true);
    case 'SECURITY': {
      let hex = '';
      for (let i = 0; i < spec.size; i++)
        hex += view
          .getUint8(offset + i)
          .toString(16)
          .padStart(2, '0');
      return hex;
    }
    default:
      return view.getUint16(offset, true);
  }
}

/** Parses a settings block: `[type][count][value × count]…` (the parameters of a 0x01 response). */
export function parsePmdSettings(input: BytesLike): PmdSettingsParse {
  const b = toBytes(input);
  const view = toDataView(b);
  const settings: Record<string, (number | string)[]> = {};
  let offset = 0;
  while (offset < b.length) {
    const spec = SPEC_BY_ID.get(b[offset]);
    if (!spec) return { settings: settings as PmdSettings, stopped: { offset, reason: 'unknown-type' } };
    if (offset + 2 > b.length)
      return { settings: settings as PmdSettings, stopped: { offset, reason: 'truncated' } };
    const count = b[offset + 1];
    if (offset + 2 + count * spec.size > b.length) {
      return { settings: settings as PmdSettings, stopped: { offset, reason: 'truncated' } };
    }
    const values = settings[spec.name] ?? [];
    for (let i = 0; i < count; i++) values.push(readSettingValue(view, offset + 2 + i * spec.size, spec));
    settings[spec.name] = values;
    offset += 2 + count * spec.size;
  }
  return { settings: settings as PmdSettings, stopped: null };
}

/** One value per setting, as a start request carries them. FACTOR is never sent [P-DOC]. */
export type PmdSettingsRequest = Partial<Record<Exclude<PmdSettingName, 'FACTOR' | 'SECURITY'>, number>>;

function encodeSettings(settings: PmdSettingsRequest, security?: Uint8Array): Result<Uint8Array> {
  const out: number[] = [];
  // Object key order is the wire order; the H10 accepts any order [FST], so callers may choose.
  for (const [name, value] of Object.entries(settings)) {
    if (value === undefined) continue;
    const spec = SPEC_BY_NAME.get(name as PmdSettingName);
    if (!spec || spec.name === 'FACTOR' || spec.name === 'SECURITY') {
      return fail('unknown-type', `setting ${name} cannot be requested`);
    }
    const max = spec.size === 1 ? 0xff : spec.size === 2 ? 0xffff : 0xffffffff;
    const min = spec.name === 'RANGE_MILLIUNIT' ? -0x80000000 : 0;
    if (!Number.isInteger(value) || value < min || value > max) {
      return fail('out-of-range', `setting ${name} = ${value} does not fit ${spec.size} byte(s)`);
    }
    out.push(spec.id, 1);
    for (let i = 0; i < spec.size; i++) out.push((value >>> (8 * i)) & 0xff);
  }
  if (security) {
    if (security.length !== 16) return fail('bad-length', 'the SECURITY setting is 16 bytes');
    out.push(6, 1, ...security);
  }
  return ok(Uint8Array.from(out));
}

// ---- Commands, client → sensor (§2.2) ----

export function buildGetMeasurementSettings(
  type: number,
  recording: PmdRecordingType = 'online',
): Uint8Array {
  return Uint8Array.of(PmdOpCode.GET_MEASUREMENT_SETTINGS, typeByte(type, recording));
}

export function buildGetSdkModeMeasurementSettings(
  type: number,
  recording: PmdRecordingType = 'online',
): Uint8Array {
  return Uint8Array.of(PmdOpCode.GET_SDK_MODE_MEASUREMENT_SETTINGS, typeByte(type, recording));
}

/** Start a stream: e.g. H10 ACC 8 G / 200 Hz / 16 bit = `02 02 02 01 08 00 00 01 C8 00 01 01 10 00` [P-DOC]. */
export function buildStartMeasurement(
  type: number,
  settings: PmdSettingsRequest,
  options: { readonly recording?: PmdRecordingType; readonly security?: Uint8Array } = {},
): Result<Uint8Array> {
  const tlv = encodeSettings(settings, options.security);
  if (!tlv.ok) return tlv;
  return ok(
    Uint8Array.of(
      PmdOpCode.REQUEST_MEASUREMENT_START,
      typeByte(type, options.recording ?? 'online'),
      ...tlv.value,
    ),
  );
}

/** Stop takes the plain type id (`03 02` stops ACC) [P-PMD, FST]. */
export function buildStopMeasurement(type: number): Uint8Array {
  return Uint8Array.of(PmdOpCode.STOP_MEASUREMENT, type & 0x7f);
}

/** SDK mode is started and stopped like a measurement of type 9 (`02 09` / `03 09`); Verity Sense
 * only: the H10 answers status 2 [P-DOC, FST]. */
export function buildSdkMode(enable: boolean): Uint8Array {
  return enable
    ? Uint8Array.of(PmdOpCode.REQUEST_MEASUREMENT_START, PmdMeasurementType.SDK_MODE)
    : buildStopMeasurement(PmdMeasurementType.SDK_MODE);
}

export interface PmdCommand {
  readonly opCode: number;
  readonly opName: PmdOpCodeName | null;
  /** Absent for the opcodes that take no type (0x05, 0x06). */
  readonly measurementType: number | null;
  readonly recording: PmdRecordingType | null;
  /** The settings of a start request, one value each (empty for other commands). */
  readonly settings: PmdSettings;
  readonly settingsStopped: PmdSettingsParse['stopped'];
}

/** Reads back a command the client wrote (for recordings, the decode command and tests). */
export function parsePmdCommand(input: BytesLike): Result<PmdCommand> {
  const b = toBytes(input);
  if (b.length < 1) return fail('too-short', 'a PMD command has at least an opcode');
  const opCode = b[0];
  const opName = pmdOpCodeName(opCode);
  if (!opName) return fail('unknown-type', `unknown PMD opcode 0x${opCode.toString(16)}`);
  if (b.length < 2) {
    return ok({
      opCode,
      opName,
      measurementType: null,
      recording: null,
      settings: {},
      settingsStopped: null,
    });
  }
  const tb = b[1];
  const isStop = opCode === PmdOpCode.STOP_MEASUREMENT;
  const parsed =
    opCode === PmdOpCode.REQUEST_MEASUREMENT_START
      ? parsePmdSettings(b.subarray(2))
      : { settings: {}, stopped: null };
  return ok({
    opCode,
    opName,
    measurementType: tb & 0x7f,
    recording: isStop ? 'online' : tb & 0x80 ? 'offline' : 'online',
    settings: parsed.settings,
    settingsStopped: parsed.stopped,
  });
}

// ---- Responses and sensor-initiated commands on the CP (§2.4) ----

export const PMD_RESPONSE_CODE = 0xf0;
/** Sensor → client command: byte0 = 0x01, then the ids of the streams the sensor stopped [P-PMD]. */
export const PMD_ONLINE_MEASUREMENT_STOPPED = 0x01;

export interface PmdResponse {
  readonly kind: 'response';
  readonly opCode: number;
  readonly opName: PmdOpCodeName | null;
  readonly measurementType: number;
  readonly status: number;
  readonly statusName: PmdStatusName;
  /** More notifications follow whose bytes from offset 5 belong to `parameters` [P-PMD]. */
  readonly more: boolean;
  readonly parameters: Uint8Array;
}

export interface PmdMeasurementStopped {
  readonly kind: 'measurement-stopped';
  readonly stoppedTypes: readonly number[];
}

export type PmdControlPointNotification = PmdResponse | PmdMeasurementStopped;

/**
 * Parses one notification/indication of the PMD control point. Error responses may be only 4 bytes
 * with no `more` byte (the real H10 sent `F0 04 02 01`) [FST]; like the SDK, an error response never
 * has `more` set and its parameters are dropped [P-PMD `PmdControlPointResponse`].
 */
export function parsePmdControlPointNotification(input: BytesLike): Result<PmdControlPointNotification> {
  const b = toBytes(input);
  if (b.length < 1) return fail('too-short', 'empty PMD control point notification');
  if (b[0] === PMD_ONLINE_MEASUREMENT_STOPPED) {
    return ok({ kind: 'measurement-stopped', stoppedTypes: Array.from(b.subarray(1), (t) => t & 0x3f) });
  }
  if (b[0] !== PMD_RESPONSE_CODE) {
    return fail('unknown-type', `unknown PMD control point notification 0x${b[0].toString(16)}`);
  }
  if (b.length < 4) return fail('too-short', `PMD response needs 4 bytes, got ${b.length}`);
  const status = b[3];
  const success = status === PMD_STATUS_SUCCESS;
  return ok({
    kind: 'response',
    opCode: b[1],
    opName: pmdOpCodeName(b[1]),
    measurementType: b[2] & 0x7f,
    status,
    statusName: pmdStatusName(status),
    more: success && b.length > 4 && b[4] !== 0,
    parameters: success && b.length > 5 ? b.slice(5) : new Uint8Array(0),
  });
}

/**
 * Joins a response split over several notifications: while `more` is set, the next notification's
 * bytes from offset 5 are appended to the parameters [P-PMD `sendPmdCommand`]. Feed notifications
 * in order; `push` returns the whole response once the last part has arrived, null before that.
 */
export class PmdResponseAssembler {
  private pending: PmdResponse | null = null;
  private parts: Uint8Array[] = [];

  push(notification: PmdResponse): PmdResponse | null {
    // The SDK matches responses to commands by opcode: a response to another command means the
    // continuation was lost, so the half-assembled one is dropped rather than glued to it.
    if (this.pending !== null && notification.opCode !== this.pending.opCode) this.reset();
    if (this.pending === null) {
      if (!notification.more) return notification;
      this.pending = notification;
      this.parts = [notification.parameters];
      return null;
    }
    this.parts.push(notification.parameters);
    if (notification.more) return null;
    const total = this.parts.reduce((n, p) => n + p.length, 0);
    const parameters = new Uint8Array(total);
    let at = 0;
    for (const p of this.parts) {
      parameters.set(p, at);
      at += p.length;
    }
    const whole: PmdResponse = { ...this.pending, more: false, parameters };
    this.reset();
    return whole;
  }

  /** Drop a half-assembled response (on disconnect, or when a different command's answer arrives). */
  reset(): void {
    this.pending = null;
    this.parts = [];
  }

  get waiting(): boolean {
    return this.pending !== null;
  }
}

/** For the parameters of a start response: the FACTOR to apply to compressed frames, 1 when absent
 * (the H10 returns none: `F0 02 02 00 00 01`) [P-DOC, FST]. */
export function pmdFactorFromStartParameters(parameters: Uint8Array): number {
  return parsePmdSettings(parameters).settings.FACTOR?.[0] ?? 1;
}

// ---- Feature bitmap: a read of the control point (§2.1) ----

export interface PmdFeatures {
  readonly ecg: boolean;
  readonly ppg: boolean;
  readonly acc: boolean;
  readonly ppi: boolean;
  readonly gyro: boolean;
  readonly mag: boolean;
  readonly skinTemp: boolean;
  readonly sdkMode: boolean;
  readonly location: boolean;
  readonly pressure: boolean;
  readonly temperature: boolean;
  readonly offlineRecording: boolean;
  readonly offlineHr: boolean;
  /** The measurement type ids of every set bit. */
  readonly types: readonly number[];
}

export const PMD_FEATURE_READ_CODE = 0x0f;

export function parsePmdFeatures(input: BytesLike): Result<PmdFeatures> {
  const b = toBytes(input);
  if (b.length < 2) return fail('too-short', `PMD feature read needs 2 bytes, got ${b.length}`);
  if (b[0] !== PMD_FEATURE_READ_CODE) {
    return fail('bad-format', `PMD feature read starts with 0x0F, got 0x${b[0].toString(16)}`);
  }
  const b1 = b[1];
  const b2 = b.length > 2 ? b[2] : 0;
  const bit = (byte: number, n: number) => (byte & (1 << n)) !== 0;
  // byte1 bit n is measurement type n; byte2 bit n is type 8+n [P-PMD `fromByteArray`].
  const types: number[] = [];
  for (let n = 0; n < 8; n++) if (bit(b1, n) && pmdMeasurementTypeName(n)) types.push(n);
  for (let n = 0; n < 8; n++) if (bit(b2, n) && pmdMeasurementTypeName(8 + n)) types.push(8 + n);
  return ok({
    ecg: bit(b1, 0),
    ppg: bit(b1, 1),
    acc: bit(b1, 2),
    ppi: bit(b1, 3),
    gyro: bit(b1, 5),
    mag: bit(b1, 6),
    skinTemp: bit(b1, 7),
    sdkMode: bit(b2, 1),
    location: bit(b2, 2),
    pressure: bit(b2, 3),
    temperature: bit(b2, 4),
    offlineRecording: bit(b2, 5),
    offlineHr: bit(b2, 6),
    types,
  });
}

// ---- Choosing start settings from what the device offers ----

export interface PmdAccWish {
  readonly sampleRateHz: number;
  /** ± range in G; the H10 and Verity Sense default to 8 G [P-H10, P-VS]. */
  readonly rangeG?: number;
}

/** The smallest offered value at or above `wanted`, else the largest offered. */
function atLeast(offered: readonly number[], wanted: number): number {
  const sorted = [...offered].sort((a, b) => a - b);
  return sorted.find((v) => v >= wanted) ?? sorted[sorted.length - 1];
}

/**
 * Start settings for a stream from a get-settings response: the lowest offered rate and range that
 * meet the wish, the finest resolution, and every channel when CHANNELS is offered (Verity Sense's
 * start carries it: `… 04 01 03` [P-DOC]). Keys are in P-DOC's order: rate, resolution, range,
 * channels. An answer without any sample rate cannot be started.
 */
export function choosePmdStartSettings(offered: PmdSettings, wish: PmdAccWish): Result<PmdSettingsRequest> {
  if (!offered.SAMPLE_RATE?.length) return fail('bad-context', 'the device offers no sample rate');
  const out: { -readonly [K in keyof PmdSettingsRequest]: number } = {
    SAMPLE_RATE: atLeast(offered.SAMPLE_RATE, wish.sampleRateHz),
  };
  if (offered.RESOLUTION?.length) out.RESOLUTION = Math.max(...offered.RESOLUTION);
  if (offered.RANGE?.length) out.RANGE = atLeast(offered.RANGE, wish.rangeG ?? 8);
  if (offered.CHANNELS?.length) out.CHANNELS = Math.max(...offered.CHANNELS);
  return ok(out);
}

// ---- What a start response means for the app ----

export type PmdStartOutcome =
  | { readonly kind: 'started'; readonly factor: number }
  /** Status 6 after a reconnect: the old stream still runs; stop it, then start again [P-PMD; P-KI]. */
  | { readonly kind: 'already-running' }
  /** Status 10: the link's ATT MTU is below the frame size (232 needed) (P-ISS #222, #287). */
  | { readonly kind: 'mtu-too-small' }
  /** Status 13: a sensor on its charger does not stream. */
  | { readonly kind: 'charging' }
  | { readonly kind: 'failed'; readonly status: number; readonly statusName: PmdStatusName };

/** Turns the (assembled) response to a start command into what the sensor layer should do; the
 * wording for people belongs to the layers above. */
export function pmdStartOutcome(response: PmdResponse): PmdStartOutcome {
  switch (response.status) {
    case PMD_STATUS_SUCCESS:
      return { kind: 'started', factor: pmdFactorFromStartParameters(response.parameters) };
    case PMD_STATUS_ALREADY_IN_STATE:
      return { kind: 'already-running' };
    case PMD_STATUS_INVALID_MTU:
      return { kind: 'mtu-too-small' };
    case PMD_STATUS_DEVICE_IN_CHARGER:
      return { kind: 'charging' };
    default:
      return { kind: 'failed', status: response.status, statusName: pmdStatusName(response.status) };
  }
}
