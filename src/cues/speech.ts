// The voice: the Web Speech API behind a small adapter that never throws. speechSynthesis is missing in
// some browsers and WebViews, has no voices in headless Chromium (speak() fails with
// "synthesis-failed"), and loads its voice list late (the `voiceschanged` event). The coach must keep
// counting on screen whatever the voice does.

/** The parts of `window` the voice needs; tests pass the real window with a spied speak(). */
export interface SpeechHost {
  readonly speechSynthesis?: SpeechSynthesis;
  readonly SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance;
}

/** A voice as the settings screen lists it. */
export interface VoiceChoice {
  readonly uri: string;
  readonly name: string;
  readonly lang: string;
  readonly isDefault: boolean;
}

/**
 * At most this many utterances wait in the browser's queue. A rep count or countdown that is more
 * than a few items late is wrong by the time it is heard, so a longer queue is dropped for the newest.
 */
export const MAX_QUEUED = 3;

/** Rates the settings allow: slower than 0.5 drags, faster than 2 is hard to follow on the mat. */
export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

export class Speech {
  private voiceUri: string | null = null;
  private rate = 1;
  private muted = false;
  /**
   * Utterances spoken and not yet ended. Holding them also keeps Chromium from collecting them before
   * their `end` event, which would otherwise never fire (a long-standing Chromium bug).
   */
  private readonly pending = new Set<SpeechSynthesisUtterance>();

  constructor(private readonly host: SpeechHost) {}

  get available(): boolean {
    return Boolean(this.host.speechSynthesis && this.host.SpeechSynthesisUtterance);
  }

  /** Utterances handed to the browser that have not finished yet. */
  get queued(): number {
    return this.pending.size;
  }

  voices(): VoiceChoice[] {
    return this.browserVoices().map((voice) => ({
      uri: voice.voiceURI,
      name: voice.name,
      lang: voice.lang,
      isDefault: voice.default,
    }));
  }

  /** Calls back whenever the browser's voice list changes; returns the way to stop listening. */
  onVoicesChanged(callback: () => void): () => void {
    const synth = this.host.speechSynthesis;
    if (!synth || typeof synth.addEventListener !== 'function') return () => {};
    synth.addEventListener('voiceschanged', callback);
    return () => synth.removeEventListener('voiceschanged', callback);
  }

  configure(options: {
    readonly voiceUri?: string | null;
    readonly rate?: number;
    readonly muted?: boolean;
  }): void {
    if (options.voiceUri !== undefined) this.voiceUri = options.voiceUri;
    if (options.rate !== undefined) this.rate = Math.min(MAX_RATE, Math.max(MIN_RATE, options.rate));
    if (options.muted !== undefined && options.muted !== this.muted) {
      this.muted = options.muted;
      // Muting must silence what is being said now, not only what comes later.
      if (this.muted) this.cancel();
    }
  }

  /** Says the text after what is queued, or at once, dropping the queue, when `interrupt` is set. */
  say(text: string, interrupt = false): void {
    const synth = this.host.speechSynthesis;
    const Utterance = this.host.SpeechSynthesisUtterance;
    if (this.muted || !synth || !Utterance || text.trim() === '') return;
    try {
      if (interrupt || this.pending.size >= MAX_QUEUED) this.cancel();
      const utterance = new Utterance(text);
      utterance.rate = this.rate;
      const voice = this.chooseVoice();
      if (voice) {
        utterance.voice = voice;
        utterance.lang = voice.lang;
      } else {
        utterance.lang = 'en';
      }
      const done = () => this.pending.delete(utterance);
      utterance.addEventListener('end', done);
      utterance.addEventListener('error', done);
      this.pending.add(utterance);
      synth.speak(utterance);
    } catch {
      // A broken speech engine must not stop the session: the screen still counts.
    }
  }

  cancel(): void {
    this.pending.clear();
    try {
      this.host.speechSynthesis?.cancel();
    } catch {
      // As above: silence is the worst outcome, never an exception.
    }
  }

  private browserVoices(): SpeechSynthesisVoice[] {
    try {
      return this.host.speechSynthesis?.getVoices() ?? [];
    } catch {
      return [];
    }
  }

  /** The chosen voice if the browser has it, else its default English voice, else the browser's choice. */
  private chooseVoice(): SpeechSynthesisVoice | null {
    const voices = this.browserVoices();
    if (voices.length === 0) return null;
    const chosen = this.voiceUri ? voices.find((v) => v.voiceURI === this.voiceUri) : undefined;
    if (chosen) return chosen;
    const english = voices.filter((v) => v.lang.toLowerCase().startsWith('en'));
    return english.find((v) => v.default) ?? english[0] ?? voices.find((v) => v.default) ?? null;
  }
}
