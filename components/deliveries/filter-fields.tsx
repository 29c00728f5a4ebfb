// The explorer's filter controls: uncontrolled inputs of a plain GET form, each with its label.
import { type ReactNode, useId } from "react";
import { FIELD_CLASS } from "@/components/ui/field-class";

const fieldClass = `${FIELD_CLASS} text-sm`;

/** A label and its control, tied by id: `children` renders the control with the id given. */
function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

/** A filter chosen from a list; "" is "any". Uncontrolled: the GET form reads it on submit. */
export function SelectField({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: readonly (readonly [value: string, label: string])[];
}) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} name={name} defaultValue={value ?? ""} className={fieldClass}>
          {options.map(([option, text]) => (
            <option key={option} value={option}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A filter typed in; empty is "any". `datetime-local`: a UTC+9 time, as Statistics takes it. */
export function TextInputField({
  label,
  name,
  value,
  placeholder,
  inputMode,
  type,
  monospace = false,
}: {
  label: string;
  name: string;
  value: string | undefined;
  placeholder?: string;
  inputMode?: "numeric";
  type?: "datetime-local";
  monospace?: boolean;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={value ?? ""}
          placeholder={placeholder}
          inputMode={inputMode}
          className={monospace ? `${fieldClass} font-mono` : fieldClass}
        />
      )}
    </Field>
  );
}
