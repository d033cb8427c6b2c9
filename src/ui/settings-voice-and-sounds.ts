import { css, html, type LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { VoiceChoice } from '../cues/speech.ts';
import { LIMITS, type Settings, type SettingsModel } from '../workout/settings.ts';
import { checked } from './form-values.ts';
import { MenuChoiceFitController } from './menu-choice-fit.ts';
import {
  ANY_VOICE,
  chosenVoiceListed,
  chosenVoiceText,
  VOICE_NOT_HERE,
  voicesByLanguage,
  voicesMissingNote,
  voiceText,
} from './voice-menu.ts';

/** The settings screen, whose model the voice's controls change. */
interface SettingsScreen extends LitElement {
  readonly model: SettingsModel;
}

/**
 * The settings' voice and sounds: mute, tones, vibration, the voice (with its chosen words said whole
 * under its menu where the closed menu cuts them), the speech rate and Try the voice.
 */
export class VoiceAndSoundsFieldset {
  /** Whether the closed menu of voices cuts the chosen voice's words, said whole under it then. */
  private readonly voiceMenuFit: MenuChoiceFitController;

  constructor(private readonly host: SettingsScreen) {
    this.voiceMenuFit = new MenuChoiceFitController(host, () => {
      const menu = host.renderRoot.querySelector<HTMLSelectElement>('select.voice');
      const twin = host.renderRoot.querySelector<HTMLSelectElement>('.voice-twin select');
      return menu && twin ? { menu, twin } : null;
    });
  }

  render(s: Settings, voices: readonly VoiceChoice[]) {
    const model = this.host.model;
    const chosenWords = chosenVoiceText(s.voiceUri, voices);
    const { english, others } = voicesByLanguage(voices);
    const missingNote = voicesMissingNote(voices, s.muted);
    return html`
      <fieldset>
        <legend>Voice and sounds</legend>
        <label>
          <input type="checkbox" .checked=${live(s.muted)} @change=${(e: Event) => model.setMuted(checked(e))} />
          Mute the voice and tones
        </label>
        <label>
          <input type="checkbox" .checked=${live(s.tones)} ?disabled=${s.muted}
            @change=${(e: Event) => model.setTones(checked(e))} />
          Tones for reps, holds and the end of a rest
        </label>
        <label>
          <input type="checkbox" .checked=${live(s.vibration)} @change=${(e: Event) => model.setVibration(checked(e))} />
          Vibrate (on phones that can)
        </label>
        <label>
          Voice
          <select class="voice" ?disabled=${s.muted} @change=${(e: Event) => model.setVoice((e.target as HTMLSelectElement).value || null)}>
            <option value="" ?selected=${s.voiceUri === null}>${ANY_VOICE}</option>
            ${voiceGroup('English', english, s.voiceUri)}
            ${voiceGroup('Other languages', others, s.voiceUri)}
            ${chosenVoiceListed(s.voiceUri, voices) ? nothing : html`<option value=${s.voiceUri ?? ''} selected>${VOICE_NOT_HERE}</option>`}
          </select>
        </label>
        <div class="voice-twin" aria-hidden="true" inert>
          <select tabindex="-1"><option>${chosenWords}</option></select>
        </div>
        ${
          this.voiceMenuFit.cut
            ? html`<p class="note chosen-voice" aria-hidden="true">${chosenWords}</p>`
            : nothing
        }
        <label>
          Speech rate
          <input type="range" ?disabled=${s.muted} min=${LIMITS.speechRate.min} max=${LIMITS.speechRate.max} step="0.1"
            .value=${live(String(s.speechRate))} aria-valuetext=${`${s.speechRate.toFixed(1)} times normal speed`}
            @change=${this.onSpeechRate} />
          <output aria-hidden="true">${s.speechRate.toFixed(1)}×</output>
        </label>
        <div class="actions">
          <button type="button" ?disabled=${s.muted} aria-describedby=${s.muted ? 'why-muted' : nothing}
            @click=${this.onTryVoice}>Try the voice</button>
          ${
            // Greyed, the voice's controls gave no reason, and Try the voice was a dead button to a
            // person who came to hear one: beside it, why, and what brings it back.
            s.muted
              ? html`<p class="note why-muted" id="why-muted">Muted: untick Mute to hear the voice and tones.</p>`
              : nothing
          }
        </div>
        ${missingNote === null ? nothing : html`<p class="note">${missingNote}</p>`}
      </fieldset>
    `;
  }

  private readonly onSpeechRate = (event: Event): void => {
    const rate = (event.target as HTMLInputElement).valueAsNumber;
    if (Number.isFinite(rate)) this.host.model.setSpeechRate(rate);
    // A clamped rate must show the value that was kept: live() rewrites it on this update.
    this.host.requestUpdate();
  };

  private readonly onTryVoice = (): void => {
    this.host.dispatchEvent(new CustomEvent('bb-try-voice', { bubbles: true, composed: true }));
  };
}

function voiceGroup(label: string, voices: readonly VoiceChoice[], chosen: string | null) {
  if (voices.length === 0) return nothing;
  return html`<optgroup label=${label}>
    ${voices.map((v) => html`<option value=${v.uri} ?selected=${v.uri === chosen}>${voiceText(v)}</option>`)}
  </optgroup>`;
}

export const voiceAndSoundsStyles = css`
  /* The speech rate's slider takes the room its row leaves, so that the value beside it stays in
     the box on the narrowest phones. */
  label:has(> input[type='range']) {
    display: flex;
    flex-wrap: wrap;
  }
  label > input[type='range'] {
    flex: 1 1 0;
    min-width: 4rem;
    max-width: 12rem;
  }
  /* The menu of voices gives way beside its word, as wide as its longest voice no more (the chosen
     one is said whole under it, see .chosen-voice). */
  label > select {
    min-width: 0;
  }
  /*
   * A closed menu shows its choice on one line, cut at its edge: on a phone "Any English voice" lost
   * its last word at 180 px, and a voice's own name ("Microsoft Aria Online (Natural) - English
   * (United States)") is longer still. Under it, whole, where the person choosing can read it, only
   * where the menu cuts it (see MenuChoiceFitController): on a 360 px phone "Any English voice" was
   * said again under the menu that showed it whole. To the eye only: a screen reader reads the
   * menu's value.
   */
  .chosen-voice {
    overflow-wrap: anywhere;
  }
  /* The menu of the chosen voice alone, as wide as it takes to show it whole: measured, never seen,
     and in no one's way (out of the column's flow, clipped so that it widens no page). */
  .voice-twin {
    position: absolute;
    width: 0;
    height: 0;
    overflow: hidden;
    visibility: hidden;
  }
  .voice-twin select {
    width: max-content;
    max-width: none;
  }
  /* Why the greyed controls are off is read, not skimmed past like the greyed words above it. */
  .note.why-muted {
    color: var(--bb-text, #f5f7fa);
  }
`;
