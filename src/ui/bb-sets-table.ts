import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Placement } from '../sensors/samples.ts';
import { deviceWord } from '../workout/by-hand.ts';
import {
  type DevicePause,
  dropIn,
  setAwayText,
  setAwayWords,
  setTakenOverText,
} from '../workout/device-drops.ts';
import { countText, exerciseById, perSideDoneText, perSideText } from '../workout/program.ts';
import { keptPlankGoalsSetFrom, type PlankGoalFrom, pastLastHoldText } from '../workout/progression.ts';
import type { PlannedExercise, SetRecord } from '../workout/session.ts';
import { setOutcome, skippedUndone } from '../workout/set-outcomes.ts';
import { alternatesSides, capitalised, WITH_A_PAUSE, withPauseText } from '../workout/set-words.ts';
import { atWeight, describeForm, formatDuration, heldS } from './format.ts';
import { fitsFourColumns } from './sets-columns.ts';
import { SidewaysScroll, sidewaysHint, sidewaysHintStyles } from './sideways-scroll.ts';
import { unbroken, unbrokenStyles, visuallyHidden } from './styles.ts';

/**
 * A session's sets, one row each: what was done against its target, a set skipped or cut short, why a
 * plank's goal was what it was, and its form problems. The summary at a session's end shows it, and
 * History a past session's, alike.
 */
@customElement('bb-sets-table')
export class BbSetsTable extends LitElement {
  static override styles = [
    visuallyHidden,
    unbrokenStyles,
    sidewaysHintStyles,
    css`
      /* The table lies in its own box, which a keyboard can scroll too: should even its wrapping
         rows (see .wrapping) be wider than the screen, the table scrolls sideways in it and the rest
         of the screen stays put. */
      :host {
        display: block;
        width: min(100%, 36rem);
        /* Its box, not the table's width, sets the screen's: the table scrolls within. */
        min-width: 0;
      }
      .sets {
        overflow-x: auto;
      }
      .sets:focus-visible {
        outline: 4px solid var(--bb-focus, #facc15);
      }
      table {
        border-collapse: collapse;
        font-size: 1.2rem;
        width: 100%;
      }
      th,
      td {
        padding: 0.5rem clamp(0.3rem, 2vw, 0.9rem);
        border-bottom: 1px solid var(--bb-border, #3b4656);
        text-align: left;
      }
      /* A set's form problems on a row of their own under it, as part of it. */
      tr.with-form td {
        border-bottom: none;
        padding-bottom: 0.1rem;
      }
      .weight {
        display: block;
        font-size: 1rem;
        color: var(--bb-muted, #b6c2d1);
      }
      /* That a tap cut the set short, why a plank's goal was what it was and the count put right by
         hand, between the set and its form problems. */
      tr.note td {
        padding-top: 0;
        color: var(--bb-muted, #b6c2d1);
        font-size: 1.05rem;
      }
      tr.note:has(+ tr.note) td,
      tr.note:has(+ tr.form) td {
        border-bottom: none;
        padding-bottom: 0.1rem;
      }
      tr.form td {
        padding-top: 0;
        color: var(--bb-warn, #fbbf24);
        font-size: 1.05rem;
        font-weight: 600;
      }
      /* Phones: narrow cells keep the table within the screen's margins (at 360 px, 2vw a side each
         pressed it against the right edge); on the narrowest (320 px), smaller type too. A number's
         column keeps its room on the left, where its words end against the column before: a quarter
         rem a side read "Done Target" as one heading and "1 skipped" as one cell. */
      @media (max-width: 24rem) {
        th,
        td {
          padding-inline: 0.25rem;
        }
        th.number,
        td.number {
          padding-left: 0.75rem;
        }
      }
      @media (max-width: 22rem) {
        table {
          font-size: 1rem;
        }
      }
      th.number,
      td.number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      /* Where four columns do not fit the box (see fourColumnsPx), two: with text at twice its size
         on a phone even they are wider than the screen ("Drawing-in" beside "of 45 s"), so a row wraps
         where it must, what was done going under its exercise on the right, where the column's numbers
         are; the line under each row keeps it one. */
      table.wrapping,
      .wrapping thead,
      .wrapping tbody {
        display: block;
      }
      .wrapping tr {
        display: flex;
        flex-wrap: wrap;
        column-gap: 0.75rem;
        padding-block: 0.25rem;
        border-bottom: 1px solid var(--bb-border, #3b4656);
      }
      .wrapping th,
      .wrapping td {
        padding: 0.25rem 0;
        border-bottom: none;
      }
      .wrapping th.number,
      .wrapping td.number {
        padding-left: 0;
        margin-left: auto;
      }
      .wrapping tr.with-form,
      .wrapping tr.note:has(+ tr.note),
      .wrapping tr.note:has(+ tr.form) {
        border-bottom: none;
      }
      /* A word among the counts, smaller and quieter: no count was made, and at 360 px the column
         it widened no longer fits the screen. */
      .skipped {
        font-size: 0.8em;
        color: var(--bb-muted, #b6c2d1);
      }
    `,
  ];

  @property({ attribute: false }) records: readonly SetRecord[] = [];
  /** The session's plan: the weight each exercise was done with, a plank's goal. */
  @property({ attribute: false }) plan: readonly PlannedExercise[] = [];
  /** The session's pauses: those the app made for a device out of reach are said under their set. */
  @property({ attribute: false }) pauses: readonly DevicePause[] = [];
  /** Where the device that could drop out was worn (see droppedPlacement): "Strap", "Watch", else "Device". */
  @property({ attribute: false }) devicePlacement: Placement | undefined = undefined;
  /** The table's name, for its box and its caption. */
  @property() label = 'Sets of this session';

  /**
   * The width the four columns took where they did not fit their box (see measureSets); null until
   * then, and again for other sets. In a narrower box, a phone with its text at 1.4 times its size or
   * more, "Done", the column that matters, lay beyond the edge: there the set's number joins its
   * exercise and the target joins what was done ("8 of 10"), in two columns whose rows wrap where they
   * must, read without a swipe.
   */
  private fourColumnsPx: number | null = null;
  /** The width of the table's box, kept by boxObserver: the window turned, or its text made larger. */
  private boxPx = 0;
  // A frame later: laid out again within the observer's callback, the box's new height (rows wrapped
  // or not) would be left undelivered to the observers of the page, a loop the browser reports.
  private readonly boxObserver = new ResizeObserver(() => requestAnimationFrame(() => this.measureSets()));
  private observedBox: HTMLElement | null = null;
  private get inTwoColumns(): boolean {
    return !fitsFourColumns(this.boxPx, this.fourColumnsPx);
  }

  /** The table's columns beyond the right edge of its box, as the history's tables say them. */
  private readonly setsScroll = new SidewaysScroll(this, () =>
    this.renderRoot.querySelector<HTMLElement>('.sets'),
  );

  override disconnectedCallback(): void {
    this.boxObserver.disconnect();
    this.observedBox = null;
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Other words in the table take another width: four columns are tried again.
    if (changed.has('records') || changed.has('plan') || changed.has('pauses')) this.fourColumnsPx = null;
  }

  protected override updated(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.sets');
    if (box !== this.observedBox) {
      this.boxObserver.disconnect();
      this.observedBox = box;
      if (box) this.boxObserver.observe(box);
    }
    this.measureSets();
  }

  /**
   * Reads the box's width and, with four columns laid out, whether they overflow it: then the table
   * wraps in two, before the screen is painted. The box's width does not follow the table in it (see
   * :host), so the two columns stay until the box widens to the four's width.
   */
  private measureSets(): void {
    const box = this.observedBox;
    if (!box) return;
    const overflowing = !this.inTwoColumns && box.scrollWidth > box.clientWidth;
    if (box.clientWidth === this.boxPx && !overflowing) return;
    this.boxPx = box.clientWidth;
    if (overflowing) this.fourColumnsPx = box.scrollWidth;
    this.requestUpdate();
  }

  override render() {
    return html`${sidewaysHint(this.setsScroll)}
      <div class="sets" tabindex="0" role="region" aria-label=${this.label} @scroll=${this.setsScroll.measure}><table class=${this.inTwoColumns ? 'wrapping' : nothing} role=${this.inTwoColumns ? 'table' : nothing}>
        <caption class="visually-hidden">${this.label}</caption>
        ${this.inTwoColumns ? this.renderSetsInTwoColumns() : this.renderSetsInFourColumns()}
      </table></div>`;
  }

  private renderSetsInFourColumns() {
    const goalsFrom = keptPlankGoalsSetFrom(this.records, this.plan);
    return html`<thead>
        <tr><th scope="col">Exercise</th><th scope="col" class="number">Set</th><th scope="col" class="number">Done</th><th scope="col" class="number">Target</th></tr>
      </thead>
      <tbody>
        ${this.records.map((r, i) => {
          const notes = this.notesOf(r, goalsFrom[i] ?? null);
          return html`<tr class=${notes.length > 0 ? 'with-form' : ''}>
            <td>${this.exerciseCell(r)}</td>
            <td class="number">${r.setNumber}</td>
            <td class="number">${doneCell(r)}</td>
            <td class="number">${targetText(r)}${notesReadInRow(notes)}</td>
          </tr>
          ${noteRows(notes, 4)}`;
        })}
      </tbody>`;
  }

  /**
   * "Superman 2" and "8 of 10": a screen reader hears "Superman set 2" under "Exercise" and "8 of 10"
   * under "Done of target". A set skipped before it counted anything says only "skipped": a target
   * not attempted is nothing to read it against. Each row wraps (see .wrapping), so its parts keep
   * their roles by name: a table laid out otherwise is no longer read as one.
   */
  private renderSetsInTwoColumns() {
    const goalsFrom = keptPlankGoalsSetFrom(this.records, this.plan);
    return html`<thead role="rowgroup">
        <tr role="row"><th role="columnheader" scope="col">Exercise</th><th role="columnheader" scope="col" class="number">Done<span class="visually-hidden"> of target</span></th></tr>
      </thead>
      <tbody role="rowgroup">
        ${this.records.map((r, i) => {
          const notes = this.notesOf(r, goalsFrom[i] ?? null);
          return html`<tr role="row" class=${notes.length > 0 ? 'with-form' : ''}>
            <td role="cell">${this.exerciseCell(r, r.setNumber)}</td>
            <td role="cell" class="number">${
              skippedUndone(r)
                ? doneCell(r)
                : alternatesSides(r)
                  ? perSideDoneText(r.count, r.target)
                  : html`${doneCell(r)} <span class="unbroken">of ${targetText(r)}</span>`
            }${notesReadInRow(notes)}</td>
          </tr>
          ${noteRows(notes, 2)}`;
        })}
      </tbody>`;
  }

  /**
   * What is said under the set, each on a row of its own: cut short, why its goal was what it was, its
   * device out of reach, another device taking over, its count put right, its form problems.
   */
  private notesOf(r: SetRecord, goalFrom: PlankGoalFrom | null): SetNote[] {
    const notes: (SetNote | null)[] = [
      endedNote(r),
      goalNote(r, goalFrom),
      this.droppedNote(r),
      takenOverNote(r),
      correctedNote(r, this.placementIn(r)),
      formNote(r),
    ];
    return notes.filter((note) => note !== null);
  }

  /**
   * "Strap out of reach: 12 s not counted" under a set that stood still while its device was away,
   * "Strap out of reach during the set" under one that went on without it: a count or a hold short of
   * the others, with no word of why, read as the person's own.
   */
  private droppedNote(r: SetRecord): SetNote | null {
    const text = this.droppedText(r);
    if (text === null) return null;
    // Each time kept whole: "2 min" over "54 s not counted" on a phone.
    const parts = text.split(/(\d+ min \d+ s|\d+ min|\d+ s)/);
    const said = parts.map((part, i) => (i % 2 === 1 ? html`<span class="unbroken">${part}</span>` : part));
    return { kind: 'dropped', said };
  }

  /**
   * Where the device away in the set was worn: the one its drops kept (a watch beside a strap), else
   * where the session's devices say.
   */
  private placementIn(r: SetRecord): Placement | undefined {
    return dropIn(r, this.pauses)?.placement ?? this.devicePlacement;
  }

  private droppedText(r: SetRecord): string | null {
    if (skippedUndone(r)) return null;
    // The reps tapped while it was away are said in their own note (see correctedNote).
    const text = setAwayText(r, this.pauses, this.devicePlacement, true);
    return text && capitalised(text);
  }

  /** The exercise's name, and its set's number when it has no column of its own. */
  private exerciseCell(r: SetRecord, setNumber?: number) {
    const weightKg = skippedUndone(r) ? undefined : this.weightOf(r.exerciseId);
    return html`${unbroken(exerciseById(r.exerciseId).name)}${
      setNumber === undefined ? nothing : html` <span class="visually-hidden">set </span>${setNumber}`
    }${weightKg ? html` <span class="weight">${atWeight(weightKg)}</span>` : nothing}`;
  }

  private weightOf(exerciseId: SetRecord['exerciseId']): number | undefined {
    return this.plan.find((p) => p.exercise.id === exerciseId)?.dosage.weightKg;
  }
}

/**
 * What a set did: its count or its hold, or that it was skipped before it counted anything. A bird
 * dog's count each side, "7 right, 6 left", as the voice, its ring and its rest counted it: its
 * total, 13, is a number none of them said.
 */
function doneCell(r: SetRecord) {
  if (skippedUndone(r)) return html`<span class="skipped">skipped</span>`;
  if (r.holdMs !== null) return formatDuration(heldS(r.holdMs));
  return alternatesSides(r) ? sidesKeptWhole(perSideText(r.count)) : String(r.count);
}

/**
 * "10", "45 s", "4 breaths", or a bird dog's "10 each side", as its set screen set it. A count of reps
 * goes bare, as the table's counts are most often; the bat hang's breath cycles say so, where "1 of 1"
 * read as one rep of one.
 */
function targetText(r: SetRecord) {
  if (r.holdMs !== null) return `${r.target} s`;
  const exercise = exerciseById(r.exerciseId);
  if (exercise.kind === 'breaths') return countText(exercise, r.target);
  return alternatesSides(r) ? sidesKeptWhole(perSideText(r.target)) : String(r.target);
}

/**
 * "10 right, 9 left" wrapping between its sides, each count with its side: on a laptop its column
 * wrapped it "10 right, 9" over "left", a count apart from the side it was of.
 */
function sidesKeptWhole(text: string) {
  return text.split(', ').map((side, i) => html`${i > 0 ? ', ' : ''}<span class="unbroken">${side}</span>`);
}

/**
 * Why a plank set's goal was what it was, under the set, in the set screen's words: "Goal: 5 s past
 * your last hold", from the hold it was set a step above. The target alone (53 s where 30 s was set)
 * reads as a mistake.
 */
function goalNote(r: SetRecord, from: PlankGoalFrom | null): SetNote | null {
  if (!from) return null;
  return { kind: 'goal', said: `Goal: ${pastLastHoldText(r.target, from)}` };
}

/**
 * "Cut short" under a set a tap ended short of its target, as the voice ("Set cut short: three reps
 * done"), the rest after it and the CSV say: "3 of 10" alone read as reps that stopped coming. Under a
 * hold broken by a pause, "With a pause" ("Cut short, with a pause"), as the rest and the voice say
 * it: "45 s" alone read as one hold kept whole. A few words on a row of their own, which a 180 px
 * screen has room for where the count's cell has not.
 */
function endedNote(r: SetRecord): SetNote | null {
  const text = endedText(r);
  return text === null ? null : { kind: 'ended', said: text };
}

function endedText(r: SetRecord): string | null {
  if (setOutcome(r) === 'cut short') return withPauseText('Cut short', r);
  if (r.pausedInHold && r.holdMs !== null && !skippedUndone(r)) return capitalised(WITH_A_PAUSE);
  return null;
}

/**
 * "The watch counted from rep 4" under a set another device took over part way through, its own
 * given up for lost: the count is of two devices, as the voice said as the watch took it over.
 */
function takenOverNote(r: SetRecord): SetNote | null {
  const text = setTakenOverText(r);
  return text === null ? null : { kind: 'taken-over', said: capitalised(text) };
}

/**
 * "Put right by hand: +1": the count the person corrected with +1 and −1, net. The count shown is the
 * corrected one, and without this a session looked back on later tells nothing of what the detectors
 * missed or counted too many. "Counted by hand: 4" of the reps tapped where no device counted the
 * exercise: what the person did, counted as the ring asked, not four reps the detectors missed.
 */
function correctedNote(r: SetRecord, placement: Placement | undefined): SetNote | null {
  if (correctedBy(r) === null) return null;
  // With the device away the voice asked for +1 ("Count with plus one until the strap is back"): those
  // taps counted reps nothing could see, no miscount of the detectors. A +1 or −1 tapped while it was
  // there, or in the rest after, still is one.
  const away = r.countedAway ?? 0;
  // A −1 tapped by hand after a device counted part of the set took back one of its reps: a miscount.
  const byHand = Math.max(0, r.countedByHand ?? 0);
  const by = signed((r.corrections ?? 0) - away - byHand);
  const said = [
    byHand > 0 ? withItsFigure('Counted by hand:', String(byHand)) : null,
    // The device by the word the row of its drop says it in ("Strap out of reach twice: …").
    away > 0
      ? withItsFigure(`Counted with +1, ${deviceWord(placement)} ${setAwayWords(r)}:`, String(away))
      : null,
    by !== null ? withItsFigure('Put right by hand:', by) : null,
  ].filter((part) => part !== null);
  return { kind: 'corrected', said: said.map((part, i) => (i > 0 ? html`. ${part}` : part)) };
}

/**
 * "Put right by hand: +1", its figure on one line with the word before it: on a 360 px phone the "3"
 * of "Counted with +1, device out of reach: 3" stood alone on the line under its words. The word, the
 * space and the figure are one text: with the space a text of its own between them, Chromium's
 * accessibility tree left it out, and a screen reader read "hand:+1".
 */
function withItsFigure(words: string, figure: string) {
  const last = words.lastIndexOf(' ') + 1;
  const lastWordAndFigure = `${words.slice(last)} ${figure}`;
  return html`${words.slice(0, last)}<span class="unbroken">${lastWordAndFigure}</span>`;
}

/** "+1" or "−2", the set's net correction; null where it had none (or +1 and −1 undid each other). */
function correctedBy(r: SetRecord): string | null {
  return skippedUndone(r) ? null : signed(r.corrections ?? 0);
}

/** "+1" or "−2"; null for none. */
function signed(net: number): string | null {
  if (net === 0) return null;
  return net > 0 ? `+${net}` : `−${-net}`;
}

/** A set's form problems, on a row of their own under it and said last, after its other notes. */
function formNote(r: SetRecord): SetNote | null {
  const form = describeForm(r);
  return form ? { kind: 'form', said: `Form: ${form}` } : null;
}

/**
 * What is said under a set, on a row of its own across the table's columns (see noteRows): a `kind`
 * of note ('ended', 'goal', …) styled as a note, or its form problems.
 */
interface SetNote {
  readonly kind: 'ended' | 'goal' | 'dropped' | 'taken-over' | 'corrected' | 'form';
  readonly said: string | TemplateResult | readonly (string | TemplateResult)[];
}

/**
 * The set's notes for the eye, each on a row of its own under the set. A screen reader reads them in
 * the set's own row (see notesReadInRow) and not here: a row of one cell, read apart from the set's,
 * said "Cut short" of nothing, and a heading of its own for it moved the note's words off their place.
 */
function noteRows(notes: readonly SetNote[], columns: number) {
  return notes.map(
    (note) =>
      html`<tr class=${note.kind === 'form' ? 'form' : `note ${note.kind}`} aria-hidden="true"><td colspan=${columns}>${note.said}</td></tr>`,
  );
}

/**
 * The set's notes at the end of its row's last cell, for a screen reader only: "10, Cut short; Form:
 * lower back over-extended", read as it goes along the set's row, where the eye finds them under it.
 * Chromium names the cell "10 , Cut short…", a space where the hidden words leave the line: screen
 * readers pause at a comma and a semicolon there, where a lone full stop was read as "dot".
 */
function notesReadInRow(notes: readonly SetNote[]) {
  if (notes.length === 0) return nothing;
  return html`<span class="visually-hidden">${notes.map((note, i) => html`${i === 0 ? ', ' : '; '}${note.said}`)}</span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-sets-table': BbSetsTable;
  }
}
