// A recording of the Bluetooth traffic as a file the person can attach to a bug report.
import { type Recording, serializeRecording } from '../protocol/recording.ts';
import { fileStamp } from '../workout/calendar.ts';
import type { ExportedFile } from './session-files.ts';

/**
 * The recording as a file, named by when it began on this device's clock as sessions' files are:
 * backbeat-recording-2026-11-22-1820.json.
 */
export function recordingFile(recording: Recording): ExportedFile {
  const startedAt = recording.startedAt ? Date.parse(recording.startedAt) : Number.NaN;
  return {
    filename: Number.isNaN(startedAt)
      ? 'backbeat-recording.json'
      : `backbeat-recording-${fileStamp(startedAt)}.json`,
    blob: new Blob([serializeRecording(recording)], { type: 'application/json' }),
  };
}
