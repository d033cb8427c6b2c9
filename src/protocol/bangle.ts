// Bangle.js (Espruino) accelerometer streaming over the Nordic UART Service (PROTOCOLS.md §4),
// following the documented method of "Bangle.js Data Streaming" [ESP].
import { fail, ok, type Result } from './result.ts';

const encoder = new TextEncoder();

/** Written first: resets the watch's JavaScript state; then wait before uploading [ESP]. */
export const BANGLE_RESET_COMMAND = 'reset();\n';
export const BANGLE_RESET_WAIT_MS = 1500;

/** The documented streaming code: one `A,x,y,z` line per accel event, values in hundredths of g. */
export const BANGLE_ACCEL_STREAM_CODE = `
Bangle.on('accel',function(a) {
  var d = [
    "A",
    Math.round(a.x*100),
    Math.round(a.y*100),
    Math.round(a.z*100)
    ];
  Bluetooth.println(d.join(","));
})
`;

/**
 * Uploaded after the documented accelerometer code, as a statement of its own: turns the watch's
 * optical heart sensor on (under our app's name, so that the watch's own power bookkeeping keeps it on
 * for us alone) and prints one `H,bpm,confidence` line per reading, about one a second once it has
 * found the pulse. The `HRM` event gives `bpm` and a `confidence` in percent [ESP jswrap_bangle.c].
 */
export const BANGLE_HEART_STREAM_CODE = `
Bangle.setHRMPower(1,"backbeat");
Bangle.on('HRM',function(h) {
  Bluetooth.println(["H",h.bpm,h.confidence].join(","));
})
`;

/**
 * Written when the app lets the watch go: the heart sensor off first (reset() drops our handlers, but
 * the sensor is the battery's largest drain and is named off under the name it was turned on with).
 */
export const BANGLE_STOP_COMMAND = '\x03Bangle.setHRMPower(0,"backbeat");reset();\n';

/** NUS writes are at most 20 bytes (default ATT MTU) [ESP "About Bluetooth LE"]. */
export const NUS_MAX_WRITE_BYTES = 20;

/**
 * The upload text: Ctrl-C clears any half-typed line, `\x10` stops the REPL from echoing this line
 * back [ESP "BLE UART"], and `if(1){…}` makes the whole code one statement.
 */
export function bangleUploadText(code: string): string {
  return `\x03\x10if(1){${code}}\n`;
}

/** Splits bytes into writes of at most `size` bytes (20 on NUS). */
export function chunkForWrite(bytes: Uint8Array, size = NUS_MAX_WRITE_BYTES): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const step = Math.max(1, Math.floor(size));
  for (let i = 0; i < bytes.length; i += step) chunks.push(bytes.slice(i, i + step));
  return chunks;
}

/**
 * The writes to start streaming: reset, then (after BANGLE_RESET_WAIT_MS) the upload of the accelerometer
 * code, then that of the heart-rate code, each in chunks.
 */
export function bangleStreamingWrites(code = BANGLE_ACCEL_STREAM_CODE): {
  readonly reset: Uint8Array[];
  readonly upload: Uint8Array[];
  readonly heartUpload: Uint8Array[];
} {
  return {
    reset: chunkForWrite(encoder.encode(BANGLE_RESET_COMMAND)),
    upload: chunkForWrite(encoder.encode(bangleUploadText(code))),
    heartUpload: chunkForWrite(encoder.encode(bangleUploadText(BANGLE_HEART_STREAM_CODE))),
  };
}

/**
 * Reassembles text lines from NUS notifications: a line can arrive across several notifications,
 * and one notification can hold several lines [ESP Data Streaming]. UTF-8 split across
 * notifications is decoded correctly. A line longer than `maxLineLength` without a newline is
 * dropped (and counted) so that a stream of garbage cannot grow memory without bound.
 */
export class LineFramer {
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });
  private pending = '';
  private dropped = 0;

  constructor(private readonly maxLineLength = 1024) {}

  /** Feeds one notification; returns the lines it completed, without their `\r\n` / `\n`. */
  push(chunk: Uint8Array): string[] {
    this.pending += this.decoder.decode(chunk, { stream: true });
    const parts = this.pending.split('\n');
    this.pending = parts.pop() ?? '';
    if (this.pending.length > this.maxLineLength) {
      this.pending = '';
      this.dropped++;
    }
    return parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  }

  /** Lines dropped for being too long. */
  get droppedLines(): number {
    return this.dropped;
  }

  reset(): void {
    this.pending = '';
    this.decoder.decode();
  }
}

export interface BangleAccel {
  /** x, y, z in g (x left-right, y up-down, z in-out [ESP jswrap_bangle.c]). */
  readonly xyzG: readonly [number, number, number];
}

// The sample is the tail of the line: console text that is not ours (a REPL prompt `>` left on the
// line before our output) may precede it, and must not cost the sample.
const ACCEL_LINE = /(?:^|[\s>])A,(-?\d{1,6}),(-?\d{1,6}),(-?\d{1,6})$/;

/** Parses one `A,x,y,z` line (hundredths of g). Anything else (prompts, errors) is an error. */
export function parseBangleAccelLine(line: string): Result<BangleAccel> {
  const m = ACCEL_LINE.exec(line.trim());
  if (!m) return fail('bad-format', `not an accelerometer line: ${JSON.stringify(line.slice(0, 40))}`);
  return ok({ xyzG: [Number(m[1]) / 100, Number(m[2]) / 100, Number(m[3]) / 100] });
}

export interface BangleHeart {
  /** 0 while the sensor has not found the pulse yet. */
  readonly bpm: number;
  /** How sure the watch is of `bpm`, 0–100 %. */
  readonly confidence: number;
}

const HEART_LINE = /(?:^|[\s>])H,(\d{1,3}),(\d{1,3})$/;

/** Parses one `H,bpm,confidence` line. Anything else is an error. */
export function parseBangleHeartLine(line: string): Result<BangleHeart> {
  const m = HEART_LINE.exec(line.trim());
  if (!m) return fail('bad-format', `not a heart-rate line: ${JSON.stringify(line.slice(0, 40))}`);
  const confidence = Number(m[2]);
  if (confidence > 100) return fail('out-of-range', `a heart-rate confidence of ${confidence} %`);
  return ok({ bpm: Number(m[1]), confidence });
}

/** One line the watch printed: a reading of either stream, or text that is neither. */
export type BangleLine =
  | ({ readonly kind: 'accel' } & BangleAccel)
  | ({ readonly kind: 'heart' } & BangleHeart)
  | { readonly kind: 'other' };

/**
 * Sorts a line by the stream it claims to be: lines that carry neither tag are the REPL's own text
 * (prompts, echoes) and are no reading gone wrong; a tagged line that does not parse is.
 */
export function parseBangleLine(line: string): Result<BangleLine> {
  if (/(?:^|[\s>])H,/.test(line)) {
    const r = parseBangleHeartLine(line);
    return r.ok ? ok({ kind: 'heart', ...r.value }) : r;
  }
  if (line.includes('A,')) {
    const r = parseBangleAccelLine(line);
    return r.ok ? ok({ kind: 'accel', ...r.value }) : r;
  }
  return ok({ kind: 'other' });
}

/**
 * One line as the decode and replay tools show it: the fields of the reading it carries, or why it is
 * none (the REPL's own text among them, which the live decoder passes over).
 */
export function bangleLineFields(line: string): Readonly<Record<string, unknown>> {
  const r = parseBangleLine(line);
  if (!r.ok) return { line, error: r.error };
  const { kind, ...fields } = r.value;
  if (kind !== 'other') return { line, ...fields };
  return {
    line,
    error: { code: 'bad-format', message: `not a reading: ${JSON.stringify(line.slice(0, 40))}` },
  };
}
