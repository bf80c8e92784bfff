/**
 * What the page may reach of the engine. Comlink lets the page read any property path of the
 * exposed object, so exposing the Engine itself would let page script read `session` (with its
 * keys) or call internal helpers. The guard exposes only the methods listed in PUBLIC, turns
 * their errors into plain { code, message, details } objects, and answers undefined to anything
 * else. A unit test fails when an Engine method is in neither list, so each new one is placed.
 */
export const PUBLIC = [
  'listVaults', 'createVault', 'unlockWithPassphrase', 'unlockWithRecoveryKey', 'current', 'lock',
  'listSlots', 'addOperator', 'removeSlot', 'changePassphrase', 'getSettings', 'setSettings',
  'createRecord', 'createRecords', 'getRecord', 'updateRecord', 'deleteRecord', 'listRecords', 'counts',
  'auditEvents', 'verifyAudit',
  'importLimits', 'importPrepare', 'importSetMapping', 'importReport', 'importReportCsv', 'importCommit', 'importCancel', 'importSample',
  'checklistLimits', 'checklistGet', 'checklistSetProfile', 'checklistUpdateItem', 'checklistAttach', 'checklistAttachment',
  'checklistThumbnail', 'checklistDetach', 'applyEvidence',
  'retentionGet', 'retentionSetDates', 'fateFunnel', 'fateList', 'fateSuggest', 'fateApplySuggested', 'fateSet', 'holdSet', 'holdRelease',
  'custodyKeys', 'custodyKeyCreate', 'custodyKeySheet', 'custodyKeyFile', 'custodyKeyAddCopy',
  'archiveRegister', 'archiveExport', 'archiveCancel', 'archiveAddCopy',
  'bundleVerify', 'bundleDecrypt', 'bundleRecords', 'bundleRestore', 'bundleClose',
  'destructionOverview', 'destructionPlan', 'destructionCreateBatch', 'destructionApprove', 'destructionCancel', 'destructionExecute',
  'destructionStatus', 'destructionRecord', 'destructionEntries', 'destructionPhoto', 'destructionThumbnail', 'destructionExportLog',
  'destructionCertificate', 'custodyErasure', 'custodyKeyErase', 'vaultFinalExport', 'vaultDestroy',
] as const;

/** Engine methods the page must never call. */
export const INTERNAL = [
  'constructor', 'serial', 'need', 'commit', 'calibrated', 'info', 'unlock', 'lockNow', 'newRecord', 'commitWithEvidence',
  'imports', 'archive', 'destruction', 'dropFeatureState',
] as const;

export interface PlainError {
  code: string;
  message: string;
  details?: unknown;
}

/** An error as the page may see it. Messages of our own errors hold no personal data; others are replaced. */
export function plainError(e: unknown): PlainError {
  const o = (e ?? {}) as { code?: unknown; name?: unknown; message?: unknown; details?: unknown };
  const code = typeof o.code === 'string' ? o.code : o.name === 'AbortError' ? 'AbortError' : 'INTERNAL';
  const message = typeof o.code === 'string' && typeof o.message === 'string' ? o.message : 'Something went wrong inside the app.';
  let details: unknown;
  try {
    details = structuredClone(o.details);
  } catch {
    details = undefined;
  }
  return { code, message, details };
}

/** A proxy of `engine` that offers only the PUBLIC methods. */
export function guardEngine<T extends object>(engine: T): T {
  const allowed = new Set<string | symbol>(PUBLIC);
  return new Proxy(engine, {
    get(target, prop) {
      if (!allowed.has(prop)) return undefined;
      const fn = Reflect.get(target, prop) as unknown;
      if (typeof fn !== 'function') return undefined;
      return async (...args: unknown[]) => {
        try {
          return await fn.apply(target, args);
        } catch (e) {
          throw plainError(e);
        }
      };
    },
    set: () => false,
    has: (_t, prop) => allowed.has(prop),
  });
}
