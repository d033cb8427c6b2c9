// Settings and History are opened from the same two buttons of the header: on a laptop both are the
// same column down the middle of the window, their Back where the other's was, and the settings' long
// notes in lines a person can read, not lines across the whole screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { SessionStore } from '../../src/store/session-store.ts';
import { recordSession } from '../unit/export/recorded-session.ts';
import { type AppShell, mountApp, openScreenFromHeader } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

/** The screen's box and its Back button's, in whole pixels. */
function boxes(screen: 'bb-settings' | 'bb-history', shell: AppShell['shell']) {
  const element = shell.shadowRoot!.querySelector(screen)!;
  const back = element.shadowRoot!.querySelector('.title button, button.back, button')!;
  const box = (e: Element) => {
    const { left, width } = e.getBoundingClientRect();
    return { left: Math.round(left), width: Math.round(width) };
  };
  return { screen: box(element), back: box(back) };
}

describe('Settings on a laptop', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await layOutAsTheApp(1366, 768);
    mounted = await mountApp();
  });

  afterAll(async () => {
    mounted.remove();
    await restore();
  });

  it("is History's column, its Back where History's is", async () => {
    await openScreenFromHeader('History');
    await expect.element(page.getByRole('heading', { name: 'History', exact: true })).toBeVisible();
    const history = boxes('bb-history', mounted.shell);
    await openScreenFromHeader('Settings');
    await expect.element(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
    const settings = boxes('bb-settings', mounted.shell);
    expect(history.screen.width).toBeLessThanOrEqual(960);
    expect(settings.screen).toEqual(history.screen);
    expect(settings.back.left).toBe(history.back.left);
    // The notes under the session's choices: no line a laptop's whole width.
    const note = mounted.shell
      .shadowRoot!.querySelector('bb-settings')!
      .shadowRoot!.querySelector('fieldset .note')!;
    expect(note.getBoundingClientRect().width).toBeLessThan(960);
  });
});

describe('the cards of Settings and History', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;
  const name = `settings-column-${Date.now()}`;

  beforeAll(async () => {
    restore = await layOutAsTheApp(1366, 768);
    const seed = await SessionStore.open({ name });
    await seed.importBundles([await recordSession()]);
    seed.close();
    mounted = await mountApp({ start: true, openStore: () => SessionStore.open({ name }) });
  });

  afterAll(async () => {
    mounted.remove();
    indexedDB.deleteDatabase(name);
    await restore();
  });

  /** How `screen` spaces its list of cards and the first card's parts, as the browser laid them out. */
  function cardSpacing(screen: 'bb-settings' | 'bb-history', list: string) {
    const root = mounted.shell.shadowRoot!.querySelector(screen)!.shadowRoot!;
    const cards = getComputedStyle(root.querySelector(list)!);
    const card = getComputedStyle(root.querySelector(`${list} > li`)!);
    return {
      between: cards.rowGap,
      within: card.rowGap,
      padding: card.padding,
      border: `${card.borderTopWidth} ${card.borderTopStyle}`,
      corners: card.borderRadius,
    };
  }

  it("space a session's card as an exercise's, between the cards and within each", async () => {
    await openScreenFromHeader('History');
    await expect.element(page.getByRole('list', { name: 'Saved sessions' })).toBeVisible();
    const history = cardSpacing('bb-history', 'ul');
    await openScreenFromHeader('Settings');
    await expect.element(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
    expect(cardSpacing('bb-settings', 'fieldset ol')).toEqual(history);
  });
});
