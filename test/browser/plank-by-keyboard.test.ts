// A plank timed by hand (a strap that gives heart rate only), walked by keyboard alone on a laptop:
// Start, Start hold, End hold, each reached with Tab and pressed with Enter, the focus followed into
// the shadow roots it goes through at each step.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { SessionStore } from '../../src/store/session-store.ts';
import { PROGRAM } from '../../src/workout/program.ts';
import { type AppShell, mountApp } from './app-shell.ts';
import { layOutAsTheApp } from './mount.ts';

/** The element with the keyboard's focus, inside the shadow roots it is in. */
function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** Where the focus is, as a person hears it: the screen it is in, and the control or heading's name. */
function focusedName(): string {
  const element = focused();
  if (!element || element === document.body) return 'the page';
  const screen = (element.getRootNode() as ShadowRoot).host?.localName ?? 'the page';
  const name = element.getAttribute('aria-label') ?? element.textContent?.trim();
  return `${screen}: ${element.localName} ${name}`;
}

/** Presses Tab until the focus is on the control or heading named `name`, as a person reaches it. */
async function tabTo(name: string): Promise<void> {
  const passed: string[] = [];
  for (let presses = 0; presses < 30 && !focusedName().endsWith(` ${name}`); presses++) {
    passed.push(focusedName());
    await userEvent.tab();
  }
  expect(focusedName(), passed.join('\n')).toMatch(new RegExp(` ${name}$`));
}

describe('a plank timed by hand, walked by keyboard alone at 1366 × 768', () => {
  let mounted: AppShell;
  let restore: () => Promise<void>;

  beforeEach(async () => {
    restore = await layOutAsTheApp(1366, 768);
    mounted = await mountApp({
      start: true,
      openStore: () => SessionStore.open({ name: `plank-by-keyboard-${Date.now()}` }),
      settings: { exercises: PROGRAM.map(({ id }) => ({ id, included: id === 'elbow-plank' })) },
    });
    // What the app tells the session once the strap turns out to see no exercise (see Backbeat.start).
    mounted.app.session.senseDevices(false, []);
  });

  afterEach(async () => {
    mounted.remove();
    await restore();
  });

  it('keeps the focus on the hold button as Start hold turns into End hold, and a second Enter at once ends nothing', async () => {
    const steps: string[] = [];
    await expect.element(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
    await tabTo('Start');
    await userEvent.keyboard('{Enter}');
    await expect.poll(focusedName).toBe('bb-set-view: h2 Elbow plank');
    steps.push(`Start: ${focusedName()}`);
    // The voice's "Go", which a heart-rate-only strap waits for alone.
    mounted.app.session.goHeard();
    await tabTo('Start hold');
    await userEvent.keyboard('{Enter}');
    const endHold = page.getByRole('button', { name: 'End hold' });
    await expect.element(endHold).toBeVisible();
    steps.push(`Start hold: ${focusedName()}`);
    // A key pressed twice, or held down: the second press was meant for Start hold.
    await userEvent.keyboard('{Enter}');
    expect(mounted.app.session.state.phase).toBe('set');
    await expect.element(endHold).toBeVisible();
    steps.push(`Enter again: ${focusedName()}`);
    // The plank held a second, as its clock shows.
    const clock = page.getByRole('progressbar', { name: 'Hold time' });
    await expect
      .poll(() => Number(clock.element().getAttribute('aria-valuenow')), { timeout: 5_000 })
      .toBeGreaterThanOrEqual(1);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => mounted.app.session.state.phase).toBe('rest');
    await expect.poll(focusedName).toBe('bb-rest-view: h2 Rest');
    steps.push(`End hold: ${focusedName()}`);
    expect(steps).toEqual([
      'Start: bb-set-view: h2 Elbow plank',
      'Start hold: bb-set-view: button End hold',
      'Enter again: bb-set-view: button End hold',
      'End hold: bb-rest-view: h2 Rest',
    ]);
  });
});
