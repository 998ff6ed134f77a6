/** A booking-page address suggested from a clinic's name: "Cabinet Médical d'Évry" → "cabinet-medical-d-evry". */
export function suggestSlug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}
