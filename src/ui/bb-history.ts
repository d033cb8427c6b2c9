import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { devicesNamedIn } from '../app/device-source.ts';
import {
  anyBeingRecorded,
  type HistoryState,
  type LongTask,
  type PartlyDamaged,
  type SessionSets,
} from '../app/history-model.ts';
import { formatBytes, KEEP_ALL, RETENTION_MONTHS, sameRetention } from '../app/motion-retention.ts';
import type { Persistence } from '../app/persistence.ts';
import { personLocale } from '../app/person-locale.ts';
import type { ExportedFile, ExportFormat } from '../app/session-files.ts';
import type { SessionRow } from '../store/records.ts';
import type { MotionRetention } from '../store/retention.ts';
import { droppedPlacement, sessionDrop, sessionDropText, sessionPauses } from '../workout/device-drops.ts';
import { backupButtonName } from './backup-name.ts';
import './bb-set-heart-rates.ts';
import './bb-sets-table.ts';
import { NO_SESSIONS_YET } from './bb-progress-chart.ts';
import { download, FILE_KINDS, fileButtons } from './download.ts';
import { sendCommand } from './events.ts';
import { fileNotMadeWords } from './file-not-made.ts';
import { describeSessionFacts, FACT_SEPARATOR } from './format.ts';
import { importBarred, keptUntilTabCloses, sessionsUnread } from './history-store-words.ts';
import { ObserveController } from './observe.ts';
import { scrollPageBy, scrollToShowOnPage } from './scroll-page.ts';
import { sessionTimes } from './session-times.ts';
import {
  backButton,
  buttonStyles,
  cardListStyles,
  factStyles,
  factsLine,
  fieldStyles,
  headingFocusedByApp,
  jsonFileButton,
  screenTitleStyles,
  visuallyHidden,
} from './styles.ts';
import { tellsHeartRate } from './summary-heart.ts';

/**
 * The chart of reps while it has nothing to draw and the lat pulldown's chart has: its reps are
 * charted apart, by its weight (see Progress.pulldownReps), and after a session of lat pulldowns alone
 * (a watch counts little else), "No sessions with this yet" over its chart of them read as History
 * losing the session. With no lat pulldown either, it says so, as every chart does.
 */
const REPS_CHART_EMPTY =
  "No superman, glute bridge or bird dog yet: the lat pulldown's reps have their own chart below.";

/**
 * The lat pulldown's weight chart while its weeks have reps and no weight: the program gives it none
 * and the plan asks for one logged in Settings, so a person who has not logged one yet has weeks of
 * lat pulldowns, and "No sessions with this yet" over them read as History losing them.
 */
const PULLDOWN_WEIGHT_EMPTY =
  'No weight logged with your lat pulldowns yet: log one in Settings, and it is charted here.';

/**
 * What History says before the first session, in place of its charts and its list: what it will hold,
 * and the two ways to fill it.
 */
const NOTHING_YET =
  'No sessions saved yet. Do a session, and it is listed here with your reps, holds and heart rate charted week by week; or bring your sessions in from a backup with Import a file.';

/**
 * The heart rate chart's scale starts under its lowest week and spans at least this, bpm: a few beats
 * of change are seen, and a beat is not the whole height (see valueAxis).
 */
const HEART_RATE_SCALE = { minSpan: 20 } as const;

/**
 * The holds' chart with none to draw: where the only holds were broken by a pause, which it leaves out
 * (the next day's plan takes no step from them), it says so; "No sessions with this yet" over them read
 * as History losing the session.
 */
export function holdsChartEmpty(brokenHolds: number): string {
  if (brokenHolds === 0) return NO_SESSIONS_YET;
  return brokenHolds === 1
    ? 'Your only hold so far was broken by a pause, and is not charted.'
    : `Your ${brokenHolds} holds so far were each broken by a pause, and are not charted.`;
}

/**
 * A session's line: its summary's facts, and the time it stood still for a device out of reach, as
 * its summary said it at its end (see summarise).
 */
function sessionFacts(s: SessionRow): string {
  const drop = sessionDrop(sessionPauses(s));
  const facts = describeSessionFacts(s.summary);
  return drop ? `${facts}${FACT_SEPARATOR}${sessionDropText(drop, droppedPlacement(s.sources))}` : facts;
}

const RETENTION_OPTIONS: readonly { value: string; label: string; retention: MotionRetention }[] = [
  { value: 'all', label: 'all of it', retention: KEEP_ALL },
  ...RETENTION_MONTHS.map((months) => ({
    value: String(months),
    label: `for the last ${months} months`,
    retention: { keep: 'months', months } as const,
  })),
  { value: 'none', label: 'none: remove it after each session', retention: { keep: 'none' } },
];

function describeRetention(retention: MotionRetention): string {
  switch (retention.keep) {
    case 'all':
      return 'All raw motion is kept.';
    case 'months':
      return `Raw motion older than ${retention.months} months is removed when Backbeat opens.`;
    case 'none':
      return 'Raw motion is removed once a session ends (export it from the summary first if you want it).';
  }
}

/** "20 of 470 sessions shown", or nothing when all are. */
function shownOf(shown: number, count: number): string {
  return shown < count ? `${shown} of ${count} sessions shown` : '';
}

/**
 * One session's sets opened in the list: being read, read, or why not, as of its row written at
 * `updatedAt`. Read when asked, one session's at a time: years of sessions' sets are not read to list
 * them.
 */
type SetsShown = { readonly updatedAt: number } & (
  | { readonly kind: 'reading' }
  | { readonly kind: 'read'; readonly sets: SessionSets }
  | { readonly kind: 'gone' }
  | { readonly kind: 'failed'; readonly why: string }
);

/**
 * The history: the whole store's backup, import and deletion, the progress charts, then every saved
 * session with its exports. Deleting asks once more in place rather than in a browser dialog.
 */
@customElement('bb-history')
export class BbHistory extends LitElement {
  static override styles = [
    buttonStyles,
    cardListStyles,
    fieldStyles,
    visuallyHidden,
    factStyles,
    headingFocusedByApp,
    screenTitleStyles,
    css`
      :host {
        display: grid;
        gap: 1.5rem;
        width: min(100%, 60rem);
        color: var(--bb-text, #f5f7fa);
      }
      p {
        margin: 0;
      }
      .tools {
        display: grid;
        gap: 0.5rem;
      }
      /* Grid items may shrink below their content: a wide table scrolls in its box, not the page. */
      :host > *,
      .sessions > *,
      .charts > *,
      .pair > * {
        min-width: 0;
      }
      /* The lat pulldown's weight and its reps, each on its own axis: side by side where both fit at a
         readable width, one under the other on a phone. */
      .pair {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
        gap: 1.5rem;
      }
      h2 {
        margin: 0;
        font-size: clamp(1.75rem, 5vmin, 2.5rem);
      }
      /* The question's words and answers lie among the buttons as the Delete they stand in for did. */
      .asking {
        display: contents;
      }
      .actions,
      .session-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .session-actions button,
      .actions button,
      .file {
        font-size: 1rem;
        min-height: 2.75rem;
      }
      .file {
        box-sizing: border-box;
        display: inline-flex;
        align-items: center;
        /* Its words wrapped (a 180 px screen) centred, as a button's are. */
        justify-content: center;
        text-align: center;
        padding: 0.5rem 1.25rem;
        border-radius: 0.75rem;
        border: 2px solid var(--bb-border, #3b4656);
        background: var(--bb-button, #1c2430);
        font-weight: 600;
        cursor: pointer;
      }
      .file:hover {
        border-color: var(--bb-accent, #4ade80);
      }
      /* Greyed out as a disabled button is: a tap on it would seem lost. */
      .file:has(input:disabled) {
        opacity: 0.45;
        cursor: not-allowed;
        border-color: var(--bb-border, #3b4656);
      }
      /* A file's button is the label round its hidden input: it rings as a button does, for the keyboard. */
      .file:has(:focus-visible) {
        outline: 4px solid var(--bb-focus, #facc15);
        outline-offset: 2px;
      }
      li.deleted {
        border-style: dashed;
        font-weight: 600;
      }
      .when {
        font-weight: 700;
        font-size: 1.15rem;
      }
      .facts,
      .sources {
        color: var(--bb-muted, #b6c2d1);
      }
      .problem {
        border: 2px solid var(--bb-warn, #f59e0b);
        border-radius: 0.75rem;
        padding: 0.75rem 1rem;
      }
      .offer {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        border: 2px solid var(--bb-accent, #4ade80);
        border-radius: 0.75rem;
        padding: 0.75rem 1rem;
      }
      .offer p,
      .problem.choice p {
        flex-basis: 100%;
        margin: 0;
      }
      .problem.choice {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .current {
        border: 2px solid var(--bb-rest, #60a5fa);
        border-radius: 0.75rem;
        padding: 0.75rem 1rem;
        display: grid;
        gap: 0.5rem;
      }
      h3 {
        margin: 0;
        font-size: clamp(1.4rem, 4vmin, 1.9rem);
      }
      /* Reached by Go to sessions: moved to the top of the screen, which says where the tap led. */
      h3:focus {
        outline: none;
      }

      .sessions {
        display: grid;
        gap: 0.75rem;
      }
      .charts {
        display: grid;
        gap: 1.5rem;
        /* Grid items are as wide as their content by default: a chart drawn wide (before a phone
           turned, or a window narrowed) would hold the page wide and never learn it may shrink. */
        min-width: 0;
      }
      .task {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 0.75rem;
        align-items: center;
      }
      .task progress {
        flex: 1 1 10rem;
        height: 1.25rem;
        accent-color: var(--bb-accent, #4ade80);
      }
      .more {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      .space {
        display: grid;
        /* As wide as the screen, not as its widest choice: a long one wraps under its words. */
        grid-template-columns: minmax(0, 1fr);
        gap: 0.75rem;
      }
      /*
       * A finger's 44 px, as the charts' Numbers, its one line in the middle: 0.6rem round it left it
       * 40 px. A list item still, as a flex box it lost its disclosure triangle.
       */
      .space summary {
        font-weight: 700;
        font-size: 1.15rem;
        cursor: pointer;
        box-sizing: border-box;
        min-height: 2.75rem;
        padding-block: max(0px, calc((2.75rem - 1lh) / 2));
      }
      .space select {
        margin-left: 0.5rem;
        max-width: calc(100% - 0.5rem);
      }
      button.danger {
        border-color: var(--bb-danger, #f87171);
      }
    `,
  ];

  @property({ attribute: false }) persistence!: Persistence;
  /** Opened in the middle of a session (during a rest): that session can be saved as it is so far. */
  @property({ type: Boolean, attribute: 'session-running' }) sessionRunning = false;

  /** The session whose deletion waits for a second click; 'all' for everything. */
  @state() private confirming: string | null = null;
  @state() private busy = false;
  /** A raw-motion setting picked but not yet applied (it may delete data: it waits for a button). */
  @state() private retentionChoice: MotionRetention | null = null;
  /**
   * The raw-motion setting the store is applying: freeing a year of sessions takes seconds, and the
   * menu holds the person's choice until it is done rather than going back to the setting it replaces.
   */
  @state() private retentionApplying: MotionRetention | null = null;
  @state() private error: string | null = null;
  /**
   * Where in the list the session just deleted was: the word that it went is shown there, where the
   * person is looking, which on a phone is far below the notice under the buttons.
   */
  @state() private deletedAt: number | null = null;
  /**
   * The session the store is deleting, and where in the list it was: until the store answers, its row
   * says so, then a line in its place does, and the keyboard's focus stays on them (see updated).
   */
  @state() private deleting: { readonly id: string; readonly at: number } | null = null;

  /** The sessions whose sets are open, by id (see SetsShown). */
  @state() private setsShown: ReadonlyMap<string, SetsShown> = new Map();

  private history!: ObserveController<HistoryState>;

  override connectedCallback(): void {
    // The controller needs the persistence, which is set before the element is attached.
    this.history ??= ObserveController.ofModel(this, this.persistence.history);
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    // The place of a session just deleted is this visit's (the app dismisses its notice as it closes
    // the history).
    this.deletedAt = null;
    super.disconnectedCallback();
  }

  /** Something asked here is under way, or a backup or an import begun on an earlier visit. */
  private get working(): boolean {
    return this.busy || this.history.value.task !== null;
  }

  protected override willUpdate(): void {
    // A session listed anew since its sets were read (the whole of one cut short when storage filled
    // imported over it, or recorded on in another tab): they are read again, as its line is, the
    // table read before shown meanwhile.
    for (const row of this.history.value.sessions) {
      const shown = this.setsShown.get(row.id);
      if (!shown || shown.updatedAt === row.updatedAt) continue;
      this.setsShown = new Map(this.setsShown).set(row.id, { ...shown, updatedAt: row.updatedAt });
      void this.readSets(row.id, row.updatedAt);
    }
  }

  protected override updated(): void {
    // A render that took away what had the focus while a session is deleted (the answer tapped, then
    // the session's row) gives it in the same task to what stands in their place: left on the page's
    // body for a frame, a screen reader starts again from the top of the page.
    if (this.deleting && !this.shadowRoot!.activeElement && document.activeElement === document.body)
      this.firstOf('.deleting', 'li.deleted', 'h2')?.focus({ preventScroll: true });
  }

  override render() {
    const h = this.history.value;
    const count = h.sessionCount;
    // Those memory alone holds, the one under way among them while the store does not save it.
    const held = this.persistence.sessionsHeldInMemory();
    const backUp = backupButtonName({
      savedSessions: count,
      // Under way, or ended and kept while the browser did not let Backbeat save: the backup takes
      // them from memory, the one under way even while the store saves it. Not one deleted, or not
      // kept: the backup leaves it out.
      sessionsInMemory: Math.max(held, this.sessionRunning ? 1 : 0),
      settings: this.persistence.backupHoldsSettings,
    });
    const importBarredNow = h.storage === 'memory' ? importBarred(h.problem) : null;
    const unread =
      (h.storeOpened ? null : sessionsUnread(h.problem)) ??
      keptUntilTabCloses(h.problem, h.storeOpened, held - (h.recordingId === null ? 0 : 1));
    const times = sessionTimes(h.sessions, personLocale(), h.unlistedOfLastMinute);
    const rows = h.sessions.map((s, i) => this.renderSession(s, times[i]!));
    const deleting = this.deleting;
    const goneFromList = deleting !== null && !h.sessions.some((s) => s.id === deleting.id);
    const deletedAt =
      rows.length === 0 ? null : goneFromList ? deleting.at : h.notice !== null ? this.deletedAt : null;
    if (deletedAt !== null)
      rows.splice(deletedAt, 0, html`<li class="deleted" tabindex="-1">${h.notice ?? 'Deleting…'}</li>`);
    return html`
      <div class="title">
        ${
          // In a rest the way back to it is above the history already, with the time left.
          this.sessionRunning ? null : backButton(() => sendCommand(this, 'bb-close-history'))
        }
        ${
          // The charts come first ("am I improving?"), and on a phone they are some 3,000 px: the way
          // to the latest session is up here beside Back, on the first screen and the keyboard's second
          // stop. Above the heading, not between it and the backup buttons: opened from Settings with
          // text at twice its size, the heading and Back up everything just fit on the screen together.
          count > 0
            ? html`<button class="quiet" @click=${this.goToSessions}>Go to sessions<span aria-hidden="true"> ↓</span></button>`
            : null
        }
        <h2 tabindex="-1">History</h2>
      </div>
      ${this.sessionRunning ? this.renderCurrent() : null}
      ${
        h.persisted === false
          ? html`<p class="facts">Saved in this browser, which may clear it when the device runs low on space: back up now and then.</p>`
          : null
      }
      <div class="tools">
      ${h.task ? this.renderTask(h.task) : null}
      <div class="actions">
        ${backUp ? html`<button @click=${this.onBackup} ?disabled=${this.working}>${backUp}</button>` : null}
        ${
          // None saved, the session under way has its own CSV above.
          count > 0
            ? html`<button @click=${this.onHistoryCsv} ?disabled=${this.working}>All sessions as CSV</button>`
            : null
        }
        ${
          // A store that has stopped saving (storage off, full, an older tab) would refuse any file: the
          // person learns it here, before looking for their backup, and the button waits greyed out.
          jsonFileButton(
            'Import a file',
            'file',
            this.onImport,
            this.working || importBarredNow !== null,
            importBarredNow === null ? null : 'import-barred',
          )
        }
        ${
          // Deleting is for between sessions: the session being recorded, here or in another tab, would
          // be written back at once. Sessions are all it deletes (the settings, and what was learned of
          // how the person moves, stay), so with none saved it is not offered, a button of nothing.
          this.sessionRunning || anyBeingRecorded(h) || count === 0
            ? null
            : this.confirming === 'all'
              ? html`<span class="asking" role="group" aria-labelledby="delete-all-question">
                  <span id="delete-all-question">${count === 1 ? 'Delete the one saved session for good?' : `Delete all ${count} sessions for good?`}</span>
                  <button class="danger" @click=${this.onDeleteAll}>${count === 1 ? 'Yes, delete it' : 'Yes, delete them all'}</button>
                  <button class="quiet keep" @click=${this.keepSessions}>${count === 1 ? 'Keep it' : 'Keep them'}</button>
                </span>`
              : html`<button class="danger delete-all" ?disabled=${this.working} @click=${() => this.askBeforeDeleting('all')}>
                Delete all sessions
              </button>`
        }
      </div>
      ${importBarredNow === null ? null : html`<p class="facts" id="import-barred">${importBarredNow}</p>`}
      <div class=${deletedAt === null ? 'notice' : 'notice visually-hidden'} role="status">${this.error ? null : h.notice}</div>
      ${
        h.offeredPreferences
          ? html`<div class="offer">
              <p>The backup also holds its settings (exercises, doses, voice, heart-rate zones) and what the app learned of how you move. Use them here?</p>
              <button @click=${() => this.persistence.usePreferences()}>Use the backup's settings</button>
              <button class="quiet" @click=${() => this.persistence.keepPreferences()}>Keep this device's</button>
            </div>`
          : null
      }
      ${this.error ? html`<div class="problem" role="alert">${this.error}</div>` : null}
      ${
        // Refused as a damaged file is, with the way to the sessions it can read: a backup may be the
        // person's only copy of them.
        h.partlyDamaged
          ? html`<div class="problem choice" role="alert">
              <p>${h.partlyDamaged.notice}</p>
              <button ?disabled=${this.working} @click=${() => this.onImportOthers(h.partlyDamaged!)}>${h.partlyDamaged.button}</button>
              <button class="quiet" ?disabled=${this.working} @click=${() => this.persistence.keepOutPartlyDamaged()}>Import none</button>
            </div>`
          : null
      }
      </div>
      ${
        // Before the list, whose length grows with the years: "am I improving?" is answered under the
        // buttons, not below every session's exports, on screen and to a keyboard or a screen reader.
        // With no session, eight charts each saying it has none were eight empty boxes down a phone's
        // screen: what History holds is said once instead (see NOTHING_YET).
        h.progress && count > 0 ? this.renderCharts(h) : null
      }
      ${
        count === 0
          ? html`<p>${unread ?? (this.sessionRunning ? 'No earlier sessions yet.' : NOTHING_YET)}</p>`
          : html`<section class="sessions" aria-labelledby="sessions-title">
              <h3 id="sessions-title" tabindex="-1">Sessions</h3>
              ${
                // Said once over every session's row of files: in each row it would double the list.
                html`<p class="facts">${FILE_KINDS}</p>`
              }
              <ul class="cards" aria-label="Saved sessions">${rows}</ul>
              <div class="more">
                <span class="facts">${shownOf(h.sessions.length, count)}</span>
                ${
                  // Greyed out while anything runs, though not disabled: a disabled button loses the
                  // keyboard's focus, which the page it reads would otherwise find on the page's body.
                  h.sessions.length < count
                    ? html`<button aria-disabled=${this.working ? 'true' : 'false'} @click=${this.onShowOlder}>Show older sessions</button>`
                    : null
                }
              </div>
            </section>`
      }
      ${h.sessionCount > 0 ? this.renderSpace(h) : null}
    `;
  }

  /**
   * The session under way: saved as it goes unless the store has stopped saving (as the header says),
   * and to be taken as a file as it is so far.
   */
  private renderCurrent() {
    const saving = this.history.value.storage !== 'memory';
    return html`<section class="current" aria-labelledby="current-title">
      <p id="current-title"><strong>This session so far</strong> ${
        saving ? 'is saved as it goes.' : 'is not being saved: take it as a file to keep it.'
      }</p>
      <div class="session-actions">
        ${fileButtons('Save this session so far', (format) => this.exportCurrent(format))}
      </div>
    </section>`;
  }

  private renderTask(task: LongTask) {
    const percent = task.total > 0 ? Math.floor((100 * task.done) / task.total) : 0;
    return html`<div class="task">
      <span id="task-label">${task.cancelling ? 'Cancelling…' : task.label}</span>
      <progress aria-labelledby="task-label" max="100" value=${percent}></progress>
      <span aria-hidden="true">${percent} %</span>
      <button class="quiet" ?disabled=${task.cancelling} @click=${() => this.persistence.cancelTask()}>Cancel</button>
    </div>`;
  }

  /** A session's row, `when` it began (see sessionTimes) naming it and its buttons. */
  private renderSession(s: SessionRow, when: string) {
    const live = this.persistence.isBeingRecorded(s.id);
    const shown = this.setsShown.get(s.id);
    return html`<li data-session=${s.id}>
      <div class="when">${when}${live ? ' (being recorded)' : s.status === 'active' ? ' (unfinished)' : ''}</div>
      <div class="facts">${factsLine(sessionFacts(s))}</div>
      ${s.motionDropped ? html`<div class="sources">Raw motion removed to free space</div>` : null}
      ${s.sources.length ? html`<div class="sources">With ${devicesNamedIn(s.sources).join(', ')}</div>` : null}
      <div class="session-actions">
        <button
          aria-expanded=${shown ? 'true' : 'false'}
          aria-controls=${shown ? `sets-${s.id}` : nothing}
          aria-label="Sets of ${when}"
          @click=${() => this.toggleSets(s)}
        >Sets<span aria-hidden="true"> ${shown ? '▴' : '▾'}</span></button>
        <button @click=${() => this.export(s.id, 'fit')} aria-label="Export ${when} as FIT">FIT</button>
        <button @click=${() => this.export(s.id, 'csv')} aria-label="Export ${when} as CSV">CSV</button>
        <button @click=${() => this.export(s.id, 'json')} aria-label="Export ${when} as JSON">JSON</button>
        ${
          // The session being recorded would be written back at once: it is deleted once it has ended.
          live
            ? null
            : this.deleting?.id === s.id
              ? html`<span class="deleting" tabindex="-1">Deleting…</span>`
              : this.confirming === s.id
                ? html`<span class="asking" role="group" aria-label="Delete ${when} for good?">
                  <button class="danger" @click=${() => this.onDelete(s.id)}>Yes, delete it</button>
                  <button class="quiet keep" @click=${this.keepSessions}>Keep it</button>
                </span>`
                : html`<button class="danger" @click=${() => this.askBeforeDeleting(s.id)} aria-label="Delete ${when}">Delete</button>`
        }
      </div>
      ${shown ? this.renderSets(s, when, shown) : null}
    </li>`;
  }

  /** Under the buttons, the Sets button among them staying where it was tapped. */
  private renderSets(s: SessionRow, when: string, shown: SetsShown) {
    const id = s.id;
    switch (shown.kind) {
      case 'read': {
        const { records, plan, heart } = shown.sets;
        // The sets' heart rate under them, as the summary told it at the session's end.
        return html`<bb-sets-table id=${`sets-${id}`} .records=${records} .plan=${plan} .pauses=${sessionPauses(s) ?? []} .devicePlacement=${droppedPlacement(s.sources)} label="Sets of ${when}"></bb-sets-table>
          ${tellsHeartRate(records, heart) ? html`<bb-set-heart-rates level="4" .records=${records} .heart=${heart}></bb-set-heart-rates>` : null}`;
      }
      case 'reading':
        return html`<p id=${`sets-${id}`} class="facts">Reading its sets…</p>`;
      case 'gone':
        return html`<p id=${`sets-${id}`} class="problem">This session is no longer here.</p>`;
      case 'failed':
        return html`<p id=${`sets-${id}`} class="problem">Its sets could not be read: ${shown.why}</p>`;
    }
  }

  private toggleSets({ id, updatedAt }: SessionRow): void {
    const shown = new Map(this.setsShown);
    if (shown.delete(id)) {
      this.setsShown = shown;
      return;
    }
    this.setsShown = shown.set(id, { kind: 'reading', updatedAt });
    void this.readSets(id, updatedAt);
  }

  private async readSets(id: string, updatedAt: number): Promise<void> {
    let read: SetsShown;
    try {
      const sets = await this.persistence.setsOfSession(id);
      read = sets ? { kind: 'read', sets, updatedAt } : { kind: 'gone', updatedAt };
    } catch (error) {
      read = { kind: 'failed', why: error instanceof Error ? error.message : String(error), updatedAt };
    }
    // Closed meanwhile, it stays closed; listed anew meanwhile, the later read tells it.
    if (this.setsShown.get(id)?.updatedAt === updatedAt)
      this.setsShown = new Map(this.setsShown).set(id, read);
  }

  private renderCharts(h: HistoryState) {
    const p = h.progress!;
    return html`<section class="charts" aria-labelledby="progress-title">
      <h3 id="progress-title">Progress</h3>
      <bb-progress-chart
        heading="Reps: best set of the week"
        empty=${p.pulldownReps.lines.length > 0 ? REPS_CHART_EMPTY : NO_SESSIONS_YET}
        .series=${p.bestSetReps}
      ></bb-progress-chart>
      <div class="pair">
        <bb-progress-chart
          heading="Lat pulldown: weight (kg)"
          empty=${p.pulldownReps.lines.length > 0 ? PULLDOWN_WEIGHT_EMPTY : NO_SESSIONS_YET}
          .series=${p.pulldownWeight}
        ></bb-progress-chart>
        <bb-progress-chart heading="Lat pulldown: best set (reps)" .series=${p.pulldownReps}></bb-progress-chart>
      </div>
      <bb-progress-chart
        heading="Longest hold of the week"
        empty=${holdsChartEmpty(p.brokenHolds)}
        .series=${p.holds}
      ></bb-progress-chart>
      <bb-progress-chart
        heading="Superman range of motion by week"
        empty="No sessions with this yet: a strap with a motion sensor, or the virtual strap, measures it."
        .series=${p.supermanRange}
      ></bb-progress-chart>
      <bb-progress-chart heading="Heart rate by week" .series=${p.heartRate} .fromUnder=${HEART_RATE_SCALE}></bb-progress-chart>
      <bb-progress-chart heading="Heart rate recovery by week" .series=${p.recovery}></bb-progress-chart>
      <bb-progress-chart heading="Breath cycles: best set of the week" .series=${p.bestSetBreaths}></bb-progress-chart>
    </section>`;
  }

  /**
   * How much space raw motion takes and how long it is kept. Counted only when opened: it reads every
   * session's row, which the history itself never needs to.
   */
  private renderSpace(h: HistoryState) {
    const motion = h.motion;
    const applying = this.retentionApplying;
    const chosen = applying ?? this.retentionChoice ?? motion?.retention ?? KEEP_ALL;
    const preview = motion ? this.persistence.retentionPreview(chosen) : null;
    const changed = motion !== null && !sameRetention(chosen, motion.retention);
    return html`<details class="space" @toggle=${this.onSpaceToggle}>
      <summary>Space: raw motion</summary>
      ${
        motion
          ? html`<p>
                Raw motion (the accelerometer's samples, for replays and full exports) takes
                <strong>${formatBytes(motion.bytes)}</strong> over ${motion.sessions} session${motion.sessions === 1 ? '' : 's'}.
                Sets, reps, holds, heart rate and summaries are small and kept for good whatever you choose here.
              </p>
              <label>Keep raw motion
                <select @change=${this.onRetentionChoice} ?disabled=${applying !== null}>
                  ${RETENTION_OPTIONS.map(
                    (option) =>
                      html`<option value=${option.value} ?selected=${sameRetention(option.retention, chosen)}>${option.label}</option>`,
                  )}
                </select>
              </label>
              ${
                applying
                  ? html`<p class="facts">${preview!.sessions ? 'Freeing…' : 'Saving…'}</p>`
                  : changed
                    ? html`<p class="free">
                        ${preview!.sessions ? `This frees ${formatBytes(preview!.bytes)} now: the raw motion of ${preview!.sessions} session${preview!.sessions === 1 ? '' : 's'} goes for good.` : 'Nothing has to go now.'}
                      </p>
                      <div class="actions">
                        <button class=${preview!.sessions ? 'danger' : ''} @click=${() => this.onApplyRetention(chosen)} ?disabled=${this.working}>
                          ${preview!.sessions ? `Free ${formatBytes(preview!.bytes)}` : 'Save'}
                        </button>
                        <button class="quiet" @click=${() => (this.retentionChoice = null)}>Keep as it is</button>
                      </div>`
                    : html`<p class="facts">${describeRetention(chosen)}</p>`
              }`
          : html`<p class="facts">Counting…</p>`
      }
    </details>`;
  }

  private async export(id: string, format: ExportFormat): Promise<void> {
    await this.run(() => this.exportFile(format, () => this.persistence.exportSession(id, format)));
  }

  private async exportCurrent(format: ExportFormat): Promise<void> {
    await this.run(() => this.exportFile(format, () => this.persistence.exportCurrent(format)));
  }

  /** A file that could not be made is named by its kind: the writer's words say only why. */
  private async exportFile(format: ExportFormat, make: () => Promise<ExportedFile | null>): Promise<void> {
    const file = await make().catch((error: unknown) => {
      throw new Error(fileNotMadeWords(format, error));
    });
    if (file) download(file);
  }

  private onBackup = async (): Promise<void> => {
    await this.run(async () => {
      const file = await this.persistence.runTask(
        'Backing up',
        'Backup cancelled: no file was made.',
        (options) => this.persistence.backup(options),
      );
      if (file) download(file);
    });
  };

  private onSpaceToggle = (event: Event): void => {
    if ((event.target as HTMLDetailsElement).open) void this.run(() => this.persistence.loadMotion());
  };

  private onRetentionChoice = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.retentionChoice = RETENTION_OPTIONS.find((o) => o.value === value)?.retention ?? null;
  };

  private async onApplyRetention(retention: MotionRetention): Promise<void> {
    this.retentionChoice = null;
    this.retentionApplying = retention;
    await this.run(() => this.persistence.setRetention(retention));
    this.retentionApplying = null;
  }

  private onHistoryCsv = async (): Promise<void> => {
    await this.run(async () => download(await this.persistence.historyCsv()));
  };

  private onImport = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await this.run(async () => {
      await this.persistence.runTask('Importing', 'Import cancelled: nothing was imported.', (options) =>
        this.persistence.restore(file, options),
      );
    });
    // On a phone the buttons push what the import did below the fold: the list under it grows, or
    // nothing seems to happen at all.
    await this.bringIntoView('.tools > .problem', '.tools > .offer', '.tools > .notice');
  };

  /** Imports a damaged backup's readable sessions, the person having chosen to, without the others. */
  private async onImportOthers(choice: PartlyDamaged): Promise<void> {
    await this.run(async () => {
      await this.persistence.runTask('Importing', 'Import cancelled: nothing was imported.', (options) =>
        this.persistence.restore(choice.file, options, { leaveOutDamaged: true, choice }),
      );
    });
    await this.bringIntoView('.tools > .problem', '.tools > .offer', '.tools > .notice');
    // The choice back (storage was full) is read from its first words, which the tap, made a scroll
    // below them on a small screen, leaves above it when scrolled only as far as needed.
    const shown = this.renderRoot.querySelector('.tools > .problem.choice');
    if (shown && shown.getBoundingClientRect().top < 0) shown.scrollIntoView({ block: 'start' });
  }

  /**
   * Opened for its backups (from Settings): the backup and import buttons come into view under the
   * heading that says where the tap led (on a phone with large text, where not all fit, the heading and
   * the backup, or Import a file while there is nothing to back up), and the keyboard's focus is on the
   * first of them.
   */
  async showBackups(): Promise<void> {
    await this.updateComplete;
    const heading = this.renderRoot.querySelector('h2');
    const actions = this.renderRoot.querySelector('.tools > .actions');
    const first = this.renderRoot.querySelector<HTMLElement>(
      '.tools > .actions > button:not(:disabled), .tools > .actions > .file',
    );
    if (!heading || !actions || !first) return;
    scrollToShowOnPage(heading, actions, first);
    (first.querySelector('input') ?? first).focus({ preventScroll: true });
  }

  /**
   * The Sessions heading at the top of the screen, the latest session under it, and the keyboard's
   * focus on the heading: the next Tab is that session's first button.
   */
  private goToSessions = (): void => {
    const heading = this.renderRoot.querySelector<HTMLElement>('#sessions-title');
    if (!heading) return;
    scrollPageBy((view) => Math.floor(heading.getBoundingClientRect().top - view.top));
    heading.focus({ preventScroll: true });
  };

  /** Scrolls the first of `selectors` on the page, once rendered, just into view. */
  private async bringIntoView(...selectors: string[]): Promise<void> {
    await this.updateComplete;
    this.firstOf(...selectors)?.scrollIntoView({ block: 'nearest' });
  }

  /** The element the first of `selectors` that matches any finds, in the order given, not the page's. */
  private firstOf(...selectors: string[]): HTMLElement | undefined {
    return selectors
      .map((selector) => this.renderRoot.querySelector<HTMLElement>(selector))
      .find((element) => element !== null);
  }

  /**
   * Delete's button gives way to the question's answers: the focus goes to the one that deletes
   * nothing, where it was lost to the top of the page, and a screen reader with it.
   */
  private async askBeforeDeleting(which: string): Promise<void> {
    this.confirming = which;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.asking .keep')?.focus();
  }

  /** Keep it (or Keep them) gives the Delete button back, and the focus to it. */
  private keepSessions = async (): Promise<void> => {
    const which = this.confirming;
    this.confirming = null;
    await this.updateComplete;
    const asked =
      which === 'all' ? 'button.delete-all' : `li[data-session="${CSS.escape(which ?? '')}"] button.danger`;
    this.renderRoot.querySelector<HTMLElement>(asked)?.focus();
  };

  private async onDelete(id: string): Promise<void> {
    this.confirming = null;
    const index = this.history.value.sessions.findIndex((s) => s.id === id);
    this.deleting = { id, at: index };
    await this.run(async () => {
      await this.persistence.deleteSession(id);
      if (!this.history.value.sessions.some((s) => s.id === id)) this.deletedAt = index;
    });
    this.deleting = null;
    // The row shrank to one line, which may now be above the screen; a session kept (an error, or one
    // being recorded) is told under the buttons at the top.
    await this.bringIntoView('li.deleted', '.tools > .problem', '.tools > .notice');
    // The button pressed went with its session: a keyboard goes on from where it was, not the page's
    // top; from the session's Delete where the store kept it, from the heading where none is left.
    const kept = `li[data-session="${CSS.escape(id)}"] button.danger`;
    this.firstOf('li.deleted', kept, 'h2')?.focus({ preventScroll: true });
  }

  private onDeleteAll = async (): Promise<void> => {
    this.confirming = null;
    await this.run(() => this.persistence.deleteAll());
    await this.updateComplete;
    // The button pressed went with the sessions: the focus goes to the screen's heading, not the top of
    // the page, and a screen reader reads on to the notice of what was deleted.
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  };

  /**
   * The next page of older sessions, and the keyboard's focus on the first of them, its Sets: it goes
   * on through them, where from Show older sessions (moved below them, or gone with the last page) it
   * went past them all.
   */
  private onShowOlder = async (): Promise<void> => {
    if (this.working) return;
    const listed = this.history.value.sessions.length;
    await this.run(() => this.persistence.showMoreSessions());
    await this.updateComplete;
    const firstAdded = this.renderRoot.querySelectorAll('li[data-session]')[listed];
    firstAdded?.querySelector<HTMLElement>('.session-actions button')?.focus();
  };

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    this.persistence.dismissNotice();
    this.deletedAt = null;
    try {
      await work();
    } catch (error) {
      // A damaged file's choice says it (HistoryState.partlyDamaged), with its buttons.
      if (!this.persistence.history.state.partlyDamaged)
        this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-history': BbHistory;
  }
}
