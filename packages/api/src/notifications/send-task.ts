// The send job's name and keys, shared by the planner and the sender.

export const SEND_MESSAGE_TASK = "message.send";

/** The pending send of a message: re-planning or a retry replaces it, a withdrawal removes it. */
export const sendJobKey = (messageId: string) => `send:${messageId}`;

/** The watchdog of a send in progress: runs when the worker's lease ends, in case the worker died. */
export const watchJobKey = (messageId: string) => `watch:${messageId}`;
