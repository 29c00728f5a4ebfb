import type { ReactNode } from "react";

const tones = {
  error: "border-danger/30 bg-danger/5 text-danger",
  info: "border-line bg-surface text-ink",
  success: "border-line-green/30 bg-line-green/5 text-line-green-dark",
};

export function Alert({
  tone = "info",
  children,
}: {
  tone?: keyof typeof tones;
  children: ReactNode;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border px-3 py-2 text-sm ${tones[tone]}`}
    >
      {children}
    </div>
  );
}
