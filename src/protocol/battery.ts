// Battery Service 0x180F, Battery Level 0x2A19: one uint8 percentage (PROTOCOLS.md §1.2).
import { type BytesLike, fail, ok, type Result, toBytes } from './result.ts';

export interface BatteryLevel {
  readonly percent: number;
}

/** Nordic rejects any length other than 1 and any value above 100 [NORDIC]; so do we, so that a
 * garbled read never shows "146 %". */
export function parseBatteryLevel(input: BytesLike): Result<BatteryLevel> {
  const b = toBytes(input);
  if (b.length !== 1) return fail('bad-length', `battery level is 1 byte, got ${b.length}`);
  if (b[0] > 100) return fail('out-of-range', `battery level ${b[0]} is above 100 %`);
  return ok({ percent: b[0] });
}
