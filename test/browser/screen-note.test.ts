// A phone whose browser will not keep the screen on (no Wake Lock API, or battery saver refusing it):
// the person on the mat is told, once a session runs, that the screen may go off and the voice goes on.
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { type AppShell, mountApp } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

describe('a screen that may turn off', () => {
  let mounted: AppShell | null = null;
  afterEach(() => mounted?.remove());

  const note = () => mounted!.shell.shadowRoot!.querySelector('.screen-note');

  it('is said in a session when the browser refuses to keep it on, and not before or after', async () => {
    const refusing = {
      vibrate: () => true,
      wakeLock: { request: () => Promise.reject(new DOMException('battery saver', 'NotAllowedError')) },
    };
    mounted = await mountApp({
      start: true,
      cueHosts: { window, navigator: refusing as unknown as Navigator, document },
    });
    expect(note()).toBeNull();
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await expect.poll(() => note()?.textContent).toBe('The screen may turn off in this browser.');
    mounted.app.session.finish();
    await expect.poll(() => note()).toBeNull();
  });

  it('is not said where the screen is kept on', async () => {
    mounted = await mountApp({ start: true, cueHosts: { window, navigator, document } });
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await expect.poll(() => mounted!.app.cues!.outputs.wakeLock.held).toBe(true);
    expect(note()).toBeNull();
  });

  it('takes one line of a 360×640 phone, and the set and the rest still fit', async () => {
    const restore = await layOutAsTheApp(360, 640);
    try {
      const refusing = { vibrate: () => true, wakeLock: { request: () => Promise.reject(new Error('no')) } };
      mounted = await mountApp({
        start: true,
        cueHosts: { window, navigator: refusing as unknown as Navigator, document },
      });
      const app = mounted.app;
      await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
      await userEvent.click(page.getByRole('button', { name: 'Start the set' }));
      await expect.poll(() => note()).not.toBeNull();
      const fontPx = Number.parseFloat(getComputedStyle(note()!).fontSize);
      expect(note()!.getBoundingClientRect().height).toBeLessThan(2 * 1.5 * fontPx);
      const inWindow = async (name: string) =>
        expect(
          page.getByRole('button', { name }).element().getBoundingClientRect().bottom,
        ).toBeLessThanOrEqual(innerHeight);
      await inWindow('Finish');
      app.session.adjustCount(1);
      app.session.skip();
      await expect.element(page.getByRole('button', { name: 'Start now' })).toBeVisible();
      await inWindow('Finish');
    } finally {
      await restore();
    }
  });
});
