/**
 * Sanitization methods by NIST SP 800-88 Rev. 1 category (clear, purge, destroy), and what a
 * physical destruction entry may be about. The technique ids are stored in entries' sealed
 * details and shown translated; the log line carries the technique's English words, so a
 * reader of the exported file needs no table.
 */
import type { NistCategory } from '../../formats/destruction-log.ts';

export type { NistCategory };

export type Technique =
  | 'cross-cut-shredding'
  | 'pulping'
  | 'incineration'
  | 'disintegration'
  | 'physical-destruction'
  | 'degaussing'
  | 'cryptographic-erase'
  | 'block-erase'
  | 'overwrite'
  | 'factory-reset';

/** Each technique, its category and the words the log line uses. */
export const TECHNIQUES: Readonly<Record<Technique, { category: NistCategory; words: string }>> = {
  'cross-cut-shredding': { category: 'destroy', words: 'cross-cut shredding' },
  pulping: { category: 'destroy', words: 'pulping' },
  incineration: { category: 'destroy', words: 'incineration' },
  disintegration: { category: 'destroy', words: 'disintegration' },
  'physical-destruction': { category: 'destroy', words: 'physical destruction (crushing, drilling, breaking)' },
  degaussing: { category: 'purge', words: 'degaussing' },
  'cryptographic-erase': { category: 'purge', words: 'cryptographic erase' },
  'block-erase': { category: 'purge', words: 'block erase (sanitize command)' },
  overwrite: { category: 'clear', words: 'overwrite of all user-addressable locations' },
  'factory-reset': { category: 'clear', words: 'factory reset' },
};

export const TECHNIQUE_IDS = Object.keys(TECHNIQUES) as Technique[];

/** What a physical entry destroys. */
export type PhysicalKind = 'paper' | 'media' | 'bundle-copy' | 'key-copy';
export const PHYSICAL_KINDS: readonly PhysicalKind[] = ['paper', 'media', 'bundle-copy', 'key-copy'];

/** The kinds of media an entry may name (paper has none). */
export type MediaKind = 'paper' | 'hard-disk' | 'ssd' | 'usb' | 'optical' | 'tape' | 'phone' | 'other';
export const MEDIA_KINDS: readonly MediaKind[] = ['paper', 'hard-disk', 'ssd', 'usb', 'optical', 'tape', 'phone', 'other'];

/** The techniques that fit a medium (NIST SP 800-88 Appendix A, simplified): paper is shredded, pulped or burnt. */
export function techniquesFor(medium: MediaKind): Technique[] {
  switch (medium) {
    case 'paper':
      return ['cross-cut-shredding', 'pulping', 'incineration'];
    case 'hard-disk':
      return ['overwrite', 'degaussing', 'cryptographic-erase', 'physical-destruction', 'disintegration'];
    case 'ssd':
    case 'usb':
    case 'phone':
      return ['factory-reset', 'block-erase', 'cryptographic-erase', 'physical-destruction', 'disintegration'];
    case 'optical':
      return ['physical-destruction', 'disintegration', 'incineration'];
    case 'tape':
      return ['degaussing', 'physical-destruction', 'incineration'];
    default:
      return TECHNIQUE_IDS;
  }
}
