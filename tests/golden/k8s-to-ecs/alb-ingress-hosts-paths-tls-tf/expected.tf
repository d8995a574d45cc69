# specconv: ECS resources for Kubernetes namespace shop

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "vpc_id" {
  type        = string
  description = "VPC of the target groups and the Cloud Map namespace"
}

variable "subnets" {
  type        = list(string)
  description = "private subnets of the tasks (awsvpc) and of internal load balancers"
}

variable "security_groups" {
  type        = list(string)
  description = "security groups of the tasks (workloads selected by a SecurityGroupPolicy use its groups instead)"
}

variable "public_subnets" {
  type        = list(string)
  description = "public subnets of internet-facing load balancers"
}

variable "load_balancer_security_groups" {
  type        = list(string)
  description = "security groups of the Application Load Balancers (must reach the tasks' ports)"
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

variable "service_discovery_namespace_name" {
  type        = string
  description = "Cloud Map private DNS namespace: <service>.<this name> resolves to the tasks (the default keeps the Kubernetes names <service>.<namespace>.svc.cluster.local working)"
  default     = "shop.svc.cluster.local"
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
  name  = "read-shop-configuration"
  role  = aws_iam_role.task_execution_role[0].name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameters"]
        Resource = "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter/shop/*"
      },
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = "arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:shop/*"
      },
    ]
  })
}

resource "aws_service_discovery_private_dns_namespace" "service_discovery_namespace" {
  name        = var.service_discovery_namespace_name
  vpc         = var.vpc_id
  description = "Kubernetes namespace shop"
}

resource "aws_service_discovery_service" "api_discovery" {
  name = "api"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.service_discovery_namespace.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
  health_check_custom_config {
    failure_threshold = 1
  }
}

resource "aws_service_discovery_service" "frontend_discovery" {
  name = "frontend"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.service_discovery_namespace.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
  health_check_custom_config {
    failure_threshold = 1
  }
}

resource "aws_lb_target_group" "shop_api80_target_group" {
  name        = "shop-api-80"
  protocol    = "HTTP"
  port        = 8080
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    protocol            = "HTTP"
    path                = "/ready"
    interval            = 15
    timeout             = 3
    healthy_threshold   = 2
    unhealthy_threshold = 4
    matcher             = "200-399"
  }
}

resource "aws_lb_target_group" "shop_frontend80_target_group" {
  name        = "shop-frontend-80"
  protocol    = "HTTP"
  port        = 3000
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    protocol            = "HTTP"
    path                = "/healthz"
    interval            = 10
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
    matcher             = "200-399"
  }
}

resource "aws_lb" "shop_public_load_balancer" {
  name               = "shop-shop-public"
  load_balancer_type = "application"
  internal           = false
  subnets            = var.public_subnets
  security_groups    = var.load_balancer_security_groups
}

resource "aws_lb_listener" "shop_public_listener_http80" {
  load_balancer_arn = aws_lb.shop_public_load_balancer.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "shop_public_listener_https443" {
  load_balancer_arn = aws_lb.shop_public_load_balancer.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      message_body = "no route"
      status_code  = "404"
    }
  }
}

resource "aws_lb_listener_rule" "shop_public_rule443_p1" {
  listener_arn = aws_lb_listener.shop_public_listener_https443.arn
  priority     = 1
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop_frontend80_target_group.arn
  }
  condition {
    host_header {
      values = ["shop.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/robots.txt"]
    }
  }
}

resource "aws_lb_listener_rule" "shop_public_rule443_p2" {
  listener_arn = aws_lb_listener.shop_public_listener_https443.arn
  priority     = 2
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop_api80_target_group.arn
  }
  condition {
    host_header {
      values = ["shop.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/api", "/api/*"]
    }
  }
}

resource "aws_lb_listener_rule" "shop_public_rule443_p3" {
  listener_arn = aws_lb_listener.shop_public_listener_https443.arn
  priority     = 3
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop_api80_target_group.arn
  }
  condition {
    host_header {
      values = ["api.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/v1", "/v1/*"]
    }
  }
}

resource "aws_lb_listener_rule" "shop_public_rule443_p4" {
  listener_arn = aws_lb_listener.shop_public_listener_https443.arn
  priority     = 4
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.shop_frontend80_target_group.arn
  }
  condition {
    host_header {
      values = ["shop.example.com"]
    }
  }
  condition {
    path_pattern {
      values = ["/*"]
    }
  }
}

resource "aws_cloudwatch_log_group" "api_log_group" {
  name              = "/ecs/shop/api"
  retention_in_days = 30
}

resource "aws_cloudwatch_log_group" "frontend_log_group" {
  name              = "/ecs/shop/frontend"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "api_task_definition" {
  family = "api"
  container_definitions = jsonencode([
    {
      name              = "api"
      image             = "example/api:2.1"
      cpu               = 512
      memoryReservation = 1024
      portMappings = [
        {
          containerPort = 8080
          protocol      = "tcp"
          name          = "http"
        },
      ]
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/shop/api"
          "awslogs-region"        = local.region
          "awslogs-stream-prefix" = "api"
        }
      }
      dockerLabels = {
        "specconv.io/k8s-workload-patch" = "{\"metadata\":{\"namespace\":\"shop\"},\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"api\",\"app.kubernetes.io/name\":null}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"api\",\"app.kubernetes.io/name\":null}},\"spec\":{\"containers\":[{\"name\":\"api\",\"ports\":[{\"containerPort\":8080,\"protocol\":null}],\"readinessProbe\":{\"httpGet\":{\"path\":\"/ready\",\"port\":\"http\"},\"periodSeconds\":15,\"timeoutSeconds\":3,\"failureThreshold\":4},\"resources\":{\"requests\":{\"cpu\":\"0.5\"}}}],\"resources\":null}},\"strategy\":null}}"
        "specconv.io/k8s-ecs"            = "{\"\":{\"stopTimeout\":\"7675d677c45ad9e8\",\"taskSize\":\"3faffab48b85b5bf\"},\"api\":{\"healthCheck\":\"-\",\"cpu\":\"63ae3e50355771a1\",\"memory\":\"-\",\"memoryReservation\":\"efe914276e700a1c\",\"resourceRequirements\":\"-\",\"portMappings\":\"d060e78418a264dd\",\"environment\":\"-\",\"secrets\":\"-\",\"user\":\"-\",\"readonlyRootFilesystem\":\"-\",\"privileged\":\"-\",\"linuxParameters\":\"-\"}}"
        "specconv.io/k8s-objects"        = "[{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"api\",\"namespace\":\"shop\"},\"spec\":{\"selector\":{\"app\":\"api\"},\"ports\":[{\"name\":\"http\",\"port\":80,\"targetPort\":\"http\"}]}},{\"apiVersion\":\"networking.k8s.io/v1\",\"kind\":\"Ingress\",\"metadata\":{\"name\":\"shop\",\"namespace\":\"shop\",\"annotations\":{\"alb.ingress.kubernetes.io/scheme\":\"internet-facing\",\"alb.ingress.kubernetes.io/target-type\":\"ip\",\"alb.ingress.kubernetes.io/listen-ports\":\"[{\\\"HTTP\\\": 80}, {\\\"HTTPS\\\": 443}]\",\"alb.ingress.kubernetes.io/ssl-redirect\":\"443\",\"alb.ingress.kubernetes.io/certificate-arn\":\"arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555\",\"alb.ingress.kubernetes.io/group.name\":\"shop-public\"}},\"spec\":{\"ingressClassName\":\"alb\",\"tls\":[{\"hosts\":[\"shop.example.com\",\"api.example.com\"]}],\"rules\":[{\"host\":\"api.example.com\",\"http\":{\"paths\":[{\"path\":\"/v1\",\"pathType\":\"Prefix\",\"backend\":{\"service\":{\"name\":\"api\",\"port\":{\"name\":\"http\"}}}}]}},{\"host\":\"shop.example.com\",\"http\":{\"paths\":[{\"path\":\"/api/\",\"pathType\":\"Prefix\",\"backend\":{\"service\":{\"name\":\"api\",\"port\":{\"number\":80}}}},{\"path\":\"/\",\"pathType\":\"Prefix\",\"backend\":{\"service\":{\"name\":\"frontend\",\"port\":{\"number\":80}}}},{\"path\":\"/robots.txt\",\"pathType\":\"Exact\",\"backend\":{\"service\":{\"name\":\"frontend\",\"port\":{\"number\":80}}}}]}}]}}]"
      }
    },
  ])
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "512"
  memory                   = "1024"
  execution_role_arn       = local.execution_role_arn
  depends_on               = [aws_cloudwatch_log_group.api_log_group]
}

resource "aws_ecs_service" "api_service" {
  name                               = "api"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.api_task_definition.arn
  desired_count                      = 3
  launch_type                        = "FARGATE"
  deployment_maximum_percent         = 150
  deployment_minimum_healthy_percent = 75
  scheduling_strategy                = "REPLICA"
  network_configuration {
    subnets          = var.subnets
    security_groups  = var.security_groups
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.shop_api80_target_group.arn
    container_name   = "api"
    container_port   = 8080
  }
  service_registries {
    registry_arn = aws_service_discovery_service.api_discovery.arn
  }
  depends_on = [aws_lb_listener_rule.shop_public_rule443_p2, aws_lb_listener_rule.shop_public_rule443_p3]
}

resource "aws_ecs_task_definition" "frontend_task_definition" {
  family = "frontend"
  container_definitions = jsonencode([
    {
      name              = "frontend"
      image             = "example/frontend:1.0"
      cpu               = 256
      memoryReservation = 512
      portMappings = [
        {
          containerPort = 3000
          protocol      = "tcp"
        },
      ]
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/shop/frontend"
          "awslogs-region"        = local.region
          "awslogs-stream-prefix" = "frontend"
        }
      }
      dockerLabels = {
        "specconv.io/k8s-workload-patch" = "{\"metadata\":{\"namespace\":\"shop\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"frontend\",\"app.kubernetes.io/name\":null}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"frontend\",\"app.kubernetes.io/name\":null}},\"spec\":{\"containers\":[{\"name\":\"frontend\",\"ports\":[{\"containerPort\":3000,\"protocol\":null}],\"readinessProbe\":{\"httpGet\":{\"path\":\"/healthz\",\"port\":3000}}}],\"resources\":null}},\"strategy\":null}}"
        "specconv.io/k8s-ecs"            = "{\"\":{\"stopTimeout\":\"7675d677c45ad9e8\",\"taskSize\":\"33afe4454af56611\"},\"frontend\":{\"healthCheck\":\"-\",\"cpu\":\"3865e3501cd5ab5c\",\"memory\":\"-\",\"memoryReservation\":\"63ae3e50355771a1\",\"resourceRequirements\":\"-\",\"portMappings\":\"e3aae200d64d18a1\",\"environment\":\"-\",\"secrets\":\"-\",\"user\":\"-\",\"readonlyRootFilesystem\":\"-\",\"privileged\":\"-\",\"linuxParameters\":\"-\"}}"
        "specconv.io/k8s-objects"        = "[{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"frontend\",\"namespace\":\"shop\"},\"spec\":{\"selector\":{\"app\":\"frontend\"},\"ports\":[{\"port\":80,\"targetPort\":3000}]}},{\"apiVersion\":\"networking.k8s.io/v1\",\"kind\":\"Ingress\",\"metadata\":{\"name\":\"shop\",\"namespace\":\"shop\",\"annotations\":{\"alb.ingress.kubernetes.io/scheme\":\"internet-facing\",\"alb.ingress.kubernetes.io/target-type\":\"ip\",\"alb.ingress.kubernetes.io/listen-ports\":\"[{\\\"HTTP\\\": 80}, {\\\"HTTPS\\\": 443}]\",\"alb.ingress.kubernetes.io/ssl-redirect\":\"443\",\"alb.ingress.kubernetes.io/certificate-arn\":\"arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555\",\"alb.ingress.kubernetes.io/group.name\":\"shop-public\"}},\"spec\":{\"ingressClassName\":\"alb\",\"tls\":[{\"hosts\":[\"shop.example.com\",\"api.example.com\"]}],\"rules\":[{\"host\":\"api.example.com\",\"http\":{\"paths\":[{\"path\":\"/v1\",\"pathType\":\"Prefix\",\"backend\":{\"service\":{\"name\":\"api\",\"port\":{\"name\":\"http\"}}}}]}},{\"host\":\"shop.example.com\",\"http\":{\"paths\":[{\"path\":\"/api/\",\"pathType\":\"Prefix\",\"backend\":{\"service\":{\"name\":\"api\",\"port\":{\"number\":80}}}},{\"path\":\"/\",\"pathType\":\"Prefix\",\"backend\":{\"service\":{\"name\":\"frontend\",\"port\":{\"number\":80}}}},{\"path\":\"/robots.txt\",\"pathType\":\"Exact\",\"backend\":{\"service\":{\"name\":\"frontend\",\"port\":{\"number\":80}}}}]}}]}}]"
      }
    },
  ])
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = local.execution_role_arn
  depends_on               = [aws_cloudwatch_log_group.frontend_log_group]
}

resource "aws_ecs_service" "frontend_service" {
  name                               = "frontend"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.frontend_task_definition.arn
  desired_count                      = 2
  launch_type                        = "FARGATE"
  deployment_maximum_percent         = 150
  deployment_minimum_healthy_percent = 75
  scheduling_strategy                = "REPLICA"
  network_configuration {
    subnets          = var.subnets
    security_groups  = var.security_groups
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.shop_frontend80_target_group.arn
    container_name   = "frontend"
    container_port   = 3000
  }
  service_registries {
    registry_arn = aws_service_discovery_service.frontend_discovery.arn
  }
  depends_on = [aws_lb_listener_rule.shop_public_rule443_p1, aws_lb_listener_rule.shop_public_rule443_p4]
}

output "shop_public_load_balancer_dns_name" {
  description = "Ingress shop/shop-public: DNS name"
  value       = aws_lb.shop_public_load_balancer.dns_name
}

output "shop_public_load_balancer_arn" {
  description = "Ingress shop/shop-public: ARN"
  value       = aws_lb.shop_public_load_balancer.arn
}

output "api_task_definition_arn" {
  description = "task definition api"
  value       = aws_ecs_task_definition.api_task_definition.arn
}

output "frontend_task_definition_arn" {
  description = "task definition frontend"
  value       = aws_ecs_task_definition.frontend_task_definition.arn
}

output "service_discovery_namespace_name" {
  description = "Cloud Map namespace: <service>.<name> resolves to the tasks"
  value       = aws_service_discovery_private_dns_namespace.service_discovery_namespace.name
}
