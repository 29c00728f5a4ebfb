import type { ReactNode } from "react";

export function Card({
  title,
  children,
  actions,
}: {
  title?: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="rounded-lg border border-line bg-white">
      {(title || actions) && (
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-line px-4 py-3 sm:px-6">
          {title && <h2 className="font-semibold">{title}</h2>}
          {actions}
        </header>
      )}
      <div className="px-4 py-2 sm:px-6">{children}</div>
    </section>
  );
}

/** One labelled row of a settings card: label and help on the left, value or control on the right. */
export function SettingRow({
  label,
  help,
  children,
  labelId,
}: {
  label: string;
  help?: ReactNode;
  children: ReactNode;
  labelId?: string;
}) {
  return (
    <div className="grid grid-cols-1 gap-2 border-b border-line py-4 last:border-b-0 sm:grid-cols-[14rem_1fr]">
      <div>
        <div id={labelId} className="text-sm font-semibold">
          {label}
        </div>
        {help && <div className="mt-1 text-xs text-muted">{help}</div>}
      </div>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
