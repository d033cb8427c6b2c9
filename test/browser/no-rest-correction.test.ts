// A rest of 0 s: the set just done is put right from the set after it, where no rest screen comes
// to offer −1 / +1 for it.
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { exerciseById } from '../../src/workout/program.ts';
import { type AppShell, mountApp } from './app-shell.ts';

describe('A set miscounted with no rest after it', () => {
  let mounted: AppShell | null = null;
  afterEach(() => mounted?.remove());

  it('is put right with −1 / +1 on the next set until that set counts, without a rest', async () => {
    // Not started: no virtual person to count reps of its own, and the clock ticks when the test says.
    mounted = await mountApp();
    const { app } = mounted;
    const first = exerciseById('superman');
    app.session.reset([
      { exercise: first, dosage: { sets: 2, target: 3, restS: 0 } },
      { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 3, restS: 0 } },
    ]);
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    // Three reps counted where the person did two: the set ends at its target, and the next one
    // begins at once, with no rest screen before the clock's next tick.
    for (let i = 0; i < 3; i++) await userEvent.click(page.getByRole('button', { name: '+1 rep' }));
    expect(app.session.state.phase).toBe('set');
    await expect.element(page.getByText('Set 2 of 2')).toBeVisible();
    await expect.element(page.getByText(`${first.name}, set 1: 3 of 3 reps`)).toBeVisible();
    // The set's −1 / +1 it puts right say which set, in words; this set's read −1 and +1, as ever.
    const lastMinus = page.getByRole('button', { name: `Set 1 −1 rep, ${first.name}` });
    await expect.element(lastMinus).toHaveTextContent('Set 1 −1');
    await expect.element(page.getByRole('button', { name: 'Set 1 +1 rep' })).toHaveTextContent('Set 1 +1');
    await expect.element(page.getByRole('button', { name: '−1 rep', exact: true })).toBeDisabled();
    await userEvent.click(lastMinus);
    expect(app.session.state.completed[0]).toMatchObject({ count: 2, corrections: 2 });
    await expect.element(page.getByText(`${first.name}, set 1: 2 of 3 reps`)).toBeVisible();
    expect(app.session.state.set).toMatchObject({ setNumber: 2, count: 0 });
    // Under way, the set's own −1 / +1 are the ones on screen, +1 where it was for a second tap.
    const plus = page.getByRole('button', { name: '+1 rep', exact: true });
    const before = plus.element().getBoundingClientRect().left;
    await userEvent.click(plus);
    await expect.element(page.getByRole('group', { name: 'Last set' })).not.toBeInTheDocument();
    expect(plus.element().getBoundingClientRect().left).toBe(before);
  });
});
