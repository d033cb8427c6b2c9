// The row of the set just done, with no rest to put it right in: its −1 / +1 until this set counts,
// then its room kept unseen. It remembers that room across the set's renders, which no other part of
// the set's screen needs.

import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { countUnit, exerciseById } from '../workout/program.ts';
import type { CurrentSet, PlannedExercise, SetRecord } from '../workout/session.ts';
import { describeSet } from './bb-rest-view.ts';
import { sendCommand } from './events.ts';

/**
 * The set before, with no rest to put it right in: a framed row of the controls, above their
 * buttons, its −1 / +1 naming the set they put right, so that from the mat they are not taken for
 * this set's.
 */
export const lastSetRowStyles = css`
  .last-set {
    flex-basis: 100%;
    box-sizing: border-box;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: 0.25rem 0.5rem;
    padding: 0.5rem;
    border: 2px dashed var(--bb-muted, #b6c2d1);
    border-radius: 0.75rem;
  }
  .last-set.room-kept {
    visibility: hidden;
  }
  .last-set .last {
    font-size: clamp(1.1rem, 4vmin, 1.6rem);
    color: var(--bb-muted, #b6c2d1);
  }
  /* −1 and +1 side by side, on the line under the words where a phone has no room beside them. */
  .last-set .fix {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.5rem;
  }`;

/** The set screen as the row of the set just done reads it. */
export interface LastSetRowHost extends ReactiveControllerHost, HTMLElement {
  readonly planned: PlannedExercise;
  readonly set: CurrentSet;
  /** The set just done, while this set may put it right (see BbSetView.lastSet). */
  readonly lastSet: SetRecord | null;
}

/** The row of the set just done, in the set's controls. */
export class LastSetRow implements ReactiveController {
  /**
   * The set just done that this set offered to put right until it counted: its row's room is kept
   * until this set ends, unseen, where the row going at the first count took every button under it up
   * 26 px on a 360×640 phone, 59–69 px beside the ring (the heading down as much) and 212 px at
   * 180×320, under the finger that had tapped +1.
   */
  private roomKept: SetRecord | null = null;
  /** The set roomKept is kept in. */
  private roomKeptIn = '';

  constructor(private readonly host: LastSetRowHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { planned, set, lastSet } = this.host;
    const thisSet = `${planned.exercise.id} ${set.setNumber}`;
    if (lastSet) this.roomKept = lastSet;
    else if (thisSet !== this.roomKeptIn) this.roomKept = null;
    this.roomKeptIn = thisSet;
  }

  /**
   * What the set just done counted, and −1 / +1 to put it right, as the rest after it would show. Once
   * this set counts, its room alone, unseen and out of reach (see roomKept).
   */
  render() {
    const last = this.host.lastSet ?? this.roomKept;
    if (!last) return nothing;
    const exercise = exerciseById(last.exerciseId);
    const unit = countUnit(exercise);
    // "Set 1 −1": the set the button puts right, where this set's own read "−1" and "+1". The name
    // begins with the words shown, for a voice that asks for the button by them.
    const set = `Set ${last.setNumber}`;
    if (!this.host.lastSet)
      return html`<div class="last-set room-kept" aria-hidden="true" inert>
        <span class="last">${describeSet(last)}</span>
        <span class="fix"><button>${set} −1</button><button>${set} +1</button></span>
      </div>`;
    return html`<div class="last-set" role="group" aria-label="Last set">
      <span class="last">${describeSet(last)}</span>
      <span class="fix">
        <button aria-label=${`${set} −1 ${unit}, ${exercise.name}`} ?disabled=${last.count === 0} @click=${() => sendCommand(this.host, 'bb-adjust-last', { delta: -1 })}>${set} −1</button>
        <button aria-label=${`${set} +1 ${unit}, ${exercise.name}`} @click=${() => sendCommand(this.host, 'bb-adjust-last', { delta: 1 })}>${set} +1</button>
      </span>
    </div>`;
  }
}
