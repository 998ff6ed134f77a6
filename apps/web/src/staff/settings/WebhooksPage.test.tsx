import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";
import { calendarDay } from "../../test/staff-fixtures";
import { procedure, TrpcErrorAnswer } from "../../test/trpc";
import { settingsWorld } from "./test-fixtures";
import { callsOf } from "./test-trpc";
import type { WebhookDelivery, WebhookEndpoint } from "./types";

const endpoint: WebhookEndpoint = {
  id: "0e3b8f4e-6a0f-4a55-9d3a-3f6f7c1f2a01",
  url: "https://crm.example.com/hooks",
  description: "CRM",
  events: ["appointment.booked"],
  scopes: [],
  enabled: true,
  createdAt: "2026-03-01T09:00:00.000Z",
  previousSecretValidUntil: null,
};

const failedDelivery: WebhookDelivery = {
  id: "5d0c0d51-44a5-4b8b-8a57-0a2f8f0b6c11",
  endpointId: endpoint.id,
  eventId: "msg_1",
  eventType: "appointment.booked",
  status: "failed",
  attempts: 8,
  responseStatus: 500,
  lastError: "The receiver answered HTTP 500",
  nextAttemptAt: null,
  deliveredAt: null,
  createdAt: "2026-03-02T07:30:00.000Z",
};

function world(endpoints: WebhookEndpoint[], deliveries: WebhookDelivery[] = []) {
  return [
    ...settingsWorld("owner"),
    procedure("calendar.range", () => calendarDay()),
    procedure("clinic.webhooks.list", () => endpoints),
    procedure("clinic.webhooks.deliveries", () => deliveries),
  ];
}

describe("the webhooks settings", () => {
  it("add an endpoint and show its secret once, with the events and scope chosen", async () => {
    const created = callsOf("clinic.webhooks.create", (input) => ({ endpoint: { ...endpoint, url: input.url }, secret: "whsec_c2VjcmV0LXNob3duLW9uY2U=" }));
    server.use(...world([]), created.handler);
    const { screen, user } = renderApp("/app/settings/webhooks");
    await user.type(await screen.findByLabelText(/^Address/), "https://hooks.example.org/in");
    await user.click(screen.getByRole("checkbox", { name: "Patient record created" }));
    await user.click(screen.getByRole("checkbox", { name: "Include the patient's name, e-mail and phone" }));
    await user.click(screen.getByRole("button", { name: "Add endpoint" }));
    expect(await screen.findByTestId("webhook-secret")).toHaveTextContent("whsec_c2VjcmV0LXNob3duLW9uY2U=");
    expect(screen.getByText(/it is not shown again/)).toBeInTheDocument();
    expect(created.calls).toEqual([
      {
        url: "https://hooks.example.org/in",
        description: "",
        events: ["appointment.booked", "appointment.rescheduled", "appointment.cancelled", "patient.created"],
        scopes: ["patient.contact"],
      },
    ]);
    await user.click(screen.getByRole("button", { name: "I have copied it" }));
    expect(screen.queryByTestId("webhook-secret")).not.toBeInTheDocument();
  });

  it("show the server's refusal of a private address at the address field", async () => {
    server.use(
      ...world([]),
      procedure("clinic.webhooks.create", () => new TrpcErrorAnswer("BAD_REQUEST", "This address is inside the server's own network: use a public address", { reason: "WEBHOOK_TARGET_REFUSED" })),
    );
    const { screen, user } = renderApp("/app/settings/webhooks");
    await user.type(await screen.findByLabelText(/^Address/), "http://10.0.0.5/in");
    await user.click(screen.getByRole("button", { name: "Add endpoint" }));
    expect(await screen.findByText("This address is inside the server's own network: use a public address")).toBeInTheDocument();
    expect(screen.getByLabelText(/^Address/)).toHaveAttribute("aria-invalid", "true");
  });

  it("rotate a secret after confirming, showing the new one; send a test; retry a failed delivery", async () => {
    const rotated = callsOf("clinic.webhooks.rotateSecret", () => ({ endpoint: { ...endpoint, previousSecretValidUntil: "2026-03-03T08:00:00.000Z" }, secret: "whsec_bmV3LXNlY3JldA==" }));
    const tests = callsOf("clinic.webhooks.sendTest", () => ({ ...failedDelivery, id: "9d0c0d51-44a5-4b8b-8a57-0a2f8f0b6c12", eventType: "webhook.test", status: "pending", attempts: 0, lastError: null, responseStatus: null }));
    const retries = callsOf("clinic.webhooks.retryDelivery", () => ({ ...failedDelivery, status: "pending", attempts: 0 }));
    server.use(...world([endpoint], [failedDelivery]), rotated.handler, tests.handler, retries.handler);
    const { screen, user } = renderApp("/app/settings/webhooks");
    expect(await screen.findByText("Failed: The receiver answered HTTP 500 (HTTP 500)")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: `Rotate the secret of ${endpoint.url}` }));
    await user.click(await screen.findByRole("button", { name: "Rotate secret" }));
    expect(await screen.findByTestId("webhook-secret")).toHaveTextContent("whsec_bmV3LXNlY3JldA==");
    expect(rotated.calls).toEqual([{ endpointId: endpoint.id, overlapHours: 24 }]);
    await user.click(screen.getByRole("button", { name: `Send a test event to ${endpoint.url}` }));
    expect(await screen.findByText(/Test event queued/)).toBeInTheDocument();
    expect(tests.calls).toEqual([{ endpointId: endpoint.id }]);
    await user.click(screen.getByRole("button", { name: /^Retry Appointment booked/ }));
    await screen.findByText("Failed: The receiver answered HTTP 500 (HTTP 500)");
    expect(retries.calls).toEqual([{ deliveryId: failedDelivery.id }]);
  });

  it("are not offered to a receptionist", async () => {
    server.use(...settingsWorld("receptionist"), procedure("calendar.range", () => calendarDay()));
    const { screen } = renderApp("/app/settings/webhooks");
    expect(await screen.findByRole("heading", { name: "Clinic settings are for owners and admins" })).toBeInTheDocument();
  });
});
