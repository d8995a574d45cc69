# specconv: ECS resources for Kubernetes namespace default

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "subnets" {
  type        = list(string)
  description = "private subnets of the tasks (awsvpc) and of internal load balancers"
}

variable "security_groups" {
  type        = list(string)
  description = "security groups of the tasks (workloads selected by a SecurityGroupPolicy use its groups instead)"
}

variable "cluster" {
  type        = string
  description = "ECS cluster of the services"
  default     = "default"
}

variable "execution_role_arn" {
  type        = string
  description = "task execution role ARN; empty: this module creates one (ECR pulls, logs, and reading this namespace's parameters and secrets)"
  default     = ""
}

data "aws_partition" "current" {
}

data "aws_region" "current" {
}

data "aws_caller_identity" "current" {
}

locals {
  partition          = data.aws_partition.current.partition
  region             = data.aws_region.current.name
  account_id         = data.aws_caller_identity.current.account_id
  execution_role_arn = var.execution_role_arn != "" ? var.execution_role_arn : aws_iam_role.task_execution_role[0].arn
  cluster_arn        = "arn:${local.partition}:ecs:${local.region}:${local.account_id}:cluster/${var.cluster}"
}

resource "aws_iam_role" "task_execution_role" {
  count = var.execution_role_arn == "" ? 1 : 0
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "ecs-tasks.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "task_execution_role" {
  count      = var.execution_role_arn == "" ? 1 : 0
  role       = aws_iam_role.task_execution_role[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "task_execution_role" {
  count = var.execution_role_arn == "" ? 1 : 0
  name  = "read-default-configuration"
  role  = aws_iam_role.task_execution_role[0].name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameters"]
        Resource = "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter/default/*"
      },
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = "arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:default/*"
      },
    ]
  })
}

resource "aws_iam_role" "scheduler_role" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "scheduler.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy" "scheduler_role" {
  name = "run-default-cronjobs"
  role = aws_iam_role.scheduler_role.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ecs:RunTask"]
        Resource = "*"
        Condition = {
          ArnEquals = {
            "ecs:cluster" = local.cluster_arn
          }
        }
      },
      {
        Effect   = "Allow"
        Action   = ["iam:PassRole"]
        Resource = "*"
        Condition = {
          StringLike = {
            "iam:PassedToService" = "ecs-tasks.amazonaws.com"
          }
        }
      },
    ]
  })
}

resource "aws_cloudwatch_log_group" "migrate_log_group" {
  name              = "/ecs/default/migrate"
  retention_in_days = 30
}

resource "aws_cloudwatch_log_group" "report_log_group" {
  name              = "/ecs/default/report"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "migrate_task_definition" {
  family = "migrate"
  container_definitions = jsonencode([
    {
      name  = "migrate"
      image = "example/app:5"
      repositoryCredentials = {
        credentialsParameter = "arn:aws:secretsmanager:REGION:ACCOUNT_ID:secret:default/registry"
      }
      cpu               = 512
      memoryReservation = 1024
      essential         = true
      entryPoint        = ["/app/migrate"]
      command           = ["--to", "latest"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/default/migrate"
          "awslogs-region"        = local.region
          "awslogs-stream-prefix" = "migrate"
        }
      }
      dockerLabels = {
        "specconv.io/k8s-workload-patch" = "{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\",\"spec\":{\"backoffLimit\":2,\"template\":{\"spec\":{\"restartPolicy\":\"Never\",\"imagePullSecrets\":[{\"name\":\"registry\"}],\"resources\":null},\"metadata\":null},\"replicas\":null,\"selector\":null,\"strategy\":null}}"
        "specconv.io/k8s-ecs"            = "{\"\":{\"stopTimeout\":\"7675d677c45ad9e8\",\"taskSize\":\"3faffab48b85b5bf\"},\"migrate\":{\"healthCheck\":\"-\",\"cpu\":\"63ae3e50355771a1\",\"memory\":\"-\",\"memoryReservation\":\"efe914276e700a1c\",\"resourceRequirements\":\"-\",\"portMappings\":\"-\",\"environment\":\"-\",\"secrets\":\"-\",\"user\":\"-\",\"readonlyRootFilesystem\":\"-\",\"privileged\":\"-\",\"linuxParameters\":\"-\"}}"
      }
    },
  ])
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = local.execution_role_arn
  depends_on               = [aws_cloudwatch_log_group.migrate_log_group]
}

resource "aws_ecs_task_definition" "report_task_definition" {
  family = "report"
  container_definitions = jsonencode([
    {
      name      = "report"
      image     = "example/report:1"
      essential = true
      command   = ["nightly"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/default/report"
          "awslogs-region"        = local.region
          "awslogs-stream-prefix" = "report"
        }
      }
      dockerLabels = {
        "specconv.io/k8s-workload-patch" = "{\"apiVersion\":\"batch/v1\",\"kind\":\"CronJob\",\"spec\":{\"schedule\":\"30 2 * * *\",\"jobTemplate\":{\"spec\":{\"template\":{\"spec\":{\"restartPolicy\":\"OnFailure\",\"containers\":[{\"name\":\"report\",\"image\":\"example/report:1\",\"args\":[\"nightly\"]}]}}}},\"replicas\":null,\"selector\":null,\"strategy\":null,\"template\":null}}"
        "specconv.io/k8s-ecs"            = "{\"\":{\"stopTimeout\":\"7675d677c45ad9e8\",\"taskSize\":\"33afe4454af56611\"},\"report\":{\"healthCheck\":\"-\",\"cpu\":\"-\",\"memory\":\"-\",\"memoryReservation\":\"-\",\"resourceRequirements\":\"-\",\"portMappings\":\"-\",\"environment\":\"-\",\"secrets\":\"-\",\"user\":\"-\",\"readonlyRootFilesystem\":\"-\",\"privileged\":\"-\",\"linuxParameters\":\"-\"}}"
      }
    },
  ])
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = local.execution_role_arn
  depends_on               = [aws_cloudwatch_log_group.report_log_group]
}

resource "aws_scheduler_schedule" "report_schedule" {
  name                         = "report"
  description                  = "CronJob default/report (30 2 * * *)"
  schedule_expression          = "cron(30 2 * * ? *)"
  schedule_expression_timezone = "UTC"
  flexible_time_window {
    mode = "OFF"
  }
  target {
    arn      = local.cluster_arn
    role_arn = aws_iam_role.scheduler_role.arn
    ecs_parameters {
      task_definition_arn = aws_ecs_task_definition.report_task_definition.arn
      launch_type         = "FARGATE"
      task_count          = 1
      network_configuration {
        subnets          = var.subnets
        security_groups  = var.security_groups
        assign_public_ip = false
      }
    }
  }
}

output "migrate_task_definition_arn" {
  description = "task definition migrate"
  value       = aws_ecs_task_definition.migrate_task_definition.arn
}

output "report_task_definition_arn" {
  description = "task definition report"
  value       = aws_ecs_task_definition.report_task_definition.arn
}
