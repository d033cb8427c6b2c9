import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Placement } from '../sensors/samples.ts';
import { RECOVERED_TEXT } from '../workout/heart.ts';
import { countUnit, FORM_ISSUE_TEXT } from '../workout/program.ts';
import type { PlankGoalFrom } from '../workout/progression.ts';
import type { CurrentSet, PlannedExercise, SetRecord } from '../workout/session.ts';
import type { PauseReason } from '../workout/session-state.ts';
import { nextArm, shownFormIssue, showsRecovery, showsSetUnderWay } from '../workout/set-shown.ts';
import type { SetsKept } from '../workout/sets-kept.ts';
import { sendCommand } from './events.ts';
import { FinishQuestion, finishQuestionStyles } from './finish-question.ts';
import { FitInRoomController, inRoomStyles } from './fit-in-room.ts';
import { topPauseText } from './format.ts';
import { HowToDoIt, howToDoItStyles } from './how-to-do-it.ts';
import { LastSetRow, lastSetRowStyles } from './last-set-row.ts';
import { MediaQueryController } from './media-query.ts';
import { focusHeading } from './scroll-page.ts';
import { byHandLayoutStyles } from './set-by-hand-layout.ts';
import { HoldButton, holdButtonStyles } from './set-hold-button.ts';
import { renderSetMeta, setMetaLineStyles } from './set-meta-line.ts';
import { setRingDisplay } from './set-ring-display.ts';
import { renderSetRing, setRingStyles } from './set-ring-face.ts';
import {
  buttonStyles,
  disclosureMarker,
  LOW_LANDSCAPE,
  lowLandscape,
  muteButton,
  narrow,
  narrowAndShort,
  pauseButton,
  screenLayout,
  sideBySide,
} from './styles.ts';
import { noticePlace, noticeStyles, TapNote } from './tap-note.ts';
import { tapAgainText } from './taps-meant-before.ts';
import { renderWaitingPosition, waitingPositionStyles } from './waiting-position.ts';

/** The screen during a set: what to do, the big live count or hold timer, and the manual overrides. */
@customElement('bb-set-view')
export class BbSetView extends LitElement {
  static override styles = [
    buttonStyles,
    screenLayout,
    finishQuestionStyles,
    disclosureMarker,
    inRoomStyles,
    noticeStyles,
    holdButtonStyles,
    howToDoItStyles,
    lastSetRowStyles,
    setMetaLineStyles,
    byHandLayoutStyles,
    css`
      .notice.form {
        background: var(--bb-problem-bg, #3b2a0a);
        border-color: var(--bb-warn, #fbbf24);
      }
      /*
       * That room is taken from the space around the name, the set's number and the ring, which read as
       * one block: the count stays as large as it was without it, as good as (3 px of ring on 360×640).
       */
      :host(:not([waiting])) h2 {
        margin-bottom: 0;
      }
      :host(:not([waiting])) .meta,
      :host(:not([waiting])) > bb-progress-ring {
        margin-block: 0;
      }
      @media ${sideBySide}, ${narrow} {
        :host(:not([waiting])) h2,
        :host(:not([waiting])) .meta,
        :host(:not([waiting])) > bb-progress-ring {
          margin-block: 0.25rem;
        }
      }
      @media ${lowLandscape} {
        :host(:not([waiting])) h2,
        :host(:not([waiting])) .meta {
          margin-block: 0.125rem;
        }
        /* Centred in the screen's height, as screenLayout places it. */
        :host(:not([waiting])) > bb-progress-ring {
          margin-block: var(--bb-ring-top) 0.125rem;
        }
      }
      .side {
        margin: 0;
        font-size: clamp(1.5rem, 6vmin, 2.5rem);
        font-weight: 800;
        color: var(--bb-accent, #4ade80);
      }
      @media ${sideBySide} {
        h2 {
          grid-row: 2;
        }
        .meta {
          grid-row: 3;
        }
        .side {
          grid-row: 4;
        }
        /* The screen's own controls: those of Finish's question stay right under it, in its own grid. */
        :host > .controls,
        .finish-question {
          grid-row: 5;
        }
        details,
        .last-row {
          grid-row: 6;
          height: auto;
        }
        /*
         * Over the exercise's name and set, beside the ring. Both lines of the column are named: for a
         * box laid over the grid, a missing end line is the host's edge, not the column's.
         */
        .notice {
          grid-column: 2 / 3;
          grid-row: 2 / 4;
          inset: 0;
          min-height: 0;
        }
        /* Waiting, over the exercise's name and set, in the one column. */
        :host([waiting]) .notice {
          grid-column: 1 / 2;
          grid-row: 1 / 3;
        }
        /*
         * Waiting for the person to get into position there is no ring: one column, in order, wide
         * enough for the five buttons on one row, Pause as wide as Resume (655 px of 672 on a laptop).
         */
        :host([waiting]) {
          grid-template-columns: minmax(18rem, 42rem);
          grid-template-rows: none;
        }
        :host([waiting]) > * {
          grid-column: 1;
          grid-row: auto;
        }
      }
      /*
       * A phone on its side has not the height for all those rows in one column: what position to take
       * goes where the ring will be, and beside it the four rows of the exercise, its set, the controls
       * and How to do it.
       */
      @media ${lowLandscape} {
        :host([waiting]) {
          grid-template-columns: repeat(2, minmax(0, 1fr));
          grid-template-rows: repeat(4, auto);
        }
        :host([waiting]) > * {
          grid-column: 2;
        }
        :host([waiting]) > .position {
          display: flex;
          flex-direction: column;
          align-items: center;
          justify-content: center;
          grid-column: 1;
          grid-row: 1 / -1;
        }
        :host([waiting]) .notice {
          grid-column: 2 / 3;
          grid-row: 1 / 3;
        }
      }
      @media ${narrow} {
        /*
         * Under way, the count comes right under the exercise's name (and a bird dog's next arm), the
         * set's number, and the watch that cannot see the exercise, under the count, as the rest's
         * countdown comes under its heading: the set number and that line took the count below the
         * window. Only the boxes move: a screen reader reads the screen in the order written.
         */
        :host(:not([waiting])) h2 {
          order: -3;
        }
        :host(:not([waiting])) .side {
          order: -2;
        }
        :host(:not([waiting])) bb-progress-ring {
          order: -1;
        }
      }
      /*
       * Counted by a device, with text at twice its size on a small phone: under the header there is
       * room for the ring and one row of buttons, and Pause (Resume) is that row, right under the
       * count, where it came below −1 and +1 and past the window's edge; a bird dog's next arm (the
       * ring names the last one), the exercise's name, its set and what is said of the devices come
       * under it, then the other buttons. The ring keeps the
       * size at which "Paused" and why fit inside it. The controls' box gives way (display: contents)
       * so that Pause can leave the row of its buttons: the screen's rows wrap in one flex line each.
       * Only the boxes move: a screen reader and a keyboard go through the screen in the order written.
       */
      @media ${narrowAndShort} {
        :host(:not([waiting]):not([by-hand])) {
          flex-flow: row wrap;
          justify-content: center;
          align-content: flex-start;
          column-gap: 0.5rem;
        }
        :host(:not([waiting]):not([by-hand])) > * {
          flex: 0 0 100%;
          order: 6;
        }
        :host(:not([waiting]):not([by-hand])) > bb-progress-ring {
          order: 1;
          height: 8rem;
        }
        :host(:not([waiting]):not([by-hand])) .side {
          order: 3;
        }
        :host(:not([waiting]):not([by-hand])) h2 {
          order: 4;
        }
        :host(:not([waiting]):not([by-hand])) .meta {
          order: 5;
        }
        :host(:not([waiting]):not([by-hand])) details {
          order: 7;
          flex: 0 0 100%;
        }
        :host(:not([waiting]):not([by-hand])) > .controls {
          display: contents;
        }
        :host(:not([waiting]):not([by-hand])) > .controls > * {
          order: 6;
          margin-block: 0.25rem;
        }
        :host(:not([waiting]):not([by-hand])) > .controls > .pause {
          order: 2;
        }
      }
      /*
       * At 180×320 the line that answers a tap is in the heading's place, or over the header, where a
       * form warning and why the set came early are too (see noticeStyles). Waiting, the page scrolled down to the controls, it stands over the line under
       * the position, right over the controls and in view with them, where over the heading, at the
       * page's top, it was above the window.
       */
      @media ${narrowAndShort} {
        :host([waiting]) > .notice-place {
          align-self: stretch;
        }
        /*
         * As tall as its words, two lines, not a warning's 68 px: with Pause mid-window (the page
         * scrolled half a window short of its end) the line ran 8 px above the window's top; it ends
         * 4 px above the controls, as before, and starts 12 px lower.
         */
        :host([waiting]) > .notice-place > .notice {
          min-height: 0;
        }
        :host(:not([waiting])) > .notice-place {
          order: 4;
        }
        :host(:not([waiting])) > .notice-place.over-header {
          order: 0;
        }
      }
    `,
    setRingStyles,
    waitingPositionStyles,
  ];

  @property({ attribute: false }) planned!: PlannedExercise;
  @property({ attribute: false }) set!: CurrentSet;
  @property({ type: Number }) nowMs = 0;
  @property({ type: Boolean }) paused = false;
  /** Why the app paused the session for a device, when it did (null for the person's own pause). */
  @property({ attribute: false }) pauseReason: PauseReason | null = null;
  /**
   * Where the device the app paused for is worn, where the voice names it as the person wears more
   * than one (see SessionState.pausedForDevice): the line under it names it too. Null: "the device".
   */
  @property({ attribute: false }) pausedForDevice: Placement | null = null;
  /**
   * The set of this exercise skipped just before this one, while this one waits for the position (see
   * skippedJustBefore): the line under the position names it.
   */
  @property({ attribute: false }) skippedBefore: number | null = null;
  /** The sets the session would keep if it ended now, done, cut short and skipped: for Finish's question. */
  @property({ attribute: false }) setsKept: SetsKept = { done: 0, cutShort: 0, skipped: 0 };
  /**
   * No connected device counts this exercise (a heart-rate-only strap, a watch in a plank): reps are
   * counted with +1, a hold is timed by Start hold and End hold, each then the set's main button.
   */
  @property({ type: Boolean }) byHand = false;
  /**
   * The device that counts this exercise is out of reach (see motionAwayFor): nothing sees the person's
   * position, so Resume begins a waiting set and the person counts with +1, or taps Start hold and
   * End hold; the set says so under its name while it runs.
   */
  @property({ type: Boolean }) motionAway = false;
  /** Of motionAway, the device stays connected but sends no motion (see motionStoppedFor). */
  @property({ type: Boolean }) motionStopped = false;
  /**
   * The lines of the devices out of reach that the set goes on without (see goneOnWithout): a plain
   * heart-rate strap, a strap that counts other exercises. Said under its name, as the voice said them.
   */
  @property({ attribute: false }) goingOnWithout: readonly string[] = [];
  /**
   * The store failed in the session: its line ("Storage is full: not saving."), said in the room kept
   * under the set's number, as the devices gone on without are. Null while it saves.
   */
  @property({ attribute: false }) notSavingLine: string | null = null;
  /** Where the device that counts this exercise is worn, that the line names it ("Watch out of reach"). */
  @property({ attribute: false }) countedOn: Placement | null = null;
  /**
   * The device that counts motion cannot see this exercise (a watch in a glute bridge): the set is
   * counted by hand, and this line says why, as the voice does (see unseenByText). Null otherwise.
   */
  @property({ attribute: false }) unseenLine: string | null = null;
  /** The voice and tones are off (the setting, which Mute here sets too). */
  @property({ type: Boolean }) muted = false;
  /**
   * The set just done, where no rest came between it and this one: the −1 / +1 a rest shows for it,
   * until this set counts something (see setJustDoneToCorrect). Null otherwise.
   */
  @property({ attribute: false }) lastSet: SetRecord | null = null;
  /**
   * The hold a plank's goal was set a step above (see plankGoalSetFrom): the screen says why the goal
   * is what it is. Null otherwise.
   */
  @property({ attribute: false }) goalFrom: PlankGoalFrom | null = null;
  /** Paused by the person on a phone, the set offers the strap itself (see strapOfferedOnScreen). */
  @property({ type: Boolean }) offerStrap = false;

  private readonly finish = new FinishQuestion(this);
  /** A phone on its side, where a set counted with +1 puts Pause beside it (see renderCountButtons). */
  private readonly onItsSide = new MediaQueryController(this, LOW_LANDSCAPE);
  private readonly howTo = new HowToDoIt(this);
  private readonly lastSetRow = new LastSetRow(this);

  /** The set began under a keyboard's focus: the screen it was on is built anew (see updated). */
  private focusOnBegin = false;
  /** What the set says of a tap it did not take as it looks, over the heading as a form warning is. */
  private readonly tapNote = new TapNote(this);
  private readonly holdButton = new HoldButton(this, this.tapNote, () => this.tappedByHand());

  constructor() {
    super();
    // Read by no one: it fits the words that stand in the room of others after each render.
    new FitInRoomController(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const underWay = showsSetUnderWay(this.set);
    this.toggleAttribute('waiting', !underWay);
    this.toggleAttribute('by-hand', this.tappedByHand());
    this.toggleAttribute('timed-by-hand', this.tappedByHand() && this.planned.exercise.kind === 'hold');
    const before = changed.get('set') as CurrentSet | undefined;
    // The button the line spoke of is no longer the one under the finger: it would tell of a tap
    // that now does something else.
    const buttonChanged =
      (before !== undefined &&
        ((before.holdStartMs === null) !== (this.set.holdStartMs === null) ||
          before.setNumber !== this.set.setNumber)) ||
      changed.has('paused');
    if (buttonChanged) this.tapNote.clear();
    this.focusOnBegin =
      before !== undefined && !showsSetUnderWay(before) && underWay && this.shadowRoot?.activeElement != null;
  }

  protected override updated(): void {
    // The button the focus was on went with the waiting screen: the focus goes to the heading, where
    // a keyboard or a screen reader takes up from, as it does when a rest gives way to a set. The page
    // stays where it is: with text at twice its size on a small phone the heading comes under the
    // ring and Pause, and scrolled to, it pushed the heart rate off the top of the screen (see
    // focusHeading, which shows it to a keyboard).
    const heading = this.shadowRoot?.querySelector<HTMLElement>('h2');
    if (this.focusOnBegin && this.shadowRoot?.activeElement == null && heading) focusHeading(heading);
    this.focusOnBegin = false;
  }

  /**
   * The set's reps (breaths) are counted with +1, no device seeing them: +1 is the set's main button,
   * and the ring asks for it until the first is counted.
   */
  private countsByHand(): boolean {
    return this.tappedByHand() && this.planned.exercise.kind !== 'hold';
  }

  /**
   * The set is counted or timed by the person's taps now: no device counts it (see byHand), or the one
   * that does is out of reach and the set goes on without it (see motionAway), where +1 stayed the
   * small correction beside −1, on a small phone under the window. Not while paused for it: Resume is
   * what comes first, and +1 tapped as the main button then counted into a set that stood paused,
   * ending it at its target into a rest that did not run.
   */
  private tappedByHand(): boolean {
    return this.byHand || (this.motionAway && !this.paused);
  }

  /** The class of the button a set counted or timed by hand is tapped by: its main one (see byHand). */
  private tapClass() {
    return this.tappedByHand() ? 'primary tap-by-hand' : nothing;
  }

  override render() {
    if (!showsSetUnderWay(this.set)) return this.renderWaiting();
    const { exercise } = this.planned;
    const set = this.set;
    const display = setRingDisplay({
      planned: this.planned,
      set,
      nowMs: this.nowMs,
      paused: this.paused,
      pauseReason: this.pauseReason,
      tappedByHand: this.tappedByHand(),
      unseen: Boolean(this.unseenLine),
    });
    // Stands in for the target while it lasts: one line of the ring, so the count stays where it is.
    const topPause = this.paused ? null : topPauseText(exercise, set, this.nowMs);
    const issue = shownFormIssue(set, this.nowMs);
    return html`
      ${issue ? nothing : this.tapNote.render()}
      <h2 tabindex="-1">${exercise.name}</h2>
      ${renderSetMeta(this, this.finish)}
      ${this.renderNotice(issue)}
      ${exercise.alternatesSides ? html`<p class="side">Next: ${nextArm(set)} arm</p>` : nothing}
      ${renderSetRing(display, { topPause, paused: this.paused, pauseReason: this.pauseReason, breaths: exercise.kind === 'breaths' })}
      ${this.finish.render(this.setsKept, this.renderControls())}
      ${this.howTo.render(this.offerStrap)}
    `;
  }

  private renderControls() {
    const { exercise } = this.planned;
    const pause = pauseButton(this, this.paused, this.onPauseLetGo);
    return html`<div class="controls">
      ${this.lastSetRow.render()}
      ${
        exercise.kind === 'hold'
          ? // A device may not see the hold start (a heart-rate-only strap never does): a tap starts it.
            // Timed by hand, that tap is the set's main one, as +1 is of a count (see renderCountButtons).
            html`${this.holdButton.render()}${pause}`
          : this.renderCountButtons(pause)
      }
      ${this.renderOtherSessionControls()}
    </div>`;
  }

  /**
   * −1 and +1, then Pause. In a set counted by hand +1 is tapped after every rep: first, on a row of
   * its own, filled; −1 stays a correction. On a phone on its side +1 shares its row with Pause (see
   * the styles), and Pause comes right after it, so that the keyboard goes through the buttons as
   * they are shown, where it went from +1 to the −1 of the row under them and back up to Pause.
   */
  private renderCountButtons(pause: TemplateResult) {
    const unit = countUnit(this.planned.exercise);
    const minus = html`<button aria-label=${`−1 ${unit}`} ?disabled=${this.set.count === 0} @click=${() => sendCommand(this, 'bb-adjust', { delta: -1 })}>−1</button>`;
    const plus = html`<button class=${this.tapClass()} aria-label=${`+1 ${unit}`} @click=${() => sendCommand(this, 'bb-adjust', { delta: 1 })}>+1</button>`;
    if (!this.countsByHand()) return html`${minus}${plus}${pause}`;
    return this.onItsSide.matches ? html`${plus}${pause}${minus}` : html`${plus}${minus}${pause}`;
  }

  /**
   * Before the set begins: what position to take, in letters big enough to read from the mat, and
   * what is wrong with the present one; the set begins by itself once the person is in it.
   */
  private renderWaiting() {
    const { exercise } = this.planned;
    const set = this.set;
    return html`
      <h2 tabindex="-1">${exercise.name}</h2>
      ${renderSetMeta(this, this.finish)}
      ${renderWaitingPosition({
        exercise,
        set,
        nowMs: this.nowMs,
        paused: this.paused,
        pauseReason: this.pauseReason,
        motionAway: this.motionAway,
        pausedForDevice: this.pausedForDevice,
        skippedBefore: this.skippedBefore,
        wayOnWhilePaused: this.finish.wayOnWhilePaused,
      })}
      ${
        // Right over the controls, where at 180×320 the finger that tapped them is (see .notice-place).
        this.tapNote.render()
      }
      ${this.finish.render(
        this.setsKept,
        html`<div class="controls">
          ${this.lastSetRow.render()}
          ${
            // Paused, Resume is the one way on: a set started now would start paused. It stays, doing
            // nothing, so that Pause turns into Resume in place: gone, it let Resume slide into its
            // place and Skip set, or Mute, come under the finger that had tapped Pause.
            html`<button class="primary" ?disabled=${this.paused} @click=${this.onBeginSet}>Start the set</button>`
          }
          ${this.renderSessionControls()}
        </div>`,
      )}
      ${this.howTo.render(this.offerStrap)}
    `;
  }

  /**
   * The form problem just seen, `issue`, while it applies (see FORM_WARNING_SHOWN_MS): the voice says it
   * once, and a person who missed it reads it here. Otherwise, unless a line answers a tap there (see
   * tapNote), why the set came before its rest was over.
   */
  private renderNotice(issue: ReturnType<typeof shownFormIssue>) {
    if (issue) return noticePlace(html`<p class="notice form">${FORM_ISSUE_TEXT[issue].fix}</p>`, false);
    if (this.tapNote.shown) return nothing;
    if (showsRecovery(this.set, this.nowMs))
      return noticePlace(html`<p class="notice">${RECOVERED_TEXT}</p>`, false);
    return nothing;
  }

  /** Pause or resume, skip the set, mute, finish the session: the same before and during the set. */
  private renderSessionControls() {
    return html`${pauseButton(this, this.paused, this.onPauseLetGo)}${this.renderOtherSessionControls()}`;
  }

  /** Skip the set, mute, finish the session: after Pause, wherever the set puts it (see renderControls). */
  private renderOtherSessionControls() {
    return html`
      <button @click=${() => sendCommand(this, 'bb-skip')}>Skip set</button>
      ${muteButton(this, this.muted)}
      <button class="quiet finish" @click=${this.finish.ask}>Finish</button>
    `;
  }

  private readonly onBeginSet = (): void => {
    this.holdButton.beginPressed();
    sendCommand(this, 'bb-begin-set');
  };

  private readonly onPauseLetGo = (): void => this.tapNote.show(tapAgainText('Pause'));
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-set-view': BbSetView;
  }
}
