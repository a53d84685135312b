// docs/configuration.md must document every key Laurel reads, and nothing it does not.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "config/config_keys.hpp"

namespace laurel::config {
namespace {

std::string read_doc() {
  const char* root = std::getenv("LAUREL_SOURCE_DIR");
  EXPECT_NE(root, nullptr) << "ctest sets LAUREL_SOURCE_DIR";
  std::ifstream in(std::string(root ? root : ".") + "/docs/configuration.md");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ConfigurationDocTest, DocumentsExactlyTheKeysTheCodeReads) {
  const std::string doc = read_doc();
  ASSERT_FALSE(doc.empty());
  // A key is documented by a table row that starts with it: | `server.listen` | ...
  std::set<std::string> documented;
  const std::regex row(R"(^\| `([a-z0-9_]+\.[a-z0-9_]+)` \|)", std::regex::multiline);
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), row); it != std::sregex_iterator();
       ++it) {
    documented.insert((*it)[1]);
  }
  std::set<std::string> read_by_code;
  for (const auto& key : config_keys())
    read_by_code.insert(std::string(key.name));
  for (const auto& key : read_by_code) {
    EXPECT_TRUE(documented.count(key)) << key << " is read by Laurel but not documented";
    EXPECT_NE(doc.find(environment_name(key)), std::string::npos)
        << "the environment variable of " << key << " is not documented";
  }
  for (const auto& key : documented) {
    EXPECT_TRUE(read_by_code.count(key)) << key << " is documented but Laurel does not read it";
  }
}

}  // namespace
}  // namespace laurel::config
