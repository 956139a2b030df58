variable "bucket_name" {
  description = "Images bucket name (globally unique)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name must be a valid S3 bucket name."
  }
}

variable "allowed_origins" {
  description = "Browser origins that PUT to presigned URLs and GET images (the app's public URLs)."
  type        = list(string)

  validation {
    condition     = length(var.allowed_origins) > 0 && alltrue([for o in var.allowed_origins : can(regex("^https://[^/]+$|^http://localhost(:[0-9]+)?$", o))])
    error_message = "allowed_origins must be https:// origins (or http://localhost for development), without a path."
  }
}

variable "noncurrent_version_days" {
  description = "Days before replaced or deleted object versions are removed."
  type        = number
  default     = 30
}

variable "force_destroy" {
  description = "Allow terraform destroy to delete a non-empty bucket (dev only)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
