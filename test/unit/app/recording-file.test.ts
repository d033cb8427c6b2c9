import { describe, expect, it } from 'vitest';
import { recordingFile } from '../../../src/app/recording-file.ts';
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
