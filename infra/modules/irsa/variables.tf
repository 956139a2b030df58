variable "name" {
  description = "Role name (e.g. gpu-assistant-prod-server)."
  type        = string
}

variable "oidc_provider_arn" {
  description = "IAM OIDC provider of the EKS cluster."
  type        = string
}

variable "oidc_issuer_host" {
  description = "OIDC issuer host and path, without https:// (condition key prefix)."
  type        = string
}

variable "namespace" {
  description = "Kubernetes namespace of the server's service account."
  type        = string
}

variable "service_account" {
  description = "Name of the server's service account (the Helm release's full name)."
  type        = string
}

variable "bucket_arn" {
  description = "Images bucket the server presigns uploads for and reads."
  type        = string
}

variable "secret_arns" {
  description = "Secrets Manager secrets the service account may read (for a namespaced SecretStore using it)."
  type        = list(string)
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}

variable "cluster_name" {
  description = "EKS cluster name (scopes the cluster-autoscaler's write actions to its node groups)."
  type        = string
}

variable "external_secrets_service_account" {
  description = "namespace/name of the External Secrets Operator controller's service account (its role reads only secret_arns). Empty = no role."
  type        = string
  default     = "external-secrets/external-secrets"

  validation {
    condition     = var.external_secrets_service_account == "" || can(regex("^[a-z0-9-]+/[a-z0-9-]+$", var.external_secrets_service_account))
    error_message = "external_secrets_service_account must be namespace/name or empty."
  }
}

variable "cluster_autoscaler_service_account" {
  description = "namespace/name of the cluster-autoscaler's service account. Empty = no role."
  type        = string
  default     = "kube-system/cluster-autoscaler"

  validation {
    condition     = var.cluster_autoscaler_service_account == "" || can(regex("^[a-z0-9-]+/[a-z0-9-]+$", var.cluster_autoscaler_service_account))
    error_message = "cluster_autoscaler_service_account must be namespace/name or empty."
  }
}
