/** Code lookup in the HL7 Infobutton way (MedlinePlus Connect): request parsing, lookup, Atom/JSON/JSONP. */
export { ConnectIndex, MAX_CONDITIONS, MIN_FOCUS_STRENGTH } from './lookup.js';
export {
  ATOM_NS,
  canonicalQuery,
  connectFilePath,
  renderAtom,
  renderJson,
  renderJsonp,
  safeJson,
} from './render.js';
export {
  type ConnectRequest,
  LIMITS,
  PARAM,
  type ParameterError,
  parseConnectQuery,
  type ResponseFormat,
  supportedOids,
} from './request.js';
export * from './schema.js';
export { type ConnectProvider, connectService } from './service.js';
