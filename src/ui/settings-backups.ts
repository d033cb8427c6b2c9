import { html } from 'lit';
import { sendCommand } from './events.ts';

/**
 * Backups are made and restored in the history, with the sessions they hold; a person moving to a
 * new phone looks for them here first. A backup holds the settings and what was learned of how the
 * person moves even before a session is saved, so the words name no button ("Back up everything" is
 * "Back up your settings" until then), only what to do.
 */
export function backupsFieldset(settingsScreen: HTMLElement) {
  return html`
    <fieldset>
      <legend>Backups</legend>
      <p class="note">
        Your sessions, these settings and what Backbeat learned of how you move are kept in this browser
        only. To move them to a new phone, make a backup in History, then import it in History on the new
        phone.
      </p>
      <div class="actions">
        <button type="button" @click=${() => sendCommand(settingsScreen, 'bb-show-backups')}>Back up or import in History</button>
      </div>
    </fieldset>
  `;
}
