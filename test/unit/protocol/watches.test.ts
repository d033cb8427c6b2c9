import { describe, expect, it } from 'vitest';
import {
  BANGLE_ACCEL_STREAM_CODE,
  BANGLE_HEART_STREAM_CODE,
  BANGLE_STOP_COMMAND,
  bangleLineFields,
  bangleStreamingWrites,
  bangleUploadText,
  chunkForWrite,
  LineFramer,
  parseBangleAccelLine,
  parseBangleHeartLine,
  parseBangleLine,
} from '../../../src/protocol/bangle.ts';
import { parseInfiniTimeMotion, parseInfiniTimeStepCount } from '../../../src/protocol/infinitime.ts';
import {
  buildMicrobitPeriod,
  parseMicrobitAccelerometer,
  parseMicrobitPeriod,
} from '../../../src/protocol/microbit.ts';
import { hexToBytes, type Result } from '../../../src/protocol/result.ts';

function bytes(hex: string): Uint8Array {
  const r = hexToBytes(hex);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const text = new TextEncoder();

describe('InfiniTime motion service', () => {
  it('reads int16 x, y, z at 1024 per g', () => {
    // x = 512, y = −1024, z = 1024.
    expect(value(parseInfiniTimeMotion(bytes('000200fc0004')))).toEqual({
      raw: [512, -1024, 1024],
      xyzG: [0.5, -1, 1],
    });
    expect(parseInfiniTimeMotion(bytes('0002')).ok).toBe(false);
    expect(value(parseInfiniTimeStepCount(bytes('39300000')))).toBe(12345);
  });
});

describe('micro:bit accelerometer service', () => {
  it('reads signed milli-g', () => {
    expect(value(parseMicrobitAccelerometer(bytes('e8031800f0fc')))).toEqual({
      milliG: [1000, 24, -784],
      xyzG: [1, 0.024, -0.784],
    });
    expect(parseMicrobitAccelerometer(bytes('e80318')).ok).toBe(false);
  });

  it('writes a period and reads back what the device chose', () => {
    expect([...value(buildMicrobitPeriod(20))]).toEqual([20, 0]);
    expect([...value(buildMicrobitPeriod(1000))]).toEqual([0xe8, 0x03]);
    // Writing 0 crashes the device, so the builder refuses it.
    expect(buildMicrobitPeriod(0).ok).toBe(false);
    expect(value(parseMicrobitPeriod(bytes('6400')))).toBe(100);
  });
});

describe('Bangle.js over Nordic UART', () => {
  it('splits the upload into writes of at most 20 bytes that join back to the text', () => {
    const { reset, upload } = bangleStreamingWrites();
    expect(reset.map((c) => [...c])).toEqual([[...text.encode('reset();\n')]]);
    expect(upload.every((c) => c.length <= 20 && c.length > 0)).toBe(true);
    const joined = new TextDecoder().decode(Uint8Array.from(upload.flatMap((c) => [...c])));
    expect(joined).toBe(bangleUploadText(BANGLE_ACCEL_STREAM_CODE));
    expect(joined.startsWith('\x03\x10if(1){')).toBe(true);
    expect(chunkForWrite(new Uint8Array(41)).map((c) => c.length)).toEqual([20, 20, 1]);
  });

  it('reassembles lines split across notifications, several per notification', () => {
    const framer = new LineFramer();
    expect(framer.push(text.encode('A,1'))).toEqual([]);
    expect(framer.push(text.encode('2,-34,98\r\nA,0,0,'))).toEqual(['A,12,-34,98']);
    expect(framer.push(text.encode('100\r\nA,1,1,1\r\n'))).toEqual(['A,0,0,100', 'A,1,1,1']);
  });

  it('decodes a multi-byte character split between notifications', () => {
    const framer = new LineFramer();
    const all = text.encode('é\n');
    expect(framer.push(all.subarray(0, 1))).toEqual([]);
    expect(framer.push(all.subarray(1))).toEqual(['é']);
  });

  it('drops a runaway line without a newline', () => {
    const framer = new LineFramer(16);
    framer.push(new Uint8Array(40).fill(0x41));
    expect(framer.droppedLines).toBe(1);
    expect(framer.push(text.encode('A,1,2,3\n'))).toEqual(['A,1,2,3']);
  });

  it('parses accelerometer lines in hundredths of g and rejects anything else', () => {
    expect(value(parseBangleAccelLine('A,12,-34,98')).xyzG).toEqual([0.12, -0.34, 0.98]);
    expect(value(parseBangleAccelLine('>A,-5,0,101')).xyzG).toEqual([-0.05, 0, 1.01]);
    expect(parseBangleAccelLine('>').ok).toBe(false);
    expect(parseBangleAccelLine('XA,1,2,3').ok).toBe(false);
    expect(parseBangleAccelLine('A,1,2').ok).toBe(false);
    expect(parseBangleAccelLine('Uncaught Error: x').ok).toBe(false);
  });

  it('parses heart-rate lines: beats a minute and how sure the watch is, in %', () => {
    expect(value(parseBangleHeartLine('H,72,85'))).toEqual({ bpm: 72, confidence: 85 });
    expect(value(parseBangleHeartLine('>H,0,12'))).toEqual({ bpm: 0, confidence: 12 });
    expect(parseBangleHeartLine('H,72').ok).toBe(false);
    expect(parseBangleHeartLine('H,-72,85').ok).toBe(false);
    expect(parseBangleHeartLine('H,72,185')).toMatchObject({ ok: false, error: { code: 'out-of-range' } });
  });

  it("sorts a line by its stream, and the REPL's own text as neither", () => {
    expect(value(parseBangleLine('A,12,-34,98'))).toEqual({ kind: 'accel', xyzG: [0.12, -0.34, 0.98] });
    expect(value(parseBangleLine('H,72,85'))).toEqual({ kind: 'heart', bpm: 72, confidence: 85 });
    expect(value(parseBangleLine('>'))).toEqual({ kind: 'other' });
    expect(value(parseBangleLine('=undefined'))).toEqual({ kind: 'other' });
    expect(parseBangleLine('A,oops').ok).toBe(false);
    expect(parseBangleLine('H,oops').ok).toBe(false);
    // As the decode and replay tools show them.
    expect(bangleLineFields('H,72,85')).toEqual({ line: 'H,72,85', bpm: 72, confidence: 85 });
    expect(bangleLineFields('A,1,2,100')).toEqual({ line: 'A,1,2,100', xyzG: [0.01, 0.02, 1] });
    expect(bangleLineFields('>')).toMatchObject({ line: '>', error: { code: 'bad-format' } });
  });

  it('uploads the heart-rate code after the accelerometer code, in writes of at most 20 bytes', () => {
    const { upload, heartUpload } = bangleStreamingWrites();
    const joined = (chunks: Uint8Array[]) =>
      new TextDecoder().decode(Uint8Array.from(chunks.flatMap((c) => [...c])));
    expect(joined(upload)).toBe(bangleUploadText(BANGLE_ACCEL_STREAM_CODE));
    expect(joined(heartUpload)).toBe(bangleUploadText(BANGLE_HEART_STREAM_CODE));
    expect(heartUpload.every((c) => c.length <= 20 && c.length > 0)).toBe(true);
    expect(BANGLE_HEART_STREAM_CODE).toContain('Bangle.setHRMPower(1,"backbeat")');
    expect(BANGLE_STOP_COMMAND).toBe('\x03Bangle.setHRMPower(0,"backbeat");reset();\n');
  });
});
