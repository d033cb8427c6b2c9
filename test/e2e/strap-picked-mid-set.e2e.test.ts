// A person who pressed Start on the virtual strap, the default, before putting their Polar H10 on:
// they pick it from the session's header in the middle of a set, and it takes seconds to connect
// (emulated over the DevTools protocol, its connection answered late). The virtual strap goes on
// counting the set meanwhile, unpaused, the strap listed as connecting beside it; once connected,
// the strap's own ACC stream counts the set on from there.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PMD_DATA } from '../../src/protocol/uuids.ts';
import { describeWithShared } from '../shared.ts';
import { openApp } from './app-page.ts';
import { installCueSpy } from './cue-spy.ts';
import { devicesListed } from './devices-line.ts';
import { type EmulatedH10, openAppBesideH10, supermanFrames } from './emulated-polar-h10.ts';

/** Long enough for the virtual person to be counted a rep or more while the strap is connecting. */
const CONNECTION_DELAY_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithShared('a Polar H10 picked in the middle of a set on the virtual strap, slow to connect', () => {
  let browser: Browser;
  let page: Page;
  let strap: EmulatedH10;

  beforeAll(async () => {
    ({ browser, page, strap } = await openAppBesideH10(
      async (browser) => {
        // A laptop: its header has room in a set for the strap beside the virtual strap.
        const page = await openApp(browser, {
          viewport: { width: 1366, height: 768 },
          initScript: installCueSpy,
        });
        page.on('console', (message) => {
          if (message.type() === 'error') console.log(`page error: ${message.text()}`);
        });
        return page;
      },
      { battery: true, connectionDelayMs: CONNECTION_DELAY_MS },
    ));
  });

  afterAll(async () => {
    await strap?.dispose();
    await browser?.close();
  });

  const panel = (selector: string) => page.locator(`bb-device-panel ${selector}`);
  const count = async () => {
    const shown = page.locator('bb-set-view .count');
    return (await shown.count()) > 0 ? Number(await shown.textContent()) : 0;
  };
  const devices = () => devicesListed(page);
  const paused = async () => (await page.locator('bb-set-view .paused').count()) > 0;

  it('counts on with the virtual strap while the strap connects, then counts with the strap', async () => {
    // The virtual person does as asked: the set begins and counts without a wrong start.
    await page.locator('bb-device-panel summary').click();
    await page.getByLabel('Virtual person').selectOption('follows');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => page.locator('bb-set-view h2').textContent()).toBe('Superman');
    await expect.poll(count, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);

    // One tap in the set's header, no problem shown first.
    const pickedAt = Date.now();
    await page.getByRole('button', { name: 'Connect a Bluetooth strap' }).click();
    const countAtPick = await count();
    await expect.poll(devices).toEqual(['Virtual strap connected', 'Polar H10 0000E2E0 connecting…']);
    await expect.poll(count, { timeout: CONNECTION_DELAY_MS - 2_000 }).toBeGreaterThan(countAtPick);
    // Still connecting: the count went on meanwhile, the set never paused.
    expect(await devices()).toEqual(['Virtual strap connected', 'Polar H10 0000E2E0 connecting…']);
    expect(await paused()).toBe(false);

    await expect
      .poll(devices, { timeout: CONNECTION_DELAY_MS + 15_000 })
      .toEqual(['Polar H10 0000E2E0 connected']);
    const connectedAfterMs = Date.now() - pickedAt;
    expect(connectedAfterMs).toBeGreaterThanOrEqual(CONNECTION_DELAY_MS);
    await expect.poll(() => panel('.rate').textContent()).toBe('motion 50 Hz');
    expect(strap.operations.filter((op) => op === 'connection')).toHaveLength(1);
    const countAtConnection = await count();
    expect(countAtConnection).toBeGreaterThan(countAtPick);

    // The strap on the person's chest streams their reps at their pace: the set counts them on.
    const { frames } = supermanFrames(3);
    const startedAt = Date.now();
    for (const frame of frames) {
      const waitMs = startedAt + frame.atS * 1000 - Date.now();
      if (waitMs > 0) await sleep(waitMs);
      await strap.send(PMD_DATA, frame.bytes);
    }
    // Each of the strap's reps, on from the virtual person's: none lost in the handover, none twice.
    await expect.poll(count, { timeout: 5_000 }).toBe(countAtConnection + 3);
    console.log(
      `reps counted: ${countAtPick} at the pick, ${countAtConnection} once the strap connected ` +
        `${(connectedAfterMs / 1000).toFixed(1)} s on, ${await count()} with the strap's own`,
    );
    expect(await paused()).toBe(false);
    expect(await panel('.person').count()).toBe(0);
  });
});
