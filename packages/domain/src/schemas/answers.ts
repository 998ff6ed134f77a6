// What procedures answer: the `.output()` of every procedure the REST API exposes (ADR 0027).
// tRPC checks each answer against its schema, so the OpenAPI document generated from them cannot
// drift from what the server sends. Objects strip keys they do not name: a field added to an
// answer must be added here too, or clients never see it.
import { z } from "zod";
import { APPOINTMENT_STATUSES } from "../appointment-status";
import { REASONS, type Reason } from "../failure";
import { SCHEDULE_EXCEPTION_KINDS } from "./schedule";

const uuid = z.uuid();
const instant = z.iso.datetime({ offset: true });
const localDate = z.iso.date();
const wallTime = z.string().regex(/^\d{2}:\d{2}$/);

export const appointmentStatus = z.enum(APPOINTMENT_STATUSES);
export const appointmentSource = z.enum(["online", "staff"]);

/** One appointment as the calendar and the API show it (no patient data). */
export const appointmentView = z
  .object({
    id: uuid,
    start: instant,
    end: instant,
    status: appointmentStatus,
    source: appointmentSource,
    serviceId: uuid,
    serviceName: z.string(),
    practitionerId: uuid,
    practitionerName: z.string(),
    /** Send it back with a change: a stale one is refused with STALE_VERSION. */
    version: z.int(),
    /** appointments.get: the recurring series it belongs to (ADR 0033), if any; moves and cancels may then take a scope. */
    seriesId: uuid.nullable().optional(),
  })
  .meta({ id: "Appointment" });

const patientContact = z.object({
  id: uuid,
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  dateOfBirth: localDate.nullable(),
});

/** appointments.get: the appointment, its notes and the patient's contact details (the read is audited). */
export const appointmentDetailView = appointmentView
  .extend({ notes: z.string().nullable(), cancelReason: z.string().nullable(), patient: patientContact })
  .meta({ id: "AppointmentDetail" });

/** A published brand image (ADR 0049): its address carries its content hash, so it is cached for good. */
export const brandImageView = z
  .object({ id: uuid, url: z.string(), width: z.int(), height: z.int(), contentType: z.enum(["image/png", "image/jpeg", "image/webp"]) })
  .meta({ id: "BrandImage" });

/** What the booking page shows of the clinic's brand; descriptions, bios and photos keyed by service and practitioner id. */
export const clinicBrandView = z
  .object({
    logo: brandImageView.nullable(),
    /** #rrggbb, readable with the page's light colours; null: the default accent. */
    accentColour: z.string().nullable(),
    description: z.string().nullable(),
    /** An OpenStreetMap search for the address; null without one. */
    mapUrl: z.string().nullable(),
    services: z.record(z.string(), z.object({ description: z.string().nullable() })),
    practitioners: z.record(z.string(), z.object({ bio: z.string().nullable(), photo: brandImageView.nullable() })),
  })
  .meta({ id: "ClinicBrand" });

/** clinic.brand.get: the brand as settings edit it, with every active practitioner and service. */
export const brandSettingsView = z
  .object({
    logo: brandImageView.nullable(),
    accentColour: z.string().nullable(),
    description: z.string().nullable(),
    address: z.string().nullable(),
    mapUrl: z.string().nullable(),
    practitioners: z.array(z.object({ id: uuid, displayName: z.string(), bio: z.string().nullable(), photo: brandImageView.nullable() })),
    services: z.array(z.object({ id: uuid, name: z.string(), description: z.string().nullable() })),
  })
  .meta({ id: "BrandSettings" });

/** clinic.brand.uploadImage: the stored, not yet published image. */
export const uploadedImageView = brandImageView.meta({ id: "UploadedImage" });

/** public.clinic: what a booking page shows. */
export const clinicPageView = z
  .object({
    id: uuid,
    slug: z.string(),
    name: z.string(),
    timezone: z.string(),
    locale: z.string(),
    currency: z.string(),
    address: z.string().nullable(),
    /** As the clinic typed it; patients are told to call it when online changes are closed. */
    phone: z.string().nullable(),
    policy: z.object({ minNoticeMinutes: z.int(), horizonDays: z.int(), slotStepMinutes: z.int(), cancellationNoticeMinutes: z.int() }),
    services: z.array(z.object({ id: uuid, name: z.string(), durationMinutes: z.int(), priceCents: z.int().nullable() })),
    practitioners: z.array(z.object({ id: uuid, displayName: z.string(), colour: z.string(), serviceIds: z.array(uuid) })),
    /** What the page offers (feature flags, ADR 0039): booking closed says so instead of showing times. */
    features: z.object({ onlineBooking: z.boolean(), waitlist: z.boolean() }),
    /** The sites that may frame this page (they are in its CSP too): the framed page tells only them its height. */
    embedOrigins: z.array(z.string()),
    brand: clinicBrandView,
  })
  .meta({ id: "ClinicPage" });

/** public.slots: free start times per local day, in the clinic's zone. */
export const slotsView = z
  .object({
    timezone: z.string(),
    durationMinutes: z.int(),
    days: z.array(z.object({ date: localDate, starts: z.array(instant) })),
  })
  .meta({ id: "Slots" });

/** public.book: the booked appointment and the patient's manage link (a bearer capability: keep it private). */
export const bookingView = z
  .object({
    appointment: appointmentView.extend({ clinicName: z.string(), timezone: z.string() }),
    manageToken: z.string(),
    manageUrl: z.string(),
  })
  .meta({ id: "Booking" });

/** calendar.range: practitioners with their hours and time off, and the appointments in the window. */
export const calendarRangeView = z
  .object({
    timezone: z.string(),
    locale: z.string(),
    practitioners: z.array(
      z.object({
        id: uuid,
        displayName: z.string(),
        colour: z.string(),
        active: z.boolean(),
        workingHours: z.array(z.object({ weekday: z.int(), start: wallTime, end: wallTime })),
        exceptions: z.array(z.object({ id: uuid, kind: z.enum(SCHEDULE_EXCEPTION_KINDS), start: instant, end: instant, reason: z.string().nullable() })),
      }),
    ),
    appointments: z.array(
      z.object({
        id: uuid,
        practitionerId: uuid,
        serviceId: uuid,
        serviceName: z.string(),
        patientId: uuid,
        patientName: z.string(),
        start: instant,
        end: instant,
        status: appointmentStatus,
        source: appointmentSource,
        version: z.int(),
        seriesId: uuid.nullable().optional(),
      }),
    ),
  })
  .meta({ id: "CalendarRange" });

/** A patient record as staff edit it. */
export const patientView = patientContact
  .extend({
    notes: z.string().nullable(),
    archivedAt: instant.nullable(),
    /** Merged into this record by an admin (patients.merge); `patients.unmerge` splits it back. */
    mergedIntoId: uuid.nullable(),
    createdAt: instant,
    /** Send it back as `expectedUpdatedAt` to be told when someone changed the record meanwhile. */
    updatedAt: instant,
  })
  .meta({ id: "Patient" });

export const patientSearchView = z
  .object({ items: z.array(patientContact), total: z.int(), page: z.int(), pageSize: z.int() })
  .meta({ id: "PatientSearchPage" });

/** patients.get: the record, every appointment (newest first) and the no-show count (the read is audited). */
export const patientDetailView = z
  .object({
    patient: patientView,
    appointments: z.array(
      z.object({
        id: uuid,
        startsAt: instant,
        endsAt: instant,
        status: appointmentStatus,
        source: appointmentSource,
        notes: z.string().nullable(),
        cancelReason: z.string().nullable(),
        serviceId: uuid,
        serviceName: z.string(),
        practitionerId: uuid,
        practitionerName: z.string(),
      }),
    ),
    noShowCount: z.int(),
  })
  .meta({ id: "PatientDetail" });

export const practitionerView = z
  .object({ id: uuid, displayName: z.string(), colour: z.string(), active: z.boolean(), userId: uuid.nullable(), serviceIds: z.array(uuid) })
  .meta({ id: "Practitioner" });

export const serviceView = z
  .object({
    id: uuid,
    name: z.string(),
    durationMinutes: z.int(),
    bufferBeforeMinutes: z.int(),
    bufferAfterMinutes: z.int(),
    priceCents: z.int().nullable(),
    bookableOnline: z.boolean(),
    active: z.boolean(),
    /** The sections a clinical note for this service starts with (e.g. SOAP); empty for free text. */
    noteSections: z.array(z.string()),
    practitionerIds: z.array(uuid),
  })
  .meta({ id: "Service" });

/** schedule.getWeek: the weekly pattern, local wall-clock times in the clinic's zone. */
export const weekView = z
  .object({ practitionerId: uuid, intervals: z.array(z.object({ weekday: z.int(), start: wallTime, end: wallTime })) })
  .meta({ id: "Week" });

const onlineRule = z.enum(["LEAD_TIME", "BOOKING_WINDOW", "NOT_ONLINE"]);

/** appointments.freeTimes: the next free times, earliest first; `breaks` names the online rules a time breaks (staff may still book it). */
export const freeTimesView = z
  .object({
    timezone: z.string(),
    /** The local dates searched, first and last. */
    searched: z.object({ from: localDate, to: localDate }),
    slots: z.array(z.object({ start: instant, end: instant, practitionerIds: z.array(uuid), breaks: z.array(onlineRule) })),
  })
  .meta({ id: "FreeTimes" });

const seriesOccurrence = z.object({
  index: z.int(),
  start: instant,
  end: instant,
  practitionerId: uuid,
  /** free: the engine offers it; taken: another appointment holds the time; unavailable: outside hours or time off. */
  status: z.enum(["free", "taken", "unavailable"]),
  /** For a clash: free times on the same local day, nearest first (this practitioner first). */
  alternatives: z.array(z.object({ start: instant, end: instant, practitionerId: uuid })),
});

/** appointments.series.preview: every occurrence, checked, before anything is written. */
export const seriesPreviewView = z
  .object({ timezone: z.string(), localTime: wallTime, occurrences: z.array(seriesOccurrence) })
  .meta({ id: "SeriesPreview" });

/** appointments.series.book: the series and what was booked; `skipped` lists the indexes left out ("free" mode). */
export const seriesBookView = z
  .object({ seriesId: uuid, appointments: z.array(appointmentView), skipped: z.array(z.int()) })
  .meta({ id: "SeriesBooking" });

/** appointments.series.move / cancel: the appointments changed. */
export const seriesChangeView = z.object({ appointments: z.array(appointmentView) }).meta({ id: "SeriesChange" });

/** Every REST error answer (ADR 0027): branch on `reason`, show `message`, and `fieldErrors` under each field. */
export const apiErrorView = z
  .object({
    error: z.object({
      /** The HTTP-level kind, as tRPC names it (BAD_REQUEST, NOT_FOUND, CONFLICT, ...). */
      code: z.string(),
      reason: z.enum(Object.keys(REASONS) as [Reason, ...Reason[]]),
      message: z.string(),
      /** Messages per field, keyed by the field's path joined with dots; "" is the input as a whole. */
      fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
      /** Reason-specific extras, e.g. `nextSlots` with SLOT_TAKEN. */
      details: z.record(z.string(), z.unknown()).optional(),
      /** Quote it when asking for help: it finds the request's log line. */
      requestId: z.string(),
    }),
  });

/** patients.duplicates: records that may be the same person, and why each was matched. */
export const patientDuplicatesView = z
  .object({
    items: z.array(patientContact.extend({ matchedOn: z.array(z.enum(["email", "phone", "nameAndBirth"])) })),
  })
  .meta({ id: "PatientDuplicates" });

/** patients.merge / patients.unmerge: what moved between the two records. */
export const patientMergeView = z
  .object({
    targetId: uuid,
    sourceId: uuid,
    moved: z.object({ appointments: z.int(), messages: z.int(), waitlistEntries: z.int(), clinicalNotes: z.int() }),
  })
  .meta({ id: "PatientMerge" });

/** myAppointments.list: one of a signed-in patient's appointments, and whether it may still change online. */
export const myAppointmentView = appointmentView.extend({ canChange: z.boolean(), changeableUntil: instant });

/** myAppointments.list: the patient's appointments at the clinic and the details "book again" fills in (ADR 0050). */
export const myAppointmentsView = z.object({
  patient: z.object({ fullName: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
  upcoming: z.array(myAppointmentView),
  past: z.array(myAppointmentView),
});
/** clinic.embed.get / update: the sites that may frame the clinic's booking page (ADR 0051). */
export const embedOriginsView = z.object({ origins: z.array(z.string()) }).meta({ id: "EmbedOrigins" });
/**
 * reports.dashboard (ADR 0053): one period's figures. Rates are fractions (0.25 is 25 %), null
 * when nothing to divide by; minutes are whole minutes.
 */
const reportFigures = z.object({
  /** Appointments that start in the period and were not cancelled. */
  appointments: z.int(),
  cancelled: z.int(),
  /** Cancelled within the clinic's cancellation notice before the start (or after it). */
  lateCancellations: z.int(),
  noShows: z.int(),
  /** No-shows among the appointments whose outcome is known (arrived, completed or no-show). */
  noShowRate: z.number().nullable(),
  /** Minutes of the appointments (not cancelled), buffers excluded. */
  bookedMinutes: z.int(),
  /** Weekly hours over the period, plus extra hours, minus time off; null for a service. */
  workingMinutes: z.int().nullable(),
  /** bookedMinutes / workingMinutes; may pass 1 when staff book outside the hours. */
  utilisation: z.number().nullable(),
  online: z.int(),
  /** online / appointments. */
  onlineShare: z.number().nullable(),
  /** Median time from booking to start, in minutes. */
  leadTimeMedianMinutes: z.number().nullable(),
  /** Patients whose first appointment ever (not cancelled) is in the period. */
  newPatients: z.int(),
});

export const reportsDashboardView = z
  .object({
    period: z.object({ from: localDate, to: localDate, timezone: z.string(), start: instant, end: instant }),
    totals: reportFigures,
    practitioners: z.array(reportFigures.extend({ id: uuid, name: z.string(), active: z.boolean() })),
    services: z.array(reportFigures.extend({ id: uuid, name: z.string(), active: z.boolean() })),
  })
  .meta({ id: "ReportsDashboard" });
