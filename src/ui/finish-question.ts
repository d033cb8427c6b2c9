import { css, html, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import { finishQuestionText, type SetsKept } from '../workout/sets-kept.ts';
import { sendCommand } from './events.ts';
import type { WayOnFromPause } from './format.ts';
import { focusBackOnScreen, scrollToShowOnPage } from './scroll-page.ts';
import { lowLandscape } from './styles.ts';

/** A screen that asks the question: its session may be paused already. */
export interface FinishQuestionHost extends LitElement {
  readonly paused: boolean;
}

/**
 * The question a tap on Finish asks before a session ends, in place of the screen's controls: one tap
 * beside Skip set must not end a workout. A controller, so the set and rest screens share it.
 */
export class FinishQuestion implements ReactiveController {
  /** Finish was tapped: the controls give way to the question until it is answered. */
  asking = false;
  /** The session was paused for the question: Keep going lets it go on. */
  private pausedToAsk = false;

  constructor(private readonly host: FinishQuestionHost) {
    host.addController(this);
  }

  /**
   * The button that goes on from a pause, as the screen shows it: the question takes the place of
   * Resume with Keep going, which goes on where the question paused the session, and gives Resume back
   * where it was paused already.
   */
  get wayOnWhilePaused(): WayOnFromPause {
    if (!this.asking) return 'Resume';
    return this.pausedToAsk ? 'Keep going' : 'Keep going, then Resume';
  }

  /** A screen taken away forgets the question: it comes back with its own controls. */
  hostDisconnected(): void {
    this.asking = false;
    this.pausedToAsk = false;
  }

  /** Finish's handler. */
  readonly ask = (): void => {
    this.asking = true;
    // The session holds still while the person makes up their mind: no set begins and no rest runs
    // out under the question, and the time it takes is not the workout's.
    this.pausedToAsk = !this.host.paused;
    if (this.pausedToAsk) sendCommand(this.host, 'bb-pause', { toAsk: true });
    this.host.requestUpdate();
    void this.host.updateComplete.then(this.bringIntoView);
  };

  /**
   * The question takes the place of the controls, which are shorter: on a phone with its text at twice
   * its size, scrolled to its end to reach Finish, the page shrinks under the finger and the question's
   * first words ("End the session?") went above the screen. Its words come into view with its answers
   * under them (the words at the top where not all fit), and the focus goes to the answer that changes
   * nothing, for a keyboard or switch user, without a scroll of its own.
   */
  private readonly bringIntoView = (): void => {
    const question = this.host.renderRoot.querySelector('.finish-question');
    const words = question?.querySelector('p');
    const keepGoing = question?.querySelector<HTMLButtonElement>('.keep-going');
    if (!question || !words || !keepGoing) return;
    scrollToShowOnPage(words, question, keepGoing);
    keepGoing.focus({ preventScroll: true });
  };

  /** The question while it is asked, else the screen's own `controls`, which it takes the place of. */
  render(setsKept: SetsKept, controls: TemplateResult) {
    if (!this.asking) return controls;
    const question = finishQuestionText(setsKept);
    return html`<div class="finish-question" role="group" aria-labelledby="finish-question" @keydown=${this.onKeyDown}>
      <p id="finish-question">${question}</p>
      <div class="controls">
        <button class="end" @click=${() => this.answer(true)}>End session</button>
        <button class="primary keep-going" @click=${() => this.answer(false)}>Keep going</button>
      </div>
    </div>`;
  }

  /** Escape takes the question back, as it closes a dialog. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.answer(false);
  };

  private answer(end: boolean): void {
    const resume = this.pausedToAsk;
    this.pausedToAsk = false;
    if (end) {
      // Told before the question goes: the app moves the focus from this screen to the summary's.
      sendCommand(this.host, 'bb-finish');
      this.asking = false;
      this.host.requestUpdate();
      return;
    }
    if (resume) sendCommand(this.host, 'bb-resume');
    this.asking = false;
    this.host.requestUpdate();
    // Back where the question was asked from, for a keyboard or switch user; a tap's user sees the
    // count again, or the position to take (see focusBackOnScreen).
    void this.host.updateComplete.then(() => {
      const root = this.host.renderRoot;
      const finish = root.querySelector<HTMLButtonElement>('button.finish');
      if (finish) focusBackOnScreen(finish, root.querySelector('bb-progress-ring, .prompt'));
    });
  }
}

export const finishQuestionStyles = css`
  .finish-question {
    display: grid;
    gap: 0.5rem;
    justify-items: center;
  }
  .finish-question p {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 700;
  }
  .finish-question .end {
    border-color: var(--bb-danger, #f87171);
  }
  /* A phone on its side has half its width for the question: in two lines, the buttons stay on screen. */
  @media ${lowLandscape} {
    .finish-question p {
      font-size: 1.1rem;
    }
  }
`;
