// Muting from the mat: Mute on the set and rest screens turns the one setting Settings shows, kept for
// the next visit as Settings keeps it, and followed when another tab changes it.
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { SETTINGS_KEY } from '../../src/workout/settings.ts';
import { type AppShell, mountApp } from './app-shell.ts';

describe('Mute in a session', () => {
  let mounted: AppShell | null = null;
  afterEach(() => mounted?.remove());

  const mute = () => page.getByRole('button', { name: 'Mute' });
  const kept = () => JSON.parse(mounted!.storage.getItem(SETTINGS_KEY) ?? '{}').muted;

  it('mutes in a set and unmutes in the rest, kept as the setting, which Settings shows after', async () => {
    mounted = await mountApp({ start: true });
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await userEvent.click(page.getByRole('button', { name: 'Start the set' }));
    await userEvent.click(mute());
    expect(mounted.app.settings.state.muted).toBe(true);
    expect(kept()).toBe(true);
    await expect.element(mute()).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(page.getByRole('button', { name: 'Skip set' }));
    await expect.element(page.getByRole('heading', { name: 'Rest' })).toBeVisible();
    await expect.element(mute()).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(mute());
    expect(mounted.app.settings.state.muted).toBe(false);
    expect(kept()).toBe(false);
    await expect.element(mute()).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(mute());
    await userEvent.click(page.getByRole('button', { name: 'Finish' }));
    await userEvent.click(page.getByRole('button', { name: 'End session' }));
    await userEvent.click(page.getByRole('button', { name: 'Settings' }));
    await expect.element(page.getByRole('checkbox', { name: 'Mute the voice and tones' })).toBeChecked();
  });

  it('shows as muted once another tab muted the voice', async () => {
    mounted = await mountApp({ start: true });
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await expect.element(mute()).toHaveAttribute('aria-pressed', 'false');
    mounted.storage.setItem(SETTINGS_KEY, JSON.stringify({ ...mounted.app.settings.state, muted: true }));
    mounted.storageEvents.dispatchEvent(Object.assign(new Event('storage'), { key: SETTINGS_KEY }));
    await expect.element(mute()).toHaveAttribute('aria-pressed', 'true');
  });
});
