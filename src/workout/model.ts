import { BehaviorSubject, distinctUntilChanged, map, type Observable } from 'rxjs';

/**
 * App state with one owner: a private subject, a read-only stream of states, named selectors and
 * named commands in subclasses. Components read `state$` or a selector and call commands; they never
 * push states themselves.
 */
export abstract class Model<T> {
  private readonly subject: BehaviorSubject<T>;
  readonly state$: Observable<T>;

  protected constructor(initial: T) {
    this.subject = new BehaviorSubject(initial);
    this.state$ = this.subject.asObservable();
  }

  get state(): T {
    return this.subject.getValue();
  }

  /** A part of the state that emits only when it changes. */
  select<U>(selector: (state: T) => U, equal?: (a: U, b: U) => boolean): Observable<U> {
    return this.state$.pipe(map(selector), distinctUntilChanged(equal));
  }

  protected setState(next: T): void {
    if (next !== this.subject.getValue()) this.subject.next(next);
  }
}
