// Load shedding: at most `permits` transactions hold a pooled connection at once; a few more may
// wait, briefly. Beyond that a request is told "busy, retry" at once instead of joining a queue
// that grows for as long as the overload lasts (postgres.js queues without limit).
import { ServiceUnavailableError } from "./errors";

export interface GateSettings {
  /** Transactions running at once: the pool size. */
  permits: number;
  /** Transactions waiting for one of them; more are refused. */
  queueLimit: number;
  /** The longest a transaction waits for a connection before it is refused. */
  maxWaitMs: number;
}

export type Release = () => void;

export class ConnectionGate {
  private running = 0;
  private readonly waiting: Array<(release: Release) => void> = [];

  constructor(private readonly settings: GateSettings) {}

  /** Resolves with the function that gives the permit back; rejects (503) when full or after the wait. */
  acquire(maxWaitMs = this.settings.maxWaitMs): Promise<Release> {
    if (this.running < this.settings.permits) return Promise.resolve(this.grant());
    if (this.waiting.length >= this.settings.queueLimit) return Promise.reject(new ServiceUnavailableError("overloaded"));
    return new Promise<Release>((resolve, reject) => {
      const waiter = (release: Release) => {
        clearTimeout(timer);
        resolve(release);
      };
      const timer = setTimeout(
        () => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new ServiceUnavailableError("overloaded"));
        },
        Math.max(0, Math.min(maxWaitMs, this.settings.maxWaitMs)),
      );
      this.waiting.push(waiter);
    });
  }

  /** For tests and logs: how many run and how many wait. */
  get load() {
    return { running: this.running, waiting: this.waiting.length };
  }

  private grant(): Release {
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      // The permit passes straight to the longest waiter, so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next(this.grant());
    };
  }
}
