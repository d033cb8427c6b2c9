// Which devices feed the app, and how they are doing. The virtual strap is connected until the person
// picks a real device. Several devices can be connected at once (an H10 on the chest for heart rate
// and trunk motion, a watch for the wrist): the app then reads heart rate from one and motion from
// the one best placed for the exercise.
//
// The Devices model below coordinates them; each concern has a module of its own:
//   bluetooth-chooser.ts       the browser's chooser opened for a kind of device, and what to say when none is picked
//   device-status.ts           what the app tells of each device and of them all (the types the UI reads)
//   device-needs.ts            what a set or rest needs of the devices, and which are away (pure)
//   device-words.ts            what the screens say of the devices (pure)
//   device-streams.ts          what a device's streams say: pulse sought, motion stopped, a reading held
//   device-problem-news.ts     what a Bluetooth device has to say, and when it is over by itself
//   device-members.ts          each device as the app follows it: virtual strap, phone, replay, Bluetooth
//   device-source.ts           the one source read from them: heart rate by rank, motion, their name
//   motion-counting.ts         which device's motion counts each exercise, the set under way kept by its own
//   recording-replays.ts       the recordings played in place of the devices, and a file picked read as one
//   virtual-strap-habit.ts     how the virtual strap's simulated person follows the screen, kept for the next visit
//   remembered-devices.ts      the Bluetooth devices kept from one visit to the next
//   earlier-visit-devices.ts   those devices connected again with no tap, in turn and by themselves
//   lost-device-retries.ts     the devices given up for lost, tried again by themselves
//   page-streaming.ts          the devices' streams as the page is hidden, shown or gone, and a session runs

import { BehaviorSubject, combineLatest, filter, firstValueFrom, type Observable, Subscription } from 'rxjs';
import type { Recording } from '../protocol/recording.ts';
import { type BleDeviceKind, kindOfPicked } from '../sensors/ble/device-kinds.ts';
import { bluetoothOf, describeBluetoothError } from '../sensors/ble/errors.ts';
import { browserTimers, type GattSession } from '../sensors/ble/gatt-session.ts';
import { PhoneMotion, requestMotionPermission } from '../sensors/phone/phone-motion.ts';
import type { Placement } from '../sensors/samples.ts';
import type { Habit } from '../sensors/virtual/choreography.ts';
import type { KeyValueStorage } from '../workout/json-store.ts';
import { Model } from '../workout/model.ts';
import type { ExerciseId } from '../workout/program.ts';
import { chooseBluetoothDevice } from './bluetooth-chooser.ts';
import {
  bluetoothMember,
  type JoiningMember,
  type Member,
  type MemberStreams,
  memberSeen,
  phoneMember,
  sameMembers,
  virtualMember,
} from './device-members.ts';
import { devicesTogether } from './device-needs.ts';
import { problemNewsOf } from './device-problem-news.ts';
import { byHeartRateRank, heartRateFrom, sourceOf } from './device-source.ts';
import type { DeviceKind, DeviceState, DeviceStatus, Source } from './device-status.ts';
import { noBluetoothNotice, notFoundWords } from './device-words.ts';
import { EarlierVisitDevices } from './earlier-visit-devices.ts';
import { LostDeviceRetries } from './lost-device-retries.ts';
import { type HeardOfDevice, MotionCounting, type SetUnderWay } from './motion-counting.ts';
import { PageStreaming } from './page-streaming.ts';
import { recordingFile, recordingOf } from './recording-file.ts';
import { type PickedFile, RecordingReplays, recordingOfFile } from './recording-replays.ts';
import { forgetPermission, RememberedDevices } from './remembered-devices.ts';
import type { ExportedFile } from './session-files.ts';
import { VirtualStrapHabit } from './virtual-strap-habit.ts';

export interface DevicesOptions {
  readonly now: () => number;
  readonly navigator: Navigator;
  /** Seed of the virtual strap's simulated person. */
  readonly seed: number;
  /** Where page-lifecycle events come from (pagehide, visibilitychange); the global window by default. */
  readonly window?: Window | null;
  /** Where the virtual person's habit is remembered (localStorage in the app); none keeps it for this visit. */
  readonly storage?: KeyValueStorage | null;
}

export class Devices extends Model<DeviceState> {
  private readonly source: BehaviorSubject<Source>;
  readonly source$: Observable<Source>;
  private members: Member[] = [];
  /** The recordings played in place of the devices. */
  private readonly replays: RecordingReplays;
  private memberSubscriptions = new Subscription();
  /** What each device's streams last said of it: its connection, its motion refused or stopped. */
  private readonly heard = new WeakMap<Member, HeardOfDevice>();
  /**
   * Devices picked now and still being connected: listed, but nothing is read from them until they
   * are connected, so the devices there before (the virtual strap too) go on counting meanwhile.
   */
  private readonly joining = new WeakSet<Member>();
  /** The devices the source last published reads from. */
  private sourceMembers: readonly Member[] = [];
  private readonly virtualHabit: VirtualStrapHabit;
  private readonly rememberedDevices: RememberedDevices;
  /** The devices of an earlier visit, connected again with no tap. */
  private readonly earlierVisit: EarlierVisitDevices;
  /** Whether the devices' streams run, as the page is shown, hidden or gone and a session runs. */
  private readonly pageStreaming: PageStreaming;
  /** The devices given up on, tried again by themselves. */
  private readonly lostRetries: LostDeviceRetries;
  /** Which device's motion counts each exercise, and the set under way kept by the device counting it. */
  private readonly motionCounting = new MotionCounting((m) => this.heard.get(m));

  constructor(private readonly options: DevicesOptions) {
    super({
      source: null,
      connection: 'connecting',
      countsMotion: false,
      malformedPackets: 0,
      problem: null,
      problemsTold: 0,
      noBluetooth: bluetoothOf(options.navigator) ? null : noBluetoothNotice(options.navigator),
      awaiting: [],
      firstTries: [],
      rejoining: false,
      battery: null,
      devices: [],
    });
    this.virtualHabit = new VirtualStrapHabit(options.storage ?? null);
    this.rememberedDevices = new RememberedDevices(options.storage ?? null);
    this.pageStreaming = new PageStreaming(this.pageWindow(), {
      suspendStreams: () => {
        for (const m of this.members) void m.session?.suspendStreams();
      },
      resumeStreams: () => {
        for (const m of this.members) void m.session?.resumeStreams();
      },
      paceChanged: () => {
        this.earlierVisit.scheduleRejoin();
        this.lostRetries.schedule();
      },
    });
    this.earlierVisit = new EarlierVisitDevices(
      {
        connect: (device, kind) => this.useBluetoothDevice(device, kind, true),
        isKnown: (id) => this.rememberedDevices.has(id),
        isListed: (id) => this.members.some((m) => m.status.id === id),
        update: (patch) => this.update(patch),
        pace: () => this.pageStreaming.pace(),
      },
      browserTimers,
    );
    this.lostRetries = new LostDeviceRetries(
      {
        lostSessions: () => this.lostSessions(),
        pace: () => this.pageStreaming.pace(),
      },
      browserTimers,
    );
    this.replays = new RecordingReplays({
      streams: () => this.memberStreams(),
      play: (replay) => {
        // A device of the last visit joining would end the replay: it is tried again on the next visit.
        this.earlierVisit.stopAwaiting(() => true);
        this.setMembers([replay]);
      },
    });
    const virtual = this.createVirtualMember();
    this.members = [virtual];
    this.sourceMembers = [virtual];
    this.source = new BehaviorSubject(this.compose());
    this.source$ = this.source.asObservable();
    this.watch();
  }

  get active(): Source {
    return this.source.value;
  }

  /** Must be called from a click or tap: the browser shows its device chooser. */
  connectBluetoothStrap(): Promise<void> {
    return this.connect('heart-rate');
  }

  /** Connects a device of this kind. Bluetooth kinds must be called from a click or tap. */
  async connect(kind: DeviceKind): Promise<void> {
    switch (kind) {
      case 'virtual':
        return this.useVirtualStrap();
      case 'phone':
        return this.usePhoneMotion();
      case 'replay':
        return;
      default:
        return this.connectBluetooth(kind);
    }
  }

  /**
   * Tells the virtual strap's simulated person how to follow the screen, from their next activity
   * on; the virtual strap connected later, or after a reload, has the same habit.
   */
  setVirtualHabit(habit: Habit): void {
    this.virtualHabit.choose(habit);
    this.active.virtual?.setHabit(habit);
  }

  useVirtualStrap(): void {
    // Left for the virtual strap, a device is not connected again on the next visit, nor on this one.
    // Its permission is kept, unlike one taken out with × (see disconnectDevice): this sets the
    // person's own devices aside for a try, a demo or a day the strap is flat, not for good.
    this.rememberedDevices.forgetAll();
    // Those waiting their first try are tried no more either (the one being tried ends its try).
    this.earlierVisit.stopFirstTries();
    this.earlierVisit.stopAwaiting(() => true);
    this.earlierVisit.publishAwaiting();
    if (this.members.length === 1 && this.members[0].virtual) return;
    this.setMembers([this.createVirtualMember()]);
  }

  /** The phone's own motion sensors, beside whatever else is connected (not the virtual strap). */
  async usePhoneMotion(): Promise<void> {
    try {
      // iOS asks for permission, and only inside the tap: this must be the first await.
      await requestMotionPermission();
    } catch (error) {
      this.update({ problem: error instanceof Error ? error.message : String(error) });
      return;
    }
    const target = this.pageWindow();
    if (!target) return;
    const phone = new PhoneMotion(target, this.options.now);
    const problems = phone.problem$.subscribe((problem) => this.update({ problem }));
    this.addMember(phoneMember(phone, problems), (m) => m.status.kind === 'phone');
    phone.start();
  }

  /**
   * Plays a recording (a bug report) through the same decoders as a live device; its motion sits
   * where the device that recorded it is worn, unless `placement` says otherwise.
   */
  replay(recording: Recording, placement?: Placement, fileName?: string): void {
    this.replays.play(recording, placement, fileName);
  }

  /** Plays the recording last replayed again, from its start. */
  replayAgain(): void {
    this.replays.playAgain();
  }

  /**
   * Everything the connected Bluetooth devices sent and were sent (a replay: the packets played so
   * far), as a file to attach to a bug report.
   */
  recording(): Recording {
    return recordingOf(this.members, this.options.now(), Date.now());
  }

  /** What recording() holds, as a file to save. */
  recordingFile(): ExportedFile {
    return recordingFile(this.recording());
  }

  /** A file the person picked, as its text: read as a recording and replayed, or why it cannot be said. */
  replayText(file: PickedFile): void {
    const read = recordingOfFile(file);
    if ('problem' in read) this.update({ problem: read.problem });
    else this.replays.play(read.recording, undefined, file.fileName);
  }

  /** Tries again to reach a device the app gave up on, or one of an earlier visit not found, without the chooser. */
  reconnectDevice(id: string): void {
    const session = this.members.find((m) => m.status.id === id)?.session;
    if (!session) {
      void this.earlierVisit.rejoinAwaitedNow(id);
      return;
    }
    // The person did what "out of reach … press Reconnect" asked; if the device stays away, it is said again.
    this.update({ problem: null });
    session.retry();
  }

  /**
   * Connects again, with no tap and no chooser, to the Bluetooth devices picked on an earlier visit
   * that the browser still lets the app use (getDevices(), where the browser has it [CRS]). One that
   * does not answer (off, or out of reach) stays known: the virtual strap stands in, the person is
   * told which device was not found (its simulated heart rate would otherwise pass for theirs), and
   * the device is tried again by itself (see tryAgainDelayMs) or at the person's word.
   */
  async reconnectKnownDevices(): Promise<void> {
    const bluetooth = bluetoothOf(this.options.navigator);
    const known = this.rememberedDevices.list();
    if (!bluetooth || typeof bluetooth.getDevices !== 'function' || known.length === 0) return;
    let granted: BluetoothDevice[];
    try {
      granted = await bluetooth.getDevices();
    } catch {
      return;
    }
    await this.earlierVisit.tryInTurn(known, granted);
  }

  /** The Bluetooth devices given up on after their reconnection attempts, out of reach. */
  private lostSessions(): GattSession[] {
    return this.members.flatMap((m) =>
      m.session && this.heard.get(m)?.connection === 'lost' ? [m.session] : [],
    );
  }

  /**
   * Disconnects one device (stopping its streams first); it is not connected again on the next visit.
   * One awaited is forgotten so (a strap left at home, or sold), the virtual strap going on. Either
   * way the browser's permission for it is given back (see forgetPermission): Forget and × take one
   * device out and leave the rest, which is the person done with that one, where Use the virtual
   * strap (see useVirtualStrap) sets their own devices aside for now.
   */
  disconnectDevice(id: string): void {
    this.rememberedDevices.forget(id);
    const awaited = this.earlierVisit.awaitedWithId(id);
    if (awaited) void forgetPermission(awaited.device);
    // "It is tried again by itself" is no longer so.
    if (awaited && this.state.problem === notFoundWords(awaited.device, awaited.kind))
      this.update({ problem: null });
    this.earlierVisit.stopAwaiting((a) => a.device.id === id);
    const session = this.members.find((m) => m.status.id === id)?.session;
    this.removeMember(id);
    // Once it has stopped its streams and let go (see GattSession.close): forget() would cut that short.
    if (session)
      void firstValueFrom(session.connection$.pipe(filter((c) => c === 'lost')), { defaultValue: null }).then(
        () => forgetPermission(session.device),
      );
  }

  private removeMember(id: string): void {
    const remaining = this.members.filter((m) => m.status.id !== id);
    if (remaining.length === this.members.length) return;
    this.setMembers(remaining.length ? remaining : [this.createVirtualMember()]);
  }

  dismissProblem(): void {
    this.update({ problem: null });
  }

  dispose(): void {
    this.earlierVisit.stopAwaiting(() => true);
    this.lostRetries.dispose();
    this.pageStreaming.dispose();
    this.memberSubscriptions.unsubscribe();
    for (const m of this.members) m.close();
    this.members = [];
  }

  private async connectBluetooth(kind: BleDeviceKind): Promise<void> {
    const chosen = await chooseBluetoothDevice(this.options.navigator, kind);
    if ('problem' in chosen) {
      this.update({ problem: chosen.problem });
      return;
    }
    const { device } = chosen;
    // Picked while its connection from an earlier visit is under way: one connection, not two.
    await this.earlierVisit.attemptUnderWay(device.id);
    const already = this.members.find((m) => m.status.id === device.id);
    if (already) {
      // Picked again: the device stays as it is, and one the app gave up on is tried again.
      if (this.heard.get(already)?.connection === 'lost') already.session?.retry();
      return;
    }
    await this.useBluetoothDevice(device, kindOfPicked(kind, device.name ?? ''), false);
  }

  /**
   * Connects a device picked now or on an earlier visit (`quiet`: then one that does not answer
   * says nothing, and is tried again on the next visit).
   */
  private async useBluetoothDevice(
    device: BluetoothDevice,
    kind: BleDeviceKind,
    quiet: boolean,
  ): Promise<boolean> {
    let joined: JoiningMember | null = null;
    try {
      joined = bluetoothMember(device, kind, this.memberStreams(), (session) => this.showProblemsOf(session));
      const { member } = joined;
      // Listed beside the devices there while it is connected (up to ATTEMPT_TIMEOUT_MS), and read
      // from once it is: until then the devices there, the virtual strap too, go on counting a set
      // under way, so no rep goes uncounted and no hold runs on unseen, and a device that fails leaves
      // them as they were, the same simulated person going on. One from an earlier visit is listed
      // among the awaited devices while it is tried.
      if (!quiet) {
        this.joining.add(member);
        this.setMembers([...this.members, member]);
      }
      await joined.session.connect();
      // Let go while it was connected again with no tap (the virtual strap chosen meanwhile): it
      // answered too late to take the place the person gave another, and is not known any more.
      if (quiet && !this.rememberedDevices.has(device.id)) {
        member.close();
        return false;
      }
      joined.connected();
      this.joining.delete(member);
      // The virtual strap makes room for it, and a second device of the same kind takes the place of
      // the first; other kinds stay beside it. So it does of one of the same kind awaited from an
      // earlier visit, tried no more.
      const replaced = this.members.filter((m) => m !== member && m.status.kind === kind);
      // What it said while it was set up (its motion refused) stays: listing it made room for that.
      this.addMember(member, (m) => m === member || replaced.includes(m), { keepProblem: !quiet });
      const replacedIds = new Set([
        ...replaced.map((m) => m.status.id),
        ...this.earlierVisit.awaitedOfKindBut(kind, device.id),
      ]);
      this.earlierVisit.stopAwaiting((a) => a.device.id === device.id || replacedIds.has(a.device.id));
      this.rememberedDevices.keep({ id: device.id, kind }, replacedIds);
      return true;
    } catch (error) {
      // Held on the page's streams (see heldWhileUnchanged), it would keep each failed try alive.
      joined?.stopHolding();
      const member = joined?.member ?? null;
      // Let go while it joined (×, the virtual strap, a replay): its abandoned connection fails late,
      // and what it failed with is news of a device the person is done with.
      const listed = member !== null && this.members.includes(member);
      const letGo = !quiet && member !== null && !listed;
      if (listed) this.removeMember(device.id);
      const problem = describeBluetoothError(error);
      if (!quiet && !letGo) this.update({ problem: problem.kind === 'cancelled' ? null : problem.message });
      return false;
    }
  }

  /** Shows what a Bluetooth device has to say, and takes down what is over by itself (see problemNewsOf). */
  private showProblemsOf(session: GattSession): Subscription {
    return problemNewsOf(session).subscribe((news) => {
      if ('shown' in news) this.update({ problem: news.shown });
      else if (this.state.problem === news.over) this.update({ problem: null });
    });
  }

  private update(patch: Partial<Omit<DeviceState, 'problemsTold'>>): void {
    const told = typeof patch.problem === 'string' ? 1 : 0;
    this.setState({ ...this.state, ...patch, problemsTold: this.state.problemsTold + told });
  }

  /** Adds a real device: the virtual strap and any device `replaces` matches make room for it. */
  private addMember(
    member: Member,
    replaces: (m: Member) => boolean,
    options: { readonly keepProblem?: boolean } = {},
  ): void {
    const kept = this.members.filter((m) => !m.virtual && m.status.kind !== 'replay' && !replaces(m));
    this.setMembers([...kept, member], options);
  }

  /** Other devices: the problem shown goes with the devices it was about, unless `keepProblem`. */
  private setMembers(
    members: Member[],
    { keepProblem = false }: { readonly keepProblem?: boolean } = {},
  ): void {
    for (const m of this.members) if (!members.includes(m)) m.close();
    this.members = members;
    this.watch(keepProblem);
    // A device listed while it is connected, or one that failed to, changes nothing the app reads: a
    // new source would start the set's detectors over, in the middle of a rep.
    if (!sameMembers(this.sourceMembers, this.readFrom(members))) this.publishSource();
  }

  private publishSource(): void {
    this.sourceMembers = this.readFrom(this.members);
    this.source.next(this.compose());
  }

  /** The devices the app reads from: all but those still being connected (see joining). */
  private readFrom(members: readonly Member[]): Member[] {
    return members.filter((m) => !this.joining.has(m));
  }

  /** The devices heart rate can be read from, best-ranked first (see HEART_RATE_RANK). */
  private heartRateMembers(): Member[] {
    return byHeartRateRank(this.readFrom(this.members));
  }

  /** The device `exercise`'s motion is read from (see MotionCounting.motionDevice). */
  private motionMember(exercise: ExerciseId | null): Member | null {
    return this.motionCounting.motionDevice(this.readFrom(this.members), exercise);
  }

  /** The one Source the app reads, from the current devices. */
  private compose(): Source {
    const members = this.readFrom(this.members);
    return sourceOf(members, this.heartRateMembers(), this.motionMember(null), (exercise) =>
      sameMembers(this.readFrom(this.members), members) ? this.motionMember(exercise) : null,
    );
  }

  /** Follows every device's state into DeviceState. */
  private watch(keepProblem = false): void {
    this.memberSubscriptions.unsubscribe();
    this.memberSubscriptions = new Subscription();
    const members = this.members;
    const hr$ = heartRateFrom(this.heartRateMembers());
    let motion = this.motionMember(null);
    const source = this.compose().info;
    this.update({ source, countsMotion: motion !== null, ...(keepProblem ? {} : { problem: null }) });
    if (members.length === 0) return;
    const perDevice = members.map(memberSeen);
    const setUnderWay$ = this.motionCounting.setUnderWay$;
    this.memberSubscriptions.add(
      combineLatest([combineLatest(perDevice), hr$, setUnderWay$]).subscribe(([seen, hr, set]) => {
        const statuses = seen.map((s, i) => ({ ...s.status, heartRate: members[i] === hr }));
        for (const [i, m] of members.entries()) {
          const { connection, motionStopped } = statuses[i];
          const { motionRefused, handedOver } = seen[i];
          this.heard.set(m, { connection, motionRefused, motionStopped, handedOver });
        }
        this.lostRetries.schedule();
        // The set under way handed to another device (its own away a few seconds, or given up for
        // lost) is read from that one from now.
        const handedOn = this.motionCounting.followSetCounter(set, this.readFrom(this.members), members);
        // A device that stops or starts giving motion (see MotionCounting) changes what the app reads.
        if (this.motionMember(null) !== motion || handedOn) {
          motion = this.motionMember(null);
          this.update({ source: this.compose().info, countsMotion: motion !== null });
          this.publishSource();
        }
        const counted = this.motionCounting.exercisesCounted(this.readFrom(this.members), members);
        const devices = statuses.map(
          (d, i): DeviceStatus => ({ ...d, motion: members[i] === motion, ...counted[i] }),
        );
        // One being connected at the person's word is 'connecting' (which pauses nothing) until it is:
        // a set picked up on a new page, paused for it, waits for it and goes on once it is connected.
        const used = devices.map((d, i) => d.heartRate || d.motion || this.joining.has(members[i]));
        this.update({ devices, ...devicesTogether(devices, used) });
      }),
    );
  }

  /**
   * The set under way (its key and exercise), or none (null, in a rest too): the device counting it
   * keeps it to its end, and the one best placed counts the next (see motionDeviceFor).
   */
  countSetUnderWay(set: SetUnderWay | null): void {
    this.motionCounting.countSetUnderWay(set);
  }

  /**
   * A session is under way (or no longer): while it is, the devices' streams run on with the page
   * hidden (see PageStreaming.keepStreaming).
   */
  keepStreaming(sessionRunning: boolean): void {
    this.pageStreaming.keepStreaming(sessionRunning);
  }

  /** Where page-lifecycle events and the phone's motion come from: the global window by default. */
  private pageWindow(): Window | null {
    return this.options.window ?? (typeof window === 'undefined' ? null : window);
  }

  private createVirtualMember(): Member {
    return virtualMember({ seed: this.options.seed, now: this.options.now, habit: this.virtualHabit.habit });
  }

  /** What the devices' streams are timed by, and whether they are stopped on purpose. */
  private memberStreams(): MemberStreams {
    return { now: this.options.now, streamsSuspended: this.pageStreaming.streamsSuspended };
  }
}
