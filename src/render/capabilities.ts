/**
 * Helm's chartutil.Capabilities: what `.Capabilities` shows a template (Kubernetes version, the API
 * versions the cluster serves, Helm's own build info), with the defaults `helm template` uses.
 */
import { GoStruct, withSliceType, def } from '../template/value.ts';
import type { GoValue } from '../template/value.ts';
import { parseConstraint, parseVersion } from '../template/semver/index.ts';

/** chartutil.KubeVersion */
export interface KubeVersion {
  /** e.g. `v1.31.0` */
  readonly version: string;
  readonly major: string;
  readonly minor: string;
}

/** helm's internal/version.BuildInfo */
export interface HelmBuildInfo {
  readonly version: string;
  readonly gitCommit: string;
  readonly gitTreeState: string;
  readonly goVersion: string;
}

export interface Capabilities {
  readonly kubeVersion: KubeVersion;
  readonly apiVersions: readonly string[];
  readonly helmVersion: HelmBuildInfo;
}

/** The Kubernetes version Helm v3.17.2 was built with (client-go v0.32), used when none is given. */
export const DEFAULT_KUBE_VERSION: KubeVersion = { version: 'v1.32.0', major: '1', minor: '32' };

/** What Helm v3.17.2's release binary reports as `.Capabilities.HelmVersion`. */
export const HELM_VERSION: HelmBuildInfo = {
  version: 'v3.17.2',
  gitCommit: 'cc0bbbd6d6276b83880042c1ecb34087e84d41eb',
  gitTreeState: 'clean',
  goVersion: 'go1.23.7',
};

/**
 * chartutil.DefaultVersionSet: client-go v0.32's scheme.Scheme.PrioritizedVersionsAllGroups() plus
 * apiextensions v1beta1/v1, in exactly the order Helm v3.17.2 lists them.
 */
export const DEFAULT_API_VERSIONS: readonly string[] = Object.freeze([
  'v1',
  'admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1alpha1', 'admissionregistration.k8s.io/v1beta1',
  'internal.apiserver.k8s.io/v1alpha1',
  'apps/v1', 'apps/v1beta1', 'apps/v1beta2',
  'authentication.k8s.io/v1', 'authentication.k8s.io/v1alpha1', 'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1', 'authorization.k8s.io/v1beta1',
  'autoscaling/v1', 'autoscaling/v2', 'autoscaling/v2beta1', 'autoscaling/v2beta2',
  'batch/v1', 'batch/v1beta1',
  'certificates.k8s.io/v1', 'certificates.k8s.io/v1beta1', 'certificates.k8s.io/v1alpha1',
  'coordination.k8s.io/v1alpha2', 'coordination.k8s.io/v1beta1', 'coordination.k8s.io/v1',
  'discovery.k8s.io/v1', 'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1', 'events.k8s.io/v1beta1',
  'extensions/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta1', 'flowcontrol.apiserver.k8s.io/v1beta2',
  'flowcontrol.apiserver.k8s.io/v1beta3',
  'networking.k8s.io/v1', 'networking.k8s.io/v1alpha1', 'networking.k8s.io/v1beta1',
  'node.k8s.io/v1', 'node.k8s.io/v1alpha1', 'node.k8s.io/v1beta1',
  'policy/v1', 'policy/v1beta1',
  'rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1alpha1',
  'resource.k8s.io/v1beta1', 'resource.k8s.io/v1alpha3',
  'scheduling.k8s.io/v1alpha1', 'scheduling.k8s.io/v1beta1', 'scheduling.k8s.io/v1',
  'storage.k8s.io/v1beta1', 'storage.k8s.io/v1', 'storage.k8s.io/v1alpha1',
  'storagemigration.k8s.io/v1alpha1',
  'apiextensions.k8s.io/v1beta1', 'apiextensions.k8s.io/v1',
]);

/**
 * The capabilities `helm template` uses: DefaultCapabilities with `--kube-version` replacing the
 * Kubernetes version and `--api-versions` appended to the API version list.
 */
export function templateCapabilities(opts: { kubeVersion?: KubeVersion; extraApiVersions?: readonly string[] } = {}): Capabilities {
  return {
    kubeVersion: opts.kubeVersion ?? DEFAULT_KUBE_VERSION,
    apiVersions: [...DEFAULT_API_VERSIONS, ...(opts.extraApiVersions ?? [])],
    helmVersion: HELM_VERSION,
  };
}

/**
 * chartutil.ParseKubeVersion: semver.NewVersion, then `v` + the canonical version. Throws with
 * Masterminds' message (`Invalid Semantic Version`, …).
 */
export function parseKubeVersion(version: string): KubeVersion {
  const sv = parseVersion(version);
  return { version: `v${sv.toString()}`, major: String(sv.major), minor: String(sv.minor) };
}

/** chartutil.IsCompatibleRange: whether `version` satisfies the constraint (false if either is invalid). */
export function isCompatibleRange(constraint: string, version: string): boolean {
  try {
    return parseConstraint(constraint).check(parseVersion(version));
  } catch {
    return false;
  }
}

/** `.Capabilities.KubeVersion` as a Go value (chartutil.KubeVersion with String/GitVersion). */
export function kubeVersionValue(kv: KubeVersion): GoStruct {
  return new GoStruct({
    typeName: 'chartutil.KubeVersion',
    fields: new Map<string, GoValue>([
      ['Version', kv.version],
      ['Major', kv.major],
      ['Minor', kv.minor],
    ]),
    methods: {
      String: def([], 'string', () => kv.version),
      GitVersion: def([], 'string', () => kv.version),
    },
    json: () => new Map<string, GoValue>([
      ['Version', kv.version],
      ['Major', kv.major],
      ['Minor', kv.minor],
    ]),
  });
}

/** chartutil.VersionSet: a `[]string` with a `Has` method. */
export function versionSetValue(versions: readonly string[]): GoValue[] {
  return withSliceType<GoValue[]>([...versions], 'chartutil.VersionSet', {
    Has: def(['string'], 'bool', ([v]) => versions.includes(v as string)),
  });
}

function buildInfoValue(b: HelmBuildInfo): GoStruct {
  const json = new Map<string, GoValue>();
  if (b.version !== '') json.set('version', b.version);
  if (b.gitCommit !== '') json.set('git_commit', b.gitCommit);
  if (b.gitTreeState !== '') json.set('git_tree_state', b.gitTreeState);
  if (b.goVersion !== '') json.set('go_version', b.goVersion);
  return new GoStruct({
    typeName: 'version.BuildInfo',
    fields: new Map<string, GoValue>([
      ['Version', b.version],
      ['GitCommit', b.gitCommit],
      ['GitTreeState', b.gitTreeState],
      ['GoVersion', b.goVersion],
    ]),
    json: () => json,
  });
}

/** `.Capabilities` as a Go value: `*chartutil.Capabilities`. */
export function capabilitiesValue(caps: Capabilities): GoStruct {
  const kube = kubeVersionValue(caps.kubeVersion);
  const apis = versionSetValue(caps.apiVersions);
  const helm = buildInfoValue(caps.helmVersion);
  return new GoStruct({
    typeName: 'chartutil.Capabilities',
    pointer: true,
    fields: new Map<string, GoValue>([
      ['KubeVersion', kube],
      ['APIVersions', apis],
      ['HelmVersion', helm],
    ]),
    // nested structs stay GoStructs so that their JSON keeps field order
    json: () => new Map<string, GoValue>([
      ['KubeVersion', kube],
      ['APIVersions', [...caps.apiVersions]],
      ['HelmVersion', helm],
    ]),
  });
}
