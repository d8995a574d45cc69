// The attribute tables of aws_ecs_task_definition and aws_ecs_service (hashicorp/aws 5.x), named
// as the Terraform registry documents them, each with the API member it is.
#include "iac/terraform_ecs.h"

namespace specconv::iac {
namespace {

const Fields kKeyValue = {{"name", "name"}, {"value", "value"}};
const Fields kPlacement = {{"type", "type"}, {"expression", "expression"}, {"field", "field"}};

const Fields kEfsAuth = {{"access_point_id", "accessPointId", As::kText}, {"iam", "iam"}};
const Fields kEfs = {{"file_system_id", "fileSystemId", As::kText},
                     {"root_directory", "rootDirectory", As::kValue, nullptr, "/"},
                     {"transit_encryption", "transitEncryption"},
                     {"transit_encryption_port", "transitEncryptionPort", As::kValue, nullptr, "0"},
                     {"authorization_config", "authorizationConfig", As::kBlock, &kEfsAuth}};
const Fields kDockerVolume = {{"scope", "scope"}, {"autoprovision", "autoprovision"}, {"driver", "driver"},
                              {"driver_opts", "driverOpts"}, {"labels", "labels"}};
const Fields kFsxAuth = {{"credentials_parameter", "credentialsParameter"}, {"domain", "domain"}};
const Fields kFsx = {{"file_system_id", "fileSystemId", As::kText}, {"root_directory", "rootDirectory"},
                     {"authorization_config", "authorizationConfig", As::kBlock, &kFsxAuth}};
const Fields kVolume = {{"name", "name"},
                        {"host_path", "host/sourcePath"},
                        {"configure_at_launch", "configuredAtLaunch", As::kValue, nullptr, "false"},
                        {"docker_volume_configuration", "dockerVolumeConfiguration", As::kBlock, &kDockerVolume},
                        {"efs_volume_configuration", "efsVolumeConfiguration", As::kBlock, &kEfs},
                        {"fsx_windows_file_server_volume_configuration", "fsxWindowsFileServerVolumeConfiguration", As::kBlock, &kFsx}};
const Fields kEphemeral = {{"size_in_gib", "sizeInGiB"}};
const Fields kAccelerator = {{"device_name", "deviceName"}, {"device_type", "deviceType"}};
const Fields kProxy = {{"type", "type"}, {"container_name", "containerName"}, {"properties", "properties", As::kPairs}};
const Fields kPlatform = {{"operating_system_family", "operatingSystemFamily"}, {"cpu_architecture", "cpuArchitecture"}};

const Fields kTaskDefinition = {
    {"family", "family"},
    {"container_definitions", "containerDefinitions", As::kJson},
    {"arn", "taskDefinitionArn", As::kText},
    {"revision", "revision"},
    {"cpu", "cpu"},
    {"memory", "memory"},
    {"network_mode", "networkMode"},
    {"task_role_arn", "taskRoleArn", As::kText},
    {"execution_role_arn", "executionRoleArn", As::kText},
    {"volume", "volumes", As::kBlocks, &kVolume},
    {"requires_compatibilities", "requiresCompatibilities"},
    {"runtime_platform", "runtimePlatform", As::kBlock, &kPlatform},
    {"ephemeral_storage", "ephemeralStorage", As::kBlock, &kEphemeral},
    {"placement_constraints", "placementConstraints", As::kBlocks, &kPlacement},
    {"proxy_configuration", "proxyConfiguration", As::kBlock, &kProxy},
    {"inference_accelerator", "inferenceAccelerators", As::kBlocks, &kAccelerator},
    {"ipc_mode", "ipcMode"},
    {"pid_mode", "pidMode"},
    {"enable_fault_injection", "enableFaultInjection", As::kValue, nullptr, "false"},
    {"tags", "tags", As::kTags},
    {"id", "", As::kIgnore},  // the family
    {"arn_without_revision", "", As::kIgnore},
    {"tags_all", "", As::kIgnore},  // tags with the provider's default_tags
    {"skip_destroy", "", As::kIgnore},
    {"track_latest", "", As::kIgnore},
};

const Fields kLoadBalancer = {{"target_group_arn", "targetGroupArn", As::kText}, {"elb_name", "loadBalancerName"},
                              {"container_name", "containerName"}, {"container_port", "containerPort"}};
const Fields kRegistry = {{"registry_arn", "registryArn", As::kText}, {"port", "port"}, {"container_name", "containerName"},
                          {"container_port", "containerPort"}};
const Fields kAwsvpc = {{"subnets", "subnets", As::kTextList}, {"security_groups", "securityGroups", As::kTextList},
                        {"assign_public_ip", "assignPublicIp", As::kEnabled}};
const Fields kCircuitBreaker = {{"enable", "enable"}, {"rollback", "rollback"}};
const Fields kAlarms = {{"alarm_names", "alarmNames"}, {"enable", "enable"}, {"rollback", "rollback"}};
const Fields kController = {{"type", "type"}};
const Fields kCapacity = {{"capacity_provider", "capacityProvider"}, {"weight", "weight"}, {"base", "base"}};

const Fields kSecretOption = {{"name", "name"}, {"value_from", "valueFrom"}};
const Fields kScLog = {{"log_driver", "logDriver"}, {"options", "options"}, {"secret_option", "secretOptions", As::kBlocks, &kSecretOption}};
const Fields kClientAlias = {{"port", "port"}, {"dns_name", "dnsName"}};
const Fields kScTimeout = {{"idle_timeout_seconds", "idleTimeoutSeconds"}, {"per_request_timeout_seconds", "perRequestTimeoutSeconds"}};
const Fields kPca = {{"aws_pca_authority_arn", "awsPcaAuthorityArn"}};
const Fields kScTls = {{"issuer_cert_authority", "issuerCertificateAuthority", As::kBlock, &kPca}, {"kms_key", "kmsKey"},
                       {"role_arn", "roleArn"}};
const Fields kScService = {{"port_name", "portName"},
                           {"discovery_name", "discoveryName"},
                           {"ingress_port_override", "ingressPortOverride", As::kValue, nullptr, "0"},
                           {"client_alias", "clientAliases", As::kBlocks, &kClientAlias},
                           {"timeout", "timeout", As::kBlock, &kScTimeout},
                           {"tls", "tls", As::kBlock, &kScTls}};
const Fields kServiceConnect = {{"enabled", "enabled"}, {"namespace", "namespace", As::kText},
                                {"log_configuration", "logConfiguration", As::kBlock, &kScLog},
                                {"service", "services", As::kBlocks, &kScService}};
const Fields kTagSpec = {{"resource_type", "resourceType"}, {"propagate_tags", "propagateTags"}, {"tags", "tags", As::kTags}};
const Fields kEbs = {{"role_arn", "roleArn"}, {"encrypted", "encrypted"}, {"file_system_type", "filesystemType"},
                     {"iops", "iops"}, {"kms_key_id", "kmsKeyId"}, {"size_in_gb", "sizeInGiB"}, {"snapshot_id", "snapshotId"},
                     {"throughput", "throughput"}, {"volume_type", "volumeType"},
                     {"volume_initialization_rate", "volumeInitializationRate"},
                     {"tag_specifications", "tagSpecifications", As::kBlocks, &kTagSpec}};
const Fields kVolumeConfiguration = {{"name", "name"}, {"managed_ebs_volume", "managedEBSVolume", As::kBlock, &kEbs}};
const Fields kLattice = {{"role_arn", "roleArn"}, {"target_group_arn", "targetGroupArn"}, {"port_name", "portName"}};

const Fields kService = {
    {"name", "serviceName"},
    {"task_definition", "taskDefinition", As::kText},
    {"cluster", "cluster", As::kText},
    {"desired_count", "desiredCount"},
    {"launch_type", "launchType"},
    {"capacity_provider_strategy", "capacityProviderStrategy", As::kBlocks, &kCapacity},
    {"platform_version", "platformVersion"},
    {"scheduling_strategy", "schedulingStrategy"},
    {"deployment_maximum_percent", "deploymentConfiguration/maximumPercent"},
    {"deployment_minimum_healthy_percent", "deploymentConfiguration/minimumHealthyPercent"},
    {"deployment_circuit_breaker", "deploymentConfiguration/deploymentCircuitBreaker", As::kBlock, &kCircuitBreaker},
    {"alarms", "deploymentConfiguration/alarms", As::kBlock, &kAlarms},
    {"deployment_controller", "deploymentController", As::kBlock, &kController},
    {"load_balancer", "loadBalancers", As::kBlocks, &kLoadBalancer},
    {"service_registries", "serviceRegistries", As::kBlocks, &kRegistry},
    {"network_configuration", "networkConfiguration/awsvpcConfiguration", As::kBlock, &kAwsvpc},
    {"ordered_placement_strategy", "placementStrategy", As::kBlocks, &kPlacement},
    {"placement_constraints", "placementConstraints", As::kBlocks, &kPlacement},
    {"health_check_grace_period_seconds", "healthCheckGracePeriodSeconds", As::kValue, nullptr, "0"},
    {"enable_ecs_managed_tags", "enableECSManagedTags", As::kValue, nullptr, "false"},
    {"enable_execute_command", "enableExecuteCommand", As::kValue, nullptr, "false"},
    {"propagate_tags", "propagateTags", As::kValue, nullptr, "NONE"},
    {"iam_role", "role", As::kValue},
    {"availability_zone_rebalancing", "availabilityZoneRebalancing", As::kValue, nullptr, "DISABLED"},
    {"service_connect_configuration", "serviceConnectConfiguration", As::kBlock, &kServiceConnect},
    {"volume_configuration", "volumeConfigurations", As::kBlocks, &kVolumeConfiguration},
    {"vpc_lattice_configurations", "vpcLatticeConfigurations", As::kBlocks, &kLattice},
    {"tags", "tags", As::kTags},
    {"id", "", As::kIgnore},  // the service ARN
    {"tags_all", "", As::kIgnore},
    {"force_delete", "", As::kIgnore},  // what terraform does on destroy / apply, not a service setting
    {"force_new_deployment", "", As::kIgnore},
    {"wait_for_steady_state", "", As::kIgnore},
    {"triggers", "", As::kIgnore},
    {"timeouts", "", As::kIgnore},
    {"sigint_rollback", "", As::kIgnore},
};

}  // namespace

const Fields& task_definition_fields() { return kTaskDefinition; }
const Fields& service_fields() { return kService; }

}  // namespace specconv::iac
