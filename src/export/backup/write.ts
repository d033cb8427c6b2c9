// Writes sessions in the format (see format.ts): the header, then a line per session.

import type {
  EventRow,
  HeartRateChunkRow,
  MotionChunkRow,
  SessionBundle,
  SessionRow,
  SessionSummary,
  SetRow,
} from '../../store/records.ts';
import { toBase64 } from './base64.ts';
import { FILE_FOOTER, HEADER_END, JSON_FORMAT, JSON_FORMAT_VERSION, type Preferences } from './format.ts';

/**
 * Typed arrays travel as base64 of their little-endian bytes: a third of the size of a JSON number
 * list for motion, and exact.
 */
type Columns<T> = {
  [K in keyof T]: T[K] extends ArrayBufferView ? string : T[K];
};

interface FileSession {
  readonly session: SessionRow;
  readonly sets: readonly SetRow[];
  readonly events: readonly EventRow[];
  readonly heartRate: readonly Columns<HeartRateChunkRow>[];
  readonly motion: readonly Columns<MotionChunkRow>[];
}

/** The file's first line. */
export function fileHeader(exportedAt = new Date(), preferences?: Preferences): string {
  const head = JSON.stringify({
    format: JSON_FORMAT,
    version: JSON_FORMAT_VERSION,
    exportedAt,
    ...(preferences ? { preferences } : {}),
  });
  return `${head.slice(0, -1)},${HEADER_END}`;
}

/** One session's line; every line but the first is preceded by a separator. */
export function sessionLine(bundle: SessionBundle, first: boolean): string {
  const file: FileSession = {
    session: { ...bundle.session, summary: summaryInFile(bundle.session.summary) },
    sets: bundle.sets,
    events: bundle.events,
    heartRate: bundle.heartRate.map((c) => ({
      ...c,
      tMs: toBase64(c.tMs),
      bpm: toBase64(c.bpm),
      rrCount: toBase64(c.rrCount),
      rrMs: toBase64(c.rrMs),
    })),
    motion: bundle.motion.map((c) => ({
      ...c,
      frameT0Ms: toBase64(c.frameT0Ms),
      frameDtMs: toBase64(c.frameDtMs),
      frameLength: toBase64(c.frameLength),
      mg: toBase64(c.mg),
    })),
  };
  return `${first ? '\n' : ',\n'}${JSON.stringify(file)}`;
}

export function toJson(bundles: readonly SessionBundle[], exportedAt = new Date()): string {
  return fileHeader(exportedAt) + bundles.map((b, i) => sessionLine(b, i === 0)).join('') + FILE_FOOTER;
}

/**
 * The summary as a file keeps it: the reps alone in reps and the breath cycles in breaths, where the
 * store keeps their sum in reps, so that a program reading the file does not take a bat hang's breaths
 * for reps. A session kept before its breaths were told apart (no breaths) has only the sum to give.
 */
function summaryInFile(summary: SessionSummary): SessionSummary {
  return summary.breaths === undefined ? summary : { ...summary, reps: summary.reps - summary.breaths };
}
