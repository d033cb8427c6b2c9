// The header's menu of devices, opened on the start screen of a laptop and of a phone: its summary
// stays where it was, under the pointer or finger that opened it, and the menu drops below it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { type AppShell, mountApp } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

describe.each([
  [1366, 768],
  [360, 640],
])('the devices menu at %i×%i', (width, height) => {
  const mounted = appLaidOutAt(width, height);

  it('opens below its summary, which stays where it was', async () => {
    // The header as a person finds it: the virtual strap, and what its simulated person is doing.
    await openDevicesLine(mounted());
    await expect.element(page.getByText('Virtual person: waiting')).toBeVisible();
    const details = devicesMenu(mounted());
    const summary = details.querySelector('summary')!;
    const shut = summary.getBoundingClientRect();
    await userEvent.click(summary);
    await expect.poll(() => details.open).toBe(true);
    const open = summary.getBoundingClientRect();
    expect([open.x, open.y]).toEqual([shut.x, shut.y]);
    const menu = page.getByRole('group', { name: 'Device kinds' }).element().getBoundingClientRect();
    expect(menu.top).toBeGreaterThanOrEqual(open.bottom);
    expect(menu.left).toBeGreaterThanOrEqual(0);
    expect(menu.right).toBeLessThanOrEqual(width);
  });
});

describe('the virtual person menu on the narrowest phone (320×568)', () => {
  const mounted = appLaidOutAt(320, 568);

  it('shows each way the person can follow the screen whole, not cut off at the arrow', async () => {
    await openDevicesLine(mounted());
    await expect.element(page.getByText('Virtual person: waiting')).toBeVisible();
    const details = devicesMenu(mounted());
    await userEvent.click(details.querySelector('summary')!);
    await expect.poll(() => details.open).toBe(true);
    const select = details.querySelector('select')!;
    await expect.element(select).toBeVisible();
    // A select is as wide as its longest choice and its arrow, unless its box holds it narrower
    // (max-width), which cuts the choice off: it must fit as it is.
    const boxed = select.getBoundingClientRect().width;
    select.style.maxWidth = 'none';
    const whole = select.getBoundingClientRect().width;
    select.style.maxWidth = '';
    expect(whole).toBeLessThanOrEqual(boxed);
    expect(select.getBoundingClientRect().right).toBeLessThanOrEqual(320);
  });
});

/** The app mounted, laid out at width × height, for the tests of the describe this is called in. */
function appLaidOutAt(width: number, height: number): () => AppShell {
  let mounted: AppShell;
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await layOutAsTheApp(width, height);
    mounted = await mountApp();
  });
  afterAll(async () => {
    mounted.remove();
    await restore();
  });
  return () => mounted;
}

/** The header's menu of devices: on a phone, inside the devices' line. */
function devicesMenu(mounted: AppShell): HTMLDetailsElement {
  return devicePanel(mounted).shadowRoot!.querySelector('details.more')!;
}

/** On a phone the devices are one line: a tap on it shows what the virtual person does, and the menu. */
async function openDevicesLine(mounted: AppShell): Promise<void> {
  const line = devicePanel(mounted).shadowRoot!.querySelector<HTMLDetailsElement>('details.glance');
  if (!line) return;
  await userEvent.click(line.querySelector('summary')!);
  await expect.poll(() => line.open).toBe(true);
}

function devicePanel(mounted: AppShell): HTMLElement {
  return mounted.shell.shadowRoot!.querySelector('bb-device-panel')!;
}
