import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

/**
 * Binds a stream to a component: subscribes when the component is connected, re-renders it on every
 * value, and unsubscribes when it is disconnected. The one way components read streams.
 */
export class ObserveController<T> implements ReactiveController {
  value: T;
  private subscription: Subscription | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: Observable<T>,
    initial: T,
  ) {
    this.value = initial;
    host.addController(this);
  }

  /** Binds a model's state (a `Model` of workout/model.ts), starting from the state it has now. */
  static ofModel<T>(
    host: ReactiveControllerHost,
    model: { readonly state$: Observable<T>; readonly state: T },
  ): ObserveController<T> {
    return new ObserveController(host, model.state$, model.state);
  }

  hostConnected(): void {
    this.subscription = this.source.subscribe((value) => {
      this.value = value;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }
}
