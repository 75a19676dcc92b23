// The assertion of the UI checks: a check fails by throwing, with a message that says what was seen.
export function expect(cond, message) {
  if (!cond) {
    throw new Error(message);
  }
}
