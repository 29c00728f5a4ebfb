/** An Error with a Node-style `code`, for conditions the sender detects itself. */
export function codedError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}
