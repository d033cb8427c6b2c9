import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingFile } from '../../src/app/recording-file.ts';
import { createRecording } from '../../src/protocol/recording.ts';
import { downloadRecording } from '../../src/ui/bb-device-recording.ts';
import { fileStamp } from '../../src/workout/calendar.ts';

afterEach(() => vi.restoreAllMocks());

/** The name the recording's download link offers. */
function downloadName(startedAt?: string): string {
  let name = '';
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    name = this.download;
  });
  downloadRecording(recordingFile(createRecording([], startedAt)));
  return name;
}

describe('a saved recording', () => {
  it("is named by when it began on this device's clock, as sessions' files are", () => {
    const startedAt = '2026-11-22T18:20:02.860Z';
    expect(downloadName(startedAt)).toBe(`backbeat-recording-${fileStamp(Date.parse(startedAt))}.json`);
    expect(downloadName(startedAt)).toMatch(/^backbeat-recording-2026-11-2\d-\d{4}\.json$/);
  });

  it('has a plain name when it says nothing of when it began', () => {
    expect(downloadName()).toBe('backbeat-recording.json');
    expect(downloadName('not a date')).toBe('backbeat-recording.json');
  });
});
