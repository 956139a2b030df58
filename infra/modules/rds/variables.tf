variable "name" {
  description = "Identifier prefix (e.g. gpu-assistant-prod)."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the database."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the DB subnet group (at least two AZs)."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "RDS needs subnets in at least two availability zones."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups allowed to connect on 5432 (the EKS cluster security group)."
  type        = list(string)
}

variable "engine_version" {
  description = "PostgreSQL 16 minor version. pgvector 0.8 (iterative HNSW scans) needs 16.5 or later."
  type        = string
  default     = "16.8"

  validation {
    condition     = can(regex("^16\\.[0-9]+$", var.engine_version)) && tonumber(split(".", var.engine_version)[1]) >= 5
    error_message = "engine_version must be PostgreSQL 16.5 or later (pgvector 0.8)."
  }
}

variable "instance_class" {
  description = "Instance class (e.g. db.t4g.medium in dev, db.r7g.large in prod)."
  type        = string
}

variable "allocated_storage_gb" {
  description = "Initial gp3 storage, GB."
  type        = number
  default     = 50
}

variable "max_allocated_storage_gb" {
  description = "Storage autoscaling ceiling, GB."
  type        = number
  default     = 500
}

variable "multi_az" {
  description = "Synchronous standby in a second AZ (automatic failover)."
  type        = bool
  default     = false
}

variable "backup_retention_days" {
  description = "Automated backup (PITR) retention."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 1 and 35."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the instance (on in prod); off also skips the final snapshot."
  type        = bool
  default     = true
}

variable "db_name" {
  description = "Database the app uses."
  type        = string
  default     = "gpu_assistant"
}

variable "username" {
  description = "Master user name (the app connects as it; the password is generated)."
  type        = string
  default     = "gpu_assistant"
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
