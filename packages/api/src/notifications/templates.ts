// The clinic's own wording for a kind of message on a channel, if it has one: the per-clinic
// templates (ADR 0024, templates/clinic-templates.ts) plugged into this seam.
export { templateFor as clinicTemplate } from "../templates/clinic-templates";
