import { describe, expect, it } from 'vitest';
import {
  buildStartMeasurement,
  buildStopMeasurement,
  choosePmdStartSettings,
  PmdMeasurementType,
  type PmdResponse,
  PmdResponseAssembler,
  parsePmdControlPointNotification,
  parsePmdSettings,
  pmdFactorFromStartParameters,
  pmdStartOutcome,
  pmdStatusName,
} from '../../../src/protocol/polar-pmd.ts';
import {
  PmdStreamDecoder,
  parsePmdAccFrame,
  pmdSampleSpacingMs,
} from '../../../src/protocol/polar-pmd-data.ts';
import { divRoundHalfEven } from '../../../src/protocol/polar-pmd-time.ts';
import { bytesToHex, hexToBytes, type Result } from '../../../src/protocol/result.ts';

function bytes(hex: string): Uint8Array {
  const r = hexToBytes(hex);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function response(hex: string): PmdResponse {
  const n = value(parsePmdControlPointNotification(bytes(hex)));
  if (n.kind !== 'response') throw new Error('not a response');
  return n;
}

/** A raw type-1 ACC frame: header with the given timestamp, then int16 x,y,z per sample. */
function accFrame(timeStampNs: bigint, samples: [number, number, number][]): Uint8Array {
  const out = new Uint8Array(10 + samples.length * 6);
  const view = new DataView(out.buffer);
  out[0] = PmdMeasurementType.ACC;
  view.setBigUint64(1, timeStampNs, true);
  out[9] = 0x01;
  samples.forEach((s, i) => {
    s.forEach((v, c) => {
      view.setInt16(10 + i * 6 + c * 2, v, true);
    });
  });
  return out;
}

describe('PMD control point', () => {
  it('builds the H10 ACC start in the order the settings are given', () => {
    const cmd = value(
      buildStartMeasurement(PmdMeasurementType.ACC, { RANGE: 8, SAMPLE_RATE: 200, RESOLUTION: 16 }),
    );
    expect(bytesToHex(cmd)).toBe('0202020108000001c80001011000');
    expect(bytesToHex(buildStopMeasurement(PmdMeasurementType.ACC))).toBe('0302');
  });

  it('refuses settings that do not fit their field', () => {
    const r = buildStartMeasurement(PmdMeasurementType.ACC, { SAMPLE_RATE: 70000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('out-of-range');
  });

  it('reads a 4-byte error response without a more byte', () => {
    const r = response('f0040201');
    expect(r.statusName).toBe('ERROR_INVALID_OP_CODE');
    expect(r.more).toBe(false);
    expect(r.parameters.length).toBe(0);
    expect(pmdStatusName(10)).toBe('ERROR_INVALID_MTU');
    expect(pmdStatusName(200)).toBe('UNKNOWN_STATUS');
  });

  it('appends continuation frames from offset 5 before the settings are parsed', () => {
    // The H10 ACC settings response split in two, the first part flagged `more`.
    const assembler = new PmdResponseAssembler();
    expect(assembler.push(response('f001020001000419003200'))).toBeNull();
    expect(assembler.waiting).toBe(true);
    const whole = assembler.push(response('f0010200006400c800010110000203020004000800'));
    if (!whole) throw new Error('expected the whole response');
    expect(whole.more).toBe(false);
    expect(parsePmdSettings(whole.parameters)).toEqual({
      settings: { SAMPLE_RATE: [25, 50, 100, 200], RESOLUTION: [16], RANGE: [2, 4, 8] },
      stopped: null,
    });
    expect(assembler.waiting).toBe(false);
  });

  it('drops a half-assembled response when another command answers', () => {
    const assembler = new PmdResponseAssembler();
    expect(assembler.push(response('f001020001000419003200'))).toBeNull();
    const stop = assembler.push(response('f003020000'));
    expect(stop?.opCode).toBe(3);
    expect(assembler.waiting).toBe(false);
  });

  it('stops at an unknown setting type and keeps what came before', () => {
    expect(parsePmdSettings(bytes('000132000901ff'))).toEqual({
      settings: { SAMPLE_RATE: [50] },
      stopped: { offset: 4, reason: 'unknown-type' },
    });
    expect(parsePmdSettings(bytes('00023200'))).toEqual({
      settings: {},
      stopped: { offset: 0, reason: 'truncated' },
    });
  });

  it('takes the factor from a start response, 1 when there is none', () => {
    expect(pmdFactorFromStartParameters(response('f002020000050140da7f39').parameters)).toBeCloseTo(
      0.000244,
      9,
    );
    expect(pmdFactorFromStartParameters(response('f00202000001').parameters)).toBe(1);
  });

  it('says what a start response means for the app', () => {
    expect(pmdStartOutcome(response('f002020000050140da7f39'))).toMatchObject({ kind: 'started' });
    expect(pmdStartOutcome(response('f00202000001'))).toEqual({ kind: 'started', factor: 1 });
    expect(pmdStartOutcome(response('f002020600'))).toEqual({ kind: 'already-running' });
    expect(pmdStartOutcome(response('f002020a00'))).toEqual({ kind: 'mtu-too-small' });
    expect(pmdStartOutcome(response('f002020d00'))).toEqual({ kind: 'charging' });
    expect(pmdStartOutcome(response('f0020902'))).toMatchObject({
      kind: 'failed',
      statusName: 'ERROR_INVALID_MEASUREMENT_TYPE',
    });
  });

  it('reads a device-initiated stop', () => {
    expect(value(parsePmdControlPointNotification(bytes('0102')))).toEqual({
      kind: 'measurement-stopped',
      stoppedTypes: [2],
    });
  });
});

describe('choosing start settings from the offered ones', () => {
  const h10 = parsePmdSettings(bytes('0004190032006400c800010110000203020004000800')).settings;
  const verity = parsePmdSettings(bytes('000134000101100002010800040103')).settings;

  it('asks the H10 for the rate and range at or above the wish, in the order the H10 accepted', () => {
    const s = value(choosePmdStartSettings(h10, { sampleRateHz: 200, rangeG: 8 }));
    // The bytes a real H10 accepted for 200 Hz / 16 bit / 8 G [FST].
    expect(bytesToHex(value(buildStartMeasurement(PmdMeasurementType.ACC, s)))).toBe(
      '02020001c8000101100002010800',
    );
    expect(value(choosePmdStartSettings(h10, { sampleRateHz: 60, rangeG: 3 }))).toEqual({
      SAMPLE_RATE: 100,
      RESOLUTION: 16,
      RANGE: 4,
    });
    expect(value(choosePmdStartSettings(h10, { sampleRateHz: 1000 })).SAMPLE_RATE).toBe(200);
  });

  it('includes the channels a Verity Sense offers, as its documented start does', () => {
    const s = value(choosePmdStartSettings(verity, { sampleRateHz: 50 }));
    expect(bytesToHex(value(buildStartMeasurement(PmdMeasurementType.ACC, s)))).toBe(
      '0202000134000101100002010800040103',
    );
    expect(choosePmdStartSettings({}, { sampleRateHz: 50 }).ok).toBe(false);
  });
});

describe('PMD data frames', () => {
  it('converts H10 raw mG to g', () => {
    const f = value(parsePmdAccFrame(accFrame(1_000_000_000n, [[-9, -1, 999]]), { sampleRateHz: 200 }));
    expect([...f.xyzG].map((g) => Math.round(g * 1e6) / 1e6)).toEqual([-0.009, -0.001, 0.999]);
    expect(f.timestampsNs).toEqual([1_000_000_000n]);
  });

  it('refuses a frame cut short, as a small MTU would cut it', () => {
    const full = accFrame(1_000_000_000n, [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const r = parsePmdAccFrame(full.subarray(0, full.length - 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('bad-length');
  });

  it('spaces the first frame by rate and later ones by the previous timestamp', () => {
    const decoder = new PmdStreamDecoder();
    decoder.start(PmdMeasurementType.ACC, { sampleRateHz: 100 });
    const a = value(
      decoder.decode(
        accFrame(1_000_000_000n, [
          [0, 0, 1000],
          [0, 0, 1000],
        ]),
      ),
    );
    expect(a.timestampsNs).toEqual([990_000_000n, 1_000_000_000n]);
    const b = value(
      decoder.decode(
        accFrame(1_030_000_000n, [
          [0, 0, 1000],
          [0, 0, 1000],
          [0, 0, 1000],
        ]),
      ),
    );
    expect(b.timestampsNs).toEqual([1_010_000_000n, 1_020_000_000n, 1_030_000_000n]);
    expect(pmdSampleSpacingMs(b.timestampsNs ?? [])).toBe(10);
    expect(decoder.previousTimeStampNs(PmdMeasurementType.ACC, 1)).toBe(1_030_000_000n);
  });

  it('treats a timestamp that goes backwards as a clock reset instead of failing', () => {
    const decoder = new PmdStreamDecoder();
    decoder.start(PmdMeasurementType.ACC, { sampleRateHz: 100 });
    value(decoder.decode(accFrame(5_000_000_000n, [[0, 0, 1000]])));
    const after = value(
      decoder.decode(
        accFrame(2_000_000_000n, [
          [0, 0, 1000],
          [0, 0, 1000],
        ]),
      ),
    );
    expect(after.timestampsNs).toEqual([1_990_000_000n, 2_000_000_000n]);
  });

  it('rounds exact halves to even like Kotlin', () => {
    expect(divRoundHalfEven(201n, 2n)).toBe(100n);
    expect(divRoundHalfEven(203n, 2n)).toBe(102n);
    expect(divRoundHalfEven(-3n, 2n)).toBe(-2n);
    expect(divRoundHalfEven(7n, 3n)).toBe(2n);
  });
});
