/** Connection URLs in messages, without their passwords (no database driver needed). */
/** Hides the password in a connection URL before it reaches a message. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
