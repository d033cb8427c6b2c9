import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { summarize } from '../app/persistence.ts';
import type { Placement } from '../sensors/samples.ts';
import { lastSetToCorrect } from '../workout/count-corrections.ts';
import { sessionDrop, sessionDropText } from '../workout/device-drops.ts';
import type { SessionHeart } from '../workout/heart.ts';
import type { LearnedInSession } from '../workout/personal-tuning.ts';
import { countUnit, exerciseById } from '../workout/program.ts';
import type { PlannedExercise, SetRecord } from '../workout/session.ts';
import type { Pause } from '../workout/session-state.ts';
import { anySetDone, notReached, planRanThrough } from '../workout/set-outcomes.ts';
import { FILE_KINDS, fileButtons } from './download.ts';
import { sendCommand } from './events.ts';
import {
  countedFacts,
  FACT_SEPARATOR,
  heldText,
  learnedInSessionText,
  sessionLength,
  setsDone,
  setsKeptIn,
} from './format.ts';
import { MediaQueryController } from './media-query.ts';
import { tellsHeartRate } from './summary-heart.ts';
import './bb-set-heart-rates.ts';
import './bb-sets-table.ts';
import { buttonStyles, factStyles, factsLine, NARROW, narrow, unbroken, visuallyHidden } from './styles.ts';

/** The end of a session: every set, what was counted, and how long it took. */
@customElement('bb-summary')
export class BbSummary extends LitElement {
  static override styles = [
    buttonStyles,
    visuallyHidden,
    factStyles,
    css`
      :host {
        display: grid;
        gap: 1.5rem;
        justify-items: center;
      }
      /* Centred as the lines under it, where it wraps: "Ended" over "early" sat at the left edge. */
      h2 {
        margin: 0;
        font-size: clamp(2rem, 6vmin, 3rem);
        text-align: center;
      }
      /* Focused by the app when the session ends under a keyboard (see bb-app), not by the person. */
      h2:focus {
        outline: none;
      }
      :host > * {
        max-width: 100%;
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
      /* With text at twice its size, a fact kept whole, "1 set cut short ·", still fits the line. */
      @media ${narrow} {
        .totals {
          font-size: 1.15rem;
        }
      }
      /*
       * Text at twice its size on a phone (180 × 320): under the header the window has room for the
       * heading, the session's totals and New session, closer together, its buttons as large as the
       * files' (see render).
       */
      @media ${narrow} {
        :host {
          gap: 0.75rem;
        }
        h2 {
          font-size: 1.6rem;
          line-height: 1.1;
        }
        .next button {
          font-size: 1rem;
          min-height: 2.75rem;
          padding-inline: 0.75rem;
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
      /* Under the three files, on a line of its own, as quiet as the notes of the sets. */
      .file-kinds {
        flex-basis: 100%;
        margin: 0.25rem 0 0;
        font-size: 0.95rem;
        font-weight: 400;
        color: var(--bb-muted, #b6c2d1);
        text-align: center;
      }
      .fix {
        font-size: 1.1rem;
        color: var(--bb-muted, #b6c2d1);
      }
      .fix button {
        min-width: 3.5rem;
      }
      /* −1 and +1 side by side, a pair as on a larger screen: at their padding they came 9 px too wide
         for the row of a 180 px phone, and +1 went under −1. */
      @media ${narrow} {
        .fix button {
          padding-inline: 0.75rem;
        }
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
  /** The session's pauses: the time it stood still for a device out of reach is said (see sessionDrop). */
  @property({ attribute: false }) pauses: readonly Pause[] = [];
  /** Where the device that could drop out was worn (see droppedPlacement). */
  @property({ attribute: false }) devicePlacement: Placement | undefined = undefined;
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

  private readonly narrowScreen = new MediaQueryController(this, NARROW);

  override render() {
    // Finished before a set was done (none begun, or each skipped): nothing was kept or is worth a file.
    if (!anySetDone(this.records)) {
      const skipped = this.records.length;
      return html`
        <h2 tabindex="-1">${this.heading()}</h2>
        <p class="totals">No sets were done${skipped > 0 ? ` (${skipped} skipped)` : ''}, so this session is not kept in your history.</p>
        ${this.renderNext()}
      `;
    }
    return html`
      <h2 tabindex="-1">${this.heading()}</h2>
      <div class="totals">
        ${factsLine(summarise(this.records, this.durationMs, this.pauses, this.devicePlacement))}
      </div>
      ${
        // With text at twice its size the exercises not reached (six names, 133 px) come under New
        // session, which they took to 482 px of a 320 px window: the heading and the totals are what is
        // read from the mat, the names once the phone is picked up.
        this.narrowScreen.matches
          ? html`${this.renderNext()}${this.renderEndedEarly()}`
          : html`${this.renderEndedEarly()}${this.renderNext()}`
      }
      ${this.deleted ? html`<p class="deleted">You deleted this session from your history: it is not kept, and there is no file of it to save.</p>` : this.renderSave()}
      <bb-sets-table .records=${this.records} .plan=${this.plan} .pauses=${this.pauses} .devicePlacement=${this.devicePlacement} label="Sets of this session"></bb-sets-table>
      ${this.deleted ? nothing : this.renderFix()}
      ${this.renderLearned()}
      ${
        // Not laid out at all where it tells nothing: an empty part would still take the grid's gap.
        tellsHeartRate(this.records, this.heart)
          ? html`<bb-set-heart-rates .records=${this.records} .heart=${this.heart}></bb-set-heart-rates>`
          : nothing
      }
    `;
  }

  /**
   * The session's files, one set of buttons, under why it is not saved where storage is off, and over
   * what each file is for. Where storage is off, why is the group's description alone: what each file
   * is for follows the buttons, read after them.
   */
  private renderSave() {
    return html`<div class="actions save" role="group" aria-labelledby="save-title" aria-describedby=${this.notSaved ? 'not-saved' : 'file-kinds'}>
        ${this.notSaved ? html`<p id="not-saved" class="not-saved">${this.notSaved}</p>` : nothing}
        <span id="save-title" class="save-title">Save this session:</span>
        ${fileButtons('Save this session', (format) => sendCommand(this, 'bb-export', { format }))}
        <p id="file-kinds" class="file-kinds">${FILE_KINDS}</p>
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
   * "Session done" over a session whose plan ran through, "Ended early" over one Finish ended before
   * it, as the voice says "Session complete" or "Session ended": "Session done" over "Ended early. Not
   * reached: …" said both. Two short words: "Session ended early" took three lines of a 180 px phone
   * with text at twice its size, and pushed itself off the first screen.
   */
  private heading(): string {
    return planRanThrough(this.session()) ? 'Session done' : 'Ended early';
  }

  /** What the summary was given, as the session's rules read it (see planRanThrough). */
  private session() {
    return {
      plan: this.plan,
      completed: this.records,
      ...(this.finishedShort ? { finishedShort: true as const } : {}),
    };
  }

  /**
   * "Not reached: Bat hang, Wide-grip lat pulldown, Elbow plank.", under the heading that says the
   * session ended early: Finish ended it before its plan ran through, and the exercises never come to
   * were listed nowhere. Nothing where every exercise was reached, its last set cut short.
   */
  private renderEndedEarly() {
    if (planRanThrough(this.session())) return nothing;
    const names = notReached(this.plan, this.records).map((exercise) => exercise.name);
    if (names.length === 0) return nothing;
    // Each name kept whole: "Wide-" over "grip lat pulldown" on a phone.
    return html`<p class="early">${unbroken(`Not reached: ${names.join(', ')}.`)}</p>`;
  }

  private renderLearned() {
    const text = learnedInSessionText(this.learned);
    return text ? html`<p class="learned">${text}</p>` : nothing;
  }

  private renderNext() {
    return html`<div class="actions next">
      <button class="primary" @click=${() => sendCommand(this, 'bb-new-session')}>New session</button>
      <button @click=${() => sendCommand(this, 'bb-show-history')}>See all your sessions</button>
    </div>`;
  }
}

/**
 * "8 sets, 2 skipped · 94 reps · Bird dog 10 each side · 3 breaths · 2 min 15 s held · 34 min",
 * leaving out what did not happen; what the sets counted in History's words (see countedFacts). The
 * time the session stood still for a device out of reach after its length, which leaves it out:
 * "34 min · strap out of reach 45 s".
 */
export function summarise(
  records: readonly SetRecord[],
  durationMs: number,
  pauses: readonly Pause[] = [],
  devicePlacement?: Placement,
): string {
  // Told from the summary the session is kept with, as History tells it: the two lines cannot differ.
  const summary = summarize(records, [], durationMs);
  const parts = [setsDone(setsKeptIn(summary)), ...countedFacts(summary)];
  const held = heldText(summary);
  if (held) parts.push(held);
  parts.push(sessionLength(summary.durationMs));
  const drop = sessionDrop(pauses);
  if (drop) parts.push(sessionDropText(drop, devicePlacement));
  return parts.join(FACT_SEPARATOR);
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-summary': BbSummary;
  }
}
