// The password rule, once for the server and the browser: long enough, not the username, and not
// one repeated character or a single kind of character ("aaaaaaaaaa", "1234567890").
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** Why a password is refused, in Chinese; null when it is acceptable. */
export function passwordProblem(password: string | undefined, username: string | undefined): string | null {
  if (!password) return '请填写密码';
  if (password.length < PASSWORD_MIN) return `密码至少${PASSWORD_MIN}个字符`;
  if (password.length > PASSWORD_MAX) return `密码不能超过${PASSWORD_MAX}个字符`;
  if (username && password.toLowerCase() === username.trim().toLowerCase()) return '密码不能与用户名相同';
  const kinds = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (new Set(password).size < 4 || kinds < 2) return '密码过于简单：请混合使用字母、数字或符号中的至少两种，且不要重复同一字符';
  return null;
}
