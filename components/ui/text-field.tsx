import { type InputHTMLAttributes, useId } from "react";

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string | null;
  hint?: string;
}

/** A labelled input whose error message is tied to it (aria-invalid, aria-describedby). */
export function TextField({ label, error, hint, className = "", ...props }: TextFieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? messageId : undefined}
        className={`mt-1 block w-full rounded-md border bg-white px-3 py-1.5 text-sm outline-none focus:ring-2 ${
          error ? "border-danger focus:ring-danger/30" : "border-line focus:ring-line-green/30"
        }`}
        {...props}
      />
      {(error || hint) && (
        <p id={messageId} className={`mt-1 text-xs ${error ? "text-danger" : "text-muted"}`}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}
