import type { SiteConfig } from '../../../site/index.js';
import { MIN_PASSWORD_LENGTH } from '../../../workflow/index.js';
import { EditorLayout } from './layout.js';

export function LoginPage(props: {
  config: SiteConfig;
  csrf: string;
  error?: string;
  username?: string;
  next?: string;
  notice?: string;
}) {
  return (
    <EditorLayout config={props.config} title="Sign in" path="/login" session={null}>
      <h1>Sign in to the editor</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.error ? (
        <p class="problems" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/login">
        <input type="hidden" name="_csrf" value={props.csrf} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <p>
          <label for="username">User name</label>
          <br />
          <input
            id="username"
            name="username"
            autocomplete="username"
            required
            value={props.username ?? ''}
          />
        </p>
        <p>
          <label for="password">Password</label>
          <br />
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </p>
        <p>
          <button type="submit">Sign in</button>
        </p>
      </form>
    </EditorLayout>
  );
}

/** /account/setup/<token>: the person invited (or reset) chooses their password, once. */
export function AccountSetupPage(props: {
  config: SiteConfig;
  csrf: string;
  action: string;
  username: string;
  name: string;
  purpose: 'invite' | 'reset';
  error?: string;
}) {
  return (
    <EditorLayout config={props.config} title="Choose your password" path="/account/setup" session={null}>
      <h1>{props.purpose === 'invite' ? `Welcome, ${props.name}` : `New password for ${props.name}`}</h1>
      <p>
        Choose a password for the user name <strong>{props.username}</strong>. This link works once; after
        that, sign in with the password you choose here.
      </p>
      {props.error ? (
        <p class="problems" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={props.action}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="username" autocomplete="username" value={props.username} />
        <p>
          <label for="new-password">New password</label>
          <br />
          <span class="help" id="new-password-help">
            At least {MIN_PASSWORD_LENGTH} characters; a few unrelated words make a good one.
          </span>
          <br />
          <input
            id="new-password"
            name="password"
            type="password"
            autocomplete="new-password"
            aria-describedby="new-password-help"
            required
          />
        </p>
        <p>
          <label for="repeat-password">The same password again</label>
          <br />
          <input id="repeat-password" name="repeat" type="password" autocomplete="new-password" required />
        </p>
        <p>
          <button type="submit">Save my password</button>
        </p>
      </form>
    </EditorLayout>
  );
}
