// docs/mappings.md is generated from the mapping table; this test fails when it is stale.
#include <gtest/gtest.h>

#include <filesystem>

#include "testutil/process.h"

namespace specconv {
namespace {

namespace fs = std::filesystem;

TEST(Docs, MappingsMarkdownIsUpToDate) {
  const fs::path committed = fs::path(SPECCONV_SOURCE_DIR) / "docs" / "mappings.md";
  const auto r = testutil::run_specconv({"mappings"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto d = testutil::first_difference(testutil::read_file(committed), r.out);
  EXPECT_EQ(d.line, 0u) << "docs/mappings.md is stale (first difference at line " << d.line << ")\n"
                        << "  committed: " << d.expected << "\n"
                        << "  generated: " << d.actual << "\n"
                        << "regenerate it from the repository root with:\n"
                        << "  ./build/specconv mappings > docs/mappings.md";
}

}  // namespace
}  // namespace specconv
