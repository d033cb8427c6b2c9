// A set skipped while it waited for the position gives way to the next, which waits as it did: with
// the voice muted only "Set 2 of 3" turning into "Set 3 of 3" told the tap was taken, and a second tap
// for the same set skipped set 3 too. The line under the position says so, in its own room.
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/ui/bb-set-view.ts';
import type { BbSetView } from '../../src/ui/bb-set-view.ts';
import { exerciseById } from '../../src/workout/program.ts';
import { currentSet } from '../set-record.ts';
import { type AppShell, mountApp } from './app-shell.ts';
import { inTheAppsMain, mount, PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT } from './mount.ts';

const planned = { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } };

/** Each button's box, the heading's and the set number's, in the page (at 180 × 320 the buttons lie under the window's edge). */
function boxes(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('button, h2, .meta')].map((e) => {
    const b = e.getBoundingClientRect();
    const at = [b.left, b.top + scrollY, b.width, b.height].map((v) => v.toFixed(1)).join(' ');
    return `${(e as HTMLElement).ariaLabel ?? e.textContent?.trim()}: ${at}`;
  });
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('A set waiting for the position after one skipped', () => {
  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'says which set was skipped at %i × %i, every button where it was',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        const view = (await mount('bb-set-view', {
          planned,
          set: currentSet({ setNumber: 3, waiting: true, wrongPosture: null }),
        })) as BbSetView;
        view.style.height = 'calc(100dvh - 1.5rem)';
        await new Promise(requestAnimationFrame);
        const before = boxes(view.shadowRoot!);
        view.skippedBefore = 2;
        await view.updateComplete;
        await new Promise(requestAnimationFrame);
        const line = view.shadowRoot!.querySelector('.waiting');
        expect(line?.textContent?.trim()).toContain(
          'Set 2 skipped. Set 3 starts once you are in position and still.',
        );
        const shown = line?.querySelector('span');
        expect(shown?.getBoundingClientRect().height).toBeGreaterThan(0);
        expect(boxes(view.shadowRoot!)).toEqual(before);
      });
    },
  );
});

describe('Skip set tapped on a set waiting for the position, in the app', () => {
  let mounted: AppShell | null = null;
  afterEach(() => mounted?.remove());

  it('says on the next set which was skipped, until that set begins', async () => {
    mounted = await mountApp({ start: true });
    await userEvent.click(page.getByRole('button', { name: 'Start', exact: true }));
    await expect.element(page.getByText(/starts by itself once you are in position/)).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Skip set' }));
    await expect.element(page.getByText('Set 2 of 3')).toBeVisible();
    await expect
      .element(page.getByText('Set 1 skipped. Set 2 starts once you are in position and still.'))
      .toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Start the set' }));
    await expect.element(page.getByText(/Set 1 skipped/)).not.toBeInTheDocument();
  });
});
