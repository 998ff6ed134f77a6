// SMS and WhatsApp against a local HTTP server that plays a Twilio-shaped provider, with its
// error answers; and an SMS reminder end to end through the worker.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@frontdesk/db";
import { setOperatorFlag } from "../flags/operator";
import { createNotificationWorld } from "../testing/notifications";
import { SendRefusedError, SendUnavailableError } from "./channels";
import { smsChannel } from "./sms";

interface Received {
  path: string;
  authorization: string | undefined;
  form: URLSearchParams;
}

let provider: Server;
let baseUrl: string;
const received: Received[] = [];
/** What the provider answers next: a status and a body, or "hang" (never answers). */
let answer: { status: number; body: string } | "hang" = { status: 201, body: JSON.stringify({ sid: "SM0001", status: "queued" }) };

const bodyOf = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => resolve(body));
  });

beforeAll(async () => {
  provider = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      received.push({ path: request.url ?? "", authorization: request.headers.authorization, form: new URLSearchParams(body) });
      if (answer === "hang") return;
      response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
});
afterAll(async () => {
  provider.closeAllConnections();
  await new Promise((resolve) => provider.close(resolve));
});

const settings = () => ({ baseUrl, accountSid: "AC123", authToken: "secret-token", from: "+33700000000", timeoutMs: 500 });
const message = { messageId: crypto.randomUUID(), to: "+33612345678", subject: "", text: "Reminder" };

describe("the SMS provider channel", () => {
  it("posts Twilio's form with Basic auth and answers the provider's id", async () => {
    answer = { status: 201, body: JSON.stringify({ sid: "SM0001", status: "queued" }) };
    const receipt = await smsChannel(settings()).send({ ...message, statusCallbackUrl: "https://book.example.test/hooks/x" });
    expect(receipt).toEqual({ providerMessageId: "SM0001" });
    const request = received.at(-1)!;
    expect(request.path).toBe("/2010-04-01/Accounts/AC123/Messages.json");
    expect(request.authorization).toBe(`Basic ${Buffer.from("AC123:secret-token").toString("base64")}`);
    expect(Object.fromEntries(request.form)).toEqual({ To: "+33612345678", From: "+33700000000", Body: "Reminder", StatusCallback: "https://book.example.test/hooks/x" });
  });

  it("sends WhatsApp through the same provider with the whatsapp: prefix", async () => {
    answer = { status: 201, body: JSON.stringify({ sid: "SM0002" }) };
    await smsChannel(settings(), "whatsapp").send(message);
    expect(Object.fromEntries(received.at(-1)!.form)).toMatchObject({ To: "whatsapp:+33612345678", From: "whatsapp:+33700000000" });
  });

  it.each([
    [400, { code: 21211, message: "The 'To' number is not a valid phone number." }, SendRefusedError, "The SMS provider refused the message (400 21211)"],
    [401, { code: 20003, message: "Authenticate" }, SendRefusedError, "The SMS provider refused the message (401 20003)"],
    [429, { code: 20429, message: "Too Many Requests" }, SendUnavailableError, "The SMS provider answered 429 20429: try again later"],
    [503, "<html>down</html>", SendUnavailableError, "The SMS provider answered 503: try again later"],
  ])("answers %i as %s, with a reason that carries no number", async (status, body, kind, reason) => {
    answer = { status, body: typeof body === "string" ? body : JSON.stringify(body) };
    const error = await smsChannel(settings())
      .send(message)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(kind);
    expect((error as SendRefusedError).reason).toBe(reason);
  });

  it("gives up on a provider that does not answer, as worth another try", async () => {
    answer = "hang";
    const error = await smsChannel(settings())
      .send(message)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendUnavailableError);
    expect((error as SendUnavailableError).reason).toBe("The SMS provider timed out");
  });

  it("treats a provider that is down as worth another try", async () => {
    const error = await smsChannel({ ...settings(), baseUrl: "http://127.0.0.1:1" })
      .send(message)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendUnavailableError);
  });
});

describe("an SMS reminder through the worker", () => {
  it("goes to the patient's mobile number 2 hours before, and records the provider's id", async () => {
    const world = await createNotificationWorld("notifications_sms");
    try {
      answer = { status: 201, body: JSON.stringify({ sid: "SM0003" }) };
      const channels = { sms: smsChannel(settings()) };
      const appointment = await world.book("2027-02-02T14:00:00.000Z", { phone: "+33 6 12 34 56 78" });
      await world.runJobs({ channels });
      const reminder = (await world.messagesOf(appointment.id)).find((m) => m.channel === "sms")!;
      expect(reminder.sendAt.toISOString()).toBe("2027-02-02T12:00:00.000Z");
      const before = received.length;
      await world.travel(reminder.sendAt.getTime() - world.clock.now().getTime());
      await world.runJobs({ channels });
      expect(received.slice(before).map((r) => r.form.get("To"))).toEqual(["+33612345678"]);
      const body = received.at(-1)!.form.get("Body")!;
      expect(body).toContain("reminder, Consultation");
      expect(received.at(-1)!.form.get("StatusCallback")).toBe(`http://localhost:3000/hooks/messages/status/${world.clinic.clinicId}/${reminder.id}`);
      expect((await world.messagesOf(appointment.id)).find((m) => m.id === reminder.id)).toMatchObject({ status: "sent", providerMessageId: "SM0003" });
      // The e-mail reminder had no e-mail channel in this worker: recorded, not silently dropped.
      expect((await world.messagesOf(appointment.id)).find((m) => m.kind === "confirmation")).toMatchObject({ status: "skipped", failureReason: "E-mail is not set up on this server" });

      // The operator switches text messages off for the clinic (pnpm flags): the next one is skipped, with the reason.
      const operator = createDb(world.urls.adminUrl, { max: 1 });
      try {
        expect(await setOperatorFlag(operator.db, world.clinic.slug, "sms", false, world.clock.now())).toMatchObject({ value: false, source: "operator" });
      } finally {
        await operator.close();
      }
      const later = await world.book("2027-02-03T14:00:00.000Z", { phone: "+33 6 12 34 56 78" });
      await world.runJobs({ channels });
      const second = (await world.messagesOf(later.id)).find((m) => m.channel === "sms")!;
      const sent = received.length;
      await world.travel(second.sendAt.getTime() - world.clock.now().getTime());
      await world.runJobs({ channels });
      expect(received.length).toBe(sent);
      expect((await world.messagesOf(later.id)).find((m) => m.id === second.id)).toMatchObject({ status: "skipped", failureReason: "Text messages are switched off for this clinic" });
    } finally {
      await world.close();
    }
  });
});
