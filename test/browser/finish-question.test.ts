// Finish's question on a laptop, where the set and rest screens put their words beside the ring.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { spokenDuration } from '../../src/cues/cue-planner.ts';
import '../../src/ui/bb-rest-view.ts';
import '../../src/ui/bb-set-view.ts';
import { exerciseById } from '../../src/workout/program.ts';
import { type AppShell, mountApp } from './app-shell.ts';
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

// A person on the mat hears the question's pause ("Paused. End the session?"), so they must hear
// its end too: a rest that goes on in silence sounds as though it were still paused.
describe("the voice as Finish's question is taken back in a rest", () => {
  let mounted: AppShell | null = null;
  beforeAll(async () => {
    await page.viewport(1366, 768);
  });
  afterAll(async () => {
    await page.viewport(414, 896);
  });
  afterEach(() => {
    mounted?.remove();
    mounted = null;
    vi.restoreAllMocks();
  });

  /** Finish, and the answer that takes its question back, by tap and by keyboard. */
  const ways = {
    'a tap on Finish and on Keep going, while the voice still asks': {
      ask: () => userEvent.click(page.getByRole('button', { name: 'Finish' })),
      takeBack: () => userEvent.click(page.getByRole('button', { name: 'Keep going' })),
    },
    'Enter on Finish and Escape, while the voice still asks': {
      ask: async () => {
        (page.getByRole('button', { name: 'Finish' }).element() as HTMLElement).focus();
        await userEvent.keyboard('{Enter}');
      },
      takeBack: () => userEvent.keyboard('{Escape}'),
    },
    'Enter on Finish and Escape, once the voice has asked': {
      ask: async () => {
        (page.getByRole('button', { name: 'Finish' }).element() as HTMLElement).focus();
        await userEvent.keyboard('{Enter}');
      },
      takeBack: async (shell: AppShell) => {
        await expect.poll(() => shell.app.cues!.outputs.speech.queued, { timeout: 5000 }).toBe(0);
        await userEvent.keyboard('{Escape}');
      },
    },
  };

  it.each(Object.entries(ways))('says how long the rest goes on after %s', async (_, { ask, takeBack }) => {
    // A voice that takes its time, as a real one does: 60 ms a character.
    let current: SpeechSynthesisUtterance | null = null;
    /** The seconds of rest left as the voice began to say how many are left. */
    let leftAsHeardS = Number.NaN;
    const speak = vi.spyOn(speechSynthesis, 'speak').mockImplementation((utterance) => {
      current = utterance;
      const restEndsMs = mounted?.app.session.state.restEndsMs ?? null;
      if (utterance.text.startsWith('Rest goes on') && restEndsMs !== null)
        leftAsHeardS = (restEndsMs - performance.now()) / 1000;
      setTimeout(() => {
        if (current === utterance) utterance.dispatchEvent(new Event('end'));
      }, utterance.text.length * 60);
    });
    // A line cut off ends in an error, as a browser's does.
    vi.spyOn(speechSynthesis, 'cancel').mockImplementation(() => {
      const cut = current;
      current = null;
      cut?.dispatchEvent(new Event('error'));
    });
    const said = () => speak.mock.calls.map(([utterance]) => utterance.text);
    mounted = await mountApp({ start: true, cueHosts: { window, navigator, document } });
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Start the set' }));
    await userEvent.click(page.getByRole('button', { name: 'Skip set' }));
    await expect.element(page.getByRole('heading', { name: 'Rest' })).toBeVisible();
    await ask();
    await expect.poll(() => said().at(-1)).toBe('Paused. End the session?');
    await takeBack(mounted);
    expect(mounted.app.session.state.pausedAtMs).toBeNull();
    await expect
      .poll(() => said().at(-1), { timeout: 5000 })
      .toMatch(/^Rest goes on: [a-z -]+ seconds? left\.?$/);
    // True as it is heard: the whole seconds left then, give or take the moment the voice takes to
    // begin. Said behind the question's line, it was a second or two more than were left.
    const line = said().at(-1)!.replace(/\.$/, '');
    const saidS = Array.from({ length: 600 }, (_, s) => s).find(
      (s) => line === `Rest goes on: ${spokenDuration(s)} left`,
    )!;
    expect(saidS - leftAsHeardS).toBeGreaterThanOrEqual(0);
    expect(saidS - leftAsHeardS).toBeLessThan(1.25);
  });
});
