import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { UpdateModel } from '../../src/app/updates.ts';
import '../../src/ui/bb-update-prompt.ts';
import { NOTICE_MS } from '../../src/ui/bb-update-prompt.ts';

function mount(updates: UpdateModel) {
  const prompt = document.createElement('bb-update-prompt');
  prompt.updates = updates;
  document.body.append(prompt);
  return prompt;
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('bb-update-prompt', () => {
  it('offers the waiting version and activates it on Reload', async () => {
    let activated = 0;
    const updates = new UpdateModel(async () => {
      activated++;
    });
    const prompt = mount(updates);
    await prompt.updateComplete;
    expect(prompt.shadowRoot!.querySelector('div')).toBeNull();
    updates.update({ updateReady: true });
    await expect.element(page.getByRole('status')).toHaveTextContent('A new version of Backbeat is ready.');
    await userEvent.click(page.getByRole('button', { name: 'Reload' }));
    expect(activated).toBe(1);
    await userEvent.click(page.getByRole('button', { name: 'Later' }));
    await expect.element(page.getByRole('status')).not.toBeInTheDocument();
  });

  // "OK", "Reload" and "Later" alone, in a screen reader's list of buttons, said nothing of what they
  // answer: each is described by its notice's words.
  it('describes its buttons by the news they answer', async () => {
    const updates = new UpdateModel(async () => {});
    mount(updates);
    updates.update({ offlineReady: true });
    await expect
      .element(page.getByRole('button', { name: 'OK' }))
      .toHaveAccessibleDescription('Backbeat now works offline.');
    updates.update({ updateReady: true });
    for (const name of ['Reload', 'Later'])
      await expect
        .element(page.getByRole('button', { name }))
        .toHaveAccessibleDescription('A new version of Backbeat is ready.');
  });

  it('sits in the page, not over it, and leaves by itself after a few seconds', async () => {
    vi.useFakeTimers();
    const updates = new UpdateModel();
    const prompt = mount(updates);
    updates.update({ offlineReady: true });
    await prompt.updateComplete;
    expect(getComputedStyle(prompt).position).toBe('static');
    expect(prompt.shadowRoot!.textContent).toContain('Backbeat now works offline.');
    vi.advanceTimersByTime(NOTICE_MS.offline - 100);
    expect(updates.state.offlineReady).toBe(true);
    vi.advanceTimersByTime(200);
    expect(updates.state.offlineReady).toBe(false);
    await prompt.updateComplete;
    expect(prompt.shadowRoot!.querySelector('[role="status"]')).toBeNull();
  });

  it('stays while the keyboard is on its OK, and leaves after its time once the focus has left it', async () => {
    vi.useFakeTimers();
    const updates = new UpdateModel();
    const prompt = mount(updates);
    const elsewhere = document.createElement('button');
    document.body.append(elsewhere);
    updates.update({ offlineReady: true });
    await prompt.updateComplete;
    prompt.shadowRoot!.querySelector('button')!.focus();
    vi.advanceTimersByTime(NOTICE_MS.offline * 3);
    expect(updates.state.offlineReady).toBe(true);
    elsewhere.focus();
    vi.advanceTimersByTime(NOTICE_MS.offline);
    expect(updates.state.offlineReady).toBe(false);
  });

  it('keeps an update for after the session, and lets the offline news go once it was seen', async () => {
    const updates = new UpdateModel();
    const prompt = mount(updates);
    updates.update({ offlineReady: true });
    await prompt.updateComplete;
    expect(prompt.shadowRoot!.querySelector('[role="status"]')).not.toBeNull();
    // Start is tapped while the offline notice shows: the session has the screen from then on.
    prompt.waiting = true;
    await prompt.updateComplete;
    expect(prompt.shadowRoot!.querySelector('[role="status"]')).toBeNull();
    expect(updates.state.offlineReady).toBe(false);
    updates.update({ updateReady: true });
    await prompt.updateComplete;
    expect(prompt.shadowRoot!.querySelector('[role="status"]')).toBeNull();
    prompt.waiting = false;
    await expect.element(page.getByRole('status')).toHaveTextContent('A new version of Backbeat is ready.');
  });

  it('keeps the offline news come during a session off its summary, for the start screen after it', async () => {
    const updates = new UpdateModel();
    const prompt = mount(updates);
    prompt.waiting = true;
    updates.update({ offlineReady: true });
    await prompt.updateComplete;
    // The session ends: its summary is the screen, read from its heading down.
    prompt.offlineLater = true;
    prompt.waiting = false;
    await prompt.updateComplete;
    expect(prompt.hidden).toBe(true);
    expect(prompt.shadowRoot!.querySelector('[role="status"]')).toBeNull();
    expect(updates.state.offlineReady).toBe(true);
    // New session: the summary gives way to the start screen, which tells it.
    prompt.remove();
    const start = mount(updates);
    await expect.element(page.getByRole('status')).toHaveTextContent('Backbeat now works offline.');
    start.remove();
    // An update still shows on the summary: it waits for an answer.
    updates.update({ updateReady: true });
    mount(updates).offlineLater = true;
    await expect.element(page.getByRole('status')).toHaveTextContent('A new version of Backbeat is ready.');
  });

  // The start screen keeps the notice's place (see keepsPlace) only while its news may come, or came.
  it('keeps the place of news still to come, unseen, and takes no room when none is due', async () => {
    const later = mount(new UpdateModel());
    later.keepsPlace = true;
    await later.updateComplete;
    expect(later.getBoundingClientRect().height).toBe(0);
    later.remove();

    const updates = new UpdateModel(async () => {}, { offlineNewsDue: true });
    const first = mount(updates);
    first.keepsPlace = true;
    await first.updateComplete;
    const kept = first.getBoundingClientRect().height;
    expect(kept).toBeGreaterThan(0);
    await expect.element(page.getByText('Backbeat now works offline.')).not.toBeVisible();
    expect(page.getByRole('status').query()).toBeNull();
    expect(page.getByRole('button', { name: 'OK' }).query()).toBeNull();
    updates.update({ offlineReady: true });
    await expect.element(page.getByRole('status')).toHaveTextContent('Backbeat now works offline.');
    expect(first.getBoundingClientRect().height).toBe(kept);
    await userEvent.click(page.getByRole('button', { name: 'OK' }));
    await expect.element(page.getByRole('status')).not.toBeInTheDocument();
    expect(first.getBoundingClientRect().height).toBe(kept);
  });

  it('lets the offline news go when its screen gives way to another, and keeps an update', async () => {
    const updates = new UpdateModel();
    let prompt = mount(updates);
    updates.update({ offlineReady: true });
    await expect.element(page.getByRole('status')).toHaveTextContent('Backbeat now works offline.');
    // Start tapped, or History opened: the start screen and the notice under its Start are gone.
    prompt.remove();
    expect(updates.state.offlineReady).toBe(false);

    prompt = mount(updates);
    updates.update({ updateReady: true });
    await expect.element(page.getByRole('status')).toHaveTextContent('A new version of Backbeat is ready.');
    prompt.remove();
    expect(updates.state.updateReady).toBe(true);
  });
});
