export function ProfilePage() {
  return <h2>Profile</h2>;
}
