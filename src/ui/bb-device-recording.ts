// Saving a recording of the Bluetooth traffic as a file the person can attach to a bug report.
import { type Recording, serializeRecording } from '../protocol/recording.ts';

/** Offers the recording as a download: backbeat-<time>.json. */
export function downloadRecording(recording: Recording, doc: Document = document): void {
  const blob = new Blob([serializeRecording(recording)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = `backbeat-${(recording.startedAt ?? 'recording').replace(/[:.]/g, '-')}.json`;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
