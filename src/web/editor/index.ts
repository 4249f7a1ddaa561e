/** The editor UI, sign-in and the editor JSON API, mounted with one line in src/web/app.tsx. */
export { type AuthOptions, GENERIC_LOGIN_FAILURE, SESSION_COOKIE } from './auth.js';
export { type EditorOptions, editorRoutes } from './routes.js';
