import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  type ExportFormat,
  type HistoryState,
  isAbort,
  type Persistence,
  type TaskOptions,
} from '../app/persistence.ts';
import type { SessionRow } from '../store/records.ts';
import './bb-progress-chart.ts';
import { download } from './download.ts';
import { ObserveController } from './observe.ts';
import { buttonStyles, visuallyHidden } from './styles.ts';

interface Task {
  readonly label: string;
  readonly done: number;
  readonly total: number;
  readonly controller: AbortController;
}

/**
 * The history: every saved session with its exports, the progress charts, and the whole store's
 * backup, import and deletion. Deleting asks once more in place rather than in a browser dialog.
 */
@customElement('bb-history')
export class BbHistory extends LitElement {
  static override styles = [
    buttonStyles,
    visuallyHidden,
    css`
      :host {
        display: grid;
        gap: 1.5rem;
        width: min(100%, 60rem);
        color: var(--bb-text, #f5f7fa);
      }
      h2 {
        margin: 0;
        font-size: clamp(1.75rem, 5vmin, 2.5rem);
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
        padding: 0.5rem 1.25rem;
        border-radius: 0.75rem;
        border: 2px solid var(--bb-border, #3b4656);
        background: var(--bb-button, #1c2430);
        font-weight: 600;
        cursor: pointer;
      }
      .file:focus-within {
        outline: 4px solid var(--bb-focus, #facc15);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      li {
        display: grid;
        gap: 0.5rem;
        padding: 0.75rem 1rem;
        border: 1px solid var(--bb-border, #3b4656);
        border-radius: 0.75rem;
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
      .notice {
        min-height: 1.5rem;
      }
      .charts {
        display: grid;
        gap: 1.5rem;
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
      button.danger {
        border-color: var(--bb-danger, #f87171);
      }
    `,
  ];

  @property({ attribute: false }) persistence!: Persistence;

  /** The session whose deletion waits for a second click; 'all' for everything. */
  @state() private confirming: string | null = null;
  @state() private busy = false;
  /** A backup or an import under way: how far it is, and how to call it off. */
  @state() private task: Task | null = null;
  @state() private error: string | null = null;

  private history!: ObserveController<HistoryState>;

  override connectedCallback(): void {
    // The controller needs the persistence, which is set before the element is attached.
    this.history ??= new ObserveController(
      this,
      this.persistence.history.state$,
      this.persistence.history.state,
    );
    super.connectedCallback();
  }

  override render() {
    const h = this.history.value;
    return html`
      <h2>History</h2>
      ${
        h.persisted === false
          ? html`<p class="facts">Saved in this browser, which may clear it when the device runs low on space: back up now and then.</p>`
          : null
      }
      ${
        h.problem
          ? html`<div class="problem" role="alert">${h.problem.message}
        ${
          h.recording || h.sessions.length === 0
            ? html`<div class="actions">
          <button @click=${() => this.exportCurrent('json')}>Save this session (JSON)</button>
          <button @click=${() => this.exportCurrent('fit')}>Save as FIT</button>
        </div>`
            : null
        }</div>`
          : null
      }
      ${this.task ? this.renderTask(this.task) : null}
      <div class="notice" aria-live="polite">
        ${this.error ?? h.notice ?? ''}
      </div>
      <div class="actions">
        <button @click=${this.onBackup} ?disabled=${this.busy}>Back up everything</button>
        <button @click=${this.onHistoryCsv} ?disabled=${this.busy || h.sessions.length === 0}>All sessions as CSV</button>
        <label class="file">Import a file
          <input class="visually-hidden" type="file" accept=".json,application/json" @change=${this.onImport} ?disabled=${this.busy} />
        </label>
        ${
          this.confirming === 'all'
            ? html`<span>Delete all ${h.sessions.length} sessions for good?</span>
                <button class="danger" @click=${this.onDeleteAll}>Yes, delete everything</button>
                <button class="quiet" @click=${() => (this.confirming = null)}>Keep them</button>`
            : html`<button class="danger" ?disabled=${h.sessions.length === 0} @click=${() => (this.confirming = 'all')}>
                Delete everything
              </button>`
        }
      </div>
      ${
        h.sessions.length === 0
          ? html`<p>No sessions saved yet.</p>`
          : html`<ul aria-label="Saved sessions">${h.sessions.map((s) => this.renderSession(s))}</ul>`
      }
      ${h.progress ? this.renderCharts(h) : null}
    `;
  }

  private renderTask(task: Task) {
    const percent = task.total > 0 ? Math.floor((100 * task.done) / task.total) : 0;
    return html`<div class="task">
      <span id="task-label">${task.label}</span>
      <progress aria-labelledby="task-label" max="100" value=${percent}></progress>
      <span aria-hidden="true">${percent} %</span>
      <button class="quiet" @click=${() => task.controller.abort()}>Cancel</button>
    </div>`;
  }

  private renderSession(s: SessionRow) {
    const when = new Date(s.startedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    const minutes = Math.round(s.summary.durationMs / 60_000);
    return html`<li data-session=${s.id}>
      <div class="when">${when}${s.status === 'active' ? ' (unfinished)' : ''}</div>
      <div class="facts">
        ${minutes} min · ${s.summary.sets} sets · ${s.summary.reps} reps and breaths ·
        ${Math.round(s.summary.holdMs / 1000)} s held${s.summary.avgBpm !== null ? ` · ${s.summary.avgBpm} bpm average` : ''}
      </div>
      ${s.sources.length ? html`<div class="sources">With ${s.sources.map((d) => d.name).join(', ')}</div>` : null}
      <div class="session-actions">
        <button @click=${() => this.export(s.id, 'fit')} aria-label="Export ${when} as FIT">FIT</button>
        <button @click=${() => this.export(s.id, 'csv')} aria-label="Export ${when} as CSV">CSV</button>
        <button @click=${() => this.export(s.id, 'json')} aria-label="Export ${when} as JSON">JSON</button>
        ${
          this.confirming === s.id
            ? html`<button class="danger" @click=${() => this.onDelete(s.id)}>Yes, delete it</button>
                <button class="quiet" @click=${() => (this.confirming = null)}>Keep it</button>`
            : html`<button class="danger" @click=${() => (this.confirming = s.id)} aria-label="Delete ${when}">Delete</button>`
        }
      </div>
    </li>`;
  }

  private renderCharts(h: HistoryState) {
    const p = h.progress!;
    return html`<section class="charts" aria-label="Progress">
      <bb-progress-chart heading="Reps per week" unit="week" .series=${p.repsPerWeek}></bb-progress-chart>
      <bb-progress-chart heading="Plank and drawing-in holds against their targets" .series=${p.holds}></bb-progress-chart>
      <bb-progress-chart heading="Superman range of motion" .series=${p.supermanRange}></bb-progress-chart>
      <bb-progress-chart heading="Heart rate and recovery" .series=${p.heartRate}></bb-progress-chart>
    </section>`;
  }

  private async export(id: string, format: ExportFormat): Promise<void> {
    await this.run(async () => download(await this.persistence.exportSession(id, format)));
  }

  private async exportCurrent(format: ExportFormat): Promise<void> {
    await this.run(async () => {
      const file = await this.persistence.exportCurrent(format);
      if (file) download(file);
    });
  }

  private onBackup = async (): Promise<void> => {
    await this.runTask('Backing up', 'Backup cancelled: no file was made.', async (options) =>
      download(await this.persistence.backup(options)),
    );
  };

  private onHistoryCsv = async (): Promise<void> => {
    await this.run(async () => download(await this.persistence.historyCsv()));
  };

  private onImport = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await this.runTask('Importing', 'Import cancelled: nothing was imported.', async (options) => {
      await this.persistence.restore(file, options);
    });
  };

  /** A long task with a progress bar and a Cancel button; a cancel is said, not shown as an error. */
  private async runTask(
    label: string,
    cancelled: string,
    work: (options: TaskOptions) => Promise<void>,
  ): Promise<void> {
    const controller = new AbortController();
    const task: Task = { label, done: 0, total: 0, controller };
    this.task = task;
    await this.run(async () => {
      try {
        await work({
          signal: controller.signal,
          onProgress: (done, total) => {
            if (this.task === task) this.task = { ...task, done, total };
          },
        });
      } catch (error) {
        if (!isAbort(error)) throw error;
        this.error = cancelled;
      } finally {
        this.task = null;
      }
    });
  }

  private async onDelete(id: string): Promise<void> {
    this.confirming = null;
    await this.run(() => this.persistence.deleteSession(id));
  }

  private onDeleteAll = async (): Promise<void> => {
    this.confirming = null;
    await this.run(() => this.persistence.deleteAll());
  };

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = null;
    this.persistence.dismissNotice();
    try {
      await work();
    } catch (error) {
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
