// A real SMTP server for tests (smtp-server, nodemailer's own), whose received mail is parsed
// with mailparser. `mode` makes it refuse (5xx) or hang (never answers the message: a worker
// that dies mid-send); `stop()` then `start()` again on the same port plays a server that is down.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type PeerMode = "accept" | "refuse" | "hang";

export interface SmtpPeer {
  url: string;
  port: number;
  received: ParsedMail[];
  mode: PeerMode;
  /** Resolves when `count` messages have arrived (polling with a limit, no sleeps in tests). */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** The last message received for `address`, waiting (with a limit) for one to arrive. */
  lastTo(address: string, timeoutMs?: number): Promise<ParsedMail>;
  /** Resolves when a message's data started arriving (hang mode). */
  dataStarted: Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A message whose (first) recipient is `address`. */
export const addressedTo = (address: string) => (mail: ParsedMail) => !!mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address === address;

export async function startSmtpPeer(options: { port?: number; mode?: PeerMode } = {}): Promise<SmtpPeer> {
  let server: SMTPServer | undefined;
  let markDataStarted: () => void = () => undefined;
  const peer: SmtpPeer = {
    url: "",
    port: options.port ?? 0,
    received: [],
    mode: options.mode ?? "accept",
    dataStarted: new Promise<void>((resolve) => (markDataStarted = resolve)),
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (peer.received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} messages at the SMTP server, got ${peer.received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return peer.received;
    },
    async lastTo(address, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = peer.received.filter(addressedTo(address)).at(-1);
        if (found) return found;
        if (Date.now() > until) throw new Error(`no mail for ${address} at the SMTP server`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onData(stream, _session, callback) {
          if (peer.mode === "hang") {
            markDataStarted();
            stream.resume();
            return; // never answers
          }
          simpleParser(stream)
            .then((mail) => {
              if (peer.mode === "refuse") {
                const error = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
                callback(error);
                return;
              }
              peer.received.push(mail);
              callback();
            })
            .catch((error: Error) => callback(error));
        },
      });
      await new Promise<void>((resolve, reject) => {
        server!.once("error", reject);
        server!.listen(peer.port, "127.0.0.1", () => resolve());
      });
      peer.port = (server.server.address() as AddressInfo).port;
      peer.url = `smtp://127.0.0.1:${peer.port}`;
    },
  };
  await peer.start();
  return peer;
}
