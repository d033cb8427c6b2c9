import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../../src/ui/bb-set-view.ts';
import type { BbSetView } from '../../src/ui/bb-set-view.ts';
import { exerciseById } from '../../src/workout/program.ts';
import type { CurrentSet } from '../../src/workout/session.ts';

function currentSet(patch: Partial<CurrentSet>): CurrentSet {
  return {
    setNumber: 1,
    startedMs: 0,
    count: 0,
    sides: { left: 0, right: 0 },
    lastProgressMs: 0,
    holdStartMs: null,
    peakDeg: null,
    formIssues: [],
    ...patch,
  };
}

async function mount(view: Partial<BbSetView>): Promise<BbSetView> {
  const element = document.createElement('bb-set-view');
  Object.assign(element, view);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('bb-set-view', () => {
  it('shows the live rep count as a progress bar screen readers can read', async () => {
    await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ setNumber: 2, count: 7 }),
    });
    const bar = page.getByRole('progressbar', { name: 'Reps' });
    await expect.element(bar).toHaveAttribute('aria-valuenow', '7');
    await expect.element(bar).toHaveAttribute('aria-valuemax', '10');
    await expect.element(bar).toHaveAttribute('aria-valuetext', '7 of 10 reps');
    await expect.element(page.getByText('Set 2 of 3')).toBeVisible();
    await expect.element(page.getByRole('status')).toHaveTextContent('7 of 10 reps');
  });

  it('times a hold from its start and offers to end it', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('elbow-plank'), dosage: { sets: 3, target: 30, restS: 60 } },
      set: currentSet({ holdStartMs: 1000 }),
      nowMs: 24_600,
    });
    await expect
      .element(page.getByRole('progressbar', { name: 'Hold time' }))
      .toHaveAttribute('aria-valuenow', '23');
    let ended = 0;
    element.addEventListener('bb-end-hold', () => ended++);
    await page.getByRole('button', { name: 'End hold' }).click();
    expect(ended).toBe(1);
  });

  it('sends +1 and −1 corrections and tells which side is next in the bird dog', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('bird-dog'), dosage: { sets: 1, target: 20, restS: 45 } },
      set: currentSet({ count: 3 }),
    });
    await expect.element(page.getByText('left arm')).toBeVisible();
    const deltas: number[] = [];
    element.addEventListener('bb-adjust', (event) => deltas.push(event.detail.delta));
    await page.getByRole('button', { name: '+1' }).click();
    await page.getByRole('button', { name: '−1' }).click();
    expect(deltas).toEqual([1, -1]);
  });

  it('offers Resume instead of Pause while paused, and says so to screen readers', async () => {
    const element = await mount({
      planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
      set: currentSet({ count: 4 }),
      paused: true,
    });
    await expect.element(page.getByRole('status')).toHaveTextContent('Paused');
    let resumed = 0;
    element.addEventListener('bb-resume', () => resumed++);
    await page.getByRole('button', { name: 'Resume' }).click();
    expect(resumed).toBe(1);
    expect(page.getByRole('button', { name: 'Pause' }).elements()).toHaveLength(0);
  });

  it('before the set begins: the position to take, what is wrong with the present one, and a way to start', async () => {
    const view = await mount({
      planned: { exercise: exerciseById('glute-bridge'), dosage: { sets: 1, target: 15, restS: 45 } },
      set: currentSet({ waiting: true, wrongPosture: null }),
    });
    await expect.element(page.getByRole('status')).toHaveTextContent('Lie on your back to start');
    await expect.element(page.getByText(/starts by itself/)).toBeVisible();
    expect(view.renderRoot.querySelector('[role=progressbar]')).toBeNull();
    view.set = currentSet({ waiting: true, wrongPosture: 'face-down' });
    await view.updateComplete;
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('Glute bridge is on your back; you seem to be face down.');
    let begun = 0;
    view.addEventListener('bb-begin-set', () => begun++);
    await page.getByRole('button', { name: 'Start the set' }).click();
    expect(begun).toBe(1);
    view.paused = true;
    await view.updateComplete;
    await expect.element(page.getByRole('status')).toHaveTextContent('Paused');
    await expect.element(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  });
});
