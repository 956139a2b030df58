// autocannon `setupRequest` for the uncached catalog case (loaded by path inside autocannon's
// worker thread): a new maxPrice, one cent lower each request, is a new cache key, so every
// request misses the cache and runs the SQL.
let n = 0;
module.exports = function setupRequest(req) {
  const cents = 100000 - (n++ % 90000);
  return { ...req, path: `/api/gpus?brand=NVIDIA&maxPrice=${cents / 100}&sort=price` };
};
