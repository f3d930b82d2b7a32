// One error type for everything a person may see: a stable code from core's ERROR_CODES (which
// fixes the HTTP status), a Chinese message, and for validation the field paths. The English
// detail goes to the log only.
import { ERROR_CODES, type ErrorCode, type FieldError } from '@bangfu/core';

export interface AppErrorOptions {
  /** Chinese, for the person; the code's default message when absent */
  message?: string;
  errors?: FieldError[];
  /** English, for the log */
  detail?: string;
  /** extra keys for the response body, e.g. the current version on a conflict */
  body?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly status: number;
  readonly userMessage: string;
  readonly fieldErrors?: FieldError[];
  readonly extra?: Record<string, unknown>;

  constructor(readonly code: ErrorCode, opts: AppErrorOptions = {}) {
    const userMessage = opts.message ?? ERROR_CODES[code].message;
    super(opts.detail ?? `${code}: ${userMessage}`);
    this.status = ERROR_CODES[code].status;
    this.userMessage = userMessage;
    this.fieldErrors = opts.errors;
    this.extra = opts.body;
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
  new AppError('VALIDATION_FAILED', {
    message: `提交的内容有 ${errors.length} 处错误，请按提示修改`, errors,
    detail: `${what} failed validation: ${errors.map((e) => e.path || '(root)').join(', ')}`,
  });

export const notFound = (what = '记录') => new AppError('NOT_FOUND', { message: `${what}不存在或无权查看` });
export const forbidden = (msg = '没有权限执行此操作') => new AppError('FORBIDDEN', { message: msg });
export const unauthenticated = () => new AppError('UNAUTHENTICATED', { message: '请先登录' });
