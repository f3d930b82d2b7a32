// Zod's own messages in Chinese: a schema that names no message of its own (a type mismatch deep
// in a body, a number out of range) still answers the person in Chinese, on the server and in the
// browser alike. Imported once by core's index, so every user of core gets it.
import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: '文本', number: '数字', int: '整数', bigint: '整数', boolean: 'true 或 false', object: '对象（{…}）', array: '列表（[…]）',
  date: '日期', null: '空值', undefined: '未填写', nan: '数字',
};

const zhCN = z.locales.zhCN().localeError;

export function chineseIssueMessage(issue: Parameters<typeof zhCN>[0]): string | undefined {
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[String(issue.expected)] ?? String(issue.expected);
    return issue.input === undefined ? `请填写（应为${expected}）` : `格式不正确，应为${expected}`;
  }
  const r = zhCN(issue);
  return typeof r === 'string' ? r : r?.message;
}

z.config({ localeError: chineseIssueMessage });
