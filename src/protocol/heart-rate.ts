// Heart Rate Service 0x180D: Heart Rate Measurement 0x2A37, Body Sensor Location 0x2A38 and the
// Heart Rate Control Point 0x2A39. Layout and flag bits: PROTOCOLS.md §1.1 [BVP, P-HR].
import { type BytesLike, fail, ok, type Result, toBytes } from './result.ts';

export interface HeartRateMeasurement {
  /** The raw flags byte, kept for recordings and bug reports. */
  readonly flags: number;
  readonly bpm: number;
  /** Flag bit 2: the sensor can tell whether it touches skin. */
  readonly contactSupported: boolean;
  /**
   * Skin contact detected: flag bits 1 and 2 both set, Polar's rule [P-HR] (PROTOCOLS.md §7.1).
   * Bit 1 alone means nothing without bit 2, so false when unsupported. A real H10 sends flags
   * 0x10 (neither bit) while worn [FST], so callers must not read `false` as "strap off" unless
   * `contactSupported` is true.
   */
  readonly contactDetected: boolean;
  /** Cumulative energy in kJ, or null when the packet does not carry it. */
  readonly energyExpendedKj: number | null;
  /** Flag bit 4. Can be true with no intervals (`17 01 01`): we keep the packet and return an
   * empty list as Polar does, rather than dropping a valid bpm as Nordic does (§7.2). */
  readonly rrPresent: boolean;
  /** Beat-to-beat intervals in the wire unit of 1/1024 s, oldest first; stored as is. */
  readonly rrRaw: readonly number[];
  /** The same intervals in ms, rounded half up like Polar's `roundToInt` [P-HR] (§7.3). */
  readonly rrMs: readonly number[];
}

const FLAG_HR_UINT16 = 0x01;
const FLAG_CONTACT_STATUS = 0x02;
const FLAG_CONTACT_SUPPORTED = 0x04;
const FLAG_ENERGY = 0x08;
const FLAG_RR = 0x10;

export function rrRawToMs(raw: number): number {
  return Math.round((raw * 1000) / 1024);
}

/**
 * Parses a Heart Rate Measurement notification. Any number of RR intervals is accepted: bvp's
 * 20-byte cap is a default-MTU assumption, not a spec rule (§7.4). An odd trailing byte in the RR
 * part is rejected as malformed, since half an interval cannot be trusted.
 */
export function parseHeartRateMeasurement(input: BytesLike): Result<HeartRateMeasurement> {
  const b = toBytes(input);
  if (b.length < 2) return fail('too-short', `heart rate measurement needs 2 bytes, got ${b.length}`);
  const flags = b[0];
  let offset = 1;
  let bpm: number;
  if (flags & FLAG_HR_UINT16) {
    if (b.length < 3) return fail('too-short', 'uint16 heart rate flagged but only one HR byte present');
    bpm = b[1] | (b[2] << 8);
    offset = 3;
  } else {
    bpm = b[1];
    offset = 2;
  }
  let energyExpendedKj: number | null = null;
  if (flags & FLAG_ENERGY) {
    if (b.length < offset + 2) return fail('too-short', 'energy expended flagged but truncated');
    energyExpendedKj = b[offset] | (b[offset + 1] << 8);
    offset += 2;
  }
  const rrPresent = (flags & FLAG_RR) !== 0;
  const rrRaw: number[] = [];
  const rrMs: number[] = [];
  if (rrPresent) {
    if ((b.length - offset) % 2 !== 0) {
      return fail('bad-length', `RR intervals take 2 bytes each; ${b.length - offset} bytes left`);
    }
    for (; offset < b.length; offset += 2) {
      const raw = b[offset] | (b[offset + 1] << 8);
      rrRaw.push(raw);
      rrMs.push(rrRawToMs(raw));
    }
  }
  const contactSupported = (flags & FLAG_CONTACT_SUPPORTED) !== 0;
  return ok({
    flags,
    bpm,
    contactSupported,
    contactDetected: contactSupported && (flags & FLAG_CONTACT_STATUS) !== 0,
    energyExpendedKj,
    rrPresent,
    rrRaw,
    rrMs,
  });
}

/** Body Sensor Location 0x2A38 names; 7–255 are reserved [BVP tests; WB-SPEC]. */
export const BODY_SENSOR_LOCATIONS = [
  'Other',
  'Chest',
  'Wrist',
  'Finger',
  'Hand',
  'Ear Lobe',
  'Foot',
] as const;
export type BodySensorLocationName = (typeof BODY_SENSOR_LOCATIONS)[number] | 'Unknown';

export interface BodySensorLocation {
  readonly code: number;
  /** 'Unknown' for a reserved code: still a valid read, as bvp treats it. */
  readonly location: BodySensorLocationName;
}

export function parseBodySensorLocation(input: BytesLike): Result<BodySensorLocation> {
  const b = toBytes(input);
  if (b.length !== 1) return fail('bad-length', `body sensor location is 1 byte, got ${b.length}`);
  const code = b[0];
  return ok({ code, location: BODY_SENSOR_LOCATIONS[code] ?? 'Unknown' });
}

/** The only defined Heart Rate Control Point command; 0 and 2–255 are reserved [BVP]. */
export const HR_CONTROL_RESET_ENERGY_EXPENDED = 0x01;

export function buildResetEnergyExpended(): Uint8Array {
  return Uint8Array.of(HR_CONTROL_RESET_ENERGY_EXPENDED);
}

export interface HeartRateControlCommand {
  readonly code: number;
  readonly op: 'ResetEnergyExpended' | 'Reserved';
}

/** Decodes a control point value (what a client wrote), for recordings and the decode command. */
export function parseHeartRateControlPoint(input: BytesLike): Result<HeartRateControlCommand> {
  const b = toBytes(input);
  if (b.length !== 1) return fail('bad-length', `heart rate control point is 1 byte, got ${b.length}`);
  const code = b[0];
  return ok({ code, op: code === HR_CONTROL_RESET_ENERGY_EXPENDED ? 'ResetEnergyExpended' : 'Reserved' });
}
