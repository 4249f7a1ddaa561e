import type { SiteConfig } from '../../../site/index.js';
import { EditorLayout } from './layout.js';

export function LoginPage(props: {
  config: SiteConfig;
  csrf: string;
  error?: string;
  username?: string;
  next?: string;
}) {
  return (
    <EditorLayout config={props.config} title="Sign in" path="/login" session={null}>
      <h1>Sign in to the editor</h1>
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
