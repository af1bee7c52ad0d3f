/**
 * The shared test cluster: tests use the control plane that `npm test` started (CAPSTAN_TEST_KUBECONFIG), or an
 * existing cluster named by that variable; a test file run on its own starts a private control plane instead.
 * One namespace per test.
 */
import { randomBytes } from 'node:crypto';
import { CoreV1Api, KubeConfig, KubernetesObjectApi } from '@kubernetes/client-node';
import { startControlPlane } from './control-plane.ts';

export interface TestCluster {
  kubeconfigPath: string;
  kc: KubeConfig;
  objects: KubernetesObjectApi;
  core: CoreV1Api;
}

let shared: Promise<TestCluster> | undefined;

export function testCluster(): Promise<TestCluster> {
  shared ??= (async () => {
    let path = process.env['CAPSTAN_TEST_KUBECONFIG'];
    if (path === undefined || path === '') {
      const info = await startControlPlane();
      path = info.kubeconfig;
      process.env['CAPSTAN_TEST_KUBECONFIG'] = path;
    }
    const kc = new KubeConfig();
    kc.loadFromFile(path);
    return { kubeconfigPath: path, kc, objects: KubernetesObjectApi.makeApiClient(kc), core: kc.makeApiClient(CoreV1Api) };
  })();
  return shared;
}

/** Creates a uniquely named namespace for one test and returns its name. */
export async function testNamespace(prefix: string): Promise<string> {
  const { core } = await testCluster();
  const name = `${prefix}-${randomBytes(3).toString('hex')}`.toLowerCase();
  await core.createNamespace({ body: { metadata: { name, labels: { 'capstan.dev/test': 'true' } } } });
  return name;
}

export { eventually } from './poll.ts';
