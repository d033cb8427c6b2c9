import { describe, expect, it } from 'vitest';
import { recordingFile, recordingOf } from '../../../src/app/recording-file.ts';
import { createRecording, parseRecording, recordPacket } from '../../../src/protocol/recording.ts';
import { fileStamp } from '../../../src/workout/calendar.ts';

describe("a recording's file", () => {
  it('reads back as the recording it was made of, as JSON', async () => {
    const recording = createRecording(
      [recordPacket('hrs', Uint8Array.of(0x00, 0x63), 500)],
      '2026-11-22T18:20:02.860Z',
    );
    const file = recordingFile(recording);
    expect(file.blob.type).toBe('application/json');
    const parsed = parseRecording(await file.blob.text());
    expect(parsed.ok && parsed.value).toEqual(recording);
  });

  it("is named by when the recording began on this device's clock, or plainly where it says nothing of it", () => {
    const startedAt = '2026-11-22T18:20:02.860Z';
    expect(recordingFile(createRecording([], startedAt)).filename).toBe(
      `backbeat-recording-${fileStamp(Date.parse(startedAt))}.json`,
    );
    expect(recordingFile(createRecording([])).filename).toBe('backbeat-recording.json');
    expect(recordingFile(createRecording([], 'not a date')).filename).toBe('backbeat-recording.json');
  });
});

describe('the recording of the devices connected', () => {
  const wallNowMs = Date.parse('2026-12-04T17:10:00.000Z');
  const strapPackets = [
    recordPacket('hrs', Uint8Array.of(0x00, 0x63), 1000, { device: 'Polar H10 0A1B2C3D' }),
  ];
  const watchPackets = [
    recordPacket('infinitime-motion', Uint8Array.of(1, 2, 3, 4, 5, 6), 500, { device: 'InfiniTime' }),
    recordPacket('infinitime-motion', Uint8Array.of(1, 2, 3, 4, 5, 7), 1500, { device: 'InfiniTime' }),
  ];
  const live = (packets: typeof strapPackets) => ({ recordedPackets: () => packets });

  it('holds what a strap and a watch sent in the order it came, dated by the first packet', () => {
    const recording = recordingOf([live(strapPackets), live(watchPackets)], 600_500, wallNowMs);
    expect(recording.packets.map((p) => [p.tMs, p.device])).toEqual([
      [500, 'InfiniTime'],
      [1000, 'Polar H10 0A1B2C3D'],
      [1500, 'InfiniTime'],
    ]);
    // The first packet came ten minutes before it was saved.
    expect(recording.startedAt).toBe('2026-12-04T17:00:00.000Z');
  });

  it('is dated now, and empty, where no device sent anything (the virtual strap, phone motion)', () => {
    const recording = recordingOf([live([])], 600_500, wallNowMs);
    expect(recording.packets).toEqual([]);
    expect(recording.startedAt).toBe('2026-12-04T17:10:00.000Z');
  });
});
