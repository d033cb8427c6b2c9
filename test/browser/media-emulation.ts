// The page as a browser with a person's display preferences shows it: reduced motion, forced colours.
import { cdp } from 'vitest/browser';

/** A media feature the browser is told the person has set, as its settings would. */
export interface MediaFeature {
  readonly name: 'prefers-reduced-motion' | 'forced-colors' | 'prefers-color-scheme';
  readonly value: string;
}

/** Shows the page with `features` set, until `emulateMedia([])` sets them back to the browser's own. */
export async function emulateMedia(features: readonly MediaFeature[]): Promise<void> {
  await cdp().send('Emulation.setEmulatedMedia', { features: [...features] });
}
