// PineTime / InfiniTime Motion Service 00030000-78fc-48fe-8e23-433b3a1942d0 (PROTOCOLS.md §3) [IT].
import { type BytesLike, fail, ok, type Result, toBytes, toDataView } from './result.ts';

/** Raw motion is in "binary milli-g": 1 g = 1024 [IT doc/MotionService.md, since 1.15.0]. */
export const INFINITIME_COUNTS_PER_G = 1024;

export interface InfiniTimeMotion {
  /** x, y, z as sent (X and Y are already swapped by the firmware to match the mounting). */
  readonly raw: readonly [number, number, number];
  /** x, y, z in g. */
  readonly xyzG: readonly [number, number, number];
}

/**
 * Parses a raw-motion notification: 3 × int16 LE. The watch notifies only when a value changed, at
 * most every 100 ms, so callers must time samples on receipt [IT SystemTask.cpp].
 */
export function parseInfiniTimeMotion(input: BytesLike): Result<InfiniTimeMotion> {
  const b = toBytes(input);
  if (b.length !== 6) return fail('bad-length', `InfiniTime motion is 6 bytes, got ${b.length}`);
  const view = toDataView(b);
  const raw = [view.getInt16(0, true), view.getInt16(2, true), view.getInt16(4, true)] as const;
  return ok({
    raw,
    xyzG: [
      raw[0] / INFINITIME_COUNTS_PER_G,
      raw[1] / INFINITIME_COUNTS_PER_G,
      raw[2] / INFINITIME_COUNTS_PER_G,
    ],
  });
}

/** Step count 00030001-…: uint32 LE [IT doc/MotionService.md]. */
export function parseInfiniTimeStepCount(input: BytesLike): Result<number> {
  const b = toBytes(input);
  if (b.length !== 4) return fail('bad-length', `InfiniTime step count is 4 bytes, got ${b.length}`);
  return ok(toDataView(b).getUint32(0, true));
}
