// What a set waiting for the person shows where its ring will be: the position to take in letters read
// from the mat, what is wrong with the one taken, and the line of how the set starts, in one room kept
// for the tallest of them. Only the waiting screen has them, and they change with the set alone.

import { css, html, nothing } from 'lit';
import type { Placement } from '../sensors/samples.ts';
import { RECOVERED_TEXT } from '../workout/heart.ts';
import {
  type Exercise,
  everySeenPositionText,
  everyWrongPositionText,
  seenPositionText,
  WRONG_POSITION_WAY_ON,
  wrongPositionText,
} from '../workout/program.ts';
import type { CurrentSet } from '../workout/session.ts';
import type { PauseReason } from '../workout/session-state.ts';
import { showsRecovery, startSeenWord } from '../workout/set-shown.ts';
import {
  awayPausedText,
  beforeGoText,
  pausedText,
  skippedBeforeText,
  type WayOnFromPause,
} from './format.ts';
import { narrow } from './styles.ts';

/** The line under the position while the set waits for it. */
const WAITING_TEXT = 'The set starts by itself once you are in position and still.';

/** The position to take, what is wrong with the one taken and the lines under them, in the screen's rows. */
export const waitingPositionStyles = css`
  /* What position to take, and what is wrong with the one taken: rows of the screen like the others. */
  .position {
    display: contents;
  }
  .position > * {
    margin-block: inherit;
  }
  .prompt {
    font-size: clamp(2rem, 9vmin, 4rem);
    font-weight: 800;
    line-height: 1.15;
    max-width: 40rem;
    margin: 0.25rem 0;
  }
  /* Paused: as tall as the position it stands in for, whose words take the room unseen. */
  .prompt[data-room] {
    display: grid;
  }
  .prompt[data-room] > span,
  .prompt[data-room]::after {
    grid-area: 1 / 1;
  }
  .prompt[data-room] > span {
    align-self: center;
  }
  .prompt[data-room]::after {
    content: attr(data-room);
    visibility: hidden;
  }
  /*
   * On a phone with its text at twice its size the exercise's name and set take four lines of the
   * screen under the header: the position to take comes first, where a glance from the mat finds
   * it without a scroll, as big as the exercise's name (six lines of it fit). Only the box moves:
   * a screen reader reads the name first, as written.
   */
  @media ${narrow} {
    .prompt {
      order: -1;
      font-size: 1.75rem;
    }
  }
  .recovered {
    font-size: clamp(1.15rem, 4.5vmin, 2rem);
    font-weight: 700;
    color: var(--bb-rest, #60a5fa);
  }
  /*
   * What is wrong with the position taken, the line of how the set starts, and what a pause or a
   * set skipped just before say there, in one room as tall as the tallest of them (see
   * inRoomStyles): "You seem to be on your back. Lie face down.", framed, in the place of the line
   * under the position took Start the set, Pause and Skip set down 30 px on a 360×640 phone and
   * 33 px at 180×320, and the heading up 22 px on a laptop, as the person turned over and back.
   */
  .under-position > .room {
    display: grid;
  }
  .under-position > .room > * {
    grid-area: 1 / 1;
    justify-self: center;
  }
  .under-position > .fitted {
    justify-self: center;
  }
  /* Words of the room the eye and a search of the page's text pass over, as they are not said. */
  .under-position > .room > ::before {
    content: attr(data-words);
  }
  .waiting,
  .waiting-room {
    font-size: clamp(1.1rem, 4vmin, 1.6rem);
    color: var(--bb-muted, #b6c2d1);
    max-width: 36rem;
  }
  /* Telling of a set just skipped: as tall as the line it stands in for, whose words take the room unseen. */
  .waiting[data-room] {
    display: grid;
  }
  .waiting[data-room] > span,
  .waiting[data-room]::after {
    grid-area: 1 / 1;
  }
  .waiting[data-room]::after {
    content: attr(data-room);
    visibility: hidden;
  }
  /*
   * The way on the voice adds to a warning said again, after what the sensor sees, in the type of
   * the line of how the set starts; where to be is the position to take above. Its room is kept
   * with the warnings', so that it comes with nothing moved: after the whole warning, on lines of
   * its own, it made that room 23 px taller on a 360×640 phone, where a drawing-in's waiting
   * screen then scrolled 19 px, and 34 px on a laptop.
   */
  .under-position > .room > .wrong-room[data-way-on]::after {
    content: attr(data-way-on);
  }
  .way-on,
  .wrong-room[data-way-on]::after {
    font-size: clamp(1.1rem, 4vmin, 1.6rem);
    font-weight: 600;
  }
  .wrong,
  .wrong-room {
    font-size: clamp(1.15rem, 4.5vmin, 2rem);
    font-weight: 700;
    max-width: 36rem;
    padding: 0.75rem 1rem;
    border-radius: 0.75rem;
    background: var(--bb-problem-bg, #3b2a0a);
    border: 2px solid var(--bb-warn, #fbbf24);
  }
`;

/** The set waiting for the person, as the lines under its heading tell of it. */
export interface WaitingSet {
  readonly exercise: Exercise;
  readonly set: CurrentSet;
  readonly nowMs: number;
  readonly paused: boolean;
  /** Why the app paused the session for a device (null for the person's own pause). */
  readonly pauseReason: PauseReason | null;
  /** The device that counts this exercise is out of reach (see BbSetView.motionAway). */
  readonly motionAway: boolean;
  /** Where the device the app paused for is worn, where the voice names it (see BbSetView.pausedForDevice). */
  readonly pausedForDevice: Placement | null;
  /** The set of this exercise skipped just before this one (see BbSetView.skippedBefore). */
  readonly skippedBefore: number | null;
  /** How the session goes on while paused (see FinishQuestion.wayOnWhilePaused). */
  readonly wayOnWhilePaused: WayOnFromPause;
}

/**
 * Before the set begins: what position to take, in letters big enough to read from the mat, and
 * what is wrong with the present one; the set begins by itself once the person is in it.
 */
export function renderWaitingPosition(at: WaitingSet) {
  const { exercise, set } = at;
  // Seen there, the person waits out the set's first line for "Go" (10 s or more): the big letters
  // read from the mat say they were seen, where the position to take read as if they were not.
  const seen = set.waiting ? null : startSeenWord(set);
  return html`<div class="position">
    ${showsRecovery(set, at.nowMs) ? html`<p class="recovered">${RECOVERED_TEXT}</p>` : nothing}
    ${
      // Paused, the position's box keeps its height (see .prompt[data-room]): "Paused" on one line
      // where the position took two brought the buttons up under the finger that tapped Pause.
      at.paused
        ? html`<div class="prompt" data-room=${seen ?? exercise.positionPrompt}><span>${pausedText(at.pauseReason)}</span></div>`
        : html`<div class="prompt">${seen ?? exercise.positionPrompt}</div>`
    }
    <div class="under-position in-room">
    ${
      set.wrongPosture
        ? html`<div class="wrong fitted">${
            // Said again, the voice adds the way on (see warnIfDue), read here by a person with the
            // sound off in place of where to be, which the position to take above says.
            (set.warnedTimes ?? 0) > 1
              ? html`${seenPositionText(set.wrongPosture)} <span class="way-on">${WRONG_POSITION_WAY_ON}</span>`
              : wrongPositionText(exercise, set.wrongPosture)
          }</div>`
        : at.skippedBefore !== null && set.waiting && !at.paused
          ? // In the room of the line it stands in for (see .waiting[data-room]): nothing moves.
            html`<div class="waiting fitted" data-room=${WAITING_TEXT}><span>${skippedBeforeText(at.skippedBefore, set.setNumber)}</span></div>`
          : html`<div class="waiting fitted">${
              // Nothing starts while paused: the set begins on Resume, if the person is in position,
              // or at once when no device is there to see it (what the voice says then, too).
              at.paused
                ? at.motionAway
                  ? awayPausedText(exercise, set, at.wayOnWhilePaused, at.pausedForDevice ?? undefined)
                  : `${at.wayOnWhilePaused}, and the set starts once you are in position and still.`
                : set.waiting
                  ? WAITING_TEXT
                  : // Begun while the voice still says the set's first line: under way from its
                    // "Go" (see showsSetUnderWay), which the person waits for, as the voice asks.
                    beforeGoText(exercise, set)
            }</div>`
    }
      <div class="room" aria-hidden="true">
        <div class="waiting-room" data-words=${WAITING_TEXT}></div>
        ${everyWrongPositionText(exercise).map((line) => html`<div class="wrong-room" data-words=${line}></div>`)}
        ${everySeenPositionText().map((line) => html`<div class="wrong-room" data-words=${line} data-way-on=${` ${WRONG_POSITION_WAY_ON}`}></div>`)}
      </div>
    </div>
  </div>`;
}
