export function ServicesPage() {
  return <h2>Services</h2>;
}
