import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Placement } from '../sensors/samples.ts';
import { correctableInRest } from '../workout/count-corrections.ts';
import type { NextSet } from '../workout/next-set.ts';
import { countUnit, exerciseById, perSideDoneText } from '../workout/program.ts';
import { wholeSecondsLeft } from '../workout/rest-left.ts';
import type { SetRecord } from '../workout/session.ts';
import type { PauseReason } from '../workout/session-state.ts';
import { setOutcome, skippedUndone, stoppedShort } from '../workout/set-outcomes.ts';
import { cutShortText, withPauseText } from '../workout/set-words.ts';
import type { SetsKept } from '../workout/sets-kept.ts';
import { sendCommand } from './events.ts';
import { FinishQuestion, finishQuestionStyles } from './finish-question.ts';
import { FitInRoomController, inRoomStyles } from './fit-in-room.ts';
import {
  awayInRestText,
  clockFace,
  describeForm,
  formatDuration,
  heldS,
  nextSetText,
  pausedRingLabel,
  plural,
} from './format.ts';
import {
  buttonStyles,
  connectStrapButton,
  lowLandscape,
  muteButton,
  narrow,
  narrowAndShort,
  pauseButton,
  pausedMark,
  ringFace,
  screenLayout,
  sideBySide,
} from './styles.ts';
import { noticeStyles, TapNote } from './tap-note.ts';
import { tapAgainText } from './taps-meant-before.ts';
import './bb-progress-ring.ts';

/** Between sets: the rest countdown and what comes next. */
@customElement('bb-rest-view')
export class BbRestView extends LitElement {
  static override styles = [
    buttonStyles,
    screenLayout,
    finishQuestionStyles,
    inRoomStyles,
    noticeStyles,
    css`
      :host {
        --bb-ring-fill: var(--bb-rest, #60a5fa);
        --bb-away-size: clamp(1.1rem, 4vmin, 1.6rem);
        /* The height of the line's room under the countdown (see .away-lines), which the ring's floor counts. */
        --bb-room-under-ring: calc(1.15 * var(--bb-away-size));
      }
      /*
       * The last set, its form and the next set, in one box: a rest paused as its device is given up
       * for lost says what to do in their room, they unseen (see inRoomStyles), where that line came
       * under the ring and took the heading up and the buttons down 22 px on a phone on its side and
       * 34 px on a laptop, at 180×320 Mute, Finish and History down 108 px, and at 360×640 the ring
       * down from 322 to 274 px; kept from each rest's start, that room would have shrunk the ring so
       * in every rest. They are back as the rest goes on: the −1 / +1 of the set before are left to
       * then, not taken for the "+1" the line speaks of, the next set's. As wide as the column, as each
       * of its lines was: at 180×320 the −1 / +1, wider than the column, took the next set's line as
       * wide as themselves.
       */
      .about-sets {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        align-self: stretch;
        justify-self: stretch;
        margin-block: 0;
      }
      .sets {
        display: flex;
        flex-direction: column;
        align-items: center;
      }
      .sets > * {
        margin-block: 0.25rem;
      }
      @media ${lowLandscape} {
        .sets > * {
          margin-block: 0.125rem;
        }
      }
      .about-sets > .away {
        justify-self: center;
      }
      /*
       * The lines of the devices the rest goes on without, in a line's room kept for them under the
       * countdown in every rest (see inRoomStyles), made smaller where two of them or a long one would
       * take more: coming, "Strap reconnecting: keep going" shrank the ring 28 px on a 360×640 phone,
       * took the heading up and the buttons down 12 px on a phone on its side and 19 px on a laptop,
       * and at 180×320 Mute, Finish and History down 68 px. Half the room is taken from the space
       * round it and under the ring: on a 360×640 phone the ring is 310 px, where it was 322 with no
       * room kept and 294 with the room and that space. Where the ring stands at its floor (two
       * notices over a rest on that phone), that floor counts half the room (see screenLayout) and the
       * ring's space above goes too: Finish had come to 650 px of the 640 px window, and is at 636.
       */
      /*
       * Lines a little closer than the room's one, 1.15 times their size: two devices away at once,
       * at half their size, took 1.2 times it and the room with them, moving the heading and every
       * button 0.3 px on a laptop.
       */
      .away-lines > .fitted {
        justify-self: center;
        line-height: 1.1;
      }
      .away-lines > .room {
        height: var(--bb-room-under-ring);
      }
      :host > .away-lines {
        margin-block: 0;
      }
      :host > bb-progress-ring {
        margin-bottom: 0;
      }
      @media (orientation: portrait) {
        :host > bb-progress-ring {
          margin-top: 0;
        }
      }
      /*
       * The line that answers a tap over the heading alone, "Rest", one line high: as tall as a set's
       * name and number, it came over the −1 / +1 of the set before.
       */
      .notice {
        min-height: 0;
      }
      .next,
      .last {
        font-size: clamp(1.15rem, 4.5vmin, 2rem);
        color: var(--bb-muted, #b6c2d1);
      }
      /* What the set did, each of its parts, starts a line rather than split, "cut short at 3 of"
         over "10 reps" or "5 right and 4" over "left", and wraps within itself only where it is wider
         than the line (180 px). */
      .last .whole {
        display: inline-block;
      }
      .done {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: center;
        gap: 0.25rem 0.75rem;
      }
      .fix {
        display: flex;
        gap: 0.5rem;
      }
      .last-form {
        font-size: clamp(1.1rem, 4.2vmin, 1.8rem);
        font-weight: 700;
        color: var(--bb-warn, #fbbf24);
      }
      /* As the set screen's words of what to do while paused (its .waiting): read once, not glanced at. */
      .away,
      .away-lines > .room {
        font-size: var(--bb-away-size);
        color: var(--bb-muted, #b6c2d1);
        max-width: 36rem;
      }
      /*
       * Start now and the strap offered in its place (see offerStrap) are one box, as wide as the
       * wider words in both: "Add a strap", 18 px wider, moved Resume and Mute beside it 9 px as the
       * finger lifted from Pause. The words unseen are the eye's (the buttons are named by theirs).
       */
      .controls > :is(.start-now, .connect-strap) {
        display: inline-grid;
        place-items: center;
      }
      :is(.start-now, .connect-strap) > span,
      :is(.start-now, .connect-strap)::before,
      :is(.start-now, .connect-strap)::after {
        grid-area: 1 / 1;
      }
      :is(.start-now, .connect-strap)::before {
        content: 'Start now' / '';
        visibility: hidden;
      }
      :is(.start-now, .connect-strap)::after {
        content: 'Add a strap' / '';
        visibility: hidden;
      }
      .not-saving {
        color: var(--bb-warn, #fbbf24);
      }
      .next strong {
        color: var(--bb-text, #f5f7fa);
      }
      /*
       * On a phone with its text at twice its size the words about the last and next sets wrap to
       * several lines: the countdown comes right under the heading, where a glance from the mat finds
       * it without a scroll, and those words under it.
       * Only the boxes move: a screen reader reads the screen in the order written.
       */
      @media ${narrow} {
        h2 {
          order: -2;
        }
        bb-progress-ring {
          order: -1;
        }
      }
      /*
       * With text at twice its size on a small phone (180×320), under the header there is room for
       * the ring and one button: the one a rest is tapped for, Start now (Resume once paused), right
       * under the seconds, and Pause beside it, where both came under the heading, the last set and
       * what is next, at 473 px of the 320 px window. The heading and those words come under them,
       * then Mute, Finish and History. The controls' box gives way (display: contents) so that its
       * buttons can leave its row. Only the boxes move: a screen reader and a keyboard go through the
       * screen in the order written.
       */
      @media ${narrowAndShort} {
        /*
         * The room for the devices' lines is two lines tall: two devices away at once wrapped to
         * three lines there even at half their size, and took Mute, Finish and History down 10 px.
         * Those lie under the ring, Start now and Pause, which the window holds.
         */
        :host {
          --bb-room-under-ring: calc(2 * 1.15 * var(--bb-away-size));
        }
        :host > * {
          order: 4;
        }
        :host > bb-progress-ring {
          order: 1;
        }
        :host > .controls {
          display: contents;
        }
        :host > .controls > * {
          order: 5;
          margin-block: 0.25rem;
        }
        :host > .controls > .pause {
          order: 3;
        }
        :host > .controls > .primary {
          order: 2;
        }
        /*
         * Start now and Pause share a row, each half of it, "Start now" on two lines: one under the
         * other, Pause showed 4 px of itself at the window's edge, and the ring cannot give the room
         * without the countdown shrinking. The screen's rows wrap in one flex line each. Paused, Start
         * now stays there, doing nothing, as everywhere: gone, Resume took the whole row, 4 px shorter
         * than Pause, and the rows under it came up 4 px.
         */
        :host {
          flex-flow: row wrap;
          justify-content: center;
          align-content: flex-start;
          column-gap: 0.5rem;
        }
        :host > * {
          flex: 0 0 100%;
        }
        :host > bb-progress-ring {
          flex: 0 0 100%;
          height: 8rem;
        }
        :host > .controls > :is(.primary, .pause) {
          flex: 1 1 0;
          align-self: stretch;
          min-width: 0;
          padding-inline: 0.25rem;
          white-space: normal;
        }
        /*
         * Pause as wide as its longer word, Resume (see pauseButton), and Start now the rest of the
         * row, in words a little smaller, for "Start" to fit: in halves of the row, "Resume" ran 14 px
         * past its button's edge once Start now stayed.
         */
        :host > .controls > .pause {
          flex: 0 0 auto;
        }
        :host > .controls > :is(.primary, .pause) {
          font-size: 1rem;
        }
        /*
         * No strap is offered here (see strapOfferedOnScreen): its words, wrapped in Start now's box,
         * took the row 9 px past the window's edge.
         */
        :host > .controls > .start-now::after {
          content: none;
        }
      }
      @media ${sideBySide} {
        h2 {
          grid-row: 2;
        }
        .about-sets {
          grid-row: 3;
        }
        :host {
          grid-template-rows: 1fr repeat(4, auto) 1fr;
        }
        .away-lines {
          grid-row: 4;
        }
        /* The screen's own controls: those of Finish's question stay right under it, in its own grid. */
        :host > .controls,
        .finish-question {
          grid-row: 5;
        }
        /* A box laid over the grid names both lines of its column (see bb-set-view's .notice). */
        .notice {
          grid-column: 2 / 3;
          grid-row: 2 / 3;
          inset: 0;
        }
      }
    `,
  ];

  @property({ type: Number }) remainingMs = 0;
  @property({ type: Number }) totalMs = 1;
  @property({ type: Boolean }) paused = false;
  /** Why the app paused the session for a device, when it did (null for the person's own pause). */
  @property({ attribute: false }) pauseReason: PauseReason | null = null;
  /**
   * Where the device the app paused for is worn, where the voice names it as the person wears more
   * than one (see SessionState.pausedForDevice): the line under it names it too. Null: "the device".
   */
  @property({ attribute: false }) pausedForDevice: Placement | null = null;
  @property({ attribute: false }) next: NextSet | null = null;
  /** The set just finished, to confirm what was counted. */
  @property({ attribute: false }) lastSet: SetRecord | null = null;
  /** The sets the session would keep if it ended now, done, cut short and skipped: for Finish's question. */
  @property({ attribute: false }) setsKept: SetsKept = { done: 0, cutShort: 0, skipped: 0 };
  /**
   * The lines of the devices out of reach that the rest and the set after it go on without (see
   * goneOnWithout): the rest goes on, and says so.
   */
  @property({ attribute: false }) goingOnWithout: readonly string[] = [];
  /**
   * The store failed in the session: its line ("Storage is full: not saving."), said in the room kept
   * under the countdown, as the devices gone on without are. Null while it saves.
   */
  @property({ attribute: false }) notSavingLine: string | null = null;
  /** The voice and tones are off (the setting, which Mute here sets too). */
  @property({ type: Boolean }) muted = false;
  /**
   * Paused by the person on a phone, the rest offers the strap itself (see strapOfferedOnScreen), in
   * the place of Start now, which does nothing while paused: in the header it took a row from the
   * countdown.
   */
  @property({ type: Boolean }) offerStrap = false;

  private readonly finish = new FinishQuestion(this);
  /** What the rest says of a tap it did not take as it looks: Pause just after it was Resume. */
  private readonly tapNote = new TapNote(this);

  constructor() {
    super();
    // Read by no one: it fits the words that stand in the room of others after each render.
    new FitInRoomController(this);
  }

  override render() {
    const remainingS = wholeSecondsLeft(this.remainingMs);
    const totalS = Math.round(this.totalMs / 1000);
    const face = clockFace(remainingS);
    // Given up for lost: what the voice said, for a person who missed it or has it muted, in the room of
    // the words about the sets (see .about-sets), back once the rest goes on.
    const lost = this.paused && this.pauseReason === 'lost';
    return html`
      ${this.tapNote.render()}
      <h2 tabindex="-1">Rest</h2>
      <div class=${lost ? 'about-sets in-room' : 'about-sets'}>
        <div class=${lost ? 'sets room' : 'sets'}>
          ${this.renderLastSet()}
          ${this.renderLastForm()}
          ${this.next ? renderNext(this.next) : nothing}
        </div>
        ${
          lost
            ? html`<div class="away fitted">${awayInRestText(this.next?.exercise, this.finish.wayOnWhilePaused, this.pausedForDevice ?? undefined)}</div>`
            : nothing
        }
      </div>
      <bb-progress-ring
        .value=${remainingS}
        .max=${totalS}
        label=${pausedRingLabel('Rest remaining', this.paused, this.pauseReason)}
        value-text=${`${plural(remainingS, 'second')} of rest left`}
      >
        ${ringFace(face.digits, face.suffix)}
        <div class="unit" data-grows aria-hidden="true">left</div>
        ${this.paused ? pausedMark(this.pauseReason) : nothing}
      </bb-progress-ring>
      <div class="away-lines in-room">
        <div class="room" aria-hidden="true">\u00a0</div>
        ${this.renderLinesUnderCountdown(lost ? [] : this.goingOnWithout)}
      </div>
      ${this.finish.render(this.setsKept, this.renderControls())}
    `;
  }

  /**
   * The lines of the devices gone on without and of the store's failure, in the room kept under the
   * countdown: the store's line over the rest, in the app's notices, took the heading, the countdown and
   * every button down 21–70 px as it came.
   */
  private renderLinesUnderCountdown(awayLines: readonly string[]) {
    if (awayLines.length === 0 && this.notSavingLine === null) return nothing;
    return html`<div class="away fitted">${awayLines.map((line, i) => (i > 0 ? html`<br />${line}` : line))}${
      this.notSavingLine === null
        ? nothing
        : html`${awayLines.length > 0 ? html`<br />` : nothing}<span class="not-saving">${this.notSavingLine}</span>`
    }</div>`;
  }

  /** What the set just done counted, and −1 / +1 to put it right when it was counted wrong. */
  private renderLastSet() {
    const last = this.lastSet;
    if (!last) return nothing;
    const exercise = exerciseById(last.exerciseId);
    const unit = countUnit(exercise);
    const { set, done } = describeSetParts(last);
    // The set they change named, as the summary names its last set's: "+1 rep" alone is the set's own
    // button, for the set under way, not the one just done.
    const which = `${exercise.name}, set ${last.setNumber}`;
    return html`<div class="done">
      <div class="last">${set}: ${done.split(', ').map((part, i, parts) => html`${i > 0 ? ' ' : ''}<span class="whole">${part}${i < parts.length - 1 ? ',' : ''}</span>`)}</div>
      ${
        // Not while Finish asks: on a phone the question must fit where the buttons were.
        correctableInRest(last) && !this.finish.asking
          ? html`<div class="fix">
              <button aria-label=${`−1 ${unit} on ${which}`} ?disabled=${last.count === 0} @click=${() => sendCommand(this, 'bb-adjust', { delta: -1 })}>−1</button>
              <button aria-label=${`+1 ${unit} on ${which}`} @click=${() => sendCommand(this, 'bb-adjust', { delta: 1 })}>+1</button>
            </div>`
          : nothing
      }
    </div>`;
  }

  /** The form problems of the set just done: the voice said each once, as it happened. */
  private renderLastForm() {
    const form = this.lastSet ? describeForm(this.lastSet) : null;
    return form ? html`<div class="last-form">Form: ${form}</div>` : nothing;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Paused or resumed since, Pause is not the button the line spoke of.
    if (changed.has('paused')) this.tapNote.clear();
  }

  private readonly onPauseLetGo = (): void => this.tapNote.show(tapAgainText('Pause'));

  /**
   * History is here, not in the header, which so keeps the height it has in a set (on a phone it took
   * a row of its own there): with what else a rest offers, as large a target as they are from the mat,
   * and last, the one least needed.
   */
  private renderControls() {
    // Paused, Resume is the one way on: a set started now would start paused. Start now stays, doing
    // nothing, so that Resume comes where Pause was: gone, it let Resume slide into its place and Mute
    // (Finish, on a laptop) come under the finger that had tapped Pause, for a second tap to go on.
    // The strap offered on a phone takes its place, in the same box (see .start-now), for the same reason: beside
    // History it made Start now go lest a third row shrink the countdown, and Mute (Finish, on a
    // laptop) came under that finger.
    const startNow = this.offerStrap
      ? connectStrapButton(this)
      : html`<button class="primary start-now" aria-label="Start now" ?disabled=${this.paused} @click=${() => sendCommand(this, 'bb-skip')}><span>Start now</span></button>`;
    return html`<div class="controls">
      ${startNow}
      ${pauseButton(this, this.paused, this.onPauseLetGo)}
      ${muteButton(this, this.muted)}
      <button class="quiet finish" @click=${this.finish.ask}>Finish</button>
      <button class="quiet" @click=${() => sendCommand(this, 'bb-show-history')}>History</button>
    </div>`;
  }
}

/**
 * The set the rest leads to, "Next: Superman, set 2 of 3" as the voice names it, in the room of its
 * words without the count of sets ("Next: Superman, set 2"), which the screen is laid out round:
 * "of 4" took "Next: Wide-grip lat pulldown, set 1" onto a second line at 640×360, and the heading and
 * every button 10.5 px off their places. Where the words no longer fit that room they are made
 * smaller (see FitInRoomController).
 */
function renderNext({ exercise, setNumber, sets }: NextSet) {
  return html`<div class="next in-room">
    <span class="room" aria-hidden="true">Next: <strong>${exercise.name}</strong>, set ${setNumber}</span>
    <span class="fitted">Next: <strong>${exercise.name}</strong>, ${nextSetText(setNumber, sets)}</span>
  </div>`;
}

/**
 * "Superman, set 1: 10 of 10 reps", "Elbow plank, set 2: held 1 min 7 s" or "Superman, set 3:
 * skipped"; a set a tap ended short of its target "Superman, set 2: cut short at 3 of 10 reps", as the
 * voice ("Set cut short: three reps done") and the CSV say it, where "3 of 10 reps" read as reps that
 * stopped coming; a bird dog's as they say it too, "cut short at 5 reps, 3 right and 2 left". A hold
 * broken by a pause is its time and the pause, "45 s, with a pause", as the voice says it: "held 45 s"
 * read as one hold kept whole, which the plan takes no step from.
 */
export function describeSet(record: SetRecord): string {
  const { set, done } = describeSetParts(record);
  return `${set}: ${done}`;
}

/** describeSet's two parts, the set and what it did: "Superman, set 2" and "cut short at 3 of 10 reps". */
export function describeSetParts(record: SetRecord): { readonly set: string; readonly done: string } {
  const exercise = exerciseById(record.exerciseId);
  const cutShort = setOutcome(record) === 'cut short';
  const done = skippedUndone(record)
    ? 'skipped'
    : cutShort
      ? withPauseText(cutShortText(record), record)
      : record.holdMs !== null
        ? record.pausedInHold
          ? withPauseText(heldText(record, record.holdMs), record)
          : `held ${heldText(record, record.holdMs)}`
        : exercise.alternatesSides
          ? perSideDoneText(record.count, record.target)
          : `${record.count} of ${plural(record.target, countUnit(exercise))}`;
  return { set: `${exercise.name}, set ${record.setNumber}`, done };
}

/**
 * "45 s", or "20 s of 45 s" of a hold that ended by itself short of a target it ends at (see
 * stoppedShort), as "3 of 10 reps" says reps that stopped coming: "held 20 s" alone read as held to its end.
 */
function heldText(record: SetRecord, holdMs: number): string {
  const held = formatDuration(heldS(holdMs));
  return stoppedShort(record) ? `${held} of ${formatDuration(record.target)}` : held;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-rest-view': BbRestView;
  }
}
