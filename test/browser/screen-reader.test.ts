// What a screen reader is given of a session: the coach's lines, in one live region that stays on the
// page from set to rest to summary, and only where the app's own voice is not heard (muted, or no voice
// on the device); with the voice on, nothing, so that the two never talk at once. A line a screen answers
// a tap with, which no voice says, is given it either way.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { StandInUtterance } from '../utterance.ts';
import { type AppShell, mountApp } from './app-shell.ts';

describe('the screen reader during a session', () => {
  let mounted: AppShell | null = null;
  afterEach(() => {
    mounted?.remove();
    vi.restoreAllMocks();
  });

  const region = () => mounted!.shell.shadowRoot!.querySelector('main > [role=status]');
  /** The elements the region's words are in, one for each turn's lines, put in anew for each. */
  const turns = () => [...(region()?.children ?? [])];
  /** The element of the latest turn's lines. */
  const words = () => turns().at(-1);
  /** The latest turn's lines. */
  const said = () => words()?.textContent ?? '';

  it('reads the coach’s lines through set and rest when the voice is muted, in one region', async () => {
    mounted = await mountApp({ start: true, settings: { muted: true } });
    const live = region();
    expect(live?.textContent).toBe('');
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    // The lines of one moment together: what the set is, where to lie and how, then the prompt.
    await expect.poll(said).toMatch(/^Superman, set one of three\. Ten reps\. .*Lie face down to start\.$/);
    await userEvent.click(page.getByRole('button', { name: 'Start the set' }));
    await expect.poll(said).toBe('Go.');
    mounted.app.session.adjustCount(1);
    await expect.poll(said).toBe('One.');
    await userEvent.click(page.getByRole('button', { name: 'Skip set' }));
    await expect.poll(said).toMatch(/^Set cut short: one rep done\. Rest, /);
    // The same element all along: a region that appears already filled is not read out.
    expect(region()).toBe(live);
  });

  it('reads nothing while the app’s voice speaks, and the lines once it is muted', async () => {
    // A device with a voice (headless Chromium has none of its own).
    const voice = { name: 'Test', lang: 'en-GB', voiceURI: 'test', default: true, localService: true };
    vi.spyOn(speechSynthesis, 'getVoices').mockReturnValue([voice as SpeechSynthesisVoice]);
    mounted = await mountApp({ start: true, cueHosts: { window, navigator, document } });
    expect(mounted.app.cues!.outputs.speech.available).toBe(true);
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Start the set' }));
    mounted.app.session.adjustCount(1);
    await expect.poll(() => mounted!.app.session.state.set?.count).toBe(1);
    expect(region()?.textContent).toBe('');
    // Muted now: what the voice said before is not news, what comes next is.
    mounted.app.settings.setMuted(true);
    await mounted.shell.updateComplete;
    expect(region()?.textContent).toBe('');
    mounted.app.session.adjustCount(1);
    await expect.poll(said).toBe('Two.');
    // The same words again are read again: put in anew, not left as they were.
    mounted.app.session.pause();
    await expect.poll(said).toBe('Paused.');
    const first = words();
    mounted.app.session.resume();
    mounted.app.session.pause();
    await expect.poll(words).not.toBe(first);
    expect(said()).toBe('Paused.');
  });

  it('reads none of the lines the voice had yet to say as it was muted', async () => {
    // A device with a voice that is still saying the set's first line as Mute is tapped.
    const voice = { voiceURI: 'en', name: 'Amy', lang: 'en-GB', default: true, localService: true };
    const handed: string[] = [];
    const host = {
      speechSynthesis: {
        getVoices: () => [voice],
        speak: (utterance: StandInUtterance) => handed.push(utterance.text),
        cancel: () => {},
      } as unknown as SpeechSynthesis,
      SpeechSynthesisUtterance: StandInUtterance as unknown as typeof SpeechSynthesisUtterance,
    };
    mounted = await mountApp({ start: true, cueHosts: { window: host, navigator, document } });
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await expect.poll(() => handed.length).toBeGreaterThan(0);
    mounted.app.settings.setMuted(true);
    await expect.poll(() => mounted!.app.cues!.outputs.speech.queued).toBe(0);
    await userEvent.click(page.getByRole('button', { name: 'Start the set' }));
    await expect.poll(said).toBe('Go.');
    // Handed to the voice before Mute: not news once muted.
    expect(region()?.textContent).not.toMatch(/Superman/);
  });

  it('lets the rest left, once said, go from the region as the ring counts on, once it could be read', async () => {
    mounted = await mountApp({ start: true, settings: { muted: true } });
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Start the set' }));
    await userEvent.click(page.getByRole('button', { name: 'Skip set' }));
    await expect.element(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    mounted.app.session.pause();
    await expect.poll(said).toBe('Paused.');
    mounted.app.session.resume();
    await expect.poll(said).toMatch(/^Rest goes on: [a-z-]+ seconds left\.$/);
    const cameMs = performance.now();
    // There as long as it takes to read, some 3 s: gone a second on, it could not be read.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(said()).toMatch(/seconds left/);
    // Then gone, the ring counting on: read later, the number it told was a wrong one.
    await expect.poll(() => region()?.textContent, { timeout: 2500 }).not.toMatch(/seconds left/);
    expect(performance.now() - cameMs).toBeLessThan(4500);
  });

  it('keeps lines the next replaced at once, for a screen reader to read both', async () => {
    mounted = await mountApp({ start: true, settings: { muted: true } });
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await expect.poll(said).toMatch(/Lie face down to start\.$/);
    const introduction = words();
    // In position a moment after: the set begins before a screen reader has read where to lie.
    mounted.app.session.beginSet();
    await expect.poll(said).toBe('Go.');
    expect(turns()).toHaveLength(2);
    // The introduction's element as it was, not put in again: a screen reader reads only what is new.
    expect(turns()[0]).toBe(introduction);
    expect(region()?.textContent).toMatch(/Lie face down to start\. Go\./);
  });

  it('leaves the session’s last lines behind when the history opens from the summary', async () => {
    mounted = await mountApp({ start: true, settings: { muted: true } });
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Finish' }));
    await userEvent.click(page.getByRole('button', { name: 'End session' }));
    await expect.poll(said).toMatch(/^Session ended/);
    await userEvent.click(page.getByRole('button', { name: 'See all your sessions' }));
    await expect.element(page.getByRole('heading', { name: 'History', exact: true })).toBeVisible();
    // Read first in the history, above its heading, they were news of a screen the person had left.
    expect(region()?.textContent?.trim()).toBe('');
  });

  it('reads what the set and the rest say of a tap they let go, once each, with the voice heard', async () => {
    // A device with a voice, which says nothing of such a tap.
    const voice = { name: 'Test', lang: 'en-GB', voiceURI: 'test', default: true, localService: true };
    vi.spyOn(speechSynthesis, 'getVoices').mockReturnValue([voice as SpeechSynthesisVoice]);
    mounted = await mountApp({ start: true, cueHosts: { window, navigator, document } });
    const { app, shell } = mounted;
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Start the set' }));
    /** The screen resumed by itself as the finger came down on Resume, which then tapped Pause. */
    const pauseTappedJustAfterResume = async (screen: 'bb-set-view' | 'bb-rest-view') => {
      app.session.pause();
      await expect.poll(() => shell.shadowRoot!.querySelector(screen)?.paused).toBe(true);
      app.session.resume();
      const view = shell.shadowRoot!.querySelector(screen)!;
      await expect.poll(() => view.paused).toBe(false);
      await view.updateComplete;
      view.shadowRoot!.querySelector<HTMLButtonElement>('button.pause')!.click();
    };
    await pauseTappedJustAfterResume('bb-set-view');
    await expect.poll(said).toBe('Tap again to Pause.');
    await userEvent.click(page.getByRole('button', { name: 'Skip set' }));
    await expect.element(page.getByRole('heading', { name: 'Rest' })).toBeVisible();
    await pauseTappedJustAfterResume('bb-rest-view');
    await expect.poll(said).toBe('Tap again to Pause.');
    // Once: not again as the countdown goes on under the line.
    const told = words();
    const rest = shell.shadowRoot!.querySelector('bb-rest-view')!;
    const leftThenMs = rest.remainingMs;
    await expect.poll(() => rest.remainingMs, { timeout: 3000 }).toBeLessThan(leftThenMs - 1000);
    expect(turns().filter((turn) => turn.textContent === 'Tap again to Pause.')).toEqual([told]);
  });

  // The question is what is read then (the focus is on its Keep going): not the voice's "Paused. Finish
  // the session?" over it.
  it("reads nothing of the pause Finish's question makes, and where the set stands on Keep going", async () => {
    mounted = await mountApp({ start: true, settings: { muted: true } });
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Start the set' }));
    mounted.app.session.adjustCount(1);
    await expect.poll(said).toBe('One.');
    await userEvent.click(page.getByRole('button', { name: 'Finish' }));
    expect(mounted.app.session.state.pausedAtMs).not.toBeNull();
    await mounted.shell.updateComplete;
    expect(said()).toBe('One.');
    await userEvent.click(page.getByRole('button', { name: 'Keep going' }));
    await expect.poll(said).toMatch(/^Go on: Superman, set one of three\./);
  });
});

/** The element focused, through the shadow roots. */
function focused(): Element | null {
  let at: Element | null = document.activeElement;
  while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
  return at;
}

describe('the keyboard focus as the session moves on', () => {
  let mounted: AppShell | null = null;
  afterEach(() => mounted?.remove());

  it('goes to the heading of the rest, and of the next set, when the button it was on goes', async () => {
    mounted = await mountApp({ start: true, settings: { muted: true } });
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Start the set' }));
    mounted.app.session.adjustCount(1);
    await userEvent.click(page.getByRole('button', { name: 'Skip set' }));
    await expect.poll(() => focused()?.textContent).toBe('Rest');
    await userEvent.click(page.getByRole('button', { name: 'Start now' }));
    await expect.poll(() => focused()?.textContent).toBe('Superman');
    expect(focused()?.tagName).toBe('H2');
  });

  it('goes to the set’s heading as the set begins, and to the summary’s as the session ends', async () => {
    mounted = await mountApp({ start: true, settings: { muted: true } });
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Start the set' }));
    await expect.poll(() => focused()?.tagName).toBe('H2');
    expect(focused()?.textContent).toBe('Superman');
    await userEvent.click(page.getByRole('button', { name: 'Finish' }));
    await userEvent.click(page.getByRole('button', { name: 'End session' }));
    await expect.poll(() => focused()?.textContent).toBe('Ended early');
  });
});

describe('the keyboard focus as a screen opens from a button on the one before', () => {
  let mounted: AppShell | null = null;
  afterEach(() => mounted?.remove());

  /** The heading focused, once the focus has settled on one. */
  const focusedHeading = async () => {
    await expect.poll(() => focused()?.tagName).toBe('H2');
    return focused()?.textContent;
  };

  it('goes to the start screen’s heading from Settings’ Done', async () => {
    mounted = await mountApp({ settings: { muted: true } });
    await userEvent.click(page.getByRole('button', { name: 'Settings' }));
    await userEvent.click(page.getByRole('button', { name: 'Done' }));
    expect(await focusedHeading()).toBe("Today's back-care session");
  });

  it('goes to the history’s heading from the summary, and back to the summary’s from its Back', async () => {
    mounted = await mountApp({ start: true, settings: { muted: true } });
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Finish' }));
    await userEvent.click(page.getByRole('button', { name: 'End session' }));
    await userEvent.click(page.getByRole('button', { name: 'See all your sessions' }));
    expect(await focusedHeading()).toBe('History');
    await userEvent.click(page.getByRole('button', { name: 'Back', exact: true }));
    expect(await focusedHeading()).toBe('Ended early');
  });

  it('stays on the header’s button that opened a screen', async () => {
    mounted = await mountApp({ settings: { muted: true } });
    await userEvent.click(page.getByRole('button', { name: 'History' }));
    await expect.poll(() => mounted!.shell.shadowRoot!.querySelector('bb-history')).not.toBeNull();
    expect(focused()?.textContent).toBe('History');
    expect(focused()?.tagName).toBe('BUTTON');
  });
});
