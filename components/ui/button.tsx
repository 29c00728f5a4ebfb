import type { ComponentProps } from "react";

type Variant = "primary" | "secondary" | "danger";

const variants: Record<Variant, string> = {
  primary:
    "bg-line-green-dark text-white hover:bg-line-green-darker disabled:bg-line-green-dark/50",
  secondary: "border border-line bg-white text-ink hover:bg-surface disabled:text-muted",
  danger: "bg-danger text-white hover:bg-danger/90 disabled:bg-danger/50",
};

/** The button look, for links that act as buttons (a download, say). */
export function buttonClassName(variant: Variant = "secondary", className = ""): string {
  return `inline-flex items-center justify-center gap-1 rounded-md px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-line-green disabled:cursor-not-allowed ${variants[variant]} ${className}`;
}

export function Button({
  variant = "secondary",
  className = "",
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: Variant }) {
  return <button type={type} className={buttonClassName(variant, className)} {...props} />;
}
