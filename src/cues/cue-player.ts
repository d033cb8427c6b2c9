// Plays the session out loud: each change of the session state becomes the cues the planner picks,
// played through the voice, the tones and the vibration, and the screen stays on from the first set to
// the summary. The settings can change at any moment (mute in the middle of a set) and apply at once.

import {
  distinctUntilChanged,
  map,
  mergeMap,
  type Observable,
  of,
  pairwise,
  Subject,
  Subscription,
  scan,
  startWith,
  withLatestFrom,
} from 'rxjs';
import type { SessionState } from '../workout/session.ts';
import { type Cue, type CueSettings, planCues } from './cue-planner.ts';
import { Speech, type SpeechHost } from './speech.ts';
import { fullStoreNews } from './storage-news.ts';
import { type ToneHost, Tones } from './tones.ts';
import { Vibration, type VibrationHost } from './vibration.ts';
import { ScreenWakeLock, type VisibilityHost, type WakeLockHost } from './wake-lock.ts';

/** The settings the player reads; the app's settings model provides them. */
export interface CuePlayerSettings extends CueSettings {
  readonly voiceUri: string | null;
  readonly speechRate: number;
}

export interface CueOutputs {
  readonly speech: Speech;
  readonly tones: Tones;
  readonly vibration: Vibration;
  readonly wakeLock: ScreenWakeLock;
}

/** The browser objects the outputs use: `window`, `navigator` and `document` in the app. */
export interface CueHosts {
  readonly window: SpeechHost & ToneHost;
  readonly navigator: VibrationHost & WakeLockHost;
  readonly document: VisibilityHost;
}

export function browserOutputs(hosts: CueHosts): CueOutputs {
  return {
    speech: new Speech(hosts.window),
    tones: new Tones(hosts.window),
    vibration: new Vibration(hosts.navigator),
    wakeLock: new ScreenWakeLock(hosts.navigator, hosts.document),
  };
}

/**
 * Every cue to give, as the session moves on, under the settings of that moment; `storeFull$`: whether
 * the store has filled up and the session is kept in memory, which the person is told once (see
 * fullStoreNews).
 */
export function cuesOf(
  state$: Observable<SessionState>,
  settings$: Observable<CueSettings>,
  storeFull$: Observable<boolean> = of(false),
): Observable<Cue> {
  const noCues: { readonly told: boolean; readonly cues: readonly Cue[] } = { told: false, cues: [] };
  return state$.pipe(
    pairwise(),
    withLatestFrom(settings$, storeFull$.pipe(startWith(false))),
    scan(({ told }, [[prev, next], settings, full]) => {
      const news = fullStoreNews(told, prev, next, { full, muted: settings.muted });
      const cues = planCues(prev, next, settings);
      return { told: news.told, cues: news.line ? [...cues, news.line] : cues };
    }, noCues),
    mergeMap(({ cues }) => cues),
  );
}

/** Whether the screen should be kept on: while a set or a rest is running. */
export function keepAwakeOf(state$: Observable<SessionState>): Observable<boolean> {
  return state$.pipe(
    map((state) => state.phase === 'set' || state.phase === 'rest'),
    distinctUntilChanged(),
  );
}

export class CuePlayer {
  private subscription: Subscription | null = null;
  private readonly played = new Subject<Cue>();
  /** Every cue as it is given, for the session's record of what the coach said. */
  readonly played$: Observable<Cue> = this.played.asObservable();
  private readonly handed = new Subject<Cue>();
  /**
   * Every line handed to the voice, before it is said (on played$) or dropped unsaid: the record of
   * the session it was handed in keeps it, though the voice comes to it only after that session ended.
   */
  readonly handed$: Observable<Cue> = this.handed.asObservable();

  constructor(
    private readonly state$: Observable<SessionState>,
    private readonly settings$: Observable<CuePlayerSettings>,
    readonly outputs: CueOutputs,
    private readonly storeFull$: Observable<boolean> = of(false),
  ) {}

  /** The player for the real browser. */
  static forBrowser(
    state$: Observable<SessionState>,
    settings$: Observable<CuePlayerSettings>,
    hosts: CueHosts = { window, navigator, document },
    storeFull$: Observable<boolean> = of(false),
  ): CuePlayer {
    return new CuePlayer(state$, settings$, browserOutputs(hosts), storeFull$);
  }

  start(): void {
    if (this.subscription) return;
    const { speech, tones, vibration, wakeLock } = this.outputs;
    const subscription = new Subscription();
    subscription.add(
      this.settings$.subscribe((settings) =>
        speech.configure({ voiceUri: settings.voiceUri, rate: settings.speechRate, muted: settings.muted }),
      ),
    );
    subscription.add(
      cuesOf(this.state$, this.settings$, this.storeFull$).subscribe((cue) => {
        switch (cue.kind) {
          case 'say':
            // Kept as it is said: a line waits behind others (a first set's instructions, 13 s of
            // them before its "Go"), or is dropped unsaid. Muted, or with no voice, it is shown now.
            if (speech.speaks) {
              this.handed.next(cue);
              speech.say(cue.text, { ...cue, onStart: () => this.played.next(cue) });
              return;
            }
            break;
          case 'tone':
            tones.play(cue.tone);
            break;
          case 'vibrate':
            vibration.vibrate(cue.patternMs);
            break;
        }
        this.played.next(cue);
      }),
    );
    subscription.add(
      keepAwakeOf(this.state$).subscribe((awake) => void (awake ? wakeLock.acquire() : wakeLock.release())),
    );
    this.subscription = subscription;
  }

  /** From the tap on Start: browsers let audio begin only inside a user gesture. */
  unlock(): void {
    this.outputs.tones.unlock();
  }

  dispose(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    const { speech, tones, vibration, wakeLock } = this.outputs;
    speech.cancel();
    vibration.stop();
    tones.close();
    void wakeLock.release();
  }
}
