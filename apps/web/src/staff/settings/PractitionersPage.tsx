export function PractitionersPage() {
  return <h2>Practitioners</h2>;
}
