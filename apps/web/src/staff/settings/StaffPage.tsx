export function StaffPage() {
  return <h2>Staff</h2>;
}
