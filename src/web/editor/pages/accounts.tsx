/** Accounts (admins only): list, add, change role, reset password, deactivate, reviewer profiles. */
import type { SiteConfig } from '../../../site/index.js';
import type { ReviewerProfile, SessionInfo, WorkflowUser } from '../../../store/index.js';
import { ROLE_DESCRIPTIONS, ROLES } from '../../../workflow/index.js';
import { CsrfField, EditorLayout } from './layout.js';
import { DataTable } from './table.js';

/** Shown once after adding an account or resetting a password: a password, or a one-time link. */
export interface OneTimeSecret {
  username: string;
  what: 'created' | 'reset';
  password?: string;
  link?: { url: string; expiresAt: string };
}

function RoleSelect({ id, value }: { id: string; value?: string }) {
  return (
    <select id={id} name="role">
      {ROLES.map((r) => (
        <option value={r} selected={r === value}>
          {r} — {ROLE_DESCRIPTIONS[r]}
        </option>
      ))}
    </select>
  );
}

function ReviewerSelect({
  id,
  profiles,
  value,
}: {
  id: string;
  profiles: ReviewerProfile[];
  value?: string | null;
}) {
  return (
    <select id={id} name="reviewer_id">
      <option value="">(none)</option>
      {profiles.map((p) => (
        <option value={p.id} selected={p.id === value}>
          {p.name}, {p.credentials}
        </option>
      ))}
    </select>
  );
}

/** The text fields of one reviewer profile's form, in order. */
function ProfileFields({ p }: { p: ReviewerProfile }) {
  const fields: [id: string, name: string, label: string, value: string | null, required?: boolean][] = [
    ['name', 'name', 'Name', p.name, true],
    ['cred', 'credentials', 'Credentials', p.credentials, true],
    ['body', 'registration_body', 'Registration body (optional)', p.registrationBody],
    ['num', 'registration_number', 'Registration number (optional)', p.registrationNumber],
    ['alt', 'photo_alt', 'Photo description (alt text, optional)', p.photoAlt],
  ];
  return (
    <>
      {fields.map(([id, name, label, value, required]) => (
        <div class="field">
          <label for={`p-${p.id}-${id}`}>{label}</label>
          <input type="text" id={`p-${p.id}-${id}`} name={name} value={value ?? ''} required={required} />
        </div>
      ))}
    </>
  );
}

export function AccountsPage(props: {
  config: SiteConfig;
  session: SessionInfo;
  users: WorkflowUser[];
  profiles: ReviewerProfile[];
  secret?: OneTimeSecret;
  notice?: string;
}) {
  const csrf = props.session.csrfToken;
  return (
    <EditorLayout config={props.config} title="Accounts" path="/editor/accounts" session={props.session}>
      <h1>Accounts</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.secret ? (
        <section class="once" role="alert" aria-labelledby="secret-heading">
          <h2 id="secret-heading">
            {props.secret.what === 'created' ? 'Account created' : 'Password reset'}:{' '}
            {props.secret.link ? 'send this link to' : 'give this password to'} {props.secret.username}
          </h2>
          {props.secret.link ? (
            <>
              <p>
                One-time link: <code id="one-time-link">{props.secret.link.url}</code>
              </p>
              <p>
                It lets {props.secret.username} choose their own password, once, until{' '}
                {props.secret.link.expiresAt.slice(0, 16).replace('T', ' ')} UTC. It is shown only now and
                only its fingerprint is stored; anyone with the link can set the password, so send it only to
                them.
              </p>
            </>
          ) : (
            <>
              <p>
                One-time password: <code id="one-time-password">{props.secret.password}</code>
              </p>
              <p>
                It is shown only now and is not stored in readable form. Pass it on in person or by phone;
                they should change it after signing in (ask an admin to reset it again if it is lost).
              </p>
            </>
          )}
        </section>
      ) : null}
      <h2>People</h2>
      <DataTable
        label="People"
        columns={['User name', 'Name', 'Role', 'Reviewer profile', 'Status', 'Change']}
      >
        {props.users.map((u) => (
          <tr>
            <th scope="row">{u.username}</th>
            <td>{u.name}</td>
            <td>{u.role}</td>
            <td>{u.reviewerId ?? '—'}</td>
            <td>{u.disabled ? 'deactivated' : 'active'}</td>
            <td>
              <details>
                <summary>Change {u.username}</summary>
                <form method="post" action={`/editor/accounts/${u.username}/role`}>
                  <CsrfField token={csrf} />
                  <p>
                    <label for={`role-${u.username}`}>Role</label>
                    <RoleSelect id={`role-${u.username}`} value={u.role} />
                  </p>
                  <p>
                    <label for={`rev-${u.username}`}>Reviewer profile (needed for reviewers)</label>
                    <ReviewerSelect id={`rev-${u.username}`} profiles={props.profiles} value={u.reviewerId} />
                  </p>
                  <button type="submit">Change role</button>
                </form>
                <form method="post" action={`/editor/accounts/${u.username}/reset`}>
                  <CsrfField token={csrf} />
                  <button type="submit">Reset password</button>
                </form>
                <form method="post" action={`/editor/accounts/${u.username}/reset-link`}>
                  <CsrfField token={csrf} />
                  <button type="submit">Send a reset link instead</button>
                </form>
                {u.username !== props.session.user.username ? (
                  <form
                    method="post"
                    action={`/editor/accounts/${u.username}/${u.disabled ? 'reactivate' : 'deactivate'}`}
                  >
                    <CsrfField token={csrf} />
                    <button type="submit">
                      {u.disabled ? 'Reactivate' : 'Deactivate (signs them out at once)'}
                    </button>
                  </form>
                ) : null}
              </details>
            </td>
          </tr>
        ))}
      </DataTable>

      <h2 id="add-heading">Add an account</h2>
      <form method="post" action="/editor/accounts" aria-labelledby="add-heading">
        <CsrfField token={csrf} />
        <div class="field">
          <label for="new-username">User name</label>
          <span class="help" id="new-username-help">
            2–40 lower-case letters, digits, “.”, “_” or “-”.
          </span>
          <input
            type="text"
            id="new-username"
            name="username"
            required
            aria-describedby="new-username-help"
            autocomplete="off"
          />
        </div>
        <div class="field">
          <label for="new-name">Full name</label>
          <input type="text" id="new-name" name="name" required autocomplete="off" />
        </div>
        <div class="field">
          <label for="new-role">Role</label>
          <RoleSelect id="new-role" value="author" />
        </div>
        <div class="field">
          <label for="new-reviewer">Reviewer profile (for reviewers)</label>
          <ReviewerSelect id="new-reviewer" profiles={props.profiles} />
        </div>
        <div class="field">
          <label for="new-credentials">Or a new profile: credentials (for reviewers)</label>
          <span class="help" id="new-credentials-help">
            For example “MD, paediatrics”. Shown on every page the reviewer approves.
          </span>
          <input
            type="text"
            id="new-credentials"
            name="credentials"
            aria-describedby="new-credentials-help"
          />
        </div>
        <fieldset class="field">
          <legend>How they sign in the first time</legend>
          <p>
            <input type="radio" id="new-signin-link" name="sign_in" value="link" checked />
            <label for="new-signin-link">
              An invitation link: they choose their own password (valid 7 days, once)
            </label>
          </p>
          <p>
            <input type="radio" id="new-signin-password" name="sign_in" value="password" />
            <label for="new-signin-password">A one-time password that you pass on</label>
          </p>
          <p class="help">The link or password is shown once after you add the account.</p>
        </fieldset>
        <button type="submit" class="primary">
          Add account
        </button>
      </form>

      <h2>Reviewer profiles</h2>
      {props.profiles.map((p) => (
        <form method="post" action={`/editor/reviewers/${p.id}`} aria-label={`Profile of ${p.name}`}>
          <CsrfField token={csrf} />
          <fieldset>
            <legend>
              {p.name} ({p.id}){p.demo ? ' — demonstration profile' : ''}
            </legend>
            <ProfileFields p={p} />
            <button type="submit">Save profile</button>
          </fieldset>
        </form>
      ))}
    </EditorLayout>
  );
}
