// Task message.send: hands one message to its channel, exactly once per message as far as we can tell.
import { z } from "zod";
import { defineTask } from "../jobs/task";

export const SEND_MESSAGE_TASK = "message.send";

export const sendMessageTask = defineTask({
  name: SEND_MESSAGE_TASK,
  payload: z.object({ clinicId: z.uuid(), messageId: z.uuid() }),
  async run() {
    // Filled in below the skeleton commit.
  },
});
