// CloudFormation templates through the command line: a cdk.out folder, a YAML template on
// standard input, --parameter, and a `convert` batch.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using testutil::read_file;
using testutil::run_specconv;
using testutil::TempDir;
using testutil::write_file;

const fs::path kGolden = fs::path(SPECCONV_TEST_DATA) / "golden" / "ecs-to-k8s";

std::string alb_template() { return read_file(kGolden / "cfn-cdk-alb-fargate-https" / "aws-ecs-integ-alb-fg-https.template.json"); }
std::string yaml_template() { return read_file(kGolden / "cfn-yaml-short-form-tags" / "public-service.yml"); }

TEST(CloudFormationCli, CdkOutFolderReadsTheTemplatesAndIgnoresTheRest) {
  TempDir dir;
  const fs::path out = dir.path() / "cdk.out";
  fs::create_directories(out / "asset.0123abcd");
  write_file(out / "aws-ecs-integ-alb-fg-https.template.json", alb_template());
  write_file(out / "manifest.json", R"({"version": "36.0.0", "artifacts": {}})");
  write_file(out / "tree.json", R"({"version": "tree-0.1", "tree": {"id": "App"}})");
  write_file(out / "aws-ecs-integ-alb-fg-https.assets.json", R"({"version": "36.0.0", "files": {}, "dockerImages": {}})");
  write_file(out / "asset.0123abcd" / "package.json", R"({"name": "handler"})");
  const auto r = run_specconv({"to-k8s", "cdk.out"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("kind: Ingress"));
  EXPECT_THAT(r.out, HasSubstr("name: myservice"));
  EXPECT_THAT(r.err, HasSubstr("manifest.json:1:1: note: cdk.out's manifest, tree or asset list, not a template: ignored"));
  EXPECT_THAT(r.err, HasSubstr("package.json: note: a file of a cdk.out asset folder"));
}

TEST(CloudFormationCli, YamlTemplateOnStandardInput) {
  const auto r = run_specconv({"to-k8s", "-q", "-"}, {}, yaml_template());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("kind: Deployment"));
  EXPECT_THAT(r.err, HasSubstr("-:86:7: /Resources/Service/Properties/Cluster/Fn::ImportValue: warning:"));
}

TEST(CloudFormationCli, ParametersAndPseudoParametersFromFlags) {
  TempDir dir;
  write_file(dir.path() / "service.yml", yaml_template());
  const auto r = run_specconv({"to-k8s", "-q", "service.yml", "--parameter", "ServiceName=shop", "--parameter", "ImageUrl=nginx:1.27",
                               "--parameter", "production:ClusterName=prod", "--region", "eu-west-1"},
                              dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("name: shop"));
  EXPECT_THAT(r.out, HasSubstr("image: nginx:1.27"));
  EXPECT_THAT(r.out, HasSubstr(R"(\"cluster\":\"prod\")"));
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("production:ClusterName")));
  const auto bad = run_specconv({"to-k8s", "service.yml", "--parameter", "NoEquals"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("expected KEY=VALUE"));
}

TEST(CloudFormationCli, ConvertBatchTakesYamlAndJsonTemplates) {
  TempDir dir;
  fs::create_directories(dir.path() / "in");
  write_file(dir.path() / "in" / "service.yml", yaml_template());
  write_file(dir.path() / "in" / "aws-ecs-integ-alb-fg-https.template.json", alb_template());
  const auto r = run_specconv({"convert", "-q", "in", "-o", "out"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(dir.path() / "out")) {
    if (e.is_regular_file()) all += read_file(e.path());
  }
  EXPECT_THAT(all, HasSubstr("name: myservice"));
  EXPECT_THAT(all, HasSubstr("name: nginx"));
}

/// A Kubernetes manifest (the shop example's Deployments and Services), for folders given to to-k8s.
std::string kubernetes_manifest() { return read_file(fs::path(SPECCONV_SOURCE_DIR) / "examples" / "k8s" / "shop" / "workloads.yaml"); }

TEST(CloudFormationCli, FolderOfYamlTemplatesIsConvertedByToK8s) {
  TempDir dir;
  fs::create_directories(dir.path() / "stacks" / "nested");
  write_file(dir.path() / "stacks" / "service.yml", yaml_template());
  write_file(dir.path() / "stacks" / "nested" / "schedule.template",
             read_file(kGolden / "cfn-schedule-example-template" / "ECS_Schedule_Example.template"));
  const auto r = run_specconv({"to-k8s", "-q", "stacks"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("name: nginx"));        // from service.yml
  EXPECT_THAT(r.out, HasSubstr("kind: CronJob"));      // from the *.template, found by content
  EXPECT_THAT(r.out, HasSubstr("schedule: 00 11 * * *"));
}

TEST(CloudFormationCli, KubernetesYamlInAFolderForToK8sIsSkippedAndSaysSo) {
  TempDir dir;
  fs::create_directories(dir.path() / "mixed");
  write_file(dir.path() / "mixed" / "service.yml", yaml_template());
  write_file(dir.path() / "mixed" / "api.yaml", kubernetes_manifest());
  const auto r = run_specconv({"to-k8s", "-q", "mixed"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("name: nginx"));
  EXPECT_THAT(r.out, Not(HasSubstr("retail-store-sample")));  // not converted as if it were ECS input
  EXPECT_THAT(r.err, HasSubstr("mixed/api.yaml: warning: a Kubernetes manifest in a folder given to to-k8s is not "
                               "converted (to-ecs converts it"));
  EXPECT_THAT(r.err, HasSubstr("[skipped-file]"));
}

TEST(CloudFormationCli, AFolderWithNothingToConvertFailsWithExitOne) {
  TempDir dir;
  fs::create_directories(dir.path() / "k8s");
  fs::create_directories(dir.path() / "empty");
  write_file(dir.path() / "k8s" / "api.yaml", kubernetes_manifest());
  write_file(dir.path() / "k8s" / "notes.template", "just text, not a template\n");
  for (const char* folder : {"k8s", "empty"}) {
    const auto r = run_specconv({"to-k8s", folder}, dir.path());
    EXPECT_EQ(r.exit_code, 1) << folder << ": " << r.err;
    EXPECT_EQ(r.out, "") << folder;
    EXPECT_THAT(r.err, HasSubstr("[no-input-files]")) << folder;
    EXPECT_THAT(r.err, HasSubstr("[empty-folder]")) << folder;
  }
  // One empty folder beside a good input is only a warning: the good input converts.
  const auto mixed = run_specconv({"to-k8s", "-q", "empty", (kGolden / "cfn-yaml-short-form-tags" / "public-service.yml").string()},
                                  dir.path());
  EXPECT_EQ(mixed.exit_code, 0) << mixed.err;
  EXPECT_THAT(mixed.err, HasSubstr("empty: warning: the folder holds no *.json, *.yaml, *.yml or *.template file [empty-folder]"));
}

TEST(CloudFormationCli, ConvertBatchReadsATemplateFileAndSkipsOtherTemplateFiles) {
  TempDir dir;
  fs::create_directories(dir.path() / "in");
  write_file(dir.path() / "in" / "schedule.template",
             read_file(kGolden / "cfn-schedule-example-template" / "ECS_Schedule_Example.template"));
  write_file(dir.path() / "in" / "readme.template", "Hello {{name}}\n");
  const auto r = run_specconv({"convert", "-q", "in", "-o", "out", "--report", "report.json"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(dir.path() / "out")) {
    if (e.is_regular_file()) all += read_file(e.path());
  }
  EXPECT_THAT(all, HasSubstr("kind: CronJob"));
  const std::string report = read_file(dir.path() / "report.json");
  EXPECT_THAT(report, HasSubstr("skipped-file"));
}

const char* const kRulesTemplate = R"y(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Worker:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: worker
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions:
        - Name: worker
          Image: example/worker:2
          Command: [serve]
  OnUpload:
    Type: AWS::Events::Rule
    Properties:
      EventPattern:
        source: [aws.s3]
      Targets:
        - Id: run
          Arn: !Sub arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/jobs
          EcsParameters:
            TaskDefinitionArn: !Ref Worker
  Every5Minutes:
    Type: AWS::Events::Rule
    Properties:
      ScheduleExpression: rate(5 minutes)
      State: DISABLED
      Targets:
        - Id: notify
          Arn: arn:aws:lambda:us-east-1:123456789012:function:notify
        - Id: sweep
          Arn: !Sub arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/jobs
          RoleArn: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/events
          Input: '{"containerOverrides":[{"name":"worker","command":["sweep","--all"],"cpu":128}]}'
          EcsParameters:
            TaskDefinitionArn: !Ref Worker
            PlacementStrategies:
              - Type: spread
                Field: attribute:ecs.availability-zone
  LambdaSchedule:
    Type: AWS::Scheduler::Schedule
    Properties:
      ScheduleExpression: rate(1 hour)
      FlexibleTimeWindow: {Mode: "OFF"}
      Target:
        Arn: arn:aws:lambda:us-east-1:123456789012:function:report
        RoleArn: arn:aws:iam::123456789012:role/scheduler
)y";

TEST(CloudFormationCli, EventRulesEachEcsTargetOnAScheduleIsACronJobTheRestIsReported) {
  const auto r = run_specconv({"to-k8s", "-"}, {}, kRulesTemplate);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("kind: CronJob"));
  EXPECT_THAT(r.out, HasSubstr("schedule: \"*/5 * * * *\""));
  EXPECT_THAT(r.out, HasSubstr("suspend: true"));
  EXPECT_THAT(r.out, HasSubstr("- sweep"));  // the target's command override
  EXPECT_THAT(r.out, Not(HasSubstr("kind: Deployment")));
  EXPECT_THAT(r.err, HasSubstr("-:15:3: /Resources/OnUpload: warning: rule OnUpload runs an ECS task when events match"));
  EXPECT_THAT(r.err, HasSubstr("/Resources/Every5Minutes/Properties/Targets/0: note: target 0 of rule Every5Minutes does not run "
                               "an ECS task; not converted [template-skipped]"));
  EXPECT_THAT(r.err, HasSubstr("/Resources/Every5Minutes/Properties/Targets/1/Input: warning: Input/containerOverrides/0/cpu: "
                               "container override fields not carried to the CronJob: cpu [unsupported-field]"));
  EXPECT_THAT(r.err, HasSubstr("-:39:13: /Resources/Every5Minutes/Properties/Targets/1/EcsParameters/PlacementStrategies: warning:"));
  EXPECT_THAT(r.err, HasSubstr("/Resources/LambdaSchedule: note: schedule LambdaSchedule does not run an ECS task"));
}

TEST(CloudFormationCli, AnOverrideOfAContainerTheTaskLacksIsLocatedInTheRuleTargetsInput) {
  std::string text = kRulesTemplate;
  const std::string named = "\"name\":\"worker\"";
  text.replace(text.find(named), named.size(), "\"name\":\"workr\"");
  const auto r = run_specconv({"to-k8s", "-"}, {}, text);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr("-:36:"));
  EXPECT_THAT(r.err, HasSubstr("/Resources/Every5Minutes/Properties/Targets/1/Input/containerOverrides/0: error: the schedule "
                               "overrides container \"workr\""));
}

TEST(CloudFormationCli, GetScheduleOutputAndItsTaskDefinitionMakeACronJob) {
  const fs::path c = kGolden / "scheduled-task-get-schedule";
  const auto r = run_specconv({"to-k8s", "-q", (c / "schedule.json").string(), (c / "task-definition.json").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("kind: CronJob"));
  EXPECT_THAT(r.out, HasSubstr("timeZone: Europe/Berlin"));
  // Without the task definition the schedule has nothing to run: a located error, nothing written.
  const auto alone = run_specconv({"to-k8s", (c / "schedule.json").string()});
  EXPECT_EQ(alone.exit_code, 1);
  EXPECT_EQ(alone.out, "");
  EXPECT_THAT(alone.err, HasSubstr("schedule.json:27:13: /Target/EcsParameters/TaskDefinitionArn: error: the schedule runs task "
                                   "definition \"arn:aws:ecs:eu-west-1:111122223333:task-definition/report:7\", which is not "
                                   "among the inputs"));
}

}  // namespace
}  // namespace specconv
