// SMS and WhatsApp through an HTTP provider with Twilio's REST shape (POST a form to
// {base}/2010-04-01/Accounts/{sid}/Messages.json with Basic auth), the shape most providers and
// their test doubles speak. The base URL is a setting, so a compatible provider or a local test
// server can stand in. fetch only: it runs on any runtime.
import type { Channel } from "./channels";
import { SendRefusedError, SendUnavailableError } from "./channels";

export interface SmsProviderSettings {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** The sender: an E.164 number or a sender id. */
  from: string;
  timeoutMs?: number;
}

interface ProviderAnswer {
  sid?: unknown;
  code?: unknown;
}

/** `whatsapp` sends through the same provider with the `whatsapp:` address prefix, as Twilio does. */
export function smsChannel(settings: SmsProviderSettings, kind: "sms" | "whatsapp" = "sms"): Channel {
  const endpoint = `${settings.baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const authorization = `Basic ${btoa(`${settings.accountSid}:${settings.authToken}`)}`;
  const address = (number: string) => (kind === "whatsapp" ? `whatsapp:${number}` : number);
  const name = kind === "whatsapp" ? "WhatsApp" : "SMS";
  return {
    async send(message) {
      const form = new URLSearchParams({ To: address(message.to), From: address(settings.from), Body: message.text });
      if (message.statusCallbackUrl) form.set("StatusCallback", message.statusCallbackUrl);
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: "POST",
          headers: { authorization, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
          body: form,
          signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
        });
      } catch (error) {
        const why = error instanceof Error && error.name === "TimeoutError" ? "timed out" : "could not be reached";
        throw new SendUnavailableError(`The ${name} provider ${why}`);
      }
      const answer = (await response.json().catch(() => ({}))) as ProviderAnswer;
      if (response.ok && typeof answer.sid === "string") return { providerMessageId: answer.sid };
      const code = typeof answer.code === "number" || typeof answer.code === "string" ? ` ${String(answer.code)}` : "";
      // 429 and 5xx pass; other 4xx (an invalid or unreachable number, a blocked sender) stay.
      if (response.status === 429 || response.status >= 500 || response.ok) {
        throw new SendUnavailableError(`The ${name} provider answered ${response.status}${code}: try again later`);
      }
      throw new SendRefusedError(`The ${name} provider refused the message (${response.status}${code})`);
    },
  };
}
