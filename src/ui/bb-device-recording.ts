// Saving a recording of the Bluetooth traffic as a file the person can attach to a bug report.
import type { ExportedFile } from '../app/session-files.ts';

/** Offers the recording's file, as the app made it (Devices.recordingFile), as a download. */
export function downloadRecording(file: ExportedFile, doc: Document = document): void {
  const url = URL.createObjectURL(file.blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.filename;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
