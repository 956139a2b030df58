variable "name_prefix" {
  description = "Secret name prefix, <project>/<environment> (e.g. gpu-assistant/prod)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9-]+/[a-z0-9-]+$", var.name_prefix))
    error_message = "name_prefix must look like project/environment."
  }
}

variable "database_url" {
  description = "DATABASE_URL (from the rds module)."
  type        = string
  sensitive   = true
}

variable "redis_url" {
  description = "REDIS_URL (from the elasticache module)."
  type        = string
  sensitive   = true
}

variable "recovery_window_days" {
  description = "Days a deleted secret can be restored (0 deletes at once, dev only)."
  type        = number
  default     = 7

  validation {
    condition     = var.recovery_window_days == 0 || (var.recovery_window_days >= 7 && var.recovery_window_days <= 30)
    error_message = "recovery_window_days must be 0 or between 7 and 30."
  }
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
