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
