# Thumbnail Lambda: S3 ObjectCreated on original/ -> thumbnails/<gpuId>/<uuid>.webp. The trigger
# is filtered to original/ and the role may only read original/* and write thumbnails/*, so the
# function can never trigger itself.

data "aws_caller_identity" "current" {}

locals {
  enabled = var.image_uri != ""
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

data "aws_iam_policy_document" "this" {
  statement {
    sid       = "ReadOriginals"
    actions   = ["s3:GetObject"]
    resources = ["${var.bucket_arn}/original/*"]
  }

  statement {
    sid       = "WriteThumbnails"
    actions   = ["s3:PutObject"]
    resources = ["${var.bucket_arn}/thumbnails/*"]
  }

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }
}

resource "aws_iam_role_policy" "this" {
  name   = "thumbnail"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.this.json
}

resource "aws_lambda_function" "this" {
  count = local.enabled ? 1 : 0

  function_name = var.name
  role          = aws_iam_role.this.arn
  package_type  = "Image"
  image_uri     = var.image_uri
  architectures = ["x86_64"] # sharp is installed for linux-x64 in the image
  memory_size   = var.memory_mb
  timeout       = var.timeout_seconds

  environment {
    variables = {
      MAX_SOURCE_BYTES = tostring(var.max_source_bytes)
    }
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  tags = var.tags

  lifecycle {
    # CI deploys new images with `aws lambda update-function-code`.
    ignore_changes = [image_uri]
  }

  depends_on = [aws_iam_role_policy.this]
}

resource "aws_lambda_permission" "s3" {
  count = local.enabled ? 1 : 0

  statement_id   = "AllowS3Invoke"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.this[0].function_name
  principal      = "s3.amazonaws.com"
  source_arn     = var.bucket_arn
  source_account = data.aws_caller_identity.current.account_id
}

# The bucket's only notification configuration (S3 allows one per bucket).
resource "aws_s3_bucket_notification" "this" {
  count  = local.enabled ? 1 : 0
  bucket = var.bucket_name

  lambda_function {
    lambda_function_arn = aws_lambda_function.this[0].arn
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = "original/"
  }

  depends_on = [aws_lambda_permission.s3]
}
