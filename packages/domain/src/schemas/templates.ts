// Staff rewording the clinic's messages (clinic.templates.*).
import { z } from "zod";
import { TEMPLATE_CHANNELS, TEMPLATE_KINDS, templateProblems } from "../templates";
import { text } from "./fields";

const templateKey = {
  kind: z.enum(TEMPLATE_KINDS, { error: "Unknown message kind" }),
  channel: z.enum(TEMPLATE_CHANNELS, { error: "Unknown channel" }),
};

export const templateKeyInput = z.object(templateKey);

/** A template as saved or previewed: unknown variables are a field error on the field that has them. */
export const templateTextInput = z
  .object({
    ...templateKey,
    subject: text(200, "The subject is too long (200 characters at most)"),
    text: text(5000, "The text is too long (5000 characters at most)", "Write the message text"),
  })
  .superRefine((value, issue) => {
    if (value.channel === "email" && value.subject === "") issue.addIssue({ code: "custom", path: ["subject"], message: "Write a subject" });
    if (value.channel === "sms" && value.subject !== "") issue.addIssue({ code: "custom", path: ["subject"], message: "Text messages have no subject" });
    for (const field of ["subject", "text"] as const) {
      for (const message of templateProblems(value.kind, value[field])) issue.addIssue({ code: "custom", path: [field], message });
    }
  });
