// The lines under the set's name: its number and weight, why a watch cannot see it, why a plank's goal
// moved, and the devices the set goes on without, in a line's room kept for them. The same before and
// during the set, and apart from the ring and the buttons, which they never move.

import { css, html, nothing } from 'lit';
import type { Placement } from '../sensors/samples.ts';
import { type PlankGoalFrom, pastLastHoldText } from '../workout/progression.ts';
import type { CurrentSet, PlannedExercise } from '../workout/session.ts';
import type { PauseReason } from '../workout/session-state.ts';
import { showsSetUnderWay } from '../workout/set-shown.ts';
import { awayWhileSetRunsText, tapWordsOf, type WayOnFromPause } from './format.ts';
import { narrowAndShort } from './styles.ts';

/**
 * The lines of a device gone on without (or counted by hand while out of reach) stand in a line's
 * room kept for them under the set's number (see inRoomStyles), each a line of its own, made
 * smaller where two of them or a long one would take more: on a phone held upright the ring
 * takes the height the rows above leave it, and such a line coming moved the count down 16 px
 * and shrank it 8, read from the floor as a jump, "Heart-rate strap reconnecting: keep going" on
 * two lines 23 px; beside the ring (a phone on its side, a laptop) it took the heading up and
 * every button down 11.5 and 18 px, and at 180×320 Skip set, Mute and Finish down 69 px.
 * At 180×320 the room is two lines tall: two devices away at once, at half their size, still wrapped
 * to four lines there and took −1 / +1, Skip set, Mute and Finish down 21 px. Those lie under the
 * ring and Pause, which the window holds, and the scroll to them is 23 px longer.
 */
export const setMetaLineStyles = css`
  .meta .away {
    display: block;
  }
  @media ${narrowAndShort} {
    .meta .away-lines > .room {
      height: 2lh;
    }
  }
  .meta .not-saving {
    color: var(--bb-warn, #fbbf24);
  }
  .tap-words {
    white-space: nowrap;
  }
`;

/** The set as the lines under its name tell of it (see BbSetView's properties of the same names). */
export interface SetMetaOf {
  readonly planned: PlannedExercise;
  readonly set: CurrentSet;
  readonly pauseReason: PauseReason | null;
  readonly motionAway: boolean;
  readonly motionStopped: boolean;
  readonly countedOn: Placement | null;
  readonly unseenLine: string | null;
  readonly goalFrom: PlankGoalFrom | null;
  readonly goingOnWithout: readonly string[];
  readonly notSavingLine: string | null;
}

/** Finish's question as the lines read it: asked now, and how the session goes on while paused. */
export interface FinishAsked {
  readonly asking: boolean;
  readonly wayOnWhilePaused: WayOnFromPause;
}

/** "Set 2 of 3 · 40 kg", and the lines under it: the same before and during the set. */
export function renderSetMeta(of: SetMetaOf, finish: FinishAsked) {
  const { exercise, dosage } = of.planned;
  const underWay = showsSetUnderWay(of.set);
  const away = of.motionAway && of.pauseReason !== 'connection' && underWay;
  return html`<p class="meta">
    Set ${of.set.setNumber} of ${dosage.sets}${dosage.weightKg ? html` · ${dosage.weightKg} kg` : nothing}
    ${of.unseenLine ? html`<br /><span class="unseen">${withTapWordsWhole(of.unseenLine)}</span>` : nothing}
    ${
      // Why a plank's goal moved from the one set, as the voice said it: under the set's number, not
      // in the ring, where a line more ran over its edge on a phone.
      of.goalFrom !== null
        ? html`<br /><span class="why">Goal: ${pastLastHoldText(dosage.target, of.goalFrom)}</span>`
        : nothing
    }
    ${
      // Under Finish's question, which takes the place of the controls and moves them anyway, the
      // room is not kept where no line stands in it: on a phone on its side the question's two
      // answers and "How to do it" took 4 px more than the window beside it.
      finish.asking && !away && of.goingOnWithout.length === 0 && of.notSavingLine === null
        ? nothing
        : html`<span class="away-lines in-room">
      <span class="room" aria-hidden="true">\u00a0</span>
      <span class="fitted">${
        // The voice says it once; a person who missed it reads it here while the set goes on. A set
        // still waiting says it in its own words (see renderWaitingPosition). Not while the set is
        // paused for a strap the app still reaches for: nothing is counted by hand then, and
        // "Paused: connection lost" is what is so.
        away
          ? html`<span class="away">${withTapWordsWhole(awayWhileSetRunsText(exercise, of.set, of.countedOn ?? undefined, of.motionStopped, finish.wayOnWhilePaused))}</span>`
          : nothing
      }${of.goingOnWithout.map((line) => html`<span class="away">${withTapWordsWhole(line)}</span>`)}${
        of.notSavingLine === null ? nothing : html`<span class="away not-saving">${of.notSavingLine}</span>`
      }</span>
    </span>`
    }
  </p>`;
}

/** A line under the set's number, the words that ask for a tap on one line of it (see tapWordsOf). */
function withTapWordsWhole(line: string) {
  const { before, tap, after } = tapWordsOf(line);
  return tap ? html`${before}<span class="tap-words">${tap}</span>${after}` : line;
}
