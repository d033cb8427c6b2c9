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
