/**
 * The named Go types of Helm's template objects, declared to the template engine so that their
 * underlying types drive assignability and zero values (`.Files.missing` is an empty `[]byte`).
 * Importing this module registers them.
 */
import { registerNamedType } from '../template/convert.ts';

registerNamedType('engine.files', 'map[string][]uint8');
registerNamedType('chartutil.Values', 'map[string]interface {}');
registerNamedType('chartutil.VersionSet', '[]string');
