import type { ButtonHTMLAttributes } from "react";
import styles from "./ui.module.css";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "primary" | "secondary" | "danger" | "link";
}

export function Button({ variant = "primary", className, type = "button", ...rest }: ButtonProps) {
  const variantClass = variant === "primary" ? "" : styles[variant];
  return <button type={type} className={[styles.button, variantClass, className].filter(Boolean).join(" ")} {...rest} />;
}
