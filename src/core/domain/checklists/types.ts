/** Words shared by the checklist rules: the two languages, phases and scenarios of the matrix. */

/** A text in Simplified Chinese (shown first) and English. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** P1 govern … P7 after closure (DESIGN §1). */
export type Phase = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7';

/**
 * PF private fund manager deregistration; BT brokerage or company sale/transfer;
 * SD securities firm deregistration; AV hand-over of account books and vouchers.
 */
export type Scenario = 'PF' | 'BT' | 'SD' | 'AV';

export const PHASES: readonly Phase[] = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'];
export const SCENARIOS: readonly Scenario[] = ['PF', 'BT', 'SD', 'AV'];

export const PHASE_NAMES: Readonly<Record<Phase, Bilingual>> = {
  P1: { zh: '准备与治理', en: 'Governance' },
  P2: { zh: '盘点与分类', en: 'Inventory and classification' },
  P3: { zh: '备份与归档', en: 'Backup and archive' },
  P4: { zh: '转移', en: 'Transfer' },
  P5: { zh: '告知与查询反馈', en: 'Notification and queries' },
  P6: { zh: '销毁', en: 'Destruction' },
  P7: { zh: '注销后保管、审计与事件', en: 'After closure: custody, audit, incidents' },
};

export const SCENARIO_NAMES: Readonly<Record<Scenario, Bilingual>> = {
  PF: { zh: '私募基金管理人注销', en: 'Private fund manager deregistration' },
  BT: { zh: '证券经纪或公司转让', en: 'Brokerage or company sale' },
  SD: { zh: '证券公司注销', en: 'Securities firm deregistration' },
  AV: { zh: '账簿凭证移交', en: 'Hand-over of books and vouchers' },
};
