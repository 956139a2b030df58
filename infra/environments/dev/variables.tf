variable "region" {
  description = "AWS region."
  type        = string
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as us-east-1."
  }
}

variable "project" {
  description = "Project name: prefix of every resource and of the Secrets Manager names."
  type        = string
  default     = "gpu-assistant"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,20}$", var.project))
    error_message = "project must be 3-21 lowercase letters, digits or dashes."
  }
}

variable "vpc_cidr" {
  description = "VPC CIDR (Helm networkPolicy.databaseCidrs uses the same range)."
  type        = string
  default     = "10.10.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "vpc_cidr must be a valid IPv4 CIDR."
  }
}

variable "az_count" {
  description = "Availability zones to use."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3."
  }
}

variable "kubernetes_version" {
  description = "EKS Kubernetes version."
  type        = string
  default     = "1.31"
}

variable "cluster_public_access_cidrs" {
  description = "CIDRs allowed to reach the EKS API endpoint."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = alltrue([for c in var.cluster_public_access_cidrs : can(cidrhost(c, 0))])
    error_message = "Every entry must be a CIDR."
  }
}

variable "on_demand_nodes" {
  description = "On-demand node group size and instance types."
  type = object({
    instance_types = list(string)
    min_size       = number
    max_size       = number
    desired_size   = number
  })
  default = {
    instance_types = ["t3.large"]
    min_size       = 1
    max_size       = 3
    desired_size   = 1
  }

  validation {
    condition     = var.on_demand_nodes.min_size <= var.on_demand_nodes.desired_size && var.on_demand_nodes.desired_size <= var.on_demand_nodes.max_size
    error_message = "on_demand_nodes must satisfy min_size <= desired_size <= max_size."
  }
}

variable "spot_nodes" {
  description = "Spot node group size and instance types (several types for Spot availability)."
  type = object({
    instance_types = list(string)
    min_size       = number
    max_size       = number
    desired_size   = number
  })
  default = {
    instance_types = ["t3.large", "t3a.large", "m5.large", "m6i.large"]
    min_size       = 0
    max_size       = 4
    desired_size   = 1
  }

  validation {
    condition     = var.spot_nodes.min_size <= var.spot_nodes.desired_size && var.spot_nodes.desired_size <= var.spot_nodes.max_size
    error_message = "spot_nodes must satisfy min_size <= desired_size <= max_size."
  }
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"

  validation {
    condition     = startswith(var.db_instance_class, "db.")
    error_message = "db_instance_class must be an RDS class such as db.t4g.medium."
  }
}

variable "db_backup_retention_days" {
  description = "RDS automated backup retention."
  type        = number
  default     = 3

  validation {
    condition     = var.db_backup_retention_days >= 1 && var.db_backup_retention_days <= 35
    error_message = "db_backup_retention_days must be between 1 and 35."
  }
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.small"

  validation {
    condition     = startswith(var.redis_node_type, "cache.")
    error_message = "redis_node_type must be an ElastiCache node type such as cache.t4g.small."
  }
}

variable "redis_num_cache_clusters" {
  description = "Redis nodes (1 = no replica)."
  type        = number
  default     = 1
}

variable "app_origins" {
  description = "Public origins of the app (S3 CORS for presigned uploads; Helm config.ALLOWED_ORIGINS)."
  type        = list(string)
  default     = ["https://dev.gpu-assistant.example.com", "http://localhost:5173"]
}

variable "k8s_namespace" {
  description = "Namespace the Helm release is installed in."
  type        = string
  default     = "gpu-assistant"
}

variable "k8s_service_account" {
  description = "Service account of the server pods (the release's full name with the chart defaults)."
  type        = string
  default     = "gpu-assistant"
}

variable "github_repository" {
  description = "owner/name of the GitHub repository whose workflows deploy here."
  type        = string
  default     = "gpu-store/gpu-assistant"

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be owner/name."
  }
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub OIDC provider (false when another stack in the account already did)."
  type        = bool
  default     = true
}

variable "thumbnail_image_tag" {
  description = "Tag of the thumbnail Lambda image in ECR; empty until the first image is pushed (the function is created on the apply that sets it)."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]{0,128}$", var.thumbnail_image_tag))
    error_message = "thumbnail_image_tag must be a valid image tag."
  }
}

variable "redis_cluster_mode" {
  description = "Redis Cluster (sharded) instead of one primary with replicas; the chart then gets config.REDIS_CLUSTER_NODES (output redis_cluster_nodes)."
  type        = bool
  default     = false
}

variable "redis_shards" {
  description = "Shards (node groups) when redis_cluster_mode is on."
  type        = number
  default     = 1

  validation {
    condition     = var.redis_shards >= 1
    error_message = "redis_shards must be at least 1."
  }
}

variable "redis_replicas_per_shard" {
  description = "Replicas per shard when redis_cluster_mode is on."
  type        = number
  default     = 0

  validation {
    condition     = var.redis_replicas_per_shard >= 0 && var.redis_replicas_per_shard <= 5
    error_message = "redis_replicas_per_shard must be between 0 and 5."
  }
}
