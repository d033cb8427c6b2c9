// `npm run -s decode -- --protocol hrs 104b3403` prints the decoded value as JSON.
// `npm run -s decode -- --recording FILE [--rate 200]` replays a whole recording.
// Protocol names are those of the `protocol` field of ../shared/vectors/vectors.json. Bad input
// prints {"error": {...}} and exits 1. BigInt values print as decimal strings.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type DecodeOptions,
  decodePacket,
  decodeStream,
  decodeTimestamps,
  isStreamProtocol,
  PACKET_PROTOCOLS,
  STREAM_PROTOCOLS,
  toJsonValue,
} from '../src/protocol/decode.ts';
import { parseRecording, replayRecording, summariseReplay } from '../src/protocol/recording.ts';
import { hexToBytes, type ParseError, type Result } from '../src/protocol/result.ts';

export interface DecodeRun {
  readonly code: number;
  readonly output: string;
}

const USAGE = `usage: decode --protocol NAME HEX... [--rate HZ] [--factor F] [--previous-timestamp NS]
              [--direction write|notify|read] [--channels N] [--resolution BITS]
       decode --protocol pmd-timestamp --frame-timestamp NS --samples N [--rate HZ] [--previous-timestamp NS]
       decode --recording FILE [--rate HZ] [--factor F]
protocols: ${[...PACKET_PROTOCOLS, ...STREAM_PROTOCOLS, 'pmd-timestamp'].join(', ')}`;

function errorRun(error: ParseError | { code: string; message: string }): DecodeRun {
  return { code: 1, output: `${JSON.stringify({ error }, null, 2)}\n` };
}

function valueRun(value: unknown): DecodeRun {
  return { code: 0, output: `${JSON.stringify(toJsonValue(value), null, 2)}\n` };
}

function fromResult(r: Result<unknown>): DecodeRun {
  return r.ok ? valueRun(r.value) : errorRun(r.error);
}

function number(name: string, text: string | undefined): Result<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) {
    return { ok: false, error: { code: 'bad-format', message: `--${name} ${text} is not a number` } };
  }
  return { ok: true, value: n };
}

function bigint(name: string, text: string | undefined): Result<bigint | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  if (!/^\d+$/.test(text.trim())) {
    return {
      ok: false,
      error: { code: 'bad-format', message: `--${name} ${text} is not a whole number of ns` },
    };
  }
  return { ok: true, value: BigInt(text.trim()) };
}

/** The whole command as a function of its arguments, so tests need not spawn a process. */
export function runDecode(argv: readonly string[], readFile: (path: string) => string): DecodeRun {
  let parsed: ReturnType<typeof parseDecodeArgs>;
  try {
    parsed = parseDecodeArgs(argv);
  } catch (e) {
    return errorRun({ code: 'bad-arguments', message: `${(e as Error).message}\n${USAGE}` });
  }
  const { values, positionals } = parsed;
  const rate = number('rate', values.rate);
  const factor = number('factor', values.factor);
  const channels = number('channels', values.channels);
  const resolution = number('resolution', values.resolution);
  const samples = number('samples', values.samples);
  const previous = bigint('previous-timestamp', values['previous-timestamp']);
  const frameTs = bigint('frame-timestamp', values['frame-timestamp']);
  for (const r of [rate, factor, channels, resolution, samples, previous, frameTs])
    if (!r.ok) return errorRun(r.error);
  const direction = values.direction;
  if (direction !== undefined && direction !== 'write' && direction !== 'notify' && direction !== 'read') {
    return errorRun({
      code: 'bad-arguments',
      message: `--direction ${direction} is not write, notify or read`,
    });
  }
  const options: DecodeOptions = {
    sampleRateHz: rate.ok ? rate.value : undefined,
    factor: factor.ok ? factor.value : undefined,
    previousTimeStampNs: previous.ok ? previous.value : undefined,
    channels: channels.ok ? channels.value : undefined,
    resolution: resolution.ok ? resolution.value : undefined,
    direction,
  };

  if (values.recording !== undefined) {
    let text: string;
    try {
      text = readFile(values.recording);
    } catch (e) {
      return errorRun({
        code: 'bad-arguments',
        message: `cannot read ${values.recording}: ${(e as Error).message}`,
      });
    }
    const recording = parseRecording(text);
    if (!recording.ok) return errorRun(recording.error);
    const replayed = replayRecording(recording.value, {
      sampleRateHz: options.sampleRateHz,
      factor: options.factor,
    });
    const packets = replayed.map((p) => {
      const { result, ...rest } = p;
      return result.ok ? { ...rest, value: result.value } : { ...rest, error: result.error };
    });
    // A recording with malformed packets still decodes; the summary counts them (as the app does).
    return valueRun({ summary: summariseReplay(replayed), packets });
  }

  const protocol = values.protocol;
  if (protocol === undefined)
    return errorRun({ code: 'bad-arguments', message: `--protocol or --recording is required\n${USAGE}` });
  if (protocol === 'pmd-timestamp') {
    return fromResult(
      decodeTimestamps({
        previousTimeStampNs: options.previousTimeStampNs,
        frameTimeStampNs: frameTs.ok ? frameTs.value : undefined,
        samples: samples.ok ? samples.value : undefined,
        sampleRateHz: options.sampleRateHz,
      }),
    );
  }
  if (positionals.length === 0)
    return errorRun({ code: 'bad-arguments', message: `no bytes given\n${USAGE}` });
  if (isStreamProtocol(protocol)) {
    const frames: Uint8Array[] = [];
    for (const hex of positionals) {
      const b = hexToBytes(hex);
      if (!b.ok) return errorRun(b.error);
      frames.push(b.value);
    }
    return fromResult(decodeStream(protocol, frames, options));
  }
  // One packet: the hex may be given in pieces (`10 4b 34 03`).
  const bytes = hexToBytes(positionals.join(''));
  if (!bytes.ok) return errorRun(bytes.error);
  return fromResult(decodePacket(protocol, bytes.value, options));
}

function parseDecodeArgs(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      protocol: { type: 'string' },
      recording: { type: 'string' },
      rate: { type: 'string' },
      factor: { type: 'string' },
      'previous-timestamp': { type: 'string' },
      'frame-timestamp': { type: 'string' },
      samples: { type: 'string' },
      direction: { type: 'string' },
      channels: { type: 'string' },
      resolution: { type: 'string' },
    },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const run = runDecode(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
  process.stdout.write(run.output);
  process.exitCode = run.code;
}
