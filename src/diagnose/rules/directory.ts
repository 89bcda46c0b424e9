// Rule: Active Directory's reason for refusing an LDAP bind. AD answers every failed simple bind
// with LDAP result 49 (invalidCredentials, RFC 4511 §4.1.9) and puts the real reason in the
// diagnostic message as a Win32 error code in hex: "80090308: LdapErr: DSID-…, comment:
// AcceptSecurityContext error, data 775, v…". Apps that sign people in against AD (Jira,
// Confluence, Jenkins, Grafana, GitLab, Nextcloud…) log it as it came, while users only see
// "wrong password". The codes are Win32 system error codes (learn.microsoft.com/windows/win32/debug/
// system-error-codes--1300-1699- and --1700-3999-, reviewed 2026-12-03).
import type { CauseSlug } from '../../registry/registry.gen.ts';
import type { Ctx } from './context.ts';

/** What each sub-code of a failed AD bind says, and the cause page for it. */
const AD_BIND_REASONS: Readonly<Record<string, { says: string; cause: CauseSlug }>> = {
  '52e': { says: 'the password is wrong (ERROR_LOGON_FAILURE)', cause: 'wrong-credentials' },
  '525': { says: 'no such user (ERROR_NO_SUCH_USER): the name is not one the directory knows', cause: 'wrong-login-name' },
  '530': { says: 'the account may not sign in at this time of day (ERROR_INVALID_LOGON_HOURS)', cause: 'account-locked-or-disabled' },
  '531': { says: 'the account may not sign in from this computer (ERROR_INVALID_WORKSTATION)', cause: 'account-locked-or-disabled' },
  '532': { says: 'the password has expired (ERROR_PASSWORD_EXPIRED)', cause: 'account-locked-or-disabled' },
  '533': { says: 'the account is disabled (ERROR_ACCOUNT_DISABLED)', cause: 'account-locked-or-disabled' },
  '701': { says: 'the account has expired (ERROR_ACCOUNT_EXPIRED)', cause: 'account-locked-or-disabled' },
  '773': { says: 'the password must be changed before the next sign-in (ERROR_PASSWORD_MUST_CHANGE)', cause: 'account-locked-or-disabled' },
  '775': { says: 'the account is locked out (ERROR_ACCOUNT_LOCKED_OUT)', cause: 'account-locked-or-disabled' },
};

/** The diagnostic AD sends with a failed bind: the Win32 code after "data". */
const AD_BIND = /AcceptSecurityContext error, data ([0-9a-f]{3,4})\b/i;

/**
 * @param ctx the rule context
 */
export function directoryRules(ctx: Ctx): void {
  const text = ctx.parsed.text.length > 2_000_000 ? ctx.parsed.text.slice(0, 2_000_000) : ctx.parsed.text;
  const m = AD_BIND.exec(text);
  const reason = m && AD_BIND_REASONS[(m[1] ?? '').toLowerCase()];
  if (!m || !reason) return;
  const line = text.slice(0, m.index).split('\n').length;
  const full = (text.split('\n', line)[line - 1] ?? '').trim();
  // Long log lines are quoted from a little before the diagnostic, so the code shows.
  const from = Math.max(0, full.search(/AcceptSecurityContext/) - 120);
  const shown = full.slice(from, from + 300);
  ctx.findings.push({
    rule: 'ad-bind-refused', cause: reason.cause, score: 88,
    title: `Active Directory refused the sign-in: ${reason.says}.`,
    detail: `“data ${m[1]}” is Active Directory’s own reason behind LDAP error 49. It is about the account in that bind: the person signing in, or the service account the app uses to read the directory (check which one the log names).`,
    evidence: [{ text: shown, line }],
  });
}
