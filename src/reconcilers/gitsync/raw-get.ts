/**
 * GET of one object as the API server sends it. `KubeClient.get` goes through the typed client, which turns
 * timestamps into Dates (`…:59Z` comes back as `…:59.000Z`) and can drop fields its models lack, so the
 * live object would never compare equal to a dry-run result; here the JSON stays as it was sent.
 */
import { isNotFound, rawRequest, toKubeError, describeRef, type KubeClient, type KubeObject, type ObjectRef } from '../../kube/index.ts';

export async function getRaw(kube: KubeClient, ref: ObjectRef): Promise<KubeObject | undefined> {
  try {
    const path = await kube.resourcePath(ref.apiVersion, ref.kind, ref.name, ref.namespace);
    return await rawRequest<KubeObject>(kube.kc, 'GET', path);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw toKubeError(e, `get ${describeRef(ref)}`);
  }
}
