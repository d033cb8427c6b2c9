// Short sounds from Web Audio, one per kind of moment. A tone is heard through music and from across
// the room where a word may not be, and it costs no attention: the person learns the sounds within a
// set. Each differs in pitch and rhythm, so they stay apart even for someone who cannot tell pitches.

import type { ToneKind } from './cue.ts';

/** One note: a sine from `freqHz` (gliding to `toFreqHz`), starting `atS` after the tone begins. */
export interface Note {
  readonly freqHz: number;
  readonly toFreqHz?: number;
  readonly atS: number;
  readonly durS: number;
}

export const TONES: Readonly<Record<ToneKind, readonly Note[]>> = {
  // A short tick, high enough to cut through breathing and music.
  rep: [{ freqHz: 880, atS: 0, durS: 0.08 }],
  // Rising: "go".
  'hold-start': [{ freqHz: 523, toFreqHz: 784, atS: 0, durS: 0.2 }],
  // Falling pair: "let go".
  'hold-end': [
    { freqHz: 784, atS: 0, durS: 0.12 },
    { freqHz: 523, atS: 0.16, durS: 0.2 },
  ],
  // Two pips and a higher one, like a race start: the set begins now.
  'rest-end': [
    { freqHz: 988, atS: 0, durS: 0.09 },
    { freqHz: 988, atS: 0.18, durS: 0.09 },
    { freqHz: 1319, atS: 0.36, durS: 0.25 },
  ],
  // Two low, level notes: something to put right, unlike any count or start.
  form: [
    { freqHz: 330, atS: 0, durS: 0.15 },
    { freqHz: 330, atS: 0.25, durS: 0.15 },
  ],
  // A rising major arpeggio.
  'session-end': [
    { freqHz: 523, atS: 0, durS: 0.16 },
    { freqHz: 659, atS: 0.16, durS: 0.16 },
    { freqHz: 784, atS: 0.32, durS: 0.4 },
  ],
};

/** Loud enough to hear from the mat without clipping when notes overlap. */
const PEAK_GAIN = 0.35;
/** Ramps at the ends of each note keep it from clicking. */
const RAMP_S = 0.008;

/** The parts of `window` the tones need. Tests pass an OfflineAudioContext in its place. */
export interface ToneHost {
  readonly AudioContext?: new () => BaseAudioContext;
}

export class Tones {
  private context: BaseAudioContext | null = null;
  private failed = false;

  constructor(private readonly host: ToneHost) {}

  get available(): boolean {
    return typeof this.host.AudioContext === 'function' && !this.failed;
  }

  /**
   * Plays the tone now; returns its length in seconds, or 0 when there is no audio. The context is made
   * on first use, after the person has pressed Start, because browsers keep audio made before any
   * gesture suspended.
   */
  play(kind: ToneKind): number {
    const context = this.ensureContext();
    if (!context) return 0;
    try {
      if (isLive(context) && context.state === 'suspended') void context.resume().catch(() => {});
      const t0 = context.currentTime + 0.01;
      let endS = 0;
      for (const note of TONES[kind]) {
        this.playNote(context, note, t0);
        endS = Math.max(endS, note.atS + note.durS);
      }
      return endS;
    } catch {
      return 0;
    }
  }

  /**
   * Makes the audio context and lets it run. Call it from the tap that starts the session: iOS Safari
   * (and Chromium without an earlier gesture) keeps a context suspended unless it is resumed inside one.
   */
  unlock(): void {
    const context = this.ensureContext();
    if (isLive(context) && context.state === 'suspended') void context.resume().catch(() => {});
  }

  /** Lets the audio hardware go when the session is over. */
  close(): void {
    const context = this.context;
    this.context = null;
    if (isLive(context)) void context.close().catch(() => {});
  }

  private ensureContext(): BaseAudioContext | null {
    if (this.context) return this.context;
    const Context = this.host.AudioContext;
    if (!Context || this.failed) return null;
    try {
      this.context = new Context();
    } catch {
      // Too many contexts, or audio blocked by policy: go on without tones.
      this.failed = true;
    }
    return this.context;
  }

  private playNote(context: BaseAudioContext, note: Note, t0: number): void {
    const start = t0 + note.atS;
    const end = start + note.durS;
    const oscillator = context.createOscillator();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(note.freqHz, start);
    if (note.toFreqHz !== undefined) oscillator.frequency.linearRampToValueAtTime(note.toFreqHz, end);
    const gain = context.createGain();
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(PEAK_GAIN, start + RAMP_S);
    gain.gain.setValueAtTime(PEAK_GAIN, end - RAMP_S);
    gain.gain.linearRampToValueAtTime(0, end);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(end);
  }
}

/**
 * A context that plays out loud (not one rendered offline, as tests use), which is resumed and closed.
 * A browser without Web Audio has no AudioContext at all: asking must not throw there.
 */
function isLive(context: BaseAudioContext | null): context is AudioContext {
  return context !== null && typeof AudioContext === 'function' && context instanceof AudioContext;
}
