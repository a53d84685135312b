#include "config/config_loader.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace laurel::config {
namespace {

EnvironmentLookup env(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    if (auto it = values.find(name); it != values.end()) return it->second;
    return std::nullopt;
  };
}

std::string write_temp(const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("laurel-config-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

TEST(ConfigLoaderTest, DefaultsWhenNothingIsGiven) {
  auto config = load_config({});
  ASSERT_TRUE(config);
  EXPECT_EQ(config->server.listen, "127.0.0.1:8080");
  EXPECT_EQ(config->database.path, "laurel.db");
}

TEST(ConfigLoaderTest, FileThenEnvironmentThenFlags) {
  const auto path = write_temp(
      "[server]\nlisten = \"0.0.0.0:9000\"\nthreads = 3\n"
      "[database]\npath = \"from-file.db\"\n"
      "[log]\nlevel = \"warn\"\n");
  ConfigSources sources{
      path,
      env({{"LAUREL_DATABASE_PATH", "from-env.db"}, {"LAUREL_SERVER_LISTEN", "127.0.0.1:9001"}}),
      {{"server.listen", "127.0.0.1:9002"}}};
  auto config = load_config(sources);
  std::filesystem::remove(path);
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->server.threads, 3u);               // file
  EXPECT_EQ(config->log.level, "warn");                // file
  EXPECT_EQ(config->database.path, "from-env.db");     // environment beats file
  EXPECT_EQ(config->server.listen, "127.0.0.1:9002");  // flag beats environment
}

TEST(ConfigLoaderTest, UnknownKeyInFileIsAnErrorNamingIt) {
  Config config;
  auto s = apply_toml(config, "[server]\nlisten_port = 80\n", "laurel.toml");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "server.listen_port");
}

TEST(ConfigLoaderTest, BadValueInFileNamesTheKey) {
  Config config;
  auto s = apply_toml(config, "[server]\nthreads = \"many\"\n", "laurel.toml");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "server.threads");
  auto wrong_type = apply_toml(config, "[server]\nthreads = [1, 2]\n", "laurel.toml");
  ASSERT_FALSE(wrong_type);
  EXPECT_EQ(wrong_type.error().field, "server.threads");
}

TEST(ConfigLoaderTest, SyntaxErrorGivesLineAndColumn) {
  Config config;
  auto s = apply_toml(config, "[server\n", "laurel.toml");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field.rfind("laurel.toml:1:", 0), 0u) << s.error().field;
}

TEST(ConfigLoaderTest, BadEnvironmentValueNamesTheVariable) {
  auto config = load_config({std::nullopt, env({{"LAUREL_SERVER_THREADS", "x"}}), {}});
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().field, "LAUREL_SERVER_THREADS");
}

TEST(ConfigLoaderTest, MissingFileIsAnError) {
  auto config = load_config({std::string("/nonexistent/laurel.toml"), {}, {}});
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().field, "--config");
}

}  // namespace
}  // namespace laurel::config
