// The dependency rule of docs/architecture.md, checked three ways against one source of truth, the
// layer rules the build writes (build/layers/rules.txt, from specconv_layer() in CMakeLists.txt):
//  * every #include "x/..." in a layer's code names the layer itself or one it may include, and
//    every #include <x/...> of a third-party library stands in a layer that owns that library;
//  * every folder of src/ is a layer (a new folder cannot escape the rule);
//  * the table in docs/architecture.md says exactly what the build says.
// Tests (*_test.cc) may include anything and are not checked.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;

struct Rule {
  std::set<std::string> layers;       // layers it may include (itself always)
  std::set<std::string> third_party;  // <folder/...> includes it may use
};
using Rules = std::map<std::string, Rule>;

std::set<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::set<std::string> out;
  for (std::string w; in >> w;) out.insert(w);
  return out;
}

/// rules.txt: one line a layer, "name: layer... | third-party...".
Rules read_rules(const std::string& text) {
  Rules rules;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const auto bar = line.find('|', colon);
    Rule& r = rules[line.substr(0, colon)];
    r.layers = words(line.substr(colon + 1, bar == std::string::npos ? std::string::npos : bar - colon - 1));
    if (bar != std::string::npos) r.third_party = words(line.substr(bar + 1));
  }
  return rules;
}

Rules build_rules() { return read_rules(testutil::read_file(SPECCONV_LAYER_RULES)); }

/// The layer an include folder belongs to: "specconv" (include/specconv/) is the model layer.
std::string layer_of(const std::string& folder) { return folder == "specconv" ? "model" : folder; }

struct Violation {
  std::string where;  // file:line
  std::string include;
};

/// Every third-party include folder that some layer owns (e.g. "nlohmann", "CLI").
std::set<std::string> owned_third_party(const Rules& rules) {
  std::set<std::string> all;
  for (const auto& [name, r] : rules) all.insert(r.third_party.begin(), r.third_party.end());
  return all;
}

/// The forbidden includes in `text`, the code of one file of `layer` (`name` in messages). A folder
/// that is a layer is checked against the layer rule whether written "x/..." or <x/...>; a folder a
/// layer owns as third-party against the owners; anything else (the standard library) is allowed.
std::vector<Violation> check_text(const std::string& text, const std::string& name, const std::string& layer,
                                  const Rules& rules) {
  static const std::regex kInclude(R"re(^\s*#\s*include\s*[<"]([^/>"]+)/[^>"]*[>"])re");
  const Rule& rule = rules.at(layer);
  const std::set<std::string> owned = owned_third_party(rules);
  std::vector<Violation> out;
  std::istringstream in(text);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    std::smatch m;
    if (!std::regex_search(line, m, kInclude)) continue;
    const std::string folder = m[1];
    bool allowed = true;
    if (rules.count(layer_of(folder)) > 0) {
      allowed = layer_of(folder) == layer || rule.layers.count(layer_of(folder)) > 0;
    } else if (owned.count(folder) > 0) {
      allowed = rule.third_party.count(folder) > 0;
    }
    if (!allowed) out.push_back({name + ":" + std::to_string(n), line});
  }
  return out;
}

std::vector<Violation> check_file(const fs::path& file, const std::string& layer, const Rules& rules) {
  return check_text(testutil::read_file(file), file.string(), layer, rules);
}

/// (file, layer) for every non-test source of the project's layers.
std::vector<std::pair<fs::path, std::string>> layer_sources() {
  const fs::path root(SPECCONV_SOURCE_DIR);
  std::vector<std::pair<fs::path, std::string>> out;
  for (const auto& e : fs::recursive_directory_iterator(root / "include" / "specconv")) {
    if (e.is_regular_file()) out.emplace_back(e.path(), "model");
  }
  for (const auto& dir : fs::directory_iterator(root / "src")) {
    if (!dir.is_directory()) continue;
    for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
      const std::string name = e.path().filename().string();
      if (!e.is_regular_file() || name.find("_test.") != std::string::npos) continue;
      out.emplace_back(e.path(), dir.path().filename().string());
    }
  }
  return out;
}

TEST(Layers, RulesFileWrittenByTheBuild) {
  const Rules rules = build_rules();
  for (const char* layer : {"model", "io", "mapping", "ecs", "k8s", "app", "cli"}) {
    EXPECT_TRUE(rules.count(layer)) << "build/layers/rules.txt has no rule for " << layer;
  }
  EXPECT_TRUE(rules.at("mapping").layers == std::set<std::string>{"model"})
      << "mapping is about values, not documents: it includes the model only";
}

TEST(Layers, EveryFolderOfSrcIsALayer) {
  const Rules rules = build_rules();
  for (const auto& dir : fs::directory_iterator(fs::path(SPECCONV_SOURCE_DIR) / "src")) {
    if (!dir.is_directory()) continue;
    EXPECT_TRUE(rules.count(dir.path().filename().string()))
        << dir.path() << " is no layer: add it with specconv_layer() in CMakeLists.txt and to docs/architecture.md";
  }
}

TEST(Layers, TheCheckCatchesWhatItShould) {
  // The check itself, on made-up code: it must not pass vacuously.
  const Rules rules = build_rules();
  const std::string code =
      "#include \"io/tree.h\"\n"            // 1: io may include itself
      "#include \"app/batch.h\"\n"          // 2: a higher layer
      "#include <k8s/emit.h>\n"              // 3: a higher layer, written with <>
      "#include <nlohmann/json.hpp>\n"       // 4: io owns nlohmann: allowed here
      "#include <CLI/CLI.hpp>\n"             // 5: the command line's library
      "#include <sys/stat.h>\n"              // 6: the system: allowed
      "#include \"specconv/diagnostics.h\"\n";  // 7: the model: allowed
  std::vector<std::string> where;
  for (const Violation& v : check_text(code, "x.cc", "io", rules)) where.push_back(v.where);
  EXPECT_EQ(where, (std::vector<std::string>{"x.cc:2", "x.cc:3", "x.cc:5"}));
  EXPECT_EQ(check_text("#include \"mapping/names.h\"\n", "y.cc", "aws", rules).size(), 1u)
      << "aws may not include mapping, although mapping is visible to it through ecs and k8s";
}

TEST(Layers, NoLayerIncludesAHigherOneOrAnotherLayersLibrary) {
  const Rules rules = build_rules();
  std::size_t files = 0;
  for (const auto& [file, layer] : layer_sources()) {
    ASSERT_TRUE(rules.count(layer)) << file;
    ++files;
    for (const Violation& v : check_file(file, layer, rules)) {
      ADD_FAILURE() << v.where << ": layer " << layer << " may not include this: " << v.include
                    << "\n(see the dependency table in docs/architecture.md)";
    }
  }
  EXPECT_GT(files, 50u) << "the scan found too few sources; is SPECCONV_SOURCE_DIR right?";
}

/// Rows of the layer table in docs/architecture.md: "| `layer` | `folder` | what | `dep`, ... | `lib`, ... |".
Rules documented_rules() {
  static const std::regex kTick("`([^`]+)`");
  const std::string doc = testutil::read_file(fs::path(SPECCONV_SOURCE_DIR) / "docs" / "architecture.md");
  Rules rules;
  std::istringstream in(doc);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, '|');) cells.push_back(cell);
    if (cells.size() != 6 || line.rfind("| `", 0) != 0) continue;  // "" before the first '|', then 5 cells
    std::smatch m;
    if (!std::regex_search(cells[1], m, kTick)) continue;
    Rule& r = rules[m[1]];
    for (std::sregex_iterator it(cells[4].begin(), cells[4].end(), kTick), end; it != end; ++it) {
      r.layers.insert((*it)[1]);
    }
    for (std::sregex_iterator it(cells[5].begin(), cells[5].end(), kTick), end; it != end; ++it) {
      std::string lib = (*it)[1];
      r.third_party.insert(lib.substr(0, lib.find('/')));
    }
  }
  return rules;
}

TEST(Layers, ArchitectureTableSaysWhatTheBuildDoes) {
  const Rules built = build_rules();
  const Rules documented = documented_rules();
  ASSERT_FALSE(documented.empty()) << "no layer table found in docs/architecture.md";
  for (const auto& [name, rule] : built) {
    auto it = documented.find(name);
    if (it == documented.end()) {
      ADD_FAILURE() << "docs/architecture.md has no row for layer `" << name << "`";
      continue;
    }
    std::set<std::string> layers = rule.layers;
    layers.erase("model");  // every layer may include the model; the table says so once
    std::set<std::string> doc_layers = it->second.layers;
    doc_layers.erase("model");
    EXPECT_EQ(doc_layers, layers) << "layer `" << name << "`: may-include column differs from CMakeLists.txt";
    EXPECT_EQ(it->second.third_party, rule.third_party) << "layer `" << name << "`: third-party column differs";
  }
  for (const auto& [name, rule] : documented) {
    EXPECT_TRUE(built.count(name)) << "docs/architecture.md documents layer `" << name << "`, the build has none";
  }
}

}  // namespace
}  // namespace specconv
