// The account mails in Spanish (ADR 0072): the keys and placeholders of en.ts.
import type { AccountCatalogue } from "./en";

export const es: AccountCatalogue = {
  "signUpCode.subject": "Confirme su correo electrónico para Frontdesk: {{code}}",
  "signUpCode.text":
    "Alguien, seguramente usted, está creando una cuenta de Frontdesk con esta dirección.\n\n" +
    "Para confirmarla, introduzca este código donde se registró: {{code}}\n\n" +
    "Sirve una sola vez, durante 10 minutos. Si no fue usted, ignore este correo y no dé el código a nadie: " +
    "sin él, nadie puede usar esta dirección en Frontdesk.\n",

  "accountExists.subject": "Ya tiene una cuenta de Frontdesk",
  "accountExists.text":
    "Alguien, seguramente usted, intentó crear una cuenta de Frontdesk con esta dirección, que ya tiene una. " +
    "No se ha cambiado nada.\n\n" +
    "Iniciar sesión: {{signInUrl}}\n" +
    "¿Olvidó su contraseña? Elija una nueva: {{forgotPasswordUrl}}\n\n" +
    "Si no fue usted, puede ignorar este correo.\n",

  "passwordReset.subject": "Elija una nueva contraseña de Frontdesk",
  "passwordReset.text":
    "Alguien, seguramente usted, pidió restablecer la contraseña de su cuenta de Frontdesk.\n\n" +
    "Elegir una nueva contraseña: {{link}}\n\n" +
    "El enlace sirve una sola vez y caduca en 1 hora. Usarlo cierra su sesión en todos los dispositivos. " +
    "Si no lo pidió, ignore este correo: su contraseña sigue siendo la misma.\n",

  "invitation.subject": "Le invitan a {{clinicName}} en Frontdesk",
  "invitation.text":
    "Le han invitado a unirse a {{clinicName}} como {{role}}.\n\nAceptar la invitación: {{link}}\n\nEl enlace sirve una sola vez y caduca en 7 días.\n",

  "role.owner": "propietario",
  "role.admin": "administrador",
  "role.receptionist": "recepcionista",
  "role.practitioner": "profesional sanitario",
};
