/**
 * One CustomResourceDefinition (apiextensions.k8s.io/v1) from a KindDefinition: the structural schema of spec
 * and status, the status subresource, printer columns, short names and the `capstan` category.
 */
import { z } from 'zod';
import { categories, type KindDefinition } from '../kind.ts';
import { toStructural, type JsonSchema } from './structural.ts';

export interface CustomResourceDefinition {
  apiVersion: 'apiextensions.k8s.io/v1';
  kind: 'CustomResourceDefinition';
  metadata: { name: string; labels: Record<string, string> };
  spec: JsonSchema;
}

/** The JSON Schema of what a user may write (defaults optional, transforms' inputs), made structural. */
export function structuralSchema(schema: z.ZodType, path: string): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0', unrepresentable: 'throw' }) as JsonSchema;
  return toStructural(json, path);
}

export function crdFor(def: KindDefinition): CustomResourceDefinition {
  const openAPIV3Schema: JsonSchema = {
    description: def.description,
    type: 'object',
    properties: {
      apiVersion: { description: 'APIVersion defines the versioned schema of this representation of an object.', type: 'string' },
      kind: { description: 'Kind is a string value representing the REST resource this object represents.', type: 'string' },
      metadata: { type: 'object' },
      spec: { description: `${def.kind}Spec is the desired state.`, ...structuralSchema(def.spec, 'spec') },
      status: { description: `${def.kind}Status is the observed state.`, ...structuralSchema(def.status, 'status') },
    },
    required: ['spec'],
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${def.plural}.${def.group}`, labels: { 'app.kubernetes.io/part-of': 'capstan' } },
    spec: {
      group: def.group,
      names: {
        kind: def.kind,
        listKind: `${def.kind}List`,
        plural: def.plural,
        singular: def.singular,
        shortNames: [...def.shortNames],
        categories: [...categories],
      },
      scope: 'Namespaced',
      versions: [{
        name: def.version,
        served: true,
        storage: true,
        subresources: { status: {} },
        additionalPrinterColumns: def.printerColumns.map((c) => ({ ...c })),
        schema: { openAPIV3Schema },
      }],
    },
  };
}
