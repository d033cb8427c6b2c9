import type { StandInUtterance } from './utterance.ts';

/**
 * A voice that says one line at a time and ends it when the test says, as a person on the mat would
 * hear it: what it `heard`, in order.
 */
export class VoiceOnTheMat {
  readonly heard: string[] = [];
  /** Lines the app cancelled while they were said: never heard to their end. */
  readonly cut: string[] = [];
  private current: StandInUtterance | null = null;
  readonly speechSynthesis = {
    speak: (utterance: StandInUtterance) => {
      this.current = utterance;
    },
    cancel: () => {
      if (this.current) this.cut.push(this.current.text);
      this.current = null;
    },
    getVoices: () => [],
  };

  /** The line being said, or null. */
  saying(): string | null {
    return this.current?.text ?? null;
  }

  /** The line being said, to its end; the voice moves on to the next. */
  endLine(): string | null {
    const line = this.current;
    if (!line) return null;
    this.heard.push(line.text);
    this.current = null;
    line.dispatchEvent(new Event('end'));
    return line.text;
  }

  /** Says line after line up to and with `text`, which must come. */
  sayUpTo(text: string): void {
    for (let line = this.endLine(); line !== text; line = this.endLine()) {
      if (line === null) throw new Error(`"${text}" was never said: ${this.heard.join(' / ')}`);
    }
  }

  /** Says line after line until the one being said has `words` in it, which must come. */
  sayUntilSaying(words: string): void {
    while (!this.current?.text.includes(words)) {
      if (this.endLine() === null) throw new Error(`"${words}" was never said: ${this.heard.join(' / ')}`);
    }
  }

  /** Says everything handed over, to the end of the queue. */
  sayAll(): void {
    while (this.endLine() !== null);
  }
}
