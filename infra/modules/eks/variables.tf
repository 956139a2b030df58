variable "name" {
  description = "Cluster name."
  type        = string
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane and node groups."
  type        = string
  default     = "1.31"

  validation {
    condition     = can(regex("^1\\.(2[9]|3[0-9])$", var.kubernetes_version))
    error_message = "kubernetes_version must be 1.29 or newer, as MAJOR.MINOR."
  }
}

variable "vpc_id" {
  description = "VPC the cluster runs in."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets for the control plane ENIs and the nodes (one per AZ)."
  type        = list(string)
}

variable "public_access_cidrs" {
  description = "CIDRs allowed to reach the public API endpoint (CI runners, operators)."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "on_demand" {
  description = "On-demand node group: the serving floor (server pods prefer it)."
  type = object({
    instance_types = list(string)
    min_size       = number
    max_size       = number
    desired_size   = number
  })
}

variable "spot" {
  description = "Spot node group: burst capacity for HPA scale-out (several instance types for availability)."
  type = object({
    instance_types = list(string)
    min_size       = number
    max_size       = number
    desired_size   = number
  })
}

variable "access_entries" {
  description = "IAM principals granted cluster access (EKS access entries): policy ARN and optional namespaces."
  type = map(object({
    principal_arn = string
    policy_arn    = string
    namespaces    = list(string)
  }))
  default = {}
}

variable "log_retention_days" {
  description = "Retention of the control plane logs."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
