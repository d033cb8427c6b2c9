import { afterEach, describe, expect, it } from 'vitest';
import '../../src/ui/bb-progress-ring.ts';
import { emulateMedia } from './media-emulation.ts';

afterEach(async () => {
  document.body.replaceChildren();
  await emulateMedia([]);
});

async function ringFill(): Promise<Element> {
  const ring = document.createElement('bb-progress-ring');
  ring.max = 10;
  ring.value = 3;
  document.body.append(ring);
  await ring.updateComplete;
  return ring.shadowRoot!.querySelector('.fill')!;
}

describe('bb-progress-ring', () => {
  it('fills smoothly from one count to the next', async () => {
    const fill = await ringFill();
    expect(getComputedStyle(fill).transitionProperty).toBe('stroke-dashoffset');
    expect(getComputedStyle(fill).transitionDuration).toBe('0.3s');
  });

  it('fills at once for a person who asked for less motion', async () => {
    await emulateMedia([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    const fill = await ringFill();
    expect(getComputedStyle(fill).transitionDuration).toBe('0s');
  });
});
