import { css, html, type LitElement } from 'lit';
import { scrollToShowOnPage } from './scroll-page.ts';

/**
 * Restore defaults, at the settings' foot, and the question it asks first, since it undoes every
 * setting at once: its answers take the button's place until one is tapped.
 */
export class RestoreDefaultsQuestion {
  /** Restore defaults was tapped, and the question waits for its answer. */
  private asking = false;

  constructor(
    private readonly host: LitElement,
    private readonly restoreDefaults: () => void,
  ) {}

  render() {
    return this.asking
      ? html`<div class="restore-question" role="group" aria-labelledby="restore-question" tabindex="-1">
          <p id="restore-question">Put every setting back as it was at first? The weight you logged and a set you chose to add stay.</p>
          <button type="button" class="danger" @click=${this.onRestore}>Yes, restore defaults</button>
          <button type="button" class="quiet" @click=${this.onKeepSettings}>Keep my settings</button>
        </div>`
      : html`<button type="button" class="quiet restore" @click=${this.onAsk}>Restore defaults</button>`;
  }

  /**
   * The question takes the place of Restore defaults, which sits at the page's foot: grown under the
   * finger, its answers went under the window's bottom edge (655–779 px of a 640 px phone). Its words
   * come into view with both answers under them (see scrollToShow), in whole pixels, where
   * scrollIntoView left a third of a pixel of the last answer out and, at 180×320, the question's first
   * line above the window. The focus goes to the question, whose words a screen reader then reads, not
   * to "Yes": a second Enter must not undo every setting.
   */
  private readonly onAsk = async (): Promise<void> => {
    this.asking = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const question = this.host.renderRoot.querySelector<HTMLElement>('.restore-question');
    const words = question?.querySelector('p');
    const yes = question?.querySelector('button');
    if (!question || !words || !yes) return;
    scrollToShowOnPage(words, question, yes);
    question.focus({ preventScroll: true });
  };

  private readonly onRestore = (): void => {
    this.restoreDefaults();
    void this.close();
  };

  private readonly onKeepSettings = (): void => {
    void this.close();
  };

  /** The answer's button goes with the question: the focus comes back where the question was asked. */
  private async close(): Promise<void> {
    this.asking = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLButtonElement>('button.restore')?.focus({ preventScroll: true });
  }
}

export const restoreDefaultsQuestionStyles = css`
  button.danger {
    border-color: var(--bb-danger, #f87171);
  }
  /* On a line of its own under Done: its answers read as answers to it, not as Done's neighbours. */
  .restore-question {
    flex: 1 1 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }
  /* Its answers side by side under it, where the row has room for both. */
  .restore-question p {
    flex: 1 1 100%;
    margin: 0;
  }
  /*
   * Text at twice its size on a phone (180×320): the question's seven lines and its answers, at
   * the buttons' size, were 324 px, taller than the window. Its answers as a small phone's set
   * controls are, and closer together, they come into view with the whole question.
   */
  @media (max-width: 18rem) {
    .restore-question {
      gap: 0.5rem;
    }
    .restore-question button {
      font-size: 1.1rem;
      padding-inline: 0.75rem;
    }
  }
  .restore-question:focus-visible {
    outline: 4px solid var(--bb-focus, #facc15);
    outline-offset: 2px;
  }
`;
