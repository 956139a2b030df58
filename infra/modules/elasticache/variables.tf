variable "name" {
  description = "Replication group id prefix (e.g. gpu-assistant-prod)."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the cache."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the cache subnet group."
  type        = list(string)
}

variable "allowed_security_group_ids" {
  description = "Security groups allowed to connect on 6379 (the EKS cluster security group)."
  type        = list(string)
}

variable "node_type" {
  description = "Cache node type (e.g. cache.t4g.small in dev, cache.r7g.large in prod)."
  type        = string
}

variable "engine_version" {
  description = "Redis OSS 7 engine version."
  type        = string
  default     = "7.1"

  validation {
    condition     = can(regex("^7\\.", var.engine_version))
    error_message = "engine_version must be Redis 7.x."
  }
}

variable "num_cache_clusters" {
  description = "Nodes in the replication group: 1 primary + replicas. Two or more enable automatic failover and Multi-AZ."
  type        = number
  default     = 2

  validation {
    condition     = var.num_cache_clusters >= 1 && var.num_cache_clusters <= 6
    error_message = "num_cache_clusters must be between 1 and 6."
  }
}

variable "cluster_mode_enabled" {
  description = "Redis Cluster (sharded keyspace, sharded pub/sub) instead of one primary with replicas. The app then gets REDIS_CLUSTER_NODES (output cluster_nodes)."
  type        = bool
  default     = false
}

variable "num_node_groups" {
  description = "Shards when cluster_mode_enabled (each owns a slice of the 16384 hash slots)."
  type        = number
  default     = 3

  validation {
    condition     = var.num_node_groups >= 1 && var.num_node_groups <= 500
    error_message = "num_node_groups must be between 1 and 500."
  }
}

variable "replicas_per_node_group" {
  description = "Replicas per shard when cluster_mode_enabled (1+ for failover and Multi-AZ)."
  type        = number
  default     = 1

  validation {
    condition     = var.replicas_per_node_group >= 0 && var.replicas_per_node_group <= 5
    error_message = "replicas_per_node_group must be between 0 and 5."
  }
}

variable "snapshot_retention_days" {
  description = "Daily snapshot retention (0 disables snapshots)."
  type        = number
  default     = 1
}

variable "apply_immediately" {
  description = "Apply modifications now instead of in the maintenance window."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
