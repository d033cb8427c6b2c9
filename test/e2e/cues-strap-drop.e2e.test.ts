// A new person's Polar H10 carried out of reach while the voice says how the superman is done, the
// set still waiting for them to lie down: the app pauses by itself ("Paused: connection lost"), and
// once the strap is back the set goes on. What the pause cut off of the movement is heard after the
// line it goes on with, as after the person's own pause. The strap is emulated over the DevTools
// protocol and reached through Chromium's own Web Bluetooth stack; the voice takes 70 ms a character.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEART_RATE_MEASUREMENT } from '../../src/protocol/uuids.ts';
import { PROGRAM } from '../../src/workout/program.ts';
import { describeWithShared, readSharedJson } from '../shared.ts';
import { openAppOnPausedClock } from './app-page.ts';
import { type CueRecord, installCueSpy } from './cue-spy.ts';
import { openDeviceMenu, openDevicesLine } from './devices-line.ts';
import { type EmulatedH10, openAppBesideH10, type Vector, vectorBytes } from './emulated-polar-h10.ts';

const superman = PROGRAM.find((e) => e.id === 'superman')!;
const LIFT = 'Lift arms, legs, head and chest.';

describeWithShared("a strap out of reach as a new person's first set says how it is done", () => {
  let browser: Browser;
  let page: Page;
  let strap: EmulatedH10;

  beforeAll(async () => {
    ({ browser, page, strap } = await openAppBesideH10(
      (browser) =>
        openAppOnPausedClock(browser, {
          viewport: { width: 360, height: 640 },
          initScript: installCueSpy,
          voiceMsPerChar: 70,
        }),
      { battery: false },
    ));
    await openDeviceMenu(page, (target: Locator) => target.click());
    await page.getByRole('button', { name: 'Polar H10 / Verity Sense' }).click();
    await openDevicesLine(page, (target: Locator) => target.click());
    await runClockUntil(
      async () => (await page.locator('bb-device-panel .rate').textContent()) === 'motion 50 Hz',
      5000,
    );
    await strap.send(
      HEART_RATE_MEASUREMENT,
      vectorBytes(
        readSharedJson<Vector[]>('vectors/vectors.json'),
        'Real Polar H10 (fw 5.0.0/sw 3.3.1) HR notification #1',
      ),
    );
  });

  afterAll(async () => {
    await strap?.dispose();
    await browser?.close();
  });

  const cueLog = (): Promise<CueRecord[]> => page.evaluate(() => window.backbeatCueLog ?? []);
  const begun = async () => (await cueLog()).filter((c) => c.kind === 'say').map((c) => c.detail);

  async function runClockUntil(done: () => Promise<boolean>, maxMs: number, stepMs = 100): Promise<void> {
    for (let ranMs = 0; ranMs < maxMs; ranMs += stepMs) {
      if (await done()) return;
      await page.clock.runFor(stepMs);
    }
    if (await done()) return;
    throw new Error(`not done after ${maxMs} ms of page time; begun ${JSON.stringify(await begun())}`);
  }

  // "Paused: connection lost" cut the movement off at its first sentence, and the set went on with
  // "Go on. Lie face down to start" alone.
  it('says the movement whole once the strap is back, after the line the set goes on with', async () => {
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await runClockUntil(async () => (await begun()).includes(LIFT), 30_000);
    await strap.goOutOfReach();
    await runClockUntil(async () => (await begun()).includes('Paused: connection lost'), 5000);
    strap.comeBackInReach();
    await runClockUntil(async () => (await begun()).some((line) => line.startsWith('Go on')), 30_000, 500);
    await runClockUntil(async () => (await begun()).includes('Then lower slowly'), 30_000, 500);
    const log = await cueLog();
    const said = log.filter((c) => c.kind === 'say').map((c) => c.detail);
    const paused = said.indexOf('Paused: connection lost');
    console.log(`after the drop: ${said.slice(paused).join(' / ')}`);
    const lift = superman.spokenHow.slice(superman.spokenHow.indexOf(LIFT), -1);
    expect(said.slice(paused + 2).join(' ')).toContain(lift);
    // Heard to its end once: cut off as the strap went, then whole after the set went on.
    const ofTheLift = log.filter((c) => c.detail === LIFT && c.kind !== 'say').map((c) => c.kind);
    expect(ofTheLift).toEqual(['cut', 'said']);
  });
});
