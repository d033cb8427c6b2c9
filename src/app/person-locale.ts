// The locale dates, times and numbers are written in, from the browser's languages: read here, in
// the composition root, so that the screens' words (ui/format.ts) stay pure and the devices, which
// name a replay by its date, need nothing of the screens.

/**
 * The locale the app writes dates, times and numbers in: English, as every other word on its
 * screens, in the person's own style (their region's order of day and month, their 12- or 24-hour
 * clock): "22 Nov 2026, 18:20" on a German phone rather than "22.11.2026, 18:20" inside an English
 * sentence, and never another script's digits among English words.
 */
export function englishLocaleFor(languages: readonly string[]): string {
  const first = languages[0];
  if (!first) return 'en';
  try {
    const own = new Intl.Locale(first).maximize();
    const { hourCycle } = new Intl.DateTimeFormat(first, { hour: 'numeric' }).resolvedOptions();
    const english = own.language === 'en' ? first : own.region ? `en-${own.region}` : 'en';
    return new Intl.Locale(english, hourCycle ? { hourCycle } : {}).toString();
  } catch {
    // A language tag the browser's Intl cannot read: plain English.
    return 'en';
  }
}

let remembered: { readonly key: string; readonly locale: string } | null = null;

/** englishLocaleFor the browser's languages, worked out once for as long as they stay the same. */
export function personLocale(): string {
  const languages = typeof navigator === 'undefined' ? [] : navigator.languages;
  const key = languages.join(',');
  if (remembered?.key !== key) remembered = { key, locale: englishLocaleFor(languages) };
  return remembered.locale;
}
