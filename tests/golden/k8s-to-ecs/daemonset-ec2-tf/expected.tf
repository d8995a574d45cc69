# specconv: ECS resources for Kubernetes namespace monitoring

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
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
  name  = "read-monitoring-configuration"
  role  = aws_iam_role.task_execution_role[0].name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameters"]
        Resource = "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter/monitoring/*"
      },
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = "arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:monitoring/*"
      },
    ]
  })
}

resource "aws_cloudwatch_log_group" "node_agent_log_group" {
  name              = "/ecs/monitoring/node-agent"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "node_agent_task_definition" {
  family = "node-agent"
  container_definitions = jsonencode([
    {
      name              = "agent"
      image             = "example/node-agent:1.4"
      cpu               = 52
      memory            = 128
      memoryReservation = 64
      essential         = true
      mountPoints = [
        {
          sourceVolume  = "proc"
          containerPath = "/host/proc"
          readOnly      = true
        },
      ]
      user       = "0"
      privileged = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/monitoring/node-agent"
          "awslogs-region"        = local.region
          "awslogs-stream-prefix" = "agent"
        }
      }
      dockerLabels = {
        "specconv.io/k8s-workload-patch" = "{\"kind\":\"DaemonSet\",\"metadata\":{\"namespace\":\"monitoring\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"node-agent\",\"app.kubernetes.io/name\":null}},\"updateStrategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"maxUnavailable\":\"25%\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"node-agent\",\"app.kubernetes.io/name\":null}},\"spec\":{\"containers\":[{\"name\":\"agent\",\"resources\":{\"requests\":{\"cpu\":\"50m\"}}}],\"resources\":null,\"dnsPolicy\":null}},\"replicas\":null,\"strategy\":null}}"
        "specconv.io/k8s-ecs"            = "{\"\":{\"stopTimeout\":\"7675d677c45ad9e8\",\"taskSize\":\"177d778e70d5217e\"},\"agent\":{\"healthCheck\":\"-\",\"cpu\":\"9b169300c5dc4850\",\"memory\":\"3fb816502099f9dc\",\"memoryReservation\":\"9b132b00c5d961c1\",\"resourceRequirements\":\"-\",\"portMappings\":\"-\",\"environment\":\"-\",\"secrets\":\"-\",\"user\":\"ad56f14fcdf02a21\",\"readonlyRootFilesystem\":\"-\",\"privileged\":\"4b66a767efc7182f\",\"linuxParameters\":\"-\"}}"
      }
    },
  ])
  network_mode = "host"
  volume {
    name      = "proc"
    host_path = "/proc"
  }
  requires_compatibilities = ["EC2"]
  cpu                      = "52"
  memory                   = "128"
  pid_mode                 = "host"
  execution_role_arn       = local.execution_role_arn
  depends_on               = [aws_cloudwatch_log_group.node_agent_log_group]
}

resource "aws_ecs_service" "node_agent_service" {
  name                               = "node-agent"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.node_agent_task_definition.arn
  launch_type                        = "EC2"
  deployment_maximum_percent         = 100
  deployment_minimum_healthy_percent = 75
  scheduling_strategy                = "DAEMON"
}

output "node_agent_task_definition_arn" {
  description = "task definition node-agent"
  value       = aws_ecs_task_definition.node_agent_task_definition.arn
}
