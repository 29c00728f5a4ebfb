"use client";

import { useId } from "react";
import { FIELD_CLASS } from "./field-class";

export interface SelectOption<Value extends string> {
  value: Value;
  label: string;
  /** A code name (an event type): shown as it is, never translated by the browser. */
  code?: boolean;
}

/** A label above its select, tied by id: one choice out of `options`. */
export function LabelledSelect<Value extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
  describedBy,
  className = "",
}: {
  label: string;
  value: Value;
  options: readonly SelectOption<Value>[];
  onChange: (value: Value) => void;
  disabled?: boolean;
  describedBy?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        className={`${FIELD_CLASS} text-sm`}
        value={value}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value as Value)}
      >
        {options.map((option) => (
          <option
            key={option.value}
            value={option.value}
            translate={option.code ? "no" : undefined}
          >
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
