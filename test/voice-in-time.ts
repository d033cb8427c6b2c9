import type { StandInUtterance } from './utterance.ts';

/**
 * A line as the voice said it: begun at `atMs` (performance.now()); `cut` where the app cancelled it,
 * `heard` what of it was said by then.
 */
export interface SaidLine {
  readonly text: string;
  readonly atMs: number;
  cut: boolean;
  heard: string;
}

/**
 * A voice that takes its time, as a real one does: a line lasts `msPerChar` per character on the
 * timers (fake ones in a test), and ends by itself. What it began, when, and which the app cut off.
 */
export class VoiceInTime {
  readonly lines: SaidLine[] = [];
  private current: { utterance: StandInUtterance; timer: ReturnType<typeof setTimeout> } | null = null;
  readonly speechSynthesis = {
    speak: (utterance: StandInUtterance) => {
      const line: SaidLine = {
        text: utterance.text,
        atMs: performance.now(),
        cut: false,
        heard: utterance.text,
      };
      this.lines.push(line);
      const timer = setTimeout(() => {
        this.current = null;
        utterance.dispatchEvent(new Event('end'));
      }, utterance.text.length * this.msPerChar);
      this.current = { utterance, timer };
    },
    cancel: () => {
      if (!this.current) return;
      clearTimeout(this.current.timer);
      const line = this.lines.at(-1);
      if (line) {
        line.cut = true;
        line.heard = line.text.slice(0, Math.floor((performance.now() - line.atMs) / this.msPerChar));
      }
      this.current = null;
    },
    getVoices: () => [],
  };

  constructor(private readonly msPerChar: number) {}

  /** The texts begun, in order. */
  get begun(): string[] {
    return this.lines.map((line) => line.text);
  }
}
