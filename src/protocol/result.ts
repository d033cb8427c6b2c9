// Every parser in protocol/ returns one of these instead of throwing: a malformed notification is
// counted and dropped by the caller, and must never end a stream.

export type ParseErrorCode =
  /** Fewer bytes than the fixed part of the layout needs. */
  | 'too-short'
  /** A length the format does not allow (odd RR tail, extra bytes, wrong frame size). */
  | 'bad-length'
  /** A field value outside what the format allows (battery above 100 %, reserved id). */
  | 'out-of-range'
  /** A type or opcode this parser does not know how to size, so it stops rather than guess. */
  | 'unknown-type'
  /** Not what the parser expects at all (a text line that is not a sample, bad hex). */
  | 'bad-format'
  /** Missing or inconsistent context (no sample rate, a timestamp that does not increase). */
  | 'bad-context';

export interface ParseError {
  readonly code: ParseErrorCode;
  readonly message: string;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ParseError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ParseErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** What a GATT notification or read hands us: Web Bluetooth gives a DataView, tests give bytes. */
export type BytesLike = DataView | Uint8Array;

export function toBytes(input: BytesLike): Uint8Array {
  if (input instanceof Uint8Array) return input;
  return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
}

export function toDataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The two hex digits of each byte value. */
const HEX_OF_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * Lower-case hex, as one flat string: joined rather than built up with `+=`, which V8 keeps as a
 * rope of a piece per byte (12 KB of heap for a 226-byte PMD frame, where a recording keeps one per
 * notification).
 */
export function bytesToHex(bytes: Uint8Array): string {
  const digits = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) digits[i] = HEX_OF_BYTE[bytes[i]!]!;
  return digits.join('');
}

/** Hex in either case, with spaces, colons or commas between bytes and `0x` before them, as
 * captures are printed in logs, nRF Connect and C sources. */
export function hexToBytes(hex: string): Result<Uint8Array> {
  const clean = hex.replace(/(^|[\s:,])0x/gi, '$1').replace(/[\s:,]/g, '');
  if (clean.length % 2 !== 0) return fail('bad-format', 'hex string has an odd number of digits');
  if (!/^[0-9a-fA-F]*$/.test(clean)) return fail('bad-format', 'hex string has a non-hex character');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return ok(out);
}
