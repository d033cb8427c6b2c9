// Where a set counted or timed by hand puts its buttons: +1 (Start hold, End hold) is the one tapped
// from the mat after every rep, so it is the set's largest, and on each window the screen's rows are
// laid out anew around it. Layout alone, apart from the set's other rules, which a set counted by a
// device shares.

import { css } from 'lit';
import { lowLandscape, narrow, narrowAndShort } from './styles.ts';

/** The set's rows where it is counted or timed by hand (the host's by-hand and timed-by-hand). */
export const byHandLayoutStyles = css`
  /*
   * A set counted or timed by hand: +1 is tapped after every rep from the mat, Start hold and End
   * hold at each end of a hold, the largest button, filled, on a row of its own at the top of the
   * controls.
   */
  .controls .tap-by-hand {
    flex-basis: 100%;
    min-height: 4.5rem;
    font-size: 2.25rem;
  }
  /*
   * On a phone on its side the column beside the ring has the height of three rows of buttons
   * less the lines above them (a bird dog's next arm, a watch that stopped sending motion): +1
   * (Start hold, End hold) shares its row with Pause, the two a person on the mat reaches for,
   * and the other buttons take one row under them, where +1 on a row of its own took Finish to
   * 343–399 px of the 360 px screen. Written in that order too (see BbSetView.renderCountButtons),
   * so that the keyboard goes +1, Pause, then the row under them.
   */
  @media ${lowLandscape} {
    :host([by-hand]:not([waiting])) .controls > .tap-by-hand {
      flex: 1 1 auto;
      order: 1;
    }
    :host([by-hand]:not([waiting])) .controls > .pause {
      order: 1;
    }
    /* The end of that row: a line of no height, with half a gap each side of it for the whole. */
    :host([by-hand]:not([waiting])) .controls {
      row-gap: 0.25rem;
    }
    :host([by-hand]:not([waiting])) .controls::after {
      content: '';
      flex-basis: 100%;
      order: 2;
    }
    :host([by-hand]:not([waiting])) .controls > :not(.tap-by-hand, .pause, .last-set) {
      order: 3;
    }
  }
  /*
   * With text at twice its size, under the header the exercise's name, the count and +1 (or the
   * time and Start hold) fill the window: the ring gives the button the room it needs to be seen
   * with no scroll, its words no longer than the count and target (the tap's line gives way), and
   * the set's number goes under the controls. Only the boxes move: a screen reader reads the
   * screen in the order written.
   */
  @media ${narrow} {
    :host([by-hand]:not([waiting])) > bb-progress-ring {
      min-height: 6rem;
    }
    :host([by-hand]:not([waiting])) .meta {
      order: 1;
    }
    :host([by-hand]:not([waiting])) details {
      order: 2;
    }
    .controls .tap-by-hand {
      min-height: 3.5rem;
      font-size: 1.75rem;
      padding-block: 0;
    }
    /*
     * A hold's name takes two lines ("Elbow / plank"): the ring and Start hold give up the room of
     * the second, the ring keeping the time alone (see below), the button under it saying what to
     * tap, in words that fit across the screen: at 1.25rem "Start hold" is 113 px of the 120 px
     * inside its padding, where at 1.5rem it was 136 px and ran past the button's edge.
     */
    :host([timed-by-hand]:not([waiting])) > bb-progress-ring {
      min-height: 4.5rem;
    }
    :host([timed-by-hand]) .controls .tap-by-hand {
      min-height: 3rem;
      font-size: 1.25rem;
    }
  }
  /*
   * Counted or timed by hand on that small phone (180×320): under the header the ring, +1 (Start
   * hold, End hold) and Pause (Resume), where the exercise's name over the ring and −1 between
   * took Pause to 388–444 px of the 320 px window. The ring gives the room: 5.25rem, just over the
   * size at which its target gives way (see below), a hold's 4.5rem as above; +1 stays the first
   * and largest button, as tall as Start hold. A bird dog's next arm, the name, the set's number
   * and the other buttons come under Pause, as in a set counted by a device (the ring names the
   * arm of the last rep). Only the boxes move: a screen reader and a keyboard go through the
   * screen in the order written.
   */
  @media ${narrowAndShort} {
    :host([by-hand]:not([waiting])) {
      flex-flow: row wrap;
      justify-content: center;
      align-content: flex-start;
      column-gap: 0.5rem;
    }
    :host([by-hand]:not([waiting])) > * {
      flex: 0 0 100%;
      order: 6;
    }
    :host([by-hand]:not([waiting])) > bb-progress-ring {
      order: 1;
      height: 5.25rem;
      min-height: 0;
    }
    :host([timed-by-hand]:not([waiting])) > bb-progress-ring {
      height: 4.5rem;
    }
    :host([by-hand]:not([waiting])) .side,
    :host([by-hand]:not([waiting])) h2 {
      order: 4;
    }
    :host([by-hand]:not([waiting])) .meta {
      order: 5;
    }
    :host([by-hand]:not([waiting])) details {
      order: 7;
    }
    :host([by-hand]:not([waiting])) > .controls {
      display: contents;
    }
    :host([by-hand]:not([waiting])) > .controls > * {
      order: 6;
      margin-block: 0.25rem;
    }
    :host([by-hand]:not([waiting])) > .controls > .tap-by-hand {
      order: 2;
      min-height: 3rem;
    }
    :host([by-hand]:not([waiting])) > .controls > .pause {
      order: 3;
    }
  }
`;
