// What every importer reads an export into: threads (the old platform's pages)
// and comments, in file order, each with its position in the file so that a
// bad item can be named. The formats differ; from here on everything is one.

export interface ImportThread {
  type: 'thread';
  /** the old platform's id of the page */
  id: string;
  url: string | null;
  title: string | null;
  position: string;
}

export interface ImportComment {
  type: 'comment';
  id: string;
  threadId: string;
  parentId: string | null;
  author: { id: string | null; name: string; email: string | null };
  /** the body: HTML from the old platform (sanitised on the way in), or markdown */
  html: string | null;
  markdown: string | null;
  createdAt: string;
  status: 'published' | 'pending' | 'spam' | 'deleted';
  likes: number;
  position: string;
}

/** Something the reader could not use; the import goes on without it. */
export interface ImportSkip {
  type: 'skip';
  reason: string;
  position: string;
}

export type ImportItem = ImportThread | ImportComment | ImportSkip;

/** A file that cannot be read any further (malformed XML or JSON): the import stops here. */
export class ImportFormatError extends Error {
  readonly position: string;
  constructor(message: string, position: string) {
    super(`${message} (at ${position})`);
    this.position = position;
  }
}

/** An ISO time from what exports write: ISO 8601, "YYYY-MM-DD HH:MM:SS" (UTC), or epoch seconds. */
export function isoTime(raw: string | number | null | undefined): string | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  const text = String(raw).trim();
  let d: Date;
  if (/^\d{9,11}$/.test(text)) d = new Date(Number(text) * 1000);
  else if (/^\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?$/.test(text)) d = new Date(`${text.replace(' ', 'T')}Z`);
  else d = new Date(text);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1990 ? undefined : d.toISOString();
}
