export { type LoadedFolder, type LoadOptions, loadContentFolder } from './load.js';
