import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { UpdateModel } from '../../src/app/updates.ts';
import '../../src/ui/bb-update-prompt.ts';

afterEach(() => document.body.replaceChildren());

describe('bb-update-prompt', () => {
  it('offers the waiting version and activates it on Reload', async () => {
    let activated = 0;
    const updates = new UpdateModel(async () => {
      activated++;
    });
    const prompt = document.createElement('bb-update-prompt');
    prompt.updates = updates;
    document.body.append(prompt);
    await prompt.updateComplete;
    expect(prompt.shadowRoot!.querySelector('div')).toBeNull();
    updates.update({ updateReady: true });
    await expect.element(page.getByRole('status')).toHaveTextContent('A new version of Backbeat is ready.');
    await userEvent.click(page.getByRole('button', { name: 'Reload' }));
    expect(activated).toBe(1);
    await userEvent.click(page.getByRole('button', { name: 'Later' }));
    await expect.element(page.getByRole('status')).not.toBeInTheDocument();
  });
});
