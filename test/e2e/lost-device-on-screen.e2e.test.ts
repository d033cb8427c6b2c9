// A heart-rate strap and a Bangle.js worn together, the watch given up for lost in a lat pulldown the
// strap cannot count in its place: the voice names it ("The watch is out of reach …until the watch is
// back"), and the set and rest screens say the same for a person who reads them with the voice muted,
// where they said "the device" and left them to guess which of the two to bring back. Emulated over
// the DevTools protocol, on the page's paused clock, so that the app's minute of reconnecting before
// it gives the watch up passes in seconds.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECONNECT_WINDOW_MS } from '../../src/sensors/ble/gatt-session.ts';
import { openPhoneHearingCues, runClockUntil, startTheSet, textShown } from './app-page.ts';
import {
  type EmulatedBangle,
  type EmulatedPeripheral,
  emulateBangle,
  emulatePeripheral,
  heartRateStrap,
  letGoAndClose,
} from './ble-peripheral.ts';
import { launchChromium } from './chromium.ts';
import { linesSaid } from './cue-spy.ts';
import { connectInTurn } from './devices-line.ts';

const WATCH_LOST_LINE =
  'The watch is out of reach. Tap Reconnect, or Resume and count with plus one until the watch is back';

describe('a watch given up for lost beside a strap, on the set and rest screens', () => {
  let browser: Browser;
  let page: Page;
  let strap: EmulatedPeripheral;
  let watch: EmulatedBangle;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openPhoneHearingCues(browser);
    strap = await emulatePeripheral(browser, page, heartRateStrap('0C:8C:DC:00:00:42', 'HRM-Dual 4242'));
    // A watch with no heart-rate service, that the strap's chooser does not list beside the strap.
    watch = await emulateBangle(browser, page, { address: 'E1:BA:00:00:00:02', name: 'Bangle.js 5e6f' });
  });

  afterAll(() => letGoAndClose(browser, watch, strap));

  const tap = (target: Locator) => target.tap();
  const heard = () => linesSaid(page);
  const lineOf = (selector: string) => textShown(page, selector);

  /** The watch carried off, and the page's clock run on until the voice has given it up for lost. */
  async function watchGivenUp(): Promise<void> {
    const before = (await heard()).length;
    await watch.goOutOfReach();
    await runClockUntil(
      page,
      async () => (await heard()).slice(before).includes(WATCH_LOST_LINE),
      RECONNECT_WINDOW_MS + 5000,
    );
  }

  it('connects the strap and the watch, and comes to the lat pulldown the watch counts', async () => {
    await connectInTurn(page, tap, [
      ['Heart-rate strap', 'HRM-Dual 4242 connected'],
      ['Bangle.js watch', 'HRM-Dual 4242 connected · Bangle.js 5e6f connected'],
    ]);
    await page.getByRole('button', { name: 'Start', exact: true }).tap();
    const heading = () => lineOf('bb-set-view h2');
    for (let i = 0; i < 30 && (await heading()) !== 'Wide-grip lat pulldown'; i++) {
      const skip = page.getByRole('button', { name: 'Skip set' });
      await ((await skip.count()) ? skip : page.getByRole('button', { name: 'Start now' })).tap();
    }
    expect(await heading()).toBe('Wide-grip lat pulldown');
  });

  it('names the watch on the set screen, as the voice does, in a set still waiting for the position', async () => {
    await watchGivenUp();
    expect(await lineOf('bb-set-view .waiting')).toBe(
      'Tap Reconnect, or Resume and count with +1 until the watch is back.',
    );
  });

  it('names the watch on the rest screen, as the voice does, in a rest before a set the watch counts', async () => {
    // The watch back by itself, one set of the lat pulldown done, and the watch carried off in the rest.
    watch.comeBackInReach();
    await startTheSet(page, tap);
    await page.getByRole('button', { name: /^\+1/ }).tap();
    await page.getByRole('button', { name: 'Skip set' }).tap();
    await runClockUntil(page, async () => (await page.locator('bb-rest-view').count()) > 0, 5000);
    await watchGivenUp();
    expect(await lineOf('bb-rest-view .away')).toBe(
      'Tap Reconnect, or Resume and count with +1 until the watch is back.',
    );
  });
});
