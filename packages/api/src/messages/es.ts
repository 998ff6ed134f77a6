// The patient messages in Spanish (ADR 0057). Keys and placeholders: en.ts.
import type { Catalogue } from "./en";

export const es: Catalogue = {
  "confirmation.email.subject": "Cita reservada: {{serviceName}} en {{clinicName}}",
  "confirmation.email.text":
    "Su cita en {{clinicName}} está reservada.\n\n{{serviceName}} con {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
    "Para cancelarla o cambiarla: {{manageUrl}}\nNo comparta este enlace: cualquiera que lo tenga puede cambiar la cita.",
  "confirmation.short.text": "{{clinicName}}: {{serviceName}} reservada, {{when}}. Cambiar: {{manageUrl}}",

  "rescheduled.email.subject": "Cita cambiada: {{serviceName}} en {{clinicName}}",
  "rescheduled.email.text":
    "Su cita en {{clinicName}} ha cambiado.\n\nAhora: {{when}}\nAntes: {{previousWhen}}\n{{serviceName}} con {{practitionerName}}\n{{clinicAddress}}\n\n" +
    "El archivo de calendario adjunto actualiza el evento en su calendario.\nPara cancelarla o cambiarla: {{manageUrl}}",
  "rescheduled.short.text": "{{clinicName}}: su cita {{serviceName}} pasa a {{when}}. Cambiar: {{manageUrl}}",

  "cancelled.email.subject": "Cita cancelada: {{serviceName}} en {{clinicName}}",
  "cancelled.email.text":
    "Su cita en {{clinicName}} del {{when}} ({{serviceName}} con {{practitionerName}}) está cancelada.\n\n" +
    "El archivo de calendario adjunto la quita de su calendario. Para reservar de nuevo, llame a {{clinicName}} {{clinicPhone}} o reserve en línea.",
  "cancelled.short.text": "{{clinicName}}: su cita {{serviceName}} del {{when}} está cancelada.",

  "reminder.email.subject": "Recordatorio: {{serviceName}} en {{clinicName}}, {{when}}",
  "reminder.email.text":
    "Le recordamos su cita en {{clinicName}}.\n\n{{serviceName}} con {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
    "¿Viene? Confírmelo con un clic: {{confirmUrl}}\n¿No puede venir? Cancele o cambie la cita: {{manageUrl}}",
  "reminder.short.text": "{{clinicName}}: recordatorio, {{serviceName}} {{when}}. Confirmar: {{confirmUrl}} Cancelar: {{manageUrl}}",

  "staff_new_booking.email.subject": "Nueva reserva en línea: {{serviceName}}, {{when}}",
  "staff_new_booking.email.text": "Un paciente ha reservado en línea en {{clinicName}}.\n\n{{serviceName}} con {{practitionerName}}\n{{when}}\n\nAbra el calendario para ver los detalles.",
  "staff_new_booking.short.text": "{{clinicName}}: nueva reserva en línea, {{serviceName}} {{when}}.",

  "waitlist_offer.email.subject": "Hay una hora libre: {{serviceName}} en {{clinicName}}, {{when}}",
  "waitlist_offer.email.text":
    "Está en la lista de espera de {{clinicName}} y se ha liberado una hora.\n\n{{serviceName}} con {{practitionerName}}\n{{when}}\n{{clinicAddress}}\n\n" +
    "Para tomarla, abra este enlace antes del {{offerExpires}}: {{offerUrl}}\n" +
    "Es posible que se ofrezca la misma hora a otros pacientes de la lista de espera: se la queda quien la tome primero. No comparta este enlace.",
  "waitlist_offer.short.text": "{{clinicName}}: hay una hora libre, {{serviceName}} {{when}}. Tómela antes del {{offerExpires}}: {{offerUrl}}",

  "waitlist_gone.email.subject": "Hora ya ocupada: {{serviceName}} en {{clinicName}}, {{when}}",
  "waitlist_gone.email.text":
    "La hora que le ofrecimos en {{clinicName}} ({{serviceName}} con {{practitionerName}}, {{when}}) ya está ocupada.\n\n" +
    "Sigue en la lista de espera: le escribiremos de nuevo cuando se libere otra hora.",
  "waitlist_gone.short.text": "{{clinicName}}: la hora {{when}} ya está ocupada. Sigue en la lista de espera.",

  "footer.email": "No recibir más correos como este: {{optOutUrl}}",
  "footer.short": "Baja: {{optOutUrl}}",

  "signInCode.subject": "Su código de acceso a Frontdesk: {{code}}",
  "signInCode.text": "Su código de acceso es {{code}}.\n\nSirve una sola vez, durante 10 minutos. Si no lo ha pedido, ignore este correo.\n",
};
