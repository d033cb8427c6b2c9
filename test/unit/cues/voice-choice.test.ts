import { describe, expect, it } from 'vitest';
import { pickVoice, speaksEnglish } from '../../../src/cues/voice-choice.ts';

const voice = (voiceURI: string, lang: string, isDefault = false) => ({ voiceURI, lang, default: isDefault });

describe('the voice the coach speaks with', () => {
  const anna = voice('anna', 'de-DE', true);
  const au = voice('au', 'en-AU');
  const gb = voice('gb', 'en_GB');
  const us = voice('us', 'en-US');
  const india = voice('in', 'en-IN');

  it('is the one chosen in the settings, when the device has it, whatever its language', () => {
    expect(pickVoice([anna, us], 'anna', ['en-US'])).toBe(anna);
    expect(pickVoice([anna, us], 'gone', ['en-US'])).toBe(us);
  });

  it("is otherwise an English voice: the person's own English, then their region's, then the default", () => {
    // A British person's phone lists an Australian voice first.
    expect(pickVoice([au, us, gb], null, ['en-GB', 'en'])).toBe(gb);
    // An Indian person whose browser speaks Hindi: Indian English, not the first English voice.
    expect(pickVoice([anna, us, india], null, ['hi-IN', 'hi'])).toBe(india);
    // A German one: no German English voice; the device's default English one, else the first.
    expect(pickVoice([anna, au, { ...us, default: true }], null, ['de-DE'])).toMatchObject({
      voiceURI: 'us',
    });
    expect(pickVoice([anna, au, us], null, ['de-DE'])).toBe(au);
  });

  it('is none of another language: the browser is left to find English', () => {
    expect(pickVoice([anna, voice('maged', 'ar-SA')], null, ['ar-EG'])).toBeNull();
    expect(pickVoice([], null, ['en-US'])).toBeNull();
  });

  it('tells English voices by their language, however it is written', () => {
    expect(['en', 'en-US', 'EN_gb', 'en-IN'].every(speaksEnglish)).toBe(true);
    expect(['de-DE', 'eng', '', 'ar-EG'].some(speaksEnglish)).toBe(false);
  });
});
