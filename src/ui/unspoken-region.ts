import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { map, mergeMap, type Observable, of, type Subscription } from 'rxjs';
import { voiceDone } from '../app/go-when-heard.ts';
import { linesTrueAt, lineTrueUntilMs, turnAsLines, type UnspokenLine, withLine } from './unspoken-lines.ts';

/** The device's voice, as far as the region waits on it. */
export interface RegionVoice {
  /** Whether lines handed to the voice are said at all: not muted, and the device can speak. */
  readonly speaks: boolean;
  /** Whether a line is being said or waits to be. */
  readonly talking$: Observable<boolean>;
}

/**
 * The coach's latest lines for a screen reader, when the voice did not say them: binds the coach's
 * turns to its host while the host is connected, and renders the status region that holds them. Lines
 * the voice said are not read again: muted later, the last of them is not news, nor are those it had
 * yet to say.
 */
export class UnspokenRegion implements ReactiveController {
  /** The lines in the region now. */
  private lines: readonly UnspokenLine[] = [];
  /** Each line is put in anew, so that a line said again word for word is read again. */
  private linesCount = 0;
  /** Takes a line that told the time left out of the region once it is no longer true (see lineTrueUntilMs). */
  private untrueLineTimer: ReturnType<typeof setTimeout> | null = null;
  private subscription: Subscription | null = null;

  /**
   * `turns$` is what the coach says at each turn; `voiceHeard` whether the device's voice said it;
   * `voice` the voice the coach's lines are handed to, if the device has one.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly turns$: Observable<string>,
    private readonly voiceHeard: () => boolean,
    private readonly voice: RegionVoice | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Where the voice is not yet known to be heard, a turn's lines wait until it has said them or
    // failed to (see voiceHeard), as the screen waits for its "Go": read as they came on a phone that
    // lists no voices and speaks, each was heard twice and "In position. Go." was read 8 s before the
    // screen counted.
    const voiceDealtWith = (said: string) =>
      this.voice?.speaks && !this.voiceHeard()
        ? voiceDone(this.voice.talking$).pipe(map(() => said))
        : of(said);
    this.subscription = this.turns$.pipe(mergeMap(voiceDealtWith)).subscribe((said) => {
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
