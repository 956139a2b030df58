output "primary_endpoint" {
  description = "Primary endpoint address (follows failover); null in cluster mode."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "mode" {
  description = "\"cluster\" (Redis Cluster) or \"replication\" (one primary with replicas)."
  value       = var.cluster_mode_enabled ? "cluster" : "replication"
}

output "configuration_endpoint" {
  description = "Cluster mode: the configuration endpoint (resolves to the nodes; clients discover the shards from it). Null otherwise."
  value       = var.cluster_mode_enabled ? aws_elasticache_replication_group.this.configuration_endpoint_address : null
}

output "cluster_nodes" {
  description = "REDIS_CLUSTER_NODES for the app (host:port seed list: the configuration endpoint); empty without cluster mode."
  value       = var.cluster_mode_enabled ? "${aws_elasticache_replication_group.this.configuration_endpoint_address}:${aws_elasticache_replication_group.this.port}" : ""
}

output "port" {
  description = "Redis port."
  value       = aws_elasticache_replication_group.this.port
}

output "redis_url" {
  description = "REDIS_URL for the app (rediss:// = TLS; in cluster mode the configuration endpoint, and the app takes the AUTH token and TLS from it), stored in Secrets Manager by the secrets module."
  value       = "rediss://:${random_password.auth.result}@${var.cluster_mode_enabled ? aws_elasticache_replication_group.this.configuration_endpoint_address : aws_elasticache_replication_group.this.primary_endpoint_address}:${aws_elasticache_replication_group.this.port}"
  sensitive   = true
}

output "security_group_id" {
  description = "Security group of the cache."
  value       = aws_security_group.this.id
}
