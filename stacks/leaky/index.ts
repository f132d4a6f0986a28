import { App, TerraformStack } from 'cdktf';
import { publicBucketNoObjectLogging, permissiveSas, noCentralAuditCorrelation } from './storage';
import { wildcardIam, sharedServiceAccount } from './identity';
import { unrestrictedEgress } from './network';
import { unboundedLogRetention, auditLogGapRegion } from './logging';
import { publicUnencryptedDbBackup } from './backup';
import {
  openMysql,
  plaintextPostgres,
  publicCosmos,
  plaintextRedis,
  exportableDisk,
  plainHttpWebApp,
  publicServiceBus,
  sasServiceBus,
  publicSynapse,
  publicSearch,
} from './data-stores';
import { apiNoInputValidation, cdnCachingAuth, cdnPlainHttpOrigin, checkoutNoScriptRestriction } from './edge';
import * as stores from './stores';

export { LEAKY_PATTERNS, LeakyPattern } from './common';

/** Adds one `leaky-<pattern>` stack per seed failure (two for the dev/prod shared identity). */
export function buildLeakyApp(app: App): TerraformStack[] {
  return [
    publicBucketNoObjectLogging(app),
    permissiveSas(app),
    wildcardIam(app),
    unrestrictedEgress(app),
    unboundedLogRetention(app),
    auditLogGapRegion(app),
    ...sharedServiceAccount(app),
    publicUnencryptedDbBackup(app),
    apiNoInputValidation(app),
    cdnCachingAuth(app),
    checkoutNoScriptRestriction(app),
    noCentralAuditCorrelation(app),
    openMysql(app),
    plaintextPostgres(app),
    publicCosmos(app),
    plaintextRedis(app),
    exportableDisk(app),
    plainHttpWebApp(app),
    publicServiceBus(app),
    sasServiceBus(app),
    publicSynapse(app),
    publicSearch(app),
    stores.publicSearchDomain(app),
    stores.unencryptedVolumeSnapshot(app),
    stores.publicSnapshots(app),
    stores.unencryptedGraphDatabase(app),
    stores.unencryptedDocumentDatabase(app),
    stores.publicWarehouse(app),
    stores.openCache(app),
    stores.unencryptedStreams(app),
    stores.publicMessaging(app),
    stores.publicSecrets(app),
    stores.publicKafka(app),
    stores.publicBroker(app),
    stores.plaintextDax(app),
    stores.unprotectedFileShares(app),
    stores.plaintextStorefront(app),
    stores.unprotectedKeyspacesTable(app),
    stores.unencryptedAnalytics(app),
    stores.publicFileSystem(app),
    stores.openMemoryDb(app),
    stores.publicSearchCollection(app),
    cdnPlainHttpOrigin(app),
  ];
}
