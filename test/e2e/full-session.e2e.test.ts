// The whole default program, hands-free: the person presses Start once and the virtual strap's
// simulated person does every set of the seven exercises; the app must reach the summary by itself,
// every set begun when the person was in position, and every set counted as performed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAM } from '../../src/workout/program.ts';
import { FIVE_TO_ONE } from '../spoken-countdown.ts';
import { openAppOnPausedClock } from './app-page.ts';
import { launchChromium } from './chromium.ts';
import { type CueRecord, installCueSpy } from './cue-spy.ts';

describe('a full default session with no input but the Start button', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await openAppOnPausedClock(browser, {
      viewport: { width: 1366, height: 800 },
      initScript: installCueSpy,
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  let cues: CueRecord[] = [];

  it('walks all seven exercises to the summary, each set matching what the simulated person did', async () => {
    // One tap, with a real pointer: the last input of the session.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const finishedSets: { shown: string; performed: string }[] = [];
    let lastShown = '';
    for (let second = 0; second < 3600 && (await page.locator('bb-summary').count()) === 0; second++) {
      await page.clock.runFor(1000);
      const last = page.locator('bb-rest-view .last');
      if ((await last.count()) === 0) continue;
      const shown = (await last.textContent()) ?? '';
      if (shown === lastShown) continue;
      lastShown = shown;
      // The strap reports what its person did with its next packet, a tenth of a second on.
      await page.clock.runFor(200);
      finishedSets.push({
        shown,
        performed: (await page.locator('bb-device-panel .person').textContent()) ?? '',
      });
    }
    await expect.poll(() => page.getByRole('heading', { name: 'Session done' }).count()).toBe(1);
    cues = await page.evaluate(() => window.backbeatCueLog ?? []);
    // One row a set; a set's form problems and a plank's goal are on rows of their own under it.
    const rows = await page.locator('bb-summary tbody tr:not(.form):not(.goal)').allTextContents();
    const exercises = rows.map((row) => row.trim().split(/\s{2,}/)[0]);
    expect(exercises).toEqual([
      'Superman',
      'Superman',
      'Superman',
      'Glute bridge',
      'Drawing-in',
      'Bird dog',
      'Bat hang',
      'Bat hang',
      // No weight: none was logged, and the app makes none up.
      'Wide-grip lat pulldown',
      'Wide-grip lat pulldown',
      'Wide-grip lat pulldown',
      'Elbow plank',
      'Elbow plank',
      'Elbow plank',
    ]);
    expect(finishedSets.length).toBeGreaterThanOrEqual(13);
    expect(finishedSets.map(({ shown }) => shown)).toContainEqual(
      expect.stringMatching(/^Bird dog, set 1: /),
    );
    // Every rep and breath set was counted exactly as the simulated person did it.
    for (const { shown, performed } of finishedSets) {
      const counted = shown.match(/: (\d+) of \d+ (reps|breaths)$/);
      if (counted) expect(performed, shown).toContain(`after ${counted[1]} ${counted[2]}`);
      // A bird dog's each side, "10 of 10 each side" or "7 of 10 right, 6 of 10 left": both arms' reps.
      const eachSide = shown.match(/: (\d+) of \d+ each side$/);
      const sides = shown.match(/: (\d+) of \d+ right, (\d+) of \d+ left$/);
      const bothArms = eachSide
        ? 2 * Number(eachSide[1])
        : sides
          ? Number(sides[1]) + Number(sides[2])
          : null;
      if (bothArms !== null) expect(performed, shown).toContain(`after ${bothArms} reps`);
      const held = shown.match(/held (\d+) s$/);
      const heldByPerson = performed.match(/a hold of (\d+) s/);
      if (held && heldByPerson)
        expect(Math.abs(Number(held[1]) - Number(heldByPerson[1])), shown).toBeLessThanOrEqual(2);
    }
  });

  it('spoke, sounded and vibrated every step at its moment', () => {
    const said = cues.filter((cue) => cue.kind === 'say');
    const at = (text: string) => said.find((cue) => cue.detail === text);
    // A first session: what the set is, then where to lie and how the exercise is done, a sentence at
    // a time, then the prompt to get there.
    expect(said.slice(0, 8).map((cue) => cue.detail)).toEqual([
      'Superman, set one of three. Ten reps',
      'Do not over-arch your lower back',
      'Lie face down.',
      'Stretch your arms out past your head.',
      'Lift arms, legs, head and chest.',
      'Only as high as is comfortable.',
      'Stay up a second.',
      'Then lower slowly',
    ]);
    expect(said[8].detail).toBe('Lie face down to start');
    expect(cues.filter((cue) => cue.kind === 'wake-lock')).toHaveLength(1);

    // Every set began by position: announced, an exercise's first with its one point, where to get
    // into (unless the person was there before it was said) and, to a person new to the exercise, how
    // it is done, a sentence at a time, then "In position. Go." before anything was counted or timed,
    // fourteen times.
    const announced = said.filter((cue) =>
      /^(Superman|Glute bridge|Drawing-in|Bird dog|Bat hang|Wide-grip lat pulldown|Elbow plank), (set|one set)/.test(
        cue.detail,
      ),
    );
    expect(announced).toHaveLength(14);
    for (const [i, announcement] of announced.entries()) {
      const after = said.slice(said.indexOf(announcement) + 1);
      const go = after.findIndex((cue) => cue.detail === 'In position. Go.');
      expect(go, announcement.detail).toBeGreaterThanOrEqual(0);
      const exercise = PROGRAM.find((e) => announcement.detail.startsWith(`${e.name},`));
      const whereAndHow = `${exercise?.position} ${exercise?.spokenHow} ${exercise?.keyPoint} ${exercise?.positionPrompt}. Keep still there to start.`;
      for (const line of after.slice(0, go))
        expect(whereAndHow, announcement.detail).toContain(line.detail.replace(/[.;]$/, ''));
      expect(after[go].atMs).toBeLessThan(announced[i + 1]?.atMs ?? Number.POSITIVE_INFINITY);
    }
    expect(said.filter((cue) => cue.detail === 'In position. Go.')).toHaveLength(14);

    // The first set: each rep counted aloud, with a tone and a buzz at the same moment.
    const firstRest = said.findIndex((cue) => cue.detail.startsWith('Rest,'));
    const numbers = said.slice(said.findIndex((cue) => cue.detail === 'In position. Go.') + 1, firstRest);
    expect(numbers.map((cue) => cue.detail)).toEqual([
      'one',
      'two',
      'three',
      'four',
      'five',
      'six',
      'seven',
      'eight',
      'nine',
      'ten',
    ]);
    for (const number of numbers) {
      const together = cues.filter((cue) => cue.atMs === number.atMs).map((cue) => cue.kind);
      expect(together.slice(0, 3)).toEqual(['tone', 'vibrate', 'say']);
    }

    // The rest is announced with the last rep, its time left called every fifteen seconds as the ring
    // comes to it, counted down over its last five seconds, and the next set named when it ends.
    const rest = said[firstRest];
    expect(rest.detail).toBe('Rest, forty-five seconds. Next: Superman, set two of three');
    expect(rest.atMs).toBe(numbers.at(-1)?.atMs);
    const timeLeft = said.slice(firstRest + 1, firstRest + 3);
    expect(timeLeft.map((cue) => cue.detail)).toEqual(['thirty seconds left', 'fifteen seconds left']);
    for (const [i, cue] of timeLeft.entries())
      expect(cue.atMs - rest.atMs).toBeCloseTo(15_000 + i * 15_000, -3);
    const countdown = said.slice(firstRest + 3, firstRest + 8);
    expect(countdown.map((cue) => cue.detail)).toEqual(FIVE_TO_ONE);
    for (const [i, cue] of countdown.entries())
      expect(cue.atMs - rest.atMs).toBeCloseTo(40_000 + i * 1000, -3);
    const nextSet = said[firstRest + 8];
    expect(nextSet.detail).toBe('Superman, set two of three. Ten reps');
    expect(said[firstRest + 9].detail).toBe('Lie face down to start');
    expect(nextSet.atMs - rest.atMs).toBeGreaterThanOrEqual(45_000);
    expect(nextSet.atMs - rest.atMs).toBeLessThan(45_500);

    // A timed hold: its start, its time called every fifteen seconds, its last five counted down, its end.
    // With what was held by the time the stillness was confirmed ("Two seconds in").
    const drawingIn = said.findIndex((cue) => cue.detail.startsWith('Drawing-in, one set'));
    const holdStart = said
      .slice(drawingIn)
      .find((cue) => cue.detail === 'Hold' || cue.detail.startsWith('Hold. '));
    const holdDone = at('Done: forty-five seconds');
    expect(holdStart && holdDone).toBeTruthy();
    const holdCalls = said.filter((cue) => cue.atMs > holdStart!.atMs && cue.atMs < holdDone!.atMs);
    expect(holdCalls.map((cue) => cue.detail)).toEqual(['fifteen seconds', 'thirty seconds', ...FIVE_TO_ONE]);
    // Stillness is confirmed a few seconds into the hold, which is timed from when it began.
    expect(holdDone!.atMs - holdStart!.atMs).toBeGreaterThan(38_000);
    expect(holdDone!.atMs - holdStart!.atMs).toBeLessThanOrEqual(45_000);

    // The glute bridge's pause at the top of each rep, timed aloud: "Hold" as the person stops there,
    // "Down" three seconds after they got there, then the rep's count once the hips are down.
    const bridge = said.findIndex((cue) => cue.detail.startsWith('Glute bridge, one set'));
    const bridgeLines = said.slice(
      bridge,
      said.findIndex((cue, i) => i > bridge && cue.detail.startsWith('Rest,')),
    );
    const go = bridgeLines.findIndex((cue) => cue.detail === 'In position. Go.');
    const reps = bridgeLines.slice(go + 1);
    const counts = reps.filter((cue) => !['Hold', 'Down'].includes(cue.detail));
    expect(counts.at(-1)?.detail).toBe('fifteen');
    expect(reps.map((cue) => cue.detail)).toEqual(counts.flatMap((count) => ['Hold', 'Down', count.detail]));
    for (let i = 0; i < reps.length; i += 3) {
      // Told a moment after the stop began; "Down" three seconds after that beginning.
      const [hold, down] = [reps[i], reps[i + 1]];
      expect(down.atMs - hold.atMs, `pause ${i / 3 + 1}`).toBeGreaterThan(2000);
      expect(down.atMs - hold.atMs, `pause ${i / 3 + 1}`).toBeLessThanOrEqual(3000);
    }

    // Bird dog's starting side is named once, by the rest before it or else by its set; the plank sets
    // each hold's goal above the last one.
    expect(said.filter((cue) => cue.detail.includes('Start with your right arm'))).toHaveLength(1);
    const plankGoals = said
      .filter((cue) => cue.detail.startsWith('Elbow plank, set'))
      .map((cue) => cue.detail.match(/goal ([^.]+)/)?.[1]);
    expect(plankGoals).toHaveLength(3);
    expect(plankGoals[0]).toBe('thirty seconds');
    // The simulated person waits on the floor for "Go" and lifts on it: one "Hold" a plank, after it.
    for (const announcement of said.filter((cue) => cue.detail.startsWith('Elbow plank, set'))) {
      const after = said.slice(said.indexOf(announcement) + 1);
      const ended = after.findIndex((cue) => cue.detail.startsWith('Done:'));
      const heard = after.slice(0, ended).map((cue) => cue.detail);
      const holds = heard.filter((line) => /^Hold(\. [A-Z][a-z-]+ seconds? in)?$/.test(line));
      expect(holds, announcement.detail).toHaveLength(1);
      expect(heard.indexOf(holds[0]), announcement.detail).toBeGreaterThan(heard.indexOf('In position. Go.'));
    }

    // The simulated person got up two reps into the last superman set: the summary shows "2 of 10",
    // and the closing line names it, where "fourteen sets. Well done" alone said every set was whole.
    expect(said.at(-1)?.detail).toBe(
      'Session complete: fourteen sets. Superman set three stopped at two of ten reps. Well done',
    );
  });
});
