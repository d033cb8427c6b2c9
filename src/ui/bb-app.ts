import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { of } from 'rxjs';
import type { Backbeat, DeviceState, PlanWait } from '../app/backbeat.ts';
import { type GoneOnWithout, goneOnWithout, setNeeds } from '../app/device-needs.ts';
import { type HistoryState, recordedInAnotherTab } from '../app/history-model.ts';
import type { ExportFormat } from '../app/session-files.ts';
import type { UpdateModel } from '../app/updates.ts';
import type { HeartRateSample } from '../sensors/samples.ts';
import type { VirtualPersonStatus } from '../sensors/virtual/virtual-strap.ts';
import { deviceWord, unseenByText } from '../workout/by-hand.ts';
import { setJustDoneToCorrect } from '../workout/count-corrections.ts';
import { countedByHand, motionAwayFor, motionStoppedFor } from '../workout/counted-by.ts';
import { droppedPlacement } from '../workout/device-drops.ts';
import { concernedExercise, upNext } from '../workout/next-set.ts';
import { timerMs } from '../workout/pauses.ts';
import type { Exercise, ExerciseId } from '../workout/program.ts';
import { plankGoalSetFrom, type TargetChange } from '../workout/progression.ts';
import { restLeftMs, wholeSecondsLeft } from '../workout/rest-left.ts';
import type { SessionState } from '../workout/session.ts';
import { currentPlanned } from '../workout/session.ts';
import { setsKeptOnFinishing } from '../workout/sets-kept.ts';
import { type Settings, weightAsLastTime } from '../workout/settings.ts';
import { forwardCommands } from './app-commands.ts';
import { appHeaderStyles, renderAppHeader } from './app-header.ts';
import { devicesAtAGlance, type HeaderRoom } from './devices-at-a-glance.ts';
import { download } from './download.ts';
import { fileNotMadeWords } from './file-not-made.ts';
import { clockFace, skippedJustBefore } from './format.ts';
import { GoneOnWithoutKept } from './gone-on-without-kept.ts';
import { LazyScreens, lazyScreenStyles } from './lazy-screens.ts';
import { MediaQueryController } from './media-query.ts';
import { ObserveController } from './observe.ts';
import { focusNewScreen, focusPastNotice, showOpenedScreen, showStart } from './screen-focus.ts';
import type { AppMoment } from './screen-load.ts';
import { ScreensMenu } from './screens-menu.ts';
import { type ShownSession, sessionMovedOn, setBegan, shownSessionOf } from './session-moves.ts';
import { pausedByThePerson, strapOfferedOnScreen } from './session-switch.ts';
import { renderStartScreen, startScreenStyles } from './start-screen.ts';
import {
  buttonStyles,
  headingFocusedByApp,
  LOW_LANDSCAPE,
  lowLandscape,
  NARROW,
  PHONE_SCREEN,
  UPRIGHT_PHONE,
  visuallyHidden,
} from './styles.ts';
import { UnspokenRegion } from './unspoken-region.ts';
import { type AppView, entryChange, entryOfView, viewOfEntry } from './view-entries.ts';
import { virtualStandsInWords } from './virtual-stands-in.ts';
import './bb-storage-notice.ts';
import './bb-update-prompt.ts';
import './bb-rest-view.ts';
import './bb-set-view.ts';
import './bb-summary.ts';

/** The app shell: reads the models, shows the screen for the session's phase, and sends commands. */
@customElement('bb-app')
export class BbApp extends LitElement {
  static override styles = [
    buttonStyles,
    visuallyHidden,
    headingFocusedByApp,
    appHeaderStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr;
        min-height: 100dvh;
        color: var(--bb-text, #f5f7fa);
        background: var(--bb-bg, #0d1117);
      }
      /*
       * On a phone on its side the set or rest screen under the header (see app-header.ts) loses no
       * height to empty rows.
       */
      @media ${lowLandscape} {
        main.fill {
          padding-block: 0.25rem;
          row-gap: 0;
        }
      }
      main {
        padding: 0.75rem 1rem;
        display: grid;
        align-content: start;
        justify-items: center;
        gap: 0.75rem;
        /* A wide table or chart scrolls inside its own box, never the page sideways. */
        min-width: 0;
      }
      main > * {
        max-width: 100%;
        min-width: 0;
      }
      /*
       * A set or a rest takes the height left under the header and the notices (see screenLayout).
       * No gaps between the rows: a notice keeps its own margin below, and the update prompt (which
       * waits for the session's end) and the notices most often show nothing, where a gap was room
       * lost to the set.
       */
      main.fill {
        grid-template-rows: auto auto 1fr;
        row-gap: 0;
      }
      main.fill > bb-set-view,
      main.fill > bb-rest-view {
        grid-row: 3;
        align-self: stretch;
      }
      bb-update-prompt,
      .notices {
        width: min(100%, 44rem);
      }
      /* One line of a phone: the set or the rest under it keeps its room. */
      .screen-note {
        margin: 0 0 0.5rem;
        padding: 0.3rem 0.6rem;
        font-size: 0.9rem;
        border-radius: 0.5rem;
        border: 2px solid var(--bb-border, #3b4656);
        color: var(--bb-muted, #b6c2d1);
      }
      .back {
        box-sizing: border-box;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        justify-content: center;
        width: min(100%, 60rem);
        padding: 0.5rem 1rem;
        border-radius: 0.75rem;
        border: 2px solid var(--bb-rest, #60a5fa);
        font-size: 1.15rem;
      }
      .back p {
        margin: 0;
      }
    `,
    lazyScreenStyles,
    startScreenStyles,
  ];

  @property({ attribute: false }) app!: Backbeat;
  /** The service worker's news (an update ready to load); absent where there is no service worker. */
  @property({ attribute: false }) updates: UpdateModel | null = null;

  /**
   * Which screen: the session itself, or (between sessions) the history or the settings. A page
   * reloaded on the history or the settings comes back on it, as the browser's entry for it says:
   * started on the session instead, Done's step back landed on that entry and opened it again.
   */
  @state() private view: AppView = viewOfEntry(window.history.state);
  /** The view was just set from the browser's Back or Forward: no history entry for it. */
  private viewFromBrowser = false;

  private session!: ObserveController<SessionState>;
  private device!: ObserveController<DeviceState>;
  private heartRate!: ObserveController<HeartRateSample | null>;
  private person!: ObserveController<VirtualPersonStatus | null>;
  private settings!: ObserveController<Settings>;
  private targetChanges!: ObserveController<readonly TargetChange[]>;
  private heavierWeights!: ObserveController<readonly ExerciseId[]>;
  private setOffers!: ObserveController<readonly ExerciseId[]>;
  private planWait!: ObserveController<PlanWait>;
  private history!: ObserveController<HistoryState>;
  private readonly narrowScreen = new MediaQueryController(this, NARROW);
  private readonly phoneScreen = new MediaQueryController(this, PHONE_SCREEN);
  private readonly uprightPhone = new MediaQueryController(this, UPRIGHT_PHONE);
  private readonly phoneOnItsSide = new MediaQueryController(this, LOW_LANDSCAPE);
  /** The screen is wanted on in a session and the browser will not keep it so. */
  private screenMayGoOff!: ObserveController<boolean>;
  /** The coach's latest lines, for a screen reader, when the voice did not say them (see voiceHeard). */
  private unspoken!: UnspokenRegion;
  /** The devices gone on without at the last render, kept while the same (see GoneOnWithoutKept). */
  private readonly gone = new GoneOnWithoutKept();
  /** The browser's Back from the history or the settings returns to the session, not out of the app. */
  private readonly onPopState = (event: PopStateEvent) => {
    const view = viewOfEntry(event.state);
    if (view === this.view) return;
    this.viewFromBrowser = true;
    this.view = view;
  };
  /** The way to History and Settings in the header, a menu on a phone with large text. */
  private readonly screensMenu = new ScreensMenu(this);
  /** Why the summary's file could not be made, to show beside its buttons. */
  @state() private exportProblem: string | null = null;
  /** The session as last rendered: a new phase or set brings the session's own screen back. */
  private shown: ShownSession | null = null;
  /** The set shown began (its "Go", or Start the set) since the last render. */
  private setBegun = false;
  /** The session moved on to a set, a rest or its summary since the last render. */
  private movedOn = false;
  /** The keyboard's focus was on the screen the session, or the person, moved on from. */
  private focusWasIn = false;
  /** The history was opened from Settings for its backups: it shows them, not its top. */
  private backupsAsked = false;
  /** The code of History and of Settings, fetched when first opened or ahead (see LazyScreens). */
  private readonly lazyScreens = new LazyScreens(this, () => (this.view === 'session' ? null : this.view));

  constructor() {
    super();
    forwardCommands(this, () => this.app);
    this.addEventListener('bb-settings-done', () => (this.view = 'session'));
    this.addEventListener('bb-notice-answered', (event) => {
      // The notice itself, among the shell's own elements: where it lies says where the focus goes.
      const notice = event
        .composedPath()
        .find((node) => node instanceof Element && node.getRootNode() === this.renderRoot);
      if (notice instanceof Element) focusPastNotice(this.renderRoot, notice);
    });
    this.addEventListener('bb-show-history', () => (this.view = 'history'));
    this.addEventListener('bb-show-backups', () => {
      this.view = 'history';
      this.backupsAsked = true;
    });
    this.addEventListener('bb-close-history', () => (this.view = 'session'));
    this.addEventListener('bb-export', (event) => void this.exportSession(event.detail.format));
    // What a screen answers a tap no voice says: the region tells it, the voice heard or not.
    this.addEventListener('bb-tell-screen-reader', ({ detail }) => this.unspoken.tell(detail.line));
  }

  override connectedCallback(): void {
    // The controllers need the app, which is set before the element is attached.
    if (!this.session) {
      this.session = ObserveController.ofModel(this, this.app.session);
      this.device = ObserveController.ofModel(this, this.app.devices);
      this.heartRate = new ObserveController(this, this.app.heartRateNow$, null);
      this.person = new ObserveController(this, this.app.virtualPerson$, null);
      this.settings = ObserveController.ofModel(this, this.app.settings);
      this.targetChanges = ObserveController.ofModel(this, this.app.targetChanges);
      this.heavierWeights = ObserveController.ofModel(this, this.app.heavierWeights);
      this.setOffers = ObserveController.ofModel(this, this.app.setOffers);
      this.planWait = ObserveController.ofModel(this, this.app.planWait);
      this.history = ObserveController.ofModel(this, this.app.persistence.history);
      this.screenMayGoOff = new ObserveController(
        this,
        this.app.cues?.outputs.wakeLock.cannotKeepOn$ ?? of(false),
        false,
      );
      this.unspoken = new UnspokenRegion(
        this,
        this.app.lines$,
        () => this.voiceHeard(),
        this.app.cues?.outputs.speech,
      );
    }
    super.connectedCallback();
    // Each screen opens at its top (see updated): the browser's own restoring put the start screen,
    // after a reload or Back, where the settings or the history were scrolled to, Start cut off.
    window.history.scrollRestoration = 'manual';
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.onPopState);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A screen opened during a rest (the history) gives way when the session moves on: the next
    // set, and the rest after it, must show themselves.
    const shown = shownSessionOf(this.session.value);
    if (sessionMovedOn(this.shown, shown)) {
      this.view = 'session';
      this.exportProblem = null;
      this.movedOn = true;
      this.focusWasIn = this.shadowRoot?.activeElement != null;
    }
    this.setBegun = setBegan(this.shown, shown);
    this.shown = shown;
    // The screens' menu is put away by whatever opened another screen: Done, Back, the browser's Back.
    if (changed.has('view')) this.screensMenu.close();
    if (this.view !== 'session' && this.lazyScreens.loads[this.view] === undefined)
      this.lazyScreens.load(this.view);
    // A screen opened from a button on the one before (Settings' Done, the summary's See all your
    // sessions, the history's Back) takes that button with it, as a set's end does.
    if (changed.get('view') !== undefined) {
      this.focusWasIn ||= this.shadowRoot?.activeElement != null;
      // The coach's last lines were news of the screen left: read again in the history or the
      // settings, above their heading, they would be the first thing said of it.
      this.unspoken.clear();
    }
    // What the last import, delete or export did is news for this visit to the history, not the next.
    // It goes here, before the render that takes the history away: gone as the history left the page,
    // it changed the history's state in the middle of that render, which rendered the app again.
    if (changed.get('view') === 'history' && this.view !== 'history') this.app.persistence.dismissNotice();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    this.lazyScreens.fetchAhead(() => this.appMoment());
    const previous = changed.get('view') as AppView | undefined;
    const arrived = this.lazyScreens.takeArrived();
    // A screen whose code is on its way has no heading yet to show or to take the focus: it is shown
    // and focused, or shows its backups, once it arrives.
    const waiting = this.view !== 'session' && !this.lazyScreens.isLoaded(this.view);
    // Each screen opens at its top: back from a long history, the summary's heading was above the
    // fold; and each set, rest and summary, so that a page scrolled on a small screen (or text made
    // large) shows the count or the countdown, not where the last screen was read. A screen under a
    // header taller than the screen then scrolls up to its heading (see showOpenedScreen).
    if (previous !== undefined || this.movedOn || arrived) {
      window.scrollTo({ top: 0 });
      if (!waiting && !this.showsExercise() && !this.backupsAsked) void showOpenedScreen(this.renderRoot);
    } else if (this.setBegun && this.view === 'session') {
      // A set that begins is a new screen too, its count and ring where the position to take was: on a
      // phone with large text Start the set lies below the window, and the page scrolled down to reach
      // it kept the ring and the count above the window's top, and the heart rate with them.
      window.scrollTo({ top: 0 });
    } else if (changed.has('view')) {
      // The page just opened, at its top, under the header.
      if (this.view !== 'session') void showOpenedScreen(this.renderRoot);
      else if (this.showsStartScreen()) void showStart(this.renderRoot);
    }
    // The history opened for its backups puts the focus on them itself. A screen whose code is on its
    // way keeps both for its arrival.
    if (!waiting) {
      if (this.backupsAsked) void this.renderRoot.querySelector('bb-history')?.showBackups();
      else if ((this.movedOn || previous !== undefined || arrived) && this.focusWasIn)
        void focusNewScreen(this.renderRoot);
      this.backupsAsked = false;
      this.focusWasIn = false;
    }
    this.movedOn = false;
    if (previous === undefined) return;
    if (this.viewFromBrowser) {
      this.viewFromBrowser = false;
      return;
    }
    // A screen over the session is one entry of the browser's history, so that Back closes it.
    switch (entryChange(previous, this.view, viewOfEntry(window.history.state))) {
      case 'back':
        window.history.back();
        break;
      case 'push':
        window.history.pushState(entryOfView(this.view), '');
        break;
      case 'replace':
        window.history.replaceState(entryOfView(this.view), '');
        break;
    }
  }

  override render() {
    const phase = this.session.value.phase;
    const running = phase === 'set' || phase === 'rest';
    // Said calmly by the header and by the set or rest under it, from one reading.
    const gone = running ? this.devicesGoneOnWithout(this.session.value) : [];
    return html`
      ${renderAppHeader({
        session: this.session.value,
        device: this.device.value,
        heartRate: this.heartRate.value,
        person: this.person.value,
        settings: this.settings.value,
        recordedElsewhere: recordedInAnotherTab(this.history.value),
        narrow: this.narrowScreen.matches,
        goneOnWithout: gone,
        navigation: this.screensMenu.render(this.view, this.narrowScreen.matches, (view) => {
          this.view = this.view === view ? 'session' : view;
        }),
      })}
      <main class=${this.showsExercise() ? 'fill' : ''}>
        ${this.showsStartScreen() ? null : this.renderUpdatePrompt(running)}
        ${this.unspoken.render()}
        <div class="notices">
          <bb-storage-notice
            .persistence=${this.app.persistence}
            ?compact=${running}
            ?problem-said-below=${this.showsSummary() || this.showsStartScreen()}
            ?problem-shown-in-session=${this.showsExercise()}
          ></bb-storage-notice>
          ${
            running && this.screenMayGoOff.value
              ? html`<p class="screen-note" role="status">The screen may turn off in this browser.</p>`
              : null
          }
        </div>
        ${this.renderView()}
      </main>
    `;
  }

  /** The set or rest screen is shown (not the history opened in a rest). */
  private showsExercise(): boolean {
    const phase = this.session.value.phase;
    return phase === 'set' || (phase === 'rest' && this.view !== 'history');
  }

  /** The set or rest offers the strap itself (see strapOfferedOnScreen). */
  private strapOffered(state: SessionState): boolean {
    return strapOfferedOnScreen(this.device.value, {
      phoneScreen: this.phoneScreen.matches,
      narrow: this.narrowScreen.matches,
      pausedByThePerson: pausedByThePerson(state),
    });
  }

  /** The window as the header's devices lay themselves out in it (see devicesAtAGlance). */
  private headerRoom(): HeaderRoom {
    return {
      narrow: this.narrowScreen.matches,
      uprightPhone: this.uprightPhone.matches,
      phoneOnItsSide: this.phoneOnItsSide.matches,
    };
  }

  /** The summary is shown (not the history or the settings opened from it). */
  private showsSummary(): boolean {
    return this.session.value.phase === 'summary' && this.view === 'session';
  }

  private showsStartScreen(): boolean {
    const phase = this.session.value.phase;
    return phase === 'ready' && this.view === 'session';
  }

  /**
   * Above the screen, except on the start screen, where it goes under Start: news that comes a moment
   * after the page opened must not move Start from under a finger on its way to it. There it
   * `keepsPlace`: nor must it move the text under it that the person is reading. The offline news is
   * the start screen's alone (see offlineLater): above another screen it took that screen's top.
   */
  private renderUpdatePrompt(running: boolean, keepsPlace = false) {
    // A session recorded in another tab waits too: its Reload would reload that tab, mid-set.
    const waiting = running || recordedInAnotherTab(this.history.value);
    return this.updates
      ? html`<bb-update-prompt .updates=${this.updates} ?waiting=${waiting} ?keeps-place=${keepsPlace} ?offline-later=${!keepsPlace}></bb-update-prompt>`
      : null;
  }

  private renderView() {
    const phase = this.session.value.phase;
    const between = phase === 'ready' || phase === 'summary';
    if (phase !== 'set' && this.view === 'history') {
      return html`${phase === 'rest' ? this.renderBackToRest(this.session.value) : null}
        ${
          this.lazyScreens.isLoaded('history')
            ? html`<bb-history .persistence=${this.app.persistence} ?session-running=${phase === 'rest'}></bb-history>`
            : this.lazyScreens.renderLoad('history')
        }`;
    }
    if (between && this.view === 'settings') {
      if (!this.lazyScreens.isLoaded('settings')) return this.lazyScreens.renderLoad('settings');
      return html`<bb-settings
        .model=${this.app.settings}
        .voices=${this.app.cues?.outputs.speech.voices() ?? []}
        .targetChanges=${this.targetChanges.value}
        .heavierWeights=${this.heavierWeights.value}
        .weightsAsLastTime=${this.weightsAsLastTime(this.session.value.plan)}
        .tunings=${this.app.tunings}
      ></bb-settings>`;
    }
    return this.renderPhase(this.session.value);
  }

  private appMoment(): AppMoment {
    return { phase: this.session.value.phase, startWaiting: this.planWait.value !== 'none' };
  }

  /**
   * The line of the device that counts motion, when it cannot see this exercise (see unseenByText), by
   * its name: "InfiniTime cannot see this exercise: count with +1".
   */
  private unseenLine(state: SessionState, exercise: Exercise): string | null {
    const name = this.device.value.devices.find((d) => d.motion)?.name;
    return unseenByText(state, exercise, (placement) => name ?? `Your ${deviceWord(placement)}`, '+1');
  }

  /**
   * The store's problem in a line, while the session it fails to save is under way: the set shows it
   * under its number, the rest under its countdown (see BbStorageNotice, which says it over History
   * opened in a rest). Null while it saves.
   */
  private notSavingLine(): string | null {
    const { problem, hasCurrent } = this.history.value;
    return problem && hasCurrent ? problem.brief : null;
  }

  /** The lines the set or rest says of the devices it goes on without (see devicesGoneOnWithout). */
  private goingOnWithout(): readonly string[] {
    return this.gone.lines(this.device.value.devices);
  }

  /**
   * The devices out of reach that the set (in a rest, the set after it) goes on without (see
   * goneOnWithout), which the set and the header each say calmly. None while the app pauses for a
   * device: the session does not go on then.
   */
  private devicesGoneOnWithout(state: SessionState): readonly GoneOnWithout[] {
    const gone =
      state.pausedFor !== undefined ? [] : goneOnWithout(this.device.value.devices, setNeeds(state));
    return this.gone.keep(gone, concernedExercise(state)?.id);
  }

  private renderPhase(state: SessionState) {
    const planned = currentPlanned(state);
    switch (state.phase) {
      case 'ready':
        return this.renderReady(state);
      case 'set':
        return planned && state.set
          ? html`<bb-set-view
              .planned=${planned}
              .set=${state.set}
              .nowMs=${state.pausedAtMs ?? state.nowMs}
              .paused=${state.pausedAtMs !== null}
              .pauseReason=${state.pausedFor ?? null}
              .pausedForDevice=${state.pausedForDevice ?? null}
              .setsKept=${setsKeptOnFinishing(state)}
              .byHand=${countedByHand(state, planned.exercise)}
              .motionAway=${motionAwayFor(state, planned.exercise)}
              .motionStopped=${motionStoppedFor(state, planned.exercise)}
              .countedOn=${state.motionPlacements?.[planned.exercise.id] ?? null}
              .goingOnWithout=${this.goingOnWithout()}
              .notSavingLine=${this.notSavingLine()}
              .unseenLine=${this.unseenLine(state, planned.exercise)}
              .muted=${this.settings.value.muted}
              .lastSet=${setJustDoneToCorrect(state)}
              .skippedBefore=${skippedJustBefore(state.completed, planned.exercise.id, state.set)}
              .goalFrom=${plankGoalSetFrom(planned, state.completed)}
              .offerStrap=${this.strapOffered(state)}
            ></bb-set-view>`
          : null;
      case 'rest':
        return html`<bb-rest-view
          .remainingMs=${restLeftMs(state)}
          .paused=${state.pausedAtMs !== null}
          .pauseReason=${state.pausedFor ?? null}
          .pausedForDevice=${state.pausedForDevice ?? null}
          .totalMs=${(planned?.dosage.restS ?? 1) * 1000}
          .next=${upNext(state)}
          .lastSet=${state.completed.at(-1) ?? null}
          .setsKept=${setsKeptOnFinishing(state)}
          .goingOnWithout=${this.goingOnWithout()}
          .notSavingLine=${this.notSavingLine()}
          .muted=${this.settings.value.muted}
          .offerStrap=${this.strapOffered(state)}
        ></bb-rest-view>`;
      case 'summary':
        return html`<bb-summary
          .records=${state.completed}
          .plan=${state.plan}
          .durationMs=${timerMs(state)}
          .pauses=${state.pauses ?? []}
          .devicePlacement=${droppedPlacement(this.app.persistence.sourcesOfSession())}
          .finishedShort=${state.finishedShort === true}
          .heart=${this.app.heartSummary()}
          .learned=${this.app.lessons.learned()}
          .problem=${this.exportProblem}
          .notSaved=${this.app.persistence.storeNoteAtSummary()}
          ?deleted=${this.history.value.endedSessionDeleted}
        ></bb-summary>`;
    }
  }

  private renderReady(state: SessionState) {
    const device = this.device.value;
    const history = this.history.value;
    return renderStartScreen({
      state,
      // With no row of it stored, there is no offer to move it here (see HistoryState.unsavedElsewhere).
      recordedElsewhere: recordedInAnotherTab(history) ? (history.elsewhere ? 'movable' : 'unsaved') : null,
      planWaiting: this.planWait.value !== 'none',
      settings: this.settings.value,
      targetChanges: this.targetChanges.value,
      heavierWeights: this.heavierWeights.value,
      setOffers: this.setOffers.value,
      storageProblem: history.problem !== null,
      persistence: this.app.persistence,
      updatePrompt: this.renderUpdatePrompt(false, true),
      virtualStandsIn:
        device.source?.kind === 'virtual'
          ? virtualStandsInWords(
              device.awaiting,
              device.noBluetooth === null,
              devicesAtAGlance(this.headerRoom(), false, device),
              device.firstTries,
            )
          : null,
      onStart: () => this.app.startSession(),
      onChooseExercises: () => (this.view = 'settings'),
      onAnswerSetOffer: (exercise, taken) => this.app.settings.answerSetOffer(exercise, taken),
    });
  }

  /** The weights the plan took from the last session, none being logged, for the settings to suggest. */
  private weightsAsLastTime(plan: SessionState['plan']): Partial<Record<ExerciseId, number>> {
    return Object.fromEntries(
      plan.flatMap((planned) => {
        const kg = weightAsLastTime(this.settings.value, planned);
        return kg === null ? [] : [[planned.exercise.id, kg]];
      }),
    );
  }

  /** Above the history opened in a rest: the session goes on, and the way back to it. */
  private renderBackToRest(state: SessionState) {
    const leftS = wholeSecondsLeft(restLeftMs(state));
    const face = clockFace(leftS);
    const when =
      state.pausedAtMs !== null
        ? 'Your session is paused'
        : `Your rest goes on: ${face.digits} ${face.suffix || 'min'} left`;
    return html`<div class="back" role="region" aria-label="Session in progress">
      <p>${when}.</p>
      <button class="primary" @click=${() => (this.view = 'session')}>Back to the rest</button>
    </div>`;
  }

  /**
   * The app's own voice speaks: a screen reader then reads nothing of the session by itself, as it
   * would talk over the count. Muted, or with no voice on the device, it reads the coach's lines.
   */
  private voiceHeard(): boolean {
    return !this.settings.value.muted && this.app.cues?.outputs.speech.heard === true;
  }

  /** The file of the session just done, from the summary. */
  private async exportSession(format: ExportFormat): Promise<void> {
    this.exportProblem = null;
    try {
      const file = await this.app.persistence.exportCurrent(format);
      if (file) download(file);
      else this.exportProblem = 'There is no session to save yet.';
    } catch (error) {
      this.exportProblem = fileNotMadeWords(format, error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bb-app': BbApp;
  }
}
