// What a Node process needs to run the job worker (`@frontdesk/api/worker`): kept apart from the
// package's main entry so that the edge bundle, which only enqueues, never pulls in graphile-worker
// or nodemailer.
export { runDueJobs, startWorker, type RunningWorker, type WorkerOptions } from "./jobs/worker";
export type { WorkerDeps, SendPolicy, TaskDefinition } from "./jobs/task";
export { TASKS } from "./jobs/tasks";
export { createSmtpMailer, type SmtpSettings } from "./notifications/smtp";
export { smsChannel, type SmsProviderSettings } from "./notifications/sms";
export { emailChannel } from "./notifications/email";
export type { Channel, Channels, OutgoingMessage } from "./notifications/channels";
