/**
 * Condition types and reasons, as constants (the strings follow Flux's `meta` package and helm-controller's
 * `api/v2/condition_types.go` where the meaning is the same).
 */

export const ConditionType = {
  /** summary: the object is reconciled and its outcome is good (set by `summarize`) */
  Ready: 'Ready',
  /** kstatus "abnormal-true": work is in progress */
  Reconciling: 'Reconciling',
  /** kstatus "abnormal-true": no progress without a change to the object (bad spec, exhausted retries) */
  Stalled: 'Stalled',
  // HelmRelease
  /** the last install/upgrade succeeded (True) or failed (False) */
  Released: 'Released',
  /** the tests of the current release passed */
  TestSuccess: 'TestSuccess',
  /** abnormal-true: a failed release was rolled back or uninstalled */
  Remediated: 'Remediated',
  /** abnormal-true: the cluster differs from the release */
  Drifted: 'Drifted',
  /** the chart's source (GitRepository, HelmRepository, inline Git or repository) was fetched */
  SourceAvailable: 'SourceAvailable',
  // sources
  /** the artifact for the current revision is in storage */
  ArtifactInStorage: 'ArtifactInStorage',
  /** abnormal-true: fetching from the remote failed */
  FetchFailed: 'FetchFailed',
  /** abnormal-true: an artifact storage operation failed */
  StorageOperationFailed: 'StorageOperationFailed',
  // GitSync
  /** the applied objects are healthy */
  Healthy: 'Healthy',
  /**
   * True while Flux documents in the path were applied without some of their fields (listed in the message,
   * with file and line); absent otherwise. Not part of Ready.
   */
  FluxFieldsIgnored: 'FluxFieldsIgnored',
} as const;
export type ConditionType = (typeof ConditionType)[keyof typeof ConditionType];

/**
 * Conditions whose True status is the abnormal one (kstatus "negative polarity"): `summarize` counts them as
 * failures when True.
 */
export const negativePolarityConditions: ReadonlySet<string> = new Set([
  ConditionType.Reconciling, ConditionType.Stalled, ConditionType.Remediated, ConditionType.Drifted,
  ConditionType.FetchFailed, ConditionType.StorageOperationFailed,
]);

export const Reason = {
  // generic (Flux meta)
  Succeeded: 'Succeeded',
  Failed: 'Failed',
  Progressing: 'Progressing',
  ProgressingWithRetry: 'ProgressingWithRetry',
  ReconciliationSucceeded: 'ReconciliationSucceeded',
  ReconciliationFailed: 'ReconciliationFailed',
  DependencyNotReady: 'DependencyNotReady',
  Suspended: 'Suspended',
  /** the spec failed validation; the message names the field paths */
  InvalidSpec: 'InvalidSpec',
  InitFailed: 'InitFailed',
  ArtifactFailed: 'ArtifactFailed',
  HealthCheckFailed: 'HealthCheckFailed',
  // HelmRelease
  InstallSucceeded: 'InstallSucceeded',
  InstallFailed: 'InstallFailed',
  UpgradeSucceeded: 'UpgradeSucceeded',
  UpgradeFailed: 'UpgradeFailed',
  TestSucceeded: 'TestSucceeded',
  TestFailed: 'TestFailed',
  RollbackSucceeded: 'RollbackSucceeded',
  RollbackFailed: 'RollbackFailed',
  UninstallSucceeded: 'UninstallSucceeded',
  UninstallFailed: 'UninstallFailed',
  DriftDetected: 'DriftDetected',
  NoDriftDetected: 'NoDriftDetected',
  DriftCorrected: 'DriftCorrected',
  /** a pending release left behind (crash, expired lease) was recovered */
  ReleaseUnlocked: 'ReleaseUnlocked',
  /** Stalled: the remediation's retries are exhausted; nothing happens until the spec, values or chart change */
  RetriesExceeded: 'RetriesExceeded',
  /** Ready=False: the release's identity is not allowed to do something (RBAC) */
  AccessDenied: 'AccessDenied',
  /** Ready=False: a valuesFrom ConfigMap/Secret or key is missing or unreadable */
  ValuesError: 'ValuesError',
  /** Stalled: postRenderers cannot be applied */
  PostRenderFailed: 'PostRenderFailed',
  /**
   * Released=False (so Ready=False): the Helm release (storage namespace + name) is owned by another, still
   * existing HelmRelease; nothing is installed, upgraded or uninstalled. The message names the owner.
   */
  OwnedByAnotherHelmRelease: 'OwnedByAnotherHelmRelease',
  /** event: a release whose owner HelmRelease is gone (or now targets another release) is taken over */
  ReleaseTakenOver: 'ReleaseTakenOver',
  // sources
  GitOperationSucceeded: 'GitOperationSucceeded',
  GitOperationFailed: 'GitOperationFailed',
  AuthenticationFailed: 'AuthenticationFailed',
  URLInvalid: 'URLInvalid',
  IndexationFailed: 'IndexationFailed',
  StorageOperationFailed: 'StorageOperationFailed',
  ArtifactUpToDate: 'ArtifactUpToDate',
  NewArtifact: 'NewArtifact',
  /** an OCI HelmRepository's registry cannot be reached, or does not answer as a registry */
  RegistryUnreachable: 'RegistryUnreachable',
  // GitSync
  BuildFailed: 'BuildFailed',
  ApplyFailed: 'ApplyFailed',
  PruneFailed: 'PruneFailed',
  /** FluxFieldsIgnored=True: Flux documents were applied without fields Capstan has no equivalent for */
  UnsupportedFields: 'UnsupportedFields',
  /** event: what a deleted GitSync pruned */
  Pruned: 'Pruned',
  // images
  ScanSucceeded: 'ScanSucceeded',
  ScanFailed: 'ScanFailed',
  PolicyMatched: 'PolicyMatched',
  NoMatchingTag: 'NoMatchingTag',
  UpdateSucceeded: 'UpdateSucceeded',
  UpdateFailed: 'UpdateFailed',
  NoChangesMade: 'NoChangesMade',
  PushFailed: 'PushFailed',
  /** Ready=True on an ImagePolicy whose newest tag is held back by a bad tag */
  TagHeldBack: 'TagHeldBack',
  /** Ready=Unknown: the ImageRepository has not been scanned by this process yet */
  WaitingForScan: 'WaitingForScan',
  /** an automation's rollout failed and its commit (or values patch) was undone */
  RolloutReverted: 'RolloutReverted',
  /** a HelmRelease became Ready with the tags an automation pushed */
  RolloutSucceeded: 'RolloutSucceeded',
  /** undoing a failed rollout failed (the revert conflicts or cannot be pushed) */
  RevertFailed: 'RevertFailed',
} as const;
export type Reason = (typeof Reason)[keyof typeof Reason];
