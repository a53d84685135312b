// Uploading an import file as Laurel takes it: the file is the request body, its Content-Type
// says CSV or XLSX (read from the name, since browsers often leave file.type empty for .csv).

export type ImportKind = 'clients' | 'key-people';

export const importPaths: Record<ImportKind, string> = {
  clients: '/api/v1/clients/import',
  'key-people': '/api/v1/key-people/import',
};

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type to send for a file, or null for a file Laurel cannot read. */
export function importContentType(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'text/csv';
  if (lower.endsWith('.xlsx')) return xlsxType;
  return null;
}

/** The header rows of the templates users download, in the user's language (both are accepted). */
export const templateHeaders: Record<ImportKind, Record<'en' | 'zh-CN', string[]>> = {
  clients: {
    en: ['name', 'short_name', 'registration_code', 'type', 'region'],
    'zh-CN': ['名称', '简称', '统一社会信用代码', '类型', '地区'],
  },
  'key-people': {
    en: ['client_registration_code', 'name', 'title', 'org_unit', 'decision_role', 'influence', 'phone', 'email', 'wechat', 'touch_frequency_days'],
    'zh-CN': ['统一社会信用代码', '姓名', '职务', '部门', '决策角色', '影响力', '手机', '邮箱', '微信', '拜访频率（天）'],
  },
};

/** A template as CSV text with a byte order mark, so Excel opens the Chinese headers correctly. */
export function templateCsv(kind: ImportKind, locale: 'en' | 'zh-CN'): string {
  return `\uFEFF${templateHeaders[kind][locale].join(',')}\r\n`;
}

/** "rows[7].registration_code" → "registration_code"; the column an import error is about. */
export function errorColumn(field: string | undefined): string {
  const match = /^rows\[\d+\]\.?(.*)$/.exec(field ?? '');
  return match ? match[1] : (field ?? '');
}
