// RFC 8058 lets a mailbox provider send its one-click POST as
// multipart/form-data. Its fields here are short text values: read them as
// such, without a general multipart parser (files are never expected).
export function formFields(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of body.matchAll(
    /content-disposition:\s*form-data;\s*name="([^"]{1,60})"[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([^\r\n]*)/gi,
  ))
    if (!(m[1]! in fields)) fields[m[1]!] = m[2]!;
  return fields;
}
