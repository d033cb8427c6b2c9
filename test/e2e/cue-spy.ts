// Installed in the page before the app loads: records every cue the app gives through the
// platform's own objects (speech, oscillators, vibration, wake lock) instead of sounding it.
// Headless Chromium has no voices and no audio sink, so the cues are observed, not heard.
import type { Page } from 'playwright-core';

export interface CueRecord {
  /**
   * 'say' when a line is handed to the voice; with a voice that takes its time (see
   * backbeatVoiceMsPerChar), 'said' when it ends and 'cut' when the app cancels it before.
   */
  readonly kind: 'say' | 'said' | 'cut' | 'tone' | 'vibrate' | 'wake-lock';
  readonly detail: string;
  /** The page's performance.now() when the cue was given. */
  readonly atMs: number;
}

declare global {
  interface Window {
    backbeatCueLog?: CueRecord[];
    /**
     * Set before the spy is installed: the voice takes this long per character of a line, as a real
     * one does, instead of saying each line at once.
     */
    backbeatVoiceMsPerChar?: number;
  }
}

export function installCueSpy(): void {
  const log: CueRecord[] = [];
  window.backbeatCueLog = log;
  const record = (kind: CueRecord['kind'], detail: string) =>
    log.push({ kind, detail, atMs: performance.now() });
  const msPerChar = window.backbeatVoiceMsPerChar;
  if (window.speechSynthesis && msPerChar !== undefined) {
    // A voice that takes its time: what the person waits for behind a line is seen, and a line the
    // app cancels before its end is cut there.
    let saying: { utterance: SpeechSynthesisUtterance; timer: ReturnType<typeof setTimeout> } | null = null;
    window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      record('say', utterance.text);
      const timer = setTimeout(() => {
        saying = null;
        record('said', utterance.text);
        utterance.dispatchEvent(new Event('end'));
      }, utterance.text.length * msPerChar);
      saying = { utterance, timer };
    };
    window.speechSynthesis.cancel = () => {
      if (!saying) return;
      clearTimeout(saying.timer);
      record('cut', saying.utterance.text);
      saying = null;
    };
  } else if (window.speechSynthesis) {
    // An engine that has said each line at once: the app hands the next line on at its end.
    window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      record('say', utterance.text);
      queueMicrotask(() => utterance.dispatchEvent(new Event('end')));
    };
  }
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    record('tone', '');
    return createOscillator.call(this);
  };
  navigator.vibrate = (pattern: VibratePattern | Iterable<number>) => {
    record('vibrate', JSON.stringify(typeof pattern === 'number' ? pattern : [...pattern]));
    return true;
  };
  const wakeLock = navigator.wakeLock;
  if (wakeLock) {
    const request = wakeLock.request.bind(wakeLock);
    wakeLock.request = (type?: WakeLockType) => {
      record('wake-lock', type ?? 'screen');
      return request(type);
    };
  }
}

/** The lines handed to the voice so far, in order, as the spy recorded them. */
export function linesSaid(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window.backbeatCueLog ?? []).filter((c) => c.kind === 'say').map((c) => c.detail),
  );
}
