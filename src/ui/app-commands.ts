import type { Backbeat } from '../app/backbeat.ts';
import { downloadRecording } from './bb-device-recording.ts';

/**
 * Sends what the person asked of the session, the devices and the voice, as the screens under `host`
 * tell it by their events (see events.ts), to the app's commands. `app` is read at each event: the
 * element is given its app after it is made. Events that change the screen shown are the host's own.
 */
export function forwardCommands(host: HTMLElement, app: () => Backbeat): void {
  host.addEventListener('bb-start', () => app().startSession());
  host.addEventListener('bb-try-voice', () =>
    app().cues?.outputs.speech.say('Three. Keep your lower back long.', { interrupt: true }),
  );
  host.addEventListener('bb-skip', () => app().session.skip());
  host.addEventListener('bb-begin-set', () => app().session.beginSet());
  host.addEventListener('bb-pause', (event) => {
    if (event.detail?.toAsk) app().session.pauseToAsk();
    else app().session.pause();
  });
  host.addEventListener('bb-resume', () => app().session.resume());
  host.addEventListener('bb-finish', () => app().session.finish());
  host.addEventListener('bb-start-hold', () => app().session.startHold());
  host.addEventListener('bb-end-hold', () => app().session.endHold());
  host.addEventListener('bb-adjust', (event) => app().session.adjustCount(event.detail.delta));
  host.addEventListener('bb-adjust-last', (event) => app().session.adjustSetJustDone(event.detail.delta));
  host.addEventListener('bb-set-muted', (event) => app().settings.setMuted(event.detail.muted));
  host.addEventListener('bb-new-session', () => void app().newSession());
  host.addEventListener('bb-connect-bluetooth', () => void app().devices.connectBluetoothStrap());
  host.addEventListener('bb-use-virtual', () => app().devices.useVirtualStrap());
  host.addEventListener('bb-dismiss-problem', () => app().devices.dismissProblem());
  host.addEventListener('bb-connect-device', (event) => void app().devices.connect(event.detail.kind));
  host.addEventListener('bb-disconnect-device', (event) => app().devices.disconnectDevice(event.detail.id));
  host.addEventListener('bb-reconnect-device', (event) => app().devices.reconnectDevice(event.detail.id));
  host.addEventListener('bb-replay', (event) => app().devices.replayText(event.detail));
  host.addEventListener('bb-replay-again', () => app().devices.replayAgain());
  host.addEventListener('bb-save-recording', () => downloadRecording(app().devices.recordingFile()));
  host.addEventListener('bb-virtual-habit', (event) => app().devices.setVirtualHabit(event.detail.habit));
}
