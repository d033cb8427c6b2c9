// Add a strap, which a set and a rest paused by the person on a phone offer: one button, written
// once for both screens, that asks the app for the chooser of a Bluetooth strap.
import { html, render } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../../src/ui/bb-rest-view.ts';
import '../../src/ui/bb-set-view.ts';
import { connectStrapButton } from '../../src/ui/styles.ts';
import { exerciseById } from '../../src/workout/program.ts';
import { currentSet } from '../set-record.ts';
import { inTheAppsMain, mount, PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT } from './mount.ts';

describe('Add a strap', () => {
  let host: HTMLElement | null = null;
  afterEach(() => host?.remove());

  it('is a button named Add a strap that asks for the chooser of a Bluetooth strap', async () => {
    host = document.createElement('div');
    document.body.append(host);
    const asked: string[] = [];
    host.addEventListener('bb-connect-bluetooth', (event) => asked.push(event.type));
    render(html`${connectStrapButton(host)}`, host);
    const button = page.getByRole('button', { name: 'Add a strap' });
    await expect.element(button).toHaveClass('connect-strap');
    await button.click();
    expect(asked).toEqual(['bb-connect-bluetooth']);
  });
});

describe('The strap offered by a set and a rest paused', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it.each(PHONE_SIDEWAYS_LAPTOP_AND_LARGE_TEXT)(
    'goes by one name on both screens, whole on its button, at %i × %i',
    async (width, height) => {
      await inTheAppsMain(width, height, async () => {
        const set = await mount('bb-set-view', {
          planned: { exercise: exerciseById('superman'), dosage: { sets: 3, target: 10, restS: 45 } },
          set: currentSet({ count: 4 }),
          paused: true,
          offerStrap: true,
        });
        const rest = await mount('bb-rest-view', {
          remainingMs: 30_000,
          totalMs: 45_000,
          paused: true,
          offerStrap: true,
        });
        const offers = [set, rest].map((screen) => screen.shadowRoot!.querySelector('.connect-strap')!);
        // The set said "Connect a strap", the rest "Add a strap": one action under two names.
        expect(new Set(offers.map((offer) => offer.textContent))).toEqual(new Set(['Add a strap']));
        for (const offer of offers) {
          const box = offer.getBoundingClientRect();
          expect(offer.scrollWidth, offer.textContent ?? '').toBeLessThanOrEqual(offer.clientWidth);
          expect(box.left).toBeGreaterThanOrEqual(0);
          expect(box.right).toBeLessThanOrEqual(innerWidth);
        }
      });
    },
  );
});
