// The rule of the dialogs that delete a provider or a channel: the operator types its name, so a
// slip of the mouse cannot delete the wrong thing. Pure, for the dialog and its tests.

/**
 * Whether `typed` is the name to delete: the same characters, case included. Spaces around it are
 * forgiven (names are stored trimmed, so they cannot tell two names apart, and a copied name
 * often brings one along); nothing else is.
 */
export function typedNameMatches(typed: string, name: string): boolean {
  return name !== "" && typed.trim() === name;
}
