// Every error code the server sends, with its HTTP status and the default Chinese message the
// person sees (the server may send a more precise one). The browser maps exactly these codes.
export interface ErrorSpec {
  status: number;
  message: string;
}

export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: '填写的内容有误，请按提示修改' },
  INVALID_BODY: { status: 400, message: '请求内容不是有效的 JSON' },
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  INVALID_FILE: { status: 400, message: '请上传有效的 Excel（.xlsx）文件' },
  DIBAO_COLUMNS_MISSING: { status: 400, message: '名单中没有找到“姓名”“身份证号”列，请指定各列对应的表头' },
  NO_CHANGE: { status: 400, message: '没有需要保存的修改' },
  NOTHING_TO_PRINT: { status: 400, message: '没有符合筛选条件的档案，请调整筛选条件后再打印' },
  PRINT_BATCH_TOO_LARGE: { status: 400, message: '符合条件的档案超过一次批量打印的上限，请缩小范围后分批打印' },
  UNAUTHENTICATED: { status: 401, message: '登录已失效，请重新登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  CSRF_FAILED: { status: 403, message: '页面已过期，请刷新页面后重试' },
  NOT_FOUND: { status: 404, message: '要找的内容不存在或已被删除' },
  VERSION_CONFLICT: { status: 409, message: '档案已被他人修改，请重新加载后再改' },
  CONFLICT: { status: 409, message: '该记录已存在或正被他人同时提交，请刷新后重试' },
  DUPLICATE_ID_NUMBER: { status: 409, message: '该身份证号已有在册档案' },
  HOUSEHOLD_CLOSED: { status: 409, message: '该档案已剔除或已脱困，不能修改，请先重新纳入' },
  UNDER_REVIEW: { status: 409, message: '档案正在审核中，不能修改；如需修改请由审核人退回' },
  INVALID_TRANSITION: { status: 409, message: '档案状态已变化，不能办理此操作，请刷新后重试' },
  NOT_FILED: { status: 409, message: '只有已建档的档案可以办理此项' },
  NOT_EXITED: { status: 409, message: '只有已脱困的家庭可以记录脱困回访' },
  WORKER_NO_EXHAUSTED: { status: 409, message: '该地区的职工编号已全部用完，请联系市总工会' },
  WORKER_NO_TAKEN: { status: 409, message: '职工编号已被使用' },
  TRANSFER_PENDING: { status: 409, message: '该档案已有待办理的转移申请，请等对方处理或撤回后再申请' },
  TRANSFER_DECIDED: { status: 409, message: '该转移申请已处理，请刷新页面' },
  DUPLICATE_DECIDED: { status: 409, message: '该重复线索已处理，请刷新页面' },
  DIBAO_FINDING_DECIDED: { status: 409, message: '该低保核对结果已处理，请刷新页面' },
  DIBAO_NOT_CORRECTED: { status: 409, message: '档案尚未按核对结果修改，请先修改档案，或选择“情况说明”' },
  DIBAO_MONTH_OLDER: { status: 409, message: '该地区已有更新月份的民政低保名单' },
  ALREADY_DECIDED: { status: 409, message: '该剔除建议已处理' },
  ALREADY_LINKED: { status: 409, message: '已定点联系该户' },
  ORG_EXISTS: { status: 409, message: '已有同名基层工会' },
  ORG_HAS_FILES: { status: 409, message: '该基层工会下有在册档案，不能调整到其他县（市、区）' },
  ORG_CODES_EXHAUSTED: { status: 409, message: '该地区下的基层工会代码已用完' },
  USERNAME_TAKEN: { status: 409, message: '用户名已被使用' },
  ALREADY_SUBMITTED: { status: 409, message: '本单位已上报，正等待市总工会接收；如需重新上报，请等市总工会退回' },
  SUBMISSION_DECIDED: { status: 409, message: '该上报已处理，请刷新页面' },
  ASSESSMENT_FINAL: { status: 409, message: '该年度考核结果已定稿，不能再修改' },
  RUBRIC_CHANGED: { status: 409, message: '考核细则已被他人修改，请刷新页面后再改' },
  COMMENDATION_DECIDED: { status: 409, message: '该推荐已审批，请刷新页面' },
  ALREADY_NOMINATED: { status: 409, message: '本年度已推荐过该单位（个人）的同一荣誉' },
  BULLETIN_PUBLISHED: { status: 409, message: '该通报已发布，不能再修改' },
  IMPORT_NOT_READY: { status: 409, message: '该导入的状态已变化，请刷新页面' },
  IMPORT_HAS_ERRORS: { status: 409, message: '文件中有错误：请改正后重新上传，或选择“只导入无错误的行”' },
  IMPORT_NOTHING: { status: 409, message: '没有可以导入的行' },
  FILE_TOO_LARGE: { status: 413, message: '文件过大，请分批导入' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请求内容的格式不受支持，应为 JSON' },
  ACCOUNT_LOCKED: { status: 423, message: '连续登录失败次数过多，账号已锁定，请稍后再试' },
  TOO_MANY_REQUESTS: { status: 429, message: '请求过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后重试' },
  PDF_FONT_MISSING: { status: 503, message: '服务器缺少中文字体，暂时无法打印，请联系系统管理员' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODES, code);
