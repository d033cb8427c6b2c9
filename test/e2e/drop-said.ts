// A device dropped mid-set and came back by itself: what the voice says of it depends on how long the
// real reconnection took, which the e2e runs cannot fix.

import { spokenNumber } from '../../src/cues/cue-planner.ts';

/**
 * The two ways a drop is told, `done` reps counted before it: not at all, where the device was back
 * within CONNECTION_LOST_SAID_AFTER_MS; otherwise whole, "Paused: connection lost" then how far the set has
 * come. Never half of it, and never the set's name and target again, which the next count cut off.
 */
export function dropToldWhole(done: number): string[][] {
  return [[], ['Paused: connection lost', `Go on: ${spokenNumber(done)} done`]];
}
