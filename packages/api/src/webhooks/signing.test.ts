// Our signatures checked with the Standard Webhooks reference implementation (the `standardwebhooks` package).
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhook } from "./signing";

const body = JSON.stringify({ type: "appointment.booked", timestamp: "2026-12-01T10:00:00.000Z", data: { appointmentId: "a1" } });

function headersOf(signed: Awaited<ReturnType<typeof signWebhook>>): Record<string, string> {
  return { ...signed };
}

describe("signWebhook", () => {
  it("makes whsec_ secrets of 32 random bytes, a new one each time", () => {
    const [one, two] = [newWebhookSecret(), newWebhookSecret()];
    expect(one).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(one).not.toBe(two);
  });

  it("produces headers the reference implementation verifies", async () => {
    const secret = newWebhookSecret();
    const signed = await signWebhook({ id: "msg_1", timestamp: new Date(), body, secrets: [secret] });
    expect(new Webhook(secret).verify(body, headersOf(signed))).toEqual(JSON.parse(body));
  });

  it("signs with every secret given, so either one verifies during a rotation", async () => {
    const [oldSecret, newSecret] = [newWebhookSecret(), newWebhookSecret()];
    const signed = await signWebhook({ id: "msg_2", timestamp: new Date(), body, secrets: [newSecret, oldSecret] });
    expect(signed["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(oldSecret).verify(body, headersOf(signed))).toBeTruthy();
    expect(new Webhook(newSecret).verify(body, headersOf(signed))).toBeTruthy();
  });

  it("is refused by the reference implementation with another secret, a changed body or an old timestamp", async () => {
    const secret = newWebhookSecret();
    const signed = await signWebhook({ id: "msg_3", timestamp: new Date(), body, secrets: [secret] });
    expect(() => new Webhook(newWebhookSecret()).verify(body, headersOf(signed))).toThrow();
    expect(() => new Webhook(secret).verify(body.replace("a1", "a2"), headersOf(signed))).toThrow();
    const stale = await signWebhook({ id: "msg_3", timestamp: new Date(Date.now() - 10 * 60_000), body, secrets: [secret] });
    expect(() => new Webhook(secret).verify(body, headersOf(stale))).toThrow();
  });
});
