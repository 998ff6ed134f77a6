import { Skeleton } from "./Skeleton";

/** A section on its way: named for screen readers, sized so the page does not jump. */
export function Loading({ label }: { label: string }) {
  return (
    <div aria-busy="true">
      <span className="visually-hidden">{label}</span>
      <Skeleton height="6rem" />
    </div>
  );
}
