import type { SiteConfig } from '../../../site/index.js';
import type { SessionInfo } from '../../../store/index.js';
import { EditorLayout } from './layout.js';

/** A refusal or error explained in words: what happened and what to do next. */
export function MessagePage(props: {
  config: SiteConfig;
  session: SessionInfo | null;
  status: number;
  title: string;
  message: string;
  hint?: string;
  back?: string;
}) {
  return (
    <EditorLayout config={props.config} title={props.title} path="/editor" session={props.session}>
      <h1>{props.title}</h1>
      <p class="problems" role="alert">
        {props.message}
      </p>
      {props.hint ? <p>{props.hint}</p> : null}
      <p>
        <a href={props.back ?? '/editor'}>Back</a>
      </p>
    </EditorLayout>
  );
}
