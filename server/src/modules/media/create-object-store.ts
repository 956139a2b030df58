// Chooses the object store once, from config: S3 when S3_BUCKET is set, else local files.
import type { Config } from '../../config.js';
import { LocalObjectStore } from './local-object-store.js';
import { UploadUrlSigner } from './local-upload-url.js';
import type { ObjectStore } from './object-store.js';
import { S3ObjectStore } from './s3-object-store.js';

export function createObjectStore(
  config: Pick<Config, 'S3_BUCKET' | 'S3_ENDPOINT' | 'AWS_REGION' | 'ASSET_BASE_URL' | 'UPLOADS_DIR' | 'JWT_SECRET'>,
): ObjectStore {
  if (config.S3_BUCKET) {
    return new S3ObjectStore({
      bucket: config.S3_BUCKET,
      // loadConfig requires AWS_REGION with S3_BUCKET.
      region: config.AWS_REGION ?? 'us-east-1',
      ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
      ...(config.ASSET_BASE_URL ? { publicBaseUrl: config.ASSET_BASE_URL } : {}),
    });
  }
  return new LocalObjectStore({
    dir: config.UPLOADS_DIR,
    signer: new UploadUrlSigner(config.JWT_SECRET),
    ...(config.ASSET_BASE_URL ? { publicBaseUrl: config.ASSET_BASE_URL } : {}),
  });
}
