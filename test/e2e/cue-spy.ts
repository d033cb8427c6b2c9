// Installed in the page before the app loads: records every cue the app gives through the
// platform's own objects (speech, oscillators, vibration, wake lock) instead of sounding it.
// Headless Chromium has no voices and no audio sink, so the cues are observed, not heard.

export interface CueRecord {
  readonly kind: 'say' | 'tone' | 'vibrate' | 'wake-lock';
  readonly detail: string;
  /** The page's performance.now() when the cue was given. */
  readonly atMs: number;
}

declare global {
  interface Window {
    backbeatCueLog?: CueRecord[];
  }
}

export function installCueSpy(): void {
  const log: CueRecord[] = [];
  window.backbeatCueLog = log;
  const record = (kind: CueRecord['kind'], detail: string) =>
    log.push({ kind, detail, atMs: performance.now() });
  if (window.speechSynthesis) {
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
