import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJsonValue } from '../../../src/protocol/decode.ts';
import { PmdMeasurementType } from '../../../src/protocol/polar-pmd.ts';
import {
  createRecording,
  parseRecording,
  protocolForCharacteristic,
  recordPacket,
  replayRecording,
  serializeRecording,
  summariseReplay,
} from '../../../src/protocol/recording.ts';
import { bytesToHex, hexToBytes } from '../../../src/protocol/result.ts';
import { HEART_RATE_MEASUREMENT, PMD_DATA } from '../../../src/protocol/uuids.ts';
import { runDecode } from '../../../tools/decode.ts';
import { PROJECT_DIR } from '../../shared.ts';

function bytes(hex: string): Uint8Array {
  const r = hexToBytes(hex);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function accFrameHex(timeStampNs: bigint, samples: [number, number, number][]): string {
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
  return bytesToHex(out);
}

const noFiles = (path: string): string => {
  throw new Error(`unexpected read of ${path}`);
};

function run(...argv: string[]) {
  const r = runDecode(argv, noFiles);
  return { code: r.code, json: JSON.parse(r.output) };
}

describe('decode command', () => {
  it('decodes a heart-rate packet given in pieces', () => {
    const r = run('--protocol', 'hrs', '10', '4b', '34', '03');
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ bpm: 75, rrRaw: [820], rrMs: [801] });
  });

  it('prints a JSON error and fails on bad input', () => {
    expect(run('--protocol', 'hrs', '01')).toMatchObject({ code: 1, json: { error: { code: 'too-short' } } });
    expect(run('--protocol', 'hrs', 'zz')).toMatchObject({
      code: 1,
      json: { error: { code: 'bad-format' } },
    });
    expect(run('--protocol', 'nope', '00')).toMatchObject({
      code: 1,
      json: { error: { code: 'unknown-type' } },
    });
    expect(run('--protocol', 'hrs')).toMatchObject({ code: 1, json: { error: { code: 'bad-arguments' } } });
    expect(run('--bogus')).toMatchObject({ code: 1, json: { error: { code: 'bad-arguments' } } });
    expect(run('--protocol', 'pmd-acc', '--rate', 'fast', '00')).toMatchObject({
      code: 1,
      json: { error: { code: 'bad-format' } },
    });
  });

  it('prints PMD timestamps as decimal strings, using --previous-timestamp', () => {
    const hex = accFrameHex(599_618_164_814_402_794n, [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const r = run('--protocol', 'pmd-acc', '--previous-timestamp', '599618164804402794', hex);
    expect(r.code).toBe(0);
    expect(r.json.timestampsNs).toEqual(['599618164809402794', '599618164814402794']);
    expect(r.json.header.timeStampNs).toBe('599618164814402794');
    expect(r.json.xyzG).toEqual([0.001, 0.002, 0.003, 0.004, 0.005, 0.006]);
  });

  it('says why sample times are missing when no rate is given', () => {
    const r = run('--protocol', 'pmd-acc', accFrameHex(5_000_000_000n, [[0, 0, 1000]]));
    expect(r.code).toBe(0);
    expect(r.json.timestampsNs).toBeNull();
    expect(r.json.timestampError.code).toBe('bad-context');
  });

  it('tells a PMD command from a response by direction', () => {
    expect(run('--protocol', 'pmd-control', '0102').json).toMatchObject({
      kind: 'command',
      opName: 'GET_MEASUREMENT_SETTINGS',
    });
    expect(run('--protocol', 'pmd-control', '--direction', 'notify', '0102').json).toMatchObject({
      kind: 'measurement-stopped',
      stoppedTypes: [2],
    });
    expect(run('--protocol', 'pmd-control', 'f0010200000001c800').json).toMatchObject({
      kind: 'response',
      settings: { SAMPLE_RATE: [200] },
    });
  });

  it('decodes a stream of frames and the timestamp algorithm on its own', () => {
    const a = accFrameHex(1_000_000_000n, [[0, 0, 1000]]);
    const b = accFrameHex(1_020_000_000n, [
      [0, 0, 1000],
      [0, 0, 1000],
    ]);
    const s = run('--protocol', 'pmd-acc-stream', '--rate', '100', a, b);
    expect(s.json.frames[1].timestampsNs).toEqual(['1010000000', '1020000000']);
    expect(run('--protocol', 'pmd-acc-stream', a).json.error.code).toBe('bad-context');
    const t = run(
      '--protocol',
      'pmd-timestamp',
      '--previous-timestamp',
      '100',
      '--frame-timestamp',
      '2000000000',
      '--samples',
      '3',
    );
    expect(t.json.timestampsNs).toEqual(['666666733', '1333333367', '2000000000']);
  });

  it('runs as a command: JSON on stdout, exit status 1 on bad input', () => {
    const tsx = join(PROJECT_DIR, 'node_modules/.bin/tsx');
    const good = spawnSync(tsx, ['tools/decode.ts', '--protocol', 'bas', '64'], {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
    });
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual({ percent: 100 });
    const bad = spawnSync(tsx, ['tools/decode.ts', '--protocol', 'bas', '65'], {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).error.code).toBe('out-of-range');
  }, 30_000);
});

describe('recordings', () => {
  const h10 = createRecording(
    [
      recordPacket('hrs', bytes('104b3403'), 10, { characteristic: HEART_RATE_MEASUREMENT, device: 'h10' }),
      // Start ACC at 100 Hz (written), then the H10's success response (no FACTOR).
      recordPacket('pmd-control', bytes('02020001640001011000'), 20, { direction: 'write', device: 'h10' }),
      recordPacket('pmd-control', bytes('f00202000001'), 25, { device: 'h10' }),
      recordPacket('pmd-data', bytes(accFrameHex(2_000_000_000n, [[0, 0, 1000]])), 40, { device: 'h10' }),
      recordPacket(
        'pmd-data',
        bytes(
          accFrameHex(2_020_000_000n, [
            [0, 0, 1000],
            [0, 0, 999],
          ]),
        ),
        60,
        {
          device: 'h10',
        },
      ),
      recordPacket('hrs', bytes('10'), 70, { device: 'h10' }),
      recordPacket('bangle-uart', bytes('412c312c'), 80, { device: 'bangle' }),
      recordPacket('bangle-uart', bytes('322c3130300d0a'), 90, { device: 'bangle' }),
    ],
    '2026-11-23T21:00:00.000Z',
  );

  it('round-trips through its JSON text, one packet per line', () => {
    const text = serializeRecording(h10);
    expect(text.split('\n').length).toBe(h10.packets.length + 3);
    const back = parseRecording(text);
    expect(back).toEqual({ ok: true, value: h10 });
    expect(parseRecording(serializeRecording(createRecording([])))).toEqual({
      ok: true,
      value: createRecording([]),
    });
  });

  it('rejects malformed recordings with a reason', () => {
    for (const [text, fragment] of [
      ['{', 'cut short'],
      ['[]', 'only a file made with Save a recording can be'],
      ['{"format":"strong","packets":[]}', 'only a file made with Save a recording can be'],
      ['{"format":"backbeat-recording","version":2,"packets":[]}', 'version'],
      [
        '{"format":"backbeat-recording","version":1,"packets":[{"tMs":1,"protocol":"hrs","hex":"0g"}]}',
        'its bytes are unreadable',
      ],
      [
        '{"format":"backbeat-recording","version":1,"packets":[{"tMs":1,"protocol":"x","hex":"00"}]}',
        'kind of data',
      ],
      [
        '{"format":"backbeat-recording","version":1,"packets":[{"tMs":"1","protocol":"hrs","hex":"00"}]}',
        'its time is missing',
      ],
      [
        '{"format":"backbeat-recording","version":1,"packets":[{"tMs":1,"protocol":"hrs","hex":"00","direction":"up"}]}',
        'direction',
      ],
      // A backup or an export of sessions, the likely mix-up: where it goes instead.
      [
        '{"format":"backbeat-sessions","version":1,"sessions":[]}',
        'it is a file of saved sessions (a backup or an export); import it in History',
      ],
    ] as const) {
      const r = parseRecording(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error.message).toContain(fragment);
    }
  });

  it('says where a recording is damaged, counting its packets from one, in words a person can act on', () => {
    const why = (packets: string) => {
      const r = parseRecording(`{"format":"backbeat-recording","version":1,"packets":[${packets}]}`);
      return r.ok ? null : r.error.message;
    };
    const good = '{"tMs":0,"protocol":"hrs","hex":"004b"}';
    expect(why('{"tMs":1,"protocol":"hrs","hex":"0g"}')).toBe(
      'it is damaged at packet 1 of 1 (its bytes are unreadable)',
    );
    expect(why(`${good},${good},{"tMs":"1","protocol":"hrs","hex":"00"}`)).toBe(
      'it is damaged at packet 3 of 3 (its time is missing)',
    );
    expect(why(`${good},{"tMs":1,"protocol":"x","hex":"00"}`)).toBe(
      'it is damaged at packet 2 of 2 (it names a kind of data this version does not know, "x")',
    );
  });

  it('tells a file that is no recording at all from a recording cut short', () => {
    // What the file should have been, and where one comes from: no field of it named.
    const NOT_A_RECORDING = 'only a file made with Save a recording can be';
    const why = (text: string) => {
      const r = parseRecording(text);
      return r.ok ? null : r.error.message;
    };
    // A shopping list never was a recording: no hint that it ends early.
    expect(why('milk\neggs\nbread\n')).toBe(NOT_A_RECORDING);
    expect(why('')).toBe('it is empty');
    expect(why('[1, 2]')).toBe(NOT_A_RECORDING);
    expect(why('{"format":"strong","packets":[]}')).toBe(NOT_A_RECORDING);
    // A recording that stops partway opens like one and does not parse.
    const whole = serializeRecording(createRecording([recordPacket('hrs', Uint8Array.of(0x00, 0x4b), 0)]));
    const cut = 'it stops partway or is broken (was it cut short while being saved or copied?)';
    expect(why(whole.slice(0, whole.length / 2))).toBe(cut);
    expect(why(`  \n${whole.slice(0, 20)}`)).toBe(cut);
  });

  it('replays through the parsers with the stream context the recorded start set up', () => {
    const replayed = replayRecording(h10);
    const frame = replayed[4].result;
    expect(frame.ok).toBe(true);
    if (frame.ok)
      expect(toJsonValue((frame.value as { timestampsNs: bigint[] }).timestampsNs)).toEqual([
        '2010000000',
        '2020000000',
      ]);
    const first = replayed[3].result;
    // The first frame is spaced by the 100 Hz taken from the recorded start command.
    if (first.ok) expect((first.value as { timestampsNs: bigint[] }).timestampsNs).toEqual([2_000_000_000n]);
    // The Bangle line arrives in two notifications and is framed across them.
    const bangle = replayed[7].result;
    expect(bangle.ok && (bangle.value as { lines: unknown[] }).lines).toEqual([
      { line: 'A,1,2,100', xyzG: [0.01, 0.02, 1] },
    ]);
    const summary = summariseReplay(replayed);
    expect(summary.failed).toBe(1);
    expect(summary.firstErrors[0].index).toBe(5);
    expect(summary.byProtocol.hrs).toEqual({ decoded: 1, failed: 1 });
  });

  it('decodes a recording file through the command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backbeat-recording-'));
    const file = join(dir, 'session.json');
    writeFileSync(file, serializeRecording(h10));
    const r = runDecode(['--recording', file], (p) => readFileSync(p, 'utf8'));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.output);
    expect(json.summary.decoded).toBe(7);
    expect(json.packets[4].value.timestampsNs).toEqual(['2010000000', '2020000000']);
    expect(runDecode(['--recording', join(dir, 'missing.json')], noFiles).code).toBe(1);
  });

  it('maps characteristics to protocols', () => {
    expect(protocolForCharacteristic(HEART_RATE_MEASUREMENT.toUpperCase())).toBe('hrs');
    expect(protocolForCharacteristic(PMD_DATA)).toBe('pmd-data');
    expect(protocolForCharacteristic('0000ffff-0000-1000-8000-00805f9b34fb')).toBeNull();
  });
});
