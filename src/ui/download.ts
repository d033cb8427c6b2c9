import { html } from 'lit';
import type { ExportedFile, ExportFormat } from '../app/session-files.ts';

const FILE_FORMATS: readonly ExportFormat[] = ['fit', 'csv', 'json'];

/** Hands a file to the browser's download. */
export function download(file: ExportedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.click();
  // The download has taken the blob by the next task; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * What each kind of file is for, said under its buttons: "FIT CSV JSON" alone named no use to a person
 * who had not met them, and only the JSON file holds the heart rate and raw motion and is imported again
 * (History's Import a file).
 */
export const FILE_KINDS =
  'FIT for Garmin Connect or Strava, CSV for a spreadsheet, JSON for everything: the one file Backbeat imports again.';

/** One button per kind of file, "FIT", "CSV", "JSON", each read out as `${what} as FIT`. */
export function fileButtons(what: string, save: (format: ExportFormat) => void) {
  return FILE_FORMATS.map((format) => {
    const name = format.toUpperCase();
    return html`<button @click=${() => save(format)} aria-label=${`${what} as ${name}`}>${name}</button>`;
  });
}
