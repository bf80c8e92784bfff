/**
 * The UI language: chosen from the browser (zh* → zh-CN, else en) unless the user picked one,
 * which is kept in localStorage under `closeout.v1.lang` — the only thing the UI stores there.
 */
import { computed, effect, signal } from '@preact/signals';
import { en } from './en.ts';
import { zhCN, type Dict } from './zh-CN.ts';

export type Lang = 'zh-CN' | 'en';
export type { Dict };

export const LANG_KEY = 'closeout.v1.lang';
const DICTS: Record<Lang, Dict> = { 'zh-CN': zhCN, en };

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // Storage may be blocked; fall back to the browser's language.
  }
  return /^zh/i.test(navigator.language ?? '') ? 'zh-CN' : 'en';
}

export const lang = signal<Lang>(initialLang());
const dict = computed(() => DICTS[lang.value]);

/** The current language's strings; reading it in a component re-renders it on a switch. */
export function t(): Dict {
  return dict.value;
}

/** Switches the language and remembers the choice. */
export function setLang(next: Lang): void {
  lang.value = next;
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch {
    // Not remembered; the choice still holds for this page.
  }
}

effect(() => {
  document.documentElement.lang = lang.value;
  document.title = lang.value === 'en' ? 'Closeout' : '客户信息善后助手 Closeout';
});

/** Formats an ISO date-time for the current language; '' for an empty or invalid value. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return iso && !Number.isNaN(d.getTime()) ? d.toLocaleString(lang.value, { dateStyle: 'medium', timeStyle: 'medium' }) : '';
}

/** Formats an ISO date-time as a date only, in the current language. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  return iso && !Number.isNaN(d.getTime()) ? d.toLocaleDateString(lang.value, { dateStyle: 'long' }) : '';
}
