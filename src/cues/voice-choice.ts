// Which voice says the coach's lines, among those the browser lists: pure, so that the choice is tested
// without a speech engine.

/** A voice as the settings screen lists it. */
export interface VoiceChoice {
  readonly uri: string;
  readonly name: string;
  readonly lang: string;
  readonly isDefault: boolean;
  /** It speaks English, as the coach does. */
  readonly english: boolean;
}

/** The fields of a browser's voice that the choice reads. */
export type ListedVoice = Pick<SpeechSynthesisVoice, 'voiceURI' | 'name' | 'lang' | 'default'>;

/** A voice the browser lists, as the settings screen lists it. */
export function toVoiceChoice(voice: ListedVoice): VoiceChoice {
  return {
    uri: voice.voiceURI,
    name: voice.name,
    lang: voice.lang,
    isDefault: voice.default,
    english: speaksEnglish(voice.lang),
  };
}

/** A language tag as voices and browsers variously write it ("en_IN", "en-in") in one form: "en-in". */
function tag(lang: string): string {
  return lang.replace('_', '-').toLowerCase();
}

/** Whether a voice speaks English: the coach's lines are English. */
export function speaksEnglish(lang: string): boolean {
  return /^en(-|$)/.test(tag(lang));
}

/**
 * The voice to speak with: the one chosen in the settings if this device has it; else an English
 * one, the person's own English first (one of their languages, then their region's: Indian English
 * for hi-IN), then the device's default English, then any; null when there is no English voice, for
 * the browser to find one for the language (another language's voice reads English badly).
 */
export function pickVoice<V extends Pick<SpeechSynthesisVoice, 'voiceURI' | 'lang' | 'default'>>(
  voices: readonly V[],
  chosenUri: string | null,
  languages: readonly string[],
): V | null {
  const chosen = chosenUri ? voices.find((v) => v.voiceURI === chosenUri) : undefined;
  if (chosen) return chosen;
  const english = voices.filter((v) => speaksEnglish(v.lang));
  const own = languages.map(tag);
  const regions = own.flatMap((l) => l.split('-').slice(1, 2));
  return (
    own.flatMap((l) => english.filter((v) => tag(v.lang) === l))[0] ??
    regions.flatMap((r) => english.filter((v) => tag(v.lang) === `en-${r}`))[0] ??
    english.find((v) => v.default) ??
    english[0] ??
    null
  );
}
