import type { LitElement } from 'lit';
import { page } from 'vitest/browser';

type Tag = {
  [K in keyof HTMLElementTagNameMap]: HTMLElementTagNameMap[K] extends LitElement ? K : never;
}[keyof HTMLElementTagNameMap];

/** Puts a component on the page with the given properties, rendered. */
export async function mount<K extends Tag>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]>,
): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tag);
  Object.assign(element, properties);
  document.body.append(element);
  await (element as LitElement).updateComplete;
  return element;
}

/** index.html's typeface, which the components inherit. */
const APP_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Lays the page out as index.html does for the app (its typeface, no margin, and the padding the
 * app's main gives, if asked) in a window of the given size; returns what puts both back.
 */
export async function layOutAsTheApp(
  width: number,
  height: number,
  padding = '',
): Promise<() => Promise<void>> {
  const before = { width: innerWidth, height: innerHeight };
  await page.viewport(width, height);
  const root = document.documentElement.style;
  const body = document.body.style;
  root.fontFamily = APP_FONT;
  body.margin = '0';
  body.padding = padding;
  return async () => {
    root.fontFamily = '';
    body.margin = '';
    body.padding = '';
    await page.viewport(before.width, before.height);
  };
}

/** A phone upright and on its side, a laptop, and a phone with its text at twice its size (180 × 320). */
export const PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT = [
  [360, 640],
  [640, 360],
  [1366, 768],
  [180, 320],
] as const;

/**
 * The lines of the devices a set or rest goes on without, one of them (a short line, a long one that
 * wraps) and two away at once, a strap and a watch, as the app gives them (see goneOnWithoutLine).
 */
export const DEVICES_GONE_ON_WITHOUT: readonly (readonly string[])[] = [
  ['Strap reconnecting: keep going'],
  ['Heart-rate strap reconnecting: keep going'],
  ['Heart-rate strap out of reach: keep going', 'Watch out of reach: keep going'],
];

/** The padding bb-app's main puts around a screen under the header. */
const MAIN_PADDING = '0.75rem 1rem';

/**
 * Runs `test` with the page laid out as the app's main in a window of `width` × `height`, and puts
 * the page back after, whether `test` passed or not.
 */
export async function inTheAppsMain(width: number, height: number, test: () => Promise<void>): Promise<void> {
  const restore = await layOutAsTheApp(width, height, MAIN_PADDING);
  try {
    await test();
  } finally {
    await restore();
  }
}
