// The embedder's interface lives in the platform (platform/embedder.ts), vectors' text format
// beside the column type (db/types/vector.ts); re-exported here for the implementations.
export { EMBEDDING_DIM, type Embedder } from '../../../platform/embedder.js';
export { toVectorLiteral } from '../../../db/types/vector.js';
