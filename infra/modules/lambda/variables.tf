variable "name" {
  description = "Function name (e.g. gpu-assistant-prod-thumbnail)."
  type        = string
}

variable "image_uri" {
  description = "Container image of the function (ECR URL:tag of the lambda-thumbnail target). Empty = the function, trigger and permission are not created yet (first apply, before any image is pushed)."
  type        = string
  default     = ""
}

variable "bucket_name" {
  description = "Images bucket whose original/ uploads trigger the function."
  type        = string
}

variable "bucket_arn" {
  description = "Images bucket ARN."
  type        = string
}

variable "memory_mb" {
  description = "Function memory (CPU scales with it; sharp decodes whole images)."
  type        = number
  default     = 1024

  validation {
    condition     = var.memory_mb >= 512 && var.memory_mb <= 10240
    error_message = "memory_mb must be between 512 and 10240."
  }
}

variable "timeout_seconds" {
  description = "Function timeout."
  type        = number
  default     = 30
}

variable "max_source_bytes" {
  description = "Originals larger than this are skipped."
  type        = number
  default     = 26214400
}

variable "log_retention_days" {
  description = "Retention of the function's logs."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
