# Redis 7, TLS in transit, encrypted at rest, AUTH token. Two shapes:
#   cluster_mode_enabled = false  one primary + replicas (REDIS_URL; one keyspace for the Socket.IO
#                                 adapter, bus, cache, limits and token streams)
#   cluster_mode_enabled = true   num_node_groups shards x (1 + replicas_per_node_group) nodes; the
#                                 server gets the configuration endpoint as REDIS_CLUSTER_NODES and
#                                 uses the sharded Socket.IO adapter and hash-tagged keys
# Switching shapes replaces the replication group (its data is cache, limits and in-flight
# streams): do it in a quiet window (docs/operations.md, "Redis Cluster").

locals {
  cluster = var.cluster_mode_enabled
  # Cluster mode needs cluster-enabled=yes, which a parameter group cannot change in place.
  parameter_family_suffix = local.cluster ? "-cluster" : ""
}

resource "random_password" "auth" {
  length  = 48
  special = false # AUTH tokens may not contain @, " or /; URL-safe for REDIS_URL
}

resource "aws_elasticache_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

resource "aws_security_group" "this" {
  name        = "${var.name}-redis"
  description = "Redis from the EKS cluster"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-redis" })
}

resource "aws_vpc_security_group_ingress_rule" "redis" {
  for_each = toset(var.allowed_security_group_ids)

  security_group_id            = aws_security_group.this.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  description                  = "Redis from ${each.value}"
}

resource "aws_elasticache_parameter_group" "this" {
  name        = "${var.name}-redis7${local.parameter_family_suffix}"
  family      = "redis7"
  description = "${var.name} Redis 7${local.cluster ? " cluster mode" : ""}"

  dynamic "parameter" {
    for_each = local.cluster ? ["yes"] : []
    content {
      name  = "cluster-enabled"
      value = parameter.value
    }
  }

  # Under memory pressure evict only keys with a TTL (cache entries, finished token streams);
  # never the adapter's or the streams' live keys.
  parameter {
    name  = "maxmemory-policy"
    value = "volatile-lru"
  }

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = var.name
  description          = "${var.name} Socket.IO adapter, pub/sub, cache, token streams"
  engine               = "redis"
  engine_version       = var.engine_version
  node_type            = var.node_type
  port                 = 6379
  parameter_group_name = aws_elasticache_parameter_group.this.name
  subnet_group_name    = aws_elasticache_subnet_group.this.name
  security_group_ids   = [aws_security_group.this.id]

  # Replication group: num_cache_clusters nodes. Cluster mode: shards x (1 + replicas), and
  # failover is mandatory (a shard's replica takes over its slots).
  cluster_mode               = local.cluster ? "enabled" : "disabled"
  num_cache_clusters         = local.cluster ? null : var.num_cache_clusters
  num_node_groups            = local.cluster ? var.num_node_groups : null
  replicas_per_node_group    = local.cluster ? var.replicas_per_node_group : null
  automatic_failover_enabled = local.cluster || var.num_cache_clusters > 1
  multi_az_enabled           = local.cluster ? var.replicas_per_node_group > 0 : var.num_cache_clusters > 1

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = random_password.auth.result
  auth_token_update_strategy = "ROTATE"

  snapshot_retention_limit = var.snapshot_retention_days
  snapshot_window          = "02:00-03:00"
  maintenance_window       = "sun:05:30-sun:06:30"
  apply_immediately        = var.apply_immediately

  tags = var.tags
}
