// Batch conversion: a mixed set of ECS and Kubernetes files (or folders, walked recursively)
// converted into an output folder that mirrors the input tree, on N worker threads.
//
// Streaming: a producer walks the inputs and feeds a bounded work queue; workers read, convert
// and write one unit at a time; per-file reports are handed to the caller in walk order through a
// bounded reorder buffer. Memory therefore grows with the largest unit (one file, or one folder
// that needs its files converted together), not with the number of files.
//
// Units: every file is converted on its own, except that in a folder holding ECS "companion"
// files (services, describe-* wiring: JSON without a task definition) all ECS files of that folder
// are converted together, so services pair with the task definitions beside them. Kubernetes
// files are always converted on their own.
//
// Library code: never prints. Progress is published through atomics the caller polls.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/limits.h"
#include "specconv/convert.h"
#include "specconv/convert_ecs.h"
#include "specconv/diagnostics.h"

namespace specconv::app {

enum class Direction { kUnknown, kToK8s, kToEcs };
[[nodiscard]] const char* to_string(Direction);

enum class FileStatus { kConverted, kFailed, kSkipped };
[[nodiscard]] const char* to_string(FileStatus);

/// What a file looks like from a cheap scan of its text (no full parse).
struct Detected {
  Direction direction = Direction::kUnknown;
  bool companion = false;  // no workload of its own: an ECS service or describe-* wiring; a Kubernetes
                           // Service, HPA, ConfigMap... (only ECS companions group their folder)
  bool kubernetes = false;  // the registry recognised a Kubernetes manifest (not just "YAML, so to-ecs")
  bool cloudformation = false;  // a CloudFormation template (JSON or YAML)
};
/// `name` is the file name (its extension decides YAML; `.template` is a CloudFormation template
/// or nothing); `text` its contents.
[[nodiscard]] Detected detect_input(std::string_view name, std::string_view text);

/// The extensions a folder is searched for: `*.json`, `*.yaml`, `*.yml` and `*.template` (the
/// last only ever read as a CloudFormation template, JSON or YAML).
[[nodiscard]] bool is_input_extension(std::string_view ext);

/// A file name made from input content (a workload or family name) that is safe as one path
/// component: [A-Za-z0-9._-] only, no leading '.', never "." or "..", not empty, and at most 200
/// bytes (a longer name is cut and ends with a hash of the whole, so two stay apart).
[[nodiscard]] std::string safe_file_name(std::string_view name);

struct BatchOptions {
  std::vector<std::string> inputs;  // files or folders; "-" is not accepted in batch mode
  std::string output_dir;
  std::size_t jobs = 1;
  std::optional<Direction> only;    // --to: files of the other direction are skipped
  ToK8sOptions to_k8s;
  ToEcsOptions to_ecs;
  io::Limits limits;
  bool count_first = false;         // walk once to count files (for a progress total)
  std::vector<std::string> exclude; // files never read as input (the report file)
};

/// One input file's outcome.
struct FileReport {
  std::string path;                  // as walked (input argument joined with the relative path)
  FileStatus status = FileStatus::kConverted;
  Direction direction = Direction::kUnknown;
  std::vector<std::string> outputs;  // written or already up to date; relative to the output folder, sorted
  std::size_t outputs_written = 0;   // of those, how many were (re)written in this run
  std::vector<Diagnostic> diagnostics;  // sorted by position
};

struct BatchTotals {
  std::size_t files = 0;
  std::size_t converted = 0;
  std::size_t failed = 0;
  std::size_t skipped = 0;
  std::size_t outputs = 0;
  std::size_t outputs_written = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;
};

/// Counters the batch updates as it goes; poll them from another thread for a progress line.
struct BatchProgress {
  std::atomic<std::size_t> total{0};   // files found so far (final once walking is true)
  std::atomic<bool> walked{false};
  std::atomic<std::size_t> done{0};
  std::atomic<std::size_t> errors{0};  // files failed so far
  std::atomic<std::size_t> warnings{0};
};

/// Called once per input file, in walk order (inputs in the order given; in each folder its
/// files by name, then its subfolders by name), never concurrently.
using FileSink = std::function<void(const FileReport&)>;

struct BatchOutcome {
  /// Non-empty when the batch refused to start (a usage problem: the output folder holds an
  /// input, no inputs, "-" given); nothing was written then.
  std::string refused;
  BatchTotals totals;
};

[[nodiscard]] BatchOutcome run_batch(const BatchOptions& options, BatchProgress& progress, const FileSink& sink);

/// JSON of one report entry (one line, no trailing newline) and of the totals object.
[[nodiscard]] std::string report_entry_json(const FileReport& report);
[[nodiscard]] std::string report_totals_json(const BatchTotals& totals);

}  // namespace specconv::app
