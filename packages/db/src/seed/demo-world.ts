// The demo world a newcomer clicks through: two clinics in different time zones.

export interface DemoService {
  name: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  priceCents: number;
}

export interface DemoClinic {
  slug: string;
  name: string;
  timezone: string;
  locale: string;
  currency: string;
  address: string;
  services: DemoService[];
  /** `services` are indexes into the clinic's services. */
  practitioners: Array<{ displayName: string; colour: string; services: number[] }>;
  /** A public holiday: nobody works that local date. */
  holiday: { month: number; day: number; reason: string };
  patientNames: string[];
  emailDomain: string;
}

const parisNames = [
  "Camille Martin", "Léa Bernard", "Hugo Dubois", "Chloé Thomas", "Louis Robert", "Emma Richard",
  "Gabriel Petit", "Manon Durand", "Arthur Leroy", "Inès Moreau", "Jules Simon", "Zoé Laurent",
  "Raphaël Lefebvre", "Sarah Michel", "Adam Garcia", "Lina David", "Nathan Bertrand", "Jade Roux",
  "Théo Vincent", "Alice Fournier", "Lucas Morel", "Lou Girard", "Paul André", "Rose Lefèvre",
  "Mathis Mercier", "Anna Dupont", "Noah Lambert", "Julia Bonnet", "Ethan François", "Clara Martinez",
  "Tom Legrand", "Eva Garnier", "Sacha Faure", "Agathe Rousseau", "Maël Blanc", "Margaux Guerin",
  "Timéo Muller", "Romane Henry", "Victor Roussel", "Elsa Nicolas", "Axel Perrin", "Lola Morin",
  "Léon Mathieu", "Nina Clément",
];

const newYorkNames = [
  "Olivia Johnson", "Liam Smith", "Ava Williams", "Noah Brown", "Sophia Jones", "Elijah Garcia",
  "Isabella Miller", "James Davis", "Mia Rodriguez", "Benjamin Martinez", "Charlotte Hernández",
  "Lucas Lopez", "Amelia Gonzalez", "Henry Wilson", "Harper Anderson", "Alexander Thomas",
  "Evelyn Taylor", "Michael Moore", "Abigail Jackson", "Daniel Martin", "Emily Lee", "Jacob Pérez",
  "Ella Thompson", "Logan White", "Avery Harris", "Jackson Sánchez", "Scarlett Clark",
  "Sebastian Ramírez", "Grace Lewis", "Mateo Robinson", "Chloe Walker", "Jack Young",
  "Victoria Allen", "Owen King", "Riley Wright", "Samuel Scott", "Aria Torres", "Wyatt Nguyen",
  "Lily Hill", "John Flores", "Zoey Green", "David Adams", "Nora Nelson", "Leo Baker",
];

export const DEMO_CLINICS: DemoClinic[] = [
  {
    slug: "demo-paris",
    name: "Cabinet Demo Paris",
    timezone: "Europe/Paris",
    locale: "fr-FR",
    currency: "EUR",
    address: "12 rue de la Santé, 75013 Paris",
    services: [
      { name: "Consultation", durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, priceCents: 3000 },
      { name: "Première consultation", durationMinutes: 45, bufferBeforeMinutes: 0, bufferAfterMinutes: 15, priceCents: 5000 },
      { name: "Suivi court", durationMinutes: 15, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, priceCents: 2000 },
      { name: "Kinésithérapie", durationMinutes: 60, bufferBeforeMinutes: 10, bufferAfterMinutes: 10, priceCents: 6500 },
      { name: "Vaccination", durationMinutes: 10, bufferBeforeMinutes: 0, bufferAfterMinutes: 5, priceCents: 2500 },
    ],
    practitioners: [
      { displayName: "Dr Claire Martin", colour: "#2563eb", services: [0, 1, 2, 4] },
      { displayName: "Dr Antoine Lefèvre", colour: "#16a34a", services: [0, 1, 2] },
      { displayName: "Sophie Arnaud (kiné)", colour: "#d97706", services: [3] },
      { displayName: "Dr Yasmine Haddad", colour: "#9333ea", services: [0, 2, 4] },
    ],
    holiday: { month: 12, day: 25, reason: "Noël" },
    patientNames: parisNames,
    emailDomain: "exemple.fr",
  },
  {
    slug: "demo-newyork",
    name: "Demo Health New York",
    timezone: "America/New_York",
    locale: "en-US",
    currency: "USD",
    address: "350 5th Ave, New York, NY 10118",
    services: [
      { name: "Check-up", durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 10, priceCents: 12000 },
      { name: "New patient visit", durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 15, priceCents: 25000 },
      { name: "Follow-up", durationMinutes: 20, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, priceCents: 8000 },
      { name: "Flu shot", durationMinutes: 10, bufferBeforeMinutes: 0, bufferAfterMinutes: 5, priceCents: 4000 },
      { name: "Physical therapy", durationMinutes: 45, bufferBeforeMinutes: 5, bufferAfterMinutes: 10, priceCents: 15000 },
      { name: "Telehealth call", durationMinutes: 15, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, priceCents: 6000 },
    ],
    practitioners: [
      { displayName: "Dr Maya Patel", colour: "#0891b2", services: [0, 1, 2, 3, 5] },
      { displayName: "Dr Ethan Brooks", colour: "#dc2626", services: [0, 1, 2, 5] },
      { displayName: "Jordan Lee, PT", colour: "#65a30d", services: [4] },
    ],
    holiday: { month: 11, day: 26, reason: "Thanksgiving" },
    patientNames: newYorkNames,
    emailDomain: "example.com",
  },
];

/** Weekly pattern for every demo practitioner: Monday to Friday with a lunch break, Saturday morning. */
export const DEMO_WEEK: Array<{ weekday: number; start: string; end: string }> = [
  ...[1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: "09:00", end: "12:30" },
    { weekday, start: "13:30", end: "18:00" },
  ]),
  { weekday: 6, start: "09:00", end: "12:00" },
];
