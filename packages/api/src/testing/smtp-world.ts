// A notification world (notifications.ts) whose worker sends e-mail over SMTP to a real SMTP
// server inside the test (smtp-peer.ts): the set-up the mail tests of the notifications and of
// the job outbox share.
import { emailChannel } from "../notifications/email";
import { createSmtpMailer } from "../notifications/smtp";
import { createNotificationWorld } from "./notifications";
import { startSmtpPeer } from "./smtp-peer";

export async function startSmtpWorld(name: string) {
  const world = await createNotificationWorld(name);
  const peer = await startSmtpPeer();
  const smtp = createSmtpMailer({ url: peer.url, from: "Clinic <clinic@example.test>", timeoutMs: 2_000 });
  /** The channels a worker sends with: e-mail to the peer. */
  const channels = () => ({ email: emailChannel(smtp) });
  return {
    world,
    peer,
    channels,
    /** Runs the due jobs once, as the worker would, sending through the peer. */
    runJobs: () => world.runJobs({ channels: channels() }),
    close: async () => {
      smtp.close();
      await peer.stop();
      await world.close();
    },
  };
}

export type SmtpWorld = Awaited<ReturnType<typeof startSmtpWorld>>;
