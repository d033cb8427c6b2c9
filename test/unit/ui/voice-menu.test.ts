import { describe, expect, it } from 'vitest';
import type { VoiceChoice } from '../../../src/cues/speech.ts';
import {
  chosenVoiceListed,
  chosenVoiceText,
  otherVoices,
  voicesByLanguage,
  voicesMissingNote,
} from '../../../src/ui/voice-menu.ts';

const voice = (name: string, lang: string, english = lang.startsWith('en')): VoiceChoice => ({
  uri: `urn:${name}`,
  name,
  lang,
  isDefault: false,
  english,
});

const bob = voice('Bob', 'en-US');
const amy = voice('Amy', 'en-GB');
const anna = voice('Anna', 'de-DE');

describe('the menu of voices', () => {
  it('lists English voices first, by name, and the others apart', () => {
    expect(voicesByLanguage([anna, bob, amy])).toEqual({ english: [amy, bob], others: [anna] });
  });

  it('names the chosen voice as its closed menu would show it whole', () => {
    expect(chosenVoiceText(null, [bob])).toBe('Any English voice');
    expect(chosenVoiceText(bob.uri, [amy, bob])).toBe('Bob (en-US)');
    expect(chosenVoiceText('urn:gone', [amy, bob])).toBe('Chosen voice (not on this device)');
  });

  it('knows a chosen voice this device does not have', () => {
    expect(chosenVoiceListed(null, [])).toBe(true);
    expect(chosenVoiceListed(bob.uri, [amy, bob])).toBe(true);
    expect(chosenVoiceListed(bob.uri, [amy])).toBe(false);
  });

  it('changes only where a voice differs, not on a list handed over afresh', () => {
    expect(otherVoices([amy, bob], [{ ...amy }, { ...bob }])).toBe(false);
    expect(otherVoices([amy, bob])).toBe(true);
    expect(otherVoices([amy, bob], [amy])).toBe(true);
    expect(otherVoices([amy, bob], [amy, { ...bob, isDefault: true }])).toBe(true);
  });

  it('says why the coach may be silent or foreign, unless it is muted', () => {
    expect(voicesMissingNote([], false)).toMatch(/^This browser lists no voices/);
    expect(voicesMissingNote([anna], false)).toMatch(/^This device has no English voice/);
    expect(voicesMissingNote([anna, bob], false)).toBeNull();
    expect(voicesMissingNote([], true)).toBeNull();
    expect(voicesMissingNote([anna], true)).toBeNull();
  });
});
