// The browser's speechSynthesis, the one place the voice touches it, behind calls that never throw
// but for speak(). speechSynthesis is missing in some browsers and WebViews, has no voices in headless
// Chromium (speak() fails with "synthesis-failed"), and loads its voice list late (the
// `voiceschanged` event).

import { pickVoice, toVoiceChoice, type VoiceChoice } from './voice-choice.ts';

/** The parts of `window` the voice needs; tests pass the real window with a spied speak(). */
export interface SpeechHost {
  readonly speechSynthesis?: SpeechSynthesis;
  readonly SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance;
  /** The person's languages, in their order: which English voice suits them (an Indian English one, say). */
  readonly navigator?: { readonly languages?: readonly string[] };
}

/** What the engine tells of an utterance it was handed. */
export interface UtteranceEvents {
  /** Said to its end, not cut off. */
  readonly ended: () => void;
  /** Over, ended or failed. */
  readonly over: () => void;
}

export class SpeechEngine {
  /**
   * The engine has told of a line said to its end: it speaks, though it may list no voices. Where it
   * has none (headless Chromium), each line ends in an error instead.
   */
  private endedALine = false;

  constructor(private readonly host: SpeechHost) {}

  get available(): boolean {
    return Boolean(this.host.speechSynthesis && this.host.SpeechSynthesisUtterance);
  }

  /** Whether what is spoken is heard: a voice is listed, or a line was said to its end. A phone may list none and still speak. */
  get heard(): boolean {
    return this.available && (this.voices().length > 0 || this.endedALine);
  }

  voices(): VoiceChoice[] {
    return this.browserVoices().map(toVoiceChoice);
  }

  /** Calls back whenever the browser's voice list changes; returns the way to stop listening. */
  onVoicesChanged(callback: () => void): () => void {
    const synth = this.host.speechSynthesis;
    if (!synth || typeof synth.addEventListener !== 'function') return () => {};
    synth.addEventListener('voiceschanged', callback);
    return () => synth.removeEventListener('voiceschanged', callback);
  }

  /**
   * An utterance of `text`, in the voice chosen (`voiceUri`) or the one that suits the person, that
   * tells of its end through `events`; for speak(). Throws where the engine does.
   */
  utterance(
    text: string,
    rate: number,
    voiceUri: string | null,
    events: UtteranceEvents,
  ): SpeechSynthesisUtterance {
    const Utterance = this.host.SpeechSynthesisUtterance;
    if (!Utterance) throw new Error('No speech synthesis');
    const utterance = new Utterance(text);
    utterance.rate = rate;
    const voice = pickVoice(this.browserVoices(), voiceUri, this.host.navigator?.languages ?? []);
    if (voice) {
      utterance.voice = voice;
      utterance.lang = voice.lang;
    } else {
      utterance.lang = 'en';
    }
    utterance.addEventListener('end', events.ended);
    utterance.addEventListener('end', () => (this.endedALine = true));
    utterance.addEventListener('end', events.over);
    utterance.addEventListener('error', events.over);
    return utterance;
  }

  /**
   * Hands `utterance` to the engine. The caller holds it until it is over: Chromium otherwise
   * collects it before its `end` event, which then never fires (a long-standing Chromium bug). Throws
   * where the engine does.
   */
  speak(utterance: SpeechSynthesisUtterance): void {
    this.host.speechSynthesis?.speak(utterance);
  }

  /** Stops what the engine says, and drops what it was handed. */
  cancel(): void {
    try {
      this.host.speechSynthesis?.cancel();
    } catch {
      // Silence is the worst outcome, never an exception.
    }
  }

  private browserVoices(): SpeechSynthesisVoice[] {
    try {
      return this.host.speechSynthesis?.getVoices() ?? [];
    } catch {
      return [];
    }
  }
}
