import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { UpdateModel, UpdateState } from '../app/updates.ts';
import { ObserveController } from './observe.ts';
import { buttonStyles } from './styles.ts';

/** Says when a new version is ready (and reloads on request) or when the app now works offline. */
@customElement('bb-update-prompt')
export class BbUpdatePrompt extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        position: fixed;
        inset: auto 1rem 1rem auto;
        max-width: calc(100vw - 2rem);
        z-index: 10;
      }
      div {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        padding: 0.75rem 1rem;
        border-radius: 0.75rem;
        border: 2px solid var(--bb-accent, #4ade80);
        background: var(--bb-bg, #0d1117);
        color: var(--bb-text, #f5f7fa);
        font-size: 1.1rem;
      }
      button {
        font-size: 1rem;
        min-height: 2.75rem;
      }
    `,
  ];

  @property({ attribute: false }) updates!: UpdateModel;

  private state!: ObserveController<UpdateState>;

  override connectedCallback(): void {
    // The controller needs the model, which is set before the element is attached.
    this.state ??= new ObserveController(this, this.updates.state$, this.updates.state);
    super.connectedCallback();
  }

  override render() {
    const { updateReady, offlineReady } = this.state.value;
    if (updateReady) {
      return html`<div role="status">
        A new version of Backbeat is ready.
        <button class="primary" @click=${() => this.updates.reload()}>Reload</button>
        <button class="quiet" @click=${() => this.updates.dismiss()}>Later</button>
      </div>`;
    }
    if (offlineReady) {
      return html`<div role="status">
        Backbeat now works offline.
        <button class="quiet" @click=${() => this.updates.dismiss()}>OK</button>
      </div>`;
    }
    return null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-update-prompt': BbUpdatePrompt;
  }
}
