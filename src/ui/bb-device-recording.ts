// Saving a recording of the Bluetooth traffic as a file the person can attach to a bug report.
import { type Recording, serializeRecording } from '../protocol/recording.ts';
import { fileStamp } from '../workout/calendar.ts';

/**
 * Offers the recording as a download, named by when it began on this device's clock as sessions'
 * files are: backbeat-recording-2026-11-22-1820.json.
 */
export function downloadRecording(recording: Recording, doc: Document = document): void {
  const blob = new Blob([serializeRecording(recording)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  const startedAt = recording.startedAt ? Date.parse(recording.startedAt) : Number.NaN;
  link.download = Number.isNaN(startedAt)
    ? 'backbeat-recording.json'
    : `backbeat-recording-${fileStamp(startedAt)}.json`;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
