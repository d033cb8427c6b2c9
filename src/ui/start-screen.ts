// The start screen between sessions: Start, today's plan with why each target moved, and what the
// person should know before starting. Rendered in the app shell's own root (see bb-app), which takes
// its styles: the shell's focus and scroll rules (see screen-focus.ts) find Start and its heading there.

import { css, html } from 'lit';
import type { Persistence } from '../app/persistence.ts';
import { planByHandText, startAdviceText } from '../workout/by-hand.ts';
import { type ExerciseId, weightToLog } from '../workout/program.ts';
import { belowProgramDose, changeBehind, type TargetChange } from '../workout/progression.ts';
import type { SessionState } from '../workout/session.ts';
import { type Settings, weightAsLastTime } from '../workout/settings.ts';
import {
  describeBelowRange,
  describeDosage,
  describeHeavierWeight,
  describeNoWeight,
  describeSetOffer,
  describeTargetChange,
  describeWeightAsLastTime,
  farAboveProgramNote,
  plural,
} from './format.ts';
import { narrow, unbroken, unbrokenStyles } from './styles.ts';

/** What the start screen shows, and what its buttons ask of the app. */
export interface StartScreenParts {
  /** The session not yet started: its plan, and which exercises the devices count. */
  readonly state: SessionState;
  /**
   * The session is being recorded in another tab: nothing to start here. 'movable' where the offer
   * above moves it here; 'unsaved' where a full store holds nothing of it, and nothing can.
   */
  readonly recordedElsewhere: 'movable' | 'unsaved' | null;
  /** The plan waits for the sessions stored before to be read (see renderStart). */
  readonly planWaiting: boolean;
  readonly settings: Settings;
  readonly targetChanges: readonly TargetChange[];
  readonly heavierWeights: readonly ExerciseId[];
  readonly setOffers: readonly ExerciseId[];
  /** The store failed: its notice goes under Start. */
  readonly storageProblem: boolean;
  readonly persistence: Persistence;
  /** The update prompt, kept in place under Start, or nothing where there is no service worker. */
  readonly updatePrompt: unknown;
  /** What the virtual strap stands in for (see virtualStandsInWords), where it is the source. */
  readonly virtualStandsIn: string | null;
  readonly onStart: () => void;
  readonly onChooseExercises: () => void;
  readonly onAnswerSetOffer: (exercise: ExerciseId, taken: boolean) => void;
}

export const startScreenStyles = [
  unbrokenStyles,
  css`
  .ready {
    display: grid;
    gap: 1rem;
    justify-items: center;
    max-width: 44rem;
    text-align: center;
  }
  /* The width of the screen's column, its text read from the line's start as over any other screen. */
  .ready bb-storage-notice {
    justify-self: stretch;
    text-align: start;
  }
  .ready h2 {
    font-size: clamp(1.6rem, 6vmin, 3rem);
    margin: 0.25rem 0 0;
  }
  .ready p {
    font-size: 1.2rem;
    color: var(--bb-muted, #b6c2d1);
    margin: 0;
  }
  .ready p.elsewhere {
    font-weight: 600;
    color: inherit;
  }
  .ready h3 {
    margin: 0.5rem 0 0;
    font-size: 1.3rem;
  }
  .ready ol {
    text-align: left;
    font-size: 1.2rem;
    line-height: 1.6;
    margin: 0;
  }
  /*
   * "3 × 12 reps at 25 kg" reads as one: on a phone it takes a line of its own rather than split,
   * and wraps within itself only where a line cannot hold it (large text on a narrow phone).
   */
  .dose {
    color: var(--bb-muted, #b6c2d1);
    display: inline-block;
  }
  .offer {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  /* An exercise the devices cannot see (see planByHandText): said as quietly as why a dose moved. */
  .why,
  .by-hand {
    display: block;
    font-size: 1rem;
    line-height: 1.4;
    color: var(--bb-muted, #b6c2d1);
  }
  button.start {
    font-size: 2rem;
    min-height: 5rem;
    padding: 0.75rem 3rem;
  }
  @media ${narrow} {
    button.start {
      padding-inline: 1rem;
    }
  }
  /* The room Start is shown in: Start's own box, unseen and untappable, the wait said over it. */
  .start-room {
    position: relative;
  }
  .start-room button {
    visibility: hidden;
  }
  .start-room p {
    position: absolute;
    top: 50%;
    left: 50%;
    translate: -50% -50%;
    width: max-content;
    max-width: calc(100vw - 2rem);
  }
`,
];

export function renderStartScreen(parts: StartScreenParts) {
  const { state } = parts;
  return html`
    <section class="ready" aria-labelledby="ready-title">
      <h2 id="ready-title" tabindex="-1">Today's back-care session</h2>
      ${
        parts.recordedElsewhere
          ? html`<p class="elsewhere">${
              parts.recordedElsewhere === 'movable'
                ? 'Your session is being recorded in another tab: go on there, or move it here with the button above.'
                : 'Your session is being recorded in another tab, where storage is full: go on there.'
            }</p>`
          : state.plan.length === 0
            ? // Every exercise left out in the settings: a Start would do nothing at all.
              html`<p class="elsewhere">No exercises are chosen for today's session.</p>
                <button class="primary" @click=${parts.onChooseExercises}>Choose them in Settings</button>`
            : html`${renderStart(parts)}
                <p>${startAdviceText(
                  state.plan.map((planned) => planned.exercise),
                  state.countedByDevice,
                )}</p>`
      }
      ${
        // Under Start, as the update prompt is: a store that fails after the page opened must not
        // move Start from under a finger, and above it on a phone with large text it put Start
        // below the window. The offers to resume or move a session stay above (see BbApp.render).
        // Absent with no problem: an empty one took a gap of the screen's grid.
        parts.storageProblem
          ? html`<bb-storage-notice .persistence=${parts.persistence} problem-alone></bb-storage-notice>`
          : null
      }
      ${
        // The text under it is being read as the offline news comes: the news must not move it.
        parts.updatePrompt
      }
      ${
        // A heart rate and "connected" on a first visit read as the person's own. (Below the
        // offline notice, which a phone must still show.)
        state.plan.length > 0 && parts.recordedElsewhere === null && parts.virtualStandsIn !== null
          ? html`<p class="virtual">${parts.virtualStandsIn}</p>`
          : null
      }
      ${state.plan.length > 0 ? renderPlan(parts) : null}
    </section>
  `;
}

/**
 * Start, once it is known whether an unfinished session is to be offered above it: shown while the
 * sessions before were read, the offer came in above it a moment later and pushed it down the
 * screen, and a finger on its way to Start landed on "Resume where I was". Until then its room is
 * kept, its place said, and nothing there to tap: with no offer Start comes into that very room.
 */
function renderStart({ planWaiting, onStart }: StartScreenParts) {
  if (!planWaiting) return html`<button class="primary start" @click=${onStart}>Start</button>`;
  return html`<div class="start-room">
    <button class="primary start" tabindex="-1" aria-hidden="true">Start</button>
    <p>Reading your past sessions…</p>
  </div>`;
}

/**
 * Today's plan, each target with why progression moved it, and each exercise the devices connected
 * now cannot see marked with what its set asks (see planByHandText), once it is made from the
 * sessions stored before: until then the settings' plan would be read, and then replaced by the one
 * made.
 */
function renderPlan(parts: StartScreenParts) {
  const { plan, countedByDevice } = parts.state;
  if (parts.planWaiting)
    return html`<h3 id="plan-title">Today's plan</h3>
      <p>Reading your past sessions for today's plan…</p>`;
  const exercises = plan.map((planned) => planned.exercise);
  return html`<h3 id="plan-title">Today's plan</h3>
    <ol aria-labelledby="plan-title">
      ${plan.map((planned) => {
        const { exercise, dosage } = planned;
        const change = changeBehind(parts.targetChanges, planned);
        const progression = change
          ? describeTargetChange(change)
          : parts.settings.autoProgress && belowProgramDose(exercise, dosage.target)
            ? describeBelowRange(exercise, 'in Settings')
            : null;
        const weight = parts.heavierWeights.includes(exercise.id)
          ? describeHeavierWeight(exercise, 'in Settings', change !== null)
          : null;
        const lastTimeKg = weightAsLastTime(parts.settings, planned);
        const noWeight = weightToLog(exercise, dosage)
          ? describeNoWeight('in Settings')
          : lastTimeKg !== null
            ? describeWeightAsLastTime(lastTimeKg, 'in Settings')
            : null;
        const byHand = planByHandText(exercise, exercises, countedByDevice);
        const why =
          [progression, weight, noWeight, farAboveProgramNote(exercise, dosage.target)]
            .filter((note) => note !== null)
            .join(' ') || null;
        return html`<li>
          <strong>${exercise.name}</strong>
          <span class="dose">${unbroken(describeDosage(exercise, dosage))}</span>
          ${why ? html`<span class="why">${unbroken(why)}</span>` : null}
          ${byHand ? html`<span class="by-hand">${byHand}</span>` : null}
          ${parts.setOffers.includes(exercise.id) ? renderSetOffer(planned, parts.onAnswerSetOffer) : null}
        </li>`;
      })}
    </ol>`;
}

/**
 * A set more offered beside the exercise (program.md: "offer more sets"), taken or declined with a
 * tap and kept in the settings either way: the plan then says the sets, and Settings changes them.
 */
function renderSetOffer(
  { exercise, dosage }: SessionState['plan'][number],
  onAnswer: StartScreenParts['onAnswerSetOffer'],
) {
  const answer = (event: Event, taken: boolean) => {
    onAnswer(exercise.id, taken);
    // The button tapped goes with the offer: the keyboard's focus goes on to Start, not to the page's
    // top, and the page stays where the plan shows the sets.
    const root = (event.currentTarget as Element).getRootNode() as ParentNode;
    root.querySelector<HTMLButtonElement>('button.start')?.focus({ preventScroll: true });
  };
  return html`<span class="why">${unbroken(describeSetOffer(exercise, dosage.target))}</span>
    <span class="offer">
      <button aria-label=${`Add a set to ${exercise.name}`} @click=${(event: Event) => answer(event, true)}>Add a set</button>
      <button class="quiet" aria-label=${`Keep ${exercise.name} at ${plural(dosage.sets, 'set')}`}
        @click=${(event: Event) => answer(event, false)}>Keep ${plural(dosage.sets, 'set')}</button>
    </span>`;
}
