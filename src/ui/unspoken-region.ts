import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Observable, Subscription } from 'rxjs';
import { linesTrueAt, lineTrueUntilMs, turnAsLines, type UnspokenLine, withLine } from './unspoken-lines.ts';

/**
 * The coach's latest lines for a screen reader, when the voice did not say them: binds the coach's
 * turns to its host while the host is connected, and renders the status region that holds them. Lines
 * the voice said are not read again: muted later, the last of them is not news.
 */
export class UnspokenRegion implements ReactiveController {
  /** The lines in the region now. */
  private lines: readonly UnspokenLine[] = [];
  /** Each line is put in anew, so that a line said again word for word is read again. */
  private linesCount = 0;
  /** Takes a line that told the time left out of the region once it is no longer true (see lineTrueUntilMs). */
  private untrueLineTimer: ReturnType<typeof setTimeout> | null = null;
  private subscription: Subscription | null = null;

  /** `turns$` is what the coach says at each turn; `voiceHeard` whether the device's voice said it. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly turns$: Observable<string>,
    private readonly voiceHeard: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.subscription = this.turns$.subscribe((said) => {
      const atMs = performance.now();
      this.show(
        this.voiceHeard()
          ? []
          : turnAsLines(said).reduce(
              (shown, text) => withLine(shown, { id: ++this.linesCount, text, atMs }),
              this.lines,
            ),
      );
      this.dropLinesOnceUntrue();
    });
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (this.untrueLineTimer !== null) clearTimeout(this.untrueLineTimer);
    this.untrueLineTimer = null;
  }

  /** Puts in a line no voice says, such as what a screen answers a tap with: read whether the voice is heard or not. */
  tell(line: string): void {
    this.show(withLine(this.lines, { id: ++this.linesCount, text: line, atMs: performance.now() }));
  }

  /** Empties the region: its lines were news of a screen no longer shown. */
  clear(): void {
    this.show([]);
  }

  /**
   * The lines, each in an element of its own (see turnAsLines), kept a moment beside the next (see
   * withLine). Not atomic, as a status is by default: a turn's lines are read as they come, not again
   * with each turn after them.
   */
  render() {
    return html`<div class="visually-hidden" role="status" aria-atomic="false">${repeat(
      this.lines,
      (line) => line.id,
      (line) => html`<span>${line.text}</span> `,
    )}</div>`;
  }

  /** The region keeps no line past its truth: "fifty-four seconds left" goes as the ring shows 53. */
  private dropLinesOnceUntrue(): void {
    if (this.untrueLineTimer !== null) clearTimeout(this.untrueLineTimer);
    this.untrueLineTimer = null;
    const untilMs = Math.min(...this.lines.map(lineTrueUntilMs));
    if (!Number.isFinite(untilMs)) return;
    this.untrueLineTimer = setTimeout(() => {
      this.show(linesTrueAt(this.lines, performance.now()));
      this.dropLinesOnceUntrue();
    }, untilMs - performance.now());
  }

  private show(lines: readonly UnspokenLine[]): void {
    this.lines = lines;
    this.host.requestUpdate();
  }
}
