// Every transaction a request opens goes through here: it waits for a connection at most briefly
// (gate.ts), it ends by the request's deadline, and work that outlives the deadline rolls back
// instead of committing after the client was told 503.
import type { Database } from "@frontdesk/db";
import { ServiceUnavailableError } from "./errors";
import type { ConnectionGate } from "./gate";

export class Deadline {
  private constructor(readonly at: number) {}

  static in(ms: number): Deadline {
    return new Deadline(performance.now() + ms);
  }

  get remainingMs(): number {
    return this.at - performance.now();
  }

  assertOpen(): void {
    if (this.remainingMs <= 0) throw new ServiceUnavailableError("deadline");
  }

  /** `work`, or a 503 once the deadline passes (the work itself goes on; see guardDatabase). */
  race<T>(work: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ServiceUnavailableError("deadline")), Math.max(0, this.remainingMs));
    });
    return Promise.race([work, expired]).finally(() => clearTimeout(timer));
  }
}

export interface Guard {
  gate?: ConnectionGate;
  deadline?: Deadline;
  /** Added to by every transaction: what the request's log line says about its database use. */
  usage?: DatabaseUsage;
}

/** One request's transactions: how many, how long they waited for a connection (the gate), how long they held one (ms). */
export interface DatabaseUsage {
  transactions: number;
  waitMs: number;
  heldMs: number;
}

/** `db` whose `transaction` obeys `guard`; everything else passes through. */
export function guardDatabase(db: Database, guard: Guard): Database {
  if (!guard.gate && !guard.deadline) return db;
  const transaction: Database["transaction"] = async (work, config) => {
    const { gate, deadline, usage } = guard;
    deadline?.assertOpen();
    const asked = performance.now();
    const permit = gate
      ? await gate.acquire(deadline?.remainingMs).catch((error: unknown) => {
          // A refusal after a wait is the wait the log line should show.
          if (usage) usage.waitMs += performance.now() - asked;
          throw error;
        })
      : () => undefined;
    const granted = performance.now();
    if (usage) {
      usage.transactions++;
      usage.waitMs += granted - asked;
    }
    let held = false;
    const release = () => {
      permit();
      if (usage && !held) usage.heldMs += performance.now() - granted;
      held = true;
    };
    const run = db.transaction(async (tx) => {
      // Checked again inside: a transaction that got its connection too late, or whose work ended
      // after the deadline, throws here and so rolls back.
      deadline?.assertOpen();
      const result = await work(tx);
      deadline?.assertOpen();
      return result;
    }, config);
    run.then(release, release);
    if (!deadline) return run;
    // A driver that hangs (a connection lost mid-query) must not hold the permit for ever either.
    return deadline.race(run).catch((error: unknown) => {
      if (error instanceof ServiceUnavailableError) release();
      throw error;
    });
  };
  return new Proxy(db, {
    get(target, property, receiver) {
      return property === "transaction" ? transaction : (Reflect.get(target, property, receiver) as unknown);
    },
  });
}
