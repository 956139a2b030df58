// Where product images live: one interface, two implementations (S3 with presigned PUT URLs,
// or local files with HMAC-signed URLs served by this server), chosen once in services.ts.

export interface PresignRequest {
  key: string;
  contentType: string;
  /** When known, the upload must be exactly this many bytes. */
  contentLength?: number;
  expiresInS: number;
  /** This server's public origin (the local store's upload URL points back at it). */
  origin: string;
}

export interface PresignedUpload {
  url: string;
  /** Headers the client must send with the PUT. */
  headers: Record<string, string>;
}

export interface StoredObject {
  size: number;
  contentType: string | undefined;
}

export interface ObjectStore {
  readonly kind: 's3' | 'local';
  presignPut(req: PresignRequest): Promise<PresignedUpload>;
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Size and type, or null when the object does not exist. */
  head(key: string): Promise<StoredObject | null>;
  /** The first `bytes` bytes (for magic-number sniffing). */
  readStart(key: string, bytes: number): Promise<Buffer>;
  delete(key: string): Promise<void>;
  /** The URL browsers load the object from. */
  publicUrl(key: string): string;
}
