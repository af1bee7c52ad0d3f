/** Masterminds/semver v3 lives in the workspace package @capstan/semver, shared by every layer. */
export * from '@capstan/semver';
