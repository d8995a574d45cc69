// `specconv convert`: batch conversion of files and folders into an output tree, with a
// progress line on a terminal, a JSON report, and a one-line summary.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <mutex>
#include <ostream>
#include <sstream>
#include <thread>

#include "app/batch.h"
#include "cli/commands.h"
#include "cli/limit_flags.h"
#include "diag/render.h"

namespace specconv::cli {

CLI::App* add_convert_command(CLI::App& app, BatchCliOptions& o) {
  CLI::App* c = app.add_subcommand(
      "convert",
      "convert a mixed set of files and folders (ECS JSON and Kubernetes YAML/JSON, direction detected per file) "
      "into an output folder that mirrors the input tree");
  c->add_option("inputs", o.inputs,
                "files or folders (searched recursively for *.json, *.yaml, *.yml); JSON with an ECS shape goes "
                "to Kubernetes, YAML and JSON with apiVersion/kind go to ECS")
      ->required();
  c->add_option("-o,--output", o.output_dir,
                "output folder: DIR/<input path relative to its INPUT folder, without extension>/<workload>.<yaml|json>")
      ->required();
  c->add_option("-j,--jobs", o.jobs, "worker threads (default: the number of hardware threads)");
  c->add_option("--to", o.to, "convert only one direction: k8s (ECS inputs) or ecs (Kubernetes inputs); other files are skipped")
      ->check(CLI::IsMember({"k8s", "ecs"}));
  c->add_option("--report", o.report, "write a JSON report: per input file its status, outputs and diagnostics, plus totals");
  c->add_option("--fail-on", o.fail_on, "exit 1 on: error (default) or warning (also on any warning)")
      ->check(CLI::IsMember({"error", "warning"}));
  c->add_flag("-q,--quiet", o.quiet, "no progress line and no summary (errors are still printed)");
  c->add_flag("-v,--verbose", o.verbose, "developer traces on stderr (one line per file; repeat for more)");
  add_limit_flags(*c, o.limits);
  // ECS inputs (as on to-k8s).
  c->add_option("-n,--namespace", o.namespace_name, "ECS inputs: set metadata.namespace on every namespaced object");
  c->add_option("--secrets", o.secrets,
                "ECS inputs: refs (env valueFrom.secretKeyRef only, default) or external-secrets (also ExternalSecret objects)")
      ->check(CLI::IsMember({"refs", "external-secrets"}));
  c->add_option("--ssm-store", o.ssm_store, "ECS inputs: ClusterSecretStore name for SSM parameters (with --secrets external-secrets)");
  c->add_option("--secretsmanager-store", o.secrets_manager_store,
                "ECS inputs: ClusterSecretStore name for Secrets Manager secrets (with --secrets external-secrets)");
  // Kubernetes inputs (as on to-ecs).
  c->add_option("--launch-type", o.launch_type, "Kubernetes inputs: FARGATE (default) or EC2 (needed for DaemonSets, hostPath, privileged)")
      ->check(CLI::IsMember({"FARGATE", "EC2"}));
  c->add_option("--parameter-prefix", o.parameter_prefix, "Kubernetes inputs: SSM parameter names are <prefix><namespace>/<object>/<key> (default /)");
  c->add_option("--secret-store", o.secret_store,
                "Kubernetes inputs: ssm (default) or secretsmanager (needs --region and --account-id)")
      ->check(CLI::IsMember({"ssm", "secretsmanager"}));
  c->add_option("--region", o.region, "Kubernetes inputs: AWS region for generated ARNs");
  c->add_option("--account-id", o.account_id, "Kubernetes inputs: AWS account id for generated ARNs");
  c->add_option("--execution-role-arn", o.execution_role_arn, "Kubernetes inputs: task execution role ARN for every task definition");
  c->add_option("--cluster", o.cluster, "Kubernetes inputs: ECS cluster name for services and scaling targets (default: default)");
  c->add_option("--subnets", o.subnets, "Kubernetes inputs: subnet ids for awsvpc networkConfiguration")->delimiter(',');
  c->add_option("--security-groups", o.security_groups, "Kubernetes inputs: security group ids for awsvpc networkConfiguration")
      ->delimiter(',');
  return c;
}

namespace {

/// Draws and clears the progress line; shared by the ticker thread and the report sink.
class StatusLine {
 public:
  StatusLine(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}
  template <typename F>
  void print(F&& f) {
    std::lock_guard lock(mu_);
    clear_locked();
    f(err_);
  }
  void draw(const std::string& text) {
    std::lock_guard lock(mu_);
    if (!enabled_) return;
    err_ << "\r\033[K" << text << std::flush;
    shown_ = true;
  }
  void clear() {
    std::lock_guard lock(mu_);
    clear_locked();
  }

 private:
  void clear_locked() {
    if (shown_) err_ << "\r\033[K" << std::flush;
    shown_ = false;
  }
  std::mutex mu_;
  std::ostream& err_;
  bool enabled_;
  bool shown_ = false;
};

std::string fixed(double v, int digits) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << v;
  return s.str();
}

}  // namespace

int run_convert(const BatchCliOptions& o, std::ostream& /*out*/, std::ostream& err) {
  namespace fs = std::filesystem;
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();

  app::BatchOptions b;
  b.inputs = o.inputs;
  b.output_dir = o.output_dir;
  b.jobs = o.jobs != 0 ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (o.to == "k8s") b.only = app::Direction::kToK8s;
  if (o.to == "ecs") b.only = app::Direction::kToEcs;
  b.limits = o.limits;
  b.to_k8s.limits = o.limits;
  b.to_ecs.limits = o.limits;
  if (o.secret_store == "secretsmanager" && (o.region.empty() || o.account_id.empty())) {
    err << "specconv: --secret-store secretsmanager needs --region and --account-id (Secrets Manager ARNs name both)\n";
    return 2;
  }
  b.to_k8s.namespace_name = o.namespace_name;
  b.to_k8s.external_secrets = o.secrets == "external-secrets";
  b.to_k8s.ssm_store = o.ssm_store;
  b.to_k8s.secrets_manager_store = o.secrets_manager_store;
  b.to_ecs.fargate = o.launch_type != "EC2";
  b.to_ecs.launch_type_explicit = !o.launch_type.empty();
  b.to_ecs.parameter_prefix = o.parameter_prefix;
  b.to_ecs.secrets_manager = o.secret_store == "secretsmanager";
  b.to_ecs.region = o.region;
  b.to_ecs.account_id = o.account_id;
  b.to_ecs.execution_role_arn = o.execution_role_arn;
  b.to_ecs.cluster = o.cluster;
  b.to_ecs.subnets = o.subnets;
  b.to_ecs.security_groups = o.security_groups;
  const bool tty = isatty(STDERR_FILENO) != 0;
  const bool show_progress = tty && !o.quiet;
  b.count_first = show_progress;
  if (!o.report.empty()) b.exclude.push_back(o.report);

  spdlog::logger trace("specconv", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  trace.set_level(o.verbose > 0 ? spdlog::level::debug : spdlog::level::off);
  trace.set_pattern("[%H:%M:%S.%e] [%t] %v");
  trace.debug("convert: {} input(s) -> {}, {} job(s)", o.inputs.size(), o.output_dir, b.jobs);

  // The report is streamed to a temporary file beside FILE and renamed into place at the end.
  std::ofstream report;
  std::string report_tmp;
  if (!o.report.empty()) {
    std::error_code ec;
    const fs::path rp(o.report);
    if (rp.has_parent_path()) fs::create_directories(rp.parent_path(), ec);
    report_tmp = o.report + ".tmp-" + std::to_string(::getpid());
    report.open(report_tmp, std::ios::binary | std::ios::trunc);
    if (!report) {
      err << "specconv: cannot write the report " << o.report << "\n";
      return 1;
    }
    report << "{\n\"files\": [";
  }

  StatusLine status(err, show_progress);
  bool first_entry = true;
  const app::FileSink sink = [&](const app::FileReport& r) {
    if (report.is_open()) {
      report << (first_entry ? "\n" : ",\n") << app::report_entry_json(r);
      first_entry = false;
    }
    trace.debug("{}: {} {} ({} output(s), {} written, {} diagnostic(s))", r.path, app::to_string(r.status),
                app::to_string(r.direction), r.outputs.size(), r.outputs_written, r.diagnostics.size());
    bool any = false;
    for (const Diagnostic& d : r.diagnostics) {
      any = any || d.severity == Severity::kError || (o.verbose > 0 && d.severity == Severity::kWarning);
    }
    if (any) {
      status.print([&](std::ostream& e) {
        for (const Diagnostic& d : r.diagnostics) {
          if (d.severity == Severity::kError || (o.verbose > 0 && d.severity == Severity::kWarning)) e << diag::render_one(d) << "\n";
        }
      });
    }
  };

  app::BatchProgress progress;
  std::mutex tick_mu;
  std::condition_variable tick_cv;
  bool finished = false;
  std::thread ticker;
  if (show_progress) {
    ticker = std::thread([&] {
      std::unique_lock lock(tick_mu);
      while (!tick_cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return finished; })) {
        const double s = std::chrono::duration<double>(Clock::now() - start).count();
        if (s < 1.0) continue;
        const std::size_t done = progress.done.load();
        std::string line = "specconv: " + std::to_string(done) + "/" + std::to_string(progress.total.load()) +
                           (progress.walked.load() ? "" : "+") + " files, " + fixed(static_cast<double>(done) / s, 0) +
                           " files/s, " + std::to_string(progress.errors.load()) + " failed";
        status.draw(line);
      }
    });
  }

  app::BatchOutcome outcome;
  std::exception_ptr failure;
  try {
    outcome = app::run_batch(b, progress, sink);
  } catch (...) {
    failure = std::current_exception();
  }
  if (ticker.joinable()) {
    {
      std::lock_guard lock(tick_mu);
      finished = true;
    }
    tick_cv.notify_all();
    ticker.join();
  }
  status.clear();
  if (failure) {
    if (report.is_open()) {
      report.close();
      std::remove(report_tmp.c_str());
    }
    std::rethrow_exception(failure);
  }
  if (!outcome.refused.empty()) {
    if (report.is_open()) {
      report.close();
      std::remove(report_tmp.c_str());
    }
    err << "specconv: " << outcome.refused << "\n";
    return 2;
  }
  const app::BatchTotals& t = outcome.totals;
  if (report.is_open()) {
    report << (first_entry ? "],\n" : "\n],\n") << "\"totals\": " << app::report_totals_json(t) << "\n}\n";
    report.close();
    if (!report || std::rename(report_tmp.c_str(), o.report.c_str()) != 0) {
      std::remove(report_tmp.c_str());
      err << "specconv: cannot write the report " << o.report << "\n";
      return 1;
    }
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!o.quiet) {
    err << "specconv: " << t.files << " files: " << t.converted << " converted, " << t.failed << " failed, " << t.skipped
        << " skipped; " << t.outputs << " outputs (" << t.outputs_written << " written); " << t.warnings << " warnings, "
        << t.errors << " errors; " << fixed(seconds, 2) << " s\n";
  }
  if (t.failed > 0 || t.errors > 0) return 1;
  if (o.fail_on == "warning" && t.warnings > 0) return 1;
  return 0;
}

}  // namespace specconv::cli
