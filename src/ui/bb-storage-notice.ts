import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type HistoryState, recordedInAnotherTab } from '../app/history-model.ts';
import type { Persistence } from '../app/persistence.ts';
import { personLocale } from '../app/person-locale.ts';
import { RESUMABLE_FOR_MS } from '../app/resume-policy.ts';
import type { ExportFormat } from '../app/session-files.ts';
import type { StoreError } from '../store/errors.ts';
import type { SessionRow } from '../store/records.ts';
import { heldSoFarMs } from '../workout/held-seconds.ts';
import { staysPausedAfterInterruption } from '../workout/interruption.ts';
import { countUnit, exerciseById } from '../workout/program.ts';
import { anyKept, interruptedWhenText, keptSoFarText, type SetsKept } from '../workout/sets-kept.ts';
import { download } from './download.ts';
import { fileNotMadeWords } from './file-not-made.ts';
import { heldS, plural, sessionStartText } from './format.ts';
import { heldInMemoryNotice } from './held-in-memory.ts';
import { MediaQueryController } from './media-query.ts';
import { ObserveController } from './observe.ts';
import { buttonStyles, NARROW, visuallyHidden } from './styles.ts';

/**
 * What the main screen must say about storage: an unfinished session to resume (the app was closed
 * or crashed in the middle of one), or that sessions are no longer being saved and why.
 */
@customElement('bb-storage-notice')
export class BbStorageNotice extends LitElement {
  static override styles = [
    buttonStyles,
    visuallyHidden,
    css`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
      section {
        display: grid;
        gap: 0.75rem;
        padding: 1rem 1.25rem;
        margin: 0 auto 1rem;
        max-width: 44rem;
        border-radius: 0.75rem;
        border: 2px solid var(--bb-accent, #4ade80);
        font-size: 1.15rem;
      }
      section.problem {
        border-color: var(--bb-warn, #f59e0b);
      }
      p {
        margin: 0;
      }
      .choices {
        display: grid;
        gap: 0.75rem;
      }
      .choice p {
        margin: 0.35rem 0 0;
        font-size: 1rem;
        color: var(--bb-muted, #b6c2d1);
      }
      /*
       * One line of a phone, read from the mat 1.5 m away as the count is: at the notice's size, in
       * bold (at 0.9rem it could be read only by picking the phone up).
       */
      .brief {
        margin: 0 auto 0.5rem;
        max-width: 44rem;
        padding: 0.3rem 0.6rem;
        border-radius: 0.5rem;
        border: 2px solid var(--bb-warn, #f59e0b);
        font-size: 1.15rem;
        font-weight: 600;
        text-align: center;
      }
      /*
       * A phone this narrow (or its text at twice its size) has no room for it at that size: three
       * lines would push the count down. Small there, as it was, on two.
       */
      @media (max-width: 22rem) {
        .brief {
          font-size: 0.9rem;
          padding: 0.3rem 0.4rem;
        }
      }
      /*
       * Its few words, in the type of the line a set gives it, and "More" that opens the rest: the
       * whole of it took 364 px of a 320 px window, Start under it.
       */
      section.headlined {
        padding: 0.3rem 0.5rem;
        gap: 0.5rem;
        font-size: 0.9rem;
      }
      summary {
        display: block;
        min-height: 2.75rem;
        align-content: center;
        font-weight: 600;
        cursor: pointer;
      }
      summary::-webkit-details-marker {
        display: none;
      }
      .more {
        text-decoration: underline;
        color: var(--bb-accent, #4ade80);
      }
      details[open] .more {
        display: none;
      }
      details p {
        margin-top: 0.25rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
      /*
       * There too the notice's longest word on a button ("sessions" of Back up all sessions) is wider
       * than the room inside its border at the buttons' size: the button, and the words above it with
       * it, ran over the border. Its buttons are as a small phone's set controls are, in less padding.
       */
      @media (max-width: 22rem) {
        section {
          padding: 0.75rem;
        }
        .actions button {
          font-size: 1.1rem;
          padding-inline: 0.75rem;
        }
      }
    `,
  ];

  @property({ attribute: false }) persistence!: Persistence;
  /**
   * A set or a rest is on screen: a storage problem takes a line, not the screen a person on the mat
   * reads the count from; the summary says it beside the session's files.
   */
  @property({ type: Boolean }) compact = false;
  /**
   * The storage problem is said elsewhere: under Start on the start screen (see problemAlone), or in
   * the summary under it, in a line beside the session's files, its one set of them, so that "Session
   * done" and what was done come first on the screen. A session with no set done has no files there,
   * and needs no word about saving: it is not kept anyway.
   */
  @property({ type: Boolean, attribute: 'problem-said-below' }) problemSaidBelow = false;
  /**
   * The storage problem alone, none of the offers: on the start screen it is shown under Start (see
   * start-screen.ts), the offers to resume or move a session over the screen as before.
   */
  @property({ type: Boolean, attribute: 'problem-alone' }) problemAlone = false;
  /**
   * The set or rest on screen shows the problem's line itself, in the room kept under its number or
   * countdown (see BbSetView.notSavingLine, BbRestView.notSavingLine): here it is told to a screen
   * reader alone, where over the set or rest it took the heading, the count and every button down
   * 21–70 px as it came.
   */
  @property({ type: Boolean, attribute: 'problem-shown-in-session' }) problemShownInSession = false;

  /**
   * Why the last tap on a save button made no file (its writer could not be fetched, say), told beside
   * the buttons: the session is still held, to try again.
   */
  @state() private saveProblem: string | null = null;

  private history!: ObserveController<HistoryState>;
  private readonly narrowScreen = new MediaQueryController(this, NARROW);

  override connectedCallback(): void {
    // The controller needs the persistence, which is set before the element is attached.
    this.history ??= ObserveController.ofModel(this, this.persistence.history);
    super.connectedCallback();
  }

  override render() {
    const h = this.history.value;
    const {
      unfinished,
      unfinishedSets,
      unfinishedResumable,
      elsewhere,
      recordingId,
      movedAway,
      problem,
      hasCurrent,
    } = h;
    const shownElsewhere = elsewhere !== null && recordedInAnotherTab(h);
    if (this.problemAlone) return problem ? this.renderProblem(problem, hasCurrent, h.storeOpened) : null;
    return html`
      ${shownElsewhere ? this.renderElsewhere(elsewhere) : null}
      ${
        // Where the session went is said with the offer to move it back, when there is one.
        // Its OK described by the news it answers: in a screen reader's list of buttons, "OK" alone
        // says nothing.
        movedAway && !shownElsewhere
          ? html`<section role="status">
              <p id="moved-news"><strong>This session moved to another tab</strong> and is recorded there now. Everything up to the move is saved.</p>
              <div class="actions"><button class="quiet" aria-describedby="moved-news" @click=${() => this.answered(() => this.persistence.dismissMovedAway())}>OK</button></div>
            </section>`
          : null
      }
      ${
        unfinished && recordingId === null
          ? unfinishedResumable
            ? this.renderInterrupted(unfinished, unfinishedSets)
            : this.renderLeftTooLong(unfinished, unfinishedSets)
          : null
      }
      ${
        !problem || this.problemSaidBelow
          ? null
          : this.compact && hasCurrent
            ? html`<p class=${this.problemShownInSession ? 'visually-hidden' : 'brief'} role="alert">${problem.brief}</p>`
            : this.renderProblem(problem, hasCurrent, h.storeOpened)
      }
    `;
  }

  /**
   * Why sessions are not being saved, and the way to keep them: the session's own file, or a backup
   * of them all when several are held in memory only, or one that is not the last session.
   */
  private renderProblem(problem: StoreError, hasCurrent: boolean, storeOpened: boolean) {
    const { message, savesAll, button, headline } = heldInMemoryNotice(
      problem,
      this.persistence.sessionsHeldInMemory(),
      { lastAmongThem: hasCurrent, storeOpened, noneSaved: this.persistence.noneHeldInMemorySaved() },
    );
    const actions = savesAll
      ? html`<div class="actions"><button @click=${() => this.saveAll()}>${button}</button></div>`
      : hasCurrent
        ? html`<div class="actions">
            <button @click=${() => this.save('json')}>Save this session (JSON)</button>
            <button class="quiet" @click=${() => this.save('fit')}>Save as FIT</button>
          </div>`
        : null;
    const saveProblem = this.saveProblem ? html`<p class="save-problem">${this.saveProblem}</p>` : null;
    // On a phone with its text at twice its size, every store problem is its few words and More, its
    // message and buttons under them: whole, a store that failed after it had opened took 117–604 px
    // of a 320 px window on the start screen, Start under it at 742–822 px.
    if (this.narrowScreen.matches) {
      return html`<section class="problem headlined" role="alert">
        <details>
          <summary>${headline ?? withoutFullStop(problem.brief)}. <span class="more">More</span></summary>
          <p>${message}</p>
          ${actions}
        </details>
        ${saveProblem}
      </section>`;
    }
    return html`<section class="problem" role="alert">
      <p>${message}</p>
      ${actions}
      ${saveProblem}
    </section>`;
  }

  /** A session another tab records: it can be moved here, never resumed here as if interrupted. */
  private renderElsewhere(session: SessionRow) {
    const at = sessionStartText(session.startedAt, Date.now(), personLocale());
    const { moving, elsewhereSets, movedAway } = this.history.value;
    const kept = keptSoFarText(elsewhereSets);
    return html`<section aria-labelledby="elsewhere-title">
      <p id="elsewhere-title"><strong>Backbeat is recording in another tab</strong>: your session from ${at}${kept ? `, ${kept} so far` : ''}.${
        movedAway ? ' It moved there from this tab; everything up to the move is saved.' : ''
      }</p>
      <div class="choice">
        <button class="primary" aria-describedby="move-what" ?disabled=${moving} @click=${() => this.persistence.moveHere()}>
          ${moving ? 'Moving…' : 'Move the session here'}
        </button>
        <p id="move-what">That tab saves and stops; the session goes on here where it was.</p>
      </div>
    </section>`;
  }

  /**
   * What was under way when the app went away, and what each button does with it: its sets counted
   * as its summary will count them.
   */
  private renderInterrupted(unfinished: SessionRow, sets: SetsKept) {
    const at = sessionStartText(unfinished.startedAt, Date.now(), personLocale());
    const where = interruptedAt(unfinished);
    return html`<section aria-labelledby="resume-title">
      <p id="resume-title">
        <strong>Your session from ${at} was interrupted</strong> ${interruptedWhenText(sets, where?.during ?? null)}.
      </p>
      <div class="choices">
        <div class="choice">
          <button class="primary" aria-describedby="resume-what" @click=${() => this.persistence.resume()}>Resume where I was</button>
          <p id="resume-what">${resumeText(unfinished, where?.what ?? null)}; the time away is not counted.</p>
        </div>
        <div class="choice">
          <button class="quiet" aria-describedby="keep-what" @click=${() => this.answered(() => this.persistence.discardUnfinished())}>Keep it as it is</button>
          <p id="keep-what">${
            // Nothing done yet (its sets, if any, skipped before they counted anything): ended, the
            // session is dropped, as one finished before its first set is.
            !anyKept(sets) && !where?.kept
              ? 'Ends the session there; with no set done, it is not kept in your history.'
              : `Ends the session there and saves it in your history${where?.kept ? `, ${where.kept}` : ''}.`
          }</p>
        </div>
      </div>
    </section>`;
  }

  /**
   * A session left hours ago (last night's, closed in a rest): not gone on with, as its warm-up is
   * long lost and today's sets would be listed as last night's. It is kept as it was, now with OK or
   * with Start; the person is told so, and why.
   */
  private renderLeftTooLong(unfinished: SessionRow, sets: SetsKept) {
    const at = sessionStartText(unfinished.startedAt, Date.now(), personLocale());
    const where = interruptedAt(unfinished);
    const kept = anyKept(sets) || where?.kept;
    return html`<section aria-labelledby="left-title">
      <p id="left-title">
        <strong>Your session from ${at} was interrupted</strong> ${interruptedWhenText(sets, where?.during ?? null)}.
        ${
          kept
            ? `That was over ${RESUMABLE_FOR_MS / 3_600_000} hours ago, too long to go on with: it is kept in your history as it was, and Start begins a new session.`
            : `That was over ${RESUMABLE_FOR_MS / 3_600_000} hours ago, too long to go on with; with no set done, it is not kept.`
        }
      </p>
      <div class="actions"><button class="quiet" aria-describedby="left-title" @click=${() => this.answered(() => this.persistence.discardUnfinished())}>OK</button></div>
    </section>`;
  }

  /**
   * An answer that takes its notice away with the focus on it: the screen under the notice is asked
   * to take the focus first, where it was lost to the page's body and a screen reader began again at
   * the page's top.
   */
  private answered(answer: () => void): void {
    if (this.shadowRoot?.activeElement)
      this.dispatchEvent(new CustomEvent('bb-notice-answered', { bubbles: true, composed: true }));
    answer();
  }

  /**
   * The backup holds every session, those held in memory only among them (Persistence.backup); of a
   * store failed for another reason than room, only those.
   */
  private async saveAll(): Promise<void> {
    this.saveProblem = null;
    try {
      download(await this.persistence.backup());
    } catch (error) {
      // The backup's own words name it: "The backup could not be made: …".
      this.saveProblem = error instanceof Error ? error.message : String(error);
    }
  }

  private async save(format: ExportFormat): Promise<void> {
    this.saveProblem = null;
    try {
      const file = await this.persistence.exportCurrent(format);
      if (file) download(file);
    } catch (error) {
      this.saveProblem = fileNotMadeWords(format, error);
    }
  }
}

/** A store problem's brief as a headline, which "More" follows after a full stop of its own. */
function withoutFullStop(brief: string): string {
  return brief.replace(/\.$/, '');
}

/**
 * What Resume does: goes on, or comes back paused where the person (or a device) paused it, as
 * afterInterruption does.
 */
function resumeText(row: SessionRow, what: string | null): string {
  if (row.snapshot && staysPausedAfterInterruption(row.snapshot)) {
    return what ? `Comes back paused at ${what}` : 'Comes back paused where it stopped';
  }
  return what ? `Goes on with ${what}` : 'Goes on from where it stopped';
}

/** The set that was under way when the app went away, from the session's last saved state. */
function interruptedAt(row: SessionRow): { during: string; what: string; kept: string | null } | null {
  const snapshot = row.snapshot;
  const planned = snapshot ? row.plan[snapshot.exerciseIndex] : undefined;
  if (!snapshot || !planned) return null;
  const exercise = exerciseById(planned.exerciseId);
  if (snapshot.phase === 'rest') {
    return { during: 'in a rest', what: 'the rest before the next set', kept: null };
  }
  if (snapshot.phase !== 'set' || !snapshot.set) return null;
  const name = `${exercise.name} set ${snapshot.set.setNumber}`;
  const { count } = snapshot.set;
  let progress: string | null = null;
  // A hold cannot go on from where it was: resumed, it is timed from the start again (afterInterruption).
  let what = name;
  const heldMs = heldSoFarMs(snapshot.set, snapshot.nowMs);
  // The person drawing in after "Go", not yet seen still again: Keep, as Finish, keeps no hold the
  // detectors did not see, though the clock stood at what was held before the movement.
  const settling = snapshot.set.settlingInMs !== undefined;
  if (exercise.kind === 'hold' && heldMs !== null) {
    progress = `${heldS(heldMs)} s held`;
    what = `${name}, its hold timed again from the start`;
  } else if (count > 0) {
    progress = plural(count, countUnit(exercise));
    what = `${name} from ${progress}`;
  }
  return {
    during: `in the middle of ${name}${progress ? ` (${progress})` : ''}`,
    what,
    kept: progress && !settling ? `with the ${progress} of ${name}` : null,
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-storage-notice': BbStorageNotice;
  }
}
