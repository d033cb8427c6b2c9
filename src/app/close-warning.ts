// Whether closing the page would lose a session, so that the browser asks the person first
// (beforeunload). A session is lost with the page when memory has the only whole copy of it and no
// file has been taken of it: the one under way while storage is not saving, and each ended one memory
// keeps (the last kept while storage did not save, those waiting for room, those storage failed).

export interface HeldInMemory {
  /** A session is being recorded, and storage is not saving it (full, off, failed). */
  readonly recordingUnsaved: boolean;
  /** Each ended session memory alone holds whole, and whether it has been taken as a file since. */
  readonly ended: readonly { readonly takenAsFile: boolean }[];
}

export function closingWouldLose(held: HeldInMemory): boolean {
  return held.recordingUnsaved || held.ended.some((session) => !session.takenAsFile);
}

/**
 * Whether a file of a session keeps what closing the page would lose: only JSON, which holds all of
 * it (heart rate, raw motion, what the coach said, the plan) and which Backbeat restores from. A CSV
 * (a session's or all sessions') holds each set's count, time and weight for other workout apps, and
 * a FIT the workout for Garmin Connect or Strava; Backbeat imports neither, so the session would be
 * gone from its History, its charts and its plan all the same.
 */
export function fileKeepsTheSession(format: 'fit' | 'csv' | 'json'): boolean {
  return format === 'json';
}
