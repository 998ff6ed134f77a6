// Placeholder for the staff area (next issue). It is its own chunk so patients never download it.
export function StaffHome() {
  return (
    <>
      <h1>Staff area</h1>
      <p>The reception calendar and clinic settings arrive here in the next release.</p>
    </>
  );
}
