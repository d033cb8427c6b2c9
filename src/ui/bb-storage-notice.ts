import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ExportFormat, HistoryState, Persistence } from '../app/persistence.ts';
import { download } from './download.ts';
import { ObserveController } from './observe.ts';
import { buttonStyles } from './styles.ts';

/**
 * What the main screen must say about storage: an unfinished session to resume (the app was closed
 * or crashed in the middle of one), or that sessions are no longer being saved and why.
 */
@customElement('bb-storage-notice')
export class BbStorageNotice extends LitElement {
  static override styles = [
    buttonStyles,
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
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) persistence!: Persistence;

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
    const { unfinished, problem, hasCurrent } = this.history.value;
    return html`
      ${
        unfinished
          ? html`<section aria-labelledby="resume-title">
              <p id="resume-title">
                <strong>Your session from ${new Date(unfinished.startedAt).toLocaleTimeString(undefined, { timeStyle: 'short' })}
                was interrupted</strong> after ${unfinished.summary.sets} set${unfinished.summary.sets === 1 ? '' : 's'}.
              </p>
              <div class="actions">
                <button class="primary" @click=${() => this.persistence.resume()}>Resume where I was</button>
                <button class="quiet" @click=${() => this.persistence.discardUnfinished()}>Keep it as it is</button>
              </div>
            </section>`
          : null
      }
      ${
        problem
          ? html`<section class="problem" role="alert">
              <p>${problem.message}</p>
              ${
                hasCurrent
                  ? html`<div class="actions">
                      <button @click=${() => this.save('json')}>Save this session (JSON)</button>
                      <button class="quiet" @click=${() => this.save('fit')}>Save as FIT</button>
                    </div>`
                  : null
              }
            </section>`
          : null
      }
    `;
  }

  private async save(format: ExportFormat): Promise<void> {
    const file = await this.persistence.exportCurrent(format);
    if (file) download(file);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-storage-notice': BbStorageNotice;
  }
}
