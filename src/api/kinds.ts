/** Every kind of Capstan's API, in the order the CRDs are generated, and lookup by apiVersion and kind. */
import type { z } from 'zod';
import { helmReleaseKind } from './helm/helm-release.ts';
import { imagePolicyKind } from './image/image-policy.ts';
import { imageRepositoryKind } from './image/image-repository.ts';
import { imageUpdateAutomationKind } from './image/image-update-automation.ts';
import type { KindDefinition } from './kind.ts';
import { parseWith, type ParseResult } from './parse.ts';
import { gitRepositoryKind } from './source/git-repository.ts';
import { helmRepositoryKind } from './source/helm-repository.ts';
import { gitSyncKind } from './sync/git-sync.ts';

export type DefinedKind = KindDefinition & { schema: z.ZodType };

export const allKinds: readonly DefinedKind[] = [
  helmReleaseKind,
  gitRepositoryKind,
  helmRepositoryKind,
  gitSyncKind,
  imageRepositoryKind,
  imagePolicyKind,
  imageUpdateAutomationKind,
];

/** The Capstan kind with this apiVersion and kind, or undefined for any other object. */
export function findKind(apiVersion: unknown, kind: unknown): DefinedKind | undefined {
  return allKinds.find((k) => `${k.group}/${k.version}` === apiVersion && k.kind === kind);
}

/**
 * Parses any Capstan object by its apiVersion and kind (for code that meets objects of several kinds);
 * an object of another kind is one issue at `kind`.
 */
export function parseCapstanObject(obj: unknown): ParseResult<unknown> {
  const o = (typeof obj === 'object' && obj !== null ? obj : {}) as { apiVersion?: unknown; kind?: unknown };
  const def = findKind(o.apiVersion, o.kind);
  if (def === undefined) {
    return { ok: false, issues: [{ path: 'kind', message: `Unsupported value: ${JSON.stringify(`${String(o.apiVersion)}, Kind=${String(o.kind)}`)}: not a Capstan kind` }] };
  }
  return parseWith(def.schema, obj);
}
