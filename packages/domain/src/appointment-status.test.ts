import { describe, expect, it } from "vitest";
import { APPOINTMENT_STATUSES, BLOCKING_STATUSES, canTransition, isOpen, mayChangeStatus, nextStatuses, settableStatuses, STATUS_NAMES } from "./appointment-status";
import { assignableRoles, CALLER_ROLES, mayAssignRole, STAFF_ROLES } from "./roles";
import { can, PERMISSIONS } from "./permissions";

describe("the appointment status machine", () => {
  it("goes booked -> confirmed -> arrived -> completed, with cancelled and no-show as ends", () => {
    expect(canTransition("booked", "confirmed")).toBe(true);
    expect(canTransition("confirmed", "arrived")).toBe(true);
    expect(canTransition("arrived", "completed")).toBe(true);
    expect(canTransition("booked", "cancelled")).toBe(true);
    expect(canTransition("confirmed", "no_show")).toBe(true);
    expect(canTransition("arrived", "cancelled")).toBe(false);
    expect(canTransition("confirmed", "booked")).toBe(false);
    for (const end of ["completed", "cancelled", "no_show"] as const) expect(nextStatuses(end)).toEqual([]);
  });

  it("offers the calendar's buttons without cancelling, which has its own procedure", () => {
    expect(settableStatuses("booked")).toEqual(["confirmed", "arrived", "no_show"]);
    expect(settableStatuses("confirmed")).toEqual(["arrived", "no_show"]);
    expect(settableStatuses("arrived")).toEqual(["completed"]);
    expect(settableStatuses("cancelled")).toEqual([]);
  });

  it("lets a practitioner mark arrivals but not cancel, as the permission table says", () => {
    expect(mayChangeStatus("practitioner", "booked", "arrived")).toBe(true);
    expect(mayChangeStatus("practitioner", "booked", "cancelled")).toBe(false);
    expect(mayChangeStatus("receptionist", "booked", "cancelled")).toBe(true);
    expect(mayChangeStatus("receptionist", "completed", "cancelled")).toBe(false);
    expect(mayChangeStatus("patient", "booked", "arrived")).toBe(false);
  });

  it("keeps only booked and confirmed appointments movable, and names every status", () => {
    expect(APPOINTMENT_STATUSES.filter(isOpen)).toEqual(["booked", "confirmed"]);
    expect(BLOCKING_STATUSES).not.toContain("cancelled");
    expect(BLOCKING_STATUSES).not.toContain("no_show");
    expect(Object.keys(STATUS_NAMES)).toEqual([...APPOINTMENT_STATUSES]);
    expect(STATUS_NAMES.no_show).toBe("No-show");
  });
});

describe("roles and permissions", () => {
  it("answers from the table: front desk books, practitioners do not, admins open the settings", () => {
    expect(can("receptionist", "appointments.create")).toBe(true);
    expect(can("practitioner", "appointments.create")).toBe(false);
    expect(can("practitioner", "appointments.setStatus")).toBe(true);
    expect(can("admin", "clinic.settings.update")).toBe(true);
    expect(can("receptionist", "clinic.settings.update")).toBe(false);
    expect(can("practitioner", "patients.archive")).toBe(false);
    expect(can("anonymous", "public.book")).toBe(true);
    expect(can("anonymous", "auth.changePassword")).toBe(false);
    expect(can("patient", "auth.changePassword")).toBe(true);
    expect(can("patient", "calendar.range")).toBe(false);
  });

  it("names only known roles in the table", () => {
    for (const access of Object.values(PERMISSIONS)) {
      if (typeof access !== "string") for (const role of access) expect(STAFF_ROLES).toContain(role);
    }
    expect(CALLER_ROLES).toEqual([...STAFF_ROLES, "patient", "anonymous"]);
  });

  it("lets only an owner make or unmake an owner", () => {
    expect(assignableRoles("owner")).toEqual(["owner", "admin", "receptionist", "practitioner"]);
    expect(assignableRoles("admin")).toEqual(["admin", "receptionist", "practitioner"]);
    expect(mayAssignRole("admin", "owner", "admin")).toBe(false);
    expect(mayAssignRole("admin", "receptionist", "admin")).toBe(true);
    expect(mayAssignRole("owner", "owner", null)).toBe(true);
  });
});
