import { describe, expect, it } from 'vitest';
import { errorColumn, importContentType, templateCsv, templateHeaders } from '@/lib/importFile';

describe('import files', () => {
  it('sends CSV and XLSX with the Content-Type Laurel reads, whatever the case of the name', () => {
    expect(importContentType('clients.CSV')).toBe('text/csv');
    expect(importContentType('名单.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(importContentType('old.xls')).toBeNull();
    expect(importContentType('notes.pdf')).toBeNull();
  });
  it('offers templates with the same columns in both languages, with a BOM for Excel', () => {
    for (const kind of ['clients', 'key-people'] as const) {
      expect(templateHeaders[kind].en.length).toBe(templateHeaders[kind]['zh-CN'].length);
    }
    expect(templateCsv('clients', 'zh-CN').startsWith('\uFEFF名称,简称,统一社会信用代码')).toBe(true);
  });
  it('names the column an import error is about', () => {
    expect(errorColumn('rows[7].registration_code')).toBe('registration_code');
    expect(errorColumn('rows[3]')).toBe('');
    expect(errorColumn('file')).toBe('file');
  });
});
