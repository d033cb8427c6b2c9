import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/ui/bb-settings.ts';
import type { BbSettings } from '../../src/ui/bb-settings.ts';
import { TuningModel, TuningStore } from '../../src/workout/personal-tuning.ts';
import { defaultSettings, SettingsModel, SettingsStore } from '../../src/workout/settings.ts';
import { linesOf } from './lines.ts';
import { layOutAsTheApp } from './mount.ts';

const KEY = 'backbeat.settings.test';
const TUNING_KEY = 'backbeat.personal-tuning.test';

function mount(voices: BbSettings['voices'] = []) {
  const model = new SettingsModel(new SettingsStore(localStorage, KEY));
  const element = document.createElement('bb-settings');
  element.model = model;
  element.voices = voices;
  document.body.append(element);
  return { model, element };
}

beforeEach(() => {
  localStorage.removeItem(KEY);
  localStorage.removeItem(TUNING_KEY);
});

afterEach(() => {
  document.body.replaceChildren();
  localStorage.removeItem(KEY);
  localStorage.removeItem(TUNING_KEY);
});

describe('bb-settings', () => {
  // 180 px: text at twice its size on a 360 px phone.
  it.each([360, 320, 180])(
    "on a %d px phone lines up each exercise's boxes under each other, and keeps Drawing-in on one line",
    async (width) => {
      // The padding is the app's main's.
      const restore = await layOutAsTheApp(width, 640, '0 1rem');
      try {
        const { element } = mount();
        await element.updateComplete;
        const lefts = (exercise: string) =>
          ['sets', 'rest, seconds'].map((field) =>
            Math.round(
              page
                .getByRole('spinbutton', { name: `${exercise} ${field}` })
                .element()
                .getBoundingClientRect().left,
            ),
          );
        for (const exercise of ['Superman', 'Drawing-in', 'Wide-grip lat pulldown']) {
          const [sets, rest] = lefts(exercise);
          expect(rest, exercise).toBe(sets);
        }
        const head = page
          .getByRole('checkbox', { name: 'Drawing-in', exact: true })
          .element()
          .closest('label')!;
        expect(linesOf(head, 'Drawing-in')).toBe(1);
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
        // Every exercise's box and field within the box of the list.
        const list = element.shadowRoot!.querySelector('ol')!.closest('fieldset')!.getBoundingClientRect();
        for (const box of element.shadowRoot!.querySelectorAll('li, input[type=number]')) {
          expect(box.getBoundingClientRect().right).toBeLessThanOrEqual(list.right);
        }
      } finally {
        await restore();
      }
    },
  );

  // 375 px: an iPhone's width. Inside the list's border was not enough: at 360 px each box ran 19 px
  // into the list's padding, its right edge against the list's border and 21 px clear of it on the left.
  it.each([375, 360, 320])(
    "on a %d px phone keeps each exercise's box inside the list's padding, as clear of its right border as of its left",
    async (width) => {
      const restore = await layOutAsTheApp(width, 640, '0 1rem');
      try {
        const { element } = mount();
        await element.updateComplete;
        const list = element.shadowRoot!.querySelector('ol')!.closest('fieldset')!;
        const style = getComputedStyle(list);
        const box = list.getBoundingClientRect();
        const insideLeft =
          box.left + Number.parseFloat(style.borderLeftWidth) + Number.parseFloat(style.paddingLeft);
        const insideRight =
          box.right - Number.parseFloat(style.borderRightWidth) - Number.parseFloat(style.paddingRight);
        for (const exercise of element.shadowRoot!.querySelectorAll('ol > li')) {
          const name = exercise.querySelector('.head label')!.textContent!.trim();
          const { left, right } = exercise.getBoundingClientRect();
          expect(left, name).toBeGreaterThanOrEqual(insideLeft - 0.5);
          expect(right, name).toBeLessThanOrEqual(insideRight + 0.5);
        }
      } finally {
        await restore();
      }
    },
  );

  it.each([360, 1366])(
    'at %d px gives every tick box and choice a target of 44 px or more, its words and box together',
    async (width) => {
      // "Full session: every set" was a 27 px strip 12 px above the short session's: a tap meant for
      // one could take the other, or Mute's for Tones'.
      const restore = await layOutAsTheApp(width, 640, '0 1rem');
      try {
        const { element } = mount();
        await element.updateComplete;
        const choices = [...element.shadowRoot!.querySelectorAll('input[type=checkbox], input[type=radio]')];
        expect(choices.length).toBeGreaterThan(10);
        for (const choice of choices) {
          const label = choice.closest('label')!;
          const name = label.textContent!.trim().replace(/\s+/g, ' ');
          expect(label.getBoundingClientRect().height, name).toBeGreaterThanOrEqual(44);
          const box = choice.getBoundingClientRect();
          const target = label.getBoundingClientRect();
          expect(box.top, name).toBeGreaterThanOrEqual(target.top);
          expect(box.bottom, name).toBeLessThanOrEqual(target.bottom);
        }
      } finally {
        await restore();
      }
    },
  );

  it.each([360, 320, 180])(
    "on a %d px phone keeps the program's range and a hold's seconds whole in the notes beside a target",
    async (width) => {
      const restore = await layOutAsTheApp(width, 640, '0 1rem');
      try {
        const { element } = mount();
        await element.updateComplete;
        for (const [field, value] of [
          ['Superman reps', '100'],
          ['Wide-grip lat pulldown reps', '5'],
          ['Elbow plank hold, seconds', '600'],
        ]) {
          await page.getByRole('spinbutton', { name: field }).fill(value);
          await userEvent.keyboard('{Tab}');
        }
        await element.updateComplete;
        const note = (start: string) => page.getByText(new RegExp(`^${start}`)).element();
        expect(linesOf(note("Far above the program's"), '10–12 reps')).toBe(1);
        expect(linesOf(note("Below the program's"), '12–15 reps')).toBe(1);
        expect(linesOf(note('Far above the 30 s'), '30 s')).toBe(1);
      } finally {
        await restore();
      }
    },
  );

  it.each([360, 320, 180])(
    'on a %d px phone keeps the speech rate and its value inside their box',
    async (width) => {
      const restore = await layOutAsTheApp(width, 640, '0 1rem');
      try {
        const { element } = mount();
        await element.updateComplete;
        const rate = page.getByRole('slider', { name: 'Speech rate' }).element();
        const box = rate.closest('fieldset')!;
        const inside =
          box.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(box).paddingRight);
        const value = rate.closest('label')!.querySelector('output')!;
        expect(value.getBoundingClientRect().right).toBeLessThanOrEqual(inside);
        expect(rate.getBoundingClientRect().width).toBeGreaterThan(80);
      } finally {
        await restore();
      }
    },
  );

  it('lists the seven exercises in session order, each one labelled', async () => {
    const { element } = mount();
    await element.updateComplete;
    for (const name of [
      'Superman',
      'Glute bridge',
      'Drawing-in',
      'Bird dog',
      'Bat hang',
      'Wide-grip lat pulldown',
      'Elbow plank',
    ]) {
      await expect.element(page.getByRole('checkbox', { name, exact: true })).toBeChecked();
    }
    await expect.element(page.getByRole('spinbutton', { name: 'Superman reps' })).toHaveValue(10);
    await expect.element(page.getByRole('spinbutton', { name: 'Drawing-in hold, seconds' })).toHaveValue(45);
    await expect.element(page.getByRole('spinbutton', { name: 'Bat hang breaths' })).toHaveValue(4);
    // No weight until the person logs one: program.md names none.
    await expect
      .element(page.getByRole('textbox', { name: 'Wide-grip lat pulldown weight, kg' }))
      .toHaveValue('');
    await expect.element(page.getByRole('button', { name: 'Move Superman earlier' })).toBeDisabled();
    await expect.element(page.getByRole('button', { name: 'Move Elbow plank later' })).toBeDisabled();
    // A button that would do nothing does not look like one that would.
    const looks = (name: string) => {
      const style = getComputedStyle(page.getByRole('button', { name }).element());
      return [Number(style.opacity), style.cursor];
    };
    expect(looks('Move Superman later')).toEqual([1, 'pointer']);
    const [opacity, cursor] = looks('Move Superman earlier');
    expect(opacity).toBeLessThan(0.6);
    expect(cursor).toBe('not-allowed');
  });

  it('changes a dosage, keeps it within limits, and remembers it', async () => {
    const { model } = mount();
    const sets = page.getByRole('spinbutton', { name: 'Superman sets' });
    await sets.fill('4');
    await userEvent.keyboard('{Tab}');
    expect(model.state.exercises[0].dosage.sets).toBe(4);
    // Out of range, the number is not made the nearest one allowed: the sets from before stay.
    await sets.fill('40');
    await userEvent.keyboard('{Tab}');
    expect(model.state.exercises[0].dosage.sets).toBe(4);
    await expect.element(sets).toHaveValue(4);
    // A cleared field goes back to the kept value.
    await sets.fill('');
    await userEvent.keyboard('{Tab}');
    await expect.element(sets).toHaveValue(4);
    expect(new SettingsStore(localStorage, KEY).load().exercises[0].dosage.sets).toBe(4);
  });

  it('says beside a field what it takes and what was kept when a typed number could not be', async () => {
    const { model, element } = mount();
    const said = () =>
      [...element.shadowRoot!.querySelectorAll('.correction[role="status"]')].map((p) => p.textContent);
    const sets = page.getByRole('spinbutton', { name: 'Superman sets' });
    await sets.fill('0');
    await userEvent.keyboard('{Tab}');
    expect(model.state.exercises[0].dosage.sets).toBe(3);
    await expect.poll(said).toEqual(['Sets: 0 is below 1, the lowest it takes; 3 kept.']);
    // A number it could keep as typed takes the words away.
    await sets.fill('2');
    await userEvent.keyboard('{Tab}');
    await expect.poll(said).toEqual([]);
    // Each field typed wrong keeps its own words beside it, however many there are.
    const rest = page.getByRole('spinbutton', { name: 'Superman rest, seconds' });
    await rest.fill('');
    await userEvent.keyboard('{Tab}');
    await expect.poll(said).toEqual(['A rest: whole numbers from 0 to 600 s; 45 s kept.']);
    await page.getByRole('textbox', { name: 'Wide-grip lat pulldown weight, kg' }).fill('12.3');
    await userEvent.keyboard('{Tab}');
    await page.getByRole('spinbutton', { name: 'Age' }).fill('5');
    await userEvent.keyboard('{Tab}');
    await expect
      .poll(said)
      .toEqual([
        'A rest: whole numbers from 0 to 600 s; 45 s kept.',
        'The weight: 12.3 kg rounded to 12.5 kg, as it takes steps of 0.5 kg.',
        'Age: 5 is below 10, the lowest it takes; left empty.',
      ]);
    expect(model.state.age).toBeNull();
    await expect.element(rest).toHaveValue(45);
    // Clearing an optional number is what it was meant to do; the other fields' words stay.
    await page.getByRole('spinbutton', { name: 'Age' }).fill('30');
    await userEvent.keyboard('{Tab}');
    await page.getByRole('spinbutton', { name: 'Age' }).fill('');
    await userEvent.keyboard('{Tab}');
    await expect
      .poll(said)
      .toEqual([
        'A rest: whole numbers from 0 to 600 s; 45 s kept.',
        'The weight: 12.3 kg rounded to 12.5 kg, as it takes steps of 0.5 kg.',
      ]);
    expect(model.state.age).toBeNull();
  });

  it('says a number typed between steps was rounded, and to what, and a screen reader hears it with its field', async () => {
    const { model, element } = mount();
    // Each field, what is typed in it, the words about it, and all it is described by if more than those.
    const typed: ReadonlyArray<readonly [string, string, string, string?]> = [
      ['Superman reps', '2.5', 'Reps: 2.5 rounded to 3, as it takes whole numbers.'],
      ['Superman sets', '1.5', 'Sets: 1.5 rounded to 2, as it takes whole numbers.'],
      ['Superman rest, seconds', '0.5', 'A rest: 0.5 s rounded to 1 s, as it takes whole numbers.'],
      [
        'Wide-grip lat pulldown weight, kg',
        '12.75',
        'The weight: 12.75 kg rounded to 13 kg, as it takes steps of 0.5 kg.',
      ],
      ['Age', '40.5', 'Age: 40.5 rounded to 41, as it takes whole numbers.'],
      [
        'Maximum heart rate, bpm, if you know it',
        '180.5',
        'Maximum heart rate: 180.5 bpm rounded to 181 bpm, as it takes whole numbers.',
        // The maximum the zones use first, as it is heard whatever was typed.
        'Zones use a maximum of 181 bpm (as you set it). Maximum heart rate: 180.5 bpm rounded to 181 bpm, as it takes whole numbers.',
      ],
    ];
    for (const [name, value, words, heard] of typed) {
      const field = page.getByLabelText(name, { exact: true });
      await field.fill(value);
      await userEvent.keyboard('{Tab}');
      await expect.element(page.getByText(words)).toBeVisible();
      await expect.element(field).toHaveAccessibleDescription(heard ?? words);
    }
    expect(model.state.exercises[0].dosage).toMatchObject({ target: 3, sets: 2, restS: 1 });
    expect(model.state).toMatchObject({ age: 41, maxHr: 181 });
    // A field's other notes are still heard, its words about what was typed after them.
    const birdDogReps = page.getByRole('spinbutton', { name: 'Bird dog reps' });
    await birdDogReps.fill('15.4');
    await userEvent.keyboard('{Tab}');
    await expect
      .element(birdDogReps)
      .toHaveAccessibleDescription(
        'Reps count both sides: 15 = 8 right, 7 left. Reps: 15.4 rounded to 15, as it takes whole numbers.',
      );
    // Typed again as it takes, the words go, and so does what the field was described by.
    const age = page.getByRole('spinbutton', { name: 'Age' });
    await age.fill('40');
    await userEvent.keyboard('{Tab}');
    await element.updateComplete;
    await expect.element(age).not.toHaveAttribute('aria-describedby');
  });

  it('keeps the words of each number of one exercise it could not keep, until that number is typed again', async () => {
    const { model, element } = mount();
    const said = () =>
      [...element.shadowRoot!.querySelectorAll('.correction[role="status"]')].map((p) => p.textContent);
    const sets = page.getByRole('spinbutton', { name: 'Superman sets' });
    const reps = page.getByRole('spinbutton', { name: 'Superman reps' });
    await sets.fill('0');
    await userEvent.keyboard('{Tab}');
    await reps.fill('999');
    await userEvent.keyboard('{Tab}');
    expect(model.state.exercises[0].dosage).toMatchObject({ sets: 3, target: 10 });
    await expect
      .poll(said)
      .toEqual([
        'Sets: 0 is below 1, the lowest it takes; 3 kept.',
        'Reps: 999 is above 100, the most it takes; 10 kept.',
      ]);
    // Typed in again, the reps take their own words away and leave the sets' where they were.
    await reps.fill('12');
    await userEvent.keyboard('{Tab}');
    await expect.poll(said).toEqual(['Sets: 0 is below 1, the lowest it takes; 3 kept.']);
    // Typed wrong the other way round, the words still come in the order of the row's fields.
    await reps.fill('0');
    await userEvent.keyboard('{Tab}');
    await sets.fill('2');
    await userEvent.keyboard('{Tab}');
    await sets.fill('11');
    await userEvent.keyboard('{Tab}');
    await expect
      .poll(said)
      .toEqual([
        'Sets: 11 is above 10, the most it takes; 2 kept.',
        'Reps: 0 is below 1, the lowest it takes; 12 kept.',
      ]);
  });

  it('keeps any whole number of seconds of rest, and never leaves a number it kept marked invalid', async () => {
    const { model, element } = mount();
    const rest = page.getByRole('spinbutton', { name: 'Superman rest, seconds' });
    await rest.fill('3');
    await userEvent.keyboard('{Tab}');
    expect(model.state.exercises[0].dosage.restS).toBe(3);
    await expect.element(rest).toHaveValue(3);
    // Whatever is typed, the field ends up showing a value it accepts: the browser never flags one
    // that was kept (it would say nothing to the person about why).
    const typed: ReadonlyArray<readonly [string, string]> = [
      ['Superman sets', '2.4'],
      ['Superman reps', '12'],
      ['Superman rest, seconds', '47'],
      ['Drawing-in hold, seconds', '52'],
      ['Bat hang breaths', '5'],
      ['Wide-grip lat pulldown rest, seconds', '61.5'],
    ];
    for (const [name, value] of typed) {
      const field = page.getByRole('spinbutton', { name });
      await field.fill(value);
      await userEvent.keyboard('{Tab}');
      await element.updateComplete;
      const input = field.element() as HTMLInputElement;
      expect(input.validity.valid, `${name} after ${value}: ${input.validationMessage}`).toBe(true);
    }
    expect(model.state.exercises[0].dosage.sets).toBe(2);
  });

  it('reads a weight typed with a decimal comma, or in the digits of another script, as the weight meant', async () => {
    const { model, element } = mount();
    const said = () =>
      [...element.shadowRoot!.querySelectorAll('.correction[role="status"]')].map((p) => p.textContent);
    const weight = page.getByRole('textbox', { name: 'Wide-grip lat pulldown weight, kg' });
    const weightKg = () => model.state.exercises.find((e) => e.id === 'lat-pulldown')?.dosage.weightKg;
    for (const [typed, kept] of [
      ['12,5', 12.5],
      ['27.3', 27.5],
      [' 30 ', 30],
      ['\u0661\u0662\u066b\u0665', 12.5],
      ['\u0967\u0968.\u096b', 12.5],
    ] as const) {
      await weight.fill(typed);
      await userEvent.keyboard('{Tab}');
      expect(weightKg(), typed).toBe(kept);
      await expect.element(weight).toHaveValue(String(kept));
    }
    await expect.poll(said).toEqual([]);
    // Not a number at all: said so, and the weight kept.
    await weight.fill('12 kg');
    await userEvent.keyboard('{Tab}');
    expect(weightKg()).toBe(12.5);
    await expect.poll(said).toEqual(['The weight: 0 to 300 kg in steps of 0.5 kg; 12.5 kg kept.']);
    await expect.element(weight).toHaveValue('12.5');
    await expect
      .element(weight)
      .toHaveAccessibleDescription('The weight: 0 to 300 kg in steps of 0.5 kg; 12.5 kg kept.');
  });

  it('leaves the lat pulldown weight empty until one is logged, asking for one that keeps good form', async () => {
    const { model } = mount();
    const weight = page.getByRole('textbox', { name: 'Wide-grip lat pulldown weight, kg' });
    const weightKg = () => model.state.exercises.find((e) => e.id === 'lat-pulldown')?.dosage.weightKg;
    const ask = 'Pick a weight that keeps good form throughout, and log it here.';
    await expect.element(weight).toHaveValue('');
    await expect.element(weight).toHaveAccessibleDescription(ask);
    await weight.fill('30');
    await userEvent.keyboard('{Tab}');
    expect(weightKg()).toBe(30);
    await expect.element(weight).toHaveAccessibleDescription('');
    await expect.element(page.getByText(ask)).not.toBeInTheDocument();
    // Cleared: none logged again, not 0 kg.
    await weight.fill('');
    await userEvent.keyboard('{Tab}');
    expect(weightKg()).toBeUndefined();
    await expect.element(weight).toHaveAccessibleDescription(ask);
  });

  it("suggests the last session's lat pulldown weight where none is logged, and logs none until one is typed", async () => {
    const { model, element } = mount();
    element.weightsAsLastTime = { 'lat-pulldown': 32.5 };
    const weight = page.getByRole('textbox', { name: 'Wide-grip lat pulldown weight, kg' });
    const weightKg = () => model.state.exercises.find((e) => e.id === 'lat-pulldown')?.dosage.weightKg;
    const asLastTime = 'At 32.5 kg, as last time, until you log a weight here.';
    await expect.element(weight).toHaveAttribute('placeholder', '32.5');
    await expect.element(weight).toHaveAccessibleDescription(asLastTime);
    await expect.element(weight).toHaveValue('');
    expect(weightKg()).toBeUndefined();
    await weight.fill('35');
    await userEvent.keyboard('{Tab}');
    expect(weightKg()).toBe(35);
    await expect.element(weight).toHaveAccessibleDescription('');
    await expect.element(page.getByText(asLastTime)).not.toBeInTheDocument();
  });

  it('leaves an exercise out and picks a short session', async () => {
    const { model } = mount();
    await page.getByRole('checkbox', { name: 'Wide-grip lat pulldown', exact: true }).click();
    expect(model.state.exercises.find((e) => e.id === 'lat-pulldown')?.included).toBe(false);
    await page.getByRole('radio', { name: /Short session/ }).click();
    expect(model.state.length).toBe('short');
  });

  it('says what setting the targets from past sessions does to each, a plank goal below its setting too', async () => {
    const { model } = mount();
    // Not named for the holds alone: the counts it raises are named by their note's "Untick …" too.
    const progress = page.getByRole('checkbox', { name: 'Set targets from my past sessions', exact: true });
    await expect.element(progress).toBeChecked();
    await expect
      .element(progress)
      .toHaveAccessibleDescription(
        'The drawing-in climbs 45 s → 1 min → 2 min, never below its target here; a target here below 45 s stays as it is. The first plank aims 5 s past the first of the last session, above or below its target here, as each plank in a session aims past the one before. The superman (10–12 reps), the bat hang (3–5 breaths) and the wide-grip lat pulldown (12–15 reps) ask one more after a session in which every set reached its target, up to the top of that range, never below their target here; a target here below that range stays as it is. The wide-grip lat pulldown adds a set after a session in which every set reached 15 reps, up to 4 sets, the reps starting again at 12.',
      );
    await progress.click();
    expect(model.state.autoProgress).toBe(false);
  });

  it('says beside the sets of each exercise that a short session does one', async () => {
    const { model, element } = mount();
    await element.updateComplete;
    const supermanSets = page.getByRole('spinbutton', { name: 'Superman sets' });
    expect(element.shadowRoot?.textContent).not.toMatch(/short session does/);
    await page.getByRole('radio', { name: /Short session/ }).click();
    await element.updateComplete;
    const note = 'A short session does 1 set; 3 sets are for a full session.';
    await expect.element(page.getByText(note).first()).toBeVisible();
    await expect.element(supermanSets).toHaveAccessibleDescription(note);
    // The setting itself is kept, for a full session, and can still be changed.
    await expect.element(supermanSets).toHaveValue(3);
    await supermanSets.fill('4');
    await userEvent.keyboard('{Tab}');
    await expect
      .element(supermanSets)
      .toHaveAccessibleDescription('A short session does 1 set; 4 sets are for a full session.');
    // One set anyway: nothing to say.
    await expect
      .element(page.getByRole('spinbutton', { name: 'Glute bridge sets' }))
      .not.toHaveAttribute('aria-describedby');
    model.setLength('full');
    await element.updateComplete;
    expect(element.shadowRoot?.textContent).not.toMatch(/short session does/);
    await expect.element(supermanSets).not.toHaveAttribute('aria-describedby');
  });

  it('says the reps of a bird dog count both sides, and keeps the total', async () => {
    const { model, element } = mount();
    await element.updateComplete;
    const reps = page.getByRole('spinbutton', { name: 'Bird dog reps' });
    await expect.element(reps).toHaveValue(20);
    await expect.element(reps).toHaveAccessibleDescription('Reps count both sides: 20 = 10 each side.');
    await expect.element(page.getByText('Reps count both sides: 20 = 10 each side.')).toBeVisible();
    await reps.fill('15');
    await userEvent.keyboard('{Tab}');
    await expect.element(reps).toHaveAccessibleDescription('Reps count both sides: 15 = 8 right, 7 left.');
    expect(model.state.exercises.find((e) => e.id === 'bird-dog')?.dosage.target).toBe(15);
    // One side at a time is the bird dog's alone.
    await expect
      .element(page.getByRole('spinbutton', { name: 'Superman reps' }))
      .not.toHaveAttribute('aria-describedby');
  });

  it('reorders from the keyboard, keeping focus on the button and saying where the exercise went', async () => {
    const { model, element } = mount();
    await element.updateComplete;
    const earlier = page.getByRole('button', { name: 'Move Bird dog earlier' });
    (earlier.element() as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('status')).toHaveTextContent('Bird dog is now 3 of 7');
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Enter}');
    expect(model.state.exercises.map((e) => e.id).slice(0, 2)).toEqual(['bird-dog', 'superman']);
    // At the top the "earlier" button is disabled; focus moved to "later".
    expect(element.shadowRoot?.activeElement?.getAttribute('aria-label')).toBe('Move Bird dog later');
    await userEvent.keyboard('{Enter}');
    expect(model.state.exercises.map((e) => e.id).slice(0, 2)).toEqual(['superman', 'bird-dog']);
  });

  it('mutes with the space bar and turns the tones control off while muted', async () => {
    const { model, element } = mount();
    await element.updateComplete;
    const mute = page.getByRole('checkbox', { name: 'Mute the voice and tones' });
    (mute.element() as HTMLInputElement).focus();
    await userEvent.keyboard(' ');
    expect(model.state.muted).toBe(true);
    await expect.element(page.getByRole('checkbox', { name: /^Tones/ })).toBeDisabled();
    await expect.element(page.getByRole('button', { name: 'Try the voice' })).toBeDisabled();
    // Nothing is said while muted: no voice or speech rate to choose, and the words say so too.
    await expect.element(page.getByRole('combobox', { name: 'Voice' })).toBeDisabled();
    await expect.element(page.getByRole('slider', { name: 'Speech rate' })).toBeDisabled();
    const colourOf = (name: RegExp) =>
      getComputedStyle(page.getByRole('checkbox', { name }).element().closest('label')!).color;
    expect(colourOf(/^Tones/)).not.toBe(colourOf(/^Vibrate/));
    await userEvent.keyboard(' ');
    await expect.element(page.getByRole('combobox', { name: 'Voice' })).toBeEnabled();
    expect(colourOf(/^Tones/)).toBe(colourOf(/^Vibrate/));
  });

  it.each([
    [360, 640],
    [1366, 768],
  ])(
    'at %d × %d says beside the greyed Try the voice why it is off while muted, and how to hear it',
    async (width, height) => {
      const restore = await layOutAsTheApp(width, height, '0 1rem');
      try {
        const { model, element } = mount();
        model.setMuted(true);
        await element.updateComplete;
        const tryVoice = page.getByRole('button', { name: 'Try the voice' });
        await expect.element(tryVoice).toBeDisabled();
        await expect
          .element(tryVoice)
          .toHaveAccessibleDescription('Muted: untick Mute to hear the voice and tones.');
        const why = page.getByText('Muted: untick Mute to hear the voice and tones.');
        await expect.element(why).toBeVisible();
        // Beside the button or on the line under it, whole inside the group's box.
        const button = tryVoice.element().getBoundingClientRect();
        const words = why.element().getBoundingClientRect();
        const group = why.element().closest('fieldset')!.getBoundingClientRect();
        expect(words.top).toBeGreaterThanOrEqual(button.top);
        expect(words.top).toBeLessThanOrEqual(button.bottom + 16);
        expect(words.left).toBeGreaterThanOrEqual(group.left);
        expect(words.right).toBeLessThanOrEqual(group.right);
        // Read as words to act on, not greyed like the controls it explains.
        const greyed = getComputedStyle(
          page
            .getByRole('checkbox', { name: /^Tones/ })
            .element()
            .closest('label')!,
        ).color;
        expect(getComputedStyle(why.element()).color).not.toBe(greyed);
        model.setMuted(false);
        await expect.element(tryVoice).toBeEnabled();
        await expect.element(why).not.toBeInTheDocument();
      } finally {
        await restore();
      }
    },
  );

  it('chooses a voice and a speech rate, and asks to try them', async () => {
    const { model, element } = mount([
      { uri: 'urn:amy', name: 'Amy', lang: 'en-GB', isDefault: false, english: true },
      { uri: 'urn:bob', name: 'Bob', lang: 'en-US', isDefault: true, english: true },
    ]);
    await page.getByRole('combobox', { name: 'Voice' }).selectOptions('Bob (en-US)');
    expect(model.state.voiceUri).toBe('urn:bob');
    const rate = page.getByRole('slider', { name: 'Speech rate' });
    await expect.element(rate).toBeVisible();
    (rate.element() as HTMLInputElement).focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(model.state.speechRate).toBe(1.2);
    await expect.element(rate).toHaveAttribute('aria-valuetext', '1.2 times normal speed');
    let tried = 0;
    element.addEventListener('bb-try-voice', () => tried++);
    await page.getByRole('button', { name: 'Try the voice' }).click();
    expect(tried).toBe(1);
    expect(element.shadowRoot!.textContent).not.toContain('lists no voices');
  });

  it('lists the English voices first, and says when the device has none', async () => {
    const { model } = mount([
      { uri: 'urn:anna', name: 'Anna', lang: 'de-DE', isDefault: true, english: false },
      { uri: 'urn:rishi', name: 'Rishi', lang: 'en-IN', isDefault: false, english: true },
      { uri: 'urn:amy', name: 'Amy', lang: 'en-GB', isDefault: false, english: true },
    ]);
    const options = () =>
      [...page.getByRole('combobox', { name: 'Voice' }).element().querySelectorAll('optgroup')].map(
        (g) => `${g.label}: ${[...g.querySelectorAll('option')].map((o) => o.textContent).join(', ')}`,
      );
    await expect.element(page.getByRole('combobox', { name: 'Voice' })).toBeVisible();
    expect(options()).toEqual(['English: Amy (en-GB), Rishi (en-IN)', 'Other languages: Anna (de-DE)']);
    await expect
      .element(page.getByRole('combobox', { name: 'Voice' }))
      .toHaveDisplayValue('Any English voice');
    expect(page.getByText(/has no English voice/).elements()).toHaveLength(0);
    model.setVoice('urn:anna');
    await expect.element(page.getByRole('combobox', { name: 'Voice' })).toHaveDisplayValue('Anna (de-DE)');
  });

  // A closed menu cuts its choice at its edge, on one line: "Any English voice" lost 39 px of its
  // 155 at 180 px, and a voice's own name is longer still.
  describe.each([
    { size: 'a phone with its text at twice its size', width: 180, height: 320 },
    { size: 'a 360 × 640 phone', width: 360, height: 640 },
    { size: 'a laptop', width: 1366, height: 768 },
  ])('on $size', ({ width, height }) => {
    const aria = {
      uri: 'urn:aria',
      name: 'Microsoft Aria Online (Natural) - English (United States)',
      lang: 'en-US',
      isDefault: false,
      english: true,
    };

    it.each([
      ['any English voice', null, 'Any English voice'],
      ["a voice's own name", aria.uri, `${aria.name} (${aria.lang})`],
    ])('shows the chosen voice whole, %s', async (_, uri, words) => {
      const restore = await layOutAsTheApp(width, height, '0 1rem');
      try {
        const { model, element } = mount([aria]);
        model.setVoice(uri);
        const menu = page.getByRole('combobox', { name: 'Voice' });
        await expect.element(menu).toHaveDisplayValue(words);
        const select = menu.element() as HTMLSelectElement;
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room =
          select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
        const inMenu = context.measureText(words).width <= room;
        const fieldset = select.closest('fieldset')!.getBoundingClientRect();
        const line = [...element.shadowRoot!.querySelectorAll('p')].find(
          (p) => p.checkVisibility() && p.textContent?.trim() === words,
        );
        if (line) {
          const box = line.getBoundingClientRect();
          expect(box.left).toBeGreaterThanOrEqual(fieldset.left);
          expect(box.right).toBeLessThanOrEqual(fieldset.right);
          expect(line.scrollWidth).toBeLessThanOrEqual(line.clientWidth);
        }
        expect(inMenu || line !== undefined, `${words} in ${room} px`).toBe(true);
        // Where the menu shows it whole, it is not said twice: on a 360 px phone "Any English voice"
        // was said again under the menu that showed it.
        if (inMenu) expect(line, `${words} in ${room} px`).toBeUndefined();
        expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      } finally {
        await restore();
      }
    });
  });

  it('says the coach may sound wrong on a device with voices but no English one', async () => {
    const { model } = mount([
      { uri: 'urn:anna', name: 'Anna', lang: 'de-DE', isDefault: true, english: false },
    ]);
    const note = page.getByText(/This device has no English voice, so the coach's English may be read/);
    await expect.element(note).toBeVisible();
    model.setMuted(true);
    await expect.element(note).not.toBeInTheDocument();
  });

  it('says what still marks the count when the browser lists no voices', async () => {
    const { model } = mount([]);
    const note = page.getByText(/This browser lists no voices: if Try the voice is silent/);
    await expect.element(note).toBeVisible();
    // Muted, the voice is not missed.
    model.setMuted(true);
    await expect.element(note).not.toBeInTheDocument();
  });

  it('shows the maximum heart rate used for the zones and turns on the early end of rests', async () => {
    const { model } = mount();
    await expect.element(page.getByText('Give your age or maximum to see heart-rate zones.')).toBeVisible();
    await page.getByRole('spinbutton', { name: 'Age' }).fill('40');
    await userEvent.keyboard('{Tab}');
    await expect.element(page.getByText('Zones use a maximum of 180 bpm (220 minus age 40).')).toBeVisible();
    await page.getByRole('spinbutton', { name: /Maximum heart rate/ }).fill('187');
    await userEvent.keyboard('{Tab}');
    await expect.element(page.getByText('Zones use a maximum of 187 bpm (as you set it).')).toBeVisible();
    await page.getByRole('checkbox', { name: /End a rest early/ }).click();
    expect(model.state).toMatchObject({ age: 40, maxHr: 187, endRestOnRecovery: true });
  });

  it('describes the maximum heart rate by the maximum the zones use, then by the words about what was typed', async () => {
    mount();
    const maximum = page.getByRole('spinbutton', { name: /Maximum heart rate/ });
    await expect
      .element(maximum)
      .toHaveAccessibleDescription('Give your age or maximum to see heart-rate zones.');
    await maximum.fill('50');
    await userEvent.keyboard('{Tab}');
    await expect
      .element(maximum)
      .toHaveAccessibleDescription(
        'Give your age or maximum to see heart-rate zones. Maximum heart rate: 50 bpm is below 100 bpm, the lowest it takes; left empty.',
      );
    await maximum.fill('187');
    await userEvent.keyboard('{Tab}');
    await expect
      .element(maximum)
      .toHaveAccessibleDescription('Zones use a maximum of 187 bpm (as you set it).');
  });

  it('keeps the estimate from age when a maximum heart rate below the lowest is typed, and says so', async () => {
    const { model } = mount();
    await page.getByRole('spinbutton', { name: 'Age' }).fill('40');
    await userEvent.keyboard('{Tab}');
    // A resting pulse typed in the wrong field: not made a maximum of 100 the person never set.
    const maximum = page.getByRole('spinbutton', { name: /Maximum heart rate/ });
    await maximum.fill('50');
    await userEvent.keyboard('{Tab}');
    await expect
      .element(
        page.getByText('Maximum heart rate: 50 bpm is below 100 bpm, the lowest it takes; left empty.'),
      )
      .toBeVisible();
    await expect.element(page.getByText('Zones use a maximum of 180 bpm (220 minus age 40).')).toBeVisible();
    expect(model.state.maxHr).toBeNull();
    await expect.element(maximum).toHaveValue(null);
    // One set before stays as it was.
    await maximum.fill('187');
    await userEvent.keyboard('{Tab}');
    await maximum.fill('50');
    await userEvent.keyboard('{Tab}');
    await expect
      .element(
        page.getByText('Maximum heart rate: 50 bpm is below 100 bpm, the lowest it takes; 187 bpm kept.'),
      )
      .toBeVisible();
    await expect.element(page.getByText('Zones use a maximum of 187 bpm (as you set it).')).toBeVisible();
    expect(model.state.maxHr).toBe(187);
  });

  it('keeps what is being typed while the app re-renders around it, with the same voices', async () => {
    const amy = { uri: 'urn:amy', name: 'Amy', lang: 'en-GB', isDefault: true, english: true };
    const { model, element } = mount([amy]);
    const age = page.getByRole('spinbutton', { name: 'Age' });
    await age.fill('45');
    // The app renders on every heart-rate sample, handing over the voice list afresh each time.
    element.voices = [{ ...amy }];
    await element.updateComplete;
    await expect.element(age).toHaveValue(45);
    await userEvent.keyboard('{Tab}');
    expect(model.state.age).toBe(45);
    // A voice list that did change shows at once.
    element.voices = [amy, { uri: 'urn:bob', name: 'Bob', lang: 'en-US', isDefault: false, english: true }];
    await expect.element(page.getByRole('option', { name: 'Bob (en-US)' })).toBeInTheDocument();
  });

  it('restores the defaults once asked twice, and says when it is done', async () => {
    const { model, element } = mount();
    model.setMuted(true);
    model.move('elbow-plank', -6);
    // One tap beside Done must not undo every setting: it asks, and the question can be taken back.
    await page.getByRole('button', { name: 'Restore defaults' }).click();
    // What is the person's own, not a setting, stays, and the question says so.
    await expect
      .element(page.getByText(/as it was at first\? The weight you logged and a set you chose to add stay\./))
      .toBeVisible();
    expect(model.state.muted).toBe(true);
    await page.getByRole('button', { name: 'Keep my settings' }).click();
    expect(model.state.muted).toBe(true);
    await page.getByRole('button', { name: 'Restore defaults' }).click();
    await page.getByRole('button', { name: 'Yes, restore defaults' }).click();
    expect(model.state).toEqual(defaultSettings());
    await expect.element(page.getByRole('checkbox', { name: 'Mute the voice and tones' })).not.toBeChecked();
    let done = 0;
    element.addEventListener('bb-settings-done', () => done++);
    await page.getByRole('button', { name: 'Done' }).click();
    expect(done).toBe(1);
  });

  // 640×360: a phone on its side; 180×320: text at twice its size on a 360×640 phone.
  it.each([
    [360, 640],
    [640, 360],
    [180, 320],
  ])(
    'at %d×%d brings the question Restore defaults asks, with both its answers, into view from the window’s foot, the focus on it',
    async (width, height) => {
      const restore = await layOutAsTheApp(width, height, '0 1rem');
      try {
        const { element } = mount();
        await element.updateComplete;
        const ask = page.getByRole('button', { name: 'Restore defaults' });
        scrollBy({ top: ask.element().getBoundingClientRect().bottom - innerHeight });
        expect(ask.element().getBoundingClientRect().bottom).toBeGreaterThan(innerHeight - 1);
        await ask.click();
        await expect.element(page.getByRole('button', { name: 'Keep my settings' })).toBeInTheDocument();
        const parts = [
          page.getByText(/^Put every setting back/),
          page.getByRole('button', { name: 'Yes, restore defaults' }),
          page.getByRole('button', { name: 'Keep my settings' }),
        ].map((part) => part.element());
        const outOfView = () =>
          parts.flatMap((part) => {
            const { top, bottom } = part.getBoundingClientRect();
            return top < 0 || bottom > innerHeight ? [`${part.textContent!.trim()}: ${top}–${bottom}`] : [];
          });
        await expect.poll(outOfView).toEqual([]);
        const question = page.getByRole('group', { name: /^Put every setting back as it was at first\?/ });
        expect(element.shadowRoot!.activeElement).toBe(question.element());
      } finally {
        await restore();
      }
    },
  );

  it('gives the focus back to Restore defaults once its question is answered, either way', async () => {
    const { element } = mount();
    const ask = page.getByRole('button', { name: 'Restore defaults' });
    for (const answer of ['Keep my settings', 'Yes, restore defaults']) {
      await ask.click();
      await page.getByRole('button', { name: answer }).click();
      await expect.poll(() => element.shadowRoot!.activeElement).toBe(ask.element());
    }
  });

  it('says where the plan of the day differs from a setting, and why', async () => {
    const { element } = mount();
    element.targetChanges = [
      { exerciseId: 'drawing-in', setting: 45, today: 60, reason: 'you held the whole 45 s last time' },
    ];
    await element.updateComplete;
    const note = page.getByText(
      /^\s*Today's session: 1 min\. Raised from 45 s: you held the whole 45 s last time\./,
    );
    await expect.element(note).toBeVisible();
    // The box it names to keep the setting is there, by that name.
    const named = note
      .element()
      .textContent!.match(/Untick\s+“([^”]+)” to keep 45 s\./)![1]!
      .replace(/\s+/g, ' ');
    await expect.element(page.getByRole('checkbox', { name: named })).toBeVisible();
  });

  it('says nothing to undo of a plank goal the plan of the day kept at its setting', async () => {
    const { element } = mount();
    element.targetChanges = [
      {
        exerciseId: 'elbow-plank',
        setting: 30,
        today: 30,
        reason: "last time's goal, as you ended your first plank yourself, at 12 s, which does not lower it",
      },
    ];
    await element.updateComplete;
    expect(element.shadowRoot?.textContent).not.toContain("Today's session: 30 s");
    expect(element.shadowRoot?.textContent).not.toContain('Kept at');
  });

  it('says a count the plan of the day moved in its own unit, reps', async () => {
    const { element } = mount();
    element.targetChanges = [
      { exerciseId: 'superman', setting: 10, today: 11, reason: 'you did every set of 10 reps last time' },
    ];
    await element.updateComplete;
    await expect
      .element(
        page.getByText(
          /^\s*Today's session: 11 reps\. Raised from 10 reps: you did every set of 10 reps last time\. Untick\s+“[^”]+” to keep 10 reps\.\s*$/,
        ),
      )
      .toBeVisible();
  });

  it("says beside a count set below the program's range that past sessions leave it, while they set targets", async () => {
    const { model, element } = mount();
    const note =
      "Below the program's 10–12 reps, so past sessions leave it as you set it: raise it here when you are ready for more.";
    await element.updateComplete;
    expect(element.shadowRoot?.textContent).not.toContain("Below the program's");
    await page.getByRole('spinbutton', { name: 'Superman reps' }).fill('6');
    await userEvent.keyboard('{Tab}');
    await element.updateComplete;
    expect(model.state.exercises.find((e) => e.id === 'superman')?.dosage.target).toBe(6);
    await expect.element(page.getByText(note)).toBeVisible();
    await page.getByRole('checkbox', { name: 'Set targets from my past sessions', exact: true }).click();
    await element.updateComplete;
    expect(element.shadowRoot?.textContent).not.toContain("Below the program's");
  });

  it("says beside a drawing-in hold set below the program's 45 s that past sessions leave it, in the counts' words", async () => {
    const { element } = mount();
    await page.getByRole('spinbutton', { name: 'Drawing-in hold, seconds' }).fill('20');
    await userEvent.keyboard('{Tab}');
    await element.updateComplete;
    await expect
      .element(
        page.getByText(
          "Below the program's 45 s, so past sessions leave it as you set it: raise it here when you are ready for more.",
        ),
      )
      .toBeVisible();
  });

  it("says beside a count typed far above the program's that it is, whether past sessions set targets or not", async () => {
    const { element } = mount();
    const note = "Far above the program's 10–12 reps: build up to it slowly.";
    await element.updateComplete;
    expect(element.shadowRoot?.textContent).not.toContain('Far above');
    await page.getByRole('spinbutton', { name: 'Superman reps' }).fill('100');
    await userEvent.keyboard('{Tab}');
    await element.updateComplete;
    await expect.element(page.getByText(note)).toBeVisible();
    await page.getByRole('checkbox', { name: 'Set targets from my past sessions', exact: true }).click();
    await element.updateComplete;
    await expect.element(page.getByText(note)).toBeVisible();
  });

  it('says beside the pulldown that it is time to try a heavier weight, once every set of 4 × 15 is done', async () => {
    const { element } = mount();
    element.heavierWeights = ['lat-pulldown'];
    await element.updateComplete;
    await expect
      .element(
        page.getByText(
          'You did every set of 4 × 15 reps, the most the program asks for. Time to try a heavier weight, one that keeps good form throughout: raise it here.',
        ),
      )
      .toBeVisible();
  });

  it('says a set the plan of the day added, with the sets and reps on both sides', async () => {
    const { element } = mount();
    element.targetChanges = [
      {
        exerciseId: 'lat-pulldown',
        setting: 12,
        today: 12,
        sets: { setting: 3, today: 4 },
        reason: 'x',
      },
    ];
    await element.updateComplete;
    await expect
      .element(
        page.getByText(
          /^\s*Today's session: 4 × 12 reps\. Raised from 3 × 12 reps: x\. Untick\s+“[^”]+” to keep 3 × 12 reps\.\s*$/,
        ),
      )
      .toBeVisible();
  });

  it('shows what the counts learned from corrections, per exercise, and forgets it when asked', async () => {
    // Several +1s on the superman taught its detector smaller reps; ended holds taught the plank's.
    new TuningModel(new TuningStore(localStorage, TUNING_KEY)).set('superman', {
      rangeScale: 0.6,
      holdLeaveScale: 1,
    });
    const tunings = new TuningModel(new TuningStore(localStorage, TUNING_KEY));
    tunings.set('elbow-plank', { rangeScale: 1, holdLeaveScale: 0.8 });
    const model = new SettingsModel(new SettingsStore(localStorage, KEY));
    const element = document.createElement('bb-settings');
    element.model = model;
    element.tunings = tunings;
    document.body.append(element);
    await expect
      .element(page.getByText(/Learned from your corrections: reps count from 60 % of the movement/))
      .toBeVisible();
    await expect
      .element(
        page.getByText(/Learned from the holds you ended by hand: a hold ends at 80 % of the usual move/),
      )
      .toBeVisible();
    await page.getByRole('button', { name: 'Forget what was learned of Superman' }).click();
    await expect.element(page.getByText(/reps count from 60 %/)).not.toBeInTheDocument();
    await expect
      .element(page.getByRole('button', { name: 'Forget what was learned of Elbow plank' }))
      .toBeVisible();
    // Forgotten for the next session too, and only that exercise's.
    const reloaded = new TuningModel(new TuningStore(localStorage, TUNING_KEY));
    expect(reloaded.state).toEqual({ 'elbow-plank': { rangeScale: 1, holdLeaveScale: 0.8 } });
  });
});
