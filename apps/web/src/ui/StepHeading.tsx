import { useEffect, useRef, type ReactNode } from "react";
import styles from "./ui.module.css";

/**
 * A step's heading. When a new step opens, focus moves here so that keyboard and screen reader
 * users land on it (and hear its name) instead of staying on a button that has gone away.
 */
export function StepHeading({ level = 2, children, focusOnMount = true, id }: { level?: 2 | 3; children: ReactNode; focusOnMount?: boolean; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  const Tag = level === 2 ? "h2" : "h3";
  return (
    <Tag ref={ref} tabIndex={-1} id={id} className={styles.stepHeading}>
      {children}
    </Tag>
  );
}
