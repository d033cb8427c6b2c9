// Connect a strap, which a set and a rest paused by the person on a phone offer: one button, written
// once for both screens, that asks the app for the chooser of a Bluetooth strap.
import { html, render } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { connectStrapButton } from '../../src/ui/styles.ts';

describe('Connect a strap', () => {
  let host: HTMLElement | null = null;
  afterEach(() => host?.remove());

  it('is a button named Connect a strap that asks for the chooser of a Bluetooth strap', async () => {
    host = document.createElement('div');
    document.body.append(host);
    const asked: string[] = [];
    host.addEventListener('bb-connect-bluetooth', (event) => asked.push(event.type));
    render(html`${connectStrapButton(host)}`, host);
    const button = page.getByRole('button', { name: 'Connect a strap' });
    await expect.element(button).toHaveClass('connect-strap');
    await button.click();
    expect(asked).toEqual(['bb-connect-bluetooth']);
  });
});
