// Shapes of the settings API, taken from the router's types (never copied by hand).
import type { RouterInputs, RouterOutputs } from "@frontdesk/api";

export type ClinicSettings = RouterOutputs["clinic"]["settings"]["get"];
export type ClinicSettingsPatch = RouterInputs["clinic"]["settings"]["update"];
export type SettingsPractitioner = RouterOutputs["practitioners"]["list"][number];
export type SettingsService = RouterOutputs["services"]["list"][number];
export type WeekAnswer = RouterOutputs["schedule"]["getWeek"];
export type WeeklyInterval = WeekAnswer["intervals"][number];
export type ScheduleException = RouterOutputs["schedule"]["exceptions"]["list"][number];
export type StaffList = RouterOutputs["clinic"]["staff"]["list"];
export type StaffMember = StaffList["members"][number];
export type StaffInvitation = StaffList["invitations"][number];
export type AuditPage = RouterOutputs["clinic"]["audit"]["list"];
export type AuditEntry = AuditPage["items"][number];
export type AuditFilters = RouterInputs["clinic"]["audit"]["list"];
export type WebhookEndpoint = RouterOutputs["clinic"]["webhooks"]["list"][number];
export type WebhookDelivery = RouterOutputs["clinic"]["webhooks"]["deliveries"][number];
export type MessageTemplateEntry = RouterOutputs["clinic"]["templates"]["list"][number];
