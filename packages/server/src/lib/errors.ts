// One error type for everything a person may see: a stable code, an HTTP status, a Chinese
// message, and for validation the field paths. The English detail goes to the log only.
import type { FieldError } from '@bangfu/core';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Chinese, for the person */
    readonly userMessage: string,
    readonly fieldErrors?: FieldError[],
    /** extra keys for the response body, e.g. the current version on a conflict */
    readonly extra?: Record<string, unknown>,
    /** English, for the log */
    logDetail?: string,
  ) {
    super(logDetail ?? `${code}: ${userMessage}`);
  }

  toBody(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.userMessage,
      ...(this.fieldErrors ? { errors: this.fieldErrors } : {}),
      ...this.extra,
    };
  }
}

export const validationFailed = (errors: FieldError[], what = 'request') =>
  new AppError(400, 'VALIDATION_FAILED', `提交的内容有 ${errors.length} 处错误，请按提示修改`, errors, undefined,
    `${what} failed validation: ${errors.map((e) => e.path || '(root)').join(', ')}`);

export const notFound = (what = '记录') => new AppError(404, 'NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (msg = '没有权限执行此操作') => new AppError(403, 'FORBIDDEN', msg);
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', '请先登录');
