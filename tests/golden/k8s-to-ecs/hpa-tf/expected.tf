# specconv: ECS resources for Kubernetes namespace jobs

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
  default     = "prod"
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
  name  = "read-jobs-configuration"
  role  = aws_iam_role.task_execution_role[0].name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameters"]
        Resource = "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter/jobs/*"
      },
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = "arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:jobs/*"
      },
    ]
  })
}

resource "aws_cloudwatch_log_group" "worker_log_group" {
  name              = "/ecs/jobs/worker"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "worker_task_definition" {
  family = "worker"
  container_definitions = jsonencode([
    {
      name              = "worker"
      image             = "example/worker:3"
      cpu               = 1024
      memory            = 2048
      memoryReservation = 2048
      essential         = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/jobs/worker"
          "awslogs-region"        = local.region
          "awslogs-stream-prefix" = "worker"
        }
      }
      dockerLabels = {
        "specconv.io/k8s-workload-patch" = "{\"metadata\":{\"namespace\":\"jobs\"},\"spec\":{\"replicas\":4,\"strategy\":{\"rollingUpdate\":{\"maxSurge\":1,\"maxUnavailable\":0}},\"selector\":{\"matchLabels\":{\"app\":\"worker\",\"app.kubernetes.io/name\":null}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"worker\",\"app.kubernetes.io/name\":null}},\"spec\":{\"containers\":[{\"name\":\"worker\",\"resources\":{\"limits\":{\"cpu\":\"2\"}}}],\"resources\":null}}}}"
        "specconv.io/k8s-ecs"            = "{\"\":{\"stopTimeout\":\"7675d677c45ad9e8\",\"taskSize\":\"253335e80993e6ed\"},\"worker\":{\"healthCheck\":\"-\",\"cpu\":\"efe914276e700a1c\",\"memory\":\"8ffdb020efa78c8d\",\"memoryReservation\":\"8ffdb020efa78c8d\",\"resourceRequirements\":\"-\",\"portMappings\":\"-\",\"environment\":\"-\",\"secrets\":\"-\",\"user\":\"-\",\"readonlyRootFilesystem\":\"-\",\"privileged\":\"-\",\"linuxParameters\":\"-\"}}"
        "specconv.io/k8s-objects"        = "[{\"apiVersion\":\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\",\"metadata\":{\"name\":\"worker\",\"namespace\":\"jobs\"},\"spec\":{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"worker\"},\"minReplicas\":2,\"maxReplicas\":10,\"metrics\":[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\",\"averageUtilization\":60}}},{\"type\":\"Resource\",\"resource\":{\"name\":\"memory\",\"target\":{\"type\":\"Utilization\",\"averageUtilization\":75}}}]}}]"
      }
    },
  ])
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "2048"
  memory                   = "4096"
  execution_role_arn       = local.execution_role_arn
  depends_on               = [aws_cloudwatch_log_group.worker_log_group]
}

resource "aws_ecs_service" "worker_service" {
  name                               = "worker"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.worker_task_definition.arn
  desired_count                      = 2
  launch_type                        = "FARGATE"
  deployment_maximum_percent         = 150
  deployment_minimum_healthy_percent = 100
  scheduling_strategy                = "REPLICA"
  network_configuration {
    subnets          = var.subnets
    security_groups  = var.security_groups
    assign_public_ip = false
  }
}

resource "aws_appautoscaling_target" "worker_scalable_target" {
  max_capacity       = 10
  min_capacity       = 2
  resource_id        = "service/${var.cluster}/${aws_ecs_service.worker_service.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}

resource "aws_appautoscaling_policy" "worker_worker_cpu_scaling_policy" {
  name               = "worker-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.worker_scalable_target.resource_id
  scalable_dimension = aws_appautoscaling_target.worker_scalable_target.scalable_dimension
  service_namespace  = aws_appautoscaling_target.worker_scalable_target.service_namespace
  target_tracking_scaling_policy_configuration {
    target_value = 60.0
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "worker_worker_memory_scaling_policy" {
  name               = "worker-memory"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.worker_scalable_target.resource_id
  scalable_dimension = aws_appautoscaling_target.worker_scalable_target.scalable_dimension
  service_namespace  = aws_appautoscaling_target.worker_scalable_target.service_namespace
  target_tracking_scaling_policy_configuration {
    target_value = 75.0
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageMemoryUtilization"
    }
  }
}

output "worker_task_definition_arn" {
  description = "task definition worker"
  value       = aws_ecs_task_definition.worker_task_definition.arn
}
