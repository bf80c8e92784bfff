import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { expect } from 'vitest';
import { errorCode } from '../../../src/core/errors.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import type { CloseoutDb } from '../../../src/store/db.ts';
import { makeEngine, PASS } from '../helpers.ts';

/** The shared fixtures, relative to the repository (they exist in CI). */
export const FIXTURES = new URL('../../../../shared/fixtures/', import.meta.url);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** Rows of a fixture CSV, header first, decoded with `encoding`; `keepBlank` keeps blank rows, so index + 1 is the row number. */
export function fixtureRows(name: string, encoding: string, keepBlank = false): string[][] {
  return Papa.parse<string[]>(new TextDecoder(encoding).decode(fixture(name)), { skipEmptyLines: keepBlank ? false : 'greedy' }).data;
}

export async function unlockedVault(): Promise<ReturnType<typeof makeEngine> & { vaultId: string }> {
  const t = makeEngine();
  const { vaultId } = await t.engine.createVault({ label: 'Case', operator: 'Li', passphrase: PASS });
  return { ...t, vaultId };
}

/** What a vault holds: records, events, and the rows of every table. */
export async function snapshot(engine: Engine, db: CloseoutDb) {
  return {
    records: (await engine.counts()).total,
    events: (await engine.auditEvents(0, 1)).total,
    packs: await db.packs.count(),
    eventRows: await db.events.count(),
    meta: await db.meta.count(),
  };
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The error code and `details.reason` a promise rejects with. */
export async function failure(p: Promise<unknown>): Promise<{ code?: string; reason?: unknown; details?: Record<string, unknown>; message?: string }> {
  try {
    await p;
  } catch (e) {
    const details = (e as { details?: Record<string, unknown> }).details;
    return { code: errorCode(e), reason: details?.reason, details, message: (e as Error).message };
  }
  expect.unreachable('expected a rejection');
  return {};
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colName = (i: number): string => (i >= 26 ? colName(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

function sheetXml(rows: (string | number)[][]): string {
  const body = rows
    .map((row, r) => {
      const cells = row.map((v, c) => {
        const ref = `${colName(c)}${r + 1}`;
        return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
      });
      return `<row r="${r + 1}">${cells.join('')}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/**
 * A minimal .xlsx workbook with the given sheets (inline strings; numbers as numeric cells).
 * `level` 6 compresses it like Excel does; 0 stores it.
 */
export function buildXlsx(sheets: { name: string; rows: (string | number)[][] }[], level: 0 | 6 = 6): Uint8Array {
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s.rows))));
  return zipSync(files, { level });
}

/** A CSV text of rows (quoted where needed). */
export function csv(rows: string[][], delimiter = ','): string {
  return rows.map((r) => r.map((v) => (/[",\r\n;\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(delimiter)).join('\r\n') + '\r\n';
}
