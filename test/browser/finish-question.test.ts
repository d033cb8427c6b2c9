// Finish's question on a laptop, where the set and rest screens put their words beside the ring.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/ui/bb-rest-view.ts';
import '../../src/ui/bb-set-view.ts';
import { exerciseById } from '../../src/workout/program.ts';
import { mount } from './mount.ts';

const SCREENS = {
  set: (paused = false) =>
    mount('bb-set-view', {
      paused,
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: {
        setNumber: 1,
        startedMs: 0,
        count: 2,
        sides: { left: 1, right: 1 },
        lastProgressMs: 0,
        holdStartMs: null,
        peakDeg: null,
        formIssues: [],
      },
      setsKept: { done: 1, cutShort: 0, skipped: 0 },
    }),
  rest: (paused = false) =>
    mount('bb-rest-view', {
      paused,
      remainingMs: 30_000,
      totalMs: 45_000,
      setsKept: { done: 1, cutShort: 0, skipped: 0 },
    }),
};

describe("Finish's question beside the ring", () => {
  beforeAll(async () => {
    await page.viewport(1366, 768);
  });
  afterAll(async () => {
    await page.viewport(414, 896);
  });
  afterEach(() => {
    document.body.replaceChildren();
  });

  it.each(Object.entries(SCREENS))(
    'keeps its buttons right under the question on the %s screen',
    async (_, show) => {
      const screen = await show();
      await page.getByRole('button', { name: 'Finish' }).click();
      const question = screen.shadowRoot!.querySelector('.finish-question')!;
      const words = question.querySelector('p')!.getBoundingClientRect();
      const buttons = question.querySelector('.controls')!.getBoundingClientRect();
      expect(buttons.top - words.bottom).toBeLessThanOrEqual(
        Number.parseFloat(getComputedStyle(question).rowGap),
      );
    },
  );

  it.each(Object.entries(SCREENS))(
    'holds the session still while it asks on the %s screen, and lets it go on with Keep going',
    async (_, show) => {
      const commands: string[] = [];
      const listen = (screen: HTMLElement) => {
        for (const name of ['bb-pause', 'bb-resume', 'bb-finish'] as const)
          screen.addEventListener(name, () => commands.push(name));
        screen.addEventListener('bb-pause', (event) => pauses.push(event.detail));
      };
      const pauses: unknown[] = [];
      const finish = page.getByRole('button', { name: 'Finish' });
      listen(await show());
      await finish.click();
      await page.getByRole('button', { name: 'Keep going' }).click();
      await finish.click();
      await page.getByRole('button', { name: 'End session' }).click();
      expect(commands).toEqual(['bb-pause', 'bb-resume', 'bb-pause', 'bb-finish']);
      // Pauses to ask, not ones the person asked for: the voice says nothing of them.
      expect(pauses).toEqual([{ toAsk: true }, { toAsk: true }]);
      // Paused already (by the person, or for a device): the answer leaves it paused.
      document.body.replaceChildren();
      commands.length = 0;
      listen(await show(true));
      await finish.click();
      await page.getByRole('button', { name: 'Keep going' }).click();
      expect(commands).toEqual([]);
    },
  );

  it.each(Object.entries(SCREENS))(
    'gives the focus back to Finish when the question is taken back, by Keep going or Escape, on the %s screen',
    async (_, show) => {
      const screen = await show();
      const focused = () => screen.shadowRoot!.activeElement?.textContent;
      await userEvent.click(page.getByRole('button', { name: 'Finish' }));
      await expect.poll(focused).toBe('Keep going');
      await userEvent.keyboard('{Enter}');
      await expect.poll(focused).toBe('Finish');
      await userEvent.keyboard('{Enter}');
      await expect.poll(focused).toBe('Keep going');
      await userEvent.keyboard('{Escape}');
      await expect.poll(focused).toBe('Finish');
      expect(screen.shadowRoot!.querySelector('.finish-question')).toBeNull();
    },
  );
});
