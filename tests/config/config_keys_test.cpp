#include "config/config_keys.hpp"

#include <gtest/gtest.h>

#include <set>

namespace laurel::config {
namespace {

TEST(ConfigKeysTest, NamesAreUniqueAndSectioned) {
  std::set<std::string_view> seen;
  for (const auto& key : config_keys()) {
    EXPECT_TRUE(seen.insert(key.name).second) << key.name;
    EXPECT_NE(key.name.find('.'), std::string_view::npos) << key.name;
    EXPECT_FALSE(key.description.empty()) << key.name;
  }
}

TEST(ConfigKeysTest, EveryKeyRoundTripsItsDefault) {
  // Setting a key to the text of its default must be accepted and change nothing.
  const Config defaults;
  for (const auto& key : config_keys()) {
    Config config;
    const auto text = key.get(defaults);
    ASSERT_TRUE(key.set(config, text)) << key.name << " = " << text;
    EXPECT_EQ(key.get(config), text) << key.name;
  }
}

TEST(ConfigKeysTest, ParsesAndChecksValues) {
  Config config;
  ASSERT_TRUE(find_config_key("server.threads")->set(config, "4"));
  EXPECT_EQ(config.server.threads, 4u);
  ASSERT_TRUE(find_config_key("server.idle_timeout_seconds")->set(config, "5"));
  EXPECT_EQ(config.server.idle_timeout, std::chrono::seconds(5));
  ASSERT_TRUE(find_config_key("auth.cookie_secure")->set(config, "true"));
  EXPECT_TRUE(config.auth.cookie_secure);

  auto bad = find_config_key("server.threads")->set(config, "four");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "server.threads");
  EXPECT_FALSE(find_config_key("server.threads")->set(config, "-1"));
  EXPECT_FALSE(find_config_key("server.listen")->set(config, "8080"));
  EXPECT_FALSE(find_config_key("server.listen")->set(config, "localhost:70000"));
  EXPECT_FALSE(find_config_key("log.level")->set(config, "loud"));
  EXPECT_FALSE(find_config_key("auth.cookie_secure")->set(config, "maybe"));
  EXPECT_EQ(find_config_key("company.timezone")->set(config, "Mars/Base").error().field,
            "company.timezone");
  ASSERT_TRUE(find_config_key("company.timezone")->set(config, "Europe/London"));
  EXPECT_EQ(config.company.timezone, "Europe/London");
  EXPECT_EQ(config.server.threads, 4u) << "a rejected value must not change the config";
}

TEST(ConfigKeysTest, EnvironmentNames) {
  EXPECT_EQ(environment_name("server.listen"), "LAUREL_SERVER_LISTEN");
  EXPECT_EQ(environment_name("auth.argon2_opslimit"), "LAUREL_AUTH_ARGON2_OPSLIMIT");
  EXPECT_EQ(find_config_key("no.such.key"), nullptr);
}

}  // namespace
}  // namespace laurel::config
