// A set the person ends with a tap (Finish, or Skip set) can end in the middle of a rep: the detector
// counts a rep as the torso comes back, so the rep under way goes uncounted, and the person puts it
// right with +1. That +1 says nothing of how far they move, and must not teach the counter to expect
// smaller reps. The detectors tell no rep until it ends, so the session reads the rep under way off the
// set's pace: a tap sooner after the last counted rep than the set's reps came had no room for a whole
// rep before it. Gaps between counted reps tell no rep missed: a person pauses mid-set for a breath or
// a grip as long as two reps take (the virtual person's 8 to 11 s between reps 5 s apart, all counted).

/**
 * A tap this many times the set's usual gap after its last counted rep still cut off the rep after it:
 * a person's pace wanders by a quarter or so from rep to rep, and a whole rep more takes twice the gap.
 */
const ROOM_FOR_A_REP = 1.5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Whether a rep set ended by the person's tap `sinceLastMs` after its last counted rep cut off a rep
 * under way: `gapsMs` are the times the counted reps took, each from the one before it (the first from
 * "Go"). With none counted, nothing tells the set's pace, nor a rep cut off from reps too small to see.
 */
export function repCutAtEnd(gapsMs: readonly number[], sinceLastMs: number): boolean {
  if (gapsMs.length === 0 || sinceLastMs < 0) return false;
  return sinceLastMs < ROOM_FOR_A_REP * median(gapsMs);
}
