/** TOML as Helm 3.17 uses it (BurntSushi/toml v1.4.0): `toToml` and `fromToml`. */
export { encodeToml, TomlEncodeError } from './encode.ts';
export { parseToml, TomlParseError } from './parse.ts';
