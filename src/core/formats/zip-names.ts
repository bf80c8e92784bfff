/**
 * Member names of a ZIP: the rules a name must pass to be written or extracted safely, and the
 * set that catches names colliding on disk. Shared by the reader and the writer, so we never
 * write what we would refuse to read.
 */
import { AppError } from '../errors.ts';

/** An INVALID_INPUT with `details.reason`, as every refusal of zip-safe.ts is. */
export const refuse = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError('INVALID_INPUT', message, { details: { reason, ...details } });

/**
 * Checks a member name; returns it unchanged or throws INVALID_INPUT with the reason. Used on
 * reading and writing, so we never write what we would refuse to read.
 */
export function checkEntryName(name: string): string {
  const bare = name.endsWith('/') ? name.slice(0, -1) : name;
  const d = { name };
  if (!bare) throw refuse('empty-name', 'A ZIP member has an empty name.', d);
  if (name.length > 1024) throw refuse('name-too-long', 'A ZIP member name is too long.', d);
  if (name.includes('\\')) throw refuse('backslash', `A ZIP member name contains a backslash: ${name}`, d);
  if (name.startsWith('/')) throw refuse('absolute', `A ZIP member has an absolute path: ${name}`, d);
  if (/^[A-Za-z]:/.test(name)) throw refuse('drive', `A ZIP member names a drive: ${name}`, d);
  // Control characters, and characters Windows forbids or reads specially (":" opens a data stream).
  if (/[\u0000-\u001f\u007f<>:"|?*]/.test(name)) throw refuse('bad-char', `A ZIP member name has a forbidden character: ${JSON.stringify(name)}`, d);
  for (const seg of bare.split('/')) {
    if (seg === '..' || seg === '.') throw refuse('traversal', `A ZIP member tries to leave its folder: ${name}`, d);
    if (seg === '') throw refuse('empty-segment', `A ZIP member name has an empty folder: ${name}`, d);
    if (/[. ]$/.test(seg)) throw refuse('bad-char', `A ZIP member name ends a part in a dot or space: ${name}`, d);
  }
  return name;
}

/**
 * Names already in an archive. The same name by case or Unicode form, or a file where a folder
 * is, would collide on disk (Windows and macOS file systems ignore case), so both count.
 */
export class NameSet {
  private seen = new Map<string, string>();
  private folders = new Set<string>();

  /** Adds a checked name; throws INVALID_INPUT reason "duplicate" on a collision. */
  add(name: string): void {
    const key = name.normalize('NFC').toLowerCase().replace(/\/$/, '');
    const dup = (other: string) => refuse('duplicate', `The ZIP file holds ${name} twice (or a file and a folder of that name: ${other}).`, { name, other });
    const prior = this.seen.get(key);
    if (prior !== undefined && !(prior.endsWith('/') && name.endsWith('/'))) throw dup(prior);
    if (!name.endsWith('/') && this.folders.has(key)) throw dup(key + '/');
    this.seen.set(key, name);
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const f = this.seen.get(folder);
      if (f !== undefined && !f.endsWith('/')) throw dup(f);
      this.folders.add(folder);
    }
  }
}
