// What a screen reader is given of a session: the coach's lines, in one live region that stays on the
// page from set to rest to summary, and only where the app's own voice is not heard (muted, or no voice
// on the device); with the voice on, nothing, so that the two never talk at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { type AppShell, mountApp } from './app-shell.ts';

describe('the screen reader during a session', () => {
  let mounted: AppShell | null = null;
  afterEach(() => {
    mounted?.remove();
    vi.restoreAllMocks();
  });

  const region = () => mounted!.shell.shadowRoot!.querySelector('main > [role=status]');

  it('reads the coach’s lines through set and rest when the voice is muted, in one region', async () => {
    mounted = await mountApp({ start: true, settings: { muted: true } });
    const live = region();
    expect(live?.textContent).toBe('');
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await expect.poll(() => region()?.textContent).toMatch(/^(Superman, set one of|Lie face down)/);
    await userEvent.click(page.getByRole('button', { name: 'Start the set' }));
    await expect.poll(() => region()?.textContent).toBe('Go.');
    mounted.app.session.adjustCount(1);
    await expect.poll(() => region()?.textContent).toBe('one');
    await userEvent.click(page.getByRole('button', { name: 'Skip set' }));
    await expect.poll(() => region()?.textContent).toMatch(/^Rest, /);
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
    mounted.app.settings.setMuted(true);
    mounted.app.session.adjustCount(1);
    await expect.poll(() => region()?.textContent).toBe('two');
  });
});

describe('the keyboard focus as the session moves on', () => {
  let mounted: AppShell | null = null;
  afterEach(() => mounted?.remove());

  /** The element focused, through the shadow roots. */
  const focused = (): Element | null => {
    let at: Element | null = document.activeElement;
    while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
    return at;
  };

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
});
