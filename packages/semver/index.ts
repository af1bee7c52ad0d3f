// Transitional: the implementation moves here from src/template/semver once its author is done with it.
export * from '../../src/template/semver/index.ts';
