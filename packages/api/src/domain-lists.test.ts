// The browser-safe lists in @frontdesk/domain must say what the database's enums say.
import { membershipRole, scheduleExceptionKind } from "@frontdesk/db/schema";
import { MEMBERSHIP_ROLES, SCHEDULE_EXCEPTION_KINDS } from "@frontdesk/domain";
import { describe, expect, it } from "vitest";

describe("the domain's input lists", () => {
  it("name the same roles and exception kinds as the database's enums", () => {
    expect([...MEMBERSHIP_ROLES]).toEqual(membershipRole.enumValues);
    expect([...SCHEDULE_EXCEPTION_KINDS]).toEqual(scheduleExceptionKind.enumValues);
  });
});
