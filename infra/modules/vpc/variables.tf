variable "name" {
  description = "Name prefix for every resource (e.g. gpu-assistant-prod)."
  type        = string
}

variable "cidr" {
  description = "VPC CIDR block (a /16 leaves room for VPC CNI pod addresses)."
  type        = string

  validation {
    condition     = can(cidrhost(var.cidr, 0)) && tonumber(split("/", var.cidr)[1]) <= 18
    error_message = "cidr must be a valid IPv4 CIDR of /18 or larger."
  }
}

variable "azs" {
  description = "Availability zones to spread subnets over (at least two)."
  type        = list(string)

  validation {
    condition     = length(var.azs) >= 2 && length(var.azs) <= 4
    error_message = "Use between 2 and 4 availability zones."
  }
}

variable "cluster_name" {
  description = "EKS cluster name, for the kubernetes.io/cluster/<name> subnet tags."
  type        = string
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all private subnets (cheaper, not zone-redundant) instead of one per AZ."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
