// Shapes of what readers type, checked the same way on every path in.

export function normaliseEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase();
  // Deliberately loose: the verification e-mail is the real test.
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return undefined;
  return email;
}

export function normaliseDisplayName(raw: string): string | undefined {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  const length = [...name].length;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control and bidi characters are exactly what a name may not hold
  if (length < 2 || length > 50 || /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(name))
    return undefined;
  return name;
}
