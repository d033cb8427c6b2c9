// Seeded fuzzing of every protocol parser: random buffers and mutations of real vectors. Shared by
// the unit test (a few thousand inputs per parser, every run) and `npm run fuzz` (many more).
// A parser passes when nothing escapes: no exception, and a Result whatever the bytes.
import { LineFramer, parseBangleLine } from '../src/protocol/bangle.ts';
import { parseBatteryLevel } from '../src/protocol/battery.ts';
import { decodePacket, PACKET_PROTOCOLS, toJsonValue } from '../src/protocol/decode.ts';
import { parseDeviceInfoString, parseSystemId } from '../src/protocol/device-info.ts';
import {
  parseBodySensorLocation,
  parseHeartRateControlPoint,
  parseHeartRateMeasurement,
} from '../src/protocol/heart-rate.ts';
import { parseInfiniTimeMotion, parseInfiniTimeStepCount } from '../src/protocol/infinitime.ts';
import { parseMicrobitAccelerometer, parseMicrobitPeriod } from '../src/protocol/microbit.ts';
import {
  PmdResponseAssembler,
  parsePmdCommand,
  parsePmdControlPointNotification,
  parsePmdFeatures,
  parsePmdSettings,
} from '../src/protocol/polar-pmd.ts';
import { PmdStreamDecoder, parsePmdDataFrame, parsePmdFrameHeader } from '../src/protocol/polar-pmd-data.ts';
import { decodeDeltaFrame } from '../src/protocol/polar-pmd-delta.ts';
import { pmdSampleTimestamps } from '../src/protocol/polar-pmd-time.ts';
import {
  createRecording,
  parseRecording,
  recordPacket,
  replayRecording,
  serializeRecording,
} from '../src/protocol/recording.ts';
import { bytesToHex, hexToBytes } from '../src/protocol/result.ts';

/** mulberry32: small, fast and good enough to make fuzz runs reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);

function randomBytes(rng: Rng, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = int(rng, 256);
  return out;
}

/** Lengths biased to the small sizes where the length checks live, up to a little over 256. */
function randomLength(rng: Rng): number {
  const r = rng();
  if (r < 0.5) return int(rng, 12);
  if (r < 0.8) return int(rng, 40);
  return int(rng, 300);
}

/** One random edit of a real input: bit flip, byte change, insert, delete, cut, extend, splice. */
export function mutate(rng: Rng, input: Uint8Array, corpus: readonly Uint8Array[]): Uint8Array {
  let b = Uint8Array.from(input);
  const edits = 1 + int(rng, 4);
  for (let e = 0; e < edits; e++) {
    const at = b.length ? int(rng, b.length) : 0;
    switch (int(rng, 8)) {
      case 0:
        if (b.length) b[at] ^= 1 << int(rng, 8);
        break;
      case 1:
        if (b.length) b[at] = [0x00, 0xff, 0x7f, 0x80, 0x01, 0xf0][int(rng, 6)];
        break;
      case 2:
        b = Uint8Array.from([...b.subarray(0, at), int(rng, 256), ...b.subarray(at)]);
        break;
      case 3:
        b = Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + 1)]);
        break;
      case 4:
        b = b.slice(0, at);
        break;
      case 5:
        b = Uint8Array.from([...b, ...randomBytes(rng, 1 + int(rng, 16))]);
        break;
      case 6: {
        const other = corpus[int(rng, corpus.length)] ?? new Uint8Array(0);
        const from = int(rng, other.length + 1);
        b = Uint8Array.from([...b.subarray(0, at), ...other.subarray(from, from + 1 + int(rng, 32))]);
        break;
      }
      default:
        if (b.length) b[at] = int(rng, 256);
    }
  }
  return b;
}

export interface FuzzTarget {
  readonly name: string;
  /** vectors.json protocols whose bytes seed the mutations. */
  readonly corpusProtocols: readonly string[];
  /** Hand-made seeds for parsers that have no public vectors. */
  readonly seeds?: readonly string[];
  readonly run: (bytes: Uint8Array, rng: Rng) => unknown;
}

/** A small recording with PMD context, HR and Bangle packets: the seed the recording fuzzer damages. */
const SAMPLE_RECORDING = serializeRecording(
  createRecording([
    { tMs: 1, protocol: 'pmd-control', direction: 'write', hex: '02020001c80001011000' },
    { tMs: 2, protocol: 'pmd-control', hex: 'f00202000001' },
    { tMs: 3, protocol: 'pmd-data', hex: '02b697048c024552080106fe5bff680308fe3eff5803' },
    { tMs: 4, protocol: 'hrs', hex: '104b3403' },
    { tMs: 5, protocol: 'bangle-uart', hex: '412c312c322c3130300d0a' },
  ]),
);

const ACC_FACTORS = [1, 0.000244, 2.5, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e-30];
const RATES = [0, 1, 25, 52, 130, 200, -5, Number.NaN, 1e12, 0.5];

/** Every parser and stateful decoder in src/protocol. */
export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  { name: 'heart-rate measurement', corpusProtocols: ['hrs'], run: (b) => parseHeartRateMeasurement(b) },
  {
    name: 'body sensor location',
    corpusProtocols: ['hrs-body-sensor-location'],
    run: (b) => parseBodySensorLocation(b),
  },
  {
    name: 'heart-rate control point',
    corpusProtocols: ['hrs-control-point'],
    run: (b) => parseHeartRateControlPoint(b),
  },
  { name: 'battery level', corpusProtocols: ['bas'], run: (b) => parseBatteryLevel(b) },
  { name: 'device information string', corpusProtocols: ['dis'], run: (b) => parseDeviceInfoString(b) },
  { name: 'system id', corpusProtocols: ['dis'], run: (b) => parseSystemId(b) },
  { name: 'pmd features', corpusProtocols: ['pmd-control'], run: (b) => parsePmdFeatures(b) },
  {
    name: 'pmd control point notification',
    corpusProtocols: ['pmd-control'],
    run: (b) => parsePmdControlPointNotification(b),
  },
  { name: 'pmd command', corpusProtocols: ['pmd-control'], run: (b) => parsePmdCommand(b) },
  { name: 'pmd settings', corpusProtocols: ['pmd-settings', 'pmd-control'], run: (b) => parsePmdSettings(b) },
  {
    name: 'pmd response assembler',
    corpusProtocols: ['pmd-control'],
    run: (b, rng) => {
      // Several parts of one response: the input cut at random points, each part given an F0 header.
      const assembler = new PmdResponseAssembler();
      let out: unknown = null;
      for (let at = 0; at < b.length; ) {
        const take = 1 + int(rng, 40);
        const part = Uint8Array.from([0xf0, 0x01, 0x02, 0x00, int(rng, 2), ...b.subarray(at, at + take)]);
        const r = parsePmdControlPointNotification(part);
        if (r.ok && r.value.kind === 'response') out = assembler.push(r.value);
        at += take;
      }
      return out;
    },
  },
  {
    name: 'pmd frame header',
    corpusProtocols: ['pmd-header', 'pmd-acc', 'pmd-ecg'],
    run: (b) => parsePmdFrameHeader(b),
  },
  {
    name: 'pmd data frame',
    corpusProtocols: ['pmd-acc', 'pmd-ecg', 'pmd-header', 'pmd-acc-stream', 'pmd-ecg-stream'],
    run: (b, rng) =>
      parsePmdDataFrame(b, {
        factor: ACC_FACTORS[int(rng, ACC_FACTORS.length)],
        sampleRateHz: RATES[int(rng, RATES.length)],
        previousTimeStampNs: rng() < 0.5 ? 0n : BigInt(int(rng, 2 ** 31)) * BigInt(int(rng, 2 ** 31)),
      }),
  },
  {
    name: 'pmd stream decoder',
    corpusProtocols: ['pmd-acc', 'pmd-ecg', 'pmd-acc-stream', 'pmd-ecg-stream'],
    run: (b, rng) => {
      const decoder = new PmdStreamDecoder();
      decoder.start(2, { sampleRateHz: RATES[int(rng, RATES.length)], factor: ACC_FACTORS[int(rng, 3)] });
      decoder.start(0, { sampleRateHz: 130 });
      // The same bytes twice, then a cut copy: exercises the previous-timestamp paths.
      return [decoder.decode(b), decoder.decode(b), decoder.decode(b.subarray(0, int(rng, b.length + 1)))];
    },
  },
  {
    name: 'pmd delta content',
    corpusProtocols: ['pmd-delta', 'pmd-acc'],
    run: (b, rng) => decodeDeltaFrame(b, int(rng, 6), [16, 14, 32, 8, 24, 1, 0, 33][int(rng, 8)]),
  },
  {
    name: 'pmd sample timestamps',
    corpusProtocols: ['pmd-acc'],
    run: (b, rng) => {
      const view = new DataView(Uint8Array.from([...b, ...new Uint8Array(16)]).buffer);
      return pmdSampleTimestamps({
        previousNs: rng() < 0.3 ? 0n : view.getBigUint64(0, true),
        frameNs: view.getBigUint64(8, true),
        sampleCount: [0, 1, 2, 36, 73, 300, -1, 1.5][int(rng, 8)],
        sampleRateHz: RATES[int(rng, RATES.length)],
      });
    },
  },
  {
    name: 'infinitime motion',
    corpusProtocols: [],
    seeds: ['000200fc0004', '0000000000fc', 'ffff7fff0080'],
    run: (b) => parseInfiniTimeMotion(b),
  },
  {
    name: 'infinitime step count',
    corpusProtocols: [],
    seeds: ['39300000'],
    run: (b) => parseInfiniTimeStepCount(b),
  },
  {
    name: 'micro:bit accelerometer',
    corpusProtocols: [],
    seeds: ['e8031800f0fc', '000000000000'],
    run: (b) => parseMicrobitAccelerometer(b),
  },
  {
    name: 'micro:bit period',
    corpusProtocols: [],
    seeds: ['1400', '6400'],
    run: (b) => parseMicrobitPeriod(b),
  },
  {
    name: 'bangle line framer + accel and heart-rate lines',
    corpusProtocols: ['bangle-uart'],
    seeds: ['412c31322c2d33342c39380d0a', '412c302c302c3130300a3e', '482c37362c38350d0a'],
    run: (b, rng) => {
      const framer = new LineFramer(64);
      const parsed: unknown[] = [];
      for (let at = 0; at < b.length; ) {
        const take = 1 + int(rng, 20);
        for (const line of framer.push(b.subarray(at, at + take))) parsed.push(parseBangleLine(line));
        at += take;
      }
      return parsed;
    },
  },
  {
    name: 'decode by protocol name',
    corpusProtocols: ['hrs', 'pmd-control', 'pmd-acc', 'pmd-delta', 'bangle-uart', 'bas', 'dis'],
    run: (b, rng) =>
      toJsonValue(
        decodePacket(PACKET_PROTOCOLS[int(rng, PACKET_PROTOCOLS.length)], b, {
          direction: (['write', 'notify', 'read', undefined] as const)[int(rng, 4)],
          sampleRateHz: RATES[int(rng, RATES.length)],
          factor: ACC_FACTORS[int(rng, ACC_FACTORS.length)],
          channels: int(rng, 5),
          resolution: int(rng, 34),
        }),
      ),
  },
  {
    name: 'recording parse + replay',
    corpusProtocols: [],
    seeds: [bytesToHex(new TextEncoder().encode(SAMPLE_RECORDING))],
    run: (b, rng) => {
      // Half the time damage the recording's text; otherwise record the bytes as packets and replay.
      if (rng() < 0.5) {
        const r = parseRecording(new TextDecoder().decode(b));
        return r.ok ? replayRecording(r.value, { sampleRateHz: 100 }) : r;
      }
      const packets = [];
      for (let at = 0; at < b.length; ) {
        const take = 1 + int(rng, 240);
        const protocol = PACKET_PROTOCOLS[int(rng, PACKET_PROTOCOLS.length)];
        const direction = (['write', 'notify', 'read'] as const)[int(rng, 3)];
        packets.push(
          recordPacket(protocol, b.subarray(at, at + take), at, { direction, device: String(int(rng, 2)) }),
        );
        at += take;
      }
      return replayRecording(
        createRecording(packets),
        rng() < 0.5 ? {} : { sampleRateHz: 52, factor: 0.000244 },
      );
    },
  },
  {
    name: 'hex input',
    corpusProtocols: ['hrs'],
    run: (b) => hexToBytes(String.fromCharCode(...b.subarray(0, 200))),
  },
];

export interface FuzzCount {
  readonly name: string;
  readonly tried: number;
  readonly escaped: number;
  /** The first input that threw, as hex, for reproduction. */
  readonly firstFailure: string | null;
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * Runs `perTarget` inputs through one target: half fully random, half mutations of the corpus
 * (vectors of its protocols, or its own seeds). Deterministic for a given seed.
 */
export function fuzzTarget(
  target: FuzzTarget,
  perTarget: number,
  seed: number,
  vectorsByProtocol: ReadonlyMap<string, readonly Uint8Array[]>,
): FuzzCount {
  const rng = seededRandom(seed);
  const corpus: Uint8Array[] = [];
  for (const p of target.corpusProtocols) corpus.push(...(vectorsByProtocol.get(p) ?? []));
  for (const s of target.seeds ?? []) {
    const r = hexToBytes(s);
    if (r.ok) corpus.push(r.value);
  }
  let escaped = 0;
  let firstFailure: string | null = null;
  for (let i = 0; i < perTarget; i++) {
    const input =
      corpus.length && rng() < 0.5
        ? mutate(rng, corpus[int(rng, corpus.length)], corpus)
        : randomBytes(rng, randomLength(rng));
    try {
      target.run(input, rng);
    } catch {
      escaped++;
      firstFailure ??= hex(input);
    }
  }
  return { name: target.name, tried: perTarget, escaped, firstFailure };
}

/** Real vectors' bytes by protocol, including the frames of stream entries. */
export function corpusFromVectors(
  vectors: readonly { protocol: string; hex: string; frames?: readonly string[] }[],
): Map<string, Uint8Array[]> {
  const out = new Map<string, Uint8Array[]>();
  for (const v of vectors) {
    const list = out.get(v.protocol) ?? [];
    for (const h of [v.hex, ...(v.frames ?? [])]) {
      const r = hexToBytes(h);
      if (r.ok && r.value.length) list.push(r.value);
    }
    out.set(v.protocol, list);
  }
  return out;
}
