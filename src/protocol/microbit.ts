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
 * The period write: uint16 LE ms. Zero is refused because writing 0 crashes the device [MB]. The
 * firmware really supports 2, 5, 10, 20, 40, 100 and 1000 ms, not the profile's list (PROTOCOLS.md §5)
 * [MB microbit-connection]: it picks the nearest and writes it back, so read the period after writing it.
 */
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
