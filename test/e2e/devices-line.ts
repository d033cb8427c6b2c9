// The devices in the header as a person on a phone finds them before a session: one line that names
// each and says how it is ("Virtual strap connected"), whose tap opens to their details, the strap to
// connect and the menu of devices. Laid out whole (a laptop, or in a session) there is no line to open.
import type { Locator, Page } from 'playwright-core';
import { runClockUntil } from './app-page.ts';

/** The devices' line on a phone: their names and states, to be tapped open. */
export function devicesLine(page: Page): Locator {
  return page.locator('bb-device-panel details.glance > summary');
}

/** The devices named in the header, laid out whole or as a phone's line: there once the app has started. */
export function devicesNamed(page: Page): Locator {
  return page.locator('bb-device-panel').locator('details.glance > summary, .device .name').first();
}

/** Each device the header lists, laid out whole, with its state: "Virtual strap connected". */
export function devicesListed(page: Page): Promise<string[]> {
  return page
    .locator('bb-device-panel .device')
    .evaluateAll((spans) =>
      spans.map((s) =>
        [s.querySelector('.name')?.textContent, s.querySelector('.state')?.textContent].join(' '),
      ),
    );
}

/** The menu's button: "More devices" beside the virtual strap, else "Add a device". */
export function deviceMenuButton(page: Page): Locator {
  return page.locator('bb-device-panel details.more > summary');
}

/** A tap on a phone's touch screen, a click with a mouse. */
export type Press = (target: Locator) => Promise<void>;

/**
 * Opens the devices' line where the devices are one, with `press`, so that what it holds can be read
 * and tapped; where they are laid out whole, or it is open already, there is nothing to do.
 */
export async function openDevicesLine(page: Page, press: Press): Promise<void> {
  // The panel's first summary, the line or else the menu's button, once the app has shown it.
  await page.locator('bb-device-panel summary').first().waitFor();
  const line = devicesLine(page);
  if ((await line.count()) === 0) return;
  if ((await page.locator('bb-device-panel details.glance[open]').count()) > 0) return;
  await press(line);
}

/** Opens the menu of devices as a person does: on a phone, the devices' line first. */
export async function openDeviceMenu(page: Page, press: Press): Promise<void> {
  await openDevicesLine(page, press);
  await press(deviceMenuButton(page));
}

/**
 * Connects each device in turn by its item in the menu of devices, on the paused clock, each time
 * until the devices' line reads `named`: the devices connected so far, as the header names them.
 */
export async function connectInTurn(
  page: Page,
  press: Press,
  devices: readonly (readonly [item: string, named: string])[],
): Promise<void> {
  for (const [item, named] of devices) {
    await openDeviceMenu(page, press);
    await press(page.getByRole('button', { name: item, exact: true }));
    await runClockUntil(page, async () => (await devicesLine(page).textContent()) === named, 10_000, 100);
  }
}

declare global {
  interface Window {
    /** Each text the device panel's reconnection note showed since noteReconnecting began. */
    backbeatReconnectingSeen?: string[];
  }
}

/**
 * Starts noting, in the page, each text the device panel shows where a dropped device is being
 * reconnected, and returns a reader of them. A reconnection after the half-second backoff can be over
 * before a poll from the test reads the note on a loaded machine, and a read of a note already gone
 * waits for it: the page notes it as it renders it.
 */
export async function noteReconnecting(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    window.backbeatReconnectingSeen = seen;
    const panel = document.querySelector('bb-app')?.shadowRoot?.querySelector('bb-device-panel')?.shadowRoot;
    if (!panel) throw new Error('no device panel on the page');
    const look = () => {
      for (const note of panel.querySelectorAll('.retry')) {
        const text = note.textContent ?? '';
        if (seen.at(-1) !== text) seen.push(text);
      }
    };
    new MutationObserver(look).observe(panel, { subtree: true, childList: true, characterData: true });
    look();
  });
  return () => page.evaluate(() => window.backbeatReconnectingSeen ?? []);
}
