// A recording made of real H10 traffic (the shared captures), replayed through the parsers as a
// bug report would be: the stream context must come from the recorded start command and response,
// and a damaged frame must be counted without ending the stream.
import { expect, it } from 'vitest';
import {
  createRecording,
  parseRecording,
  type RecordedPacket,
  replayRecording,
  serializeRecording,
  summariseReplay,
} from '../../../src/protocol/recording.ts';
import { describeWithShared, readSharedJson } from '../../shared.ts';

interface Vector {
  protocol: string;
  description: string;
  hex: string;
  expected: Record<string, unknown>;
  frames?: string[];
  stream?: string;
}

describeWithShared('replaying a recording of real H10 traffic', () => {
  const vectors = readSharedJson<Vector[]>('vectors/vectors.json');
  const start = vectors.find((v) => v.description === 'H10 start ACC 200Hz/16bit/8G request');
  const stream = vectors.find((v) => v.protocol === 'pmd-acc-stream' && v.stream === 'ACC_200HZ_8G');
  const firstFrame = vectors.find(
    (v) => v.protocol === 'pmd-acc' && v.stream === 'ACC_200HZ_8G' && 'firstSamples' in v.expected,
  );
  const hr = vectors.filter((v) => v.protocol === 'hrs' && v.description.startsWith('Real Polar H10'));

  function recording(): RecordedPacket[] {
    if (!start || !stream?.frames || !firstFrame) throw new Error('the H10 200 Hz vectors are missing');
    const packets: RecordedPacket[] = [
      { tMs: 0, protocol: 'pmd-control', direction: 'write', hex: start.hex },
      { tMs: 40, protocol: 'pmd-control', hex: String(start.expected.response) },
    ];
    // 36 samples at 200 Hz: a frame every 180 ms; one HR notification per second in between.
    stream.frames.forEach((hex, i) => {
      packets.push({ tMs: 200 + i * 180, protocol: 'pmd-data', hex });
    });
    hr.forEach((v, i) => {
      packets.push({ tMs: 100 + i * 1000, protocol: 'hrs', hex: v.hex });
    });
    // A frame cut to 182 bytes, as an ATT MTU of 185 (common on phones) would cut it, mid-stream.
    packets.push({ tMs: 1000, protocol: 'pmd-data', hex: stream.frames[5].slice(0, 2 * 182) });
    return packets.sort((a, b) => a.tMs - b.tMs);
  }

  it('decodes every packet but the damaged frame, with sample times from the recorded start', () => {
    const text = serializeRecording(createRecording(recording()));
    const parsed = parseRecording(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const replayed = replayRecording(parsed.value);
    const summary = summariseReplay(replayed);
    expect(summary.byProtocol).toEqual({
      'pmd-control': { decoded: 2, failed: 0 },
      'pmd-data': { decoded: 15, failed: 1 },
      hrs: { decoded: hr.length, failed: 0 },
    });
    expect(summary.firstErrors[0].error.code).toBe('bad-length');

    const frames = replayed.filter((p) => p.protocol === 'pmd-data' && p.result.ok);
    const first = frames[0].result.ok ? (frames[0].result.value as { timestampsNs: bigint[] }) : null;
    const want = ((firstFrame?.expected.firstSamples ?? []) as { timeStampNs: string }[]).map((s) =>
      BigInt(s.timeStampNs),
    );
    // The vectors' times assume a 200 Hz first frame: the rate came from the recorded command.
    expect(first?.timestampsNs.slice(0, want.length)).toEqual(want);

    // After the damaged frame, frames keep coming, spaced by the previous good frame.
    const after = frames[6].result.ok ? (frames[6].result.value as { timestampsNs: bigint[] }) : null;
    const before = frames[5].result.ok ? (frames[5].result.value as { timestampsNs: bigint[] }) : null;
    const gap = Number((after?.timestampsNs[0] ?? 0n) - (before?.timestampsNs.at(-1) ?? 0n)) / 1e6;
    expect(gap).toBeGreaterThan(4);
    expect(gap).toBeLessThan(6);
  });
});
