// The notice above the screen while storage is full and sessions are held in memory only, on the
// smallest phone (180 px wide, or a phone with its text at twice its size): its words and its buttons
// inside its border, where the person reads them and taps.
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { HistoryModel } from '../../src/app/history-model.ts';
import type { Persistence } from '../../src/app/persistence.ts';
import { StoreError } from '../../src/store/errors.ts';
import '../../src/ui/bb-storage-notice.ts';
import { layOutAsTheApp, mount } from './mount.ts';

/**
 * What the notice reads of the app: a store that opened and saved, then filled up (or failed with
 * `problem`), `held` sessions in memory only; `noneSaved`: the store took nothing of any of them.
 */
function fullStore(
  held: number,
  hasCurrent: boolean,
  problem = new StoreError('quota'),
  noneSaved = false,
): Persistence {
  const history = new HistoryModel();
  history.update({ storage: 'memory', storeOpened: true, problem, hasCurrent });
  return {
    history,
    sessionsHeldInMemory: () => held,
    noneHeldInMemorySaved: () => noneSaved,
  } as unknown as Persistence;
}

/** How far each of the notice's lines and buttons reaches past the inside of its border, in px. */
function pastTheBorder(notice: HTMLElement): Record<string, number> {
  const section = notice.shadowRoot!.querySelector('section')!;
  const box = section.getBoundingClientRect();
  const inside = box.right - Number.parseFloat(getComputedStyle(section).borderRightWidth);
  const past: Record<string, number> = {};
  for (const part of section.querySelectorAll('p, button')) {
    const over = part.getBoundingClientRect().right - inside;
    if (over > 0.5) past[part.textContent!.trim()] = Math.round(over);
  }
  return past;
}

/** On the smallest phone the notice's message and buttons are under its few words, opened with More. */
async function openWithMore(notice: HTMLElement): Promise<void> {
  await userEvent.click(notice.shadowRoot!.querySelector('summary')!);
  await expect.element(page.elementLocator(notice.shadowRoot!.querySelector('button')!)).toBeVisible();
}

describe('the notice of sessions held in memory while storage is full, 180 px wide', () => {
  afterEach(() => document.body.replaceChildren());

  it.each([
    ['several sessions, backed up all at once', 2, false, 'Back up all sessions (JSON)'],
    ['the session just ended', 1, true, 'Save this session (JSON)'],
    ['one that ended earlier, the last not kept', 1, false, 'Back up all sessions (JSON)'],
  ])('keeps its words and buttons inside its border: %s', async (_, held, hasCurrent, button) => {
    const restore = await layOutAsTheApp(180, 320, '0 1rem');
    try {
      const notice = await mount('bb-storage-notice', { persistence: fullStore(held, hasCurrent) });
      await openWithMore(notice);
      expect(notice.shadowRoot!.querySelector('button')!.textContent!.trim()).toBe(button);
      expect(pastTheBorder(notice)).toEqual({});
    } finally {
      await restore();
    }
  });
});

describe('the notice of sessions a full store never took, 180 px wide', () => {
  afterEach(() => document.body.replaceChildren());

  it.each([
    ['several sessions, backed up all at once', 2, true, 'Back up all sessions (JSON)'],
    ['the session just ended', 1, true, 'Save this session (JSON)'],
  ])('says they are not saved yet, inside its border: %s', async (_, held, hasCurrent, button) => {
    const restore = await layOutAsTheApp(180, 320, '0 1rem');
    try {
      const persistence = fullStore(held, hasCurrent, new StoreError('quota'), true);
      const notice = await mount('bb-storage-notice', { persistence });
      await openWithMore(notice);
      expect(notice.shadowRoot!.querySelector('p')!.textContent).toMatch(/not been saved yet/);
      expect(notice.shadowRoot!.querySelector('button')!.textContent!.trim()).toBe(button);
      expect(pastTheBorder(notice)).toEqual({});
    } finally {
      await restore();
    }
  });
});

describe('the notice of sessions held in memory after the store failed for another reason than room', () => {
  afterEach(() => document.body.replaceChildren());

  it.each([
    ['an earlier session, the last not kept', 1, false, 'Save that session (JSON)'],
    ['several sessions, the last among them', 2, true, 'Save these 2 sessions (JSON)'],
  ])('offers to save %s, inside its border on the smallest phone', async (_, held, hasCurrent, button) => {
    const restore = await layOutAsTheApp(180, 320, '0 1rem');
    try {
      const closed = new StoreError('unavailable', new DOMException('closed', 'InvalidStateError'));
      const notice = await mount('bb-storage-notice', { persistence: fullStore(held, hasCurrent, closed) });
      await openWithMore(notice);
      const buttons = [...notice.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
      expect(buttons).toEqual([button]);
      expect(pastTheBorder(notice)).toEqual({});
    } finally {
      await restore();
    }
  });
});
