import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { summarize } from '../store/summary.ts';
import type { SessionHeart } from '../workout/heart.ts';
import type { LearnedInSession } from '../workout/personal-tuning.ts';
import { countUnit, exerciseById, perSideDoneText, perSideText } from '../workout/program.ts';
import { keptPlankGoalsSetFrom, type PlankGoalFrom, pastLastHoldText } from '../workout/progression.ts';
import {
  anySetDone,
  lastSetToCorrect,
  notReached,
  type PlannedExercise,
  planRanThrough,
  type SetRecord,
  skippedUndone,
} from '../workout/session.ts';
import { fileButtons } from './download.ts';
import { sendCommand } from './events.ts';
import {
  atWeight,
  countedFacts,
  describeForm,
  FACT_SEPARATOR,
  formatDuration,
  heldS,
  learnedInSessionText,
  sessionLength,
  setsDone,
  setsKeptIn,
} from './format.ts';
import { fitsFourColumns } from './sets-columns.ts';
import { SidewaysScroll, sidewaysHint, sidewaysHintStyles } from './sideways-scroll.ts';
import { buttonStyles, factStyles, factsLine, unbroken, visuallyHidden } from './styles.ts';
import { setsWithHeartRate } from './summary-heart.ts';

/** The end of a session: every set, what was counted, and how long it took. */
@customElement('bb-summary')
export class BbSummary extends LitElement {
  static override styles = [
    buttonStyles,
    visuallyHidden,
    factStyles,
    sidewaysHintStyles,
    css`
      :host {
        display: grid;
        gap: 1.5rem;
        justify-items: center;
      }
      h2 {
        margin: 0;
        font-size: clamp(2rem, 6vmin, 3rem);
      }
      /* Focused by the app when the session ends under a keyboard (see bb-app), not by the person. */
      h2:focus {
        outline: none;
      }
      :host > * {
        max-width: 100%;
      }
      /* The table lies in its own box, which a keyboard can scroll too: should even its wrapping
         rows (see .wrapping) be wider than the screen, the table scrolls sideways in it and the rest
         of the screen stays put. */
      .table {
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
      /* Why a plank's goal was what it was, between the set and its form problems. */
      tr.goal td {
        padding-top: 0;
        color: var(--bb-muted, #b6c2d1);
        font-size: 1.05rem;
      }
      tr.goal:has(+ tr.form) td {
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
      .wrapping tr.goal:has(+ tr.form) {
        border-bottom: none;
      }
      /* A word among the counts, smaller and quieter: no count was made, and at 360 px the column
         it widened no longer fits the screen. */
      .skipped {
        font-size: 0.8em;
        color: var(--bb-muted, #b6c2d1);
      }
      .heart {
        font-size: 1.1rem;
        color: var(--bb-muted, #b6c2d1);
        max-width: 32rem;
      }
      .heart h3 {
        color: var(--bb-text, #f5f7fa);
        margin: 0 0 0.5rem;
      }
      .heart ul {
        margin: 0;
        padding-left: 1.2rem;
        line-height: 1.6;
      }
      .totals {
        font-size: 1.4rem;
        color: var(--bb-muted, #b6c2d1);
        text-align: center;
      }
      .early {
        margin: 0.5rem 0 0;
        text-align: center;
      }
      /* Read up close once the session is over: on a phone its sets' fact, "1 done, 1 cut
         short, 3 skipped", fits a line, and the files stay on the first screen under it. */
      @media (max-width: 30rem) {
        .totals {
          font-size: 1.2rem;
        }
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: center;
        align-items: center;
      }
      .save {
        font-size: 1.1rem;
        font-weight: 600;
      }
      /* On a phone the label takes its own line and the three files share the next. */
      @media (max-width: 30rem) {
        .save-title,
        .fix-title {
          flex-basis: 100%;
          text-align: center;
        }
      }
      /* Where its files were: said as plainly as the totals above it. */
      .deleted {
        margin: 0;
        text-align: center;
      }
      /* Above the files, on a line of its own, framed as the storage notice is. */
      .not-saved {
        flex-basis: 100%;
        margin: 0 0 0.25rem;
        padding: 0.3rem 0.6rem;
        border-radius: 0.5rem;
        border: 2px solid var(--bb-warn, #f59e0b);
        font-weight: 400;
        text-align: center;
      }
      .save button {
        font-size: 1rem;
        min-height: 2.75rem;
      }
      .note {
        font-size: 1rem;
      }
      .fix {
        font-size: 1.1rem;
        color: var(--bb-muted, #b6c2d1);
      }
      .fix button {
        min-width: 3.5rem;
      }
      .learned {
        margin: 0;
        color: var(--bb-muted, #b6c2d1);
      }
      .problem {
        margin: 0;
        padding: 0.75rem 1rem;
        border-radius: 0.75rem;
        border: 2px solid var(--bb-warn, #fbbf24);
        background: var(--bb-problem-bg, #3b2a0a);
      }
    `,
  ];

  @property({ attribute: false }) records: readonly SetRecord[] = [];
  /** The session's plan: the weight each exercise was done with. */
  @property({ attribute: false }) plan: readonly PlannedExercise[] = [];
  @property({ type: Number }) durationMs = 0;
  /**
   * Finish ended the last set short of its target (the session's finishedShort): one it ended before
   * anything was counted was ended undone, with no count to put right (see lastSetToCorrect).
   */
  @property({ attribute: false }) finishedShort = false;
  /** Heart rate per set and recovery after it, RMSSD before and after; null without a heart-rate device. */
  @property({ attribute: false }) heart: SessionHeart | null = null;
  /**
   * Why this session is not being saved (storage off or full), and what to do, in short: said beside
   * its files, the one place the summary offers them; null while it is saved.
   */
  @property({ attribute: false }) notSaved: string | null = null;
  /**
   * The session was deleted from the history since it ended, here or in another tab: nothing of it is
   * kept, so the summary says so where its files were, and offers neither them nor a correction, which
   * would have nothing to be saved in.
   */
  @property({ type: Boolean }) deleted = false;
  /** Why the last file asked for could not be made. */
  @property({ attribute: false }) problem: string | null = null;
  /**
   * What this session's corrections and holds ended by hand changed in the counting from now on: said
   * here, where the person looks once the sets are over, since the voice says only the count they put
   * right. Under the last set's −1/+1, whose taps change it: after the session's own news, what comes
   * next and its files.
   */
  @property({ attribute: false }) learned: readonly LearnedInSession[] = [];

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
    if (changed.has('records') || changed.has('plan')) this.fourColumnsPx = null;
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
   * .table), so the two columns stay until the box widens to the four's width.
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
    // Finished before a set was done (none begun, or each skipped): nothing was kept or is worth a file.
    if (!anySetDone(this.records)) {
      const skipped = this.records.length;
      return html`
        <h2 tabindex="-1">Session done</h2>
        <p class="totals">No sets were done${skipped > 0 ? ` (${skipped} skipped)` : ''}, so this session is not kept in your history.</p>
        ${this.renderNext()}
      `;
    }
    return html`
      <h2 tabindex="-1">Session done</h2>
      <div class="totals">
        ${factsLine(summarise(this.records, this.durationMs))}
      </div>
      ${this.renderEndedEarly()}
      ${this.renderNext()}
      ${this.deleted ? html`<p class="deleted">You deleted this session from your history: it is not kept, and there is no file of it to save.</p>` : this.renderSave()}
      <div class="table">
      ${sidewaysHint(this.setsScroll)}
      <div class="sets" tabindex="0" role="region" aria-label="Sets of this session" @scroll=${this.setsScroll.measure}><table class=${this.inTwoColumns ? 'wrapping' : nothing} role=${this.inTwoColumns ? 'table' : nothing}>
        <caption class="visually-hidden">Sets of this session</caption>
        ${this.inTwoColumns ? this.renderSetsInTwoColumns() : this.renderSetsInFourColumns()}
      </table></div>
      </div>
      ${this.deleted ? nothing : this.renderFix()}
      ${this.renderLearned()}
      ${this.heart ? this.renderHeart(this.heart) : nothing}
    `;
  }

  private renderSetsInFourColumns() {
    const goalsFrom = keptPlankGoalsSetFrom(this.records, this.plan);
    return html`<thead>
        <tr><th scope="col">Exercise</th><th scope="col" class="number">Set</th><th scope="col" class="number">Done</th><th scope="col" class="number">Target</th></tr>
      </thead>
      <tbody>
        ${this.records.map(
          (r, i) => html`<tr class=${this.hasNotes(r, goalsFrom[i] ?? null) ? 'with-form' : ''}>
            <td>${this.exerciseCell(r)}</td>
            <td class="number">${r.setNumber}</td>
            <td class="number">${doneCell(r)}</td>
            <td class="number">${targetText(r)}</td>
          </tr>
          ${goalRow(r, goalsFrom[i] ?? null, 4)}
          ${formRow(r, 4)}`,
        )}
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
        ${this.records.map(
          (r, i) => html`<tr role="row" class=${this.hasNotes(r, goalsFrom[i] ?? null) ? 'with-form' : ''}>
            <td role="cell">${this.exerciseCell(r, r.setNumber)}</td>
            <td role="cell" class="number">${
              skippedUndone(r)
                ? doneCell(r)
                : alternatesSides(r)
                  ? perSideDoneText(r.count, r.target)
                  : html`${doneCell(r)} <span class="unbroken">of ${targetText(r)}</span>`
            }</td>
          </tr>
          ${goalRow(r, goalsFrom[i] ?? null, 2, 'cell')}
          ${formRow(r, 2, 'cell')}`,
        )}
      </tbody>`;
  }

  /** Rows of their own under the set: why its goal was what it was, its form problems. */
  private hasNotes(r: SetRecord, goalFrom: PlankGoalFrom | null): boolean {
    return describeForm(r) !== null || goalFrom !== null;
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

  /** The session's files, one set of buttons, under why it is not saved where storage is off. */
  private renderSave() {
    return html`<div class="actions save" role="group" aria-labelledby="save-title" aria-describedby=${this.notSaved ? 'not-saved' : nothing}>
        ${this.notSaved ? html`<p id="not-saved" class="not-saved">${this.notSaved}</p>` : nothing}
        <span id="save-title" class="save-title">Save this session:</span>
        ${fileButtons('Save this session', (format) => sendCommand(this, 'bb-export', { format }))}
      </div>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}`;
  }

  /**
   * −1 / +1 for the session's last set: the others could be put right in the rest after them, the
   * last has no rest. Not below one rep when it is the one set done: the session would no longer be
   * kept, and it is already saved. The set is named on screen, as in the buttons' names: after Finish
   * mid-set, "Last set" did not tell the person which set the buttons change. With text at twice its
   * size it takes lines of whole parts: "set" with its number, "counted wrong?" as one.
   */
  private renderFix() {
    const last = lastSetToCorrect({ completed: this.records, finishedShort: this.finishedShort });
    if (!last) return nothing;
    const exercise = exerciseById(last.exerciseId);
    const unit = countUnit(exercise);
    const lowest = anySetDone(this.records.slice(0, -1)) ? 0 : 1;
    const which = `${exercise.name}, set ${last.setNumber}`;
    return html`<div class="actions fix" role="group" aria-labelledby="fix-title">
      <span id="fix-title" class="fix-title">${unbroken(exercise.name)}, <span class="unbroken">set ${last.setNumber}</span> <span class="unbroken">counted wrong?</span></span>
      <button aria-label=${`−1 ${unit} on ${which}`} ?disabled=${last.count <= lowest} @click=${() => sendCommand(this, 'bb-adjust', { delta: -1 })}>−1</button>
      <button aria-label=${`+1 ${unit} on ${which}`} @click=${() => sendCommand(this, 'bb-adjust', { delta: 1 })}>+1</button>
    </div>`;
  }

  /**
   * "Ended early. Not reached: Bat hang, Wide-grip lat pulldown, Elbow plank.": Finish ended the
   * session before its plan ran through, and the exercises never come to were listed nowhere.
   */
  private renderEndedEarly() {
    const session = {
      plan: this.plan,
      completed: this.records,
      ...(this.finishedShort ? { finishedShort: true as const } : {}),
    };
    if (planRanThrough(session)) return nothing;
    const names = notReached(this.plan, this.records).map((exercise) => exercise.name);
    // Each name kept whole: "Wide-" over "grip lat pulldown" on a phone.
    return html`<p class="early">${unbroken(`Ended early${names.length > 0 ? `. Not reached: ${names.join(', ')}` : ''}.`)}</p>`;
  }

  private renderLearned() {
    const text = learnedInSessionText(this.learned);
    return text ? html`<p class="learned">${text}</p>` : nothing;
  }

  private renderNext() {
    return html`<div class="actions">
      <button class="primary" @click=${() => sendCommand(this, 'bb-new-session')}>New session</button>
      <button @click=${() => sendCommand(this, 'bb-show-history')}>See all your sessions</button>
    </div>`;
  }

  /** Heart rate per set and the drop in the rest after it (the first minute, or the whole rest if shorter). */
  private renderHeart(heart: SessionHeart) {
    const told = setsWithHeartRate(this.records, heart);
    if (told.length === 0) return nothing;
    const hrv = describeHrv(heart);
    return html`
      <section class="heart" aria-labelledby="heart-title">
        <h3 id="heart-title">Heart rate</h3>
        <ul>
          ${told.map(({ record, stats, recovery, skipped }) => {
            const dropBpm = recovery ? Math.round(recovery.dropBpm) : null;
            // A heart that did not slow down (it may even have climbed, getting up) has no "−0" or "−-3".
            const drop =
              dropBpm === null
                ? ''
                : dropBpm > 0
                  ? `, then −${dropBpm} in the rest`
                  : ', then no drop in the rest';
            return html`<li>${exerciseById(record.exerciseId).name} ${record.setNumber}${skipped ? ' (skipped)' : ''}: ${stats.avgBpm} bpm average, ${stats.maxBpm} at most${drop}</li>`;
          })}
        </ul>
        ${
          hrv
            ? html`<p>${hrv}</p>
                <p class="note">
                  Heart-rate variability is how much the time between beats varies; higher at rest
                  usually means more relaxed and recovered.
                </p>`
            : nothing
        }
      </section>
    `;
  }
}

/**
 * "Heart-rate variability (RMSSD) at rest: 32 ms before the session, 41 ms after it" (over the two
 * minutes on each side), leaving out a side without beat intervals.
 */
export function describeHrv(heart: SessionHeart): string | null {
  const parts = [
    heart.rmssdBeforeMs === null ? null : `${Math.round(heart.rmssdBeforeMs)} ms before the session`,
    heart.rmssdAfterMs === null
      ? null
      : `${Math.round(heart.rmssdAfterMs)} ms after ${heart.rmssdBeforeMs === null ? 'the session' : 'it'}`,
  ].filter((p) => p !== null);
  return parts.length ? `Heart-rate variability (RMSSD) at rest: ${parts.join(', ')}` : null;
}

/**
 * What a set did: its count or its hold, or that it was skipped before it counted anything. A bird
 * dog's count each side, "7 right, 6 left", as the voice, its ring and its rest counted it: its
 * total, 13, is a number none of them said.
 */
function doneCell(r: SetRecord) {
  if (skippedUndone(r)) return html`<span class="skipped">skipped</span>`;
  if (r.holdMs !== null) return formatDuration(heldS(r.holdMs));
  return alternatesSides(r) ? perSideText(r.count) : String(r.count);
}

/** "10", "45 s", or a bird dog's "10 each side", as its set screen set it. */
function targetText(r: SetRecord): string {
  if (r.holdMs !== null) return `${r.target} s`;
  return alternatesSides(r) ? perSideText(r.target) : String(r.target);
}

/** A set counted each side, of a bird dog: kept as its total of both. */
function alternatesSides(r: SetRecord): boolean {
  return r.holdMs === null && exerciseById(r.exerciseId).alternatesSides;
}

/**
 * Why a plank set's goal was what it was, under the set, in the set screen's words: "Goal: 5 s past
 * your last hold", from the hold it was set a step above. The target alone (53 s where 30 s was set)
 * reads as a mistake.
 */
function goalRow(r: SetRecord, from: PlankGoalFrom | null, columns: number, role?: 'cell') {
  if (!from) return nothing;
  return html`<tr class="goal" role=${role ? 'row' : nothing}><td colspan=${columns} role=${role ?? nothing}>Goal: ${pastLastHoldText(r.target, from)}</td></tr>`;
}

/** A set's form problems on a row of their own under it, across the table's columns. */
function formRow(r: SetRecord, columns: number, role?: 'cell') {
  const form = describeForm(r);
  if (!form) return nothing;
  return html`<tr class="form" role=${role ? 'row' : nothing}><td colspan=${columns} role=${role ?? nothing}>Form: ${form}</td></tr>`;
}

/**
 * "8 sets, 2 skipped · 94 reps · Bird dog 10 each side · 3 breaths · 2 min 15 s held · 34 min",
 * leaving out what did not happen; what the sets counted in History's words (see countedFacts).
 */
export function summarise(records: readonly SetRecord[], durationMs: number): string {
  // Told from the summary the session is kept with, as History tells it: the two lines cannot differ.
  const summary = summarize(records, [], durationMs);
  const parts = [setsDone(setsKeptIn(summary)), ...countedFacts(summary)];
  const heldTotalS = heldS(summary.holdMs);
  if (heldTotalS > 0) parts.push(`${formatDuration(heldTotalS)} held`);
  parts.push(sessionLength(summary.durationMs));
  return parts.join(FACT_SEPARATOR);
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-summary': BbSummary;
  }
}
