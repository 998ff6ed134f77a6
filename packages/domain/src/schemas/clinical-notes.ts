// Clinical notes (notes.*, ADR 0026): a free-text body plus the sections of the service's template.
import { z } from "zod";
import { count, id, text } from "./fields";

export const NOTE_SECTIONS_MAX = 12;

export const noteSectionHeading = text(60, "Keep a heading under 60 characters", "Enter a heading");

/** Headings a service's notes start with, e.g. Subjective, Objective, Assessment, Plan. */
export const noteSections = z.array(noteSectionHeading).max(NOTE_SECTIONS_MAX, `At most ${NOTE_SECTIONS_MAX} sections`);

export const noteContent = z.object({
  body: text(5000, "Keep the note under 5000 characters (add sections for more)").default(""),
  sections: z
    .array(z.object({ heading: noteSectionHeading, text: text(5000, "Keep a section under 5000 characters").default("") }))
    .max(NOTE_SECTIONS_MAX, `At most ${NOTE_SECTIONS_MAX} sections`)
    .default([]),
});
export type NoteContent = z.infer<typeof noteContent>;

/** The patient's notes, or only those of one appointment. */
export const listNotesInput = z.object({ patientId: id, appointmentId: id.optional() });

/**
 * Autosave: without `noteId` it starts a draft (on an appointment, on the patient, or amending a
 * signed note); with it, it replaces the draft's content if `expectedVersion` is still current.
 */
export const saveNoteDraftInput = z.object({
  noteId: id.optional(),
  patientId: id,
  appointmentId: id.optional(),
  amendsNoteId: id.optional(),
  content: noteContent,
  expectedVersion: count(1_000_000_000).optional(),
});

export const noteVersionInput = z.object({ noteId: id, expectedVersion: count(1_000_000_000) });

export const setNotesOpenToAdminsInput = z.object({ open: z.boolean("Choose yes or no") });
