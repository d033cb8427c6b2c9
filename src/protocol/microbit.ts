// BBC micro:bit Accelerometer Service e95d0753-… (PROTOCOLS.md §5) [MB].
import { type BytesLike, fail, ok, type Result, toBytes, toDataView } from './result.ts';

export interface MicrobitAcceleration {
  /** x, y, z in milli-g as sent. Signed, despite one profile line saying "unsigned" (§5 ⚠). */
  readonly milliG: readonly [number, number, number];
  readonly xyzG: readonly [number, number, number];
}

export function parseMicrobitAccelerometer(input: BytesLike): Result<MicrobitAcceleration> {
  const b = toBytes(input);
  if (b.length !== 6) return fail('bad-length', `micro:bit accelerometer data is 6 bytes, got ${b.length}`);
  const view = toDataView(b);
  const milliG = [view.getInt16(0, true), view.getInt16(2, true), view.getInt16(4, true)] as const;
  return ok({ milliG, xyzG: [milliG[0] / 1000, milliG[1] / 1000, milliG[2] / 1000] });
}

/**
 * Periods the firmware really supports, per micro:bit Foundation code, which says the profile's list
 * (1, 2, 5, 10, 20, 80, 160, 640) "looks wrong" [MB microbit-connection]. The device picks the
 * nearest period it supports and writes it back, so always read the period after writing it.
 */
export const MICROBIT_SUPPORTED_PERIODS_MS = [2, 5, 10, 20, 40, 100, 1000] as const;

/** The period write: uint16 LE ms. Zero is refused because writing 0 crashes the device [MB]. */
export function buildMicrobitPeriod(periodMs: number): Result<Uint8Array> {
  if (!Number.isInteger(periodMs) || periodMs < 1 || periodMs > 0xffff) {
    return fail('out-of-range', `micro:bit period ${periodMs} ms is not 1–65535 (0 crashes the device)`);
  }
  return ok(Uint8Array.of(periodMs & 0xff, periodMs >> 8));
}

/** The period read back after a write: what the device actually uses. */
export function parseMicrobitPeriod(input: BytesLike): Result<number> {
  const b = toBytes(input);
  if (b.length !== 2) return fail('bad-length', `micro:bit period is 2 bytes, got ${b.length}`);
  return ok(toDataView(b).getUint16(0, true));
}
