// The cue adapters against the real browser objects of headless Chromium. speechSynthesis has no voices
// here (speak() ends in "synthesis-failed"), so its speak() is spied on; audio renders offline; the
// wake lock is real.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { Speech } from '../../../src/cues/speech.ts';
import { TIME_LINE_FRESH_MS } from '../../../src/cues/speech-timing.ts';
import { TONES, Tones } from '../../../src/cues/tones.ts';
import { Vibration } from '../../../src/cues/vibration.ts';
import { MAX_QUEUED } from '../../../src/cues/waiting-lines.ts';
import { ScreenWakeLock } from '../../../src/cues/wake-lock.ts';
import { StandInUtterance } from '../../utterance.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

function spokenTexts(speak: { mock: { calls: unknown[][] } }): string[] {
  return speak.mock.calls.map(([utterance]) => (utterance as SpeechSynthesisUtterance).text);
}

describe('Speech', () => {
  it('hands each text to speechSynthesis at the chosen rate, the next once the last has ended', () => {
    const speak = vi.spyOn(window.speechSynthesis, 'speak').mockImplementation(() => {});
    const speech = new Speech(window);
    speech.configure({ rate: 1.3 });
    speech.say('three');
    speech.say('four');
    expect(spokenTexts(speak)).toEqual(['three']);
    const utterance = speak.mock.calls[0][0];
    expect(utterance.rate).toBeCloseTo(1.3);
    expect(utterance.lang).toBe('en');
    utterance.dispatchEvent(new Event('end'));
    expect(spokenTexts(speak)).toEqual(['three', 'four']);
  });

  it('says a long instruction to its end while the counts behind it keep only the latest', () => {
    const speak = vi.spyOn(window.speechSynthesis, 'speak').mockImplementation(() => {});
    const cancel = vi.spyOn(window.speechSynthesis, 'cancel');
    const speech = new Speech(window);
    speech.say('Bird dog, one set. Ten each side. Start with your right arm, then alternate', {
      interrupt: true,
    });
    speech.say('In position. Go.');
    speech.say('one', { topic: 'count' });
    speech.say('two', { topic: 'count' });
    expect(cancel).toHaveBeenCalledTimes(1); // the interrupting instruction's own
    expect(speech.queued).toBe(3);
    const endCurrent = () => speak.mock.calls.at(-1)![0].dispatchEvent(new Event('end'));
    endCurrent();
    endCurrent();
    expect(spokenTexts(speak).slice(1)).toEqual(['In position. Go.', 'two']);
    endCurrent();
    expect(speech.queued).toBe(0);
  });

  it('drops a time call the voice was not free to say within its second, and keeps a count', () => {
    vi.useFakeTimers();
    try {
      const speak = vi.spyOn(window.speechSynthesis, 'speak').mockImplementation(() => {});
      const speech = new Speech(window);
      speech.say('Go on: Elbow plank, one set. Twelve seconds held', { interrupt: true });
      speech.say('fifteen seconds', { topic: 'time' });
      speech.say('seven', { topic: 'count' });
      vi.advanceTimersByTime(TIME_LINE_FRESH_MS + 1);
      speak.mock.calls[0][0].dispatchEvent(new Event('end'));
      expect(spokenTexts(speak).slice(1)).toEqual(['seven']);
      speech.say('thirty seconds', { topic: 'time' });
      vi.advanceTimersByTime(TIME_LINE_FRESH_MS - 1);
      speak.mock.calls.at(-1)![0].dispatchEvent(new Event('end'));
      expect(spokenTexts(speak).slice(1)).toEqual(['seven', 'thirty seconds']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells when everything handed over has been said, never between two lines', () => {
    const speak = vi.spyOn(window.speechSynthesis, 'speak').mockImplementation(() => {});
    const speech = new Speech(window);
    const talking: boolean[] = [];
    speech.talking$.subscribe((t) => talking.push(t));
    speech.say('Bird dog, one set. Ten each side', { interrupt: true });
    speech.say('In position. Go.', { topic: 'position' });
    const endCurrent = () => speak.mock.calls.at(-1)![0].dispatchEvent(new Event('end'));
    endCurrent();
    expect(talking).toEqual([false, true]);
    endCurrent();
    expect(talking).toEqual([false, true, false]);
    speech.say('one', { topic: 'count' });
    speech.cancel();
    expect(talking).toEqual([false, true, false, true, false]);
    // Muted, or without a voice at all, there is never anything to wait for.
    speech.configure({ muted: true });
    speech.say('two', { topic: 'count' });
    expect(talking.at(-1)).toBe(false);
  });

  it('ends a position line at the sentence being said once a newer one comes, keeping what waits', () => {
    vi.useFakeTimers();
    try {
      const speak = vi.spyOn(window.speechSynthesis, 'speak').mockImplementation(() => {});
      const cancel = vi.spyOn(window.speechSynthesis, 'cancel');
      const speech = new Speech(window);
      speech.say('Bird dog, one set. Ten each side', { interrupt: true });
      speech.say('Hands under shoulders, knees under hips. Keep still there to start', {
        topic: 'position',
        bySentence: true,
      });
      speak.mock.calls[0][0].dispatchEvent(new Event('end'));
      vi.advanceTimersByTime(2000);
      speech.say('one', { topic: 'count' });
      speech.say('In position. Go.', { topic: 'position' });
      // Half a sentence broken off is heard as a fault: the one under way is said to its end, the
      // rest of the line is moot.
      expect(cancel).toHaveBeenCalledTimes(1); // the interrupting line's own
      expect(spokenTexts(speak)).toEqual([
        'Bird dog, one set. Ten each side',
        'Hands under shoulders, knees under hips.',
      ]);
      speak.mock.calls.at(-1)![0].dispatchEvent(new Event('end'));
      expect(spokenTexts(speak).at(-1)).toBe('one');
      speak.mock.calls.at(-1)![0].dispatchEvent(new Event('end'));
      expect(spokenTexts(speak).at(-1)).toBe('In position. Go.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says a line by sentence a sentence at a time, each clause of a long one too, and tells it talking throughout', () => {
    const speak = vi.spyOn(window.speechSynthesis, 'speak').mockImplementation(() => {});
    const speech = new Speech(window);
    const talking: boolean[] = [];
    speech.talking$.subscribe((t) => talking.push(t));
    speech.say(
      'Lie on your back at a wall, legs up the wall; walk your heels up. Keep still there to start',
      { topic: 'position', bySentence: true },
    );
    const endCurrent = () => speak.mock.calls.at(-1)![0].dispatchEvent(new Event('end'));
    endCurrent();
    endCurrent();
    expect(talking).toEqual([false, true]);
    endCurrent();
    expect(spokenTexts(speak)).toEqual([
      'Lie on your back at a wall, legs up the wall;',
      'walk your heels up.',
      'Keep still there to start',
    ]);
    expect(talking).toEqual([false, true, false]);
  });

  it('drops a wrong position still waiting once the person is in position', () => {
    const speak = vi.spyOn(window.speechSynthesis, 'speak').mockImplementation(() => {});
    const speech = new Speech(window);
    speech.say('Bat hang, set one of two. Four slow breaths. Lie on your back at a wall', {
      interrupt: true,
    });
    speech.say('You seem to be face down: Bat hang is done on your back.', { topic: 'position' });
    speech.say('In position. Go.', { topic: 'position' });
    speak.mock.calls[0][0].dispatchEvent(new Event('end'));
    expect(spokenTexts(speak).slice(1)).toEqual(['In position. Go.']);
  });

  it('cuts off what is said and queued for an interrupting cue, and drops the oldest of a long queue', () => {
    const speak = vi.spyOn(window.speechSynthesis, 'speak').mockImplementation(() => {});
    const cancel = vi.spyOn(window.speechSynthesis, 'cancel');
    const speech = new Speech(window);
    speech.say('Rest, thirty seconds');
    speech.say('Next: Superman, set two of three');
    speech.say('Hips up', { interrupt: true });
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(spokenTexts(speak)).toEqual(['Rest, thirty seconds', 'Hips up']);
    expect(speech.queued).toBe(1);
    for (let i = 0; i <= MAX_QUEUED; i++) speech.say(`line ${i}`);
    expect(speech.queued).toBe(1 + MAX_QUEUED);
    for (let i = 1; i <= MAX_QUEUED; i++) speak.mock.calls.at(-1)![0].dispatchEvent(new Event('end'));
    expect(spokenTexts(speak).slice(2)).toEqual(
      Array.from({ length: MAX_QUEUED }, (_, i) => `line ${i + 1}`),
    );
  });

  it('frees an utterance when the engine reports its end or an error', () => {
    const speak = vi.spyOn(window.speechSynthesis, 'speak').mockImplementation(() => {});
    const speech = new Speech(window);
    speech.say('one');
    expect(speech.queued).toBe(1);
    speak.mock.calls[0][0].dispatchEvent(new Event('error'));
    expect(speech.queued).toBe(0);
  });

  it('goes on with the next line when the engine never reports an end', () => {
    vi.useFakeTimers();
    try {
      const speak = vi.spyOn(window.speechSynthesis, 'speak').mockImplementation(() => {});
      const speech = new Speech(window);
      speech.say('Rest, thirty seconds');
      speech.say('Next: Glute bridge');
      vi.advanceTimersByTime(3000);
      expect(spokenTexts(speak)).toEqual(['Rest, thirty seconds']);
      vi.advanceTimersByTime(10_000);
      expect(spokenTexts(speak)).toEqual(['Rest, thirty seconds', 'Next: Glute bridge']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stays silent when muted and silences what is being said at the moment of muting', () => {
    const speak = vi.spyOn(window.speechSynthesis, 'speak').mockImplementation(() => {});
    const cancel = vi.spyOn(window.speechSynthesis, 'cancel');
    const speech = new Speech(window);
    speech.say('five');
    speech.configure({ muted: true });
    expect(cancel).toHaveBeenCalledTimes(1);
    speech.say('four');
    expect(spokenTexts(speak)).toEqual(['five']);
    speech.configure({ muted: false });
    speech.say('three');
    expect(spokenTexts(speak)).toEqual(['five', 'three']);
  });

  it('uses the chosen voice when the browser has it, else an English default', () => {
    const voices = [
      { voiceURI: 'de', name: 'Anna', lang: 'de-DE', default: true, localService: true },
      { voiceURI: 'en-a', name: 'Amy', lang: 'en-GB', default: false, localService: true },
      { voiceURI: 'en-b', name: 'Bob', lang: 'en-US', default: false, localService: true },
    ] as SpeechSynthesisVoice[];
    vi.spyOn(window.speechSynthesis, 'getVoices').mockReturnValue(voices);
    const said: { text: string; voice: SpeechSynthesisVoice | null }[] = [];
    const host = {
      speechSynthesis: {
        getVoices: () => voices,
        speak: (u: StandInUtterance) => {
          said.push({ text: u.text, voice: u.voice });
          u.dispatchEvent(new Event('end'));
        },
        cancel: () => {},
      } as unknown as SpeechSynthesis,
      SpeechSynthesisUtterance: StandInUtterance as unknown as typeof SpeechSynthesisUtterance,
    };
    const speech = new Speech(host);
    expect(speech.voices().map((v) => v.uri)).toEqual(['de', 'en-a', 'en-b']);
    speech.say('one');
    speech.configure({ voiceUri: 'en-b' });
    speech.say('two');
    speech.configure({ voiceUri: 'gone' });
    speech.say('three');
    expect(said.map((s) => s.voice?.name)).toEqual(['Amy', 'Bob', 'Amy']);
  });

  it('never throws without speechSynthesis, or when the engine throws', () => {
    const none = new Speech({});
    expect(none.available).toBe(false);
    expect(() => none.say('one', { interrupt: true })).not.toThrow();
    expect(none.voices()).toEqual([]);
    vi.spyOn(window.speechSynthesis, 'speak').mockImplementation(() => {
      throw new Error('engine down');
    });
    expect(() => new Speech(window).say('two')).not.toThrow();
  });

  it('is heard where a voice is listed, or where the engine lists none but says a line to its end', async () => {
    // Headless Chromium lists none and fails each line: not heard.
    const failing = new Speech(window);
    failing.say('one');
    await vi.waitFor(() => expect(failing.queued).toBe(0), { timeout: 5000 });
    expect(failing.heard).toBe(false);
    // A phone may list none and still speak.
    const speak = vi.spyOn(window.speechSynthesis, 'speak').mockImplementation(() => {});
    const speaking = new Speech(window);
    speaking.say('one');
    expect(speaking.heard).toBe(false);
    speak.mock.calls[0][0].dispatchEvent(new Event('end'));
    expect(speaking.heard).toBe(true);
    speaking.configure({ muted: true });
    expect(speaking.heard).toBe(false);
    const voice = { voiceURI: 'en', name: 'Amy', lang: 'en-GB', default: true, localService: true };
    vi.spyOn(window.speechSynthesis, 'getVoices').mockReturnValue([voice as SpeechSynthesisVoice]);
    expect(new Speech(window).heard).toBe(true);
  });

  it('really speaks in Chromium, whatever the outcome without voices', async () => {
    const speech = new Speech(window);
    expect(speech.available).toBe(true);
    speech.say('one');
    // No voices here: the engine fails the utterance, and the adapter lets it go.
    await vi.waitFor(() => expect(speech.queued).toBe(0), { timeout: 5000 });
  });
});

/** Renders a tone offline and returns its samples. */
async function render(kind: keyof typeof TONES): Promise<Float32Array> {
  const rate = 22_050;
  let context: OfflineAudioContext | null = null;
  class Offline extends OfflineAudioContext {
    constructor() {
      super(1, rate, rate);
      context = this;
    }
  }
  const length = new Tones({ AudioContext: Offline }).play(kind);
  expect(length).toBeGreaterThan(0);
  const buffer = await (context as unknown as OfflineAudioContext).startRendering();
  return buffer.getChannelData(0);
}

/** How long the sound is audible, in seconds, at 22 050 Hz. */
function audibleS(samples: Float32Array): number {
  let first = -1;
  let last = -1;
  samples.forEach((v, i) => {
    if (Math.abs(v) > 0.01) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? 0 : (last - first) / 22_050;
}

describe('Tones', () => {
  it('renders each tone as sound of its own length', async () => {
    const lengths: Record<string, number> = {};
    for (const kind of Object.keys(TONES) as (keyof typeof TONES)[]) {
      const samples = await render(kind);
      const rms = Math.sqrt(samples.reduce((sum, v) => sum + v * v, 0) / samples.length);
      expect(rms, kind).toBeGreaterThan(0.005);
      const notes = TONES[kind];
      const expected = Math.max(...notes.map((n) => n.atS + n.durS)) - notes[0].atS;
      lengths[kind] = audibleS(samples);
      expect(lengths[kind], kind).toBeCloseTo(expected, 1);
    }
    // The rep tick is the shortest: it comes every couple of seconds.
    expect(Math.min(...Object.values(lengths))).toBe(lengths.rep);
  });

  it('makes and runs its audio context when unlocked from a tap', async () => {
    let made: AudioContext | null = null;
    class Recorded extends AudioContext {
      constructor() {
        super();
        made = this;
      }
    }
    const tones = new Tones({ AudioContext: Recorded });
    // A real tap, as on the Start button: only inside one may the context start.
    const button = document.createElement('button');
    button.textContent = 'Start';
    button.addEventListener('click', () => tones.unlock());
    document.body.append(button);
    await userEvent.click(button);
    button.remove();
    const context = made as AudioContext | null;
    expect(context).not.toBeNull();
    await vi.waitFor(() => expect(context?.state).toBe('running'));
    tones.unlock();
    expect(made).toBe(context);
    tones.close();
    await vi.waitFor(() => expect(context?.state).toBe('closed'));
  });

  it('plays on the real AudioContext and gives up quietly without one', () => {
    const tones = new Tones(window);
    expect(tones.play('rep')).toBeCloseTo(0.08);
    tones.close();
    expect(new Tones({}).play('rest-end')).toBe(0);
  });
});

describe('Vibration', () => {
  it('passes the pattern to navigator.vibrate, and does nothing where there is none', () => {
    const patterns: VibratePattern[] = [];
    const vibration = new Vibration({ vibrate: (p) => patterns.push(p) > 0 });
    expect(vibration.vibrate([100, 80, 100])).toBe(true);
    vibration.stop();
    expect(patterns).toEqual([[100, 80, 100], 0]);
    expect(new Vibration({}).vibrate([40])).toBe(false);
    expect(() => new Vibration(navigator).vibrate([40])).not.toThrow();
  });
});

describe('ScreenWakeLock', () => {
  it('holds the screen on, asks again when the page becomes visible after losing it, and lets go', async () => {
    const sentinels: WakeLockSentinel[] = [];
    const original = navigator.wakeLock.request.bind(navigator.wakeLock);
    const request = vi.spyOn(navigator.wakeLock, 'request').mockImplementation(async (type) => {
      const sentinel = await original(type);
      sentinels.push(sentinel);
      return sentinel;
    });
    const lock = new ScreenWakeLock(navigator, document);
    await lock.acquire();
    expect(lock.held).toBe(true);
    await lock.acquire();
    expect(request).toHaveBeenCalledTimes(1);

    // Hiding the page releases the lock; showing it again fires visibilitychange.
    await sentinels[0].release();
    expect(lock.held).toBe(false);
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(lock.held).toBe(true));
    expect(request).toHaveBeenCalledTimes(2);

    await lock.release();
    expect(lock.held).toBe(false);
    expect(sentinels[1].released).toBe(true);
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('goes on without a lock where the browser has none or refuses, and says the screen may go off', async () => {
    const said = (lock: ScreenWakeLock) => {
      const values: boolean[] = [];
      lock.cannotKeepOn$.subscribe((v) => values.push(v));
      return values;
    };
    const none = new ScreenWakeLock({}, document);
    const fromNone = said(none);
    await none.acquire();
    expect(none.held).toBe(false);
    await none.release();
    expect(fromNone).toEqual([false, true, false]);

    let refuse = true;
    const refusing = new ScreenWakeLock(
      {
        wakeLock: {
          request: (type) =>
            refuse
              ? Promise.reject(new DOMException('no', 'NotAllowedError'))
              : navigator.wakeLock.request(type),
        },
      },
      document,
    );
    const fromRefusing = said(refusing);
    await expect(refusing.acquire()).resolves.toBeUndefined();
    expect(refusing.held).toBe(false);
    expect(fromRefusing).toEqual([false, true]);
    // Battery saver off, the page shown again: kept on after all.
    refuse = false;
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(refusing.held).toBe(true));
    expect(fromRefusing).toEqual([false, true, false]);
    await refusing.release();
  });
});
