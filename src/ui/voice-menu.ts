import type { VoiceChoice } from '../cues/speech.ts';

/** The menu's first choice: no voice of the person's own picking. */
export const ANY_VOICE = 'Any English voice';
/** The choice kept from another device, whose voice this one does not have. */
export const VOICE_NOT_HERE = 'Chosen voice (not on this device)';

/** A voice as the menu names it: "Google UK English Female (en-GB)". */
export function voiceText(voice: VoiceChoice): string {
  return `${voice.name} (${voice.lang})`;
}

/** The words of the menu's chosen voice, as its closed menu would show them whole. */
export function chosenVoiceText(uri: string | null, voices: readonly VoiceChoice[]): string {
  if (uri === null) return ANY_VOICE;
  const voice = voices.find((v) => v.uri === uri);
  return voice ? voiceText(voice) : VOICE_NOT_HERE;
}

/** Whether the chosen voice is one the menu lists (none chosen is "Any English voice", always there). */
export function chosenVoiceListed(uri: string | null, voices: readonly VoiceChoice[]): boolean {
  return uri === null || voices.some((v) => v.uri === uri);
}

/** The coach speaks English: English voices first, by name, and the others apart. */
export function voicesByLanguage(voices: readonly VoiceChoice[]): {
  readonly english: readonly VoiceChoice[];
  readonly others: readonly VoiceChoice[];
} {
  const byName = (a: VoiceChoice, b: VoiceChoice) => a.name.localeCompare(b.name);
  return {
    english: voices.filter((v) => v.english).sort(byName),
    others: voices.filter((v) => !v.english).sort(byName),
  };
}

/** Whether two voice lists differ in any voice. */
export function otherVoices(next: readonly VoiceChoice[], previous?: readonly VoiceChoice[]): boolean {
  if (!previous || next.length !== previous.length) return true;
  return next.some((v, i) => {
    const p = previous[i];
    return v.uri !== p.uri || v.name !== p.name || v.lang !== p.lang || v.isDefault !== p.isDefault;
  });
}

/**
 * Why the coach may be silent or speak with a foreign voice, while it is not muted: some systems have
 * no speech voices at all (Chromium on Linux without a speech service), and the person should know
 * why, and what still works.
 */
export function voicesMissingNote(voices: readonly VoiceChoice[], muted: boolean): string | null {
  if (muted) return null;
  if (voices.length === 0)
    return 'This browser lists no voices: if Try the voice is silent, the count still shows on screen, and tones and vibration still mark reps and holds.';
  if (!voices.some((v) => v.english))
    return "This device has no English voice, so the coach's English may be read by a voice for another language. An English voice can be added in the device's text-to-speech settings.";
  return null;
}
