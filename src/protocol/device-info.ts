// Device Information Service 0x180A (PROTOCOLS.md §1.3).
import { type BytesLike, fail, ok, type Result, toBytes } from './result.ts';

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * A DIS string characteristic (model, manufacturer, revisions). The real H10 ends every string with
 * a NUL byte (`48 31 30 00` = "H10") [FST], so trailing NULs are trimmed. Invalid UTF-8 becomes
 * U+FFFD rather than an error: these strings are only shown to people.
 */
export function parseDeviceInfoString(input: BytesLike): Result<string> {
  const b = toBytes(input);
  let end = b.length;
  while (end > 0 && b[end - 1] === 0) end--;
  return ok(decoder.decode(b.subarray(0, end)));
}

/**
 * System ID 0x2A23 as upper-case hex in reverse byte order, the way polar-h10-web shows it [FST]
 * (a presentation choice: the value is a little-endian 64-bit identifier).
 */
export function parseSystemId(input: BytesLike): Result<string> {
  const b = toBytes(input);
  if (b.length !== 8) return fail('bad-length', `system id is 8 bytes, got ${b.length}`);
  let s = '';
  for (let i = b.length - 1; i >= 0; i--) s += b[i].toString(16).padStart(2, '0');
  return ok(s.toUpperCase());
}
