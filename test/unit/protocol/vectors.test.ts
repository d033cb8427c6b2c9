// Runs every vector of ../shared/vectors/vectors.json whose protocol we support and checks every
// field of its `expected` object: a field no checker claims fails the test, so a new kind of field
// in the shared file cannot pass unnoticed. The vectors come from several libraries whose policies
// differ from ours in a few documented places (PROTOCOLS.md §7); those checks assert our decision
// and that the difference is exactly the documented one.
import { afterAll, expect, it } from 'vitest';
import {
  BANGLE_ACCEL_STREAM_CODE,
  BANGLE_RESET_COMMAND,
  BANGLE_RESET_WAIT_MS,
  bangleStreamingWrites,
  bangleUploadText,
  LineFramer,
  parseBangleAccelLine,
} from '../../../src/protocol/bangle.ts';
import { parseBatteryLevel } from '../../../src/protocol/battery.ts';
import { parseDeviceInfoString, parseSystemId } from '../../../src/protocol/device-info.ts';
import {
  parseBodySensorLocation,
  parseHeartRateControlPoint,
  parseHeartRateMeasurement,
  rrRawToMs,
} from '../../../src/protocol/heart-rate.ts';
import {
  buildGetMeasurementSettings,
  buildGetSdkModeMeasurementSettings,
  buildSdkMode,
  buildStartMeasurement,
  buildStopMeasurement,
  PmdMeasurementType,
  type PmdResponse,
  type PmdSettings,
  type PmdSettingsRequest,
  parsePmdCommand,
  parsePmdControlPointNotification,
  parsePmdFeatures,
  parsePmdSettings,
} from '../../../src/protocol/polar-pmd.ts';
import {
  type PmdDataFrame,
  PmdStreamDecoder,
  parsePmdAccFrame,
  parsePmdEcgFrame,
  parsePmdFrameHeader,
} from '../../../src/protocol/polar-pmd-data.ts';
import { decodeDeltaFrame } from '../../../src/protocol/polar-pmd-delta.ts';
import { pmdSampleTimestamps } from '../../../src/protocol/polar-pmd-time.ts';
import { bytesToHex, hexToBytes, type Result } from '../../../src/protocol/result.ts';
import { describeWithShared, readSharedJson } from '../../shared.ts';

interface Vector {
  readonly protocol: string;
  readonly source: string;
  readonly description: string;
  readonly hex: string;
  readonly expected: Record<string, unknown>;
  readonly notes: string;
  readonly context?: Record<string, unknown>;
  readonly input?: Record<string, unknown>;
  readonly frames?: readonly string[];
  readonly truncated?: boolean;
}

/** The counts at the time of writing (PROTOCOLS.md §8). A drop means vectors stopped being run. */
const MINIMUM_CHECKED: Record<string, number> = {
  hrs: 61,
  bas: 9,
  dis: 6,
  'hrs-body-sensor-location': 10,
  'hrs-control-point': 5,
  'pmd-control': 35,
  'pmd-settings': 2,
  'pmd-acc': 24,
  'pmd-acc-stream': 2,
  'pmd-delta': 7,
  'pmd-ecg': 1,
  'pmd-ecg-stream': 1,
  'pmd-header': 5,
  'pmd-timestamp': 7,
  'bangle-uart': 2,
};

function bytesOf(v: Vector): Uint8Array {
  const r = hexToBytes(v.hex);
  if (!r.ok) throw new Error(`${v.description}: ${r.error.message}`);
  return r.value;
}

/** Checks each expected field with the handler registered for it; unclaimed fields fail. */
function checkFields(
  v: Vector,
  handlers: Record<string, (expected: unknown) => void>,
  expected: Record<string, unknown> = v.expected,
): void {
  for (const [key, want] of Object.entries(expected)) {
    const handler = handlers[key];
    if (!handler) throw new Error(`${v.protocol} "${v.description}": no check for expected field "${key}"`);
    handler(want);
  }
}

function resultValue<T>(v: Vector, r: Result<T>): T {
  if (!r.ok) throw new Error(`${v.protocol} "${v.description}": ${r.error.code}: ${r.error.message}`);
  return r.value;
}

const isBvp = (v: Vector) => v.source.startsWith('eisaev/blevalueparser');
const isNordic = (v: Vector) => v.source.startsWith('NordicSemiconductor/');

function checkHrs(v: Vector): void {
  const e = v.expected;
  if ('cases' in e) {
    // Not a packet: the RR unit conversion table of the Go parser (exact ms, ns rounded half up).
    checkFields(v, {
      cases: (cases) => {
        for (const c of cases as { raw: number; ms: number; ns: number }[]) {
          expect((c.raw * 1000) / 1024).toBe(c.ms);
          expect(rrRawToMs(c.raw)).toBe(Math.round(c.ms));
          expect(Math.round((c.raw * 1e9) / 1024)).toBe(c.ns);
        }
      },
    });
    return;
  }
  const r = parseHeartRateMeasurement(bytesOf(v));
  const invalid = e.valid === false || e.error === true;
  if (invalid) {
    if (v.hex === '170101' && isNordic(v)) {
      // §7.2: Nordic rejects an RR flag with no RR bytes; we keep the bpm with an empty RR list.
      const m = resultValue(v, r);
      expect(m.rrPresent).toBe(true);
      expect(m.rrRaw).toEqual([]);
    } else if (isBvp(v) && bytesOf(v).length > 20) {
      // §7.4: bvp's 20-byte cap is a default-MTU assumption; a longer packet is valid to us.
      const m = resultValue(v, r);
      expect(m.rrRaw.length).toBe((bytesOf(v).length - 5) / 2);
    } else {
      expect(r.ok, v.description).toBe(false);
    }
    checkFields(v, { valid: () => {}, error: () => {} });
    return;
  }
  const m = resultValue(v, r);
  const bpm = (want: unknown) => expect(m.bpm, v.description).toBe(want);
  // Nordic says null for "contact not supported", and null/[] for absent RR; Polar says energy 0
  // when the flag is clear. Our shape is false / [] / null, so map their absences onto ours.
  const contact = (want: unknown) => {
    if (want === null) expect(m.contactSupported).toBe(false);
    expect(m.contactDetected, v.description).toBe(want ?? false);
  };
  const rrRaw = (want: unknown) => expect(m.rrRaw, v.description).toEqual(want ?? []);
  checkFields(v, {
    hrValue: bpm,
    hr: bpm,
    heartRate: bpm,
    sensorContact: contact,
    contactDetected: contact,
    contacted: contact,
    sensorContactSupported: (want) => expect(m.contactSupported, v.description).toBe(want),
    contactSupported: (want) => expect(m.contactSupported, v.description).toBe(want),
    energy: (want) => expect(m.energyExpendedKj ?? 0, v.description).toBe(want),
    energyExpended: (want) => expect(m.energyExpendedKj, v.description).toBe(want),
    rrPresent: (want) => expect(m.rrPresent).toBe(want),
    rrs: rrRaw,
    rrRaw,
    rr: rrRaw,
    rrIntervals: rrRaw,
    rrsCount: (want) => expect(m.rrRaw.length).toBe(want),
    rrsMs: (want) => expect(m.rrMs, v.description).toEqual(want),
    rrMs: (want) => {
      if (isBvp(v)) {
        // §7.3: bvp truncates, we round like Polar: theirs is the floor of the exact value.
        expect(want).toEqual(m.rrRaw.map((raw) => Math.floor((raw * 1000) / 1024)));
        const differences = m.rrMs.map((ms, i) => ms - (want as number[])[i]);
        expect(differences.every((d) => d === 0 || d === 1)).toBe(true);
      } else {
        expect(m.rrMs, v.description).toEqual(want);
      }
    },
  });
}

function checkBas(v: Vector): void {
  const r = parseBatteryLevel(bytesOf(v));
  if (v.expected.valid === false) {
    expect(r.ok, v.description).toBe(false);
    checkFields(v, {
      valid: () => {},
      rawLevel: (want) => {
        if (!r.ok) expect(r.error.message).toContain(String(want));
      },
    });
    return;
  }
  const level = resultValue(v, r).percent;
  const check = (want: unknown) => expect(level, v.description).toBe(want);
  checkFields(v, { batteryLevel: check, level: check, value: check, valid: check });
}

function checkDis(v: Vector): void {
  const r = v.description.includes('System ID')
    ? parseSystemId(bytesOf(v))
    : parseDeviceInfoString(bytesOf(v));
  const s = resultValue(v, r);
  checkFields(v, { value: (want) => expect(s).toBe(want) });
}

function checkBodySensorLocation(v: Vector): void {
  const r = parseBodySensorLocation(bytesOf(v));
  checkFields(v, {
    valid: (want) => expect(r.ok, v.description).toBe(want),
    location: (want) => expect(resultValue(v, r).location).toBe(want),
  });
}

function checkHrControlPoint(v: Vector): void {
  const r = parseHeartRateControlPoint(bytesOf(v));
  checkFields(v, {
    valid: (want) => expect(r.ok, v.description).toBe(want),
    op: (want) => expect(resultValue(v, r).op).toBe(want),
  });
}

// ---- Polar PMD ----

/** Integers above 2^53 are decimal strings in the file (PROTOCOLS.md §8). */
const big = (x: unknown): bigint => BigInt(x as string | number);

function hexOf(x: unknown): Uint8Array {
  const r = hexToBytes(String(x));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function float32Bits(value: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, value, true);
  return view.getUint32(0, true);
}

function typeId(want: unknown): number {
  return typeof want === 'number' ? want : PmdMeasurementType[want as keyof typeof PmdMeasurementType];
}

/** Compares parsed settings with a vector's: arrays per name, null for absent, FACTOR by its bits. */
function expectSettings(got: PmdSettings, want: Record<string, unknown>, single = false): void {
  for (const [name, value] of Object.entries(want)) {
    const values = got[name as keyof PmdSettings] as (number | string)[] | undefined;
    if (value === null) {
      expect(values, name).toBeUndefined();
    } else if (name === 'FACTOR' && !Array.isArray(value)) {
      const f = value as { ieee754Bits: string; asInt: number; value: number };
      const factor = values?.[0] as number;
      expect(float32Bits(factor)).toBe(Number(f.ieee754Bits));
      expect(float32Bits(factor)).toBe(f.asInt);
      expect(factor).toBeCloseTo(f.value, 12);
    } else {
      expect(values, name).toEqual(single ? [value] : value);
    }
  }
  // No setting the vector does not list.
  for (const name of Object.keys(got)) expect(Object.keys(want), `unexpected ${name}`).toContain(name);
}

function expectResponse(
  hex: unknown,
  command: { opCode: number; measurementType: number | null },
): PmdResponse {
  const r = parsePmdControlPointNotification(hexOf(hex));
  if (!r.ok || r.value.kind !== 'response') throw new Error(`not a response: ${String(hex)}`);
  expect(r.value.opCode).toBe(command.opCode);
  if (command.measurementType !== null) expect(r.value.measurementType).toBe(command.measurementType);
  return r.value;
}

function checkPmdControl(v: Vector): void {
  const b = bytesOf(v);
  const e = v.expected;
  if (b[0] === 0x0f) {
    const f = resultValue(v, parsePmdFeatures(b));
    checkFields(v, {
      responseType: (want) => expect(want).toMatch(/^0x0F/),
      features: (want) => {
        for (const [name, on] of Object.entries(want as Record<string, boolean>)) {
          expect(f[name as keyof typeof f], name).toBe(on);
        }
        // Whatever the vector leaves out is off.
        const listed = Object.keys(want as object);
        for (const name of ['ecg', 'ppg', 'acc', 'ppi', 'gyro', 'mag'] as const) {
          if (!listed.includes(name)) expect(f[name], name).toBe(false);
        }
      },
      otherBytesZero: () => {
        expect(b.subarray(2).every((x) => x === 0)).toBe(true);
        expect(f.types).toEqual([PmdMeasurementType.ECG, PmdMeasurementType.ACC]);
      },
    });
    return;
  }
  if (e.command === 'ONLINE_MEASUREMENT_STOPPED') {
    const n = resultValue(v, parsePmdControlPointNotification(b));
    if (n.kind !== 'measurement-stopped') throw new Error('expected a device-initiated stop');
    checkFields(v, {
      command: () => {},
      stoppedTypes: (want) => expect(n.stoppedTypes).toEqual(want),
      mustNotThrow: () => {},
    });
    return;
  }
  if (b[0] === 0xf0) {
    const r = resultValue(v, parsePmdControlPointNotification(b));
    if (r.kind !== 'response') throw new Error('expected a response');
    const settings = parsePmdSettings(r.parameters).settings;
    const status = (want: unknown) =>
      typeof want === 'number' ? expect(r.status).toBe(want) : expect(r.statusName).toBe(want);
    checkFields(v, {
      responseCode: (want) => expect(b[0]).toBe(want),
      opCode: (want) =>
        typeof want === 'number' ? expect(r.opCode).toBe(want) : expect(r.opName).toBe(want),
      measurementType: (want) => expect(r.measurementType).toBe(typeId(want)),
      status,
      statusCode: status,
      statusName: status,
      more: (want) => expect(r.more).toBe(want),
      parameters: (want) =>
        Array.isArray(want)
          ? expect([...r.parameters]).toEqual(want)
          : expect(bytesToHex(r.parameters)).toBe(String(want).toLowerCase()),
      settings: (want) => expectSettings(settings, want as Record<string, unknown>),
      SAMPLE_RATE: (want) => expect(settings.SAMPLE_RATE).toEqual(want),
      RESOLUTION: (want) => expect(settings.RESOLUTION).toEqual(want),
      RANGE: (want) => expect(settings.RANGE).toEqual(want),
      factorBits: (want) => expect(float32Bits(settings.FACTOR?.[0] ?? Number.NaN)).toBe(want),
      factor: (want) => expect(settings.FACTOR?.[0]).toBe(want),
      // The request this response answered: the response echoes its opcode.
      request: (want) => {
        const c = resultValue(v, parsePmdCommand(hexOf(want)));
        expect(r.opCode).toBe(c.opCode);
        if (c.measurementType !== null) expect(r.measurementType).toBe(c.measurementType);
      },
    });
    return;
  }
  // A command the client writes: parse it, and rebuild it byte for byte with our builders.
  const c = resultValue(v, parsePmdCommand(b));
  let rebuilt: Uint8Array;
  if (c.opCode === 0x02 && c.measurementType === PmdMeasurementType.SDK_MODE) rebuilt = buildSdkMode(true);
  else if (c.opCode === 0x03 && c.measurementType === PmdMeasurementType.SDK_MODE)
    rebuilt = buildSdkMode(false);
  else if (c.opCode === 0x01) rebuilt = buildGetMeasurementSettings(c.measurementType ?? -1);
  else if (c.opCode === 0x04) rebuilt = buildGetSdkModeMeasurementSettings(c.measurementType ?? -1);
  else if (c.opCode === 0x03) rebuilt = buildStopMeasurement(c.measurementType ?? -1);
  else {
    const request: Record<string, number> = {};
    for (const [name, values] of Object.entries(c.settings)) request[name] = (values as number[])[0];
    rebuilt = resultValue(v, buildStartMeasurement(c.measurementType ?? -1, request as PmdSettingsRequest));
  }
  expect(bytesToHex(rebuilt)).toBe(v.hex);
  checkFields(v, {
    opCode: (want) => expect(c.opCode).toBe(want),
    measurementType: (want) => expect(c.measurementType).toBe(typeId(want)),
    settings: (want) => expectSettings(c.settings, want as Record<string, unknown>, true),
    response: (want) => {
      const r = expectResponse(String(want).replace(/ /g, ''), c);
      expect(r.statusName).toBe('SUCCESS');
    },
    // P-DOC doc errors (PROTOCOLS.md §2.9): the printed response does not match its request. Assert
    // exactly the documented mismatch so that a corrected figure shows up here.
    printedResponse: (want) => {
      const r = parsePmdControlPointNotification(hexOf(String(want).replace(/ /g, '')));
      if (!r.ok || r.value.kind !== 'response') throw new Error('printed response does not parse');
      if (c.opCode === 0x03) expect([r.value.opCode, r.value.measurementType]).toEqual([0x03, 0x02]);
      else expect([r.value.opCode, r.value.measurementType]).toEqual([0x01, 0x02]);
      expect(r.value.opCode === c.opCode && r.value.measurementType === c.measurementType).toBe(false);
    },
  });
}

function checkPmdSettings(v: Vector): void {
  const parsed = parsePmdSettings(bytesOf(v));
  expect(parsed.stopped).toBeNull();
  expectSettings(parsed.settings, v.expected);
}

interface XYZ {
  x: number;
  y: number;
  z: number;
  timeStampNs?: unknown;
}

function expectSample(frame: { raw: Int32Array; xyzG: Float32Array }, i: number, want: XYZ): void {
  expect([frame.raw[i * 3], frame.raw[i * 3 + 1], frame.raw[i * 3 + 2]], `sample ${i}`).toEqual([
    want.x,
    want.y,
    want.z,
  ]);
}

function expectSampleG(frame: { xyzG: Float32Array }, i: number, wantMg: XYZ): void {
  for (const [c, axis] of (['x', 'y', 'z'] as const).entries()) {
    expect(frame.xyzG[i * 3 + c] * 1000).toBeCloseTo(wantMg[axis], 3);
  }
}

function triple(a: Int32Array, i: number): number[] {
  return [a[i * 3], a[i * 3 + 1], a[i * 3 + 2]];
}

/** Previous frame timestamp for a frame of a captured stream: the header of the frame before it. */
function streamPrevious(v: Vector & { stream?: string; frameIndex?: number }, all: Vector[]): bigint {
  if (!v.stream || !v.frameIndex) return 0n;
  const before = (all as (Vector & { stream?: string; frameIndex?: number })[]).find(
    (o) => o.protocol === v.protocol && o.stream === v.stream && o.frameIndex === (v.frameIndex ?? 0) - 1,
  );
  if (!before) throw new Error(`missing frame ${v.frameIndex - 1} of ${v.stream}`);
  return resultValue(before, parsePmdFrameHeader(bytesOf(before))).timeStampNs;
}

function checkPmdAcc(v: Vector, all: Vector[]): void {
  const b = bytesOf(v);
  const header = resultValue(v, parsePmdFrameHeader(b));
  const ctx = v.context ?? {};
  const context = {
    factor: (ctx.factor as number | undefined) ?? 1,
    sampleRateHz: ctx.sampleRateHz as number | undefined,
    previousTimeStampNs:
      ctx.previousTimeStampNs !== undefined ? big(ctx.previousTimeStampNs) : streamPrevious(v, all),
  };
  const delta = header.compressed ? resultValue(v, decodeDeltaFrame(header.content, 3, 16)) : null;
  const parsed = parsePmdAccFrame(b, context);
  // The P-DOC figure frames are cut off by the figure, not by the wire: a compressed one then ends
  // inside a block, which the frame parser must refuse (a raw one happens to end on a sample).
  if (v.truncated && header.compressed) {
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.code).toBe('bad-length');
    expect(delta?.truncated).toBe(true);
  }
  const frame = () => resultValue(v, parsed);
  const times = () => {
    const t = frame().timestampsNs;
    if (!t) throw new Error(`no timestamps: ${frame().timestampError?.message}`);
    return t;
  };
  const samples = (want: unknown) => {
    const list = Array.isArray(want) ? (want as XYZ[]) : Object.values(want as Record<string, XYZ>);
    const indices = Array.isArray(want) ? list.map((_, i) => i) : Object.keys(want as object).map(Number);
    list.forEach((s, k) => {
      expectSample(frame(), indices[k], s);
      // Those vectors are in mG with a factor of 1 (raw, or compressed type 1): g = mG / 1000.
      expectSampleG(frame(), indices[k], s);
      if (s.timeStampNs !== undefined) expect(times()[indices[k]]).toBe(big(s.timeStampNs));
    });
  };
  const deltaSamples = () => {
    if (!delta) throw new Error('not compressed');
    return delta.samples;
  };
  checkFields(v, {
    measurementType: (want) => expect(header.measurementType).toBe(want),
    timeStampNs: (want) => expect(header.timeStampNs).toBe(big(want)),
    frameType: (want) => expect(header.frameType).toBe(want),
    frameTypeByte: (want) => expect(header.frameTypeByte).toBe(Number(want)),
    compressed: (want) => expect(header.compressed).toBe(want),
    sampleCount: (want) => {
      expect(frame().sampleCount).toBe(want);
      expect(frame().raw.length).toBe(3 * (want as number));
      // Without a rate or previous timestamp there are no sample times (the old test gave neither).
      if (frame().timestampsNs) expect(times().length).toBe(want);
      else expect(frame().timestampError?.code).toBe('bad-context');
    },
    samples,
    firstSamples: samples,
    lastSampleTimeStampNs: (want) => expect(times().at(-1)).toBe(big(want)),
    sample0: (want) => {
      const s = want as XYZ;
      if (v.source.includes('technical_documentation') && s.x === -184) {
        // P-DOC typo (PROTOCOLS.md §2.9): the bytes 45 FF are −187, not the printed −184.
        expect(triple(frame().raw, 0)).toEqual([-187, s.y, s.z]);
      } else {
        expectSample(frame(), 0, s);
      }
    },
    refSampleRaw: (want) => expect(triple(deltaSamples(), 0)).toEqual(want),
    refSample: (want) => expect(triple(deltaSamples(), 0)).toEqual(want),
    sample1Raw: (want) => expect(triple(deltaSamples(), 1)).toEqual(want),
    sample1: (want) => expect(triple(deltaSamples(), 1)).toEqual(want),
    sample2: (want) => expect(triple(deltaSamples(), 2)).toEqual(want),
    sample1Delta: (want) => {
      const d = deltaSamples();
      expect([d[3] - d[0], d[4] - d[1], d[5] - d[2]]).toEqual(want);
    },
    deltaBitWidth: (want) => expect(delta?.blocks[0].width).toBe(want),
    deltaSampleCount: (want) => expect(delta?.blocks[0].count).toBe(want),
    // The SDK's mG for compressed type 0 is (int)(factor·raw·1000f) in float32; ours is raw·factor g.
    mGFormula: (want) => {
      expect(want).toMatch(/factor \* raw \* 1000f/);
      const f = Math.fround(context.factor);
      const { raw, xyzG } = frame();
      for (let i = 0; i < raw.length; i++) {
        const sdk = Math.trunc(Math.fround(Math.fround(f * raw[i]) * 1000));
        expect(Math.abs(xyzG[i] * 1000 - sdk)).toBeLessThanOrEqual(1);
      }
    },
    firstSampleTimeStampFormula: (want) => {
      expect(want).toMatch(/previousTimeStamp \+ \(timeStamp - previousTimeStamp\)\/57/);
      const prev = Number(context.previousTimeStampNs);
      expect(times()[0]).toBe(BigInt(Math.round(prev + (Number(header.timeStampNs) - prev) / 57)));
    },
  });
}

/** Delta vectors carry content only; channels and resolution come from the SDK tests they cite. */
const DELTA_PARAMETERS: Record<string, { channels: number; resolution: number }> = {
  'Truncated Verity-Sense-style compressed ACC content (no 10-byte header)': { channels: 3, resolution: 16 },
  'reference sample only, 16-bit signed, 4 channels': { channels: 4, resolution: 16 },
  'reference sample only, 32-bit (IEEE754 bit patterns), 3 channels': { channels: 3, resolution: 32 },
  '16-bit 3-channel content with 9 delta blocks (3/4-bit widths)': { channels: 3, resolution: 16 },
  '32-bit channels, one 32-bit block of 17 samples': { channels: 3, resolution: 32 },
  '32-bit float bit patterns with 28-bit and 32-bit delta blocks (realVector1)': {
    channels: 3,
    resolution: 32,
  },
  '14-bit resolution, 3 channels, two 3-bit blocks': { channels: 3, resolution: 14 },
};

function checkPmdDelta(v: Vector): void {
  const params = DELTA_PARAMETERS[v.description];
  if (!params) throw new Error(`no channel count / resolution known for delta vector "${v.description}"`);
  const d = resultValue(v, decodeDeltaFrame(bytesOf(v), params.channels, params.resolution));
  expect(d.truncated).toBe(v.truncated === true);
  const n = params.channels;
  const sample = (i: number) => [...d.samples.subarray(i * n, i * n + n)];
  const bits = (i: number) =>
    sample(i).map((x) => `0x${(x >>> 0).toString(16).toUpperCase().padStart(8, '0')}`);
  checkFields(v, {
    refSampleChannel0: (want) => expect(d.samples[0]).toBe(want),
    refSample: (want) => expect(sample(0)).toEqual(want),
    refSampleBits: (want) => expect(bits(0)).toEqual(want),
    sampleCount: (want) => expect(d.sampleCount).toBe(want),
    sample0: (want) => expect(sample(0)).toEqual(want),
    sample1: (want) => expect(sample(1)).toEqual(want),
    sample0Bits: (want) => expect(bits(0)).toEqual(want),
    sample1Bits: (want) => expect(bits(1)).toEqual(want),
    blocks: (want) => expect(d.blocks.map((blk) => [blk.width, blk.count])).toEqual(want),
    samples: (want) => expect(Array.from({ length: d.sampleCount }, (_, i) => sample(i))).toEqual(want),
  });
}

function checkPmdHeader(v: Vector): void {
  const r = parsePmdFrameHeader(bytesOf(v));
  if ('error' in v.expected) {
    expect(r.ok).toBe(false);
    checkFields(v, {
      error: (want) => {
        expect(String(want)).toMatch(/frame type 0x7F/);
        if (!r.ok) expect(r.error.code).toBe('unknown-type');
      },
    });
    return;
  }
  const h = resultValue(v, r);
  checkFields(v, {
    measurementType: (want) => expect(h.measurementTypeName).toBe(want),
    timeStampNs: (want) => expect(h.timeStampNs).toBe(big(want)),
    compressed: (want) => expect(h.compressed).toBe(want),
    frameType: (want) => expect(h.frameType).toBe(want),
    dataContent: (want) => expect(bytesToHex(h.content)).toBe(String(want).toLowerCase()),
    // Nothing decoded yet for this (type, frame type): the stream decoder's previous is 0.
    previousTimeStampNs: (want) =>
      expect(new PmdStreamDecoder().previousTimeStampNs(h.measurementType, h.frameType)).toBe(big(want)),
  });
}

function checkPmdEcg(v: Vector): void {
  const ctx = v.context ?? {};
  const f = resultValue(
    v,
    parsePmdEcgFrame(bytesOf(v), { previousTimeStampNs: big(ctx.previousTimeStampNs ?? 0) }),
  );
  checkFields(v, {
    microVolts: (want) => expect([...f.microVolts]).toEqual(want),
    sampleCount: (want) => expect(f.sampleCount).toBe(want),
    lastSampleTimeStampNs: (want) => expect(f.timestampsNs?.at(-1)).toBe(big(want)),
  });
}

interface Stats {
  min: number;
  max: number;
  mean: number;
}

function expectStats(values: number[], want: Stats): void {
  expect(Math.min(...values)).toBe(want.min);
  expect(Math.max(...values)).toBe(want.max);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  // The file gives means to 3 decimals.
  expect(Math.abs(mean - want.mean)).toBeLessThanOrEqual(0.0005 + 1e-9);
}

function decodeStream(v: Vector, type: number, sampleRateHz: number): PmdDataFrame[] {
  const decoder = new PmdStreamDecoder();
  decoder.start(type, { sampleRateHz });
  return (v.frames ?? []).map((hex) => resultValue(v, decoder.decode(hexOf(hex))));
}

function checkPmdAccStream(v: Vector & { stream?: string }, all: Vector[]): void {
  const member = (all as (Vector & { stream?: string })[]).find(
    (o) => o.protocol === 'pmd-acc' && o.stream === v.stream,
  );
  const rate = member?.context?.sampleRateHz as number;
  const frames = decodeStream(v, PmdMeasurementType.ACC, rate);
  const axis = (c: number) =>
    frames.flatMap((f) => (f.kind === 'acc' ? [...f.raw].filter((_, i) => i % 3 === c) : []));
  const g = frames.flatMap((f) => (f.kind === 'acc' ? [...f.xyzG] : []));
  const raw = frames.flatMap((f) => (f.kind === 'acc' ? [...f.raw] : []));
  // Our unit is g: H10 raw type 1 is mG with no factor (§2.6).
  g.forEach((x, i) => {
    expect(x * 1000).toBeCloseTo(raw[i], 3);
  });
  checkFields(v, {
    count: (want) => expect(raw.length / 3).toBe(want),
    x: (want) => expectStats(axis(0), want as Stats),
    y: (want) => expectStats(axis(1), want as Stats),
    z: (want) => expectStats(axis(2), want as Stats),
  });
}

function checkPmdEcgStream(v: Vector): void {
  // H10 ECG runs at 130 Hz (the only rate its settings offer).
  const frames = decodeStream(v, PmdMeasurementType.ECG, 130);
  const uv: number[] = [];
  const ts: bigint[] = [];
  for (const f of frames) {
    if (f.kind !== 'ecg' || !f.timestampsNs) throw new Error('expected timed ECG frames');
    uv.push(...f.microVolts);
    ts.push(...f.timestampsNs);
  }
  const pairs = (want: unknown, offset: number) =>
    (want as { microVolts: number; timeStampNs: string }[]).forEach((p, k) => {
      expect(uv[offset + k]).toBe(p.microVolts);
      expect(ts[offset + k]).toBe(big(p.timeStampNs));
    });
  checkFields(v, {
    count: (want) => expect(uv.length).toBe(want),
    microVolts: (want) => expectStats(uv, want as Stats),
    first20: (want) => pairs(want, 0),
    last3: (want) => pairs(want, uv.length - 3),
  });
}

function checkPmdTimestamp(v: Vector): void {
  const input = v.input as { previous: number; frame: number; samples: number; sampleRateHz: number };
  const r = pmdSampleTimestamps({
    previousNs: big(input.previous),
    frameNs: big(input.frame),
    sampleCount: input.samples,
    sampleRateHz: input.sampleRateHz,
  });
  checkFields(v, {
    timestampsNs: (want) => expect(resultValue(v, r)).toEqual((want as unknown[]).map(big)),
    // The SDK's TimeStampAndFrequencyZeroError and NegativeTimeStampError.
    error: (want) => {
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('bad-context');
      expect(r.error.message).toMatch(want === 'NegativeTimeStampError' ? /negative/ : /no sample rate/);
    },
  });
}

// ---- Bangle.js over Nordic UART ----

/** The file writes control characters as JS escapes inside the text (`\\x03`, `\\n`). */
function unescapeJs(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|[nr"\\])/g, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    return e === 'n' ? '\n' : e === 'r' ? '\r' : e;
  });
}

function checkBangleUart(v: Vector): void {
  const writes = bangleStreamingWrites();
  const joined = (chunks: Uint8Array[]) => Uint8Array.from(chunks.flatMap((c) => [...c]));
  checkFields(v, {
    text: (want) => {
      expect(BANGLE_RESET_COMMAND).toBe(unescapeJs(String(want)));
      expect(bytesToHex(joined(writes.reset))).toBe(v.hex);
    },
    thenWaitMs: (want) => expect(BANGLE_RESET_WAIT_MS).toBe(want),
    textTemplate: (want) => {
      expect(bangleUploadText(BANGLE_ACCEL_STREAM_CODE)).toBe(unescapeJs(String(want)));
      expect(new TextDecoder().decode(joined(writes.upload))).toBe(unescapeJs(String(want)));
      expect(writes.upload.every((c) => c.length <= 20)).toBe(true);
    },
    prefixBytes: (want) => expect(bytesToHex(writes.upload[0].subarray(0, 2))).toBe(want),
    // The documented line shape: `A,<round(x*100)>,…\r\n`, x,y,z in g. Feed one split in two.
    lineFormatFromWatch: (want) => {
      expect(String(want)).toMatch(/^A,<round\(x\*100\)>,<round\(y\*100\)>,<round\(z\*100\)>\\r\\n/);
      const framer = new LineFramer();
      const enc = new TextEncoder();
      const lines = [...framer.push(enc.encode('A,-3,10')), ...framer.push(enc.encode('1,98\r\n'))];
      expect(lines).toEqual(['A,-3,101,98']);
      expect(resultValue(v, parseBangleAccelLine(lines[0])).xyzG).toEqual([-0.03, 1.01, 0.98]);
    },
  });
}

const CHECKERS: Record<string, (v: Vector, all: Vector[]) => void> = {
  hrs: checkHrs,
  bas: checkBas,
  dis: checkDis,
  'hrs-body-sensor-location': checkBodySensorLocation,
  'hrs-control-point': checkHrControlPoint,
  'pmd-control': checkPmdControl,
  'pmd-settings': checkPmdSettings,
  'pmd-acc': checkPmdAcc,
  'pmd-acc-stream': checkPmdAccStream,
  'pmd-delta': checkPmdDelta,
  'pmd-ecg': checkPmdEcg,
  'pmd-ecg-stream': checkPmdEcgStream,
  'pmd-header': checkPmdHeader,
  'pmd-timestamp': checkPmdTimestamp,
  'bangle-uart': checkBangleUart,
};

describeWithShared('shared protocol vectors', () => {
  const vectors = readSharedJson<Vector[]>('vectors/vectors.json');
  const checked = new Map<string, number>();

  for (const [i, v] of vectors.entries()) {
    const checker = CHECKERS[v.protocol];
    if (!checker) continue;
    it(`${v.protocol} #${i}: ${v.description}`, () => {
      checker(v, vectors);
      checked.set(v.protocol, (checked.get(v.protocol) ?? 0) + 1);
    });
  }

  afterAll(() => {
    const lines = Object.keys(MINIMUM_CHECKED).map((p) => `${p}: ${checked.get(p) ?? 0}`);
    const total = [...checked.values()].reduce((a, b) => a + b, 0);
    console.log(`vectors checked per protocol (${total} of ${vectors.length}):\n  ${lines.join('\n  ')}`);
  });

  // Declared last: Vitest runs a file's tests in order, so the counts above are complete here.
  it('checked at least as many vectors of each protocol as when the test was written', () => {
    for (const [protocol, minimum] of Object.entries(MINIMUM_CHECKED)) {
      expect(checked.get(protocol) ?? 0, protocol).toBeGreaterThanOrEqual(minimum);
    }
  });
});
