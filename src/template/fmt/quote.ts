/**
 * Moved to the workspace package @capstan/strconv. This re-export stays only for the importers under
 * src/render and src/template/yaml; once they import @capstan/strconv, delete this file.
 */
export * from '@capstan/strconv';
