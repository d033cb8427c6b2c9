import type { LitElement } from 'lit';

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
