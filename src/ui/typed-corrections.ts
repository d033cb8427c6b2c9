import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { type TypedField, typedSetting } from '../workout/typed-setting.ts';
import { parseTypedNumber } from './format.ts';
import { watchPresses } from './press-ended.ts';

/**
 * The typed numbers a form could not keep as they were: by field, what it takes and what was kept
 * instead, said beside the field until that field is typed again. A number typed out of range, between
 * steps, or cleared where one is needed is not kept as typed: the setting keeps what it had (see
 * typedSetting), rather than change it without a word.
 */
export class TypedCorrections implements ReactiveController {
  /** The words said of each field, by its key. */
  private words: ReadonlyMap<string, string> = new Map();
  /** A typed value was kept as its field lost the focus: laid out again once the press has ended. */
  private heldForPress = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    watchPresses();
  }

  /** A field's change handler: keeps what the setting can take of the typed number, and says why. */
  onTyped(
    event: Event,
    key: string,
    field: TypedField,
    before: number | null,
    apply: (n: number | null) => void,
  ): void {
    const outcome = typedSetting(typedNumber(event.target as HTMLInputElement), before, field);
    this.heldForPress = true;
    if (outcome.value !== before) apply(outcome.value);
    const words = new Map(this.words);
    if (outcome.words === null) words.delete(key);
    else words.set(key, outcome.words);
    this.words = words;
    // A field left as typed must show the value that was kept: live() rewrites it on this update.
    this.host.requestUpdate();
  }

  /**
   * Whether the host's next layout waits for the press under way to end (see press-ended.ts), as a
   * value was just kept: asked once per value.
   */
  takeHoldForPress(): boolean {
    const held = this.heldForPress;
    this.heldForPress = false;
    return held;
  }

  /** The values they spoke of are gone (the settings were restored). */
  forgetAll(): void {
    this.words = new Map();
    this.host.requestUpdate();
  }

  /** The words said of a field, where there are any. */
  render(key: string) {
    const text = this.words.get(key);
    return text
      ? html`<p class="note correction" id=${correctionId(key)} role="status">${text}</p>`
      : nothing;
  }

  /**
   * The ids that describe a field: its own notes, then the words about what was typed into it while
   * there are any, so that a screen reader coming back to it hears them with it, not only once.
   */
  describedBy(key: string, notes: readonly (string | null)[] = []): string | null {
    const ids = [...notes, this.words.has(key) ? correctionId(key) : null];
    return ids.filter((id) => id !== null).join(' ') || null;
  }
}

/** "superman-sets-typed": a key made an id, which may hold no space (aria-describedby lists ids by spaces). */
function correctionId(key: string): string {
  return `${key.replaceAll(' ', '-')}-typed`;
}

/** What a number field holds: null when empty, NaN when it is no number. */
function typedNumber(input: HTMLInputElement): number | null {
  if (input.type === 'text') return parseTypedNumber(input.value);
  return input.value === '' ? null : input.valueAsNumber;
}

export const typedCorrectionsStyles = css`
  /* What was kept instead of what was typed: read, not skimmed past like a hint. */
  .note.correction {
    color: var(--bb-text, #f5f7fa);
    font-weight: 600;
  }
`;
