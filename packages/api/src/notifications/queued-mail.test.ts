// Account mail through the queue (the edge's mailer): what a request queues, the Node worker sends,
// once, with the same Message-ID on a retry; nothing else can be queued that way.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createNotificationWorld } from "../testing/notifications";
import { createTestMailer } from "../testing";
import { emailChannel } from "./email";
import { queuedMailer } from "./queued-mail";

const world = await createNotificationWorld("queued_mail");
afterAll(() => world.close());

describe("the queued mailer", () => {
  it("queues a sign-in code that the job worker sends once, and a failed send is retried with the same Message-ID", async () => {
    const to = `queued-${crypto.randomUUID().slice(0, 8)}@example.test`;
    await queuedMailer(world.db).send({ to, subject: "Your sign-in code: 123456", text: "Enter 123456" });
    expect((await world.pendingJobs()).filter((j) => j.task === "mail.send")).toHaveLength(1);

    const failing = { send: () => Promise.reject(new Error("SMTP down")) };
    await world.runJobs({ channels: { email: emailChannel(failing) } });
    const retried = (await world.pendingJobs()).filter((j) => j.task === "mail.send");
    expect(retried).toHaveLength(1);
    await world.travel(5 * 60_000);

    const mailer = createTestMailer();
    await world.runJobs({ channels: { email: emailChannel(mailer) } });
    expect(mailer.sent.map((m) => [m.to, m.subject])).toEqual([[to, "Your sign-in code: 123456"]]);
    expect(mailer.sent[0]!.messageId).toBe((retried[0]!.payload as { message: { messageId: string } }).message.messageId);
    expect((await world.pendingJobs()).filter((j) => j.task === "mail.send")).toHaveLength(0);
  });

  it("refuses a message without a recipient: nothing is queued", async () => {
    await expect(world.db.execute(sql`select enqueue_mail(${JSON.stringify({ subject: "x" })}::jsonb)`)).rejects.toMatchObject({ cause: { code: "22023" } });
    expect((await world.pendingJobs()).filter((j) => j.task === "mail.send")).toHaveLength(0);
  });
});
