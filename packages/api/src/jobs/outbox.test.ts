// The job outbox end to end (ADR 0055): a booking commits one outbox row with itself; a running
// worker is woken by the outbox's notification, moves the row to the queue, and the confirmation
// reaches a real SMTP server. A drain that dies before its commit leaves the row for the next one,
// and a job delivered twice still makes one message.
import { createDb } from "@frontdesk/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressedTo as to } from "../testing/smtp-peer";
import { startSmtpWorld, type SmtpWorld } from "../testing/smtp-world";
import { startWorker } from "./worker";

let world: SmtpWorld["world"];
let peer: SmtpWorld["peer"];
let channels: SmtpWorld["channels"];
let close: SmtpWorld["close"];
let owner: ReturnType<typeof createDb>;

beforeAll(async () => {
  ({ world, peer, channels, close } = await startSmtpWorld("job_outbox"));
  owner = createDb(world.urls.adminUrl, { max: 1 });
});
afterAll(async () => {
  await owner.close();
  await close();
});
const outboxOf = (appointmentId: string) =>
  owner.db.execute<{ task: string; payload: Record<string, unknown>; job_key: string | null }>(
    sql`select task, payload, job_key from job_outbox where payload->>'appointmentId' = ${appointmentId}`,
  );

let minute = 0;
const bookOnline = (email: string) =>
  world.anyone().public.book({
    clinicSlug: world.clinic.slug,
    serviceId: world.clinic.serviceId,
    start: new Date(Date.UTC(2027, 8, 1, 8, 30 * minute++)).toISOString(),
    patient: { name: "Online Patient", email },
    idempotencyKey: crypto.randomUUID(),
  });
const confirmationsOf = async (appointmentId: string) => (await world.messagesOf(appointmentId)).filter((m) => m.kind === "confirmation" && m.channel === "email");

describe("the job outbox", () => {
  it("wakes a running worker when a booking commits, and the confirmation reaches the SMTP server", async () => {
    // A poll too slow to matter here: only the outbox's notification can wake this worker in time.
    const worker = await startWorker({ connectionString: world.urls.adminUrl, deps: world.workerDeps({ channels: channels() }), pollIntervalMs: 600_000 });
    try {
      const email = `woken-${crypto.randomUUID().slice(0, 8)}@example.test`;
      const before = peer.received.length;
      const booked = await bookOnline(email);
      const mails = await peer.waitFor(before + 1);
      expect(mails.slice(before).filter(to(email))).toHaveLength(1);
      expect(await outboxOf(booked.appointment.id)).toEqual([]);
    } finally {
      await worker.stop();
    }
  });

  it("leaves nothing in the outbox for a booking that lost its time", async () => {
    const email = `first-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const first = await bookOnline(email);
    minute--;
    await expect(bookOnline(`second-${crypto.randomUUID().slice(0, 8)}@example.test`)).rejects.toMatchObject({ code: "CONFLICT" });
    const rows = await owner.db.execute<{ appointment: string }>(sql`select payload->>'appointmentId' as appointment from job_outbox`);
    expect(rows.map((r) => r.appointment)).toEqual([first.appointment.id]);
    await world.runJobs({ channels: channels() });
  });

  it("moves the rows of a drain that died before its commit again, and a job run twice sends one message", async () => {
    const email = `crash-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const booked = await bookOnline(email);
    const [row] = await outboxOf(booked.appointment.id);
    expect(row).toMatchObject({ task: "appointment.notify" });
    class Crash extends Error {}
    await owner.db
      .transaction(async (tx) => {
        await tx.execute(sql`select drain_job_outbox(500)`);
        throw new Crash();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Crash)) throw error;
      });
    expect(await outboxOf(booked.appointment.id)).toHaveLength(1);
    const before = peer.received.length;
    await world.runJobs({ channels: channels() });
    // The queue runs a job at least once: the same plan delivered again, as after a worker's crash.
    await world.inClinic((tx) => tx.execute(sql`select enqueue_job(${row!.task}, ${JSON.stringify(row!.payload)}::jsonb, null, ${row!.job_key}, null)`));
    await world.runJobs({ channels: channels() });
    expect((await confirmationsOf(booked.appointment.id)).map((m) => m.status)).toEqual(["sent"]);
    await peer.waitFor(before + 1);
    expect(peer.received.slice(before).filter(to(email))).toHaveLength(1);
  });
});
