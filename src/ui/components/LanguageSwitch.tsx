import { lang, setLang, t, type Lang } from '../i18n/index.ts';

/** The language select, labelled "Language / 语言" in both languages. */
export function LanguageSwitch() {
  return (
    <div class="lang-switch">
      <label for="lang-switch">{t().language}</label>
      <select id="lang-switch" value={lang.value} onChange={(e) => setLang(e.currentTarget.value as Lang)}>
        <option value="zh-CN" lang="zh-CN">中文</option>
        <option value="en" lang="en">English</option>
      </select>
    </div>
  );
}
