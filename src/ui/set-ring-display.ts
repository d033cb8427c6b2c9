// What the set's ring shows, worked out from the set alone: how full it is, the lines of its face and
// what a screen reader reads of it. Pure, so that each exercise's face is tested without a browser.

import { tapEachCountParts } from '../workout/by-hand.ts';
import { heldSoFarMs } from '../workout/held-seconds.ts';
import { countUnit, perSideText } from '../workout/program.ts';
import type { CurrentSet, PlannedExercise } from '../workout/session.ts';
import type { PauseReason } from '../workout/session-state.ts';
import { armOfRep } from '../workout/set-shown.ts';
import { clockFace, formatDuration, heldS, pausedRingLabel, plural } from './format.ts';

/** What the set's ring shows: how full it is, its face's lines, and what a screen reader reads of it. */
export interface RingDisplay {
  readonly value: number;
  readonly max: number;
  readonly digits: string;
  readonly suffix: string;
  readonly unit: string;
  /**
   * The unit is the tap asked for ("tap Start hold"): it takes the tap's narrower lines (see
   * .tap-hint), where at the target's size it ran over a phone's ring.
   */
  readonly unitAsksTap?: boolean;
  /** A line under the unit, where there is one. */
  readonly detail?: string | null;
  /** What to tap for each rep of a set counted by hand, until the first is counted (see tapEachCountParts). */
  readonly tapHint?: readonly [string, string] | null;
  readonly label: string;
  readonly valueText: string;
}

/** The set under way as its ring sees it. */
export interface SetOnTheRing {
  readonly planned: PlannedExercise;
  readonly set: CurrentSet;
  readonly nowMs: number;
  readonly paused: boolean;
  /** Why the app paused the session for a device (null for the person's own pause). */
  readonly pauseReason: PauseReason | null;
  /** The set is counted or timed by the person's taps now (see BbSetView.tappedByHand). */
  readonly tappedByHand: boolean;
  /** The device that counts motion cannot see this exercise: a hold is begun with Start hold. */
  readonly unseen: boolean;
}

/**
 * The ring of `shown`: a hold's clock, or the count of reps or breaths (a bird dog's of one arm). Paused,
 * its name says so, and why (see pausedRingLabel): a paused set read "Reps, 5" as if it went on.
 */
export function setRingDisplay(shown: SetOnTheRing): RingDisplay {
  const display = ringOfTheSet(shown);
  return { ...display, label: pausedRingLabel(display.label, shown.paused, shown.pauseReason) };
}

function ringOfTheSet(shown: SetOnTheRing): RingDisplay {
  const { exercise, dosage } = shown.planned;
  const set = shown.set;
  if (exercise.kind === 'hold') {
    const heldMs = heldSoFarMs(set, shown.nowMs);
    const held = heldMs === null ? 0 : heldS(heldMs);
    // Moved just after "Go" (drawing in) and not yet seen still again: the clock stands, and the
    // ring asks for what makes it go on.
    const settling = heldMs !== null && set.settlingInMs !== undefined;
    const target = formatDuration(dosage.target);
    // A plank goes on for as long as form holds: its target is a goal, not the end.
    const goal = exercise.holdEndsAtTarget ? `of ${target}` : `goal ${target}`;
    const waiting = set.holdStartMs === null && !shown.paused;
    const asksTap = waiting && (shown.tappedByHand || shown.unseen);
    return {
      value: held,
      max: dosage.target,
      ...clockFace(held),
      // In position already ("In position. Go."): the hold is timed from when the body settles
      // (a plank's, once it is lifted into); with no device to see it settle, from the tap on
      // Start hold.
      unit: asksTap
        ? 'tap Start hold'
        : waiting
          ? exercise.liftsIntoHold
            ? 'lift and hold still'
            : 'hold still to start'
          : settling
            ? 'hold still'
            : goal,
      unitAsksTap: asksTap,
      label: 'Hold time',
      valueText: `${held} of ${dosage.target} seconds${settling ? ', hold still' : ''}`,
    };
  }
  const label = exercise.kind === 'breaths' ? 'Breath cycles' : 'Reps';
  // The ring fills with every rep of the set, both arms' alike.
  const fill = { value: set.count, max: dosage.target, suffix: '', label };
  // Until the first tap, as a hold nothing sees asks for Start hold: then the count going up shows it.
  const tapHint = shown.tappedByHand && set.count === 0 ? tapEachCountParts(exercise) : null;
  if (exercise.alternatesSides) {
    // The voice counts a bird dog set each side, "Left, seven", against "ten each side": the ring
    // shows that arm's count, where "14" read from the mat looked like a set gone past its end.
    const unit = `of ${perSideText(dosage.target)}`;
    if (set.count === 0) return { ...fill, digits: '0', unit, detail: null, tapHint, valueText: `0 ${unit}` };
    const { arm, ofArm } = armOfRep(set.count);
    return {
      ...fill,
      digits: String(ofArm),
      unit,
      detail: `${arm} arm`,
      valueText: `${ofArm} ${unit}, ${arm} arm`,
    };
  }
  // "of 1 rep": the unit goes with the target it follows, not with the count.
  const unit = `of ${plural(dosage.target, countUnit(exercise))}`;
  return {
    ...fill,
    digits: String(set.count),
    unit,
    detail: null,
    tapHint,
    valueText: `${set.count} ${unit}`,
  };
}
