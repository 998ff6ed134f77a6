import type { CSSProperties } from "react";
import styles from "./ui.module.css";

/** A placeholder the size of what is coming, so the page does not jump when it arrives. */
export function Skeleton({ width = "100%", height = "1rem", style }: { width?: string; height?: string; style?: CSSProperties }) {
  return <span aria-hidden="true" className={styles.skeleton} style={{ width, height, ...style }} />;
}
